package content

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Dump writes a readable outline of the document tree to w, one node per
// line with its line:col, for debugging and golden tests:
//
//	Section level=1 "Settings" @1:1
//	  Paragraph @4:1
//	    Text "So far the only thing ..."
func Dump(w io.Writer, d *Doc) error {
	dp := &dumper{w: w, file: d.File}
	fmt.Fprintf(dp.w, "Doc %s title=%q\n", d.Format, d.Title)
	dp.blocks(d.Blocks, 1)
	return dp.err
}

type dumper struct {
	w    io.Writer
	file *File
	err  error
}

func (dp *dumper) line(depth int, n Node, format string, args ...any) {
	if dp.err != nil {
		return
	}
	s := strings.Repeat("  ", depth) + fmt.Sprintf(format, args...)
	if n != nil {
		p := dp.file.Position(n.Pos())
		s += fmt.Sprintf(" @%d:%d", p.Line, p.Column)
	}
	_, dp.err = io.WriteString(dp.w, s+"\n")
}

func opts(o []Option) string {
	var b strings.Builder
	for _, x := range o {
		fmt.Fprintf(&b, " :%s:=%q", x.Name, x.Value)
	}
	return b.String()
}

func (dp *dumper) blocks(bs []Block, depth int) {
	for _, b := range bs {
		dp.block(b, depth)
	}
}

func (dp *dumper) block(b Block, d int) {
	switch n := b.(type) {
	case *Section:
		dp.line(d, n, "Section level=%d id=%q labels=%q", n.Level, n.ID, n.Labels)
		dp.inlines(n.Title, d+2, "title")
		dp.blocks(n.Blocks, d+1)
	case *Paragraph:
		dp.line(d, n, "Paragraph")
		dp.inlines(n.Inlines, d+1, "")
	case *Code:
		ann := ""
		if n.Annotation != nil {
			ann = " annotation=" + opts(n.Annotation.Attrs)
		}
		dp.line(d, n, "Code %s lang=%q line=%d indent=%d caption=%q%s%s", n.Directive, n.Lang, n.Line, n.Indent, n.Caption, opts(n.Options), ann)
		dp.text(d+1, n.Text)
	case *List:
		dp.line(d, n, "List ordered=%v enum=%q start=%d bullet=%q", n.Ordered, n.Enum, n.Start, n.Bullet)
		for _, it := range n.Items {
			c := ""
			if it.Checked != nil {
				c = " checked=" + strconv.FormatBool(*it.Checked)
			}
			dp.line(d+1, it, "Item%s", c)
			dp.blocks(it.Blocks, d+2)
		}
	case *DefList:
		dp.line(d, n, "DefList")
		for _, it := range n.Items {
			dp.line(d+1, it, "DefItem")
			dp.inlines(it.Term, d+3, "term")
			for _, c := range it.Classifiers {
				dp.inlines(c, d+3, "classifier")
			}
			dp.blocks(it.Def, d+2)
		}
	case *FieldList:
		dp.line(d, n, "FieldList")
		for _, f := range n.Fields {
			dp.line(d+1, f, "Field")
			dp.inlines(f.Name, d+3, "name")
			dp.blocks(f.Body, d+2)
		}
	case *OptionList:
		dp.line(d, n, "OptionList")
		for _, it := range n.Items {
			dp.line(d+1, it, "OptionItem %q", it.Options)
			dp.blocks(it.Desc, d+2)
		}
	case *Admonition:
		dp.line(d, n, "Admonition %s", n.Kind)
		dp.inlines(n.Title, d+2, "title")
		dp.blocks(n.Blocks, d+1)
	case *BlockQuote:
		dp.line(d, n, "BlockQuote")
		dp.blocks(n.Blocks, d+1)
		dp.inlines(n.Attribution, d+2, "attribution")
	case *LineBlock:
		dp.line(d, n, "LineBlock")
		for _, l := range n.Lines {
			dp.line(d+1, l, "Line indent=%d", l.Indent)
			dp.inlines(l.Inlines, d+2, "")
		}
	case *Table:
		if n.Stub > 0 {
			dp.line(d, n, "Table align=%q stub=%d", n.Align, n.Stub)
		} else {
			dp.line(d, n, "Table align=%q", n.Align)
		}
		dp.inlines(n.Caption, d+2, "caption")
		for _, part := range []struct {
			name string
			rows []*Row
		}{{"Head", n.Head}, {"Body", n.Body}} {
			for _, r := range part.rows {
				dp.line(d+1, r, "Row %s", part.name)
				for _, c := range r.Cells {
					dp.line(d+2, c, "Cell colspan=%d rowspan=%d", c.ColSpan, c.RowSpan)
					dp.blocks(c.Blocks, d+3)
				}
			}
		}
	case *Transition:
		dp.line(d, n, "Transition")
	case *Comment:
		dp.line(d, n, "Comment %q", n.Text)
	case *Target:
		dp.line(d, n, "Target name=%q url=%q refname=%q anonymous=%v", n.Name, n.URL, n.RefName, n.Anonymous)
	case *Image:
		dp.line(d, n, "Image uri=%q alt=%q%s", n.URI, n.Alt, opts(n.Options))
	case *Figure:
		dp.line(d, n, "Figure")
		if n.Image != nil {
			dp.block(n.Image, d+1)
		}
		dp.inlines(n.Caption, d+2, "caption")
		dp.blocks(n.Legend, d+1)
	case *Only:
		dp.line(d, n, "Only %q", n.Expr)
		dp.blocks(n.Blocks, d+1)
	case *Raw:
		dp.line(d, n, "Raw %s", n.Format)
		dp.text(d+1, n.Text)
	case *Toctree:
		dp.line(d, n, "Toctree caption=%q numbered=%v hidden=%v glob=%v maxdepth=%d", n.Caption, n.Numbered, n.Hidden, n.Glob, n.MaxDepth)
		for _, e := range n.Entries {
			dp.line(d+1, nil, "Entry %q title=%q line=%d", e.Doc, e.Title, e.Line)
		}
	case *Footnote:
		dp.line(d, n, "Footnote label=%q number=%d", n.Label, n.Number)
		dp.blocks(n.Blocks, d+1)
	case *Citation:
		dp.line(d, n, "Citation label=%q", n.Label)
		dp.blocks(n.Blocks, d+1)
	case *SubstitutionDef:
		dp.line(d, n, "SubstitutionDef |%s| %s", n.Name, n.Directive)
		dp.inlines(n.Inlines, d+1, "")
	case *Include:
		dp.line(d, n, "Include %q", n.Path)
		saved := dp.file
		dp.file = n.File
		dp.blocks(n.Blocks, d+1)
		dp.file = saved
	case *Directive:
		dp.line(d, n, "Directive %s known=%v args=%q%s", n.Name, n.Known, n.Args, opts(n.Options))
		dp.inlines(n.Title, d+2, "title")
		if n.Blocks != nil {
			dp.blocks(n.Blocks, d+1)
		} else if n.Body != "" {
			dp.text(d+1, n.Body)
		}
	default:
		dp.line(d, b, "%T", b)
	}
}

func (dp *dumper) text(d int, s string) {
	for _, l := range strings.Split(s, "\n") {
		dp.line(d, nil, "| %s", l)
	}
}

func (dp *dumper) inlines(in []Inline, d int, label string) {
	if len(in) == 0 {
		return
	}
	if label != "" {
		dp.line(d-1, nil, "%s:", label)
	}
	for _, x := range in {
		dp.inline(x, d)
	}
}

func (dp *dumper) inline(x Inline, d int) {
	switch n := x.(type) {
	case *Text:
		dp.line(d, nil, "Text %q", n.Value)
	case *Literal:
		dp.line(d, nil, "Literal %q", n.Value)
	case *Emphasis:
		dp.line(d, nil, "Emphasis")
		dp.inlines(n.Children, d+1, "")
	case *Strong:
		dp.line(d, nil, "Strong")
		dp.inlines(n.Children, d+1, "")
	case *Link:
		dp.line(d, nil, "Link url=%q refname=%q internal=%q anonymous=%v", n.URL, n.RefName, n.Internal, n.Anonymous)
		dp.inlines(n.Children, d+1, "")
	case *Role:
		dp.line(d, nil, "Role %s known=%v text=%q title=%q target=%q", n.Name, n.Known, n.Text, n.Title, n.Target)
	case *SubstRef:
		dp.line(d, nil, "SubstRef |%s| defined=%v", n.Name, n.Children != nil)
		dp.inlines(n.Children, d+1, "")
	case *FootnoteRef:
		dp.line(d, nil, "FootnoteRef %q number=%d", n.Label, n.Number)
	case *CitationRef:
		dp.line(d, nil, "CitationRef %q", n.Label)
	case *InlineImage:
		dp.line(d, nil, "InlineImage uri=%q alt=%q", n.URI, n.Alt)
	case *InlineTarget:
		dp.line(d, nil, "InlineTarget %q id=%q", n.Name, n.ID)
		dp.inlines(n.Children, d+1, "")
	case *LineBreak:
		dp.line(d, nil, "LineBreak")
	case *RawInline:
		dp.line(d, nil, "RawInline %s %q", n.Format, n.Text)
	default:
		dp.line(d, nil, "%T", x)
	}
}
