package prose

import (
	"testing"

	"github.com/tailordocs/tailor/content"
)

func TestMaxTokens(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"   \n\t", 0},
		{"Edit the file.", 4},
		{`("quoted") words,`, 7},
		{"Use e.g. this, or that.", 8}, // e.g. is one token, counted as two
		{"…and ¿qué?", 3},
		{"((", 2},
	} {
		got := maxTokens(tc.text)
		if got != tc.want {
			t.Errorf("maxTokens(%q) = %d, want %d", tc.text, got, tc.want)
		}
		if n := len(appendWords(nil, tc.text, 0)); got < n {
			t.Errorf("maxTokens(%q) = %d, but it makes %d tokens", tc.text, got, n)
		}
	}
}

// FuzzMaxTokens holds maxTokens to what appendWords makes: never fewer,
// so that Tokenize sizes its list once.
func FuzzMaxTokens(f *testing.F) {
	for _, s := range []string{"Edit `/etc/hosts`, then (re)start it.", `"e.g.," i.e.) etc...`, "a\tb\r\nc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize([]content.Inline{&content.Text{Value: s}, &content.Emphasis{Children: []content.Inline{&content.Text{Value: s}}}})
		if n := 2 * maxTokens(s); n < len(toks) {
			t.Fatalf("maxTokens(%q) = %d, but Tokenize makes %d tokens", s, n/2, len(toks)/2)
		}
		if cap(toks) != 2*maxTokens(s) {
			t.Fatalf("Tokenize(%q): capacity %d, want %d", s, cap(toks), 2*maxTokens(s))
		}
	})
}
