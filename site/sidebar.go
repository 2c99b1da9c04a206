package site

import (
	"html/template"
	"strconv"

	"github.com/tailordocs/tailor/content"
)

// A navNode is an entry of the site's navigation: a page, or an external
// link of a toctree, with the entries below it.
type navNode struct {
	page   *pageInfo
	url    string // an external link's, when page is nil
	title  string // a toctree entry's own title, "" for the page's
	node   *content.Toctree
	num    []int // section number, nil when not numbered
	kids   []*navNode
	parent *navNode
}

// navigation builds the site's table of contents as Sphinx's sidebar
// shows it: the pages of the home page's toctrees (hidden ones too), in
// their order, each with the pages of its own toctrees. A site whose home
// page has no toctree lists every page in reading order. Pages that no
// toctree reaches come last.
func (b *builder) navigation() {
	b.navOf = map[*pageInfo]*navNode{}
	root := &navNode{}
	home := b.byName["index"]
	if home != nil && home.Path == "index.html" {
		b.navOf[home] = root
		root.page = home
		b.navKids(root, home, nil)
	}
	for _, p := range b.pages {
		if b.navOf[p] == nil && p != home {
			n := &navNode{page: p, parent: root}
			b.navOf[p] = n
			root.kids = append(root.kids, n)
			b.navKids(n, p, nil)
		}
	}
	b.nav = root
}

// navKids adds the entries of the toctrees of page p below n.
func (b *builder) navKids(n *navNode, p *pageInfo, num []int) {
	for _, t := range p.toctrees {
		k := 0
		for _, it := range b.tocItems(p, t, nil) {
			if it.page != nil && b.navOf[it.page] != nil {
				continue // listed already, or a cycle: Sphinx leaves it out
			}
			k++
			kid := &navNode{page: it.page, url: it.url, title: it.title, node: t, parent: n}
			if t.Numbered || num != nil {
				kid.num = append(append([]int(nil), num...), k)
			}
			n.kids = append(n.kids, kid)
			if it.page != nil {
				b.navOf[it.page] = kid
				b.navKids(kid, it.page, kid.num)
			}
		}
	}
}

// sidebarDepth is how many levels of the current page's sections the
// sidebar shows.
const sidebarDepth = 2

// sidebar returns the navigation list of page p: every top-level entry,
// the entries below the pages that lead to p, and p's own sections.
func (r *renderer) sidebar(p *pageInfo) string {
	return r.capture(func() {
		r.w(`<ul class="nav">` + "\n")
		for _, n := range r.b.nav.kids {
			r.navEntry(n, p, 1)
		}
		if r.b.filesPage != "" {
			r.w(`<li class="nav-files`)
			if p.Path == r.b.filesPage {
				r.w(` current`)
			}
			r.w(`"><a`)
			attr(r.out, "href", hrefTo(p.Path, r.b.filesPage, ""))
			if p.Path == r.b.filesPage {
				r.w(` aria-current="page"`)
			}
			r.w(">Files</a></li>\n")
		}
		r.w("</ul>\n")
	})
}

// onPath reports whether n is the navigation entry of p or one of its
// ancestors.
func (r *renderer) onPath(n *navNode, p *pageInfo) bool {
	for m := r.b.navOf[p]; m != nil; m = m.parent {
		if m == n {
			return true
		}
	}
	return false
}

func (r *renderer) navEntry(n *navNode, p *pageInfo, level int) {
	open := n.page != nil && r.onPath(n, p)
	current := n.page == p
	r.w(`<li class="nav-l` + strconv.Itoa(level))
	if current {
		r.w(" current")
	} else if open {
		r.w(" open")
	}
	r.w(`">`)
	if n.page == nil {
		r.a(r.b.fillPlain(n.node, n.url), "external", func() {
			if n.title != "" {
				r.text(n.node, n.title)
			} else {
				r.text(n.node, n.url)
			}
		})
		r.w("</li>\n")
		return
	}
	r.w("<a")
	attr(r.out, "href", r.pageHref(n.page, ""))
	if current {
		r.w(` aria-current="page"`)
	}
	r.w(">")
	if n.num != nil {
		r.secnum(n.num)
	}
	r.writeCopy(func() {
		if n.title != "" {
			r.text(n.node, n.title)
		} else {
			r.pageTitle(n.page)
		}
	})
	r.w("</a>")
	var secs []*tocNode
	if current {
		secs = pageSections(p)
	}
	if open && (len(secs) > 0 || len(n.kids) > 0) {
		r.w("\n<ul>\n")
		r.navSections(p, secs, sidebarDepth, n.num)
		for _, k := range n.kids {
			r.navEntry(k, p, level+1)
		}
		r.w("</ul>\n")
	}
	r.w("</li>\n")
}

// navSections writes links to sections of the current page p, down to
// depth levels, numbered below num when num is not nil.
func (r *renderer) navSections(p *pageInfo, secs []*tocNode, depth int, num []int) {
	for k, s := range secs {
		var sub []int
		if num != nil {
			sub = append(append([]int(nil), num...), k+1)
		}
		r.w(`<li class="nav-section"><a`)
		attr(r.out, "href", "#"+sectionID(s.sec))
		r.w(">")
		if sub != nil {
			r.secnum(sub)
		}
		r.writeCopy(func() { r.inlines(s.sec.Title) })
		r.w("</a>")
		if depth > 1 && len(s.kids) > 0 {
			r.w("\n<ul>\n")
			r.navSections(p, s.kids, depth-1, sub)
			r.w("</ul>\n")
		}
		r.w("</li>\n")
	}
}

// secnum writes a section number.
func (r *renderer) secnum(num []int) {
	r.w(`<span class="secnum">`)
	for _, k := range num {
		r.w(strconv.Itoa(k) + ".")
	}
	r.w("</span> ")
}

// breadcrumbs returns the pages that lead from the home page to p, p
// last without a link; nil for the home page.
func (r *renderer) breadcrumbs(p *pageInfo) []PageLink {
	if p.Path == "index.html" {
		return nil
	}
	var chain []*pageInfo
	for n := r.b.navOf[p]; n != nil && n != r.b.nav; n = n.parent {
		chain = append(chain, n.page)
	}
	if len(chain) == 0 {
		chain = []*pageInfo{p} // a page outside the navigation: the Files page
	}
	out := []PageLink{{Href: hrefTo(p.Path, "index.html", ""), Title: "Home"}}
	for i := len(chain) - 1; i >= 0; i-- {
		l := PageLink{Title: template.HTML(r.pageTitleHTML(chain[i]))}
		if i > 0 {
			l.Href = r.pageHref(chain[i], "")
		}
		out = append(out, l)
	}
	return out
}
