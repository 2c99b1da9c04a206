package content

// A Source is one file of a tutorial with the blocks read from it: a
// page, or a file that a page includes. An included file has the format
// of the page that includes it.
type Source struct {
	File   *File
	Format Format
	Blocks []Block
}

// Sources lists the pages and the files they include, each once, in page
// order. With tags (nil: every tag expression holds), files included only
// from conditional content that does not hold for them are left out, as
// is a file included only under a bad expression.
func Sources(docs []*Doc, tags map[string]bool) []Source {
	var out []Source
	seen := map[string]bool{}
	var walk func(bs []Block, format Format)
	walk = func(bs []Block, format Format) {
		for _, b := range bs {
			switch n := b.(type) {
			case *Only:
				if tags != nil && !OnlyHolds(n.Expr, tags) {
					continue
				}
			case *Include:
				if n.File != nil && !seen[n.File.Name] {
					seen[n.File.Name] = true
					out = append(out, Source{File: n.File, Format: format, Blocks: n.Blocks})
				}
				walk(n.Blocks, format)
				continue
			}
			for _, p := range Parts(b) {
				walk(p, format)
			}
		}
	}
	for _, d := range docs {
		if !seen[d.File.Name] {
			seen[d.File.Name] = true
			out = append(out, Source{File: d.File, Format: d.Format, Blocks: d.Blocks})
		}
		walk(d.Blocks, d.Format)
	}
	return out
}

// OnlyHolds reports whether the expression of conditional content holds
// for tags; a bad expression (reported by the reader) never holds.
func OnlyHolds(expr string, tags map[string]bool) bool {
	e, err := ParseTagExpr(expr)
	return err == nil && e.Eval(tags)
}
