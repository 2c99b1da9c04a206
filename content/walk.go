package content

import "strings"

// Children returns the blocks directly inside b, in order. For lists,
// definition lists, field lists, option lists and tables it returns the
// blocks of every item, entry or cell in turn; use [Parts] to keep them
// apart.
func Children(b Block) []Block {
	var out []Block
	for _, p := range Parts(b) {
		out = append(out, p...)
	}
	return out
}

// Parts returns the sequences of blocks directly inside b: one for a
// section or admonition body, one per item for a list, one per cell for a
// table. Blocks in one sequence are siblings: the block before a code
// block in its sequence is the text that introduces it.
func Parts(b Block) [][]Block {
	switch n := b.(type) {
	case *Section:
		return [][]Block{n.Blocks}
	case *List:
		out := make([][]Block, len(n.Items))
		for i, it := range n.Items {
			out[i] = it.Blocks
		}
		return out
	case *DefList:
		out := make([][]Block, len(n.Items))
		for i, it := range n.Items {
			out[i] = it.Def
		}
		return out
	case *FieldList:
		out := make([][]Block, len(n.Fields))
		for i, f := range n.Fields {
			out[i] = f.Body
		}
		return out
	case *OptionList:
		out := make([][]Block, len(n.Items))
		for i, it := range n.Items {
			out[i] = it.Desc
		}
		return out
	case *Admonition:
		return [][]Block{n.Blocks}
	case *BlockQuote:
		return [][]Block{n.Blocks}
	case *Table:
		var out [][]Block
		for _, rows := range [][]*Row{n.Head, n.Body} {
			for _, r := range rows {
				for _, c := range r.Cells {
					out = append(out, c.Blocks)
				}
			}
		}
		return out
	case *Figure:
		return [][]Block{n.Legend}
	case *Only:
		return [][]Block{n.Blocks}
	case *Footnote:
		return [][]Block{n.Blocks}
	case *Citation:
		return [][]Block{n.Blocks}
	case *Include:
		return [][]Block{n.Blocks}
	case *Directive:
		return [][]Block{n.Blocks}
	}
	return nil
}

// Walk calls fn for every block of blocks and of their descendants, in
// document order. siblings is the sequence that holds b and i its index
// in it. When fn returns false, the blocks inside b are skipped.
func Walk(blocks []Block, fn func(b Block, siblings []Block, i int) bool) {
	for i, b := range blocks {
		if !fn(b, blocks, i) {
			continue
		}
		for _, p := range Parts(b) {
			Walk(p, fn)
		}
	}
}

// PlainText returns the text of inline nodes without markup: literals
// keep their text, links their visible text, substitution references their
// replacement (or |name| when undefined).
func PlainText(inlines []Inline) string {
	var b strings.Builder
	writePlain(&b, inlines)
	return b.String()
}

func writePlain(b *strings.Builder, inlines []Inline) {
	for _, in := range inlines {
		switch n := in.(type) {
		case *Text:
			b.WriteString(n.Value)
		case *Literal:
			b.WriteString(n.Value)
		case *Emphasis:
			writePlain(b, n.Children)
		case *Strong:
			writePlain(b, n.Children)
		case *Link:
			writePlain(b, n.Children)
		case *Role:
			if n.Title != "" {
				b.WriteString(n.Title)
			} else {
				b.WriteString(n.Target)
			}
		case *SubstRef:
			if n.Children != nil {
				writePlain(b, n.Children)
			} else {
				b.WriteString("|" + n.Name + "|")
			}
		case *FootnoteRef:
			b.WriteString("[" + n.Label + "]")
		case *CitationRef:
			b.WriteString("[" + n.Label + "]")
		case *InlineImage:
			b.WriteString(n.Alt)
		case *InlineTarget:
			writePlain(b, n.Children)
		case *LineBreak:
			b.WriteByte('\n')
		case *RawInline:
		}
	}
}
