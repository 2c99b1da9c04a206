package site

import (
	"strings"
	"testing"
)

// FuzzEscape: text and attribute values are escaped as a replacer of
// the special characters would, whatever bytes they hold.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "a<b>&c", "\x00\"'", "<<>>", "é & è", "\xff<"} {
		f.Add(s)
	}
	text := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\x00", "\uFFFD")
	attrs := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;", "\x00", "\uFFFD")
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		escapeText(&b, s)
		if got, want := b.String(), text.Replace(s); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", s, got, want)
		}
		b.Reset()
		escapeAttr(&b, s)
		if got, want := b.String(), attrs.Replace(s); got != want {
			t.Errorf("escapeAttr(%q) = %q, want %q", s, got, want)
		}
	})
}
