package rst

import (
	"sort"
	"strings"

	"github.com/tailordocs/tailor/content"
)

// A textSrc is text for the inline parser, made of one or more line
// views joined with newlines, with the way back to file offsets.
type textSrc struct {
	text string
	segs []textSeg
	// For text that is not a copy of the source (a CSV cell), every
	// offset maps into [base, limit] of file.
	file        *content.File
	base, limit int
}

// A textSeg says that text[at:] continues as l.s[i0:].
type textSeg struct {
	at int
	l  line
	i0 int
}

// srcOf joins lines with newlines.
func srcOf(lines []line) *textSrc {
	ts := &textSrc{}
	if len(lines) > 0 {
		ts.file = lines[0].src.file()
	}
	if t, ok := contiguous(lines); ok {
		ts.text = t
		ts.segs = make([]textSeg, len(lines))
		at := 0
		for i, l := range lines {
			ts.segs[i] = textSeg{at: at, l: l}
			at += len(l.s) + 1
		}
		return ts
	}
	var b strings.Builder
	size := len(lines)
	for _, l := range lines {
		size += len(l.s)
	}
	b.Grow(size)
	ts.segs = make([]textSeg, 0, len(lines))
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		ts.segs = append(ts.segs, textSeg{at: b.Len(), l: l})
		b.WriteString(l.s)
	}
	ts.text = b.String()
	return ts
}

// contiguous returns the lines joined with newlines without copying when
// the source holds exactly that text: lines that follow each other with
// nothing stripped after the first one's indentation.
func contiguous(lines []line) (string, bool) {
	if len(lines) == 0 {
		return "", true
	}
	for i, l := range lines {
		sl := l.src
		if sl.tabs || l.col+len(l.s) != len(sl.text) || int(sl.woff)+len(sl.text) != int(sl.rawEnd) {
			return "", false
		}
		if i > 0 {
			prev := lines[i-1].src
			if l.col != 0 || sl.c != prev.c || sl.woff != prev.rawEnd+1 {
				return "", false
			}
		}
	}
	first, last := lines[0], lines[len(lines)-1]
	return first.src.c.whole[int(first.src.woff)+first.col : int(last.src.woff)+len(last.src.text)], true
}

// fixedSrc returns text that maps to the file range [base, limit].
func fixedSrc(text string, f *content.File, base, limit int) *textSrc {
	return &textSrc{text: text, file: f, base: base, limit: limit}
}

// pos returns the file offset of byte i of the text.
func (t *textSrc) pos(i int) int {
	if len(t.segs) == 0 {
		o := t.base + i
		if o > t.limit {
			o = t.limit
		}
		if o < t.base {
			o = t.base
		}
		return o
	}
	k := sort.Search(len(t.segs), func(k int) bool { return t.segs[k].at > i }) - 1
	if k < 0 {
		k = 0
	}
	sg := t.segs[k]
	return sg.l.pos(sg.i0 + i - sg.at)
}

// slice returns the text between a and b, with its mapping.
func (t *textSrc) slice(a, b int) *textSrc {
	if a < 0 {
		a = 0
	}
	if b > len(t.text) {
		b = len(t.text)
	}
	if a > b {
		a = b
	}
	if a == 0 && b == len(t.text) {
		return t
	}
	n := &textSrc{text: t.text[a:b], file: t.file, base: t.pos(a), limit: t.pos(b)}
	if len(t.segs) == 0 {
		return n
	}
	k := sort.Search(len(t.segs), func(k int) bool { return t.segs[k].at > a }) - 1
	if k < 0 {
		k = 0
	}
	for ; k < len(t.segs); k++ {
		sg := t.segs[k]
		if sg.at > b || sg.at == b && b > a {
			break
		}
		if sg.at < a {
			sg.i0 += a - sg.at
			sg.at = 0
		} else {
			sg.at -= a
		}
		n.segs = append(n.segs, sg)
	}
	return n
}

// span returns the file span of text[a:b].
func (t *textSrc) span(a, b int) content.Span {
	return content.Span{Start: t.pos(a), End: t.pos(b)}
}
