package rst

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tailordocs/tailor/content"
)

// A checker verifies the invariants every parsed tree must keep: spans
// inside the file and in order, each block's span starting at its own
// first line, and code text that matches the source.
type checker struct {
	problems []string
	strict   bool // also check what each block's first line looks like
}

func (c *checker) errorf(f *content.File, off int, format string, args ...any) {
	if len(c.problems) < 20 {
		c.problems = append(c.problems, f.Position(off).String()+": "+fmt.Sprintf(format, args...))
	}
}

// checkDoc checks doc and returns the problems found.
func checkDoc(doc *content.Doc, strict bool) []string {
	c := &checker{strict: strict}
	c.blocks(doc.File, doc.Blocks, content.Span{Start: 0, End: len(doc.File.Src)})
	return c.problems
}

// span checks that s lies within outer and is well formed.
func (c *checker) span(f *content.File, what string, s, outer content.Span) {
	switch {
	case s.Start < 0 || s.End > len(f.Src):
		c.errorf(f, s.Start, "%s span %v outside the file (%d bytes)", what, s, len(f.Src))
	case s.Start > s.End:
		c.errorf(f, s.Start, "%s span %v ends before it starts", what, s)
	case s.Start < outer.Start || s.End > outer.End:
		c.errorf(f, s.Start, "%s span %v outside its parent %v", what, s, outer)
	}
}

func spanOf(n content.Node) content.Span { return content.Span{Start: n.Pos(), End: n.EndPos()} }

func (c *checker) blocks(f *content.File, bs []content.Block, outer content.Span) {
	prev := outer.Start
	for _, b := range bs {
		s := spanOf(b)
		c.span(f, fmt.Sprintf("%T", b), s, outer)
		if s.Start < prev {
			c.errorf(f, s.Start, "%T starts before the end of the block before it (%d)", b, prev)
		}
		prev = max(prev, s.End)
		if c.strict {
			c.firstLine(f, b)
		}
		c.block(f, b, s)
	}
}

// lineAt returns the text of the line that holds offset off, from off.
func lineAt(f *content.File, off int) string {
	if off >= len(f.Src) {
		return ""
	}
	rest := f.Src[off:]
	if i := strings.IndexByte(string(rest), '\n'); i >= 0 {
		rest = rest[:i]
	}
	return strings.TrimRight(string(rest), "\r")
}

// firstLine checks that the text at a block's start is what the block
// starts with.
func (c *checker) firstLine(f *content.File, b content.Block) {
	at := lineAt(f, b.Pos())
	want := func(ok bool, what string) {
		if !ok {
			c.errorf(f, b.Pos(), "%T should start at %s, found %q", b, what, at)
		}
	}
	explicit := strings.HasPrefix(at, "..")
	switch n := b.(type) {
	case *content.Section:
		want(strings.HasPrefix(at, n.RawTitle) || isLineMarker(at), "its title or overline")
	case *content.Paragraph:
		want(at != "" && at[0] != ' ', "its text")
	case *content.Code:
		switch n.Directive {
		case "::":
			first, _, _ := strings.Cut(n.Text, "\n")
			want(strings.HasPrefix(at, first) || strings.Contains(at, "\t"), "its first line")
		case "doctest":
			want(strings.HasPrefix(at, ">>>"), "\">>>\"")
		case "table":
			want(strings.HasPrefix(at, "+") || strings.HasPrefix(at, "="), "the table border")
		case "include":
			first, _, _ := strings.Cut(n.Text, "\n")
			want(strings.HasPrefix(at, first), "its first line")
		default:
			want(explicit, "\"..\"")
		}
	case *content.List:
		want(strings.HasPrefix(at, n.Bullet), "its first bullet "+n.Bullet)
		for _, it := range n.Items {
			a := lineAt(f, it.Pos())
			ok := strings.HasPrefix(a, n.Bullet)
			if n.Ordered {
				_, ok = matchEnumerator(a)
			}
			if !ok {
				c.errorf(f, it.Pos(), "list item should start at its bullet, found %q", a)
			}
		}
	case *content.DefList:
		want(at != "" && at[0] != ' ', "its first term")
	case *content.FieldList:
		want(strings.HasPrefix(at, ":"), "\":\"")
	case *content.OptionList:
		want(strings.HasPrefix(at, n.Items[0].Options[0]), "its first option")
	case *content.BlockQuote:
		want(at != "" && at[0] != ' ', "its text")
	case *content.LineBlock:
		want(strings.HasPrefix(at, "|") || explicit, "\"|\"")
	case *content.Table:
		want(strings.HasPrefix(at, "+") || strings.HasPrefix(at, "=") || explicit, "its border or \"..\"")
	case *content.Transition:
		want(isLineMarker(at), "its marker")
	case *content.Target:
		want(explicit || strings.HasPrefix(at, "__"), "\"..\" or \"__\"")
	case *content.Admonition, *content.Image, *content.Figure, *content.Only, *content.Raw,
		*content.Toctree, *content.Footnote, *content.Citation, *content.SubstitutionDef,
		*content.Include, *content.Directive, *content.Comment:
		want(explicit, "\"..\"")
	}
}

func (c *checker) block(f *content.File, b content.Block, s content.Span) {
	switch n := b.(type) {
	case *content.Section:
		c.inlines(f, n.Title, s)
		c.blocks(f, n.Blocks, s)
	case *content.Paragraph:
		c.inlines(f, n.Inlines, s)
	case *content.Code:
		c.code(f, n)
	case *content.List:
		prev := s.Start
		for _, it := range n.Items {
			c.span(f, "item", spanOf(it), s)
			if it.Start < prev {
				c.errorf(f, it.Start, "item out of order")
			}
			prev = it.End
			c.blocks(f, it.Blocks, spanOf(it))
		}
	case *content.DefList:
		for _, it := range n.Items {
			c.span(f, "definition list item", spanOf(it), s)
			c.inlines(f, it.Term, spanOf(it))
			for _, cl := range it.Classifiers {
				c.inlines(f, cl, spanOf(it))
			}
			c.blocks(f, it.Def, spanOf(it))
		}
	case *content.FieldList:
		for _, fl := range n.Fields {
			c.span(f, "field", spanOf(fl), s)
			c.inlines(f, fl.Name, spanOf(fl))
			c.blocks(f, fl.Body, spanOf(fl))
		}
	case *content.OptionList:
		for _, it := range n.Items {
			c.span(f, "option list item", spanOf(it), s)
			c.blocks(f, it.Desc, spanOf(it))
		}
	case *content.Admonition:
		c.inlines(f, n.Title, s)
		c.blocks(f, n.Blocks, s)
	case *content.BlockQuote:
		c.blocks(f, n.Blocks, s)
		c.inlines(f, n.Attribution, s)
	case *content.LineBlock:
		for _, l := range n.Lines {
			c.span(f, "line", spanOf(l), s)
			c.inlines(f, l.Inlines, spanOf(l))
		}
	case *content.Table:
		c.inlines(f, n.Caption, s)
		for _, rows := range [][]*content.Row{n.Head, n.Body} {
			for _, r := range rows {
				c.span(f, "row", spanOf(r), s)
				for _, cell := range r.Cells {
					c.span(f, "cell", spanOf(cell), s)
					c.blocks(f, cell.Blocks, s)
				}
			}
		}
	case *content.Figure:
		if n.Image != nil {
			c.span(f, "figure image", spanOf(n.Image), s)
		}
		c.inlines(f, n.Caption, s)
		c.blocks(f, n.Legend, s)
	case *content.Only:
		c.blocks(f, n.Blocks, s)
	case *content.Footnote:
		c.blocks(f, n.Blocks, s)
	case *content.Citation:
		c.blocks(f, n.Blocks, s)
	case *content.SubstitutionDef:
		c.inlines(f, n.Inlines, s)
	case *content.Include:
		if n.File != nil {
			c.blocks(n.File, n.Blocks, content.Span{Start: 0, End: len(n.File.Src)})
		}
	case *content.Directive:
		c.inlines(f, n.Title, s)
		c.blocks(f, n.Blocks, s)
	}
}

// inlines checks the spans of inline nodes; the replacements of
// substitutions come from their definitions and are not checked here.
func (c *checker) inlines(f *content.File, in []content.Inline, outer content.Span) {
	prev := outer.Start
	for _, n := range in {
		s := spanOf(n)
		c.span(f, fmt.Sprintf("%T", n), s, outer)
		if s.Start < prev {
			c.errorf(f, s.Start, "%T starts before the end of the inline before it", n)
		}
		prev = max(prev, s.End)
		switch n := n.(type) {
		case *content.Emphasis:
			c.inlines(f, n.Children, s)
		case *content.Strong:
			c.inlines(f, n.Children, s)
		case *content.Link:
			if _, isSubst := firstSubst(n.Children); !isSubst {
				c.inlines(f, n.Children, s)
			}
		case *content.InlineTarget:
			c.inlines(f, n.Children, s)
		}
	}
}

func firstSubst(in []content.Inline) (*content.SubstRef, bool) {
	if len(in) == 1 {
		r, ok := in[0].(*content.SubstRef)
		return r, ok
	}
	return nil, false
}

// expandLine returns source line n as the reader sees it: tabs expanded
// to 8 columns, vertical tabs and form feeds as spaces, one string per
// character (an invalid UTF-8 byte is a character of its own).
func expandLine(f *content.File, n int) []string {
	var out []string
	line := strings.TrimRight(f.Line(n), "\r\n")
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch r {
		case '\t':
			for k := 8 - len(out)%8; k > 0; k-- {
				out = append(out, " ")
			}
		case '\v', '\f':
			out = append(out, " ")
		default:
			out = append(out, line[i:i+size])
		}
		i += size
	}
	return out
}

// code checks that a code block's Line, Indent and Content agree with
// its Text and the source.
func (c *checker) code(f *content.File, n *content.Code) {
	switch n.Directive {
	case "literalinclude", "parsed-literal":
		return
	}
	if n.Text == "" && n.Content.Start == n.Content.End {
		return
	}
	lines := strings.Split(n.Text, "\n")
	if n.Content.Start != f.LineStart(n.Line) {
		c.errorf(f, n.Content.Start, "code content starts at %d, but line %d starts at %d", n.Content.Start, n.Line, f.LineStart(n.Line))
	}
	last := n.Line + len(lines) - 1
	end := f.LineStart(last) + len(strings.TrimRight(f.Line(last), "\r\n"))
	if n.Content.End != end {
		c.errorf(f, n.Content.End, "code content ends at %d, but line %d ends at %d", n.Content.End, last, end)
	}
	for i, l := range lines {
		src := expandLine(f, n.Line+i)
		want := ""
		if n.Indent < len(src) {
			want = strings.Join(src[n.Indent:], "")
		}
		want = rstripSpace(want)
		got := rstripSpace(l)
		// In a table cell, the rest of the source line holds the
		// cell's border and the cells beside it.
		if rest, ok := strings.CutPrefix(want, got); ok && (got == "" || rest == "" || rest[0] == ' ' || rest[0] == '|' || rest[0] == '+') {
			continue
		}
		if got != want {
			c.errorf(f, f.LineStart(n.Line+i), "code line %d is %q, but the source has %q after %d columns", i+1, l, want, n.Indent)
			return
		}
	}
}
