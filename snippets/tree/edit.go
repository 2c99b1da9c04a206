package tree

import (
	"fmt"
	"slices"
	"strings"
)

// A keyLine is where a file sets a key: its first line, how many lines
// the setting spans, and whether it is commented out.
type keyLine struct {
	at, n     int
	commented bool
	section   string // the INI section it is in, "" at the top level
}

// findKey finds where lines of format f set key in section: the one line
// that sets it, else the first that sets it commented out. It returns a
// reason when more than one line sets it. An INI setting that names no
// section and is not set before the first section is the key of the one
// section that sets it (or, set nowhere, that has it commented out), as
// a reader of "in php.ini set memory_limit = 256M" finds it under
// [PHP]; in two sections, or twice in one, it is not clear.
func findKey(lines []Line, f Format, section, key string) (keyLine, bool, string) {
	set, commented := scanKey(lines, f, section, key)
	return chooseKey(set, commented, f == INIKeys && section == "", key)
}

// scanKey returns the lines of format f that set key in section, and
// those that set it commented out, in order; in any section, for an INI
// key of no section.
func scanKey(lines []Line, f Format, section, key string) (set, commented []keyLine) {
	anywhere := f == INIKeys && section == ""
	cur := ""
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i].Text)
		if f == INIKeys && strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			cur = strings.TrimSpace(t[1 : len(t)-1])
			continue
		}
		if cur != section && !anywhere {
			continue
		}
		if k := keyOf(f, lines[i].Text); k == key {
			n := 1
			if f == PyAssign {
				n = pyExtent(lines, i)
			}
			set = append(set, keyLine{at: i, n: n, section: cur})
			i += n - 1
			continue
		}
		if isComment(t) && keyOf(f, uncomment(lines[i].Text, f)) == key {
			commented = append(commented, keyLine{at: i, n: 1, commented: true, section: cur})
		}
	}
	return set, commented
}

// chooseKey is findKey's choice among the lines scanKey found.
func chooseKey(set, commented []keyLine, anywhere bool, key string) (keyLine, bool, string) {
	if !anywhere {
		return pickKey(set, commented, key)
	}
	// the top level first, then the one section that has it
	if k, ok, why := pickKey(within(set, ""), within(commented, ""), key); ok || why != "" {
		return k, ok, why
	}
	found, how := set, "set"
	if len(set) == 0 {
		found, how = commented, "commented out"
	}
	if sections := sectionsOf(found); len(sections) > 1 {
		return keyLine{}, false, fmt.Sprintf("%s is %s in [%s]: the text does not say which", key, how, strings.Join(sections, "] and ["))
	}
	return pickKey(set, commented, key)
}

// pickKey chooses among the lines that set key and those that set it
// commented out: the one line that sets it, else the first commented
// out. It returns a reason when more than one line sets it.
func pickKey(set, commented []keyLine, key string) (keyLine, bool, string) {
	switch {
	case len(set) == 1:
		return set[0], true, ""
	case len(set) > 1:
		return keyLine{}, false, fmt.Sprintf("%s is set %d times%s", key, len(set), inSection(set[0].section))
	case len(commented) > 0:
		return commented[0], true, ""
	}
	return keyLine{}, false, ""
}

// within returns the lines of list in section.
func within(list []keyLine, section string) []keyLine {
	var out []keyLine
	for _, k := range list {
		if k.section == section {
			out = append(out, k)
		}
	}
	return out
}

// sectionsOf returns the sections of the lines, each once, in order.
func sectionsOf(list []keyLine) []string {
	var out []string
	for _, k := range list {
		if !slices.Contains(out, k.section) {
			out = append(out, k.section)
		}
	}
	return out
}

func inSection(section string) string {
	if section == "" {
		return ""
	}
	return " in [" + section + "]"
}

// uncomment returns a commented-out line without its comment sign, as the
// line it would be: "#Port 22" is "Port 22"; "# NAME = 1" is "NAME = 1"
// at the top level of Python.
func uncomment(s string, f Format) string {
	t := strings.TrimLeft(s, " \t")
	t = strings.TrimLeft(t, "#;")
	if f == PyAssign {
		return strings.TrimLeft(t, " ")
	}
	return strings.TrimLeft(t, " \t")
}

// applyEdit sets the entries in lines of format f: each key's line,
// commented out or not, is replaced where it stands; a key the lines do
// not set is added at the end of its section. It returns a reason when a
// key's line is not clear.
func applyEdit(lines []Line, entries []Entry, f Format) ([]Line, string) {
	out := append([]Line(nil), lines...)
	for _, e := range entries {
		at, found, why := findKey(out, f, e.Section, e.Key)
		if why != "" {
			return nil, why
		}
		if found {
			repl := indented(e.Lines, out[at.at].Text)
			if len(repl) == at.n { // out is this edit's own copy: set in place
				copy(out[at.at:], repl)
				continue
			}
			out = splice(out, at.at, at.n, repl)
			continue
		}
		if f == NginxKeys || f == ApacheKeys {
			return nil, e.Key + " is not there to set, and " + string(f) + " nests its directives in blocks"
		}
		out = addToSection(out, f, e)
	}
	return out, ""
}

// indented returns repl with the indentation of the line it replaces,
// which the tutorial's block, dedented, lacks.
func indented(repl []Line, old string) []Line {
	ind := old[:len(old)-len(strings.TrimLeft(old, " \t"))]
	if ind == "" || len(repl) == 0 || strings.TrimLeft(repl[0].Text, " \t") != repl[0].Text {
		return repl
	}
	out := make([]Line, len(repl))
	for i, l := range repl {
		if l.Text != "" {
			l.Text = ind + l.Text
			l.Pad += len(ind)
		}
		out[i] = l
	}
	return out
}

// splice replaces lines[at:at+n] with repl.
func splice(lines []Line, at, n int, repl []Line) []Line {
	out := make([]Line, 0, len(lines)-n+len(repl))
	out = append(out, lines[:at]...)
	out = append(out, repl...)
	return append(out, lines[at+n:]...)
}

// addToSection adds an entry at the end of its section, after the
// section's last line that is not blank; a section the lines lack is
// added at their end.
func addToSection(lines []Line, f Format, e Entry) []Line {
	at, add := addPoint(lines, f, e, headsOf(lines, f))
	return splice(lines, at, 0, add)
}

// headsOf returns the lines of an INI file that start a section, in
// order: a "[...]" line; none in other formats.
func headsOf(lines []Line, f Format) []head {
	if f != INIKeys {
		return nil
	}
	var heads []head
	for i, l := range lines {
		if t := strings.TrimSpace(l.Text); strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			heads = append(heads, head{i, t})
		}
	}
	return heads
}

// addPoint returns where addToSection adds e to lines of format f, whose
// section heads are heads, and the lines it adds there.
func addPoint(lines []Line, f Format, e Entry, heads []head) (int, []Line) {
	if e.Section == "" || f != INIKeys {
		end := len(lines)
		if len(heads) > 0 {
			end = heads[0].at
		}
		for end > 0 && strings.TrimSpace(lines[end-1].Text) == "" {
			end--
		}
		return end, e.Lines
	}
	for j, h := range heads {
		if h.text != "["+e.Section+"]" {
			continue
		}
		end := len(lines) // the end of the section, before its blank lines
		if j+1 < len(heads) {
			end = heads[j+1].at
		}
		for end > h.at+1 && strings.TrimSpace(lines[end-1].Text) == "" {
			end--
		}
		return end, e.Lines
	}
	hd := e.Lines[0]
	hd.Text = "[" + e.Section + "]"
	add := []Line{hd}
	if len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1].Text) != "" {
		blank := hd
		blank.Text = ""
		add = append([]Line{blank}, add...)
	}
	return len(lines), append(add, e.Lines...)
}

// Setting returns the lines that set key in section of a file of format
// f (text, its lines): set is false when no line sets it (or only one
// commented out); why says why it is not clear (set more than once).
func Setting(text []string, f Format, section, key string) (have []string, set bool, why string) {
	lines := make([]Line, len(text))
	for i, t := range text {
		lines[i] = Line{Text: t}
	}
	at, found, why := findKey(lines, f, section, key)
	if !found || at.commented {
		return nil, false, why
	}
	return text[at.at : at.at+at.n], true, ""
}
