package markdown

import (
	"strings"
	"unicode"
)

// slug returns the id GitHub gives a heading with the plain text s: lower
// case, spaces turned into hyphens, and every character that is not a
// letter, a digit, a mark, a hyphen or an underscore (or another
// connector) dropped. "Setting up $DOMAIN's DNS" becomes
// "setting-up-domains-dns". The caller de-duplicates.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
