package tree

import (
	"path"
	"strings"

	"github.com/tailordocs/tailor/snippets/lang"
)

// A Format is how the lines of a file are keyed, for edits: which line
// sets which setting, so that a block of settings can replace the lines
// that set the same keys.
type Format string

// The keyed formats.
const (
	NoKeys    Format = ""
	PyAssign  Format = "python"    // top-level assignments: NAME = value, values over several lines
	INIKeys   Format = "ini"       // [sections] and key = value (or key=value, key: value)
	KeyEquals Format = "key=value" // key = value, no sections (postgresql.conf, main.cf)
	KeySpace  Format = "directive" // Key value (sshd_config, redis.conf)
	// NginxKeys are nginx directives ("ssl_certificate /x.pem;"): a key
	// is set where the file sets it once, never added, as blocks nest.
	NginxKeys Format = "nginx"
	// AptKeys are APT's settings: Scope::Name "value";
	AptKeys Format = "apt"
	// ApacheKeys are Apache directives ("ServerTokens Prod"): like
	// nginx's, set where the file sets them once, never added.
	ApacheKeys Format = "apache"
	// HBAKeys are the records of PostgreSQL's pg_hba.conf: a record is
	// keyed by what it matches (type, database, user, address), and sets
	// how those connections authenticate.
	HBAKeys Format = "hba"
)

// FormatOf returns the keyed format of a file at p whose lines are in
// language name, looking at lines when neither tells: NoKeys when its
// lines are not keyed, or not so that one line sets one key (nginx and
// Apache nest their directives in blocks; YAML nests keys).
func FormatOf(name, p string, lines []Line) Format {
	if f, ok := formatByName(name, p); ok {
		return f
	}
	return sniff(lines)
}

// formatByName returns the format that a file's language or path tells,
// if either does.
func formatByName(name, p string) (Format, bool) {
	switch lang.FamilyOf(lang.Or(name, lang.OfPath(p))) {
	case lang.Python:
		return PyAssign, true
	case lang.INI, lang.Systemd, lang.TOML:
		return INIKeys, true
	case lang.Nginx:
		return NginxKeys, true
	case lang.Apache:
		return ApacheKeys, true
	case lang.YAML, lang.JSON, lang.JS, lang.Shell, lang.Console, lang.HTML, lang.XML:
		return NoKeys, true
	}
	if f, ok := wellKnown[path.Base(p)]; ok {
		return f, true
	}
	if strings.HasPrefix(p, "/etc/apt/apt.conf") {
		return AptKeys, true
	}
	return "", false
}

// wellKnown are the formats of system files whose names tell them.
var wellKnown = map[string]Format{
	"sshd_config": KeySpace, "ssh_config": KeySpace, "redis.conf": KeySpace, "sentinel.conf": KeySpace,
	"postgresql.conf": KeyEquals, "main.cf": KeyEquals, "php.ini": INIKeys, "my.cnf": INIKeys,
	"mysqld.cnf": INIKeys, "50-server.cnf": INIKeys, "jail.local": INIKeys, "jail.conf": INIKeys,
	"sysctl.conf": KeyEquals, "logind.conf": INIKeys, "journald.conf": INIKeys, "resolved.conf": INIKeys,
	"dovecot.conf": KeyEquals, "chrony.conf": KeySpace, "ntp.conf": KeySpace, "vsftpd.conf": KeyEquals,
	".env": KeyEquals, "environment": KeyEquals, "pg_hba.conf": HBAKeys,
}

// sniff tells the format from the lines themselves: all key = value, or
// all Key value.
func sniff(lines []Line) Format {
	var n sniffCounts
	for _, l := range lines {
		n[sniffKind(l.Text)]++
	}
	return n.format()
}

// sniffCounts counts the lines of each sniffKind.
type sniffCounts [4]int

// The kinds of line sniff counts.
const (
	sniffNone   = iota // blank, or a comment
	sniffEquals        // key = value, or an INI section
	sniffSpace         // Key value
	sniffOther
)

func sniffKind(text string) int {
	t := strings.TrimSpace(text)
	switch {
	case t == "" || isComment(t):
		return sniffNone
	case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
		return sniffEquals // a section: INI
	case keyEquals(t) != "":
		return sniffEquals
	case keySpace(t) != "":
		return sniffSpace
	}
	return sniffOther
}

func (n sniffCounts) format() Format {
	equals, space, other := n[sniffEquals], n[sniffSpace], n[sniffOther]
	switch {
	case other > 0:
		return NoKeys
	case equals > 0 && space == 0:
		return KeyEquals
	case space > 0 && equals == 0:
		return KeySpace
	}
	return NoKeys
}

func isComment(t string) bool { return strings.HasPrefix(t, "#") || strings.HasPrefix(t, ";") }

// An Entry is one setting of a block of settings: the key, the section
// it is in, and the lines that set it.
type Entry struct {
	Section string // the INI section, "" for none
	Key     string
	Lines   []Line
}

// Entries parses lines as the settings of format f. It returns false
// when a line that is not blank or a comment sets no key, or a key is set
// twice: the block is then not a set of settings.
func Entries(lines []Line, f Format) ([]Entry, bool) {
	var out []Entry
	section := ""
	seen := map[string]bool{}
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i].Text)
		if t == "" || isComment(t) {
			continue
		}
		if f == INIKeys && strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			section = strings.TrimSpace(t[1 : len(t)-1])
			continue
		}
		key := keyOf(f, lines[i].Text)
		if key == "" || seen[section+"\x00"+key] {
			return nil, false
		}
		seen[section+"\x00"+key] = true
		n := 1
		if f == PyAssign {
			n = pyExtent(lines, i)
		}
		out = append(out, Entry{Section: section, Key: key, Lines: lines[i : i+n]})
		i += n - 1
	}
	return out, len(out) > 0
}

// keyOf returns the key a line sets in format f, "" for none. Python
// keys are set at the top level only.
func keyOf(f Format, line string) string {
	switch f {
	case PyAssign:
		if line != strings.TrimLeft(line, " \t") {
			return ""
		}
		return pyKey(line)
	case INIKeys:
		if k := keyEquals(strings.TrimSpace(line)); k != "" {
			return k
		}
		return keyColon(strings.TrimSpace(line))
	case KeyEquals:
		return keyEquals(strings.TrimSpace(line))
	case KeySpace:
		return keySpace(strings.TrimSpace(line))
	case NginxKeys:
		t := strings.TrimSpace(line)
		if !strings.HasSuffix(t, ";") || strings.ContainsAny(t, "{}") {
			return ""
		}
		return keySpace(t)
	case ApacheKeys:
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "<") {
			return ""
		}
		return keySpace(t)
	case HBAKeys:
		return hbaKey(strings.Fields(line))
	case AptKeys:
		t := strings.TrimSpace(line)
		i := strings.IndexAny(t, " \t")
		if !strings.HasSuffix(t, ";") || strings.ContainsAny(t, "{}") || i <= 0 || !isKey(strings.ReplaceAll(t[:i], "::", ".")) {
			return ""
		}
		return t[:i]
	}
	return ""
}

// hbaKey returns what a pg_hba.conf record matches: "local DATABASE
// USER", or "host DATABASE USER ADDRESS" (with the mask after an address
// written without one), "" for a line that is not a record.
func hbaKey(f []string) string {
	switch {
	case len(f) >= 4 && f[0] == "local":
		return strings.Join(f[:3], " ")
	case len(f) >= 5 && hbaHostTypes[f[0]]:
		n := 4
		if !strings.Contains(f[3], "/") && len(f) >= 6 && isIPMask(f[4]) {
			n = 5
		}
		return strings.Join(f[:n], " ")
	}
	return ""
}

var hbaHostTypes = map[string]bool{"host": true, "hostssl": true, "hostnossl": true, "hostgssenc": true, "hostnogssenc": true}

// isIPMask reports whether s is written as an IP address mask
// ("255.255.255.0", "ffff:ffff::").
func isIPMask(s string) bool {
	return s != "" && strings.Trim(s, "0123456789abcdef.:") == "" && strings.ContainsAny(s, ".:")
}

// pyKey returns NAME of "NAME = value" (not "NAME == x", "NAME += x").
func pyKey(t string) string {
	k := identEnd(t)
	if k == 0 {
		return ""
	}
	rest := strings.TrimLeft(t[k:], " \t")
	if !strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "==") {
		return ""
	}
	return t[:k]
}

// keyEquals returns KEY of "KEY = value" or "KEY=value".
func keyEquals(t string) string {
	i := strings.IndexByte(t, '=')
	if i <= 0 {
		return ""
	}
	k := strings.TrimSpace(t[:i])
	if !isKey(k) {
		return ""
	}
	return k
}

// keyColon returns KEY of "KEY: value", as INI files may write it.
func keyColon(t string) string {
	i := strings.IndexByte(t, ':')
	if i <= 0 {
		return ""
	}
	k := strings.TrimSpace(t[:i])
	if !isKey(k) {
		return ""
	}
	return k
}

// keySpace returns KEY of "KEY value" (a directive with a value).
func keySpace(t string) string {
	i := strings.IndexAny(t, " \t")
	if i <= 0 || strings.TrimSpace(t[i:]) == "" {
		return ""
	}
	k := t[:i]
	if !isKey(k) || strings.ContainsAny(k, "=:") {
		return ""
	}
	return k
}

// isKey reports whether k can be a setting's name: letters, digits and
// "_.-", starting with a letter or "_".
func isKey(k string) bool {
	if k == "" || !(k[0] == '_' || k[0] >= 'a' && k[0] <= 'z' || k[0] >= 'A' && k[0] <= 'Z') {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c == '_' || c == '.' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func identEnd(t string) int {
	k := 0
	for k < len(t) && (t[k] == '_' || t[k] >= '0' && t[k] <= '9' && k > 0 || t[k] >= 'a' && t[k] <= 'z' || t[k] >= 'A' && t[k] <= 'Z') {
		k++
	}
	return k
}

// pyExtent returns how many lines the Python statement at lines[i]
// spans: while brackets are open or a line ends with a backslash.
func pyExtent(lines []Line, i int) int {
	depth := 0
	for j := i; j < len(lines); j++ {
		depth += bracketDepth(lines[j].Text)
		t := strings.TrimRight(lines[j].Text, " \t")
		if depth <= 0 && !strings.HasSuffix(t, `\`) {
			return j - i + 1
		}
	}
	return len(lines) - i
}

// bracketDepth returns how many brackets a line of Python opens (less
// those it closes), outside strings and comments.
func bracketDepth(s string) int {
	d := 0
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == '\\' {
				i++
			} else if c == q {
				q = 0
			}
		case c == '#':
			return d
		case c == '\'' || c == '"':
			q = c
		case c == '(' || c == '[' || c == '{':
			d++
		case c == ')' || c == ']' || c == '}':
			d--
		}
	}
	return d
}

// WellKnown reports whether base is the name of a well-known file of
// settings of the system ("sshd_config", "postgresql.conf").
func WellKnown(base string) bool {
	_, ok := wellKnown[base]
	return ok
}
