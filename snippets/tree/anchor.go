package tree

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Where says where in a file an insert goes.
type Where int

// Places in a file.
const (
	AtEnd      Where = iota
	BeforeLine       // before the line Anchor
	AfterLine        // after the line Anchor
	BlockEnd         // at the end of the block Block
	AtStart          // at the start of the file
)

// A Place is where an insert goes in a file.
type Place struct {
	Where  Where
	Anchor string // the line, for BeforeLine and AfterLine
	// WholeBlock: "after the ``location /static/`` block": the anchor
	// line opens a block, and after means after its end
	WholeBlock bool
	Block      string // for BlockEnd: "VirtualHost", "server", "[Service]"
}

// Holds reports whether the tutorial makes p whole and the place is in it
// exactly once.
func (t *Tree) Holds(p string, pl Place) bool {
	f := t.files[p]
	if f == nil || !f.Whole {
		return false
	}
	if pl.Where == BlockEnd {
		_, _, n := findBlock(f.Lines, pl.Block)
		return n == 1
	}
	return len(matchLines(f.Lines, pl.Anchor)) == 1
}

// matchLines returns the indexes of the lines that an anchor names: the
// line's text, white space trimmed, equals the anchor or starts with it
// followed by white space ("ProxyPass /" names "ProxyPass / http://x/" but
// not "ProxyPass /static/ !").
func matchLines(lines []Line, anchor string) []int {
	want := strings.Fields(anchor)
	if len(want) == 0 {
		return nil
	}
	var out []int
	for i, l := range lines {
		if fieldsStartWith(l.Text, want) {
			out = append(out, i)
		}
	}
	return out
}

// fieldsStartWith reports whether the words of text (as strings.Fields
// has them) start with want: each line is read once, with no copy.
func fieldsStartWith(text string, want []string) bool {
	// most lines of a file differ from the anchor at its first word:
	// past ASCII white space, they do not start with it
	i := 0
	for i < len(text) && asciiSpace(text[i]) {
		i++
	}
	if i < len(text) && text[i] < utf8.RuneSelf && !strings.HasPrefix(text[i:], want[0]) {
		return false
	}
	k := 0
	for f := range strings.FieldsSeq(text) {
		if k == len(want) {
			return true
		}
		if f != want[k] {
			return false
		}
		k++
	}
	return k == len(want)
}

// asciiSpace reports whether c is an ASCII byte that unicode.IsSpace
// holds to be white space.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// insertPoint returns where in lines an insert goes, as in says, and its
// lines indented as the place is. It returns a reason when the place is
// not found exactly once.
func insertPoint(lines, add []Line, in *Place) (int, []Line, string) {
	at := -1
	indent := ""
	switch in.Where {
	case AtStart:
		at = 0
	case AtEnd:
		at = len(lines)
	case BeforeLine, AfterLine:
		m := matchLines(lines, in.Anchor)
		if len(m) != 1 {
			return 0, nil, fmt.Sprintf("the line %q is there %s", in.Anchor, times(len(m)))
		}
		at = m[0]
		if in.Where == AfterLine {
			at++
			if in.WholeBlock {
				if at = afterBlock(lines, m[0]); at < 0 {
					return 0, nil, fmt.Sprintf("the block that the line %q opens has no end", in.Anchor)
				}
			}
		}
		indent = leadingSpace(lines[m[0]].Text)
	case BlockEnd:
		open, close, n := findBlock(lines, in.Block)
		if n != 1 {
			return 0, nil, fmt.Sprintf("the %s block is there %s", in.Block, times(n))
		}
		at = close
		indent = innerIndent(lines, open, close)
	}
	return at, reindent(add, indent), ""
}

// insertLines inserts add before line at of f's lines: in place in f's
// own copy of them, which grows as append grows a slice, else in a new
// copy that becomes f's own. Inserts one after another into a file move
// what follows each, and copy the whole file only when its copy grows.
func (f *File) insertLines(at int, add []Line) {
	if f.owns() {
		f.Lines = slices.Insert(f.Lines, at, add...)
	} else {
		n := len(f.Lines) + len(add)
		out := make([]Line, 0, n+n/4)
		out = append(out, f.Lines[:at]...)
		out = append(out, add...)
		f.Lines = append(out, f.Lines[at:]...)
	}
	// the key index and the sniffing held the lines as they were
	f.keys, f.sniff, f.own = nil, nil, nil
	if len(f.Lines) > 0 {
		f.own = &f.Lines[0]
	}
}

// afterBlock returns where what goes after the block that line i opens
// goes: past its close, or after the line when it opens none; -1 when the
// block has no end.
func afterBlock(lines []Line, i int) int {
	t := strings.ToLower(strings.TrimSpace(lines[i].Text))
	switch {
	case strings.HasSuffix(t, "{"):
		if end := matchBrace(lines, i); end >= 0 {
			return end + 1
		}
		return -1
	case strings.HasPrefix(t, "<") && !strings.HasPrefix(t, "</"):
		name := strings.TrimSuffix(strings.TrimPrefix(firstWord(t), "<"), ">")
		if end := tagEnd(lines, i, name); end >= 0 {
			return end + 1
		}
		return -1
	case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
		return sectionEnd(lines, i)
	}
	return i + 1
}

// sectionEnd returns where an INI section opened on line i ends: at the
// next one, blank lines before it left out.
func sectionEnd(lines []Line, i int) int {
	end := len(lines)
	for j := i + 1; j < len(lines); j++ {
		u := strings.TrimSpace(lines[j].Text)
		if strings.HasPrefix(u, "[") && strings.HasSuffix(u, "]") {
			end = j
			break
		}
	}
	for end > i+1 && strings.TrimSpace(lines[end-1].Text) == "" {
		end--
	}
	return end
}

func times(n int) string {
	switch n {
	case 0:
		return "nowhere"
	case 1:
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

func leadingSpace(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}

// innerIndent is the indentation of the first non-blank line inside a
// block, or the opening line's plus four spaces.
func innerIndent(lines []Line, open, close int) string {
	for i := open + 1; i < close; i++ {
		if strings.TrimSpace(lines[i].Text) != "" {
			return leadingSpace(lines[i].Text)
		}
	}
	return leadingSpace(lines[open].Text) + "    "
}

// reindent shifts add so that its least indented line has indent. A
// block indented as a whole (a Markdown fence keeps what the author typed:
// "  db:" for a YAML service) is the author's own indentation, kept.
func reindent(add []Line, indent string) []Line {
	common := -1
	for _, l := range add {
		if strings.TrimSpace(l.Text) == "" {
			continue
		}
		if n := len(leadingSpace(l.Text)); common < 0 || n < common {
			common = n
		}
	}
	if common > 0 {
		return add
	}
	if common < 0 {
		common = 0
	}
	out := make([]Line, len(add))
	for i, l := range add {
		if strings.TrimSpace(l.Text) != "" {
			l.Text = indent + l.Text[common:]
			if common >= l.Pad {
				l.Col += common - l.Pad
				l.Pad = len(indent)
			} else {
				l.Pad += len(indent) - common
			}
		}
		out[i] = l
	}
	return out
}

// findBlock finds the block named name: an Apache section "<Name ...>"
// ... "</Name>", an nginx block "name ... {" ... "}", or an INI section
// "[Name]" up to the next section. It returns the opening line, the
// closing line (where the end of the block's content goes) and how many
// such blocks there are.
func findBlock(lines []Line, name string) (open, close, n int) {
	lname := strings.ToLower(strings.Trim(name, "[]<>"))
	open, close = -1, -1
	for i, l := range lines {
		t := strings.TrimSpace(l.Text)
		lt := strings.ToLower(t)
		switch {
		case strings.HasPrefix(lt, "<"+lname+" ") || strings.HasPrefix(lt, "<"+lname+">"):
			if end := tagEnd(lines, i, lname); end >= 0 {
				n++
				open, close = i, end
			}
		case firstWord(lt) == lname && strings.HasSuffix(lt, "{"):
			if end := matchBrace(lines, i); end >= 0 {
				n++
				open, close = i, end
			}
		case lt == "["+lname+"]":
			n++
			open, close = i, sectionEnd(lines, i)
		}
	}
	return open, close, n
}

// tagEnd returns the line holding the "</name>" that closes the section
// opened on line i (name in lower case), or -1.
func tagEnd(lines []Line, i int, name string) int {
	depth := 0
	for j := i; j < len(lines); j++ {
		u := strings.ToLower(strings.TrimSpace(lines[j].Text))
		if strings.HasPrefix(u, "<"+name+" ") || strings.HasPrefix(u, "<"+name+">") {
			depth++
		} else if strings.HasPrefix(u, "</"+name+">") {
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// matchBrace returns the line holding the "}" that closes the "{" opened
// on line i, counting braces outside quotes and comments.
func matchBrace(lines []Line, i int) int {
	depth := 0
	for j := i; j < len(lines); j++ {
		for _, c := range codePart(lines[j].Text) {
			switch c {
			case '{':
				depth++
			case '}':
				depth--
				if depth == 0 {
					return j
				}
			}
		}
	}
	return -1
}

// codePart drops quoted strings and a trailing "#" comment.
func codePart(s string) string {
	var b strings.Builder
	var q rune
	for _, c := range s {
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '#':
			return b.String()
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// topBraceBlocks returns the names of the top-level "name ... { }" blocks
// of an nginx-style file, or nil when it has anything else at top level.
func topBraceBlocks(lines []Line) []string {
	var names []string
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(codePart(lines[i].Text))
		if t == "" {
			continue
		}
		if !strings.HasSuffix(t, "{") {
			return nil
		}
		end := matchBrace(lines, i)
		if end < 0 {
			return nil
		}
		names = append(names, firstWord(t))
		i = end
	}
	return names
}

// topTagBlocks returns the names of the top-level "<Name>" sections of an
// Apache-style file, or nil when it has anything else at top level.
func topTagBlocks(lines []Line) []string {
	var names []string
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i].Text)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if !strings.HasPrefix(t, "<") || strings.HasPrefix(t, "</") {
			return nil
		}
		name := strings.TrimRight(strings.TrimPrefix(firstWord(t), "<"), ">")
		end := tagEnd(lines, i, strings.ToLower(name))
		if end < 0 {
			return nil
		}
		names = append(names, name)
		i = end
	}
	return names
}

// compareLines says how two versions of a file differ, "" when they are
// the same (trailing white space and trailing blank lines ignored).
func compareLines(have, want []Line) string {
	trim := func(ls []Line) []string {
		out := make([]string, len(ls))
		for i, l := range ls {
			out[i] = strings.TrimRight(l.Text, " \t")
		}
		for len(out) > 0 && out[len(out)-1] == "" {
			out = out[:len(out)-1]
		}
		return out
	}
	a, b := trim(have), trim(want)
	for i := 0; i < len(a) || i < len(b); i++ {
		switch {
		case i >= len(a):
			return fmt.Sprintf("line %d %q is not in the file", i+1, b[i])
		case i >= len(b):
			return fmt.Sprintf("the file goes on at line %d with %q", i+1, a[i])
		case a[i] != b[i]:
			return fmt.Sprintf("line %d is %q here but %q in the file", i+1, b[i], a[i])
		}
	}
	return ""
}

// missingLines says which of the lines added (have) a summary of the whole
// file (want) lacks, in order; "" when it shows them all.
func missingLines(have, want []Line) string {
	j := 0
	for _, l := range have {
		t := strings.TrimRight(l.Text, " \t")
		if t == "" {
			continue
		}
		for j < len(want) && strings.TrimRight(want[j].Text, " \t") != t {
			j++
		}
		if j == len(want) {
			return fmt.Sprintf("%q is not in it", t)
		}
		j++
	}
	return ""
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " \t{"); i >= 0 {
		return s[:i]
	}
	return s
}
