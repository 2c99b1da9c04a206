package prose

import (
	"strings"
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

// TestClasses holds In to Is over the words of each class's list, in
// any case, and over words of no list and literals.
func TestClasses(t *testing.T) {
	lists := map[Class]Words{Determiner: Determiners, FileNoun: FileNouns, DirNoun: DirNouns}
	var words []string
	for _, l := range lists {
		for w := range l {
			words = append(words, w, strings.ToUpper(w[:1])+w[1:])
		}
	}
	words = append(words, "nginx", "Files", "at", ",")
	for _, w := range words {
		toks := Tokenize([]content.Inline{&content.Text{Value: w}, &content.Literal{Value: w}})
		for _, tok := range toks {
			for c, l := range lists {
				if got, want := tok.In(c), tok.Is(l); got != want {
					t.Errorf("%q (literal %v): In(%d) = %v, Is = %v", tok.Text, tok.Literal, c, got, want)
				}
			}
		}
	}
}

// FuzzTokenPaths holds what a token keeps of its path kinds to what
// classifyPath says of it.
func FuzzTokenPaths(f *testing.F) {
	for _, s := range []string{"nginx.conf", "/etc/hosts", "~/.bashrc", "$HOME/x", "sshd_config", "word", "v1.2", "a=b", "..."} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, literal bool) {
		tok := token(s, strings.ToLower(s), literal, 0)
		for _, named := range []bool{false, true} {
			if got, want := ClassifyPath(tok, named), classifyPath(tok, named); got != want {
				t.Fatalf("%q (literal %v, named %v): kept %v, want %v", s, literal, named, got, want)
			}
		}
	})
}
