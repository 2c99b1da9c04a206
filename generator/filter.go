package generator

import (
	"tailor/content"
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
func holds(expr string, tags map[string]bool) bool {
	e, err := content.ParseTagExpr(expr)
	return err == nil && e.Eval(tags)
}

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
	sub := func(bs []content.Block, changed *bool) []content.Block {
		nb, ch := filterBlocks(bs, tags)
		*changed = *changed || ch
		return nb
	}
	ch := false
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
		items := make([]*content.Item, len(n.Items))
		for i, it := range n.Items {
			itCh := false
			nb := sub(it.Blocks, &itCh)
			items[i] = it
			if itCh {
				c := *it
				c.Blocks = nb
				items[i] = &c
			}
			ch = ch || itCh
		}
		if ch {
			return copied(n, func(c *content.List) { c.Items = items }), true
		}
	case *content.DefList:
		items := make([]*content.DefItem, len(n.Items))
		for i, it := range n.Items {
			itCh := false
			nb := sub(it.Def, &itCh)
			items[i] = it
			if itCh {
				c := *it
				c.Def = nb
				items[i] = &c
			}
			ch = ch || itCh
		}
		if ch {
			return copied(n, func(c *content.DefList) { c.Items = items }), true
		}
	case *content.FieldList:
		fields := make([]*content.Field, len(n.Fields))
		for i, f := range n.Fields {
			fCh := false
			nb := sub(f.Body, &fCh)
			fields[i] = f
			if fCh {
				c := *f
				c.Body = nb
				fields[i] = &c
			}
			ch = ch || fCh
		}
		if ch {
			return copied(n, func(c *content.FieldList) { c.Fields = fields }), true
		}
	case *content.OptionList:
		items := make([]*content.OptionItem, len(n.Items))
		for i, it := range n.Items {
			itCh := false
			nb := sub(it.Desc, &itCh)
			items[i] = it
			if itCh {
				c := *it
				c.Desc = nb
				items[i] = &c
			}
			ch = ch || itCh
		}
		if ch {
			return copied(n, func(c *content.OptionList) { c.Items = items }), true
		}
	case *content.Table:
		rows := func(rs []*content.Row) []*content.Row {
			out := make([]*content.Row, len(rs))
			for i, r := range rs {
				cells := make([]*content.Cell, len(r.Cells))
				rowCh := false
				for j, cell := range r.Cells {
					cCh := false
					nb := sub(cell.Blocks, &cCh)
					cells[j] = cell
					if cCh {
						c := *cell
						c.Blocks = nb
						cells[j] = &c
						rowCh = true
					}
				}
				out[i] = r
				if rowCh {
					c := *r
					c.Cells = cells
					out[i] = &c
					ch = true
				}
			}
			return out
		}
		head, body := rows(n.Head), rows(n.Body)
		if ch {
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
