package values

import (
	"sort"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
)

// FromMap returns the values of client given in memory: m maps placeholder
// names to values, written as in a values file ("$DJANGO_PROJECT" uses
// another value, "$$" is a dollar of the value itself). Declarations in
// opts add defaults, patterns and secrecy as they do for Load; a declared
// generated value is made anew on each call, since nothing keeps it: give
// it in m to keep it. Set Tags on the result to select conditional content.
//
// The diagnostics name "values of CLIENT" where Load would name the
// values file; they never include a secret value. FromMap returns nil
// Values when the client's name cannot name an output directory.
func FromMap(client string, m map[string]string, opts Options) (*Values, content.Diagnostics) {
	var diags content.Diagnostics
	where := content.Position{Filename: "values of " + client}
	if err := CheckClientName(client); err != nil {
		diags.Errorf(where, "%v", err)
		return nil, diags
	}
	v := &Values{
		Client: client,
		vals:   map[string]*Value{},
		keyPos: map[string]content.Position{},
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	raw := map[string]*Value{}
	for _, k := range keys {
		if !placeholder.IsName(k) {
			diags.Errorf(where, "%q is not a placeholder name: names start with an upper-case letter and hold letters, digits and _", k)
			continue
		}
		v.keyPos[k] = where
		raw[k] = &Value{Name: k, Text: m[k], Source: FromFile, Pos: where}
	}
	v.complete(raw, nil, "", opts, func(string, bool) content.Position { return where }, &diags)
	diags.Sort()
	return v, diags
}
