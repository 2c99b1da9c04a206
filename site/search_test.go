package site

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSpaceWriter: what a spaceWriter holds is strings.Fields of all its
// pieces joined by spaces, for white space of every kind, for text that
// is not UTF-8, and wherever a character boundary splits the pieces.
func FuzzSpaceWriter(f *testing.F) {
	for _, s := range []string{"", " ", "a", "  two\twords\n", "a\u00a0b\u0085c\u2028d\u3000", "\xff \xfe\tx", "é  è\v\f\r"} {
		f.Add(s, uint(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, s string, cut uint) {
		k := int(cut % uint(len(s)+1))
		for k < len(s) && !utf8.RuneStart(s[k]) {
			k++
		}
		var w spaceWriter
		w.write(s[:k])
		w.write(s[k:])
		if got, want := w.b.String(), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("%q then %q: %q, want %q", s[:k], s[k:], got, want)
		}
	})
}
