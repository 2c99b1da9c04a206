// Package site renders a tutorial's pages as a client's personalized
// runbook: a static HTML5 site that works from the file system.
//
// site stands at the end of tailor's documentation pipeline. The readers
// (content/rst, content/markdown) turn each page into a [content.Doc]; the
// generator drops the conditional content that does not apply to the
// client and hands the pages to [Build], together with a Fill function
// that replaces placeholders with the client's values and masks secrets.
// Build returns every file of the site (one HTML page per document, an
// index, a Files page when it is given what the tutorial installs, a
// search index, and a stylesheet and a script under _static/) and the
// local images the pages show, which the caller copies next to them.
//
// The output is semantic HTML with relative links only and no external
// resources, so that it can be opened with a file:// URL, printed, or
// served by any web server. Every page has a sidebar with the whole table
// of contents in toctree order (the current page and its sections open),
// breadcrumbs and previous and next links; on a narrow screen the sidebar
// folds away behind a menu button. A small script (the pages read the
// same without it) adds the menu, a search box over an index built with
// the site and loaded as a script, so that it works from file:// with no
// request, and a copy button on every code block that copies the
// commands without prompts or output. Code blocks are highlighted with
// chroma, reST literal blocks in Sphinx's highlight_language; each
// filled-in value is wrapped in a <span class="value"> (or <span
// class="secret"> for a masked secret) whose title names the
// placeholder, so that the reader can tell which parts of a command or
// file are specific to the client. The page template and the stylesheet
// are embedded; a project's layouts replace parts of the template
// (ParseTheme), and its stylesheets, logo and footer are added.
//
// Cross-references between pages (:ref:, :doc:, :numref:, :term:, toctree
// entries and citations) are resolved here, because only the renderer
// sees every page; the ones that cannot be resolved are reported as
// warnings.
package site
