package site

import (
	"strings"
	"testing"
)

// FuzzCollapseSpace: collapseSpace is strings.Fields joined by spaces,
// for white space of every kind and for text that is not UTF-8.
func FuzzCollapseSpace(f *testing.F) {
	for _, s := range []string{"", " ", "a", "  two\twords\n", "a\u00a0b\u0085c\u2028d\u3000", "\xff \xfe\tx", "é  è\v\f\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
