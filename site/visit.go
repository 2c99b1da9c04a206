package site

import "github.com/tailordocs/tailor/content"

// A visitor walks a document in reading order, following includes into
// their files.
type visitor struct {
	// block is called for every block; returning false skips what is
	// inside it.
	block func(b content.Block, f *content.File) bool
	// inline is called for every inline node, nested ones included.
	inline func(in content.Inline, f *content.File)
}

func (v *visitor) blocks(bs []content.Block, f *content.File) {
	for _, b := range bs {
		v.visit(b, f)
	}
}

func (v *visitor) visit(b content.Block, f *content.File) {
	if v.block != nil && !v.block(b, f) {
		return
	}
	switch n := b.(type) {
	case *content.Section:
		v.inlines(n.Title, f)
		v.blocks(n.Blocks, f)
	case *content.Paragraph:
		v.inlines(n.Inlines, f)
	case *content.List:
		for _, it := range n.Items {
			v.blocks(it.Blocks, f)
		}
	case *content.DefList:
		for _, it := range n.Items {
			v.inlines(it.Term, f)
			for _, c := range it.Classifiers {
				v.inlines(c, f)
			}
			v.blocks(it.Def, f)
		}
	case *content.FieldList:
		for _, fd := range n.Fields {
			v.inlines(fd.Name, f)
			v.blocks(fd.Body, f)
		}
	case *content.OptionList:
		for _, it := range n.Items {
			v.blocks(it.Desc, f)
		}
	case *content.Admonition:
		v.inlines(n.Title, f)
		v.blocks(n.Blocks, f)
	case *content.BlockQuote:
		v.blocks(n.Blocks, f)
		v.inlines(n.Attribution, f)
	case *content.LineBlock:
		for _, l := range n.Lines {
			v.inlines(l.Inlines, f)
		}
	case *content.Table:
		v.inlines(n.Caption, f)
		for _, rows := range [][]*content.Row{n.Head, n.Body} {
			for _, r := range rows {
				for _, c := range r.Cells {
					v.blocks(c.Blocks, f)
				}
			}
		}
	case *content.Figure:
		if n.Image != nil {
			v.visit(n.Image, f)
		}
		v.inlines(n.Caption, f)
		v.blocks(n.Legend, f)
	case *content.Only:
		v.blocks(n.Blocks, f)
	case *content.Footnote:
		v.blocks(n.Blocks, f)
	case *content.Citation:
		v.blocks(n.Blocks, f)
	case *content.Include:
		inc := n.File
		if inc == nil {
			inc = f
		}
		v.blocks(n.Blocks, inc)
	case *content.Directive:
		v.inlines(n.Title, f)
		v.blocks(n.Blocks, f)
	}
}

func (v *visitor) inlines(ins []content.Inline, f *content.File) {
	for _, in := range ins {
		if v.inline != nil {
			v.inline(in, f)
		}
		switch n := in.(type) {
		case *content.Emphasis:
			v.inlines(n.Children, f)
		case *content.Strong:
			v.inlines(n.Children, f)
		case *content.Link:
			v.inlines(n.Children, f)
		case *content.SubstRef:
			v.inlines(n.Children, f)
		case *content.InlineTarget:
			v.inlines(n.Children, f)
		}
	}
}

// isLabel reports whether t is an internal label (".. _name:") rather
// than an external or indirect target.
func isLabel(t *content.Target) bool {
	return t.Name != "" && t.URL == "" && t.RefName == "" && !t.Anonymous
}

// invisible reports whether a block shows nothing, so that a label
// before it anchors the block after it.
func invisible(b content.Block) bool {
	switch n := b.(type) {
	case *content.Comment, *content.Target, *content.SubstitutionDef, *content.Only, *content.Include:
		return true
	case *content.Directive:
		switch n.Name {
		case "highlight", "index", "meta", "tabularcolumns", "default-role", "currentmodule", "module":
			return true
		}
	}
	return false
}
