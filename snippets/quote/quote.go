package quote

import (
	"strings"

	"github.com/tailordocs/tailor/snippets/lang"
)

// Languages that name a context spanning lines, as Lines returns them:
// the body of a shell here-document (unquoted: $, ` and \ are live;
// quoted: taken as it is), the body of a YAML block scalar (taken as it
// is), and a line that starts inside a Python triple-quoted string.
const (
	Heredoc       = "sh-heredoc"
	QuotedHeredoc = "sh-heredoc-quoted"
	YAMLBlock     = "yaml-block"
	PyTriple2     = "python-in-triple-double"
	PyTriple1     = "python-in-triple-single"
)

// breaks is the reason a value with a line break cannot go on a line.
const breaks = "holds a line break, which would break this line"

// A Line quotes the values of the placeholders of one line of a file,
// reading the line once from its start however many values it holds.
// A Line is not safe for concurrent use.
type Line struct {
	line, name string
	sc         *scanner
	shift      int    // of the scanner's text: the quotes a line inside a string is read after
	trimmed    string // the line without surrounding blanks
	exec       bool   // a systemd Exec setting
}

// NewLine returns a Line for line, in a file of language name (a name of
// package snippets/lang or a context of Lines).
func NewLine(line, name string) *Line {
	l := &Line{line: line, name: name}
	switch name {
	case Heredoc, QuotedHeredoc, YAMLBlock:
	case PyTriple2, PyTriple1:
		// the line starts inside the string: read it so
		open := `"""`
		if name == PyTriple1 {
			open = "'''"
		}
		l.sc, l.shift = &scanner{line: open + line, fam: fPython}, len(open)
	default:
		l.sc = &scanner{line: line, fam: familyOf(name)}
		l.trimmed = strings.TrimSpace(line)
		l.exec = strings.HasPrefix(l.trimmed, "Exec")
	}
	return l
}

// Value returns value escaped for where the placeholder line[start:end]
// is, or the reason it cannot go there. The reason never quotes the
// value, which may be secret. The placeholders of a line are given in
// order: start is past the end of the one before.
func (l *Line) Value(value string, start, end int) (string, string) {
	switch l.name {
	case Heredoc:
		// live: $, ` and \ are the shell's
		return heredocLive.Replace(value), ""
	case QuotedHeredoc, YAMLBlock:
		if strings.ContainsAny(value, "\n\r") {
			return value, breaks
		}
		return value, "" // taken as it is
	}
	ctx, prefix := l.sc.contextAt(l.shift + start)
	return quote(value, spot{ctx: ctx, prefix: prefix, fam: l.sc.fam, alone: l.trimmed == l.line[start:end], before: l.line[:start], exec: l.exec})
}

// For returns the language the values of a code block are quoted for:
// the block's, the file's when the block names none, or the kind the
// file's path tells better (a systemd unit written in an "ini" block, a
// crontab). Commands keep the shell's quoting, whatever they write.
func For(blockLang, target string) string {
	if lang.IsShell(blockLang) {
		return blockLang
	}
	if lang.IsNone(blockLang) {
		blockLang = lang.OfPath(target)
	}
	if target == "" {
		return blockLang
	}
	return ForFile(blockLang, target)
}

// ForFile returns the language a file's values are quoted for: its
// block's, but for files whose kind its path tells better.
func ForFile(name, p string) string {
	switch guess := lang.OfPath(p); guess {
	case "systemd", "crontab":
		return guess
	}
	return name
}

// A family of quoting: how values are escaped in a language's strings
// and where it has none.
type family int

const (
	fNone family = iota
	fPython
	fShell
	fINI
	fSystemd
	fCrontab
	fApache
	fYAML
	fJS
	fNginx
	fTOML
	fPHP
	fHTML
	fMarkdown
)

var families = map[lang.Family]family{
	lang.Python: fPython, lang.Shell: fShell, lang.Console: fShell, lang.INI: fINI, lang.Systemd: fSystemd,
	lang.Crontab: fCrontab, lang.Apache: fApache, lang.YAML: fYAML, lang.JS: fJS, lang.JSON: fJS,
	lang.Nginx: fNginx, lang.TOML: fTOML, lang.PHP: fPHP, lang.HTML: fHTML, lang.XML: fHTML, lang.Markdown: fMarkdown,
}

func familyOf(name string) family { return families[lang.FamilyOf(name)] }
