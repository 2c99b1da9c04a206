package site

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/tailordocs/tailor/content"
)

// A renderer writes the HTML of one page.
type renderer struct {
	b    *builder
	p    *pageInfo
	sink *pageOut // what the page reports and uses
	out  *strings.Builder
	file *content.File // the file positions refer to: the page's, or an included one
	// copy is positive while text is shown away from its place: a title in
	// the navigation, a cross-reference's text. A copy has no links, no
	// ids, no footnote references and reports nothing.
	copy   int
	inLink int             // positive inside a link: no nested links
	used   map[string]bool // ids used in the page
	lang   string          // code language set by a highlight directive

	fnKeys    map[*content.Footnote]string
	refKeys   map[*content.FootnoteRef]string
	refIndex  map[*content.FootnoteRef]int // 1-based among the references to the same footnote
	refCount  map[string]int               // references per footnote key
	fnExists  map[string]bool
	citeIndex map[*content.CitationRef]int
	citeCount map[string]int // references on this page per citation key
}

// templateIDs are the ids of the page template's own elements.
var templateIDs = []string{"tailor-main", "tailor-sidebar", "tailor-search", "tailor-search-results"}

func (b *builder) newRenderer(p *pageInfo, sink *pageOut) *renderer {
	r := &renderer{b: b, p: p, sink: sink, out: new(strings.Builder), file: p.Doc.File, used: map[string]bool{}}
	for _, id := range templateIDs {
		r.used[id] = true
	}
	return r
}

func (r *renderer) w(s string) { r.out.WriteString(s) }

// noLinks reports whether links must not be written: in a copy, or inside
// another link.
func (r *renderer) noLinks() bool { return r.copy > 0 || r.inLink > 0 }

// capture returns what fn writes.
func (r *renderer) capture(fn func()) string {
	saved := r.out
	r.out = new(strings.Builder)
	fn()
	s := r.out.String()
	r.out = saved
	return s
}

// captureCopy returns what fn writes, as a copy.
func (r *renderer) captureCopy(fn func()) string {
	return r.capture(func() { r.writeCopy(fn) })
}

// writeCopy writes what fn writes, as a copy.
func (r *renderer) writeCopy(fn func()) {
	r.copy++
	fn()
	r.copy--
}

// warn reports a warning at node n, unless the output is a copy.
func (r *renderer) warn(n content.Node, format string, args ...any) {
	if r.copy > 0 {
		return
	}
	r.sink.diags.Warnf(r.file.Position(n.Pos()), format, args...)
}

// claim reports whether id is still free in the page, and takes it.
func (r *renderer) claim(id string) bool {
	if id == "" || r.used[id] || r.copy > 0 {
		return false
	}
	r.used[id] = true
	return true
}

// idAttr writes ` id="..."` when id is free.
func (r *renderer) idAttr(id string) {
	if r.claim(id) {
		attr(r.out, "id", id)
	}
}

// anchor writes an empty element that carries id, when id is free, and
// reports whether it did.
func (r *renderer) anchor(id string) bool {
	if !r.claim(id) {
		return false
	}
	r.w("<span")
	attr(r.out, "id", id)
	r.w("></span>")
	return true
}

// text writes s, a text of node n, personalized.
func (r *renderer) text(n content.Node, s string) {
	s, fl := r.b.fill(n, s)
	writeMarked(r.out, s, fl, nil, nil)
}

// prepare numbers the page's footnote and citation references, so that
// each footnote can link back to them.
func (r *renderer) prepare() {
	r.fnKeys = map[*content.Footnote]string{}
	r.refKeys = map[*content.FootnoteRef]string{}
	r.refIndex = map[*content.FootnoteRef]int{}
	r.refCount = map[string]int{}
	r.fnExists = map[string]bool{}
	r.citeIndex = map[*content.CitationRef]int{}
	r.citeCount = map[string]int{}
	symFn, symRef := 0, 0
	v := &visitor{
		block: func(bl content.Block, _ *content.File) bool {
			if f, ok := bl.(*content.Footnote); ok {
				key := footnoteKey(f.Label, f.Number)
				if key == "" {
					symFn++
					key = "sym-" + strconv.Itoa(symFn)
				}
				r.fnKeys[f] = key
				r.fnExists[key] = true
			}
			return true
		},
		inline: func(in content.Inline, _ *content.File) {
			switch n := in.(type) {
			case *content.FootnoteRef:
				key := footnoteKey(n.Label, n.Number)
				if key == "" {
					symRef++
					key = "sym-" + strconv.Itoa(symRef)
				}
				r.refKeys[n] = key
				r.refCount[key]++
				r.refIndex[n] = r.refCount[key]
			case *content.CitationRef:
				key := content.NormalizeName(n.Label)
				if l := r.b.cites[key]; l != nil && l.page == r.p {
					r.citeCount[key]++
					r.citeIndex[n] = r.citeCount[key]
				}
			}
		},
	}
	v.blocks(r.p.Doc.Blocks, r.p.Doc.File)
}

// footnoteKey returns the key that ties a footnote to its references: its
// number, or its label; "" for an auto-symbol footnote, which pairs by
// order.
func footnoteKey(label string, number int) string {
	if number > 0 {
		return strconv.Itoa(number)
	}
	if label == "*" {
		return ""
	}
	return anchorID("label", strings.TrimPrefix(label, "#"))
}

// refID returns the id of the k-th reference to a footnote or citation.
func refID(prefix, key string, k int) string {
	if k <= 1 {
		return prefix + key
	}
	return prefix + key + "-" + strconv.Itoa(k)
}

var footnoteSymbols = []string{"*", "†", "‡", "§", "¶", "#", "♠", "♥", "♦", "♣"}

// footnoteLabel returns what a footnote or reference shows.
func footnoteLabel(key, label string, number int) string {
	if number > 0 {
		return strconv.Itoa(number)
	}
	if n, ok := strings.CutPrefix(key, "sym-"); ok {
		i, _ := strconv.Atoi(n)
		i--
		return strings.Repeat(footnoteSymbols[i%len(footnoteSymbols)], i/len(footnoteSymbols)+1)
	}
	return strings.TrimPrefix(label, "#")
}

func (r *renderer) blocks(bs []content.Block) {
	for _, b := range bs {
		r.block(b)
	}
}

func (r *renderer) block(bl content.Block) {
	switch n := bl.(type) {
	case *content.Section:
		r.section(n)
	case *content.Paragraph:
		r.w("<p>")
		r.inlines(n.Inlines)
		r.w("</p>\n")
	case *content.Code:
		r.code(n)
	case *content.List:
		r.list(n)
	case *content.DefList:
		r.defList(n)
	case *content.FieldList:
		r.w("<dl class=\"field-list\">\n")
		for _, f := range n.Fields {
			r.w("<dt>")
			r.inlines(f.Name)
			r.w("</dt>\n<dd>")
			r.body(f.Body)
			r.w("</dd>\n")
		}
		r.w("</dl>\n")
	case *content.OptionList:
		r.w("<dl class=\"option-list\">\n")
		for _, it := range n.Items {
			r.w("<dt>")
			for i, o := range it.Options {
				if i > 0 {
					r.w(", ")
				}
				r.w("<kbd class=\"option\">")
				r.text(it, o)
				r.w("</kbd>")
			}
			r.w("</dt>\n<dd>")
			r.body(it.Desc)
			r.w("</dd>\n")
		}
		r.w("</dl>\n")
	case *content.Admonition:
		r.admonition(n)
	case *content.BlockQuote:
		r.quote(n, "")
	case *content.LineBlock:
		r.lineBlock(n)
	case *content.Table:
		r.table(n)
	case *content.Transition:
		r.w("<hr>\n")
	case *content.Comment, *content.SubstitutionDef:
	case *content.Target:
		if isLabel(n) && !r.b.toSec[n] && r.anchor(anchorID("label", n.Name)) {
			r.w("\n")
		}
	case *content.Image:
		r.image(n, false)
		r.w("\n")
	case *content.Figure:
		r.figure(n)
	case *content.Only:
		r.blocks(n.Blocks)
	case *content.Raw:
		if strings.EqualFold(n.Format, "html") {
			r.w(r.b.fillHTML(n, n.Text))
			r.w("\n")
		}
	case *content.Toctree:
		r.toctree(n)
	case *content.Footnote:
		r.footnote(n)
	case *content.Citation:
		r.citation(n)
	case *content.Include:
		saved := r.file
		if n.File != nil {
			r.file = n.File
		}
		r.blocks(n.Blocks)
		r.file = saved
	case *content.Directive:
		r.directive(n)
	}
}

// body writes the blocks of a definition or a table cell: a lone
// paragraph as its bare text, anything else as blocks.
func (r *renderer) body(bs []content.Block) {
	if p, ok := lonePara(bs); ok {
		r.inlines(p.Inlines)
		return
	}
	if len(bs) == 0 {
		return
	}
	r.w("\n")
	r.blocks(bs)
}

// compactItem reports whether a list item can be shown without
// paragraphs, as docutils does for simple lists: it holds nothing, one
// paragraph, or one paragraph and a nested list.
func compactItem(bs []content.Block) bool {
	switch len(bs) {
	case 0:
		return true
	case 1:
		_, ok := bs[0].(*content.Paragraph)
		return ok
	case 2:
		_, ok := bs[0].(*content.Paragraph)
		_, list := bs[1].(*content.List)
		return ok && list
	}
	return false
}

func lonePara(bs []content.Block) (*content.Paragraph, bool) {
	if len(bs) != 1 {
		return nil, false
	}
	p, ok := bs[0].(*content.Paragraph)
	return p, ok
}

func (r *renderer) section(n *content.Section) {
	lvl := strconv.Itoa(min(max(n.Level, 1), 6))
	r.w("<section>\n<h" + lvl)
	id := sectionID(n)
	r.idAttr(id)
	r.w(">")
	for _, l := range n.Labels {
		r.anchor(anchorID("label", l))
	}
	for _, l := range r.b.secLabel[n] {
		r.anchor(anchorID("label", l))
	}
	r.inlines(n.Title)
	r.w(` <a class="headerlink"`)
	attr(r.out, "href", "#"+id)
	r.w(` title="Link to this heading">¶</a></h` + lvl + ">\n")
	r.blocks(n.Blocks)
	r.w("</section>\n")
}

var enumTypes = map[string]string{
	"loweralpha": "a",
	"upperalpha": "A",
	"lowerroman": "i",
	"upperroman": "I",
}

func (r *renderer) list(n *content.List) {
	tag := "ul"
	if n.Ordered {
		tag = "ol"
	}
	r.w("<" + tag)
	if n.Ordered {
		if n.Start != 1 && (n.Start != 0 || strings.HasPrefix(n.Bullet, "0")) {
			attr(r.out, "start", strconv.Itoa(n.Start))
		}
		if t := enumTypes[n.Enum]; t != "" {
			attr(r.out, "type", t)
		}
	}
	r.w(">\n")
	compact := true
	for _, it := range n.Items {
		compact = compact && compactItem(it.Blocks)
	}
	for _, it := range n.Items {
		box := ""
		if it.Checked != nil {
			r.w(`<li class="task">`)
			box = `<input type="checkbox" disabled>`
			if *it.Checked {
				box = `<input type="checkbox" disabled checked>`
			}
		} else {
			r.w("<li>")
		}
		rest := it.Blocks
		p, ok := first[*content.Paragraph](rest)
		switch {
		case compact && ok:
			r.w(box)
			r.inlines(p.Inlines)
			rest = rest[1:]
		case compact:
			r.w(box)
		case ok && box != "":
			r.w("\n<p>" + box)
			r.inlines(p.Inlines)
			r.w("</p>")
			rest = rest[1:]
		case box != "":
			r.w("\n<p>" + box + "</p>")
		}
		if len(rest) > 0 {
			r.w("\n")
			r.blocks(rest)
		} else if !compact && box == "" {
			r.w("\n")
		}
		r.w("</li>\n")
	}
	r.w("</" + tag + ">\n")
}

// first returns the first block of bs when it is of type T.
func first[T content.Block](bs []content.Block) (T, bool) {
	var zero T
	if len(bs) == 0 {
		return zero, false
	}
	t, ok := bs[0].(T)
	return t, ok
}

func (r *renderer) defList(n *content.DefList) {
	r.w("<dl>\n")
	for _, it := range n.Items {
		r.w("<dt")
		if id := r.b.termIDs[it]; id != "" {
			r.idAttr(id)
		}
		r.w(">")
		r.inlines(it.Term)
		for _, c := range it.Classifiers {
			r.w(` <span class="classifier">`)
			r.inlines(c)
			r.w("</span>")
		}
		r.w("</dt>\n<dd>")
		r.body(it.Def)
		r.w("</dd>\n")
	}
	r.w("</dl>\n")
}

// admonitionTitles are the titles Sphinx gives admonitions.
var admonitionTitles = map[string]string{
	"attention": "Attention",
	"caution":   "Caution",
	"danger":    "Danger",
	"error":     "Error",
	"hint":      "Hint",
	"important": "Important",
	"note":      "Note",
	"seealso":   "See also",
	"tip":       "Tip",
	"todo":      "Todo",
	"warning":   "Warning",
}

func (r *renderer) admonition(n *content.Admonition) {
	kind := classSafe(n.Kind)
	if kind == "" {
		kind = "note"
	}
	generic := kind == "admonition"
	r.w(`<aside class="admonition`)
	if generic {
		if id := content.MakeID(content.PlainText(n.Title)); id != "" {
			r.w(" admonition-" + id)
		}
	} else {
		r.w(" " + kind)
	}
	r.w("\">\n<p class=\"admonition-title\">")
	switch {
	case generic:
		r.inlines(n.Title)
	case admonitionTitles[kind] != "":
		r.text(n, admonitionTitles[kind])
	default:
		r.text(n, strings.ToUpper(kind[:1])+kind[1:])
	}
	r.w("</p>\n")
	if !generic && len(n.Title) > 0 {
		r.w("<p>")
		r.inlines(n.Title)
		r.w("</p>\n")
	}
	r.blocks(n.Blocks)
	r.w("</aside>\n")
}

func (r *renderer) lineBlock(n *content.LineBlock) {
	r.w("<div class=\"line-block\">\n")
	depth := 0
	for _, l := range n.Lines {
		for ; depth < l.Indent; depth++ {
			r.w("<div class=\"line-block\">\n")
		}
		for ; depth > max(l.Indent, 0); depth-- {
			r.w("</div>\n")
		}
		r.w(`<div class="line">`)
		if len(l.Inlines) == 0 {
			r.w("<br>")
		}
		r.inlines(l.Inlines)
		r.w("</div>\n")
	}
	for ; depth > 0; depth-- {
		r.w("</div>\n")
	}
	r.w("</div>\n")
}

// quote writes a block quote, in a figure when it has an attribution;
// class is a directive's (epigraph, pull-quote), or "".
func (r *renderer) quote(n *content.BlockQuote, class string) {
	if len(n.Attribution) > 0 {
		r.w("<figure class=\"quote")
		if class != "" {
			r.w(" " + class)
		}
		r.w("\">\n<blockquote>\n")
		r.blocks(n.Blocks)
		r.w("</blockquote>\n<figcaption class=\"attribution\">— ")
		r.inlines(n.Attribution)
		r.w("</figcaption>\n</figure>\n")
		return
	}
	r.w("<blockquote")
	if class != "" {
		r.w(` class="` + class + `"`)
	}
	r.w(">\n")
	r.blocks(n.Blocks)
	r.w("</blockquote>\n")
}

func (r *renderer) table(n *content.Table) {
	r.w(`<div class="table"`)
	if n.Name != "" {
		r.idAttr(anchorID("table", n.Name))
	}
	r.w(">\n<table>\n")
	if len(n.Caption) > 0 {
		r.w("<caption>")
		r.number(n)
		r.inlines(n.Caption)
		r.w("</caption>\n")
	}
	if len(n.Head) > 0 {
		r.w("<thead>\n")
		r.rows(n.Head, "th", n.Align, 0)
		r.w("</thead>\n")
	}
	if len(n.Body) > 0 {
		r.w("<tbody>\n")
		r.rows(n.Body, "td", n.Align, n.Stub)
		r.w("</tbody>\n")
	}
	r.w("</table>\n</div>\n")
}

// rows writes table rows, working out each cell's column (for its
// alignment) from the spans of the cells before and above it.
func (r *renderer) rows(rows []*content.Row, cellTag string, align []string, stub int) {
	var busy []int // per column: how many more rows a cell above covers
	for _, row := range rows {
		r.w("<tr>\n")
		col := 0
		type span struct{ col, cols, rows int }
		var placed []span
		for _, c := range row.Cells {
			for col < len(busy) && busy[col] > 0 {
				col++
			}
			cs, rs := max(c.ColSpan, 1), max(c.RowSpan, 1)
			tag := cellTag
			if col < stub {
				tag = "th" // a row heading
			}
			r.w("<" + tag)
			if tag == "th" && cellTag == "td" {
				attr(r.out, "scope", "row")
			}
			if cs > 1 {
				attr(r.out, "colspan", strconv.Itoa(cs))
			}
			if rs > 1 {
				attr(r.out, "rowspan", strconv.Itoa(rs))
			}
			if col < len(align) {
				switch a := align[col]; a {
				case "left", "center", "right":
					attr(r.out, "class", "align-"+a)
				}
			}
			r.w(">")
			r.body(c.Blocks)
			r.w("</" + tag + ">\n")
			placed = append(placed, span{col, cs, rs})
			col += cs
		}
		for i := range busy {
			if busy[i] > 0 {
				busy[i]--
			}
		}
		for _, s := range placed {
			if s.rows > 1 {
				for len(busy) < s.col+s.cols {
					busy = append(busy, 0)
				}
				for i := s.col; i < s.col+s.cols; i++ {
					busy[i] = s.rows - 1
				}
			}
		}
		r.w("</tr>\n")
	}
}

// number writes the caption number of a numbered figure, table or code
// block.
func (r *renderer) number(n content.Node) {
	if k := r.b.numbers[n]; k > 0 {
		r.w(`<span class="caption-number">`)
		r.text(n, fmt.Sprintf(numberFormat(n), strconv.Itoa(k)))
		r.w(" </span>")
	}
}

var cssLength = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[0-9]+(\.[0-9]+)?\s*(px|%|em|rem|ex|ch|pt|pc|cm|mm|in|vw|vh)?$`)
})

// imageAttrs returns the style and class of an image from its options.
func imageAttrs(opts []content.Option, withAlign bool) (style, class string) {
	var styles, classes []string
	for _, name := range []string{"width", "height"} {
		v := strings.TrimSpace(optionValue(opts, name))
		if v == "" || !cssLength().MatchString(v) {
			continue
		}
		v = strings.ReplaceAll(v, " ", "")
		if strings.Trim(v, "0123456789.") == "" {
			v += "px"
		}
		styles = append(styles, name+": "+v)
	}
	if withAlign {
		switch a := optionValue(opts, "align"); a {
		case "left", "center", "right", "top", "middle", "bottom":
			classes = append(classes, "align-"+a)
		}
	}
	for _, c := range strings.Fields(optionValue(opts, "class")) {
		if c = classSafe(c); c != "" {
			classes = append(classes, c)
		}
	}
	return strings.Join(styles, "; "), strings.Join(classes, " ")
}

func (r *renderer) image(n *content.Image, inFigure bool) {
	target := optionValue(n.Options, "target")
	link := target != "" && !r.noLinks()
	if link {
		r.w("<a")
		attr(r.out, "href", r.localLink(n, r.b.fillPlain(n, target)))
		r.w(">")
	}
	r.w("<img")
	attr(r.out, "src", r.imageSrc(n, n.URI))
	alt := n.Alt
	if alt == "" {
		alt = optionValue(n.Options, "alt")
	}
	if alt == "" {
		alt = n.URI
	}
	attr(r.out, "alt", r.b.fillPlain(n, alt))
	style, class := imageAttrs(n.Options, !inFigure)
	if class != "" {
		attr(r.out, "class", class)
	}
	if style != "" {
		attr(r.out, "style", style)
	}
	r.w(">")
	if link {
		r.w("</a>")
	}
}

func (r *renderer) figure(n *content.Figure) {
	r.w(`<figure class="figure`)
	if n.Image != nil {
		switch a := optionValue(n.Image.Options, "align"); a {
		case "left", "center", "right":
			r.w(" align-" + a)
		}
	}
	r.w(`"`)
	if name := figureName(n); name != "" {
		r.idAttr(anchorID("figure", name))
	}
	r.w(">\n")
	if n.Image != nil {
		r.image(n.Image, true)
		r.w("\n")
	}
	if len(n.Caption) > 0 || len(n.Legend) > 0 {
		r.w("<figcaption>\n")
		if len(n.Caption) > 0 {
			r.w("<p>")
			r.number(n)
			r.inlines(n.Caption)
			r.w("</p>\n")
		}
		if len(n.Legend) > 0 {
			r.w("<div class=\"legend\">\n")
			r.blocks(n.Legend)
			r.w("</div>\n")
		}
		r.w("</figcaption>\n")
	}
	r.w("</figure>\n")
}

func (r *renderer) footnote(n *content.Footnote) {
	key := r.fnKeys[n]
	r.w(`<aside class="footnote"`)
	r.idAttr("fn-" + key)
	r.w(">\n")
	label := footnoteLabel(key, n.Label, n.Number)
	r.backLabel(label, "fnref-", key, r.refCount[key])
	r.blocks(n.Blocks)
	r.w("</aside>\n")
}

func (r *renderer) citation(n *content.Citation) {
	key := anchorID("cite", n.Label)
	r.w(`<div class="citation"`)
	r.idAttr("cite-" + key)
	r.w(">\n")
	r.backLabel(r.b.fillPlain(n, n.Label), "citeref-", key, r.citeCount[content.NormalizeName(n.Label)])
	r.blocks(n.Blocks)
	r.w("</div>\n")
}

// backLabel writes the label of a footnote or citation, linking back to
// its references on the page: the label itself for one, a list for more.
func (r *renderer) backLabel(label, prefix, key string, refs int) {
	r.w(`<p class="label">[`)
	if refs == 1 {
		r.w("<a")
		attr(r.out, "href", "#"+refID(prefix, key, 1))
		r.w(` title="Back to the reference">`)
		escapeText(r.out, label)
		r.w("</a>")
	} else {
		escapeText(r.out, label)
	}
	r.w("]")
	if refs > 1 {
		r.w(` <span class="backrefs">(`)
		for k := 1; k <= refs; k++ {
			if k > 1 {
				r.w(", ")
			}
			r.w("<a")
			attr(r.out, "href", "#"+refID(prefix, key, k))
			r.w(">" + strconv.Itoa(k) + "</a>")
		}
		r.w(")</span>")
	}
	r.w("</p>\n")
}

// versionLabels are the words Sphinx shows for version directives.
var versionLabels = map[string]string{
	"versionadded":   "New in version",
	"versionchanged": "Changed in version",
	"deprecated":     "Deprecated since version",
	"versionremoved": "Removed in version",
}

func (r *renderer) directive(n *content.Directive) {
	name := classSafe(n.Name)
	switch n.Name {
	case "highlight":
		r.lang = strings.TrimSpace(n.Args)
		return
	case "index", "meta", "tabularcolumns", "default-role", "currentmodule", "module", "sectionauthor", "codeauthor":
		return
	case "topic", "sidebar":
		r.w(`<aside class="` + name + "\">\n")
		r.w(`<p class="` + name + `-title">`)
		r.directiveTitle(n)
		r.w("</p>\n")
		if sub := optionValue(n.Options, "subtitle"); sub != "" {
			r.w(`<p class="` + name + `-subtitle">`)
			r.text(n, sub)
			r.w("</p>\n")
		}
		r.directiveBody(n)
		r.w("</aside>\n")
		return
	case "rubric":
		r.w(`<p class="rubric">`)
		r.directiveTitle(n)
		r.w("</p>\n")
		return
	case "centered":
		r.w(`<p class="centered"><strong>`)
		r.directiveTitle(n)
		r.w("</strong></p>\n")
		return
	case "math":
		r.w(`<div class="directive math"><pre class="math">`)
		text := n.Body
		if strings.TrimSpace(n.Args) != "" {
			text = strings.TrimSpace(n.Args + "\n\n" + n.Body)
		}
		r.text(n, text)
		r.w("</pre></div>\n")
		return
	case "epigraph", "highlights", "pull-quote":
		if len(n.Blocks) == 1 {
			if q, ok := n.Blocks[0].(*content.BlockQuote); ok {
				r.quote(q, name) // one quote: the directive's class on it
				return
			}
		}
		r.w(`<blockquote class="` + name + "\">\n")
		r.directiveBody(n)
		r.w("</blockquote>\n")
		return
	case "contents":
		r.w(`<nav class="contents" aria-label="Contents">` + "\n")
		r.w(`<p class="contents-title">`)
		if strings.TrimSpace(n.Args) != "" || len(n.Title) > 0 {
			r.directiveTitle(n)
		} else {
			r.text(n, "Contents")
		}
		r.w("</p>\n")
		depth := 0
		if d, err := strconv.Atoi(optionValue(n.Options, "depth")); err == nil {
			depth = d
		}
		r.sectionList(r.p, pageSections(r.p), depth, nil, true)
		r.w("</nav>\n")
		return
	}
	if label, ok := versionLabels[n.Name]; ok {
		r.w(`<div class="directive ` + name + "\">\n<p>")
		r.w(`<span class="versionmodified">`)
		r.text(n, strings.TrimSpace(label+" "+strings.TrimSpace(n.Args)))
		if len(n.Blocks) > 0 || strings.TrimSpace(n.Body) != "" {
			r.w(":</span></p>\n")
			r.directiveBody(n)
		} else {
			r.w(".</span></p>\n")
		}
		r.w("</div>\n")
		return
	}
	r.w(`<div class="directive`)
	if name != "" {
		r.w(" " + name)
	}
	if n.Name == "container" {
		for _, c := range strings.Fields(n.Args) {
			if c = classSafe(c); c != "" {
				r.w(" " + c)
			}
		}
	}
	r.w("\">\n")
	if n.Name != "container" && (len(n.Title) > 0 || strings.TrimSpace(n.Args) != "") {
		r.w(`<p class="directive-title">`)
		r.directiveTitle(n)
		r.w("</p>\n")
	}
	if !n.Known && len(n.Options) > 0 {
		// a directive nobody knows keeps all it says
		r.w(`<dl class="directive-options">` + "\n")
		for _, o := range n.Options {
			r.w("<dt>")
			r.text(n, o.Name)
			r.w("</dt><dd>")
			r.text(n, o.Value)
			r.w("</dd>\n")
		}
		r.w("</dl>\n")
	}
	r.directiveBody(n)
	r.w("</div>\n")
}

// directiveTitle writes a directive's title: its parsed title, or its
// argument as text.
func (r *renderer) directiveTitle(n *content.Directive) {
	if len(n.Title) > 0 {
		r.inlines(n.Title)
		return
	}
	r.text(n, strings.TrimSpace(n.Args))
}

// directiveBody writes a directive's blocks, or its raw body when it has
// none.
func (r *renderer) directiveBody(n *content.Directive) {
	if n.Blocks != nil {
		r.blocks(n.Blocks)
		return
	}
	if strings.TrimSpace(n.Body) != "" {
		r.w(`<pre class="directive-body">`)
		r.text(n, n.Body)
		r.w("</pre>\n")
	}
}
