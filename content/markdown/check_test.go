package markdown

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tailordocs/tailor/content"
)

// checkDoc returns what is wrong with the positions of a parsed document:
// every span in range, inside its parent's and after its previous
// sibling's; every block starting on its own first line; code blocks'
// Line, Content and Text agreeing; diagnostics sorted and positioned.
// With strict unset it checks only ranges and order, which must hold for
// any input.
func checkDoc(doc *content.Doc, diags content.Diagnostics, strict bool) []string {
	f := doc.File // the reader's: a lone "\r" read as "\n"
	ck := &checker{f: f, src: f.Src, strict: strict}
	ck.blocks(doc.Blocks, content.Span{Start: 0, End: len(f.Src)}, "doc")
	if !sort.IsSorted(diags) {
		ck.errorf("diagnostics are not sorted:\n%s", diags)
	}
	for _, d := range diags {
		if !d.Pos.IsValid() || d.Pos.Filename != f.Name {
			ck.errorf("diagnostic without a position: %s", d)
		}
	}
	return ck.problems
}

type checker struct {
	f        *content.File
	src      []byte
	strict   bool
	problems []string
}

func (ck *checker) errorf(format string, args ...any) {
	if len(ck.problems) < 20 {
		ck.problems = append(ck.problems, fmt.Sprintf(format, args...))
	}
}

func (ck *checker) where(off int) string { return ck.f.Position(off).String() }

// span checks that s lies in parent and after prev (the end of the
// previous sibling).
func (ck *checker) span(what string, s, parent content.Span, prev int) {
	switch {
	case s.Start < 0 || s.End > len(ck.src) || s.Start > s.End:
		ck.errorf("%s: span [%d,%d) out of range (file has %d bytes)", what, s.Start, s.End, len(ck.src))
	case s.Start < parent.Start || s.End > parent.End:
		ck.errorf("%s at %s: span [%d,%d) outside its parent [%d,%d)", what, ck.where(s.Start), s.Start, s.End, parent.Start, parent.End)
	case s.Start < prev:
		ck.errorf("%s at %s: starts at %d, before the end of its previous sibling %d", what, ck.where(s.Start), s.Start, prev)
	}
}

func spanOf(n content.Node) content.Span { return content.Span{Start: n.Pos(), End: n.EndPos()} }

func (ck *checker) blocks(bs []content.Block, parent content.Span, in string) {
	prev := parent.Start
	for _, b := range bs {
		what := fmt.Sprintf("%T in %s", b, in)
		ck.span(what, spanOf(b), parent, prev)
		prev = b.EndPos()
		if ck.strict {
			ck.firstLine(b)
		}
		ck.block(b)
	}
}

func (ck *checker) block(b content.Block) {
	self := spanOf(b)
	name := fmt.Sprintf("%T", b)
	switch n := b.(type) {
	case *content.Section:
		ck.inlines(n.Title, self, "section title")
		ck.blocks(n.Blocks, self, name)
	case *content.Paragraph:
		ck.inlines(n.Inlines, self, "paragraph")
	case *content.Code:
		ck.code(n)
	case *content.List:
		prev := self.Start
		for _, it := range n.Items {
			ck.span("list item", it.Span, self, prev)
			prev = it.End
			if ck.strict && (it.Start >= len(ck.src) || !strings.ContainsRune("-+*0123456789", rune(ck.src[it.Start]))) {
				ck.errorf("list item at %s does not start at its marker", ck.where(it.Start))
			}
			ck.blocks(it.Blocks, it.Span, "list item")
		}
	case *content.DefList:
		prev := self.Start
		for _, it := range n.Items {
			ck.span("definition", it.Span, self, prev)
			prev = it.End
			ck.inlines(it.Term, it.Span, "term")
			ck.blocks(it.Def, it.Span, "definition")
		}
	case *content.Table:
		prev := self.Start
		for _, r := range append(append([]*content.Row(nil), n.Head...), n.Body...) {
			ck.span("table row", r.Span, self, prev)
			prev = r.End
			cprev := r.Start
			for _, cell := range r.Cells {
				ck.span("table cell", cell.Span, r.Span, cprev)
				cprev = cell.End
				ck.blocks(cell.Blocks, cell.Span, "table cell")
			}
		}
	default:
		for _, p := range content.Parts(b) {
			ck.blocks(p, self, name)
		}
	}
}

func (ck *checker) inlines(in []content.Inline, parent content.Span, where string) {
	prev := parent.Start
	for _, x := range in {
		what := fmt.Sprintf("%T in %s", x, where)
		s := spanOf(x)
		ck.span(what, s, parent, prev)
		prev = s.End
		switch n := x.(type) {
		case *content.Emphasis:
			ck.inlines(n.Children, s, what)
		case *content.Strong:
			ck.inlines(n.Children, s, what)
		case *content.Link:
			ck.inlines(n.Children, s, what)
		}
	}
}

// firstLine checks that a block's start points at the text that begins
// it.
func (ck *checker) firstLine(b content.Block) {
	start := b.Pos()
	if start >= len(ck.src) {
		ck.errorf("%T: starts at the end of the file", b)
		return
	}
	at := string(ck.src[start:ck.lineEnd(start)])
	ok := at != "" && !strings.ContainsAny(at[:1], " \t\r\n")
	switch n := b.(type) {
	case *content.Section:
		if !strings.HasPrefix(at, "#") {
			title, _, _ := strings.Cut(n.RawTitle, "\n")
			ok = ok && strings.HasPrefix(at, title)
		}
		ok = ok && ck.f.Position(start).Line == n.TitleLine
	case *content.Paragraph:
		ok = ok && (len(n.Inlines) == 0 || n.Inlines[0].Pos() == start)
	case *content.Code:
		if n.Directive == "fence" {
			ok = strings.HasPrefix(at, "```") || strings.HasPrefix(at, "~~~")
		} else {
			ok = ck.f.Position(start).Line == n.Line // content may start with spaces
		}
	case *content.Comment:
		ok = strings.HasPrefix(at, "<!--")
	case *content.Only:
		ok = strings.HasPrefix(at, "<!--") || mystFence().MatchString(at)
	case *content.Raw:
		ok = n.Format == "html" && strings.HasPrefix(at, "<") || strings.HasPrefix(at, "---") || strings.HasPrefix(at, "+++")
	case *content.List:
		ok = ok && strings.ContainsAny(at[:1], "-+*0123456789")
	case *content.BlockQuote:
		ok = strings.HasPrefix(at, ">")
	case *content.Admonition:
		ok = strings.HasPrefix(at, ">") || strings.HasPrefix(at, "!!!") || strings.HasPrefix(at, "???") || mystFence().MatchString(at)
	case *content.Directive:
		ok = mystFence().MatchString(at) || n.Name == "tab" && strings.HasPrefix(at, "===")
	case *content.Transition:
		ok = ok && strings.ContainsAny(at[:1], "*-_")
	case *content.Target:
		// a link reference definition, a MyST target or the :name: of a
		// MyST directive
		ok = strings.HasPrefix(at, "[") || mystTargetLine().MatchString(at) || mystFence().MatchString(at)
	case *content.Footnote:
		ok = strings.HasPrefix(at, "[^")
	}
	if !ok {
		ck.errorf("%T at %s starts at %q, not at its own first line", b, ck.where(start), at)
	}
}

func (ck *checker) lineEnd(off int) int {
	e := strings.IndexByte(string(ck.src[off:]), '\n')
	if e < 0 {
		return len(ck.src)
	}
	return off + e
}

// code checks that Line, Content and Text of a code block agree.
func (ck *checker) code(n *content.Code) {
	where := ck.where(n.Start)
	if n.Content.Start != ck.f.LineStart(n.Line) {
		ck.errorf("code at %s: Content starts at %d, line %d starts at %d", where, n.Content.Start, n.Line, ck.f.LineStart(n.Line))
	}
	// Content starts at the start of a line, which can be before the
	// block's start (indented code starts after its indentation).
	if n.Content.Start > n.Content.End || n.Content.End > len(ck.src) || n.Text != "" && n.Content.End > n.End || ck.f.Position(n.Start).Line > n.Line {
		ck.errorf("code at %s: Content [%d,%d) does not fit the block [%d,%d)", where, n.Content.Start, n.Content.End, n.Start, n.End)
	}
	if n.Text == "" {
		if n.Content.End != n.Content.Start {
			ck.errorf("code at %s: empty text but Content [%d,%d)", where, n.Content.Start, n.Content.End)
		}
		return
	}
	lines := strings.Split(n.Text, "\n")
	last := n.Line + len(lines) - 1
	if got := ck.f.Position(n.Content.End).Line; got != last {
		ck.errorf("code at %s: Content ends on line %d, text ends on line %d", where, got, last)
	}
	if e := strings.TrimSuffix(string(ck.src[ck.f.LineStart(last):ck.lineEnd(ck.f.LineStart(last))]), "\r"); ck.f.LineStart(last)+len(e) != n.Content.End {
		ck.errorf("code at %s: Content ends at %d, not at the end of line %d", where, n.Content.End, last)
	}
	if !ck.strict {
		return
	}
	for i, l := range lines {
		src := ck.f.Line(n.Line + i)
		if strings.HasSuffix(src, "\n") { // File.Line keeps the last line's ending
			src = strings.TrimSuffix(strings.TrimSuffix(src, "\n"), "\r")
		}
		if strings.Contains(src, "\t") {
			continue
		}
		slack := 0
		if strings.Contains(src[:max(len(src)-len(l), 0)], ">") {
			slack = 1 // the optional space after a quote marker varies by line
		}
		if !strings.HasSuffix(src, l) || len(src)-len(l) > n.Indent+slack {
			ck.errorf("code at %s: text line %d %q is not source line %d %q less %d columns", where, i+1, l, n.Line+i, src, n.Indent)
		}
	}
}
