package values

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/tomlpos"
	"github.com/tailordocs/tailor/placeholder"
)

// A Decl declares a placeholder in tailor.toml:
//
//	[placeholders.DOMAIN]
//	description = "Domain the site is served on"
//	example     = "example.com"
//	pattern     = '^[a-z0-9.-]+$'
type Decl struct {
	Name        string
	Description string
	Example     string
	// Default is used when a client sets no value; it may use other
	// placeholders. nil when there is no default.
	Default *string
	// Pattern is a regular expression (Go syntax) every value must match.
	Pattern string
	// Secret, when non-nil, says whether the value is secret, overriding
	// the rules by name and source.
	Secret *bool
	// Generate makes a value on first build when the client sets none:
	// "random:N", "hex:N" or "base64:N".
	Generate string
	// Pos is the position of the declaration's table header.
	Pos content.Position

	re *regexp.Regexp
}

var declKeys = []string{"default", "description", "example", "generate", "pattern", "secret"}

// ParseDecls reads the [placeholders] table of a tailor.toml, already
// decoded into table (with github.com/BurntSushi/toml), and returns the
// declarations by name. src is the whole file, named file in messages,
// so that they give the line and column of what they are about.
func ParseDecls(table map[string]any, src []byte, file string) (map[string]*Decl, content.Diagnostics) {
	var diags content.Diagnostics
	ix := tomlpos.Index(src)
	at := func(key string, value bool) content.Position { return ix.At(file, key, value) }
	decls := map[string]*Decl{}
	names := make([]string, 0, len(table))
	for n := range table {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		key := "placeholders." + n
		if !placeholder.IsName(n) {
			diags.Errorf(at(key, false), "%q is not a placeholder name: names start with an upper-case letter and hold letters, digits and _", n)
			continue
		}
		t, ok := table[n].(map[string]any)
		if !ok {
			diags.Errorf(at(key, true), "placeholders.%s must be a table, like [placeholders.%s]", n, n)
			continue
		}
		d := &Decl{Name: n, Pos: at(key, false)}
		fields := make([]string, 0, len(t))
		for k := range t {
			fields = append(fields, k)
		}
		sort.Strings(fields)
		for _, k := range fields {
			v := t[k]
			kpos := at(key+"."+k, false)
			vpos := at(key+"."+k, true)
			str := func() (string, bool) {
				s, ok := v.(string)
				if !ok {
					diags.Errorf(vpos, "placeholders.%s.%s must be a string", n, k)
				}
				return s, ok
			}
			switch k {
			case "description":
				d.Description, _ = str()
			case "example":
				if s, ok := v.(string); ok {
					d.Example = s
				} else {
					d.Example = fmt.Sprint(v)
				}
			case "default":
				var s string
				switch x := v.(type) {
				case string:
					s = x
				case int64, bool:
					s = fmt.Sprint(x)
				default:
					diags.Errorf(vpos, "placeholders.%s.default must be a string, an integer or a boolean", n)
					continue
				}
				d.Default = &s
			case "pattern":
				s, ok := str()
				if !ok {
					continue
				}
				re, err := regexp.Compile(s)
				if err != nil {
					diags.Errorf(vpos, "placeholders.%s.pattern %q is not a valid regular expression: %s", n, s, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
					continue
				}
				d.Pattern, d.re = s, re
			case "secret":
				b, ok := v.(bool)
				if !ok {
					diags.Errorf(vpos, "placeholders.%s.secret must be true or false", n)
					continue
				}
				d.Secret = &b
			case "generate":
				s, ok := str()
				if !ok {
					continue
				}
				if _, err := generate(s, zeroReader{}); err != nil {
					diags.Errorf(vpos, "placeholders.%s.%v", n, err)
					continue
				}
				d.Generate = s
			default:
				hint := ""
				if h := placeholder.Suggest(k, declKeys); h != "" {
					hint = fmt.Sprintf(" (did you mean %s?)", h)
				}
				diags.Errorf(kpos, "unknown key %q in placeholders.%s%s; known keys: %s", k, n, hint, strings.Join(declKeys, ", "))
			}
		}
		if d.Generate != "" && d.Default != nil {
			diags.Errorf(d.Pos, "placeholders.%s has both default and generate: keep one", n)
		}
		decls[n] = d
	}
	return decls, diags
}

// zeroReader checks generate specs without drawing randomness.
type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 0
	}
	return len(p), nil
}
