package site

import (
	"encoding/hex"
	"fmt"
	"path"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
)

// A label is something a cross-reference can point to.
type label struct {
	name string // as written
	page *pageInfo
	id   string // anchor id in the page
	// node is the element the label names: *Section, *Figure, *Table,
	// *Code, *DefItem (a glossary term), *Citation; nil for a bare
	// anchor.
	node content.Node
	pos  content.Position
}

// index records what page p offers to cross-references: its title and
// sections, labels, numbered elements, glossary terms and citations.
func (b *builder) index(p *pageInfo) {
	p.toc = sectionTree(p.Doc.Blocks)
	var pending []*content.Target
	var pendingPos []content.Position
	counts := map[string]int{}
	v := &visitor{}
	v.block = func(bl content.Block, f *content.File) bool {
		if t, ok := bl.(*content.Target); ok && isLabel(t) {
			pending = append(pending, t)
			pendingPos = append(pendingPos, f.Position(t.Pos()))
			return true
		}
		if len(pending) > 0 && !invisible(bl) {
			for i, t := range pending {
				b.attach(p, t, pendingPos[i], bl)
			}
			pending, pendingPos = nil, nil
		}
		switch n := bl.(type) {
		case *content.Section:
			if p.title == nil && !frontMatterTitled(p.Doc, n) {
				p.title = n
			}
			for _, l := range n.Labels {
				b.define(b.labels, l, &label{name: l, page: p, id: sectionID(n), node: n, pos: f.Position(n.Pos())})
			}
		case *content.Figure:
			if len(n.Caption) > 0 {
				counts["figure"]++
				b.numbers[n] = counts["figure"]
			}
			if name := figureName(n); name != "" {
				b.define(b.labels, name, &label{name: name, page: p, id: anchorID("figure", name), node: n, pos: f.Position(n.Pos())})
			}
		case *content.Table:
			if len(n.Caption) > 0 {
				counts["table"]++
				b.numbers[n] = counts["table"]
			}
			if n.Name != "" {
				b.define(b.labels, n.Name, &label{name: n.Name, page: p, id: anchorID("table", n.Name), node: n, pos: f.Position(n.Pos())})
			}
		case *content.Code:
			if n.Caption != "" {
				counts["code"]++
				b.numbers[n] = counts["code"]
			}
			if n.Name != "" {
				b.define(b.labels, n.Name, &label{name: n.Name, page: p, id: anchorID("code", n.Name), node: n, pos: f.Position(n.Pos())})
			}
		case *content.Toctree:
			p.toctrees = append(p.toctrees, n)
		case *content.Citation:
			b.define(b.cites, n.Label, &label{name: n.Label, page: p, id: "cite-" + anchorID("cite", n.Label), node: n, pos: f.Position(n.Pos())})
		case *content.Directive:
			if n.Name == "glossary" {
				b.glossary(p, n, f)
			}
		}
		return true
	}
	v.inline = func(in content.Inline, f *content.File) {
		if t, ok := in.(*content.InlineTarget); ok && t.Name != "" {
			id := t.ID
			if id == "" {
				id = anchorID("target", t.Name)
			}
			b.define(b.labels, t.Name, &label{name: t.Name, page: p, id: id, pos: f.Position(t.Pos())})
		}
	}
	v.blocks(p.Doc.Blocks, p.Doc.File)
	for i, t := range pending {
		b.attach(p, t, pendingPos[i], nil)
	}
}

// attach defines the label of target t, which anchors the block next (nil
// at the end of the page).
func (b *builder) attach(p *pageInfo, t *content.Target, pos content.Position, next content.Block) {
	l := &label{name: t.Name, page: p, id: anchorID("label", t.Name), pos: pos}
	switch n := next.(type) {
	case *content.Section:
		b.toSec[t] = true
		b.secLabel[n] = append(b.secLabel[n], t.Name)
		l.id, l.node = sectionID(n), n
	case *content.Figure, *content.Table, *content.Code:
		l.node = n
	}
	b.define(b.labels, t.Name, l)
}

// define adds l under name to m, reporting a duplicate.
func (b *builder) define(m map[string]*label, name string, l *label) {
	key := content.NormalizeName(name)
	if old, ok := m[key]; ok {
		if old.page == l.page && old.id == l.id {
			return // the same label, known both from a target and a section
		}
		what := "label"
		switch l.node.(type) {
		case *content.Citation:
			what = "citation"
		case *content.DefItem:
			what = "glossary term"
		}
		b.diags.Warnf(l.pos, "duplicate %s %q: first defined at %s", what, name, old.pos)
		return
	}
	m[key] = l
}

// glossary defines the terms of a glossary directive.
func (b *builder) glossary(p *pageInfo, d *content.Directive, f *content.File) {
	for _, bl := range d.Blocks {
		dl, ok := bl.(*content.DefList)
		if !ok {
			continue
		}
		for _, it := range dl.Items {
			term := content.PlainText(it.Term)
			id := anchorID("term", term)
			if !strings.HasPrefix(id, "term-") {
				id = "term-" + id
			}
			b.termIDs[it] = id
			b.define(b.terms, term, &label{name: term, page: p, id: id, node: it, pos: f.Position(it.Pos())})
		}
	}
}

// figureName returns the :name: of a figure, kept in its image's options.
func figureName(f *content.Figure) string {
	if f.Image == nil {
		return ""
	}
	return optionValue(f.Image.Options, "name")
}

func optionValue(opts []content.Option, name string) string {
	for _, o := range opts {
		if o.Name == name {
			return o.Value
		}
	}
	return ""
}

// sectionTree returns the sections of blocks and the sections they hold.
func sectionTree(bs []content.Block) []*tocNode {
	var out []*tocNode
	for _, bl := range bs {
		switch n := bl.(type) {
		case *content.Section:
			out = append(out, &tocNode{sec: n, kids: sectionTree(n.Blocks)})
		case *content.Only:
			out = append(out, sectionTree(n.Blocks)...)
		case *content.Include:
			out = append(out, sectionTree(n.Blocks)...)
		}
	}
	return out
}

// sectionID returns the HTML id of a section.
func sectionID(s *content.Section) string {
	if s.ID != "" {
		return s.ID
	}
	return anchorID("section", s.RawTitle)
}

// anchorID returns the HTML id for a name as docutils makes it, or, for a
// name that leaves nothing (only digits or punctuation), one made from
// kind and the name's bytes.
func anchorID(kind, name string) string {
	if id := content.MakeID(name); id != "" {
		return id
	}
	return kind + "-" + hex.EncodeToString([]byte(name))
}

// numberFormat is how Sphinx shows the number of each kind of element.
func numberFormat(n content.Node) string {
	switch n.(type) {
	case *content.Figure:
		return "Fig. %s"
	case *content.Table:
		return "Table %s"
	case *content.Code:
		return "Listing %s"
	}
	return ""
}

// docName resolves a document name written in page p (":doc:`x`",
// a toctree entry) to a page name: relative to p's directory, or to the
// root when it starts with "/".
func docName(p *pageInfo, name string) string {
	name = strings.TrimSpace(name)
	for _, ext := range []string{".rst", ".md", ".txt", ".html"} {
		name = strings.TrimSuffix(name, ext)
	}
	if strings.HasPrefix(name, "/") {
		return path.Clean(strings.TrimPrefix(name, "/"))
	}
	return path.Join(path.Dir(p.name), name)
}

// suggest returns " (did you mean "x"?)" with the name of the kind
// ("label", "document", "term", "citation") nearest to name, or "". The
// candidates are listed once per build and the answers kept, so that many
// broken references cost no more than one each.
func (b *builder) suggest(kind, name string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	key := kind + "\x00" + name
	if s, ok := b.suggested[key]; ok {
		return s
	}
	names, ok := b.candidates[kind]
	if !ok {
		switch kind {
		case "document":
			for _, p := range b.pages {
				names = append(names, p.name)
			}
		case "label":
			names = labelNames(b.labels)
		case "term":
			names = labelNames(b.terms)
		case "citation":
			names = labelNames(b.cites)
		}
		b.candidates[kind] = names
	}
	s := ""
	if best := placeholder.Suggest(name, names); best != "" {
		s = fmt.Sprintf(" (did you mean %q?)", best)
	}
	b.suggested[key] = s
	return s
}

// labelNames returns the names of the labels of m as written.
func labelNames(m map[string]*label) []string {
	out := make([]string, 0, len(m))
	for _, l := range m {
		out = append(out, l.name)
	}
	return out
}

// frontMatterTitled reports whether a Markdown page takes its title from
// its front matter rather than from its first heading s.
func frontMatterTitled(d *content.Doc, s *content.Section) bool {
	return d.Format == content.Markdown && d.Title != "" && d.Title != content.PlainText(s.Title)
}
