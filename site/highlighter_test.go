package site

import (
	"bytes"
	"strings"
	"testing"

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
