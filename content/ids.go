package content

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MakeID turns a title or reference name into an HTML id the way docutils
// does (docutils.nodes.make_id): lower case, accents dropped, runs of other
// characters turned into one hyphen, leading digits and hyphens and
// trailing hyphens removed. "Setting up Django" becomes
// "setting-up-django".
func MakeID(s string) string {
	s = norm.NFKD.String(strings.ToLower(s))
	var b strings.Builder
	pendingHyphen := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if pendingHyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingHyphen = false
			b.WriteRune(r)
		case r > unicode.MaxASCII && unicode.Is(unicode.Mn, r):
			// combining accent left by NFKD: dropped
		default:
			pendingHyphen = true
		}
	}
	id := b.String()
	return strings.TrimLeft(id, "0123456789-")
}

// NormalizeName normalizes a reST reference name: white space collapsed
// to one space, lower case (docutils' fully_normalize_name).
func NormalizeName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
