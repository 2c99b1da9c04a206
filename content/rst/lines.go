package rst

import (
	"strings"
	"unicode/utf8"

	"github.com/tailordocs/tailor/content"
)

// A srcChunk is the text of the lines read from one file together.
type srcChunk struct {
	file  *content.File
	whole string
	base  int // file offset of whole[0]
	line0 int // number of the first line
	// emaps maps each byte of a line's text (and its length) to its
	// offset from the line's start, for the lines that hold tabs,
	// vertical tabs or form feeds; by line offset in whole.
	emaps map[int32][]int32
}

// A srcLine is one physical line of a file as docutils sees it: tabs
// expanded to 8 columns, vertical tabs and form feeds turned into spaces,
// trailing white space removed.
type srcLine struct {
	c      *srcChunk
	text   string
	woff   int32 // offset of the line in c.whole
	rawEnd int32 // offset just past the line's content (before "\r\n" or "\n")
	idx    int32 // index of the line in its chunk
	tabs   bool  // the text is not a byte-for-byte prefix of the line
}

func (s *srcLine) file() *content.File { return s.c.file }

// off returns the file offset of the line's first byte.
func (s *srcLine) off() int { return s.c.base + int(s.woff) }

// end returns the file offset just past the line's content.
func (s *srcLine) end() int { return s.c.base + int(s.rawEnd) }

// num returns the 1-based line number.
func (s *srcLine) num() int { return s.c.line0 + int(s.idx) }

// pos returns the file offset of byte i of the line's text.
func (s *srcLine) pos(i int) int {
	if i < 0 {
		i = 0
	}
	if i > len(s.text) {
		i = len(s.text)
	}
	if !s.tabs {
		return s.off() + i
	}
	return s.off() + int(s.c.emaps[s.woff][i])
}

// splitLines returns the lines of f.Src[start:end]. A line that starts
// before start (an include that begins mid-line) starts at start.
func splitLines(f *content.File, start, end int) []*srcLine {
	src := f.Src
	if end > len(src) {
		end = len(src)
	}
	if start < 0 {
		start = 0
	}
	if start >= end {
		return nil
	}
	// One string for the whole text, which the lines share.
	text := f.Slice(start, end)
	n := strings.Count(text, "\n") + strings.Count(text, "\r") + 1
	c := &srcChunk{file: f, whole: text, base: start, line0: 1}
	if start > 0 {
		c.line0 = f.Position(start).Line
	}
	lines := make([]srcLine, 0, n)
	out := make([]*srcLine, 0, n)
	for i := 0; i < len(text); {
		// Lines end with "\n", "\r\n" or a lone "\r", as for docutils
		// and content.File.
		e := strings.IndexAny(text[i:], "\r\n")
		next := len(text)
		if e < 0 {
			e = len(text)
		} else {
			e += i
			next = e + 1
			if text[e] == '\r' && next < len(text) && text[next] == '\n' {
				next++
			}
		}
		lines = append(lines, srcLine{c: c, woff: int32(i), rawEnd: int32(e), idx: int32(len(lines))})
		l := &lines[len(lines)-1]
		l.setText(text[i:e])
		out = append(out, l)
		i = next
	}
	return out
}

// setText sets the line's text from its raw content.
func (l *srcLine) setText(raw string) {
	special := false
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c == '\t' || c == '\v' || c == '\f' {
			special = true
			break
		}
	}
	if !special {
		l.text = rstripSpace(raw)
		return
	}
	buf := make([]byte, 0, len(raw)+16)
	emap := make([]int32, 0, len(raw)+17)
	col := 0
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRuneInString(raw[i:])
		switch r {
		case '\t':
			n := 8 - col%8
			for k := 0; k < n; k++ {
				buf = append(buf, ' ')
				emap = append(emap, int32(i))
			}
			col += n
		case '\v', '\f':
			buf = append(buf, ' ')
			emap = append(emap, int32(i))
			col++
		default:
			for k := 0; k < size; k++ {
				buf = append(buf, raw[i+k])
				emap = append(emap, int32(i+k))
			}
			col++
		}
		i += size
	}
	text := rstripSpace(string(buf))
	emap = emap[:len(text)]
	// Trailing blanks are gone, so the last byte kept is a byte of an
	// ordinary character, copied one to one.
	endRel := 0
	if len(text) > 0 {
		endRel = int(emap[len(text)-1]) + 1
	}
	l.text = text
	l.tabs = true
	if l.c.emaps == nil {
		l.c.emaps = map[int32][]int32{}
	}
	l.c.emaps[l.woff] = append(emap, int32(endRel))
}

// isPySpace reports whether r is white space for Python's str.isspace,
// which docutils uses to strip lines and in its regular expressions.
func isPySpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0,
		0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// rstripSpace removes trailing white space as Python's str.rstrip does.
func rstripSpace(s string) string {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !isPySpace(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// lstripSpace removes leading white space as Python's str.lstrip does.
func lstripSpace(s string) string {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if !isPySpace(r) {
			break
		}
		s = s[size:]
	}
	return s
}

// stripSpace removes white space at both ends.
func stripSpace(s string) string { return lstripSpace(rstripSpace(s)) }

// A line is a view of a source line inside a nested construct: the text
// that remains after the indentation of the enclosing blocks was removed.
type line struct {
	s   string
	src *srcLine
	col int // byte index in src.text at which s starts
}

// pos returns the file offset of byte i of l.s.
func (l line) pos(i int) int { return l.src.pos(l.col + i) }

// endPos returns the file offset just past the text of the line.
func (l line) endPos() int { return l.pos(len(l.s)) }

func (l line) blank() bool { return l.s == "" }

// indented reports whether the line starts with a space, which is how
// docutils' state machine recognizes an indented line.
func (l line) indented() bool { return len(l.s) > 0 && l.s[0] == ' ' }

// trim returns the line without its first n bytes.
func (l line) trim(n int) line {
	if n > len(l.s) {
		n = len(l.s)
	}
	if n <= 0 {
		return l
	}
	return line{s: l.s[n:], src: l.src, col: l.col + n}
}

// leadingSpaces counts the spaces at the start of s.
func leadingSpaces(s string) int {
	n := 0
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}

// views returns whole-line views of the source lines.
func views(src []*srcLine) []line {
	out := make([]line, len(src))
	for i, s := range src {
		out[i] = line{s: s.text, src: s}
	}
	return out
}

// getIndented extracts an indented block starting at lines[0], as
// docutils' StringList.get_indented does. blockIndent and firstIndent are
// -1 when unknown; firstIndent is in bytes of lines[0], blockIndent in
// columns (spaces) of the other lines. It returns the block with the
// indentation removed, the indentation, whether the block ended with a
// blank line or at the end of the input, and how many lines it used.
func getIndented(lines []line, untilBlank, stripIndent bool, blockIndent, firstIndent int) (block []line, indent int, blankFinish bool, n int) {
	indent = blockIndent
	end := 0
	if firstIndent >= 0 {
		end = 1
	}
	blankFinish = true
	for end < len(lines) {
		s := lines[end].s
		if s != "" && (s[0] != ' ' || (blockIndent >= 0 && leadingSpaces(s) < blockIndent)) {
			blankFinish = end > 0 && lines[end-1].s == ""
			break
		}
		if s == "" {
			if untilBlank {
				blankFinish = true
				break
			}
		} else if blockIndent < 0 {
			li := leadingSpaces(s)
			if indent < 0 || li < indent {
				indent = li
			}
		}
		end++
	}
	if end > len(lines) {
		end = len(lines)
	}
	block = make([]line, end)
	copy(block, lines[:end])
	if firstIndent >= 0 && len(block) > 0 {
		block[0] = block[0].trim(firstIndent)
	}
	if indent > 0 && stripIndent {
		i := 0
		if firstIndent >= 0 {
			i = 1
		}
		for ; i < len(block); i++ {
			block[i] = block[i].trim(indent)
		}
	}
	if indent < 0 {
		indent = 0
	}
	return block, indent, blankFinish, end
}

// trimBlank removes blank lines at both ends of a block.
func trimBlank(block []line) []line {
	for len(block) > 0 && block[0].s == "" {
		block = block[1:]
	}
	for len(block) > 0 && block[len(block)-1].s == "" {
		block = block[:len(block)-1]
	}
	return block
}

// trimLeadingBlank removes blank lines at the start of a block.
func trimLeadingBlank(block []line) []line {
	for len(block) > 0 && block[0].s == "" {
		block = block[1:]
	}
	return block
}

// textBlock returns the lines up to the first blank line. With flushLeft,
// it also stops at an indented line and reports its index in bad (-1 when
// none).
func textBlock(lines []line, flushLeft bool) (n int, bad int) {
	for n < len(lines) {
		if lines[n].s == "" {
			return n, -1
		}
		if flushLeft && lines[n].s[0] == ' ' {
			return n, n
		}
		n++
	}
	return n, -1
}

// lastNonBlank returns the last line of block that is not blank, or the
// zero line when there is none.
func lastNonBlank(block []line) (line, bool) {
	for i := len(block) - 1; i >= 0; i-- {
		if block[i].s != "" {
			return block[i], true
		}
	}
	return line{}, false
}
