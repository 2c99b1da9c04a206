package quote

import (
	"fmt"
	"html"
	"strings"
	"unicode"
)

// A spot is where a value lands: its context, the Python string prefix,
// the family of the language, whether the placeholder is all of its line,
// the line before it, and whether the line is a systemd Exec setting.
type spot struct {
	ctx    context
	prefix string
	fam    family
	alone  bool
	before string
	exec   bool
}

// quote returns value escaped for its spot, or a reason it cannot go
// there (never quoting the value itself, which may be secret).
func quote(value string, at spot) (string, string) {
	multi := strings.ContainsAny(value, "\n\r")
	switch {
	case at.ctx == comment:
		if multi {
			return value, breaks
		}
		return value, ""
	case at.fam == fPython && at.ctx != bare:
		return quotePython(value, at.ctx, at.prefix)
	case at.fam == fSystemd:
		return quoteSystemd(value, at.ctx, at.exec)
	case at.fam == fCrontab:
		// the command is the shell's; cron turns a bare % into a newline
		sh := at
		sh.fam = fShell
		v, err := quote(value, sh)
		return strings.ReplaceAll(v, "%", `\%`), err
	}
	switch at.ctx {
	case single:
		return quoteSingle(value, at.fam, multi)
	case double:
		return quoteDouble(value, at.fam, multi)
	case triple2:
		return backslashDouble.Replace(value), ""
	case triple1:
		return quoteTriple1(value, at.fam)
	}
	if multi && !at.alone && at.fam != fHTML && at.fam != fMarkdown {
		return value, breaks
	}
	if q := bareQuoters[at.fam]; q != nil {
		return q(value, at)
	}
	return value, ""
}

// quoteSingle escapes a value inside '...'.
func quoteSingle(value string, fam family, multi bool) (string, string) {
	switch fam {
	case fShell:
		return strings.ReplaceAll(value, "'", `'\''`), ""
	case fYAML:
		if multi {
			return value, breaks
		}
		return strings.ReplaceAll(value, "'", "''"), ""
	case fTOML:
		if strings.ContainsAny(value, "'\n\r") {
			return value, "holds a quote or a line break, which a TOML literal string cannot hold"
		}
		return value, ""
	case fPHP:
		return backslashSingle.Replace(value), ""
	}
	return escapeC(value, '\''), ""
}

// quoteDouble escapes a value inside "...".
func quoteDouble(value string, fam family, multi bool) (string, string) {
	switch fam {
	case fShell:
		return shellDouble.Replace(value), ""
	case fPHP:
		return phpDouble.Replace(value), ""
	case fApache:
		// Apache reads \" as a quote and keeps any other backslash
		if multi {
			return value, breaks
		}
		if strings.Contains(value, `\`) {
			return value, "holds a backslash, which Apache would read as an escape"
		}
		return strings.ReplaceAll(value, `"`, `\"`), ""
	case fNginx:
		if multi {
			return value, breaks
		}
		if strings.Contains(value, "$") {
			return value, nginxDollar
		}
	case fINI:
		if multi {
			return value, breaks
		}
	}
	return escapeC(value, '"'), ""
}

// quoteTriple1 escapes a value inside ”'...”'.
func quoteTriple1(value string, fam family) (string, string) {
	if fam == fTOML {
		if strings.Contains(value, "'''") {
			return value, "holds ''', which would end this TOML string"
		}
		return value, ""
	}
	return backslashSingle.Replace(value), ""
}

// The escapes of quoted strings, made once: a Replacer builds its tables
// on first use, and building them was most of filling a line of shell.
var (
	backslashDouble = strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	backslashSingle = strings.NewReplacer(`\`, `\\`, "'", `\'`)
	shellDouble     = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`")
	phpDouble       = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "\n", `\n`, "\r", `\r`)
	heredocLive     = strings.NewReplacer(`\`, `\\`, "$", `\$`, "`", "\\`")
	fBraces         = strings.NewReplacer("{", "{{", "}", "}}") // in a Python f-string
)

const nginxDollar = "holds '$', which nginx would read as the start of a variable"

// bareQuoters escape a value outside quotes, by family.
var bareQuoters = map[family]func(string, spot) (string, string){
	fHTML: func(v string, _ spot) (string, string) { return html.EscapeString(v), "" },
	fShell: func(v string, _ spot) (string, string) {
		if v != "" && strings.ContainsAny(v, " \t\n'\"\\$`;&|<>(){}*?[]#~!") {
			return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'", ""
		}
		return v, ""
	},
	fNginx: func(v string, _ spot) (string, string) {
		if strings.ContainsAny(v, " \t;{}#\"'\\") {
			return v, "holds a space, quote, backslash, ';', '{', '}' or '#', which would break this nginx directive: quote it in the tutorial"
		}
		if strings.Contains(v, "$") {
			return v, nginxDollar
		}
		return v, ""
	},
	fApache: func(v string, _ spot) (string, string) {
		if strings.ContainsAny(v, " \t\"\\") {
			return v, "holds a space, a quote or a backslash, which would break this Apache directive: quote it in the tutorial"
		}
		return v, ""
	},
	fYAML:   bareYAML,
	fPython: barePython,
}

// bareYAML escapes a plain YAML scalar: the whole scalar is quoted when
// it would not read back; part of one must not hold what ends it.
func bareYAML(v string, at spot) (string, string) {
	t := strings.TrimRight(at.before, " \t")
	if at.alone || strings.HasSuffix(t, ":") || strings.HasSuffix(t, "-") || strings.HasSuffix(t, "[") || strings.HasSuffix(t, ",") || strings.HasSuffix(t, "{") {
		if v == "" || yamlNeedsQuotes(v) {
			return "'" + strings.ReplaceAll(v, "'", "''") + "'", ""
		}
		return v, ""
	}
	if strings.ContainsAny(v, "\n\r") || strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.HasSuffix(v, ":") {
		return v, "holds \": \" or \" #\", which would break this YAML scalar: quote it in the tutorial"
	}
	return v, ""
}

// barePython checks a value that is a Python expression: a number, a
// name, True, settings.X.
func barePython(v string, _ spot) (string, string) {
	if v == "" || strings.IndexFunc(v, func(r rune) bool {
		return !(r == '_' || r == '.' || r == '+' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r))
	}) >= 0 {
		return v, "is not a Python number or name, which this line needs: quote it in the tutorial"
	}
	return v, ""
}

// quoteSystemd quotes a value for a systemd unit: "%" is a specifier
// ("%%" for itself); in Exec lines "$" expands a variable ("$$"); quotes
// and backslashes are C-like inside quotes, and outside them a space,
// quote or backslash would split or break the setting.
func quoteSystemd(value string, ctx context, exec bool) (string, string) {
	if strings.ContainsAny(value, "\n\r") {
		return value, breaks
	}
	v := strings.ReplaceAll(value, "%", "%%")
	if exec {
		v = strings.ReplaceAll(v, "$", "$$")
	}
	switch ctx {
	case double:
		return escapeC(v, '"'), ""
	case single:
		return escapeC(v, '\''), ""
	}
	if strings.ContainsAny(value, " \t\"'\\") {
		return value, "holds a space, a quote or a backslash, which would break this systemd setting: quote it in the tutorial"
	}
	return v, ""
}

// quotePython escapes a value for a Python string literal of the given
// context and prefix: raw strings take the value as it is when they can,
// f-strings double the braces.
func quotePython(value string, ctx context, prefix string) (string, string) {
	raw := strings.Contains(prefix, "r")
	q := map[context]string{single: "'", double: `"`, triple1: "'''", triple2: `"""`}[ctx]
	if strings.Contains(prefix, "b") {
		return quotePythonBytes(value, q, raw)
	}
	if raw {
		if msg := rawProblem(value, q); msg != "" {
			return value, msg
		}
	} else if len(q) == 1 {
		value = escapeC(value, q[0])
	} else if q[0] == '"' {
		value = backslashDouble.Replace(value)
	} else {
		value = backslashSingle.Replace(value)
	}
	if strings.Contains(prefix, "f") {
		value = fBraces.Replace(value)
	}
	return value, ""
}

// rawProblem says why a value cannot go into a raw Python string quoted
// with q, "" when it can.
func rawProblem(value, q string) string {
	trailing := len(value) - len(strings.TrimRight(value, `\`))
	switch {
	case strings.Contains(value, q[:1]) || trailing%2 == 1:
		return "holds a quote or ends with a backslash, which a raw Python string cannot hold"
	case len(q) == 1 && strings.ContainsAny(value, "\n\r"):
		return breaks
	}
	return ""
}

// quotePythonBytes escapes a value for a Python bytes literal, which
// holds ASCII only: other bytes and control characters as \xNN; a raw one
// cannot escape them.
func quotePythonBytes(value, q string, raw bool) (string, string) {
	if raw {
		for i := 0; i < len(value); i++ {
			c := value[i]
			if !(c >= 0x20 && c < 0x7f) && !(len(q) == 3 && (c == '\n' || c == '\t')) {
				return value, "holds a character other than printable ASCII, which a raw Python bytes literal cannot hold"
			}
		}
		trailing := len(value) - len(strings.TrimRight(value, `\`))
		if strings.Contains(value, q[:1]) || trailing%2 == 1 {
			return value, "holds a quote or ends with a backslash, which a raw Python string cannot hold"
		}
		return value, ""
	}
	var b strings.Builder
	for i := 0; i < len(value); i++ {
		switch c := value[i]; {
		case c == '\\' || c == q[0]:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, `\x%02x`, c)
		}
	}
	return b.String(), ""
}

// yamlNeedsQuotes reports whether a plain YAML scalar would not read back
// as the same string.
func yamlNeedsQuotes(v string) bool {
	if v == "" || v != strings.TrimSpace(v) {
		return v != ""
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(v[0])) {
		return true
	}
	return strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.HasSuffix(v, ":")
}

// escapeC escapes a value for a C-like quoted string (Python, JSON,
// JavaScript, nginx, systemd): backslashes, the quote character, line
// breaks, tabs and other control characters.
func escapeC(value string, q byte) string {
	var b strings.Builder
	for i := 0; i < len(value); i++ {
		switch c := value[i]; {
		case c == '\\' || c == q:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
