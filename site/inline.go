package site

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/content"
)

func (r *renderer) inlines(ins []content.Inline) {
	for _, in := range ins {
		r.inline(in)
	}
}

func (r *renderer) inline(in content.Inline) {
	switch n := in.(type) {
	case *content.Text:
		r.text(n, n.Value)
	case *content.Literal:
		r.w("<code>")
		r.text(n, n.Value)
		r.w("</code>")
	case *content.Emphasis:
		r.w("<em>")
		r.inlines(n.Children)
		r.w("</em>")
	case *content.Strong:
		r.w("<strong>")
		r.inlines(n.Children)
		r.w("</strong>")
	case *content.Link:
		r.link(n)
	case *content.Role:
		r.role(n)
	case *content.SubstRef:
		if n.Children != nil {
			r.inlines(n.Children)
		} else {
			r.text(n, "|"+n.Name+"|")
		}
	case *content.FootnoteRef:
		r.footnoteRef(n)
	case *content.CitationRef:
		r.citationRef(n)
	case *content.InlineImage:
		if r.copy > 0 {
			r.text(n, n.Alt)
			return
		}
		r.w("<img")
		attr(r.out, "src", r.imageSrc(n, n.URI))
		attr(r.out, "alt", r.b.fillPlain(n, n.Alt))
		if n.Title != "" {
			attr(r.out, "title", r.b.fillPlain(n, n.Title))
		}
		r.w(">")
	case *content.InlineTarget:
		id := n.ID
		if id == "" {
			id = anchorID("target", n.Name)
		}
		if r.claim(id) {
			r.w("<span")
			attr(r.out, "id", id)
			r.w(">")
			r.inlines(n.Children)
			r.w("</span>")
		} else {
			r.inlines(n.Children)
		}
	case *content.LineBreak:
		if r.copy > 0 {
			r.w(" ")
		} else {
			r.w("<br>\n")
		}
	case *content.RawInline:
		if r.copy == 0 && strings.EqualFold(n.Format, "html") {
			r.w(r.b.fillHTML(n, n.Text))
		}
	}
}

// a writes a link to href around what fn writes; a copy, or text already
// inside a link, gets no link.
func (r *renderer) a(href, class string, fn func()) {
	if r.noLinks() {
		fn()
		return
	}
	r.w("<a")
	if class != "" {
		attr(r.out, "class", class)
	}
	attr(r.out, "href", href)
	r.w(">")
	r.inLink++
	fn()
	r.inLink--
	r.w("</a>")
}

func (r *renderer) link(n *content.Link) {
	href := ""
	switch {
	case n.URL != "":
		href = r.localLink(n, r.b.fillPlain(n, n.URL))
	case n.Internal != "":
		href = "#" + n.Internal
	}
	children := func() {
		if len(n.Children) == 0 {
			r.text(n, n.URL)
			return
		}
		r.inlines(n.Children)
	}
	if r.noLinks() {
		children()
		return
	}
	if href == "" {
		r.w(`<span class="xref-missing">`)
		children()
		r.w("</span>")
		return
	}
	r.w("<a")
	attr(r.out, "href", href)
	if n.Title != "" {
		attr(r.out, "title", r.b.fillPlain(n, n.Title))
	}
	r.w(">")
	r.inLink++
	children()
	r.inLink--
	r.w("</a>")
}

// hasScheme reports whether u is an absolute URL ("https://...",
// "mailto:...") or a network-path reference ("//host/...").
func hasScheme(u string) bool {
	if strings.HasPrefix(u, "//") {
		return true
	}
	i := strings.IndexAny(u, ":/?#")
	if i <= 0 || u[i] != ':' {
		return false
	}
	for j := 0; j < i; j++ {
		c := u[j]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// localLink resolves a relative link written in the page: a link to a
// source document ("postfix.md", "../mail.rst#relay", "postfix") becomes
// a link to its page, a link to another local file becomes a link to
// that file as an asset. Absolute URLs and fragments are returned as they
// are.
func (r *renderer) localLink(n content.Node, u string) string {
	if u == "" || hasScheme(u) || strings.HasPrefix(u, "#") {
		return u
	}
	p, frag, _ := strings.Cut(u, "#")
	if p == "" || strings.Contains(p, "?") || strings.HasSuffix(p, "/") {
		return u
	}
	switch ext := path.Ext(p); ext {
	case "", ".md", ".rst", ".markdown", ".txt", ".html":
		if q := r.b.byName[docName(r.p, strings.TrimSuffix(p, ext))]; q != nil {
			return hrefTo(r.p.Path, q.Path, frag)
		}
	}
	if a, ok := r.asset(n, p); ok {
		return hrefTo(r.p.Path, a, frag)
	}
	return u
}

// hrefTo returns the relative URL from the page at from to the site file
// at to, with a fragment when frag is not "".
func hrefTo(from, to, frag string) string {
	u := url.URL{Path: relPath(from, to), Fragment: frag}
	if from == to && frag != "" {
		u.Path = ""
	}
	return u.String()
}

// pageHref returns the URL of id in page q, from the current page.
func (r *renderer) pageHref(q *pageInfo, id string) string {
	return hrefTo(r.p.Path, q.Path, id)
}

// imageSrc returns the URL of an image, registering a local one as an
// asset.
func (r *renderer) imageSrc(n content.Node, uri string) string {
	u := r.b.fillPlain(n, uri)
	if u == "" || hasScheme(u) || strings.HasPrefix(u, "#") {
		return u
	}
	asset, ok := r.asset(n, u)
	if !ok {
		return u
	}
	return hrefTo(r.p.Path, asset, "")
}

// asset resolves a local file name written in the page to a path
// relative to the project, records it and reports whether it is one.
func (r *renderer) asset(n content.Node, u string) (string, bool) {
	p := u
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if unescaped, err := url.PathUnescape(p); err == nil {
		p = unescaped
	}
	var a string
	if rest, ok := strings.CutPrefix(p, "/"); ok {
		a = path.Join(r.p.srcRoot, rest)
	} else {
		a = path.Join(r.p.srcDir, p)
	}
	if a == "." || a == ".." || strings.HasPrefix(a, "../") || strings.ContainsRune(a, 0) {
		r.warn(n, "file %q is outside the project", u)
		return "", false
	}
	if r.copy == 0 {
		r.sink.assets = append(r.sink.assets, a)
	}
	return a, true
}

// roleTags are the elements of the roles that only style their text.
var roleTags = map[string][2]string{
	"command":         {`<code class="command">`, "</code>"},
	"program":         {`<code class="program">`, "</code>"},
	"code":            {`<code>`, "</code>"},
	"literal":         {`<code>`, "</code>"},
	"envvar":          {`<code class="envvar">`, "</code>"},
	"option":          {`<code class="option">`, "</code>"},
	"makevar":         {`<code class="makevar">`, "</code>"},
	"mailheader":      {`<code class="mailheader">`, "</code>"},
	"mimetype":        {`<code class="mimetype">`, "</code>"},
	"regexp":          {`<code class="regexp">`, "</code>"},
	"kbd":             {`<kbd>`, "</kbd>"},
	"sub":             {"<sub>", "</sub>"},
	"subscript":       {"<sub>", "</sub>"},
	"sup":             {"<sup>", "</sup>"},
	"superscript":     {"<sup>", "</sup>"},
	"emphasis":        {"<em>", "</em>"},
	"strong":          {"<strong>", "</strong>"},
	"dfn":             {`<dfn>`, "</dfn>"},
	"manpage":         {`<em class="manpage">`, "</em>"},
	"title-reference": {"<cite>", "</cite>"},
	"title":           {"<cite>", "</cite>"},
	"t":               {"<cite>", "</cite>"},
	"math":            {`<span class="math">`, "</span>"},
	"":                {"<cite>", "</cite>"},
}

func (r *renderer) role(n *content.Role) {
	name := strings.TrimPrefix(n.Name, "std:")
	switch name {
	case "ref":
		r.ref(n)
		return
	case "doc":
		r.doc(n)
		return
	case "numref":
		r.numref(n)
		return
	case "term":
		r.term(n)
		return
	case "download":
		r.download(n)
		return
	case "pep", "rfc":
		r.pepRFC(n, name)
		return
	case "file", "samp":
		r.w(`<code class="` + name + `">`)
		r.braced(n, n.Text)
		r.w("</code>")
		return
	case "abbr":
		r.abbr(n)
		return
	case "guilabel":
		r.w(`<span class="guilabel">`)
		r.accelerated(n, n.Text)
		r.w("</span>")
		return
	case "menuselection":
		r.w(`<span class="menuselection">`)
		r.menu(n)
		r.w("</span>")
		return
	}
	if t, ok := roleTags[name]; ok {
		text := n.Text
		if name != "code" && name != "math" {
			text = unescapeRole(text) // as docutils' generic roles do
		}
		r.w(t[0])
		r.text(n, text)
		r.w(t[1])
		return
	}
	// Domain roles (:py:func:, :setting:, ...) and unknown ones name code.
	r.w(`<code class="xref`)
	if c := classSafe(name); c != "" {
		r.w(" " + c)
	}
	r.w(`">`)
	text := n.Title
	if !n.Known {
		text = n.Text // a role nobody knows keeps all it says
	} else if text == "" {
		text = n.Target
		if t, ok := strings.CutPrefix(text, "~"); ok {
			text = t[strings.LastIndex(t, ".")+1:]
		}
		text = strings.TrimPrefix(text, "!")
	}
	r.text(n, text)
	r.w("</code>")
}

// unescapeRole removes the backslash escapes of a role's text, as
// docutils' unescape does: "\\x" is "x", a backslash before white space
// goes with it.
func unescapeRole(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		i++
		if i < len(s) && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// missing writes the text of an unresolved cross-reference and reports
// it.
func (r *renderer) missing(n *content.Role, format string, args ...any) {
	r.w(`<span class="xref-missing">`)
	if n.Title != "" {
		r.text(n, n.Title)
	} else {
		r.text(n, n.Target)
	}
	r.w("</span>")
	r.warn(n, format, args...)
}

func (r *renderer) ref(n *content.Role) {
	l := r.b.labels[content.NormalizeName(n.Target)]
	if title, builtin := sphinxPages[content.NormalizeName(n.Target)]; l == nil && builtin {
		// Sphinx's own index and search pages, which this site has not:
		// the words, without a link
		if n.Title != "" {
			title = n.Title
		}
		r.w(`<span class="xref">`)
		r.text(n, title)
		r.w("</span>")
		return
	}
	if l == nil {
		r.missing(n, "undefined label %q in :ref:%s", n.Target, r.b.suggest("label", n.Target))
		return
	}
	if n.Title == "" && !r.hasTitle(l) {
		r.missing(n, "label %q in :ref: names no section, figure, table or captioned code block: give a title, as in :ref:`Title <%s>`", n.Target, n.Target)
		return
	}
	r.a(r.pageHref(l.page, l.id), "xref", func() {
		if n.Title != "" {
			r.text(n, n.Title)
			return
		}
		r.writeCopy(func() { r.labelTitle(l) })
	})
}

// sphinxPages are the labels Sphinx gives its generated pages, with their
// titles.
var sphinxPages = map[string]string{"genindex": "Index", "modindex": "Module Index", "search": "Search Page"}

// hasTitle reports whether a label's element has a title that :ref: can
// show.
func (r *renderer) hasTitle(l *label) bool {
	switch n := l.node.(type) {
	case *content.Section:
		return true
	case *content.Figure:
		return len(n.Caption) > 0
	case *content.Table:
		return len(n.Caption) > 0
	case *content.Code:
		return n.Caption != ""
	case *content.DefItem:
		return true
	}
	return false
}

// labelTitle writes the title of a label's element.
func (r *renderer) labelTitle(l *label) {
	switch n := l.node.(type) {
	case *content.Section:
		r.inlines(n.Title)
	case *content.Figure:
		r.inlines(n.Caption)
	case *content.Table:
		r.inlines(n.Caption)
	case *content.Code:
		r.text(n, n.Caption)
	case *content.DefItem:
		r.inlines(n.Term)
	}
}

func (r *renderer) doc(n *content.Role) {
	name := docName(r.p, n.Target)
	q := r.b.byName[name]
	if q == nil {
		r.missing(n, "undefined document %q in :doc:%s", n.Target, r.b.suggest("document", name))
		return
	}
	r.a(r.pageHref(q, ""), "xref", func() {
		if n.Title != "" {
			r.text(n, n.Title)
			return
		}
		r.writeCopy(func() { r.pageTitle(q) })
	})
}

func (r *renderer) numref(n *content.Role) {
	l := r.b.labels[content.NormalizeName(n.Target)]
	if l == nil {
		r.missing(n, "undefined label %q in :numref:%s", n.Target, r.b.suggest("label", n.Target))
		return
	}
	num := r.b.numbers[l.node]
	if num == 0 {
		switch l.node.(type) {
		case *content.Figure, *content.Table, *content.Code:
			r.missing(n, "label %q in :numref: names an element without a caption: only captioned figures, tables and code blocks are numbered", n.Target)
		default:
			r.missing(n, "label %q in :numref: names no figure, table or code block", n.Target)
		}
		return
	}
	text := numberFormat(l.node)
	if n.Title != "" {
		text = n.Title
		if strings.Contains(text, "{name}") {
			text = strings.ReplaceAll(text, "{name}", r.captionText(l.node))
		}
	}
	num1 := strconv.Itoa(num)
	text = strings.ReplaceAll(strings.ReplaceAll(text, "{number}", num1), "%s", num1)
	r.a(r.pageHref(l.page, l.id), "xref", func() { r.text(n, text) })
}

// captionText returns the raw text of a numbered element's caption.
func (r *renderer) captionText(n content.Node) string {
	switch n := n.(type) {
	case *content.Figure:
		return content.PlainText(n.Caption)
	case *content.Table:
		return content.PlainText(n.Caption)
	case *content.Code:
		return n.Caption
	}
	return ""
}

func (r *renderer) term(n *content.Role) {
	l := r.b.terms[content.NormalizeName(n.Target)]
	if l == nil {
		r.missing(n, "undefined term %q in :term:%s", n.Target, r.b.suggest("term", n.Target))
		return
	}
	r.a(r.pageHref(l.page, l.id), "xref term", func() {
		if n.Title != "" {
			r.text(n, n.Title)
		} else {
			r.text(n, n.Target)
		}
	})
}

func (r *renderer) download(n *content.Role) {
	target := r.b.fillPlain(n, n.Target)
	href := target
	if !hasScheme(target) {
		if a, ok := r.asset(n, target); ok {
			href = hrefTo(r.p.Path, a, "")
		}
	}
	r.a(href, "download", func() {
		r.w("<code>")
		if n.Title != "" {
			r.text(n, n.Title)
		} else {
			r.text(n, n.Target)
		}
		r.w("</code>")
	})
}

// pepRFC links a :pep: or :rfc: role to the document it names.
func (r *renderer) pepRFC(n *content.Role, name string) {
	target := strings.TrimSpace(r.b.fillPlain(n, n.Target))
	num, anchor, _ := strings.Cut(target, "#")
	k, err := strconv.Atoi(num)
	if err != nil || k < 0 {
		r.missing(n, "invalid %s number %q in :%s:", strings.ToUpper(name), n.Target, name)
		return
	}
	var href, text string
	if name == "pep" {
		href = fmt.Sprintf("https://peps.python.org/pep-%04d/", k)
		text = "PEP " + strconv.Itoa(k)
	} else {
		href = fmt.Sprintf("https://datatracker.ietf.org/doc/html/rfc%d.html", k)
		text = "RFC " + strconv.Itoa(k)
	}
	if anchor != "" {
		href += "#" + url.PathEscape(anchor)
	}
	if n.Title != "" {
		text = n.Title
	}
	r.a(href, name, func() { r.text(n, text) })
}

func (r *renderer) abbr(n *content.Role) {
	s, fl := r.b.fill(n, n.Text)
	short, expl := s, ""
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, " ("); i > 0 {
			short, expl = s[:i], s[i+2:len(s)-1]
		}
	}
	r.w("<abbr")
	if expl != "" {
		attr(r.out, "title", expl)
	}
	r.w(">")
	writeMarked(r.out, short, clipFills(fl, 0, len(short)), nil, nil)
	r.w("</abbr>")
}

// braced writes the text of a :file: or :samp: role, its {variable}
// parts emphasized.
func (r *renderer) braced(n content.Node, text string) {
	s, fl := r.b.fill(n, text)
	var edits []edit
	var pairs [][2]int // offsets of matching "{" and "}"
	open := -1
	fc := fillCursor{fl: fl}
	for i := 0; i < len(s); i++ {
		if fc.inside(i) {
			continue
		}
		switch s[i] {
		case '\\':
			if i+1 < len(s) && strings.IndexByte("{}\\", s[i+1]) >= 0 {
				edits = append(edits, edit{i, i + 1, ""})
				i++
			}
		case '{':
			if open < 0 {
				open = i
			}
		case '}':
			if open >= 0 {
				edits = append(edits, edit{open, open + 1, ""}, edit{i, i + 1, ""})
				pairs = append(pairs, [2]int{open, i})
				open = -1
			}
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	out, ofl, mapOff := applyEdits(s, fl, edits)
	var marks []mark
	for _, p := range pairs {
		if start, end := mapOff(p[0]+1), mapOff(p[1]); start < end {
			marks = append(marks, mark{start, end, "<em>", "</em>"})
		}
	}
	writeMarked(r.out, out, ofl, marks, nil)
}

// A fillCursor answers, for increasing offsets, whether an offset lies
// in a filled range.
type fillCursor struct {
	fl []Filled
	i  int
}

func (c *fillCursor) inside(off int) bool {
	for c.i < len(c.fl) && c.fl[c.i].End <= off {
		c.i++
	}
	return c.i < len(c.fl) && c.fl[c.i].Start <= off
}

// accelerated writes a :guilabel: text, its "&" accelerator key
// underlined as Sphinx does ("&&" is a literal ampersand).
func (r *renderer) accelerated(n content.Node, text string) {
	s, fl := r.b.fill(n, text)
	var edits []edit
	acc := -1
	fc := fillCursor{fl: fl}
	for i := 0; i < len(s); i++ {
		if s[i] != '&' || fc.inside(i) {
			continue
		}
		if i+1 < len(s) && s[i+1] == '&' {
			edits = append(edits, edit{i, i + 1, ""})
			i++
			continue
		}
		if acc < 0 && i+1 < len(s) {
			edits = append(edits, edit{i, i + 1, ""})
			acc = i + 1
		}
	}
	out, ofl, mapOff := applyEdits(s, fl, edits)
	var marks []mark
	if acc >= 0 {
		start := mapOff(acc)
		end := start + 1
		for end < len(out) && !boundary(out, end) {
			end++
		}
		marks = []mark{{start, end, `<span class="accelerator">`, "</span>"}}
	}
	writeMarked(r.out, out, ofl, marks, nil)
}

// menu writes a :menuselection: text with "-->" shown as a triangle.
func (r *renderer) menu(n *content.Role) {
	s, fl := r.b.fill(n, n.Text)
	var edits []edit
	fc := fillCursor{fl: fl}
	for i := 0; i+3 <= len(s); {
		j := strings.Index(s[i:], "-->")
		if j < 0 {
			break
		}
		if !fc.inside(i + j) {
			edits = append(edits, edit{i + j, i + j + 3, "‣"})
		}
		i += j + 3
	}
	out, ofl, _ := applyEdits(s, fl, edits)
	writeMarked(r.out, out, ofl, nil, nil)
}

func (r *renderer) footnoteRef(n *content.FootnoteRef) {
	if r.noLinks() {
		return
	}
	key := r.refKeys[n]
	if key == "" || !r.fnExists[key] {
		r.w(`<span class="xref-missing">[`)
		escapeText(r.out, n.Label)
		r.w("]</span>")
		return
	}
	r.w(`<a class="footnote-ref"`)
	r.idAttr(refID("fnref-", key, r.refIndex[n]))
	attr(r.out, "href", "#fn-"+key)
	r.w(">[")
	escapeText(r.out, footnoteLabel(key, n.Label, n.Number))
	r.w("]</a>")
}

func (r *renderer) citationRef(n *content.CitationRef) {
	if r.noLinks() {
		return
	}
	label := r.b.fillPlain(n, n.Label)
	l := r.b.cites[content.NormalizeName(n.Label)]
	if l == nil {
		r.w(`<span class="xref-missing">[`)
		escapeText(r.out, label)
		r.w("]</span>")
		r.warn(n, "undefined citation %q%s", n.Label, r.b.suggest("citation", n.Label))
		return
	}
	r.w(`<a class="citation-ref"`)
	if k := r.citeIndex[n]; k > 0 {
		r.idAttr(refID("citeref-", anchorID("cite", l.name), k))
	}
	attr(r.out, "href", r.pageHref(l.page, l.id))
	r.w(">[")
	escapeText(r.out, label)
	r.w("]</a>")
}
