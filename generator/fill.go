package generator

import (
	"fmt"
	"html"
	"strings"

	"tailor/content"
	"tailor/placeholder"
	"tailor/site"
	"tailor/values"
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
		ctx := quoteContext(s[:r.Start], lang)
		alone := strings.TrimSpace(s) == s[r.Start:r.End]
		text, err := quoteFor(v.Text, ctx, lang, alone)
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

// A quoting context: where in a line a placeholder is.
type context int

const (
	bare   context = iota // outside quotes
	single                // inside '...'
	double                // inside "..."
	triple                // inside a Python triple-quoted string
)

// quoteContext says whether the end of prefix is inside a quoted string,
// for the languages whose strings tailor knows.
func quoteContext(prefix, lang string) context {
	switch lang {
	case "python", "py", "python3", "sh", "bash", "shell", "zsh", "ini", "nginx", "apache", "apacheconf",
		"systemd", "yaml", "yml", "toml", "json", "javascript", "js", "php", "conf", "cfg", "dosini", "django":
	default:
		return bare
	}
	ctx := bare
	for i := 0; i < len(prefix); i++ {
		c := prefix[i]
		switch ctx {
		case bare:
			switch {
			case c == '#' && lang != "json" && lang != "javascript" && lang != "js":
				return bare // a comment: nothing to break
			case c == '\\' && lang != "ini" && lang != "systemd":
				i++
			case strings.HasPrefix(prefix[i:], `"""`) || strings.HasPrefix(prefix[i:], `'''`):
				if lang == "python" || lang == "py" || lang == "python3" || lang == "toml" {
					ctx = triple
					i += 2
				} else if c == '"' {
					ctx = double
				} else {
					ctx = single
				}
			case c == '\'':
				if lang == "ini" || lang == "systemd" || lang == "dosini" {
					continue // apostrophes are plain text there
				}
				ctx = single
			case c == '"':
				ctx = double
			}
		case single:
			if c == '\\' && lang != "sh" && lang != "bash" && lang != "shell" && lang != "zsh" {
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
		case triple:
			if strings.HasPrefix(prefix[i:], `"""`) || strings.HasPrefix(prefix[i:], `'''`) {
				ctx = bare
				i += 2
			}
		}
	}
	return ctx
}

// quoteFor returns value escaped for its context, or a reason it cannot go
// there (never quoting the value itself, which may be secret).
func quoteFor(value string, ctx context, lang string, alone bool) (string, string) {
	shell := lang == "sh" || lang == "bash" || lang == "shell" || lang == "zsh"
	multi := strings.ContainsAny(value, "\n\r")
	switch ctx {
	case single:
		if shell {
			return strings.ReplaceAll(value, "'", `'\''`), ""
		}
		if lang == "yaml" || lang == "yml" {
			if multi {
				return value, "holds a line break, which would break this quoted string"
			}
			return strings.ReplaceAll(value, "'", "''"), ""
		}
		if lang == "toml" && (strings.ContainsRune(value, '\'') || multi) {
			return value, "holds a quote or a line break, which a TOML literal string cannot hold"
		}
		return escapeBackslash(value, '\''), ""
	case double:
		if shell {
			r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`")
			return r.Replace(value), ""
		}
		if lang == "ini" || lang == "systemd" || lang == "dosini" || lang == "apache" || lang == "apacheconf" || lang == "nginx" {
			if multi {
				return value, "holds a line break, which would break this line"
			}
		}
		return escapeBackslash(value, '"'), ""
	case triple:
		return strings.ReplaceAll(value, `\`, `\\`), ""
	}
	if multi && !alone {
		switch lang {
		case "html", "xml", "markdown", "md", "text", "":
		default:
			return value, "holds a line break, which would break this line"
		}
	}
	switch lang {
	case "html", "xml":
		return html.EscapeString(value), ""
	case "sh", "bash", "shell", "zsh":
		if value != "" && strings.ContainsAny(value, " \t\n'\"\\$`;&|<>(){}*?[]#~!") {
			return "'" + strings.ReplaceAll(value, "'", `'\''`) + "'", ""
		}
	case "nginx":
		if strings.ContainsAny(value, " \t;{}#\"'") {
			return value, "holds a space, quote, ';', '{', '}' or '#', which would break this nginx directive: quote it in the tutorial"
		}
	case "apache", "apacheconf":
		if strings.ContainsAny(value, " \t\"") {
			return value, "holds a space or a quote, which would break this Apache directive: quote it in the tutorial"
		}
	}
	return value, ""
}

// escapeBackslash escapes backslashes, the quote character and line breaks
// for a C-like quoted string.
func escapeBackslash(value string, quote byte) string {
	var b strings.Builder
	for i := 0; i < len(value); i++ {
		switch c := value[i]; c {
		case '\\', quote:
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
