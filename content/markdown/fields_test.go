package markdown

import (
	"fmt"
	"testing"

	"github.com/tailordocs/tailor/content"
)

// TestFields checks fields that content.Dump does not show.
func TestFields(t *testing.T) {
	find := func(doc *content.Doc, match func(content.Block) bool) content.Block {
		var found content.Block
		content.Walk(doc.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
			if found == nil && match(b) {
				found = b
			}
			return found == nil
		})
		return found
	}
	section := func(doc *content.Doc) *content.Section {
		s, _ := find(doc, func(b content.Block) bool { _, ok := b.(*content.Section); return ok }).(*content.Section)
		return s
	}
	code := func(doc *content.Doc) *content.Code {
		c, _ := find(doc, func(b content.Block) bool { _, ok := b.(*content.Code); return ok }).(*content.Code)
		return c
	}
	firstInline := func(doc *content.Doc, i int) content.Inline {
		p, _ := find(doc, func(b content.Block) bool { _, ok := b.(*content.Paragraph); return ok }).(*content.Paragraph)
		if p == nil || i >= len(p.Inlines) {
			return nil
		}
		return p.Inlines[i]
	}
	tests := []struct {
		name, in string
		got      func(*content.Doc) string
		want     string
	}{
		{"raw title keeps markup", "Intro.\n\n## The `nginx` *site* {#site}\n", func(d *content.Doc) string {
			s := section(d)
			return fmt.Sprintf("%q line %d", s.RawTitle, s.TitleLine)
		}, `"The ` + "`nginx`" + ` *site*" line 3`},
		{"setext raw title on two lines", "\nA long\ntitle\n-----\n", func(d *content.Doc) string {
			s := section(d)
			return fmt.Sprintf("%q line %d level %d", s.RawTitle, s.TitleLine, s.Level)
		}, `"A long\ntitle" line 2 level 2`},
		{"link title and url", `[x](<https://ex.org/a b> "The \"title\" &amp; more")`, func(d *content.Doc) string {
			l := firstInline(d, 0).(*content.Link)
			return l.URL + " | " + l.Title
		}, `https://ex.org/a b | The "title" & more`},
		{"image title", `![alt](/i.png 'T')`, func(d *content.Doc) string {
			i := firstInline(d, 0).(*content.InlineImage)
			return i.URI + " | " + i.Alt + " | " + i.Title
		}, `/i.png | alt | T`},
		{"code content and line", "Text.\n\n```sh\n  one\n\ntwo\n\n\n```\n", func(d *content.Doc) string {
			c := code(d)
			return fmt.Sprintf("line %d content %v span %v %q", c.Line, c.Content, c.Span, c.Text)
		}, `line 4 content {13 23} span {7 29} "  one\n\ntwo"`},
		{"annotation position from the info string", "```ini {op=append file=/x}\nk\n```\n<!-- tailor: mode=0600 -->\n```\nk\n```\n", func(d *content.Doc) string {
			c := code(d)
			return fmt.Sprint(c.Annotation.Pos, c.Annotation.Attrs)
		}, `7 [{op append} {file /x}]`},
		{"annotation position from the comment", "<!-- tailor:   mode=0600 -->\n```\nk\n```\n", func(d *content.Doc) string {
			c := code(d)
			return fmt.Sprint(c.Annotation.Pos, c.Annotation.Attrs)
		}, `15 [{mode 0600}]`},
		{"merged annotation", "<!-- tailor: file=/a op=create mode=0600 -->\n```ini {title=/b op=append}\nk\n```\n", func(d *content.Doc) string {
			c := code(d)
			return fmt.Sprint(c.Annotation.Pos, c.Annotation.Attrs, " caption ", c.Caption, " options ", c.Options)
		}, `52 [{file /a} {mode 0600} {op append}] caption /b options [{title /b} {op append}]`},
		{"code in a quote", "> ```\n> x\n>  y\n> ```\n", func(d *content.Doc) string {
			c := code(d)
			return fmt.Sprintf("line %d indent %d content %v %q", c.Line, c.Indent, c.Content, c.Text)
		}, `line 2 indent 2 content {6 14} "x\n y"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := Parse(content.NewFile("x.md", []byte(tt.in)))
			if got := tt.got(doc); got != tt.want {
				t.Errorf("got  %s\nwant %s\n%s", got, tt.want, diags)
			}
		})
	}
}
