package site

import (
	"bytes"
	"html"
	"html/template"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/tailordocs/tailor/content"
)

// A Page is one document of the site, in reading order.
type Page struct {
	Doc *content.Doc
	// Path is the output path relative to the site root, slash-separated:
	// "settings.html", "mail/postfix.html". A page with Path "index.html"
	// is the home page; without one, Build makes an index.
	Path string
}

// A Filled is where a filled-in value lies in a text returned by Fill.
type Filled struct {
	Start, End int    // byte offsets in the returned text
	Name       string // placeholder name, without "$"
	Secret     bool   // the text there is a mask, not the value
}

// Options configure a build. The zero value renders the pages as written.
type Options struct {
	// Title is the site's title; "" uses the first page's title.
	Title string
	// Client is the client's name shown in the header; "" for none.
	Client string
	// Fill personalizes a text of node n for display: placeholders
	// replaced, secrets already masked, and where the values are. nil
	// shows every text as written. Build calls it for EVERY text it
	// shows: titles, prose, inline literals, code, link targets, image
	// sources and alt text, captions, raw HTML, the <title> element.
	// Ranges that are empty, out of bounds, not on character boundaries
	// or overlapping an earlier range are ignored. Nodes that Build makes
	// up (for Title, or a page without a title) are *content.Text without
	// a position. Unless Jobs is above one, a build calls Fill from one
	// goroutine at a time.
	Fill func(n content.Node, s string) (string, []Filled)
	// Note returns a short line shown with a code block, such as
	// "append to /etc/postfix/main.cf" (already personalized); "" for
	// none. nil shows none.
	Note func(c *content.Code) string
	// Highlighter, when not nil, is shared by the builds of one run so
	// that a code block that reads the same for several clients is
	// highlighted once. nil highlights every block of this build.
	Highlighter *Highlighter
	// Lang is the language of the pages for the lang attribute of <html>;
	// "" means "en".
	Lang string
	// Theme is the page template; nil is tailor's own (see ParseTheme).
	Theme *Theme
	// CSS are stylesheets linked after tailor's, written to _static/ by
	// their base names; Logo, when not nil, is an image shown before the
	// site's title, written there too. Their names must not be those of
	// tailor's own assets (tailor.css, tailor.js).
	CSS  []File
	Logo *File
	// Footer is a line of text at the foot of every page, personalized
	// as every text; "" for none.
	Footer string
	// Install lists what the tutorial makes on a system; when not nil,
	// the site has a Files page listing it, and the note of each code
	// block that gives a file its content links to its entry there.
	Install *Install
	// HighlightLanguage is the language of reST literal blocks ("::") and
	// of reST code blocks that name none, until a highlight directive
	// names another, as Sphinx's highlight_language. "" means Sphinx's
	// default: Python, shown plain when the text does not read as Python.
	HighlightLanguage string
	// Jobs bounds how many pages render at once; 0 and 1 render one at
	// a time. Above one, Fill and Note are called from as many
	// goroutines at once. The site is the same whatever Jobs is.
	Jobs int
}

// A File is one output file, relative to the site root: Path is
// slash-separated ("mail/postfix.html", "_static/tailor.css"). As an
// option, it is a file of the project, Path relative to it.
type File struct {
	Path string
	Data []byte
}

// A Site is the result of a build. The zero value is an empty site.
type Site struct {
	Files []File // sorted by Path; includes _static/ assets
	// Assets are local files the pages refer to (images), as slash paths
	// relative to the project (resolved against each page's directory),
	// for the caller to copy to the same relative path under the site.
	Assets []string
}

// File returns the data of the output file at path p and whether there is
// one.
func (s *Site) File(p string) ([]byte, bool) {
	if s == nil {
		return nil, false
	}
	i := sort.Search(len(s.Files), func(i int) bool { return s.Files[i].Path >= p })
	if i < len(s.Files) && s.Files[i].Path == p {
		return s.Files[i].Data, true
	}
	return nil, false
}

// Where the site's own assets are written.
const (
	cssPath = "_static/tailor.css"
	jsPath  = "_static/tailor.js"
)

// staticPath returns where a project's asset named name (a stylesheet,
// a logo) is written: under _static/, by its base name.
func staticPath(name string) string { return "_static/" + path.Base(name) }

// Build renders the pages. It reports unresolved cross-references as
// warnings with their positions. It is safe for concurrent use with
// different arguments; the output is byte-identical for identical input.
//
// A page whose Path is not a clean relative slash path, or is used twice,
// or whose Doc is nil, is left out and reported as an error.
func Build(pages []Page, opts Options) (*Site, content.Diagnostics) {
	b := &builder{
		opts:     opts,
		theme:    opts.Theme,
		byName:   map[string]*pageInfo{},
		labels:   map[string]*label{},
		terms:    map[string]*label{},
		cites:    map[string]*label{},
		numbers:  map[content.Node]int{},
		secLabel: map[*content.Section][]string{},
		toSec:    map[*content.Target]bool{},
		termIDs:  map[*content.DefItem]string{},
		assets:   map[string]bool{},

		candidates: map[string][]string{},
		suggested:  map[string]string{},

		codeAt:     map[string][]codeSpot{},
		blockIDs:   map[*content.Code]string{},
		blockEntry: map[*content.Code]string{},
	}
	if b.theme == nil {
		b.theme = defaultTheme()
	}
	b.addPages(pages)
	for _, p := range b.pages {
		b.index(p)
		b.indexCode(p)
	}
	b.navigation()
	b.prepareFiles()
	b.siteTitle()
	if b.opts.Footer != "" {
		n := &content.Text{Value: b.opts.Footer}
		s, fl := b.fill(n, b.opts.Footer)
		var sb strings.Builder
		writeMarked(&sb, s, fl, nil, nil)
		b.footer = template.HTML(sb.String())
	}
	files := b.renderAll()
	files = append(files,
		File{Path: cssPath, Data: bytes.Clone(stylesheet())},
		File{Path: jsPath, Data: bytes.Clone(script)},
		File{Path: searchPath, Data: b.search.script()})
	for _, f := range b.opts.CSS {
		files = append(files, File{Path: staticPath(f.Path), Data: bytes.Clone(f.Data)})
	}
	if l := b.opts.Logo; l != nil {
		files = append(files, File{Path: staticPath(l.Path), Data: bytes.Clone(l.Data)})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	s := &Site{Files: files}
	for a := range b.assets {
		s.Assets = append(s.Assets, a)
	}
	sort.Strings(s.Assets)
	b.diags.Sort()
	return s, b.diags
}

// renderAll renders the pages, the home page when no page is it, and
// the Files page, on Options.Jobs goroutines; what they report, the
// files they use and the search index's sections are merged in reading
// order, as if they had rendered one after the other.
func (b *builder) renderAll() []File {
	var files []File
	var render []func(*pageOut) []byte
	for i, p := range b.pages {
		files = append(files, File{Path: p.Path})
		render = append(render, func(sink *pageOut) []byte { return b.renderPage(p, i, sink) })
	}
	if !b.hasIndex {
		files = append(files, File{Path: "index.html"})
		render = append(render, b.renderIndex)
	}
	if b.filesPage != "" {
		files = append(files, File{Path: b.filesPage})
		render = append(render, b.renderFiles)
	}
	sinks := make([]pageOut, len(files))
	forEach(len(files), b.opts.Jobs, func(i int) {
		files[i].Data = render[i](&sinks[i])
	})
	for i, sink := range sinks {
		b.diags.Append(sink.diags)
		for _, a := range sink.assets {
			b.assets[a] = true
		}
		if i < len(b.pages) {
			b.search.add(b.pages[i].Path, sink.title, sink.sections)
		}
	}
	return files
}

// A pageOut is what rendering one page gives besides its HTML: what it
// reports, the local files it uses, and its title and sections for the
// search index. Each page renders into its own.
type pageOut struct {
	diags    content.Diagnostics
	assets   []string
	title    string
	sections []byte // in JSON, as sectionsJSON gives them
}

// builder holds the state of one build.
type builder struct {
	opts Options
	// mu guards the caches pages render with at once: highlighted,
	// candidates and suggested
	mu       sync.Mutex
	pages    []*pageInfo
	hasIndex bool // a page has Path "index.html"
	diags    content.Diagnostics

	byName map[string]*pageInfo // document name -> page
	labels map[string]*label    // normalized label -> definition
	terms  map[string]*label    // normalized glossary term -> definition
	cites  map[string]*label    // normalized citation label -> definition
	// numbers holds the per-page number of each numbered figure, table
	// and code block.
	numbers map[content.Node]int
	// secLabel holds the label targets that anchor a section, for the
	// heading's anchors; toSec marks those targets.
	secLabel map[*content.Section][]string
	toSec    map[*content.Target]bool
	termIDs  map[*content.DefItem]string
	assets   map[string]bool

	candidates map[string][]string // names of each kind, for suggestions
	suggested  map[string]string   // suggestion for each kind and name

	titleText string        // the site title, plain
	titleHTML template.HTML // the site title, with value spans
	footer    template.HTML // the footer, with value spans

	theme  *Theme
	nav    *navNode               // the site's table of contents
	navOf  map[*pageInfo]*navNode // each page's entry in it
	search searchIndex
	// highlighted holds the highlighting of each code text of this build.
	highlighted map[codeKey][]mark

	// The Files page ("" when there is none), the id of each of its
	// entries, the code blocks of each source file, the id of each code
	// block an entry comes from, and the entry each block gives content
	// to, by its id.
	filesPage  string
	entryIDs   []string
	codeAt     map[string][]codeSpot
	blockIDs   map[*content.Code]string
	blockEntry map[*content.Code]string
}

// pageInfo is a page with what the build knows of it.
type pageInfo struct {
	Page
	name    string // document name: Path without its extension
	srcDir  string // directory of the source, relative to the project
	srcRoot string // the directory page names are relative to, in the project
	title   *content.Section
	toc     []*tocNode
	// toctrees are the page's toctree directives, hidden ones included.
	toctrees []*content.Toctree
}

// tocNode is a section and the sections it holds.
type tocNode struct {
	sec  *content.Section
	kids []*tocNode
}

func (b *builder) addPages(pages []Page) {
	seen := map[string]string{} // document name -> page path
	for _, pg := range pages {
		pos := content.Position{Filename: pg.Path}
		if pg.Doc != nil && pg.Doc.File != nil {
			pos = pg.Doc.File.Position(0)
		}
		p := pg.Path
		switch {
		case pg.Doc == nil:
			b.diags.Errorf(pos, "page %q has no document", p)
			continue
		case p == "" || p != path.Clean(p) || strings.HasPrefix(p, "/") || p == ".." ||
			strings.HasPrefix(p, "../") || strings.Contains(p, `\`) || path.Ext(p) == "":
			b.diags.Errorf(pos, "invalid page path %q: want a relative slash path such as \"mail/postfix.html\"", p)
			continue
		case strings.HasPrefix(p, "_static/"):
			b.diags.Errorf(pos, "invalid page path %q: _static/ holds the site's assets", p)
			continue
		}
		name := strings.TrimSuffix(p, path.Ext(p))
		if other, ok := seen[name]; ok {
			if other == p {
				b.diags.Errorf(pos, "page path %q is used twice", p)
			} else {
				b.diags.Errorf(pos, "page path %q names the same document as %q", p, other)
			}
			continue
		}
		seen[name] = p
		pi := &pageInfo{Page: pg, name: name}
		src := pg.Doc.Path()
		if src == "" {
			src = p
		}
		pi.srcDir = path.Dir(src)
		// The root of the page names in the project: "content" for the
		// source content/mail/postfix.rst of page mail/postfix.html.
		srcName := strings.TrimSuffix(src, path.Ext(src))
		pi.srcRoot = "."
		if srcName != pi.name && strings.HasSuffix(srcName, "/"+pi.name) {
			pi.srcRoot = strings.TrimSuffix(srcName, "/"+pi.name)
		}
		b.pages = append(b.pages, pi)
		b.byName[pi.name] = pi
		b.hasIndex = b.hasIndex || p == "index.html"
	}
}

// siteTitle works out the site's title.
func (b *builder) siteTitle() {
	if b.opts.Title != "" {
		n := &content.Text{Value: b.opts.Title}
		s, fl := b.fill(n, b.opts.Title)
		var sb strings.Builder
		writeMarked(&sb, s, fl, nil, nil)
		b.titleText, b.titleHTML = s, template.HTML(sb.String())
		return
	}
	if len(b.pages) == 0 {
		b.titleText, b.titleHTML = "Runbook", "Runbook"
		return
	}
	var sink pageOut
	r := b.newRenderer(b.pages[0], &sink)
	b.titleText = r.pageTitleText(b.pages[0])
	b.titleHTML = template.HTML(r.pageTitleHTML(b.pages[0]))
	b.diags.Append(sink.diags)
}

// fill calls Options.Fill and cleans the ranges it returns.
func (b *builder) fill(n content.Node, s string) (string, []Filled) {
	if b.opts.Fill == nil {
		return s, nil
	}
	out, fl := b.opts.Fill(n, s)
	return out, cleanFills(out, fl)
}

// fillPlain returns the personalized text without the ranges, for
// attribute values and the <title> element.
func (b *builder) fillPlain(n content.Node, s string) string {
	if b.opts.Fill == nil {
		return s
	}
	out, _ := b.opts.Fill(n, s)
	return out
}

// fillHTML returns raw HTML personalized, each value escaped: a value
// is text, whatever it holds ("Smith & Sons <ops@x>").
func (b *builder) fillHTML(n content.Node, s string) string {
	out, fl := b.fill(n, s)
	if len(fl) == 0 {
		return out
	}
	var sb strings.Builder
	last := 0
	for _, f := range fl {
		sb.WriteString(out[last:f.Start])
		sb.WriteString(html.EscapeString(out[f.Start:f.End]))
		last = f.End
	}
	sb.WriteString(out[last:])
	return sb.String()
}

// PageData is what the page template shows; its fields are the names a
// project's layouts use.
type PageData struct {
	Lang  string // the lang attribute of <html>
	Title string // the <title>: the page's, then the site's
	// Path is the page's path in the site; Root is the relative URL of
	// the site's root from the page ("", "../"), Static of _static/.
	Path, Root, Static string
	CSS                []string // stylesheets: tailor's, then the project's
	Script             string   // tailor's script: menu, search, copy buttons
	SearchIndex        string   // the search index, loaded when searching
	Home               string   // the home page
	SiteTitle          template.HTML
	Logo               string // the logo's URL, "" for none
	Client             string
	Nav                template.HTML // the sidebar's table of contents
	Breadcrumbs        []PageLink    // from the home page to this one; nil on the home page
	Body               template.HTML
	Prev, Next         *PageLink
	Footer             template.HTML // the project's footer, "" for none
}

// A PageLink is a link to a page of the site.
type PageLink struct {
	Href  string
	Title template.HTML
}

func templateHTML(s string) template.HTML { return template.HTML(s) }

func (b *builder) lang() string {
	if b.opts.Lang != "" {
		return b.opts.Lang
	}
	return "en"
}

// pageData returns what every page shows around its body.
func (b *builder) pageData(r *renderer, p *pageInfo) *PageData {
	d := &PageData{
		Lang:        b.lang(),
		Title:       b.titleText,
		Path:        p.Path,
		Root:        strings.TrimSuffix(hrefTo(p.Path, "index.html", ""), "index.html"),
		Static:      strings.TrimSuffix(hrefTo(p.Path, cssPath, ""), path.Base(cssPath)),
		Script:      hrefTo(p.Path, jsPath, ""),
		SearchIndex: hrefTo(p.Path, searchPath, ""),
		Home:        hrefTo(p.Path, "index.html", ""),
		SiteTitle:   b.titleHTML,
		Client:      b.opts.Client,
		Nav:         template.HTML(r.sidebar(p)),
		Breadcrumbs: r.breadcrumbs(p),
		Footer:      b.footer,
	}
	d.CSS = append(d.CSS, hrefTo(p.Path, cssPath, ""))
	for _, f := range b.opts.CSS {
		d.CSS = append(d.CSS, hrefTo(p.Path, staticPath(f.Path), ""))
	}
	if b.opts.Logo != nil {
		d.Logo = hrefTo(p.Path, staticPath(b.opts.Logo.Path), "")
	}
	return d
}

// renderPage renders the page at index i of the reading order.
func (b *builder) renderPage(p *pageInfo, i int, sink *pageOut) []byte {
	r := b.newRenderer(p, sink)
	if f := p.Doc.File; f != nil {
		// the body is about as long as the source: room made once, not
		// by doubling
		r.out.Grow(len(f.Src) + len(f.Src)/4)
	}
	r.prepare()
	r.blocks(p.Doc.Blocks)
	body := r.out.String()

	title := r.pageTitleText(p)
	// the page's part of the search index, made on the core that
	// renders it
	sink.title, sink.sections = title, sectionsJSON(sections(i, title, body))
	if title != b.titleText {
		title += " — " + b.titleText
	}
	d := b.pageData(r, p)
	d.Title = title
	d.Body = template.HTML(body)
	switch {
	case i > 0:
		prev := b.pages[i-1]
		d.Prev = &PageLink{Href: hrefTo(p.Path, prev.Path, ""), Title: template.HTML(r.pageTitleHTML(prev))}
	case p.Path != "index.html" && !b.hasIndex:
		d.Prev = &PageLink{Href: hrefTo(p.Path, "index.html", ""), Title: b.titleHTML}
	}
	if i+1 < len(b.pages) {
		next := b.pages[i+1]
		d.Next = &PageLink{Href: hrefTo(p.Path, next.Path, ""), Title: template.HTML(r.pageTitleHTML(next))}
	}
	return b.execute(d, sink)
}

// renderIndex renders the home page made when no page is the index.
func (b *builder) renderIndex(sink *pageOut) []byte {
	p := &pageInfo{Page: Page{Path: "index.html", Doc: &content.Doc{}}, name: "index", srcDir: ".", srcRoot: "."}
	r := b.newRenderer(p, sink)
	r.out.WriteString("<h1>")
	r.out.WriteString(string(b.titleHTML))
	r.out.WriteString("</h1>\n")
	if len(b.pages) > 0 {
		r.out.WriteString("<nav class=\"contents\" aria-label=\"Pages\">\n<ul>\n")
		for _, q := range b.pages {
			r.tocEntry(q, nil, 2, nil, nil)
		}
		r.out.WriteString("</ul>\n</nav>\n")
	}
	d := b.pageData(r, p)
	d.Body = template.HTML(r.out.String())
	if len(b.pages) > 0 {
		d.Next = &PageLink{Href: hrefTo(p.Path, b.pages[0].Path, ""), Title: template.HTML(r.pageTitleHTML(b.pages[0]))}
	}
	return b.execute(d, sink)
}

func (b *builder) execute(d *PageData, sink *pageOut) []byte {
	var buf bytes.Buffer
	buf.Grow(len(d.Body) + len(d.Nav) + 8<<10) // and the template's own markup
	err := b.theme.execute(&buf, d)
	if err == nil {
		return buf.Bytes()
	}
	sink.diags.Errorf(content.Position{Filename: d.Path}, "cannot render page: %v", err)
	return nil
}
