package rst

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The kinds of line that docutils' Body state tells apart, in the order
// it tries them.
type lineKind int

const (
	kBlank lineKind = iota
	kIndent
	kBullet
	kEnum
	kField
	kOption
	kDoctest
	kLineBlock
	kGrid
	kSimple
	kExplicit
	kAnonymous
	kLine
	kText
)

// classify returns the first of the Body state's patterns that matches
// s, without checking whether the construct is valid beyond its first
// line (an enumerator may still turn out to be text).
func classify(s string) lineKind {
	switch {
	case s == "":
		return kBlank
	case s[0] == ' ':
		return kIndent
	case bulletEnd(s) >= 0:
		return kBullet
	}
	if _, ok := matchEnumerator(s); ok {
		return kEnum
	}
	switch {
	case fieldMarkerEnd(s) >= 0:
		return kField
	case optionMarkerEnd(s) >= 0:
		return kOption
	case hasMarker(s, ">>>"):
		return kDoctest
	case hasMarker(s, "|"):
		return kLineBlock
	case isGridTop(s):
		return kGrid
	case isSimpleTop(s):
		return kSimple
	case hasMarker(s, ".."):
		return kExplicit
	case hasMarker(s, "__"):
		return kAnonymous
	case isLineMarker(s):
		return kLine
	}
	return kText
}

// hasMarker reports whether s starts with m followed by spaces or the end
// of the line: the "m( +|$)" patterns.
func hasMarker(s, m string) bool {
	return strings.HasPrefix(s, m) && (len(s) == len(m) || s[len(m)] == ' ')
}

// markerEnd returns the end of "m( +|$)" at the start of s.
func markerEnd(s string, n int) int {
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}

// bulletEnd returns the end of a bullet and the spaces after it, or -1.
func bulletEnd(s string) int {
	n := 0
	switch {
	case s == "":
		return -1
	case s[0] == '-' || s[0] == '+' || s[0] == '*':
		n = 1
	case strings.HasPrefix(s, "\u2022") || strings.HasPrefix(s, "\u2023") || strings.HasPrefix(s, "\u2043"):
		n = 3
	default:
		return -1
	}
	if n < len(s) && s[n] != ' ' {
		return -1
	}
	return markerEnd(s, n)
}

// An enumerator is the marker of an enumerated list item.
type enumerator struct {
	end    int    // end of the marker and the spaces after it
	format string // "period", "parens" or "rparen"
	text   string // the enumerator without its punctuation
	marker string // the marker as written ("1.", "(a)")
}

// matchEnumerator matches docutils' enumerator pattern.
func matchEnumerator(s string) (enumerator, bool) {
	var e enumerator
	i := 0
	if strings.HasPrefix(s, "(") {
		i = 1
	}
	j := i
	for j < len(s) && (isASCIIAlnum(s[j]) || s[j] == '#') {
		j++
	}
	if j == i || j >= len(s) || !isEnumText(s[i:j]) {
		return e, false
	}
	switch {
	case i == 1 && s[j] == ')':
		e.format = "parens"
	case i == 0 && s[j] == ')':
		e.format = "rparen"
	case i == 0 && s[j] == '.':
		e.format = "period"
	default:
		return e, false
	}
	if j+1 < len(s) && s[j+1] != ' ' {
		return e, false
	}
	e.text = s[i:j]
	e.marker = s[:j+1]
	e.end = markerEnd(s, j+1)
	return e, true
}

func isEnumText(t string) bool {
	if t == "#" {
		return true
	}
	if len(t) == 1 && isASCIILetter(t[0]) {
		return true
	}
	all := func(f func(byte) bool) bool {
		for i := 0; i < len(t); i++ {
			if !f(t[i]) {
				return false
			}
		}
		return true
	}
	return all(isDigit) ||
		all(func(c byte) bool { return strings.IndexByte("ivxlcdm", c) >= 0 }) ||
		all(func(c byte) bool { return strings.IndexByte("IVXLCDM", c) >= 0 })
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isASCIIAlnum(c byte) bool  { return byteClass[c]&cAlnum != 0 }

// Byte classes of ASCII characters, for the inner loops of the inline
// parser.
const (
	cAlnum uint8 = 1 << iota
	cURIC
	cURILast
	cEmailC
	cScheme
)

var byteClass [256]uint8

func init() {
	for c := 0; c < 128; c++ {
		b := byte(c)
		var k uint8
		if isDigit(b) || isASCIILetter(b) {
			k |= cAlnum | cURIC | cURILast | cEmailC | cScheme
		}
		if b == 0 || strings.IndexByte("-_.!~*'()[];/:@&=+$,%", b) >= 0 {
			k |= cURIC
		}
		if strings.IndexByte("_~*/=+", b) >= 0 {
			k |= cURILast
		}
		if b == 0 || strings.IndexByte("-_!~*'{|}/#?^`&=+$%", b) >= 0 {
			k |= cEmailC
		}
		if strings.IndexByte(".+-", b) >= 0 {
			k |= cScheme
		}
		byteClass[c] = k
	}
}

// fieldMarkerEnd matches docutils' field marker
// ":(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)" and returns the end
// of the marker and the spaces after it, or -1.
func fieldMarkerEnd(s string) int {
	if len(s) < 2 || s[0] != ':' || s[1] == ':' || s[1] == ' ' {
		return -1
	}
	i := 1
	for i < len(s) {
		switch c := s[i]; c {
		case '\\':
			if i+1 >= len(s) {
				return -1
			}
			_, size := utf8.DecodeRuneInString(s[i+1:])
			i += 1 + size
			continue
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' {
				if s[i-1] == ' ' || i == 1 {
					return -1
				}
				return markerEnd(s, i+1)
			}
			if s[i+1] == '`' {
				return -1
			}
		}
		i++
	}
	return -1
}

// fieldName returns the name of a field whose marker ends at end.
func fieldName(s string, end int) string {
	m := rstripSpace(s[:end])
	return m[1 : len(m)-1]
}

// optionMarkerEnd matches docutils' option list marker and returns the end
// of the marker and the spaces after it, or -1.
func optionMarkerEnd(s string) int {
	var try func(i int) int
	// try matches options from i followed by ", option" repeats and the
	// terminator; it returns the end or -1.
	try = func(i int) int {
		for _, e := range optionEnds(s, i) {
			if strings.HasPrefix(s[e:], ", ") {
				if r := try(e + 2); r >= 0 {
					return r
				}
			}
			// (  +| ?$)
			if strings.HasPrefix(s[e:], "  ") {
				return markerEnd(s, e)
			}
			if e == len(s) || e+1 == len(s) && s[e] == ' ' {
				return len(s)
			}
		}
		return -1
	}
	return try(0)
}

// optionEnds returns the possible ends of one option starting at i, in the
// order a backtracking regular expression tries them.
func optionEnds(s string, i int) []int {
	var out []int
	if i >= len(s) {
		return nil
	}
	switch {
	case s[i] == '-' && i+1 < len(s) && s[i+1] == '-' || s[i] == '/':
		// (--|/)optname([ =]optarg)?
		j := i + 1
		if s[i] == '-' {
			j = i + 2
		}
		if j >= len(s) || !isASCIIAlnum(s[j]) {
			break
		}
		j++
		for j < len(s) && (isASCIIAlnum(s[j]) || s[j] == '_' || s[j] == '-') {
			j++
		}
		if j < len(s) && (s[j] == ' ' || s[j] == '=') {
			out = append(out, optargEnds(s, j+1)...)
		}
		out = append(out, j)
		if s[i] == '-' {
			return out
		}
	}
	if s[i] == '-' || s[i] == '+' {
		// (-|\+)alnum( ?optarg)?
		if i+1 < len(s) && isASCIIAlnum(s[i+1]) {
			j := i + 2
			if j < len(s) && s[j] == ' ' {
				out = append(out, optargEnds(s, j+1)...)
			}
			out = append(out, optargEnds(s, j)...)
			out = append(out, j)
		}
	}
	return out
}

// optargEnds returns the possible ends of an option argument at i:
// "[a-zA-Z][a-zA-Z0-9_-]*" (longest first) or "<[^<>]+>".
func optargEnds(s string, i int) []int {
	if i >= len(s) {
		return nil
	}
	if s[i] == '<' {
		j := i + 1
		for j < len(s) && s[j] != '<' && s[j] != '>' {
			j++
		}
		if j < len(s) && s[j] == '>' && j > i+1 {
			return []int{j + 1}
		}
		return nil
	}
	if !isASCIILetter(s[i]) {
		return nil
	}
	j := i + 1
	for j < len(s) && (isASCIIAlnum(s[j]) || s[j] == '_' || s[j] == '-') {
		j++
	}
	out := make([]int, 0, j-i)
	for k := j; k > i; k-- {
		out = append(out, k)
	}
	return out
}

// isGridTop matches "\+-[-+]+-\+ *$".
func isGridTop(s string) bool {
	if len(s) < 5 || !strings.HasPrefix(s, "+-") || !strings.HasSuffix(s, "-+") {
		return false
	}
	for i := 2; i < len(s)-2; i++ {
		if s[i] != '-' && s[i] != '+' {
			return false
		}
	}
	return true
}

// isGridHeadSep matches the head/body separator "\+=[=+]+=\+ *$".
func isGridHeadSep(s string) bool {
	if len(s) < 5 || !strings.HasPrefix(s, "+=") || !strings.HasSuffix(s, "=+") {
		return false
	}
	for i := 2; i < len(s)-2; i++ {
		if s[i] != '=' && s[i] != '+' {
			return false
		}
	}
	return true
}

// isSimpleTop matches "=+( +=+)+ *$".
func isSimpleTop(s string) bool {
	if s == "" || s[0] != '=' {
		return false
	}
	groups := 0
	for i := 0; i < len(s); {
		if s[i] != '=' {
			return false
		}
		for i < len(s) && s[i] == '=' {
			i++
		}
		groups++
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	return groups >= 2
}

// isSimpleBorder matches "=+[ =]*$".
func isSimpleBorder(s string) bool {
	if s == "" || s[0] != '=' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '=' && s[i] != ' ' {
			return false
		}
	}
	return true
}

// isLineMarker matches the section adornment and transition pattern
// "(nonalphanum7bit)\1* *$": one punctuation character repeated.
func isLineMarker(s string) bool {
	if s == "" || !isAdornment(s[0]) {
		return false
	}
	c := s[0]
	i := 0
	for i < len(s) && s[i] == c {
		i++
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i == len(s)
}

// isAdornment reports whether c is a 7-bit non-alphanumeric printable
// character, which docutils accepts in section adornments.
func isAdornment(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// isWordRune reports whether r is matched by Python's \w.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r)
		return isASCIIAlnum(c) || c == '_'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isAlnumRune reports whether r is matched by "(?!_)\w".
func isAlnumRune(r rune) bool { return r != '_' && isWordRune(r) }

// simplenameEnd returns the end of the longest simple reference name
// starting at i ("(?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*"), or i when there
// is none.
func simplenameEnd(s string, i int) int {
	end := i
	j := i
	for {
		k := j
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			if !isAlnumRune(r) {
				break
			}
			k += size
		}
		if k == j {
			return end
		}
		end = k
		if k+1 < len(s) && strings.IndexByte("-._+:", s[k]) >= 0 {
			r, _ := utf8.DecodeRuneInString(s[k+1:])
			if isAlnumRune(r) {
				j = k + 1
				continue
			}
		}
		return end
	}
}

// isSimplename reports whether the whole of s is a simple reference name.
func isSimplename(s string) bool { return s != "" && simplenameEnd(s, 0) == len(s) }

// columnWidth returns the width of s in columns, as docutils'
// column_width: East Asian wide characters count 2, combining marks 0.
func columnWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case isWide(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

// isWide reports whether r is East Asian Wide or Fullwidth.
func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115f, r == 0x2329, r == 0x232a,
		r >= 0x2e80 && r <= 0x303e,
		r >= 0x3041 && r <= 0x33ff,
		r >= 0x3400 && r <= 0x4dbf,
		r >= 0x4e00 && r <= 0x9fff,
		r >= 0xa000 && r <= 0xa4cf,
		r >= 0xa960 && r <= 0xa97f,
		r >= 0xac00 && r <= 0xd7a3,
		r >= 0xf900 && r <= 0xfaff,
		r >= 0xfe10 && r <= 0xfe19,
		r >= 0xfe30 && r <= 0xfe6f,
		r >= 0xff00 && r <= 0xff60,
		r >= 0xffe0 && r <= 0xffe6,
		r >= 0x1f300 && r <= 0x1f64f,
		r >= 0x1f900 && r <= 0x1f9ff,
		r >= 0x20000 && r <= 0x2fffd,
		r >= 0x30000 && r <= 0x3fffd:
		return true
	}
	return false
}

// fromRoman converts a roman numeral to an integer as docutils' roman
// module does, accepting 1 to 4999 in canonical form.
func fromRoman(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	type numeral struct {
		sym string
		val int
	}
	table := []numeral{{"M", 1000}, {"CM", 900}, {"D", 500}, {"CD", 400}, {"C", 100}, {"XC", 90},
		{"L", 50}, {"XL", 40}, {"X", 10}, {"IX", 9}, {"V", 5}, {"IV", 4}, {"I", 1}}
	n := 0
	rest := s
	for _, t := range table {
		for strings.HasPrefix(rest, t.sym) {
			n += t.val
			rest = rest[len(t.sym):]
		}
	}
	if rest != "" || n < 1 || n > 4999 || toRoman(n) != s {
		return 0, false
	}
	return n, true
}

// toRoman converts 1 to 4999 to an upper-case roman numeral.
func toRoman(n int) string {
	if n < 1 || n > 4999 {
		return ""
	}
	table := []struct {
		sym string
		val int
	}{{"M", 1000}, {"CM", 900}, {"D", 500}, {"CD", 400}, {"C", 100}, {"XC", 90},
		{"L", 50}, {"XL", 40}, {"X", 10}, {"IX", 9}, {"V", 5}, {"IV", 4}, {"I", 1}}
	var b strings.Builder
	for _, t := range table {
		for n >= t.val {
			b.WriteString(t.sym)
			n -= t.val
		}
	}
	return b.String()
}
