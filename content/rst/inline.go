package rst

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tailordocs/tailor/content"
)

// A piece is a result of the inline parser: a node, or a run of plain
// text s[a:b] of the escaped text.
type piece struct {
	node content.Inline
	a, b int
}

// An inliner parses the inline markup of one text, following docutils'
// Inliner: it searches for the leftmost start-string, checks the
// recognition rules, and finds the matching end-string.
type inliner struct {
	p   *parser
	ts  *textSrc
	s   string // the text with backslash escapes turned into NUL bytes
	out []piece

	chainEnds map[int]int // ends of simple names, by the start of each run
	chains    map[int]chainInfo
	ends      [numEndKinds]endCache
}

// An endCache remembers the last end-string search of one kind: the
// first end-string after from is at next (-1: none up to the end of the
// text). Searches come with increasing from, so each part of the text
// is scanned once.
type endCache struct {
	valid      bool
	from, next int
}

type refMemo struct{ best, refend int }

// The end-strings the inliner looks for.
const (
	endEmphasis = iota
	endStrong
	endLiteral
	endTarget
	endSubst
	endInterpreted
	numEndKinds
)

// escapeText turns each backslash escape into a NUL byte followed by the
// escaped character, as docutils' escape2null does. The length does not
// change, so offsets stay valid.
func escapeText(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' {
			b[i] = 0
			if i+1 < len(b) {
				_, size := utf8.DecodeRune(b[i+1:])
				i += size
			}
		}
	}
	return string(b)
}

// unescape removes the escape marks; with restore, it turns them back
// into backslashes. Escaped white space disappears, as in docutils.
func unescape(s string, restore bool) string {
	if strings.IndexByte(s, 0) < 0 {
		return s
	}
	if restore {
		return strings.ReplaceAll(s, "\x00", "\\")
	}
	s = strings.ReplaceAll(s, "\x00 ", "")
	s = strings.ReplaceAll(s, "\x00\n", "")
	return strings.ReplaceAll(s, "\x00", "")
}

// inlines parses the inline markup of ts.
func (p *parser) inlines(ts *textSrc) []content.Inline {
	in := p.newInliner(ts)
	in.parse()
	return in.finish(in.out)
}

func (p *parser) newInliner(ts *textSrc) *inliner {
	return &inliner{p: p, ts: ts, s: escapeText(ts.text), out: make([]piece, 0, 4)}
}

// finish turns pieces into nodes, merging adjacent runs of text.
func (in *inliner) finish(pieces []piece) []content.Inline {
	out := make([]content.Inline, 0, len(pieces))
	for i := 0; i < len(pieces); i++ {
		pc := pieces[i]
		if pc.node != nil {
			out = append(out, pc.node)
			continue
		}
		a, b := pc.a, pc.b
		for i+1 < len(pieces) && pieces[i+1].node == nil && pieces[i+1].a == b {
			i++
			b = pieces[i].b
		}
		if t := in.text(a, b); t != nil {
			out = append(out, t)
		}
	}
	return out
}

// text returns a Text node for s[a:b], or nil when it is empty.
func (in *inliner) text(a, b int) *content.Text {
	v := unescape(in.s[a:b], false)
	if v == "" {
		return nil
	}
	return &content.Text{Span: in.ts.span(a, b), Value: v}
}

func (in *inliner) textNodes(a, b int) []content.Inline {
	if t := in.text(a, b); t != nil {
		return []content.Inline{t}
	}
	return nil
}

func (in *inliner) runeAt(i int) rune {
	if i >= len(in.s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(in.s[i:])
	return r
}

func (in *inliner) prevRune(i int) rune {
	if i <= 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(in.s[:i])
	return r
}

func (in *inliner) spaceAt(i int) bool { return i < len(in.s) && isPySpace(in.runeAt(i)) }

// asciiStart and asciiEnd hold the start-string prefix and end-string
// suffix rules for ASCII characters.
var asciiStart, asciiEnd [utf8.RuneSelf]bool

func init() {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		asciiStart[c] = isPySpace(c) || unicode.Is(startPrefix, c)
		asciiEnd[c] = isPySpace(c) || c == 0 || unicode.Is(endSuffixChars, c)
	}
}

// isStartPrefix reports whether inline markup may start after r: white
// space, an opener or a delimiter.
func isStartPrefix(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return asciiStart[r]
	}
	return r >= 0 && (isPySpace(r) || unicode.Is(startPrefix, r))
}

// endOK checks the end-string suffix rule at i: the end of the text, or
// before white space, an escape, a closing delimiter, a delimiter or a
// closer.
func endOK(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	if c := s[i]; c < utf8.RuneSelf {
		return asciiEnd[c]
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isPySpace(r) || unicode.Is(endSuffixChars, r)
}

func (in *inliner) endOK(i int) bool { return endOK(in.s, i) }

func (in *inliner) alnumAt(i int) bool { return i < len(in.s) && isAlnumRune(in.runeAt(i)) }

// chain returns the end of the simple name starting at i. Ends are
// remembered for every run of the name, since a name may also be
// looked up from a "-" or ":" inside it.
func (in *inliner) chain(i int) int {
	if e, ok := in.chainEnds[i]; ok {
		return e
	}
	var starts []int
	j := i
	e := i
	for {
		starts = append(starts, j)
		e = in.runAt(j)
		if e+1 < len(in.s) && isNameSep(in.s[e]) && in.alnumAt(e+1) {
			j = e + 1
			continue
		}
		break
	}
	if in.chainEnds == nil {
		in.chainEnds = map[int]int{}
	}
	for _, st := range starts {
		in.chainEnds[st] = e
	}
	return e
}

// isNameSep reports whether c may separate the parts of a simple name.
func isNameSep(c byte) bool {
	return c == '-' || c == '.' || c == '_' || c == '+' || c == ':'
}

// refendAt checks for a reference end "__?" at e followed by the
// end-string suffix and returns its length, or 0.
func (in *inliner) refendAt(e int) int {
	if e >= len(in.s) || in.s[e] != '_' {
		return 0
	}
	if e+1 < len(in.s) && in.s[e+1] == '_' && in.endOK(e+2) {
		return 2
	}
	if in.endOK(e + 1) {
		return 1
	}
	return 0
}

// runAt returns the end of the alphanumeric run that starts at i.
func (in *inliner) runAt(i int) int {
	s := in.s
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !isASCIIAlnum(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isAlnumRune(r) {
			break
		}
		i += size
	}
	return i
}

// A chainInfo describes one run of a simple name: where the run ends,
// and the best reference end of the whole name.
type chainInfo struct {
	runEnd int
	best   refMemo
}

// reference finds a reference name "name_" or "name__" starting at i:
// the longest simple name that is followed by a valid reference end. It
// walks the name once and remembers what it found for every run of it,
// since a reference may also start after a "-" or ":" inside the name.
func (in *inliner) reference(i int) (end, refend int) {
	info, ok := in.chains[i]
	if !ok {
		best := refMemo{best: -1}
		var starts []int
		var ends []int
		for j := i; ; {
			e := in.runAt(j)
			starts = append(starts, j)
			ends = append(ends, e)
			if n := in.refendAt(e); n > 0 {
				best = refMemo{best: e, refend: n}
			}
			if e+1 < len(in.s) && isNameSep(in.s[e]) && in.alnumAt(e+1) {
				j = e + 1
				continue
			}
			break
		}
		if in.chains == nil {
			in.chains = map[int]chainInfo{}
		}
		for k, st := range starts {
			in.chains[st] = chainInfo{runEnd: ends[k], best: best}
		}
		info = in.chains[i]
	}
	if info.best.best < info.runEnd {
		return -1, 0
	}
	return info.best.best, info.best.refend
}

// A match is a candidate inline construct found by search.
type match struct {
	kind   int
	p      int    // start of the match (of the role for interpreted text)
	end    int    // end of the start-string, or of the whole construct
	start  string // the start-string
	bq     int    // position of the backquote
	role   string // role given as a prefix
	label  string // footnote or citation label
	refend int    // length of a reference end
}

const (
	mStart = iota
	mRef
	mFootnote
	mBackquote
)

// search finds the leftmost inline markup candidate at or after base, as
// docutils' initial pattern does.
func (in *inliner) search(base int) (match, bool) {
	s := in.s
	n := len(s)
	start := true // whether markup may start at i
	for i := base; i < n; {
		c := s[i]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				// A word: it can only start a reference, and only when
				// an underscore or a name separator follows it.
				e := i + 1
				for e < n && isASCIIAlnum(s[e]) {
					e++
				}
				if start && e < n && (s[e] >= utf8.RuneSelf || s[e] == '_' ||
					isNameSep(s[e]) && e+1 < n && (s[e+1] >= utf8.RuneSelf || isASCIIAlnum(s[e+1]))) {
					if m, ok := in.matchAt(i); ok {
						return m, true
					}
				}
				start = false
				i = e
				continue
			}
			if start && (c == '*' || c == '`' || c == '_' || c == '|' || c == '[' || c == ':') {
				if m, ok := in.matchAt(i); ok {
					return m, true
				}
			}
			start = asciiStart[c]
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if start && isAlnumRune(r) {
			if m, ok := in.matchAt(i); ok {
				return m, true
			}
		}
		start = isStartPrefix(r)
		i += size
	}
	return match{}, false
}

// matchAt tries the alternatives of the initial pattern at i.
func (in *inliner) matchAt(i int) (match, bool) {
	s := in.s
	n := len(s)
	// Simple start-strings.
	start := ""
	switch {
	case strings.HasPrefix(s[i:], "**"):
		start = "**"
	case s[i] == '*':
		start = "*"
	case strings.HasPrefix(s[i:], "``"):
		start = "``"
	case strings.HasPrefix(s[i:], "_`"):
		start = "_`"
	case s[i] == '|' && !(i+1 < n && s[i+1] == '|'):
		start = "|"
	}
	if start == "**" && in.spaceAt(i+2) {
		start = "" // "\*(?!\*)" cannot match "**" either
	}
	if start != "" && !in.spaceAt(i+len(start)) {
		return match{kind: mStart, p: i, end: i + len(start), start: start}, true
	}
	// Whole constructs: references and footnote references. Most words
	// end in a space or punctuation other than a name separator, and
	// need no tables.
	if in.alnumAt(i) {
		e := i
		for e < n && isASCIIAlnum(s[e]) {
			e++
		}
		switch {
		case e < n && (s[e] >= utf8.RuneSelf || isNameSep(s[e]) && e+1 < n && (s[e+1] >= utf8.RuneSelf || isASCIIAlnum(s[e+1]))):
			// The name may go on: use the tables.
			if e, refend := in.reference(i); e >= 0 {
				return match{kind: mRef, p: i, end: e + refend, refend: refend}, true
			}
		case e < n && s[e] == '_':
			if refend := in.refendAt(e); refend > 0 {
				return match{kind: mRef, p: i, end: e + refend, refend: refend}, true
			}
		}
	}
	if s[i] == '[' {
		if m, ok := in.footnoteAt(i); ok {
			return m, true
		}
	}
	// Interpreted text or phrase references.
	if s[i] == ':' && in.alnumAt(i+1) {
		e := in.chain(i + 1)
		if e+1 < n && s[e] == ':' && s[e+1] == '`' && !(e+2 < n && s[e+2] == '`') && !in.spaceAt(e+2) {
			return match{kind: mBackquote, p: i, bq: e + 1, end: e + 2, role: s[i+1 : e]}, true
		}
	}
	if s[i] == '`' && !(i+1 < n && s[i+1] == '`') && !in.spaceAt(i+1) {
		return match{kind: mBackquote, p: i, bq: i, end: i + 1}, true
	}
	return match{}, false
}

// footnoteAt matches a footnote or citation reference "[label]_" at i.
func (in *inliner) footnoteAt(i int) (match, bool) {
	s := in.s
	q := i + 1
	try := func(k int) (match, bool) {
		if strings.HasPrefix(s[k:], "]_") && in.endOK(k+2) {
			return match{kind: mFootnote, p: i, end: k + 2, label: s[q:k]}, true
		}
		return match{}, false
	}
	if q < len(s) && isDigit(s[q]) {
		k := q
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if m, ok := try(k); ok {
			return m, true
		}
	}
	if q < len(s) && s[q] == '#' {
		if in.alnumAt(q + 1) {
			if m, ok := try(in.chain(q + 1)); ok {
				return m, true
			}
		}
		if m, ok := try(q + 1); ok {
			return m, true
		}
	}
	if q < len(s) && s[q] == '*' {
		if m, ok := try(q + 1); ok {
			return m, true
		}
	}
	if in.alnumAt(q) {
		if m, ok := try(in.chain(q)); ok {
			m.start = "citation"
			return m, true
		}
	}
	return match{}, false
}

// quoted reports whether the start-string s[start:end] is enclosed in
// matching punctuation, like '*' or (*), or ends the text.
func (in *inliner) quoted(start, end, base int) bool {
	if start == base {
		return false
	}
	if end >= len(in.s) {
		return true
	}
	return matchChars(in.prevRune(start), in.runeAt(end))
}

// matchChars reports whether a and b are a matching opener and closer.
func matchChars(a, b rune) bool {
	i := strings.IndexRune(openers, a)
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(closers[i:])
	return b == r || strings.ContainsRune(quotePairs[a], b)
}

// parse runs the inline parser over the whole text.
func (in *inliner) parse() {
	base, lastEnd := 0, 0
	for base < len(in.s) {
		m, ok := in.search(base)
		if !ok {
			break
		}
		var nodes []piece
		cstart, next := m.p, m.end
		switch m.kind {
		case mStart:
			nodes, cstart, next = in.startString(m, base)
		case mRef:
			nodes = []piece{{node: in.namedRef(m)}}
		case mFootnote:
			nodes = []piece{{node: in.footnoteRef(m)}}
		case mBackquote:
			nodes, cstart, next = in.backquote(m, base)
		}
		if nodes != nil {
			in.implicit(lastEnd, cstart)
			in.out = append(in.out, nodes...)
			lastEnd = next
		}
		base = next
	}
	in.implicit(lastEnd, len(in.s))
}

// startString handles *, **, “, _` and | start-strings.
func (in *inliner) startString(m match, base int) ([]piece, int, int) {
	start, end := m.p, m.end
	if in.quoted(start, end, base) {
		return nil, start, end
	}
	kind, name := endEmphasis, "inline emphasis"
	switch m.start {
	case "**":
		kind, name = endStrong, "inline strong"
	case "``":
		kind, name = endLiteral, "inline literal"
	case "_`":
		kind, name = endTarget, "inline target"
	case "|":
		kind, name = endSubst, "inline substitution reference"
	}
	q, qe, _, _ := in.findEnd(kind, end)
	if q <= end {
		in.p.warnOff(in.ts.file, in.ts.pos(start), "%s start-string %q without end-string; write \\%s if it is not markup", name, m.start, m.start)
		in.problematicIDs()
		return []piece{{a: start, b: end}}, start, end
	}
	span := in.ts.span(start, qe)
	var node content.Inline
	switch kind {
	case endEmphasis:
		node = &content.Emphasis{Span: span, Children: in.textNodes(end, q)}
	case endStrong:
		node = &content.Strong{Span: span, Children: in.textNodes(end, q)}
	case endLiteral:
		node = &content.Literal{Span: span, Value: unescape(in.s[end:q], true)}
	case endTarget:
		node = in.inlineTarget(span, end, q)
	case endSubst:
		node = in.substRef(span, end, q, in.s[q+1:qe])
	}
	return []piece{{node: node}}, start, qe
}

// endChars holds the first character of each kind of end-string.
var endChars = [numEndKinds]byte{'*', '*', '`', '`', '|', '`'}

// findEnd returns the first end-string of the given kind at or after
// from: its start, its end (with a substitution's "_" or "__"), and for
// interpreted text the role suffix and reference end. q is -1 when there
// is none; a result at from itself means an empty construct.
func (in *inliner) findEnd(kind, from int) (q, qe int, role string, refend int) {
	if q, qe, role, refend, ok := in.endAt(kind, from, true); ok {
		return q, qe, role, refend
	}
	c := &in.ends[kind]
	if !(c.valid && from >= c.from && (c.next < 0 || from < c.next)) {
		c.valid, c.from, c.next = true, from, -1
		for i := from + 1; i < len(in.s); i++ {
			k := strings.IndexByte(in.s[i:], endChars[kind])
			if k < 0 {
				break
			}
			i += k
			if _, _, _, _, ok := in.endAt(kind, i, false); ok {
				c.next = i
				break
			}
		}
	}
	if c.next < 0 {
		return -1, -1, "", 0
	}
	q, qe, role, refend, _ = in.endAt(kind, c.next, false)
	return q, qe, role, refend
}

// endAt checks for an end-string of the given kind at i. With first, i
// is the start of the text being searched, where the look-behind rules do
// not apply.
func (in *inliner) endAt(kind, i int, first bool) (q, qe int, role string, refend int, ok bool) {
	s := in.s
	if i >= len(s) {
		return 0, 0, "", 0, false
	}
	prev := in.prevRune(i)
	notSpaceOrEscape := first || !(isPySpace(prev) || prev == 0)
	switch kind {
	case endEmphasis:
		if s[i] == '*' && notSpaceOrEscape && in.endOK(i+1) {
			return i, i + 1, "", 0, true
		}
	case endStrong:
		if strings.HasPrefix(s[i:], "**") && notSpaceOrEscape && in.endOK(i+2) {
			return i, i + 2, "", 0, true
		}
	case endLiteral:
		if strings.HasPrefix(s[i:], "``") && (first || !isPySpace(prev)) && in.endOK(i+2) {
			return i, i + 2, "", 0, true
		}
	case endTarget:
		if s[i] == '`' && notSpaceOrEscape && in.endOK(i+1) {
			return i, i + 1, "", 0, true
		}
	case endSubst:
		if s[i] == '|' && notSpaceOrEscape {
			for _, n := range []int{2, 1, 0} {
				if strings.HasPrefix(s[i+1:], "__"[:n]) && in.endOK(i+1+n) {
					return i, i + 1 + n, "", 0, true
				}
			}
		}
	case endInterpreted:
		if s[i] != '`' {
			return 0, 0, "", 0, false
		}
		if !first && (isPySpace(prev) || prev == 0) {
			// Escaped white space or an escape before is allowed.
			pp := rune(-1)
			if i >= 2 {
				pp, _ = utf8.DecodeLastRuneInString(s[:i-utf8.RuneLen(prev)])
			}
			if pp != 0 {
				return 0, 0, "", 0, false
			}
		}
		j := i + 1
		var roles []string
		if j < len(s) && s[j] == ':' && in.alnumAt(j+1) {
			e := in.chain(j + 1)
			if e < len(s) && s[e] == ':' {
				roles = append(roles, s[j+1:e])
			}
		}
		roles = append(roles, "")
		for _, r := range roles {
			k := j
			if r != "" {
				k = j + len(r) + 2
			}
			for _, n := range []int{2, 1, 0} {
				if strings.HasPrefix(s[k:], "__"[:n]) && in.endOK(k+n) {
					return i, k + n, r, n, true
				}
			}
		}
	}
	return 0, 0, "", 0, false
}

// problematicIDs uses up the two ids docutils gives a problematic node
// and its message, so that generated ids stay in step.
func (in *inliner) problematicIDs() {
	in.p.newID()
	in.p.newID()
}

// backquote handles interpreted text and phrase references.
func (in *inliner) backquote(m match, base int) ([]piece, int, int) {
	role := m.role
	if role == "" && in.quoted(m.bq, m.end, base) {
		return nil, m.p, m.end
	}
	q, qe, suffixRole, refend := in.findEnd(endInterpreted, m.end)
	if q <= m.end {
		in.p.warnOff(in.ts.file, in.ts.pos(m.bq), "inline interpreted text or phrase reference start-string \"`\" without end-string; write \\` if it is not markup")
		in.problematicIDs()
		return []piece{{a: m.bq, b: m.end}}, m.bq, m.end
	}
	if suffixRole != "" {
		if role != "" {
			in.p.warnOff(in.ts.file, in.ts.pos(m.p), "multiple roles in interpreted text %s: use either a prefix or a suffix role", quote(unescape(in.s[m.p:qe], true)))
			in.problematicIDs()
			return []piece{{a: m.p, b: qe}}, m.p, qe
		}
		role = suffixRole
	}
	if refend > 0 {
		if role != "" {
			in.p.warnOff(in.ts.file, in.ts.pos(m.p), "interpreted text %s has both a role and a reference suffix; remove one", quote(unescape(in.s[m.p:qe], true)))
			in.problematicIDs()
			return []piece{{a: m.p, b: qe}}, m.p, qe
		}
		return []piece{{node: in.phraseRef(m.bq, m.end, q, qe, refend == 2)}}, m.bq, qe
	}
	return []piece{{node: in.interpreted(m.p, m.end, q, qe, role)}}, m.p, qe
}
