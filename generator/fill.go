package generator

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/site"
	"github.com/tailordocs/tailor/snippets/quote"
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
	near   *placeholder.Suggester
}

func newFiller(v *values.Values, ignore map[string]bool) *filler {
	names := v.Names()
	return &filler{vals: v, ignore: ignore, near: placeholder.NewSuggester(names)}
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
	// the values first, to size the text and the spans once (a secret's
	// mask is made again below rather than kept: kept, it would be
	// allocated; made and written at once, it stays on the stack)
	vals := make([]*values.Value, len(refs))
	size, n := len(s), 0
	for i, r := range refs {
		if v := f.lookup(r.Name); v != nil {
			vals[i] = v
			size += len(docsText(v, r.Name)) - (r.End - r.Start)
			n++
		}
	}
	var b strings.Builder
	b.Grow(size)
	spans := make([]site.Filled, 0, n)
	last := 0
	for i, r := range refs {
		v := vals[i]
		if v == nil {
			continue
		}
		b.WriteString(s[last:r.Start])
		text := docsText(v, r.Name)
		start := b.Len()
		b.WriteString(text)
		spans = append(spans, site.Filled{Start: start, End: b.Len(), Name: r.Name, Secret: v.Secret})
		last = r.End
	}
	b.WriteString(s[last:])
	return b.String(), spans
}

// docsText is what the docs show of value v of name: the value, or the
// mask of a secret.
func docsText(v *values.Value, name string) string {
	if v.Secret {
		return Mask(name)
	}
	return v.Text
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
	if s := f.near.Suggest(name); s != "" {
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
	q := quote.NewLine(s, strings.ToLower(lang))
	var b strings.Builder
	secret := false
	last := 0
	col, counted := pos.Column, 0 // the column of s[counted]
	for _, r := range refs {
		v := f.lookup(r.Name)
		if v == nil {
			continue
		}
		b.WriteString(s[last:r.Start])
		text, err := q.Value(v.Text, r.Start, r.End)
		if err != "" {
			col += utf8.RuneCountInString(s[counted:r.Start])
			counted = r.Start
			p := pos
			p.Column = col
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

// DocsCode fills a code block for the docs: each value as the files get
// it (quoted for where it lands, so that what the reader copies does
// what the generated files hold), each secret masked.
func (f *filler) DocsCode(s, lang string) (string, []site.Filled) {
	if !strings.Contains(s, "$") {
		return s, nil
	}
	lines := strings.Split(s, "\n")
	langs := quote.Lines(lines, strings.ToLower(lang))
	var b strings.Builder
	var spans []site.Filled
	for i, line := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		last := 0
		var q *quote.Line
		for _, r := range placeholder.Scan(line) {
			v := f.lookup(r.Name)
			if v == nil {
				continue
			}
			b.WriteString(line[last:r.Start])
			text := Mask(r.Name)
			if !v.Secret {
				if q == nil {
					q = quote.NewLine(line, langs[i])
				}
				text, _ = q.Value(v.Text, r.Start, r.End) // what cannot go there is reported for the files
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
