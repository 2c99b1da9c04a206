package quote

import "strings"

// A context is where in a line a placeholder is.
type context int

const (
	bare    context = iota // outside quotes
	single                 // inside '...'
	double                 // inside "..."
	triple2                // inside """...""" (Python, TOML)
	triple1                // inside '''...''' (Python, TOML)
	comment                // after a comment sign: nothing to quote
)

// scanner reads a line up to each placeholder in turn to tell its
// context, going on from where it stopped: reading the line once in all.
type scanner struct {
	line   string
	s      string // the line up to the placeholder being read to
	fam    family
	ctx    context
	prefix string // the string prefix of Python ("r", "f", "rb")
	next   int    // the next byte of line to read
}

// contextAt says whether line[end] is inside a quoted string, for the
// languages whose strings tailor knows, and for Python the string's
// prefix in lower case ("r", "f", "rb", ...). end is where a placeholder
// starts, no earlier than the one before: what the scanner saw then
// holds, as no quote or comment sign it looks for holds a "$".
func (sc *scanner) contextAt(end int) (context, string) {
	if sc.fam == fNone || sc.fam == fHTML || sc.fam == fMarkdown {
		return bare, ""
	}
	sc.s = sc.line[:end]
	for ; sc.next < end && sc.ctx != comment; sc.next++ {
		i := sc.next
		var stop bool
		switch sc.ctx {
		case bare:
			i, stop = sc.bare(i)
		case single:
			i = sc.single(i)
		case double:
			i = sc.close(i, `"`, true)
		case triple2:
			i = sc.close(i, `"""`, true)
		case triple1:
			i = sc.close(i, "'''", sc.fam == fPython)
		}
		if stop {
			sc.ctx = comment // to the end of the line
		}
		sc.next = i
	}
	switch sc.ctx {
	case bare, comment:
		return sc.ctx, ""
	}
	return sc.ctx, sc.prefix
}

// bare reads s[i] outside quotes; it returns where it stopped, and true
// at a comment.
func (sc *scanner) bare(i int) (int, bool) {
	s, fam, c := sc.s, sc.fam, sc.s[i]
	if fam == fPython && (c == '\'' || c == '"') {
		sc.prefix = pythonPrefix(s[:i])
	}
	switch {
	case c == '#' && sc.commentAt(i):
		return i, true // a comment: nothing to quote
	case c == '\\' && fam != fINI:
		return i + 1, false
	case sc.opensTriple(i):
		return i + 2, false
	case c == '\'' && fam != fINI: // apostrophes are plain text in INI
		sc.ctx = single
	case c == '"':
		sc.ctx = double
	}
	return i, false
}

// commentAt reports whether the "#" at i starts a comment: in shell and
// crontab only as a word of its own, never in JavaScript.
func (sc *scanner) commentAt(i int) bool {
	s, fam := sc.s, sc.fam
	return fam != fJS && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t' || fam != fShell && fam != fCrontab)
}

// opensTriple reports whether a triple-quoted string of Python or TOML
// opens at i, and enters it.
func (sc *scanner) opensTriple(i int) bool {
	if sc.fam != fPython && sc.fam != fTOML {
		return false
	}
	switch {
	case strings.HasPrefix(sc.s[i:], `"""`):
		sc.ctx = triple2
	case strings.HasPrefix(sc.s[i:], "'''"):
		sc.ctx = triple1
	default:
		return false
	}
	return true
}

// single reads s[i] inside '...': no escapes in shell, TOML literal,
// YAML and PHP single quotes but for the quote itself, which the shell
// cannot escape.
func (sc *scanner) single(i int) int {
	c := sc.s[i]
	if c == '\\' && sc.fam != fShell && sc.fam != fTOML && sc.fam != fYAML {
		return i + 1
	}
	if c == '\'' {
		sc.ctx = bare
	}
	return i
}

// close reads s[i] inside a string that q closes, where a backslash
// escapes when escapes is set.
func (sc *scanner) close(i int, q string, escapes bool) int {
	if sc.s[i] == '\\' && escapes {
		return i + 1
	}
	if strings.HasPrefix(sc.s[i:], q) {
		sc.ctx = bare
		return i + len(q) - 1
	}
	return i
}

// pythonPrefix returns the string prefix that ends before, in lower case
// ("r" for r'...', "rb", "f"), or "".
func pythonPrefix(before string) string {
	j := len(before)
	for j > 0 && j > len(before)-2 && strings.ContainsRune("rRbBfFuU", rune(before[j-1])) {
		j--
	}
	if j > 0 && isIdentByte(before[j-1]) {
		return "" // the end of a name, as in "number'"
	}
	return strings.ToLower(before[j:])
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
