package tree

import (
	"strings"
	"testing"
)

// FuzzMatchLines: a line names an anchor when, its white space made one
// space, it is the anchor or starts with the anchor and a space.
func FuzzMatchLines(f *testing.F) {
	f.Add("ProxyPass / http://x/", "ProxyPass /")
	f.Add("ProxyPass /static/ !", "ProxyPass /")
	f.Add("  listen\t80 ;", "listen 80")
	f.Add("a", "a b")
	f.Add("a\u00a0b", "a")
	f.Fuzz(func(t *testing.T, text, anchor string) {
		norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
		a := norm(anchor)
		want := a != "" && (norm(text) == a || strings.HasPrefix(norm(text), a+" "))
		if got := len(matchLines([]Line{{Text: text}}, anchor)) == 1; got != want {
			t.Errorf("matchLines(%q, %q) = %v, want %v", text, anchor, got, want)
		}
	})
}
