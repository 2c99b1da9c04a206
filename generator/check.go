package generator

import (
	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder/check"
	"github.com/tailordocs/tailor/values"
)

// A sourceFile is one file of the tutorial with the blocks read from it:
// a page, or a file that a page includes.
type sourceFile = content.Source

// undefined reports the placeholders that have no value for the client
// of vals, who sees the pages as t does; names in set (the values file
// sets them, if wrongly) are not reported. See check.Undefined.
func (p *Project) undefined(t *tagged, vals *values.Values, set map[string]bool) content.Diagnostics {
	return check.Undefined(p.Pages, &check.Client{
		Tags:     t.tags,
		Plan:     t.plan,
		Values:   vals,
		Ignore:   p.Ignore,
		Declared: p.declared(),
		Set:      set,
		Config:   ConfigFile,
	})
}
