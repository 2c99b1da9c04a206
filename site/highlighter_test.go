package site

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/tailordocs/tailor/content"
)

// TestHighlighterSharedByBuilds builds the same pages for clients whose
// values change a block's text (in a way that changes its tokens: a
// value that closes a string), alternating, with one Highlighter shared
// by every build: each site must be the one a build without it makes.
func TestHighlighterSharedByBuilds(t *testing.T) {
	pages := benchSite()
	fill := func(value string) func(content.Node, string) (string, []Filled) {
		return func(_ content.Node, s string) (string, []Filled) {
			return strings.ReplaceAll(s, "$DOMAIN", value), nil
		}
	}
	var h Highlighter
	for _, value := range []string{"example.com", `x' + "y`, "example.com", "example.org", `x' + "y`} {
		want, _ := Build(pages, Options{Client: "c", Fill: fill(value)})
		got, _ := Build(pages, Options{Client: "c", Fill: fill(value), Highlighter: &h})
		if len(got.Files) != len(want.Files) {
			t.Fatalf("%q: %d files with the highlighter, %d without", value, len(got.Files), len(want.Files))
		}
		for i, f := range got.Files {
			if !bytes.Equal(f.Data, want.Files[i].Data) {
				t.Errorf("%q: %s differs with a shared highlighter", value, f.Path)
			}
		}
	}
}

// TestRepeatedTextHighlightedAlike shows the same text in two languages
// and again in the first: each block is highlighted as its own language,
// as it would be alone on its page.
func TestRepeatedTextHighlightedAlike(t *testing.T) {
	const text = "name = 'value'  # set it"
	langs := []string{"python", "ini", "python", "bash", "ini"}
	pre := func(blocks ...content.Block) []string {
		s, _ := Build([]Page{page("index.html", doc("index.rst", sec(1, "Title", blocks...)))}, Options{Client: "c"})
		var html string
		for _, f := range s.Files {
			if f.Path == "index.html" {
				html = string(f.Data)
			}
		}
		var out []string
		for {
			i := strings.Index(html, "<pre")
			if i < 0 {
				return out
			}
			j := strings.Index(html[i:], "</pre>")
			out = append(out, html[i:i+j])
			html = html[i+j:]
		}
	}
	var blocks []content.Block
	for _, l := range langs {
		blocks = append(blocks, code(l, text))
	}
	got := pre(blocks...)
	if len(got) != len(langs) {
		t.Fatalf("%d code blocks rendered, want %d", len(got), len(langs))
	}
	for i, l := range langs {
		if alone := pre(code(l, text)); got[i] != alone[0] {
			t.Errorf("block %d (%s) is\n%s\nalone it is\n%s", i, l, got[i], alone[0])
		}
	}
	if got[0] == got[1] {
		t.Errorf("python and ini highlighted alike:\n%s", got[0])
	}
}

// TestStuckLexer: a lexer that gives empty tokens without end (chroma's
// JSONata lexer on a pipe) leaves its block plain instead of hanging the
// build; the other blocks are highlighted.
func TestStuckLexer(t *testing.T) {
	done := make(chan []mark, 2)
	go func() {
		done <- codeMarks("jsonata", `echo "x" | grep y`)
		done <- codeMarks("jsonata", `{"a": $sum(items.price)}`)
	}()
	select {
	case stuck := <-done:
		if stuck != nil {
			t.Errorf("the stuck block has marks: %v", stuck)
		}
		if ok := <-done; len(ok) == 0 {
			t.Errorf("a JSONata block the lexer reads is not highlighted")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("highlighting a JSONata pipe does not end")
	}
}

// TestPrime: highlighting primed ahead of a build, right or with another
// default language than the build's, leaves the site as a build without
// it makes it.
func TestPrime(t *testing.T) {
	doc := doc("index.rst", sec(1, "Title",
		code("", "x = 'literal block'"),
		&content.Directive{Name: "highlight", Args: "ini"},
		code("", "[section]\nkey = value"),
		code("bash", "echo $DOMAIN"),
		code("python", "print('no placeholder')"),
	))
	pages := []Page{page("index.html", doc)}
	opts := Options{Client: "c", HighlightLanguage: "python"}
	want, _ := Build(pages, opts)
	for _, primeLang := range []string{"python", "ini", ""} {
		var h Highlighter
		h.Prime([]*content.Doc{doc}, primeLang)
		opts.Highlighter = &h
		got, _ := Build(pages, opts)
		for i, f := range got.Files {
			if !bytes.Equal(f.Data, want.Files[i].Data) {
				t.Errorf("primed with %q: %s differs", primeLang, f.Path)
			}
		}
	}
}
