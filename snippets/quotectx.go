package snippets

import (
	"regexp"
	"strings"

	langs "github.com/tailordocs/tailor/snippets/lang"
)

// Languages that name a context spanning lines, for Filler.Text: the body
// of a shell here-document (unquoted: $, ` and \ are live; quoted: taken
// as it is) and the body of a YAML block scalar (taken as it is).
const (
	LangHeredoc       = "sh-heredoc"
	LangQuotedHeredoc = "sh-heredoc-quoted"
	LangYAMLBlock     = "yaml-block"
	// a line that starts inside a Python triple-quoted string
	LangPyTriple2 = "python-in-triple-double"
	LangPyTriple1 = "python-in-triple-single"
)

var (
	heredocStart = regexp.MustCompile(`<<(-?)[ \t]*(\\?)(['"]?)([A-Za-z_][A-Za-z0-9_]*)(['"]?)`)
	yamlBlock    = regexp.MustCompile(`^([ \t]*)(-[ \t]+)?([^#\s][^#]*:[ \t]+|-[ \t]+|)[|>][+-]?[0-9]?[+-]?[ \t]*(?:#.*)?$`)
)

// lineLangs returns the language to quote each line's values for: lang,
// or the context a line of the file before opens for it.
func lineLangs(lines []Line, lang string) []string {
	out := make([]string, len(lines))
	shell := false
	switch strings.ToLower(lang) {
	case "sh", "bash", "shell", "zsh", "ksh":
		shell = true
	}
	yaml := strings.EqualFold(lang, "yaml") || strings.EqualFold(lang, "yml")
	python := false
	switch strings.ToLower(lang) {
	case "python", "py", "python3", "django":
		python = true
	}
	triple := ""     // the triple quote a Python string is open with
	var delim string // the here-document being read
	var stripTabs, quoted bool
	blockIndent := -1 // the indentation of the key of the YAML block scalar being read
	for i, l := range lines {
		out[i] = lang
		t := l.Text
		switch {
		case delim != "":
			end := t
			if stripTabs {
				end = strings.TrimLeft(end, "\t")
			}
			if end == delim {
				delim = ""
				continue
			}
			out[i] = LangHeredoc
			if quoted {
				out[i] = LangQuotedHeredoc
			}
			continue
		case blockIndent >= 0:
			if strings.TrimSpace(t) == "" || indentOf(t) > blockIndent {
				out[i] = LangYAMLBlock
				continue
			}
			blockIndent = -1
		}
		if python {
			switch triple {
			case `"""`:
				out[i] = LangPyTriple2
			case "'''":
				out[i] = LangPyTriple1
			}
			triple = pythonTriple(t, triple)
		}
		if shell {
			if m := heredocStart.FindStringSubmatch(t); m != nil && !strings.HasPrefix(strings.TrimSpace(t), "#") {
				delim, stripTabs = m[4], m[1] == "-"
				quoted = m[2] != "" || m[3] != "" || m[5] != ""
			}
		}
		if yaml {
			if m := yamlBlock.FindStringSubmatch(t); m != nil {
				// the content is indented under the key ("- run: |": under
				// run), or under the dash of "- |"
				blockIndent = len(m[1])
				if m[3] != "" && !strings.HasPrefix(m[3], "-") {
					blockIndent += len(m[2])
				}
			}
		}
	}
	return out
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
			// a one-line string: skip it
			q := t[i]
			for i++; i < len(t) && t[i] != q; i++ {
				if t[i] == '\\' {
					i++
				}
			}
		case open != "" && t[i] == '\\':
			i++
		case open != "" && strings.HasPrefix(t[i:], open):
			open = ""
			i += 2
		}
	}
	return open
}

func indentOf(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t"))
}

// LineLangs is lineLangs for the lines of a code block: the language to
// quote each line's values for.
func LineLangs(lines []string, lang string) []string {
	ls := make([]Line, len(lines))
	for i, l := range lines {
		ls[i] = Line{Text: l}
	}
	return lineLangs(ls, lang)
}

// QuotingLang is the language the values of a block are quoted for in
// the docs, as in the file it makes: the block's, the file's when the
// block names none, or the kind its path tells better (a systemd unit,
// a crontab).
func (st *Step) QuotingLang() string {
	lang := st.Code.Lang
	if isShellLang(lang) {
		return lang // commands: the shell's quoting, whatever they write
	}
	if lang == "" || lang == "text" || lang == "none" {
		lang = langs.OfPath(st.Target)
	}
	if st.Target == "" {
		return lang
	}
	return quotingLang(lang, st.Target)
}

func isShellLang(lang string) bool {
	switch strings.ToLower(lang) {
	case "sh", "bash", "shell", "zsh", "ksh", "console", "shell-session":
		return true
	}
	return false
}

// quotingLang is the language a file's values are quoted for: its
// block's, but for files whose kind its path tells better (a systemd
// unit written in an "ini" block, a crontab).
func quotingLang(lang, p string) string {
	switch guess := langs.OfPath(p); guess {
	case "systemd", "crontab":
		return guess
	}
	return lang
}
