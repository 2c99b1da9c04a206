package generator

import (
	"github.com/tailordocs/tailor/content"
)

// filterDocs returns the pages as a client with the given tags sees them:
// conditional content whose expression fails is dropped, and the content
// that stays replaces its Only node. Nodes are shared with the input, which
// is never modified; only the containers on the way to an Only are copied.
func filterDocs(docs []*content.Doc, tags map[string]bool) []*content.Doc {
	out := make([]*content.Doc, len(docs))
	for i, d := range docs {
		bs, changed := filterBlocks(d.Blocks, tags)
		if !changed {
			out[i] = d
			continue
		}
		c := *d
		c.Blocks = bs
		out[i] = &c
	}
	return out
}

// holds reports whether an only expression holds; a bad expression (already
// reported by the reader) never holds.
func holds(expr string, tags map[string]bool) bool { return content.OnlyHolds(expr, tags) }

func filterBlocks(bs []content.Block, tags map[string]bool) ([]content.Block, bool) {
	var out []content.Block
	changed := false
	for i, b := range bs {
		keep, ch := filterBlock(b, tags)
		if ch && !changed {
			changed = true
			out = append(make([]content.Block, 0, len(bs)), bs[:i]...)
		}
		if changed {
			out = append(out, keep...)
		}
	}
	if !changed {
		return bs, false
	}
	return out, true
}

// filterBlock returns the blocks that replace b and whether they differ
// from b itself.
func filterBlock(b content.Block, tags map[string]bool) ([]content.Block, bool) {
	if o, ok := b.(*content.Only); ok {
		if !holds(o.Expr, tags) {
			return nil, true
		}
		inner, _ := filterBlocks(o.Blocks, tags)
		return inner, true
	}
	switch n := b.(type) {
	case *content.Section:
		if nb, ch := filterBlocks(n.Blocks, tags); ch {
			return copied(n, func(c *content.Section) { c.Blocks = nb }), true
		}
	case *content.Admonition:
		if nb, ch := filterBlocks(n.Blocks, tags); ch {
			return copied(n, func(c *content.Admonition) { c.Blocks = nb }), true
		}
	case *content.BlockQuote:
		if nb, ch := filterBlocks(n.Blocks, tags); ch {
			return copied(n, func(c *content.BlockQuote) { c.Blocks = nb }), true
		}
	case *content.Directive:
		if nb, ch := filterBlocks(n.Blocks, tags); ch {
			return copied(n, func(c *content.Directive) { c.Blocks = nb }), true
		}
	case *content.Include:
		if nb, ch := filterBlocks(n.Blocks, tags); ch {
			return copied(n, func(c *content.Include) { c.Blocks = nb }), true
		}
	case *content.Footnote:
		if nb, ch := filterBlocks(n.Blocks, tags); ch {
			return copied(n, func(c *content.Footnote) { c.Blocks = nb }), true
		}
	case *content.Citation:
		if nb, ch := filterBlocks(n.Blocks, tags); ch {
			return copied(n, func(c *content.Citation) { c.Blocks = nb }), true
		}
	case *content.Figure:
		if nb, ch := filterBlocks(n.Legend, tags); ch {
			return copied(n, func(c *content.Figure) { c.Legend = nb }), true
		}
	case *content.List:
		if items, ch := filterEach(n.Items, func(it *content.Item) *[]content.Block { return &it.Blocks }, tags); ch {
			return copied(n, func(c *content.List) { c.Items = items }), true
		}
	case *content.DefList:
		if items, ch := filterEach(n.Items, func(it *content.DefItem) *[]content.Block { return &it.Def }, tags); ch {
			return copied(n, func(c *content.DefList) { c.Items = items }), true
		}
	case *content.FieldList:
		if fields, ch := filterEach(n.Fields, func(f *content.Field) *[]content.Block { return &f.Body }, tags); ch {
			return copied(n, func(c *content.FieldList) { c.Fields = fields }), true
		}
	case *content.OptionList:
		if items, ch := filterEach(n.Items, func(it *content.OptionItem) *[]content.Block { return &it.Desc }, tags); ch {
			return copied(n, func(c *content.OptionList) { c.Items = items }), true
		}
	case *content.Table:
		head, hCh := filterRows(n.Head, tags)
		body, bCh := filterRows(n.Body, tags)
		if hCh || bCh {
			return copied(n, func(c *content.Table) { c.Head, c.Body = head, body }), true
		}
	}
	return []content.Block{b}, false
}

// copied returns a shallow copy of a container block, changed by set.
func copied[T any, P interface {
	*T
	content.Block
}](n P, set func(P)) []content.Block {
	c := P(new(T))
	*c = *n
	set(c)
	return []content.Block{c}
}

// filterEach filters the blocks that field points to in each element of
// xs; elements whose blocks change are copied, as is the slice.
func filterEach[T any](xs []*T, field func(*T) *[]content.Block, tags map[string]bool) ([]*T, bool) {
	out, changed := xs, false
	for i, x := range xs {
		nb, ch := filterBlocks(*field(x), tags)
		if !ch {
			continue
		}
		if !changed {
			out, changed = append([]*T(nil), xs...), true
		}
		c := *x
		*field(&c) = nb
		out[i] = &c
	}
	return out, changed
}

// filterRows filters the cells of table rows as filterEach does.
func filterRows(rows []*content.Row, tags map[string]bool) ([]*content.Row, bool) {
	out, changed := rows, false
	for i, r := range rows {
		cells, ch := filterEach(r.Cells, func(c *content.Cell) *[]content.Block { return &c.Blocks }, tags)
		if !ch {
			continue
		}
		if !changed {
			out, changed = append([]*content.Row(nil), rows...), true
		}
		c := *r
		c.Cells = cells
		out[i] = &c
	}
	return out, changed
}
