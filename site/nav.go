package site

import (
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/content"
)

// pageTitle writes the title of page q.
func (r *renderer) pageTitle(q *pageInfo) {
	switch {
	case q.title != nil:
		r.inlines(q.title.Title)
	case q.Doc.Title != "":
		r.text(&content.Text{Value: q.Doc.Title}, q.Doc.Title)
	default:
		r.text(&content.Text{Value: q.name}, q.name)
	}
}

// pageTitleHTML returns the title of page q as shown in navigation.
func (r *renderer) pageTitleHTML(q *pageInfo) string {
	return r.captureCopy(func() { r.pageTitle(q) })
}

// pageTitleText returns the title of page q as plain text, for the
// <title> element.
func (r *renderer) pageTitleText(q *pageInfo) string {
	var sb strings.Builder
	switch {
	case q.title != nil:
		r.b.plain(&sb, q.title.Title)
	case q.Doc.Title != "":
		sb.WriteString(r.b.fillPlain(&content.Text{Value: q.Doc.Title}, q.Doc.Title))
	default:
		sb.WriteString(r.b.fillPlain(&content.Text{Value: q.name}, q.name))
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// plain writes the personalized text of inlines without markup.
func (b *builder) plain(sb *strings.Builder, ins []content.Inline) {
	for _, in := range ins {
		switch n := in.(type) {
		case *content.Text:
			sb.WriteString(b.fillPlain(n, n.Value))
		case *content.Literal:
			sb.WriteString(b.fillPlain(n, n.Value))
		case *content.Emphasis:
			b.plain(sb, n.Children)
		case *content.Strong:
			b.plain(sb, n.Children)
		case *content.Link:
			b.plain(sb, n.Children)
		case *content.InlineTarget:
			b.plain(sb, n.Children)
		case *content.SubstRef:
			if n.Children != nil {
				b.plain(sb, n.Children)
			} else {
				sb.WriteString(b.fillPlain(n, "|"+n.Name+"|"))
			}
		case *content.Role:
			s := n.Title
			if s == "" {
				s = n.Target
			}
			sb.WriteString(b.fillPlain(n, s))
		case *content.InlineImage:
			sb.WriteString(b.fillPlain(n, n.Alt))
		case *content.LineBreak:
			sb.WriteByte(' ')
		}
	}
}

// pageSections returns the sections shown in the table of contents of
// page q: those below its title.
func pageSections(q *pageInfo) []*tocNode {
	if len(q.toc) == 0 || q.toc[0].sec != q.title {
		return q.toc
	}
	if len(q.toc) == 1 {
		return q.toc[0].kids
	}
	out := append([]*tocNode(nil), q.toc[0].kids...)
	return append(out, q.toc[1:]...)
}

// sectionList writes a list of links to the sections of page q, down to
// depth levels (0 for all), numbered below num when num is not nil.
func (r *renderer) sectionList(q *pageInfo, secs []*tocNode, depth int, num []int, ul bool) {
	if len(secs) == 0 {
		return
	}
	if ul {
		r.w("<ul>\n")
	}
	for k, s := range secs {
		var sub []int
		if num != nil {
			sub = append(append([]int(nil), num...), k+1)
		}
		r.w("<li>")
		r.tocLink(r.pageHref(q, sectionID(s.sec)), sub, func() { r.inlines(s.sec.Title) })
		if depth != 1 && len(s.kids) > 0 {
			r.w("\n")
			r.sectionList(q, s.kids, max(depth-1, 0), sub, true)
		}
		r.w("</li>\n")
	}
	if ul {
		r.w("</ul>\n")
	}
}

// tocLink writes a navigation link with an optional section number.
func (r *renderer) tocLink(href string, num []int, title func()) {
	r.w("<a")
	attr(r.out, "href", href)
	r.w(">")
	if num != nil {
		r.w(`<span class="secnum">`)
		for _, k := range num {
			r.w(strconv.Itoa(k) + ".")
		}
		r.w("</span> ")
	}
	r.writeCopy(title)
	r.w("</a>")
}

// tocEntry writes the list item of page q in a toctree or the index: a
// link to it, then its sections and the pages of its own toctrees, down
// to depth levels (0 for all). title writes the entry's title; nil shows
// the page's. seen holds the pages above q, against cycles.
func (r *renderer) tocEntry(q *pageInfo, title func(), depth int, num []int, seen map[*pageInfo]bool) {
	if title == nil {
		title = func() { r.pageTitle(q) }
	}
	r.w("<li>")
	r.tocLink(r.pageHref(q, ""), num, title)
	if depth != 1 && !seen[q] {
		secs := pageSections(q)
		var subs []tocItem
		for _, t := range q.toctrees {
			subs = append(subs, r.b.tocItems(q, t, nil)...)
		}
		if len(secs) > 0 || len(subs) > 0 {
			r.w("\n<ul>\n")
			r.sectionList(q, secs, max(depth-1, 0), num, false)
			if seen == nil {
				seen = map[*pageInfo]bool{}
			}
			seen[q] = true
			k := len(secs)
			for _, it := range subs {
				if it.page != nil && seen[it.page] {
					continue // a cycle: Sphinx leaves it out too
				}
				k++
				var sub []int
				if num != nil {
					sub = append(append([]int(nil), num...), k)
				}
				r.tocItem(it, max(depth-1, 0), sub, seen)
			}
			delete(seen, q)
			r.w("</ul>\n")
		}
	}
	r.w("</li>\n")
}

// A tocItem is a resolved toctree entry: a page or an external link.
type tocItem struct {
	page  *pageInfo
	url   string
	title string // explicit title, "" for the page's own
	node  *content.Toctree
}

func (r *renderer) tocItem(it tocItem, depth int, num []int, seen map[*pageInfo]bool) {
	if it.page == nil {
		r.w("<li>")
		r.a(r.b.fillPlain(it.node, it.url), "external", func() {
			if it.title != "" {
				r.text(it.node, it.title)
			} else {
				r.text(it.node, it.url)
			}
		})
		r.w("</li>\n")
		return
	}
	var title func()
	if it.title != "" {
		title = func() { r.text(it.node, it.title) }
	}
	r.tocEntry(it.page, title, depth, num, seen)
}

// tocItems resolves the entries of toctree t of page p; report, when not
// nil, is called for each entry that names no page.
func (b *builder) tocItems(p *pageInfo, t *content.Toctree, report func(e content.TocEntry, name string)) []tocItem {
	var out []tocItem
	for _, e := range t.Entries {
		doc := strings.TrimSpace(e.Doc)
		switch {
		case hasScheme(doc):
			out = append(out, tocItem{url: doc, title: e.Title, node: t})
		case doc == "self":
			out = append(out, tocItem{page: p, title: e.Title, node: t})
		case t.Glob && strings.ContainsAny(doc, "*?["):
			pat := docName(p, doc)
			var names []string
			for _, q := range b.pages {
				if ok, _ := path.Match(pat, q.name); ok && q != p {
					names = append(names, q.name)
				}
			}
			sort.Strings(names)
			for _, name := range names {
				out = append(out, tocItem{page: b.byName[name], node: t})
			}
		default:
			name := docName(p, doc)
			if q := b.byName[name]; q != nil {
				out = append(out, tocItem{page: q, title: e.Title, node: t})
			} else if report != nil {
				report(e, name)
			}
		}
	}
	return out
}

func (r *renderer) toctree(n *content.Toctree) {
	items := r.b.tocItems(r.p, n, func(e content.TocEntry, name string) {
		off := r.file.LineStart(e.Line)
		if i := strings.Index(r.file.Line(e.Line), strings.TrimSpace(e.Doc)); i >= 0 {
			off += i
		}
		if r.copy == 0 {
			r.sink.diags.Warnf(r.file.Position(off), "undefined document %q in toctree%s", e.Doc, r.b.suggest("document", name))
		}
	})
	if n.Hidden || len(items) == 0 {
		return
	}
	r.w(`<nav class="toctree"`)
	label := n.Caption
	if label == "" {
		label = "Contents"
	}
	attr(r.out, "aria-label", r.b.fillPlain(n, label))
	r.w(">\n")
	if n.Caption != "" {
		r.w(`<p class="caption">`)
		r.text(n, n.Caption)
		r.w("</p>\n")
	}
	r.w("<ul>\n")
	seen := map[*pageInfo]bool{r.p: true}
	for k, it := range items {
		var num []int
		if n.Numbered {
			num = []int{k + 1}
		}
		r.tocItem(it, n.MaxDepth, num, seen)
	}
	r.w("</ul>\n</nav>\n")
}
