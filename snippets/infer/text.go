package infer

import (
	"path"
	"strings"

	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/prose"
)

// Predicates over a block's text and a target's path.

// isSession reports whether a block is an interactive session, whose
// prompts and output are never lines of a file: ">>> ", "In [1]:",
// "postgres=# ", "mysql> ".
func isSession(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		for _, p := range sessionPrompts {
			if strings.HasPrefix(t, p) {
				return true
			}
		}
		if t == ">>>" {
			return true
		}
		if i := strings.Index(t, "=# "); i > 0 && i < 30 && !strings.ContainsAny(t[:i], " \t") {
			return true // psql: "postgres=# SELECT ..."
		}
		if i := strings.Index(t, "=> "); i > 0 && i < 30 && psqlName(t[:i]) {
			return true
		}
	}
	return false
}

var sessionPrompts = []string{">>> ", "In [", "Out[", "mysql> ", "redis> ", "irb("}

// psqlName reports whether s is a database name as psql shows it in its
// prompt.
func psqlName(s string) bool {
	for _, r := range s {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// startsWithCommand reports whether a block begins with a command a
// reader runs (sudo, systemctl, ...) rather than a line of a file.
func startsWithCommand(text string) bool {
	first := strings.Fields(strings.TrimLeft(text, "$# "))
	return len(first) > 0 && readerCommands[first[0]]
}

var readerCommands = prose.NewWords(`sudo systemctl service apt apt-get yum dnf cd ls cat echo curl wget
	chmod chown mkdir cp mv rm ln git pip pip3 npm docker certbot apachectl a2ensite a2enmod ufw journalctl
	tail nano vim vi`)

// elided reports whether a block leaves lines out: a line that is only
// "...", "…" or such an ellipsis after a comment sign.
//
// In Python ("..." is a statement) and YAML (it ends a document), a bare
// "..." is code; only a commented one or "…" leaves lines out.
func elided(text, name string) bool {
	l := lang.Lookup(name)
	bareIsCode := l != nil && l.BareEllipsis
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if t == "..." && bareIsCode {
			continue
		}
		switch strings.TrimSpace(strings.TrimLeft(t, "#;/")) {
		case "...", "…", "[...]", "[…]", "(...)", "<...>":
			return true
		}
	}
	return false
}

// shellVariable returns the first "$..." of a path that is not a
// placeholder a client can fill ($1, $user, $HOME, $(cmd)), or "".
func shellVariable(p string) string {
	refs := placeholder.Scan(p)
	k := 0
	for i := 0; i < len(p); i++ {
		if p[i] != '$' {
			continue
		}
		for k < len(refs) && refs[k].End <= i {
			k++
		}
		if k < len(refs) && refs[k].Start == i {
			if name := refs[k].Name; readerVars[name] {
				return "$" + name
			}
			i = refs[k].End - 1
			continue
		}
		return variableAt(p, i)
	}
	return ""
}

// ShellVariable is shellVariable for package snippets, which checks
// paths once filled in.
func ShellVariable(p string) string { return shellVariable(p) }

// variableAt returns the shell variable that starts with the "$" at i.
func variableAt(p string, i int) string {
	end := i + 1
	if end < len(p) && p[end] == '{' {
		if j := strings.IndexByte(p[end:], '}'); j > 0 {
			return p[i : end+j+1]
		}
	}
	for end < len(p) && isNameByte(p[end]) {
		end++
		if p[i+1] >= '0' && p[i+1] <= '9' {
			break // $1
		}
	}
	if end == i+1 && end < len(p) {
		end++ // $(, $$
	}
	return p[i:end]
}

func isNameByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// readerVars are environment variables of the reader's shell, never values
// of a client.
var readerVars = map[string]bool{"HOME": true, "USER": true, "LOGNAME": true, "PWD": true, "OLDPWD": true, "SHELL": true, "TMPDIR": true, "HOSTNAME": true, "UID": true}

// isSummary reports whether a section title names a summary, whose blocks
// restate what the tutorial did.
func isSummary(title string) bool {
	t := strings.ToLower(title)
	for _, w := range prose.SummaryWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// mayAppendTo reports whether the text may go at the end of the file p
// that an editor opened: a file of the tutorial's or of the client's own
// (its path holds a placeholder), or one whose format is lines of
// settings. At the end of an nginx or Apache configuration only whole
// blocks fit: a server block in a site file, a <Directory> section;
// there a lone directive belongs inside a block the text does not name.
func mayAppendTo(files Files, p, name, text string) bool {
	if files.IsWhole(p) || len(placeholder.Scan(p)) > 0 {
		return true
	}
	first := firstCodeLine(text)
	switch lang.FamilyOf(lang.Or(name, lang.OfPath(p))) {
	case lang.Nginx:
		if path.Base(p) == "nginx.conf" {
			return false // its top level is not where server blocks go
		}
		word, _, _ := strings.Cut(first, " ")
		switch word {
		case "server", "upstream", "map", "geo", "split_clients":
			return true // files under sites-available and conf.d are read inside http { }
		}
		return false
	case lang.Apache:
		return strings.HasPrefix(first, "<") && !strings.HasPrefix(first, "</")
	}
	return true
}

// firstCodeLine returns the first line of text that is not blank or a
// "#" comment, trimmed.
func firstCodeLine(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			return line
		}
	}
	return ""
}
