package site

import (
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// escapeText writes s to b with the characters that are special in HTML
// text escaped.
func escapeText(b *strings.Builder, s string) { escape(b, s, &textEscapes) }

// escapeAttr writes s to b escaped for a double-quoted attribute value.
func escapeAttr(b *strings.Builder, s string) { escape(b, s, &attrEscapes) }

// textEscapes and attrEscapes are what each byte becomes in HTML text
// and in a double-quoted attribute value: "" when it stays as it is.
var (
	textEscapes = [256]string{'&': "&amp;", '<': "&lt;", '>': "&gt;", 0: "\uFFFD"}
	attrEscapes = [256]string{'&': "&amp;", '<': "&lt;", '>': "&gt;", '"': "&quot;", '\'': "&#39;", 0: "\uFFFD"}
)

// escape writes s to b, each byte that escapes names replaced: the runs
// of other bytes are copied whole.
func escape(b *strings.Builder, s string, escapes *[256]string) {
	last := 0
	for i := 0; i < len(s); i++ {
		esc := escapes[s[i]]
		if esc == "" {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// attr writes ` name="value"` with value escaped.
func attr(b *strings.Builder, name, value string) {
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	escapeAttr(b, value)
	b.WriteByte('"')
}

// cleanFills returns the ranges of fl that lie within a text of length n,
// on UTF-8 boundaries of s, are not empty and do not overlap an earlier
// range, sorted by Start. It never modifies fl.
func cleanFills(s string, fl []Filled) []Filled {
	if len(fl) == 0 {
		return nil
	}
	out := make([]Filled, 0, len(fl))
	for _, f := range fl {
		if f.Start < 0 || f.End > len(s) || f.Start >= f.End {
			continue
		}
		if !boundary(s, f.Start) || !boundary(s, f.End) {
			continue
		}
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	kept := out[:0]
	end := 0
	for _, f := range out {
		if f.Start < end {
			continue
		}
		kept = append(kept, f)
		end = f.End
	}
	if len(kept) == 0 {
		return nil
	}
	return kept
}

func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// clipFills returns the ranges of fl that overlap [start, end), clipped to
// it and shifted so that start becomes 0.
func clipFills(fl []Filled, start, end int) []Filled {
	var out []Filled
	for _, f := range fl {
		if f.End <= start || f.Start >= end {
			continue
		}
		f.Start = max(f.Start, start) - start
		f.End = min(f.End, end) - start
		out = append(out, f)
	}
	return out
}

// A mark is markup around a range of a text: a token class in a code
// block, an emphasized variable part in a file name.
type mark struct {
	start, end  int
	open, close string
}

// lineStyle says how writeMarked wraps each line of a code block; nil
// writes the text without line wrappers.
type lineStyle struct {
	numbers  bool
	first    int          // number of the first line
	width    int          // digits of the widest line number
	emphasis map[int]bool // 1-based line indexes to emphasize
}

// writeMarked writes s escaped, with each filled range wrapped in a value
// or secret span and each mark's tags around its range. Filled spans are
// the outer ones: a mark that crosses a filled boundary is closed and
// opened again, so elements always nest. fl must be clean (cleanFills);
// marks must be sorted and must not overlap.
func writeMarked(b *strings.Builder, s string, fl []Filled, marks []mark, ls *lineStyle) {
	fi, mi := 0, 0
	open := -1 // index in fl of the filled span currently open
	line := 0
	lineOpen := false
	for pos := 0; pos < len(s); {
		if ls != nil && !lineOpen {
			line++
			ls.openLine(b, line)
			lineOpen = true
		}
		for fi < len(fl) && fl[fi].End <= pos {
			fi++
		}
		for mi < len(marks) && marks[mi].end <= pos {
			mi++
		}
		next := len(s)
		active := -1
		if fi < len(fl) {
			if fl[fi].Start <= pos {
				active = fi
				next = min(next, fl[fi].End)
			} else {
				next = min(next, fl[fi].Start)
			}
		}
		var m *mark
		if mi < len(marks) {
			if marks[mi].start <= pos {
				m = &marks[mi]
				next = min(next, marks[mi].end)
			} else {
				next = min(next, marks[mi].start)
			}
		}
		endLine := false
		if ls != nil {
			if i := strings.IndexByte(s[pos:next], '\n'); i >= 0 {
				next = pos + i + 1
				endLine = true
			}
		}
		if active != open {
			if open >= 0 {
				b.WriteString("</span>")
			}
			if active >= 0 {
				openFilled(b, fl[active])
			}
			open = active
		}
		if m != nil {
			b.WriteString(m.open)
			escapeText(b, s[pos:next])
			b.WriteString(m.close)
		} else {
			escapeText(b, s[pos:next])
		}
		pos = next
		if endLine || pos == len(s) {
			if open >= 0 && ls != nil {
				b.WriteString("</span>")
				open = -1
			}
			if lineOpen {
				b.WriteString("</span></span>")
				lineOpen = false
			}
		}
	}
	if open >= 0 {
		b.WriteString("</span>")
	}
}

func (ls *lineStyle) openLine(b *strings.Builder, line int) {
	if ls.emphasis[line] {
		b.WriteString(`<span class="line hl">`)
	} else {
		b.WriteString(`<span class="line">`)
	}
	if ls.numbers {
		n := strconv.Itoa(ls.first + line - 1)
		b.WriteString(`<span class="ln">`)
		for i := len(n); i < ls.width; i++ {
			b.WriteByte(' ')
		}
		b.WriteString(n)
		b.WriteString("</span>")
	}
	b.WriteString(`<span class="cl">`)
}

// openFilled writes the opening tag of the span that marks a filled value.
// Its title names the placeholder without its "$", so that the site holds
// no "$NAME" once personalized.
func openFilled(b *strings.Builder, f Filled) {
	if f.Secret {
		b.WriteString(`<span class="secret"`)
		attr(b, "title", "secret value of "+f.Name+", not shown")
	} else {
		b.WriteString(`<span class="value"`)
		attr(b, "title", "value of "+f.Name)
	}
	b.WriteByte('>')
}

// An edit replaces the bytes [start, end) of a text.
type edit struct {
	start, end int
	repl       string
}

// applyEdits returns s with the edits applied (sorted, not overlapping),
// the filled ranges moved to match, and a function mapping an offset of s
// to the corresponding offset of the result. A filled range that
// overlaps an edit is cut to the part outside it.
func applyEdits(s string, fl []Filled, edits []edit) (string, []Filled, func(int) int) {
	if len(edits) == 0 {
		return s, fl, func(i int) int { return i }
	}
	var b strings.Builder
	last := 0
	for _, e := range edits {
		b.WriteString(s[last:e.start])
		b.WriteString(e.repl)
		last = e.end
	}
	b.WriteString(s[last:])
	// shift[k] is how much the edits before edits[k] moved the text.
	shift := make([]int, len(edits)+1)
	for k, e := range edits {
		shift[k+1] = shift[k] + len(e.repl) - (e.end - e.start)
	}
	// mapOff maps an offset in s to the result; an offset inside an
	// edit maps to the start of its replacement.
	mapOff := func(i int) int {
		k := sort.Search(len(edits), func(k int) bool { return edits[k].end > i })
		if k < len(edits) && edits[k].start <= i {
			return edits[k].start + shift[k]
		}
		return i + shift[k]
	}
	var out []Filled
	for _, f := range fl {
		f.Start, f.End = mapOff(f.Start), mapOff(f.End)
		if f.Start < f.End {
			out = append(out, f)
		}
	}
	return b.String(), out, mapOff
}

// relPath returns the relative URL from the page at from to the file at
// to, both slash paths relative to the site root.
func relPath(from, to string) string {
	if from == to {
		return path.Base(to)
	}
	fromDir := path.Dir(from)
	if fromDir == "." {
		return to
	}
	fd := strings.Split(fromDir, "/")
	td := strings.Split(to, "/")
	i := 0
	for i < len(fd) && i < len(td)-1 && fd[i] == td[i] {
		i++
	}
	return strings.Repeat("../", len(fd)-i) + strings.Join(td[i:], "/")
}

// classSafe returns s reduced to characters that are safe and readable
// in a class name: lower-case letters, digits, hyphens and underscores.
func classSafe(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}
