// Package site renders a tutorial's pages as a client's personalized
// runbook: a static HTML5 site that works from the file system.
//
// site stands at the end of tailor's documentation pipeline. The readers
// (content/rst, content/markdown) turn each page into a [content.Doc]; the
// generator drops the conditional content that does not apply to the
// client and hands the pages to [Build], together with a Fill function
// that replaces placeholders with the client's values and masks secrets.
// Build returns every file of the site (one HTML page per document, an
// index, and a stylesheet under _static/) and the local images the pages
// show, which the caller copies next to them.
//
// The output is plain semantic HTML with relative links only, no
// JavaScript and no external resources, so that it can be opened with a
// file:// URL, printed, or served by any web server. Code blocks are
// highlighted with chroma; each filled-in value is wrapped in a
// <span class="value"> (or <span class="secret"> for a masked secret)
// whose title names the placeholder, so that the reader can tell which
// parts of a command or file are specific to the client.
//
// Cross-references between pages (:ref:, :doc:, :numref:, :term:, toctree
// entries and citations) are resolved here, because only the renderer
// sees every page; the ones that cannot be resolved are reported as
// warnings.
package site
