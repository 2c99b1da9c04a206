package site

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/tailordocs/tailor/content"
)

// TestGoldenCoversEveryNode checks that the golden cases, together,
// hold every node type of package content.
func TestGoldenCoversEveryNode(t *testing.T) {
	types := []string{
		"Section", "Paragraph", "Code", "List", "Item", "DefList", "DefItem", "FieldList", "Field",
		"OptionList", "OptionItem", "Admonition", "BlockQuote", "LineBlock", "Line", "Table", "Row", "Cell",
		"Transition", "Comment", "Target", "Image", "Figure", "Only", "Raw", "Toctree", "Footnote",
		"Citation", "SubstitutionDef", "Include", "Directive",
		"Text", "Literal", "Emphasis", "Strong", "Link", "Role", "SubstRef", "FootnoteRef", "CitationRef",
		"InlineImage", "InlineTarget", "LineBreak", "RawInline",
	}
	seen := map[string]bool{}
	word := regexp.MustCompile(`(?m)^\s*([A-Z][A-Za-z]*)`)
	for _, mk := range goldenCases {
		for _, p := range mk() {
			if p.Doc == nil {
				continue
			}
			files := append([]*content.File{p.Doc.File}, includes(p.Doc)...)
			for _, f := range files {
				for _, m := range word.FindAllStringSubmatch(string(f.Src), -1) {
					seen[m[1]] = true
				}
			}
		}
	}
	for _, typ := range types {
		if !seen[typ] {
			t.Errorf("no golden case holds a %s", typ)
		}
	}
}

// source makes a page from reST-like text written for the test and the
// nodes that stand for it; at places each node at the offset of a
// string in the text.
type source struct {
	name, text string
}

func (s source) file() *content.File { return content.NewFile(s.name, []byte(s.text)) }

// at sets the span of n to the first occurrence of what in the text.
func (s source) at(n content.Node, what string) content.Node {
	i := strings.Index(s.text, what)
	if i < 0 {
		panic("no " + what + " in source")
	}
	sp := content.Span{Start: i, End: i + len(what)}
	switch n := n.(type) {
	case *content.Role:
		n.Span = sp
	case *content.CitationRef:
		n.Span = sp
	case *content.Image:
		n.Span = sp
	case *content.Code:
		n.Span = sp
	case *content.Target:
		n.Span = sp
	default:
		panic(fmt.Sprintf("at: %T", n))
	}
	return n
}

func TestWarnings(t *testing.T) {
	// Backquotes are written as ' in this literal.
	setup := source{"content/setup.rst", strings.ReplaceAll(`Setting up
==========

.. _setup-intro:

Read :ref:'setup-intor' first, then :doc:'mail/relay'.

See :numref:'setup-intro' and :term:'smart host'.

Cited [Knuth84]_.

.. toctree::

   mail/postfix
   mail/postfx

.. image:: ../../etc/secret.png

.. code-block:: python
   :emphasize-lines: 2-1
`, "'", "`")}
	mkRole := func(name, text string) *content.Role {
		return setup.at(role(name, text), ":"+name+":`"+text+"`").(*content.Role)
	}
	d := &content.Doc{File: setup.file(), Title: "Setting up", Blocks: []content.Block{
		&content.Section{Title: inl("Setting up"), RawTitle: "Setting up", Level: 1, ID: "setting-up", Blocks: []content.Block{
			setup.at(&content.Target{Name: "setup-intro"}, ".. _setup-intro:").(content.Block),
			para("Read ", mkRole("ref", "setup-intor"), " first, then ", mkRole("doc", "mail/relay"), "."),
			para("See ", mkRole("numref", "setup-intro"), " and ", mkRole("term", "smart host"), "."),
			para("Cited ", setup.at(&content.CitationRef{Label: "Knuth84"}, "[Knuth84]_"), "."),
			&content.Toctree{Entries: []content.TocEntry{{Doc: "mail/postfix", Line: 14}, {Doc: "mail/postfx", Line: 15}}},
			setup.at(&content.Image{URI: "../../etc/secret.png"}, "../../etc/secret.png").(content.Block),
			setup.at(&content.Code{Lang: "python", Text: "x = 1\ny = 2", Options: []content.Option{{Name: "emphasize-lines", Value: "2-1"}}}, ":emphasize-lines: 2-1").(content.Block),
		}},
	}}
	postfix := &content.Doc{File: content.NewFile("content/mail/postfix.rst", []byte("Postfix\n=======\n")), Blocks: []content.Block{
		&content.Section{Title: inl("Postfix"), RawTitle: "Postfix", Level: 1, ID: "postfix", Labels: []string{"setup-intro"}},
	}}
	_, diags := Build([]Page{{Doc: d, Path: "setup.html"}, {Doc: postfix, Path: "mail/postfix.html"}}, Options{})
	want := []string{
		`content/mail/postfix.rst:1:1: warning: duplicate label "setup-intro": first defined at content/setup.rst:4:1`,
		`content/setup.rst:6:6: warning: undefined label "setup-intor" in :ref: (did you mean "setup-intro"?)`,
		`content/setup.rst:6:37: warning: undefined document "mail/relay" in :doc:`,
		`content/setup.rst:8:5: warning: label "setup-intro" in :numref: names no figure, table or code block`,
		`content/setup.rst:8:31: warning: undefined term "smart host" in :term:`,
		`content/setup.rst:10:7: warning: undefined citation "Knuth84"`,
		`content/setup.rst:15:4: warning: undefined document "mail/postfx" in toctree (did you mean "mail/postfix"?)`,
		`content/setup.rst:17:12: warning: file "../../etc/secret.png" is outside the project`,
		`content/setup.rst:20:4: warning: invalid line range "2-1" in :emphasize-lines: (want numbers and ranges such as "1,3-5")`,
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWriteMarked checks that filled ranges and marks nest, whatever
// their boundaries, and that the text comes back once unescaped.
func TestWriteMarked(t *testing.T) {
	v := func(s, e int) Filled { return Filled{Start: s, End: e, Name: "X"} }
	k := func(s, e int) mark { return mark{s, e, `<span class="k">`, "</span>"} }
	tests := []struct {
		name  string
		text  string
		fills []Filled
		marks []mark
		lines *lineStyle
		want  string
	}{
		{"plain", "a<b&c", nil, nil, nil, "a&lt;b&amp;c"},
		{"fill", "ab", []Filled{v(1, 2)}, nil, nil, `a<span class="value" title="value of X">b</span>`},
		{"secret", "ab", []Filled{{Start: 0, End: 1, Name: "P", Secret: true}}, nil, nil,
			`<span class="secret" title="secret value of P, not shown">a</span>b`},
		{"fill across marks", "abcd", []Filled{v(1, 3)}, []mark{k(0, 2), k(2, 4)}, nil,
			`<span class="k">a</span><span class="value" title="value of X"><span class="k">b</span><span class="k">c</span></span><span class="k">d</span>`},
		{"mark across fills", "abcd", []Filled{v(0, 1), v(2, 3)}, []mark{k(0, 4)}, nil,
			`<span class="value" title="value of X"><span class="k">a</span></span><span class="k">b</span><span class="value" title="value of X"><span class="k">c</span></span><span class="k">d</span>`},
		{"fill across lines", "ab\ncd", []Filled{v(1, 4)}, nil, &lineStyle{first: 1, width: 1},
			`<span class="line"><span class="cl">a<span class="value" title="value of X">b` + "\n" + `</span></span></span>` +
				`<span class="line"><span class="cl"><span class="value" title="value of X">c</span>d</span></span>`},
		{"numbers and emphasis", "x\ny", nil, nil, &lineStyle{numbers: true, first: 9, width: 2, emphasis: map[int]bool{2: true}},
			`<span class="line"><span class="ln"> 9</span><span class="cl">x` + "\n" + `</span></span>` +
				`<span class="line hl"><span class="ln">10</span><span class="cl">y</span></span>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			writeMarked(&b, tt.text, cleanFills(tt.text, tt.fills), tt.marks, tt.lines)
			if b.String() != tt.want {
				t.Errorf("got  %s\nwant %s", b.String(), tt.want)
			}
		})
	}
}

func TestCleanFills(t *testing.T) {
	s := "héllo wörld"
	got := cleanFills(s, []Filled{
		{Start: 6, End: 12, Name: "B"},
		{Start: 0, End: 2, Name: "A"}, // cuts é
		{Start: 0, End: 1, Name: "C"},
		{Start: 1, End: 7, Name: "D"}, // overlaps B
		{Start: 3, End: 3, Name: "E"}, // empty
		{Start: -1, End: 2, Name: "F"},
		{Start: 10, End: 99, Name: "G"},
	})
	var names []string
	for _, f := range got {
		names = append(names, f.Name)
	}
	if strings.Join(names, ",") != "C,D" {
		t.Errorf("kept %v, want C,D", names)
	}
}

var tag = regexp.MustCompile(`<[^>]*>`)

// FuzzHighlight checks, for any text, language and filled ranges, that
// the code HTML nests (checked by checkHTML) and holds the text exactly.
func FuzzHighlight(f *testing.F) {
	f.Add("python", "def f(x):\n    return '$X'  # c\n", 5, 9, true)
	f.Add("console", "$ echo hi\nhi\n# rm -rf /tmp/x", 2, 6, false)
	f.Add("bash", "for a in b; do echo \"$a\"; done", 0, 30, false)
	f.Add("ini", "[a]\nb = c\n", 3, 5, true)
	f.Add("", "<&>\"'\n\n", 0, 1, false)
	f.Fuzz(func(t *testing.T, lang, text string, start, end int, lines bool) {
		if len(text) > 2000 || len(lang) > 20 {
			return
		}
		fl := cleanFills(text, []Filled{{Start: start, End: end, Name: "X"}})
		var ls *lineStyle
		if lines {
			ls = &lineStyle{numbers: true, first: 1, width: 3, emphasis: map[int]bool{1: true}}
		}
		var b strings.Builder
		b.WriteString("<!doctype html>\n<pre><code>")
		writeMarked(&b, text, fl, codeMarks(lang, text), ls)
		b.WriteString("</code></pre>")
		out := b.String()
		checkHTML(t, "fuzz", out)
		plain := out[len("<!doctype html>\n"):]
		if lines {
			plain = regexp.MustCompile(`<span class="ln">[ 0-9]*</span>`).ReplaceAllString(plain, "")
		}
		if got := html.UnescapeString(tag.ReplaceAllString(plain, "")); got != strings.ReplaceAll(text, "\x00", "\uFFFD") {
			t.Errorf("text changed:\ngot  %q\nwant %q", got, text)
		}
	})
}
