// Package placeholder finds "$NAME" and "${NAME}" placeholders in text and
// replaces them.
//
// A placeholder's NAME is the longest run of ASCII letters, digits and
// underscores after the dollar sign, and it must start with an upper-case
// letter: "$DOMAIN" and "${DJANGO_PROJECT}" are placeholders,
// "$http_host", "$1", "$$" and "$(cmd)" are not. There is no prefix
// matching: "$SERVER_IPv4_ADDRESS" is one name.
//
// The package knows nothing of values; package values gives names their
// values, and the callers decide what an unknown name means.
package placeholder

import (
	"strings"

	"github.com/tailordocs/tailor/internal/editdist"
)

// A Ref is one placeholder reference in a text.
type Ref struct {
	// Start and End are the byte offsets of the whole reference,
	// "$NAME" or "${NAME}", in the scanned text.
	Start, End int
	Name       string
	Braced     bool
}

// Scan returns the placeholder references in s, in order.
func Scan(s string) []Ref {
	return collect(s, false)
}

// ScanLower returns the references that look like placeholders but start
// with a lower-case letter ("$domain"), for near-miss warnings.
func ScanLower(s string) []Ref {
	return collect(s, true)
}

// collect returns the references of s whose names start with a
// lower-case letter, or those that start with an upper-case one.
func collect(s string, lower bool) []Ref {
	var refs []Ref
	if n := strings.Count(s, "$"); n > 0 {
		refs = make([]Ref, 0, n) // at most a reference per "$": the list is not copied as it grows
	}
	scan(s, func(r Ref, l bool) {
		if l == lower {
			refs = append(refs, r)
		}
	})
	if len(refs) == 0 {
		return nil
	}
	return refs
}

// scan calls fn with each reference of s, in order, and whether its name
// starts with a lower-case letter. It goes from one "$" to the next.
func scan(s string, fn func(r Ref, lower bool)) {
	for i := 0; i < len(s); i++ {
		k := strings.IndexByte(s[i:], '$')
		if k < 0 {
			return
		}
		i += k
		if i+1 >= len(s) {
			return
		}
		if s[i+1] == '$' {
			i++ // "$$" is never a placeholder
			continue
		}
		if end := opaqueEnd(s, i); end > i {
			i = end - 1 // "$6$salt$hash": a password hash holds no placeholder
			continue
		}
		r, ok := refAt(s, i)
		if !ok {
			continue
		}
		switch c := r.Name[0]; {
		case c >= 'A' && c <= 'Z':
			fn(r, false)
		case c >= 'a' && c <= 'z':
			fn(r, true)
		}
		i = r.End - 1
	}
}

// refAt reads the reference whose "$" is at s[i], "$NAME" or "${NAME}",
// whatever the case of its first letter.
func refAt(s string, i int) (Ref, bool) {
	braced := s[i+1] == '{'
	j := i + 1
	if braced {
		j++
	}
	k := j
	for k < len(s) && isNameByte(s[k]) {
		k++
	}
	if k == j {
		return Ref{}, false
	}
	end := k
	if braced {
		if k >= len(s) || s[k] != '}' {
			return Ref{}, false // "${NAME:-x}" and the like are shell's, not ours
		}
		end = k + 1
	}
	return Ref{Start: i, End: end, Name: s[j:k], Braced: braced}, true
}

// cryptIDs are the ids of crypt(3) and PHC hash strings ("$6$salt$hash",
// "$argon2id$v=19$..."); hashers are the names that start Django's and
// passlib's ("pbkdf2_sha256$600000$salt$hash").
var (
	cryptIDs = map[string]bool{
		"1": true, "2": true, "2a": true, "2b": true, "2x": true, "2y": true, "3": true, "5": true,
		"6": true, "7": true, "y": true, "gy": true, "md5": true, "sha1": true, "apr1": true,
		"argon2i": true, "argon2d": true, "argon2id": true, "scrypt": true, "pbkdf2": true,
		"pbkdf2-sha256": true, "pbkdf2-sha512": true, "bcrypt-sha256": true,
	}
	hashers = map[string]bool{
		"pbkdf2_sha256": true, "pbkdf2_sha1": true, "argon2": true, "bcrypt_sha256": true, "scrypt": true,
	}
)

// opaqueEnd returns the end of the password hash whose "$" is at s[i]
// ("$6$...", "{SHA512-CRYPT}$6$...", "pbkdf2_sha256$..."), or i when the
// "$" starts none. Only the "$" right after the hash's start is looked
// at: the hash is then skipped whole.
func opaqueEnd(s string, i int) int {
	st := i
	for st > 0 && i-st < 32 && isHashLead(s[st-1]) {
		st--
	}
	if st > 0 && isHashLead(s[st-1]) {
		return i
	}
	lead := s[st:i]
	if strings.HasPrefix(lead, "{") { // a scheme: {SHA512-CRYPT}$6$...
		k := strings.IndexByte(lead, '}')
		if k < 0 || k != len(lead)-1 {
			return i
		}
		lead = ""
	}
	switch {
	case lead == "":
		k := strings.IndexByte(s[i+1:min(len(s), i+18)], '$') // an id is 16 bytes at most
		if k <= 0 || !idBytes(s[i+1:i+1+k]) || !cryptIDs[s[i+1:i+1+k]] {
			return i
		}
	case !hashers[lead]:
		return i
	}
	end := i + 1
	for end < len(s) && isHashByte(s[end]) {
		end++
	}
	return end
}

// idBytes reports whether s is made of the bytes of crypt ids, which most
// text between two dollar signs is not: the ids are then not looked up.
func idBytes(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// isHashLead reports whether c can come before a hash's first "$": in a
// hasher's name or a {SCHEME}.
func isHashLead(c byte) bool {
	return c == '_' || c == '-' || c == '{' || c == '}' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isHashByte reports whether c can be in a hash: crypt's base64 and the
// "$", "=" and "," of its fields.
func isHashByte(c byte) bool {
	return c == '.' || c == '/' || c == '$' || c == '=' || c == ',' || c == '+' || c == '-' || isNameByte(c)
}

func isNameByte(c byte) bool { return nameBytes[c] }

// nameBytes are the bytes of a name: letters, digits and "_".
var nameBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return t
}()

// IsName reports whether s is a valid placeholder name.
func IsName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isNameByte(s[i]) {
			return false
		}
	}
	return true
}

// Replace returns s with each reference for which fn returns ok replaced
// by the string fn returns; other references are left as written. It
// writes the result as it scans, in one pass over s, into a buffer sized
// from what the values so far added: a page is copied about once.
func Replace(s string, fn func(r Ref) (string, bool)) string {
	var b strings.Builder
	last := 0
	scan(s, func(r Ref, lower bool) {
		if lower {
			return
		}
		v, ok := fn(r)
		if !ok {
			return
		}
		if need := r.Start - last + len(v); b.Cap()-b.Len() < need {
			// the rest of s, grown as the text so far grew
			rest := len(s) - last
			b.Grow(need + int(float64(rest)*float64(b.Len()+need)/float64(r.End))*9/8)
		}
		b.WriteString(s[last:r.Start])
		b.WriteString(v)
		last = r.End
	})
	if last == 0 {
		return s // nothing replaced
	}
	b.WriteString(s[last:])
	return b.String()
}

// Suggest returns the candidate that name was most likely meant to be, or
// "" when none is close: a different case ("domain" for DOMAIN), a small
// edit ("DOMAN"), or the same words with one added or left out
// ("EMAIL_USER" for EMAIL_HOST_USER). Ties go to the first candidate in
// sorted order.
func Suggest(name string, candidates []string) string {
	best, bestScore := "", 1<<30
	for _, c := range candidates {
		if c == name {
			continue
		}
		score, ok := closeness(name, c)
		if ok && (score < bestScore || score == bestScore && c < best) {
			best, bestScore = c, score
		}
	}
	return best
}

// A Suggester makes Suggest's suggestions among a fixed set of
// candidates for many names, within a bound on the comparisons it makes
// in all: past it, it suggests nothing, so that a tutorial with tens of
// thousands of unknown names is reported in time that grows with their
// number. A nil *Suggester suggests nothing. It is not safe for
// concurrent use.
type Suggester struct {
	candidates []string
	budget     int
}

// suggestBudget bounds the comparisons of one Suggester.
const suggestBudget = 1 << 20

// NewSuggester returns a Suggester among candidates.
func NewSuggester(candidates []string) *Suggester {
	return &Suggester{candidates: candidates, budget: suggestBudget}
}

// Suggest is Suggest(name, candidates), or "" once the bound is reached.
func (s *Suggester) Suggest(name string) string {
	if s == nil || s.budget < len(s.candidates) {
		return ""
	}
	s.budget -= len(s.candidates)
	return Suggest(name, s.candidates)
}

// closeness scores how near a is to b (lower is nearer) and whether they
// are near enough to suggest one for the other.
func closeness(a, b string) (int, bool) {
	if strings.EqualFold(a, b) {
		return 0, true
	}
	ua, ub := strings.ToUpper(a), strings.ToUpper(b)
	limit := 1
	if n := min(len(ua), len(ub)); n >= 6 {
		limit = 2
	}
	if n := min(len(ua), len(ub)); n >= 12 {
		limit = 3
	}
	// lengths alone tell a distance too great; names too long to be
	// compared by edits are compared by their words only
	d := abs(len(ua) - len(ub))
	if d <= limit && max(len(ua), len(ub)) <= maxEdited {
		d = editdist.Distance(ua, ub)
		if d <= limit {
			return 10 + d, true
		}
	}
	wa, wb := strings.Split(ua, "_"), strings.Split(ub, "_")
	if len(wa) != len(wb) && (subsequence(wa, wb) || subsequence(wb, wa)) && min(len(wa), len(wb)) >= 2 {
		if max(len(ua), len(ub)) <= maxEdited {
			d = editdist.Distance(ua, ub)
		}
		return 20 + d, true
	}
	return 0, false
}

// subsequence reports whether every word of short appears in long, in order.
func subsequence(short, long []string) bool {
	i := 0
	for _, w := range long {
		if i < len(short) && short[i] == w {
			i++
		}
	}
	return i == len(short)
}

// fillerWords name a kind of value without changing what it is about:
// SERVER_IP and SERVER_IP_ADDRESS name one thing.
var fillerWords = map[string]bool{"ADDRESS": true, "ADDR": true, "NAME": true, "VALUE": true}

// Similar reports whether two placeholder names probably mean one thing
// and one of them is a slip: they differ only in a word like ADDRESS or
// NAME ("SERVER_IP", "SERVER_IP_ADDRESS"), or by a small edit that is not
// a different number ("SERVER_IP_ADDRESS", "SERVER_IPv4_ADDRESS", but not
// "SERVER_IPv4_ADDRESS", "SERVER_IPv6_ADDRESS").
func Similar(a, b string) bool {
	if a == b {
		return false
	}
	ua, ub := strings.ToUpper(a), strings.ToUpper(b)
	if ua == ub {
		return true
	}
	if ca, cb := core(ua), core(ub); ca != "" && ca == cb {
		return true
	}
	da, db := noDigits(ua), noDigits(ub)
	if da == db {
		return false // numbered variants: NODE1, NODE2; IPv4, IPv6
	}
	limit := similarEdits(min(len(ua), len(ub)))
	return limit > 0 && max(len(ua), len(ub)) <= maxEdited && abs(len(da)-len(db)) <= limit && editdist.Distance(da, db) <= limit
}

// maxEdited bounds the length of the names compared by edit distance:
// longer ones are no slips of the keyboard, and comparing them would take
// time that grows with the square of their length.
const maxEdited = 64

// similarEdits is how many edits Similar allows between names of n bytes
// or more, 0 for none.
func similarEdits(n int) int {
	switch {
	case n >= 12:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// core returns an upper-case name without its filler words.
func core(s string) string {
	var keep []string
	for _, w := range strings.Split(s, "_") {
		if !fillerWords[w] {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, "_")
}

// noDigits returns s without its digits.
func noDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, s)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
