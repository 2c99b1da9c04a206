package quote

import (
	"regexp"
	"strings"
	"sync"

	"github.com/tailordocs/tailor/snippets/lang"
)

var (
	heredocStart = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<<(-?)[ \t]*(\\?)(['"]?)([A-Za-z_][A-Za-z0-9_]*)(['"]?)`)
	})
	yamlBlock = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([ \t]*)(-[ \t]+)?([^#\s][^#]*:[ \t]+|-[ \t]+|)[|>][+-]?[0-9]?[+-]?[ \t]*(?:#.*)?$`)
	})
)

// Lines returns, for each line of a file or block of language name, the
// language to quote its values for: name, or the context an earlier line
// opens for it (a here-document, a YAML block scalar, a Python
// triple-quoted string).
func Lines(lines []string, name string) []string {
	out := make([]string, len(lines))
	var r reader
	switch lang.FamilyOf(name) {
	case lang.Shell, lang.Console:
		r.shell = true
	case lang.YAML:
		r.yaml = true
	case lang.Python:
		r.python = true
	}
	for i, t := range lines {
		out[i] = r.line(t, name)
	}
	return out
}

// reader follows the contexts that span lines.
type reader struct {
	shell, yaml, python bool
	triple              string // the triple quote a Python string is open with
	delim               string // the here-document being read
	stripTabs, quoted   bool
	blockIndent         int // the indentation of the key of the YAML block scalar being read, +1; 0 for none
}

// line reads one line and returns the language its values are quoted for.
func (r *reader) line(t, name string) string {
	if r.delim != "" {
		return r.heredocLine(t, name)
	}
	if r.blockIndent > 0 {
		if strings.TrimSpace(t) == "" || indentOf(t) > r.blockIndent-1 {
			return YAMLBlock
		}
		r.blockIndent = 0
	}
	ctx := name
	if r.python {
		switch r.triple {
		case `"""`:
			ctx = PyTriple2
		case "'''":
			ctx = PyTriple1
		}
		r.triple = pythonTriple(t, r.triple)
	}
	if r.shell {
		if m := heredocStart().FindStringSubmatch(t); m != nil && !strings.HasPrefix(strings.TrimSpace(t), "#") {
			r.delim, r.stripTabs = m[4], m[1] == "-"
			r.quoted = m[2] != "" || m[3] != "" || m[5] != ""
		}
	}
	if r.yaml {
		if m := yamlBlock().FindStringSubmatch(t); m != nil {
			// the content is indented under the key ("- run: |": under
			// run), or under the dash of "- |"
			ind := len(m[1])
			if m[3] != "" && !strings.HasPrefix(m[3], "-") {
				ind += len(m[2])
			}
			r.blockIndent = ind + 1
		}
	}
	return ctx
}

// heredocLine reads a line of a here-document's body, or its end.
func (r *reader) heredocLine(t, name string) string {
	end := t
	if r.stripTabs {
		end = strings.TrimLeft(end, "\t")
	}
	if end == r.delim {
		r.delim = ""
		return name
	}
	if r.quoted {
		return QuotedHeredoc
	}
	return Heredoc
}

// pythonTriple returns the triple quote a Python string is open with
// at the end of line t, given the one open at its start ("" for none).
func pythonTriple(t, open string) string {
	for i := 0; i < len(t); i++ {
		switch {
		case open == "" && t[i] == '#':
			return "" // a comment
		case open == "" && (strings.HasPrefix(t[i:], `"""`) || strings.HasPrefix(t[i:], "'''")):
			open = t[i : i+3]
			i += 2
		case open == "" && (t[i] == '"' || t[i] == '\''):
			i = skipString(t, i)
		case open != "" && t[i] == '\\':
			i++
		case open != "" && strings.HasPrefix(t[i:], open):
			open = ""
			i += 2
		}
	}
	return open
}

// skipString returns the index of the quote that closes the one-line
// string opened at i.
func skipString(t string, i int) int {
	q := t[i]
	for i++; i < len(t) && t[i] != q; i++ {
		if t[i] == '\\' {
			i++
		}
	}
	return i
}

func indentOf(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t"))
}
