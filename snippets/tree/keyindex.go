package tree

import (
	"slices"
	"sort"
	"strings"
)

// A keyIndex holds where the lines of a whole file set each key, in one
// format: what scanKey finds by reading every line, found with one
// look-up. A tutorial that sets a thousand keys of a file, a block each,
// would otherwise read the file a thousand times. Python's assignments,
// which span lines, are not indexed.
type keyIndex struct {
	format  Format
	lines   []Line   // the lines indexed: the file's, while it holds this slice
	section []string // the INI section of each line, "" at the top level; a section's own for its first line
	// by key, in order of line: the lines that set it, and those that
	// set it commented out
	keys map[string][]keyLine
	// the lines that start an INI section, in order, as their text
	// without the space around it
	heads []head
}

// A head is a line that starts an INI section.
type head struct {
	at   int
	text string
}

func newKeyIndex(lines []Line, f Format) *keyIndex {
	x := &keyIndex{format: f, lines: lines, section: make([]string, len(lines)), keys: map[string][]keyLine{}}
	cur := ""
	for i := range lines {
		if name, ok := x.header(lines[i].Text); ok {
			cur = name
			x.section[i] = cur
			x.heads = append(x.heads, head{i, strings.TrimSpace(lines[i].Text)})
			continue
		}
		x.section[i] = cur
		x.add(i)
	}
	return x
}

// header returns the section an INI section line starts, as scanKey
// reads it.
func (x *keyIndex) header(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if x.format != INIKeys || !strings.HasPrefix(t, "[") || !strings.HasSuffix(t, "]") {
		return "", false
	}
	return strings.TrimSpace(t[1 : len(t)-1]), true
}

// keysOf returns the key that a line sets, and the key it sets commented
// out ("" for none), as scanKey tells them: a line that sets a key is
// not also that key commented out.
func (x *keyIndex) keysOf(text string) (set, commented string) {
	set = keyOf(x.format, text)
	if isComment(strings.TrimSpace(text)) {
		if c := keyOf(x.format, uncomment(text, x.format)); c != set {
			commented = c
		}
	}
	return set, commented
}

// add indexes line i.
func (x *keyIndex) add(i int) {
	set, commented := x.keysOf(x.lines[i].Text)
	if set != "" {
		x.insert(set, keyLine{at: i, n: 1, section: x.section[i]})
	}
	if commented != "" {
		x.insert(commented, keyLine{at: i, n: 1, commented: true, section: x.section[i]})
	}
}

// insert adds k to the lines of key, in order of line.
func (x *keyIndex) insert(key string, k keyLine) {
	list := x.keys[key]
	j := sort.Search(len(list), func(j int) bool { return list[j].at >= k.at })
	x.keys[key] = slices.Insert(list, j, k)
}

// remove takes line i out of the index.
func (x *keyIndex) remove(i int) {
	set, commented := x.keysOf(x.lines[i].Text)
	for _, key := range []string{set, commented} {
		if key == "" {
			continue
		}
		list := x.keys[key]
		for j := range list {
			if list[j].at == i {
				x.keys[key] = append(list[:j], list[j+1:]...)
				break
			}
		}
	}
}

// replace sets line i to l, in the lines and in the index. It reports
// false, changing nothing, when either line starts an INI section: the
// index no longer holds then.
func (x *keyIndex) replace(i int, l Line) bool {
	if _, ok := x.header(x.lines[i].Text); ok {
		return false
	}
	if _, ok := x.header(l.Text); ok {
		return false
	}
	x.remove(i)
	x.lines[i] = l
	x.add(i)
	return true
}

// splice replaces the n lines at at with repl, lines being the lines
// then, in the index. It reports false, changing nothing, when a line
// removed or added starts an INI section: the index no longer holds
// then.
func (x *keyIndex) splice(at, n int, repl, lines []Line) bool {
	for _, l := range x.lines[at : at+n] {
		if _, ok := x.header(l.Text); ok {
			return false
		}
	}
	for _, l := range repl {
		if _, ok := x.header(l.Text); ok {
			return false
		}
	}
	for i := at; i < at+n; i++ {
		x.remove(i)
	}
	if delta := len(repl) - n; delta != 0 {
		for _, list := range x.keys {
			for j := range list {
				if list[j].at >= at+n {
					list[j].at += delta
				}
			}
		}
		for j := range x.heads {
			if x.heads[j].at >= at+n {
				x.heads[j].at += delta
			}
		}
	}
	sec := ""
	if at > 0 {
		sec = x.section[at-1]
	}
	secs := make([]string, len(repl))
	for i := range secs {
		secs[i] = sec
	}
	x.section = slices.Replace(x.section, at, at+n, secs...)
	x.lines = lines
	for i := at; i < at+len(repl); i++ {
		x.add(i)
	}
	return true
}

// scan is scanKey over the indexed lines.
func (x *keyIndex) scan(section, key string) (set, commented []keyLine) {
	anywhere := x.format == INIKeys && section == ""
	for _, k := range x.keys[key] {
		if k.section != section && !anywhere {
			continue
		}
		if k.commented {
			commented = append(commented, k)
		} else {
			set = append(set, k)
		}
	}
	return set, commented
}

// holds reports whether x indexes lines, in format f.
func (x *keyIndex) holds(lines []Line, f Format) bool {
	return x != nil && x.format == f && sameLines(x.lines, lines)
}

// setKeys sets the entries in the whole file f of format format, as
// applyEdit does, and reports why it cannot, changing nothing then. It
// changes f's lines in place where its own copy of them holds them and
// the setting keeps its number of lines, finding keys with f's key
// index: a file set a key at a time takes time in proportion to its
// length and the number of keys, not to their product.
func (f *File) setKeys(entries []Entry, format Format) string {
	if format == PyAssign {
		out, why := applyEdit(f.Lines, entries, format)
		if why == "" {
			f.Lines = out
		}
		return why
	}
	s := &keySetter{f: f, format: format, x: f.keys, sn: f.sniff, orig: f.Lines, owned: f.owns()}
	if !s.x.holds(f.Lines, format) {
		s.x = newKeyIndex(f.Lines, format)
	}
	if s.sn != nil && !sameLines(s.sn.lines, f.Lines) {
		s.sn = nil
	}
	for _, e := range entries {
		if why := s.set(e); why != "" {
			// what changed in place in the lines, set back
			for i := len(s.undo) - 1; i >= 0; i-- {
				s.orig[s.undo[i].at] = s.undo[i].line
			}
			f.Lines, f.keys, f.sniff = s.orig, nil, nil
			return why
		}
	}
	f.keys, f.sniff, f.own = s.x, s.sn, nil
	if s.owned && len(f.Lines) > 0 {
		f.own = &f.Lines[0]
	}
	return ""
}

// A keySetter sets the entries of one edit of a whole file: its key
// index and sniffing (nil once they no longer hold), the lines it
// started from, what it changed in place in them, and whether the lines
// are its own copy.
type keySetter struct {
	f      *File
	format Format
	x      *keyIndex
	sn     *sniffing
	orig   []Line
	undo   []undoLine
	owned  bool
}

// set sets one entry, as applyEdit does.
func (s *keySetter) set(e Entry) string {
	f := s.f
	var set, commented []keyLine
	if s.x != nil {
		set, commented = s.x.scan(e.Section, e.Key)
	} else {
		set, commented = scanKey(f.Lines, s.format, e.Section, e.Key)
	}
	at, found, why := chooseKey(set, commented, s.format == INIKeys && e.Section == "", e.Key)
	switch {
	case why != "":
		return why
	case found:
		repl := indented(e.Lines, f.Lines[at.at].Text)
		if len(repl) == at.n {
			s.replace(at.at, repl)
		} else {
			s.splice(at.at, at.n, repl)
		}
	case s.format == NginxKeys || s.format == ApacheKeys:
		return e.Key + " is not there to set, and " + string(s.format) + " nests its directives in blocks"
	case s.x == nil:
		f.Lines, s.sn, s.owned = addToSection(f.Lines, s.format, e), nil, true
	default:
		at, add := addPoint(f.Lines, s.format, e, s.x.heads)
		s.splice(at, 0, add)
	}
	return ""
}

// splice replaces the n lines at at with repl, in new lines, keeping the
// index and the sniffing up to date.
func (s *keySetter) splice(at, n int, repl []Line) {
	f := s.f
	lines := splice(f.Lines, at, n, repl)
	if s.sn != nil {
		for _, l := range f.Lines[at : at+n] {
			s.sn.n[sniffKind(l.Text)]--
		}
		for _, l := range repl {
			s.sn.n[sniffKind(l.Text)]++
		}
		s.sn.lines = lines
	}
	if s.x != nil && !s.x.splice(at, n, repl, lines) {
		s.x = nil
	}
	f.Lines, s.owned = lines, true
}

// replace sets the lines at at to repl, in place, in a copy of the lines
// when they are not the setter's own yet.
func (s *keySetter) replace(at int, repl []Line) {
	f := s.f
	if !s.owned {
		f.Lines = append([]Line(nil), f.Lines...)
		s.owned = true
		if s.x != nil {
			s.x.lines = f.Lines
		}
		if s.sn != nil {
			s.sn.lines = f.Lines
		}
	}
	for j, l := range repl {
		i := at + j
		if sameArray(f.Lines, s.orig) {
			s.undo = append(s.undo, undoLine{i, f.Lines[i]})
		}
		if s.sn != nil {
			s.sn.n[sniffKind(f.Lines[i].Text)]--
			s.sn.n[sniffKind(l.Text)]++
		}
		if s.x != nil && !s.x.replace(i, l) {
			s.x = nil
		}
		f.Lines[i] = l
	}
}

// An undoLine is a line as it was before setKeys changed it in place.
type undoLine struct {
	at   int
	line Line
}

// owns reports whether f's lines are a copy that setKeys or an insert
// made, which nothing else holds.
func (f *File) owns() bool {
	return f.own != nil && len(f.Lines) > 0 && &f.Lines[0] == f.own
}

// sameArray reports whether a and b start at the same line of one array.
func sameArray(a, b []Line) bool {
	return len(a) > 0 && len(b) > 0 && &a[0] == &b[0]
}

// A sniffing is the kinds of the lines of a file that sniff counts,
// while the file holds them; setKeys keeps it up to date.
type sniffing struct {
	lines []Line
	n     sniffCounts
}

// formatOf is FormatOf for f's lines, f being at p: the lines are sniffed
// once while f holds them.
func (f *File) formatOf(p string) Format {
	if k, ok := formatByName(f.Lang, p); ok {
		return k
	}
	if s := f.sniff; s == nil || !sameLines(s.lines, f.Lines) {
		f.sniff = &sniffing{lines: f.Lines}
		for _, l := range f.Lines {
			f.sniff.n[sniffKind(l.Text)]++
		}
	}
	return f.sniff.n.format()
}

// sameLines reports whether a and b are one slice.
func sameLines(a, b []Line) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// A fragmentIndex holds where each setting of a file's edit fragment
// is, while the file holds the Edits and Lines it was made for: its
// index in Edits, by section and key, and its first line in Lines.
type fragmentIndex struct {
	edits []Entry
	lines []Line
	at    map[entryKey]int
	first []int
}

type entryKey struct{ section, key string }

// setEntries sets each entry among f's edits: in place of the entry of
// the same key and section, or at the end; f's lines are then the lines
// of its edits, in order. A file set a key at a time takes time in
// proportion to the number of keys, not to its square.
func (f *File) setEntries(entries []Entry) {
	x := f.fragment
	if x == nil || !sameEntries(x.edits, f.Edits) || !sameLines(x.lines, f.Lines) {
		x = &fragmentIndex{at: make(map[entryKey]int, len(f.Edits)), first: make([]int, len(f.Edits))}
		f.Lines = nil
		for i, e := range f.Edits {
			x.at[entryKey{e.Section, e.Key}] = i
			x.first[i] = len(f.Lines)
			f.Lines = append(f.Lines, e.Lines...)
		}
	}
	rebuild := false
	for _, e := range entries {
		k := entryKey{e.Section, e.Key}
		i, ok := x.at[k]
		if !ok {
			x.at[k] = len(f.Edits)
			x.first = append(x.first, len(f.Lines))
			f.Edits = append(f.Edits, e)
			f.Lines = append(f.Lines, e.Lines...)
			continue
		}
		if len(e.Lines) == len(f.Edits[i].Lines) && !rebuild {
			copy(f.Lines[x.first[i]:], e.Lines)
		} else {
			rebuild = true
		}
		f.Edits[i] = e
	}
	if rebuild {
		f.Lines = nil
		for i, e := range f.Edits {
			x.first[i] = len(f.Lines)
			f.Lines = append(f.Lines, e.Lines...)
		}
	}
	x.edits, x.lines = f.Edits, f.Lines
	f.fragment = x
}

// sameEntries reports whether a and b are one slice.
func sameEntries(a, b []Entry) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
