package generator

import (
	"fmt"
	"html"
	"strings"
	"unicode"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/site"
	"github.com/tailordocs/tailor/snippets"
	"github.com/tailordocs/tailor/values"
)

// Mask is what the docs show instead of a secret value: the reader sees
// that a value is hidden and which placeholder it is.
func Mask(name string) string { return "‹secret " + name + "›" }

// filler fills placeholders for one client, in the three ways tailor
// needs: for the docs (secrets masked), for generated files (values quoted
// for where they land) and for paths.
type filler struct {
	vals   *values.Values
	ignore map[string]bool
	names  []string // every name with a value, for suggestions
}

func newFiller(v *values.Values, ignore map[string]bool) *filler {
	return &filler{vals: v, ignore: ignore, names: v.Names()}
}

// lookup returns the value of a placeholder, nil when it has none or is
// never a placeholder.
func (f *filler) lookup(name string) *values.Value {
	if f.ignore[name] {
		return nil
	}
	v, _ := f.vals.Get(name)
	return v
}

// Docs fills a text shown in the docs: secrets are masked, unknown names
// are left as written. It returns where the values are.
func (f *filler) Docs(s string) (string, []site.Filled) {
	refs := placeholder.Scan(s)
	if len(refs) == 0 {
		return s, nil
	}
	var b strings.Builder
	var spans []site.Filled
	last := 0
	for _, r := range refs {
		v := f.lookup(r.Name)
		if v == nil {
			continue
		}
		b.WriteString(s[last:r.Start])
		text := v.Text
		if v.Secret {
			text = Mask(r.Name)
		}
		start := b.Len()
		b.WriteString(text)
		spans = append(spans, site.Filled{Start: start, End: b.Len(), Name: r.Name, Secret: v.Secret})
		last = r.End
	}
	b.WriteString(s[last:])
	return b.String(), spans
}

// Path fills a path or a one-line setting. An undefined name is an error.
func (f *filler) Path(s string, pos content.Position, diags *content.Diagnostics) string {
	return placeholder.Replace(s, func(r placeholder.Ref) (string, bool) {
		v := f.lookup(r.Name)
		if v == nil {
			if !f.ignore[r.Name] && !values.IsBuiltin(r.Name) {
				diags.Errorf(pos, "undefined placeholder $%s in %q%s", r.Name, s, f.hint(r.Name))
			}
			return "", false
		}
		return v.Text, true
	})
}

func (f *filler) hint(name string) string {
	if s := placeholder.Suggest(name, f.names); s != "" {
		return fmt.Sprintf(" (did you mean $%s?)", s)
	}
	return ""
}

// Text fills one line of a generated file of language lang, quoting each
// value for the context it lands in. Undefined names are left as written:
// the check of the pages reports them.
func (f *filler) Text(s, lang string, pos content.Position, diags *content.Diagnostics) (string, bool) {
	refs := placeholder.Scan(s)
	if len(refs) == 0 {
		return s, false
	}
	lang = strings.ToLower(lang)
	var b strings.Builder
	secret := false
	last := 0
	for _, r := range refs {
		v := f.lookup(r.Name)
		if v == nil {
			continue
		}
		b.WriteString(s[last:r.Start])
		text, err := quoteIn(v.Text, s, r, lang)
		if err != "" {
			p := pos
			p.Column += len([]rune(s[:r.Start]))
			p.Offset += r.Start
			diags.Errorf(p, "value of %s %s", r.Name, err)
		}
		b.WriteString(text)
		secret = secret || v.Secret
		last = r.End
	}
	b.WriteString(s[last:])
	return b.String(), secret
}

// quoteIn returns value quoted for where ref is in the line s of a file
// in lang, or a reason it cannot go there.
func quoteIn(value, s string, ref placeholder.Ref, lang string) (string, string) {
	switch lang {
	case snippets.LangHeredoc:
		// live: $, ` and \ are the shell's
		return strings.NewReplacer(`\`, `\\`, "$", `\$`, "`", "\\`").Replace(value), ""
	case snippets.LangQuotedHeredoc, snippets.LangYAMLBlock:
		if strings.ContainsAny(value, "\n\r") {
			return value, "holds a line break, which would break this line"
		}
		return value, "" // taken as it is
	case snippets.LangPyTriple2, snippets.LangPyTriple1:
		// the line starts inside the string: read it so
		open := `"""`
		if lang == snippets.LangPyTriple1 {
			open = "'''"
		}
		ctx, prefix := quoteContext(open+s[:ref.Start], "python")
		return quoteFor(value, ctx, prefix, "python", false, s[:ref.Start])
	}
	ctx, prefix := quoteContext(s[:ref.Start], lang)
	alone := strings.TrimSpace(s) == s[ref.Start:ref.End]
	return quoteFor(value, ctx, prefix, lang, alone, s[:ref.Start])
}

// DocsCode fills a code block for the docs: each value as the files get
// it (quoted for where it lands, so that what the reader copies does
// what the generated files hold), each secret masked.
func (f *filler) DocsCode(s, lang string) (string, []site.Filled) {
	if !strings.Contains(s, "$") {
		return s, nil
	}
	lang = strings.ToLower(lang)
	lines := strings.Split(s, "\n")
	langs := snippets.LineLangs(lines, lang)
	var b strings.Builder
	var spans []site.Filled
	for i, line := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		last := 0
		for _, r := range placeholder.Scan(line) {
			v := f.lookup(r.Name)
			if v == nil {
				continue
			}
			b.WriteString(line[last:r.Start])
			text := Mask(r.Name)
			if !v.Secret {
				text, _ = quoteIn(v.Text, line, r, langs[i]) // what cannot go there is reported for the files
			}
			start := b.Len()
			b.WriteString(text)
			spans = append(spans, site.Filled{Start: start, End: b.Len(), Name: r.Name, Secret: v.Secret})
			last = r.End
		}
		b.WriteString(line[last:])
	}
	return b.String(), spans
}

// A quoting context: where in a line a placeholder is.
type context int

const (
	bare    context = iota // outside quotes
	single                 // inside '...'
	double                 // inside "..."
	triple2                // inside """...""" (Python, TOML)
	triple1                // inside '''...''' (Python, TOML)
	comment                // after a comment sign: nothing to quote
)

// Language families with the same string syntax.
func family(lang string) string {
	switch lang {
	case "python", "py", "python3", "django":
		return "python"
	case "sh", "bash", "shell", "zsh", "ksh":
		return "sh"
	case "ini", "dosini", "cfg", "conf":
		return "ini"
	case "systemd", "crontab":
		return lang
	case "apache", "apacheconf":
		return "apache"
	case "yaml", "yml":
		return "yaml"
	case "javascript", "js", "json", "typescript", "ts":
		return "js"
	case "nginx", "toml", "php", "html", "xml":
		return lang
	}
	return ""
}

// quoteContext says whether the end of prefix is inside a quoted string,
// for the languages whose strings tailor knows, and for Python the
// string's prefix in lower case ("r", "f", "rb", ...).
func quoteContext(prefix, lang string) (context, string) {
	fam := family(lang)
	if fam == "" || fam == "html" || fam == "xml" {
		return bare, ""
	}
	ctx, strPrefix := bare, ""
	for i := 0; i < len(prefix); i++ {
		c := prefix[i]
		switch ctx {
		case bare:
			if fam == "python" && (c == '\'' || c == '"') {
				strPrefix = pythonPrefix(prefix[:i])
			}
			switch {
			case c == '#' && fam != "js" && (i == 0 || prefix[i-1] == ' ' || prefix[i-1] == '\t' || fam != "sh" && fam != "crontab"):
				return comment, "" // a comment: nothing to quote
			case c == '\\' && fam != "ini":
				i++
			case (fam == "python" || fam == "toml") && strings.HasPrefix(prefix[i:], `"""`):
				ctx = triple2
				i += 2
			case (fam == "python" || fam == "toml") && strings.HasPrefix(prefix[i:], "'''"):
				ctx = triple1
				i += 2
			case c == '\'':
				if fam == "ini" {
					continue // apostrophes are plain text there
				}
				ctx = single
			case c == '"':
				ctx = double
			}
		case single:
			// no escapes in shell, TOML literal, YAML and PHP single quotes
			// but for the quote itself, which the shell cannot escape
			if c == '\\' && fam != "sh" && fam != "toml" && fam != "yaml" {
				i++
			} else if c == '\'' {
				ctx = bare
			}
		case double:
			if c == '\\' {
				i++
			} else if c == '"' {
				ctx = bare
			}
		case triple2:
			if c == '\\' {
				i++
			} else if strings.HasPrefix(prefix[i:], `"""`) {
				ctx = bare
				i += 2
			}
		case triple1:
			if c == '\\' && fam == "python" {
				i++
			} else if strings.HasPrefix(prefix[i:], "'''") {
				ctx = bare
				i += 2
			}
		}
	}
	if ctx == bare {
		strPrefix = ""
	}
	return ctx, strPrefix
}

// pythonPrefix returns the string prefix that ends before, in lower case
// ("r" for r'...', "rb", "f"), or "".
func pythonPrefix(before string) string {
	j := len(before)
	for j > 0 && j > len(before)-2 && strings.ContainsRune("rRbBfFuU", rune(before[j-1])) {
		j--
	}
	if j > 0 && (isIdentByte(before[j-1])) {
		return "" // the end of a name, as in "number'"
	}
	return strings.ToLower(before[j:])
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// quoteFor returns value escaped for its context, or a reason it cannot go
// there (never quoting the value itself, which may be secret). prefix is
// a Python string's prefix, as quoteContext returns it.
func quoteFor(value string, ctx context, prefix, lang string, alone bool, line string) (string, string) {
	fam := family(lang)
	multi := strings.ContainsAny(value, "\n\r")
	const breaks = "holds a line break, which would break this line"
	switch {
	case ctx == comment:
		if multi {
			return value, breaks
		}
		return value, ""
	case fam == "python" && ctx != bare:
		return quotePython(value, ctx, prefix)
	case fam == "systemd":
		return quoteSystemd(value, ctx, line)
	case fam == "crontab":
		// the command is the shell's; cron turns a bare % into a newline
		v, err := quoteFor(value, ctx, prefix, "sh", alone, line)
		return strings.ReplaceAll(v, "%", `\%`), err
	}
	switch ctx {
	case single:
		switch fam {
		case "sh":
			return strings.ReplaceAll(value, "'", `'\''`), ""
		case "yaml":
			if multi {
				return value, breaks
			}
			return strings.ReplaceAll(value, "'", "''"), ""
		case "toml":
			if strings.ContainsAny(value, "'\n\r") {
				return value, "holds a quote or a line break, which a TOML literal string cannot hold"
			}
			return value, ""
		case "php":
			return strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(value), ""
		}
		return escapeC(value, '\''), ""
	case double:
		switch fam {
		case "sh":
			return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`").Replace(value), ""
		case "php":
			return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "\n", `\n`, "\r", `\r`).Replace(value), ""
		case "apache":
			// Apache reads \" as a quote and keeps any other backslash
			if multi {
				return value, breaks
			}
			if strings.Contains(value, `\`) {
				return value, "holds a backslash, which Apache would read as an escape"
			}
			return strings.ReplaceAll(value, `"`, `\"`), ""
		case "nginx":
			if multi {
				return value, breaks
			}
			if strings.Contains(value, "$") {
				return value, nginxDollar
			}
		case "ini":
			if multi {
				return value, breaks
			}
		}
		return escapeC(value, '"'), ""
	case triple2:
		return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(value), ""
	case triple1:
		if fam == "toml" {
			if strings.Contains(value, "'''") {
				return value, "holds ''', which would end this TOML string"
			}
			return value, ""
		}
		return strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(value), ""
	}
	if multi && !alone && fam != "html" && fam != "xml" && lang != "markdown" && lang != "md" {
		return value, breaks
	}
	switch fam {
	case "html", "xml":
		return html.EscapeString(value), ""
	case "sh":
		if value != "" && strings.ContainsAny(value, " \t\n'\"\\$`;&|<>(){}*?[]#~!") {
			return "'" + strings.ReplaceAll(value, "'", `'\''`) + "'", ""
		}
	case "nginx":
		if strings.ContainsAny(value, " \t;{}#\"'\\") {
			return value, "holds a space, quote, backslash, ';', '{', '}' or '#', which would break this nginx directive: quote it in the tutorial"
		}
		if strings.Contains(value, "$") {
			return value, nginxDollar
		}
	case "apache":
		if strings.ContainsAny(value, " \t\"\\") {
			return value, "holds a space, a quote or a backslash, which would break this Apache directive: quote it in the tutorial"
		}
	case "yaml":
		if t := strings.TrimRight(line, " \t"); alone || strings.HasSuffix(t, ":") || strings.HasSuffix(t, "-") || strings.HasSuffix(t, "[") || strings.HasSuffix(t, ",") || strings.HasSuffix(t, "{") {
			// the whole scalar: quote it when it would not read back
			if value == "" || yamlNeedsQuotes(value) {
				return "'" + strings.ReplaceAll(value, "'", "''") + "'", ""
			}
		} else if multi || strings.Contains(value, ": ") || strings.Contains(value, " #") || strings.HasSuffix(value, ":") {
			return value, "holds \": \" or \" #\", which would break this YAML scalar: quote it in the tutorial"
		}
	case "python":
		// an expression: a number, a name, True, settings.X
		if value == "" || strings.IndexFunc(value, func(r rune) bool {
			return !(r == '_' || r == '.' || r == '+' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r))
		}) >= 0 {
			return value, "is not a Python number or name, which this line needs: quote it in the tutorial"
		}
	}
	return value, ""
}

// quoteSystemd quotes a value for a systemd unit: "%" is a specifier
// ("%%" for itself); in Exec lines "$" expands a variable ("$$"); quotes
// and backslashes are C-like inside quotes, and outside them a space,
// quote or backslash would split or break the setting.
func quoteSystemd(value string, ctx context, line string) (string, string) {
	if strings.ContainsAny(value, "\n\r") {
		return value, "holds a line break, which would break this line"
	}
	v := strings.ReplaceAll(value, "%", "%%")
	if strings.HasPrefix(strings.TrimSpace(line), "Exec") {
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

const nginxDollar = "holds '$', which nginx would read as the start of a variable"

// quotePython escapes a value for a Python string literal of the given
// context and prefix: raw strings take the value as it is when they can,
// f-strings double the braces.
func quotePython(value string, ctx context, prefix string) (string, string) {
	raw := strings.Contains(prefix, "r")
	quote := map[context]string{single: "'", double: `"`, triple1: "'''", triple2: `"""`}[ctx]
	if strings.Contains(prefix, "b") {
		return quotePythonBytes(value, quote, raw)
	}
	if raw {
		trailing := len(value) - len(strings.TrimRight(value, `\`))
		switch {
		case strings.Contains(value, quote[:1]) || trailing%2 == 1:
			return value, "holds a quote or ends with a backslash, which a raw Python string cannot hold"
		case len(quote) == 1 && strings.ContainsAny(value, "\n\r"):
			return value, "holds a line break, which would break this line"
		}
	} else if len(quote) == 1 {
		value = escapeC(value, quote[0])
	} else {
		value = strings.NewReplacer(`\`, `\\`, quote[:1], `\`+quote[:1]).Replace(value)
	}
	if strings.Contains(prefix, "f") {
		value = strings.NewReplacer("{", "{{", "}", "}}").Replace(value)
	}
	return value, ""
}

// quotePythonBytes escapes a value for a Python bytes literal, which
// holds ASCII only: other bytes and control characters as \xNN; a raw one
// cannot escape them.
func quotePythonBytes(value, quote string, raw bool) (string, string) {
	var b strings.Builder
	for i := 0; i < len(value); i++ {
		c := value[i]
		plain := c >= 0x20 && c < 0x7f
		if raw {
			if !plain && !(len(quote) == 3 && (c == '\n' || c == '\t')) {
				return value, "holds a character other than printable ASCII, which a raw Python bytes literal cannot hold"
			}
			continue
		}
		switch {
		case c == '\\' || c == quote[0]:
			b.WriteByte('\\')
			b.WriteByte(c)
		case plain:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, `\x%02x`, c)
		}
	}
	if raw {
		trailing := len(value) - len(strings.TrimRight(value, `\`))
		if strings.Contains(value, quote[:1]) || trailing%2 == 1 {
			return value, "holds a quote or ends with a backslash, which a raw Python string cannot hold"
		}
		return value, ""
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
func escapeC(value string, quote byte) string {
	var b strings.Builder
	for i := 0; i < len(value); i++ {
		switch c := value[i]; {
		case c == '\\' || c == quote:
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
