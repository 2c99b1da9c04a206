package generator

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/placeholder/check"
	"github.com/tailordocs/tailor/snippets/shell"
	"github.com/tailordocs/tailor/values"
)

// Values are one client's values (see package values).
type Values = values.Values

// Skeleton returns a values file for a new client: every placeholder the
// tutorial uses or declares, with its description, example and where it
// is used, as commented TOML. Given a client's values, it lists only what
// they lack.
func (p *Project) Skeleton(have *Values) string {
	type use struct {
		where []string
	}
	uses := map[string]*use{}
	for _, sf := range content.Sources(p.Pages, nil) {
		rs := check.NewRegionIndex(check.Regions(sf, nil, nil))
		lines := lineCursor{f: sf.File}
		for _, r := range placeholder.Scan(sf.File.Text()) {
			if p.Ignore[r.Name] || values.IsBuiltin(r.Name) && p.Decls[r.Name] == nil {
				continue
			}
			if reg := rs.At(r.Start); p.Decls[r.Name] == nil && reg.Code != nil && shell.IsShell(reg.Code.Lang) && rs.ShellAssigns(reg, r.Name) {
				continue // "DUMPDIR=/var/backups" in the script: the shell's, not the client's
			}
			u := uses[r.Name]
			if u == nil {
				u = &use{}
				uses[r.Name] = u
			}
			at := fmt.Sprintf("%s:%d", sf.File.Name, lines.at(r.Start))
			if n := len(u.where); n == 0 || u.where[n-1] != at {
				u.where = append(u.where, at)
			}
		}
	}
	for n := range p.Decls {
		if uses[n] == nil {
			uses[n] = &use{}
		}
	}
	names := make([]string, 0, len(uses))
	for n := range uses {
		if have != nil {
			if _, ok := have.Get(n); ok {
				continue
			}
		}
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	if have != nil {
		if len(names) == 0 {
			fmt.Fprintf(&b, "# %s has a value for every placeholder.\n", have.File)
			return b.String()
		}
		fmt.Fprintf(&b, "# Missing from %s:\n\n", have.File)
	} else {
		title := p.Title
		if title == "" {
			title = "the tutorial"
		}
		fmt.Fprintf(&b, "# Values of one client for %s.\n# Save as clients/NAME.toml, then uncomment and fill in every value:\n# the build names those still missing.\n\n", title)
	}
	for _, n := range names {
		d := p.Decls[n]
		u := uses[n]
		if d != nil && d.Description != "" {
			fmt.Fprintf(&b, "# %s\n", d.Description)
		}
		switch len(u.where) {
		case 0:
			b.WriteString("# declared in tailor.toml, not used by the pages\n")
		default:
			shown := u.where
			more := ""
			if len(shown) > 4 {
				more = fmt.Sprintf(" and %d more", len(shown)-4)
				shown = shown[:4]
			}
			fmt.Fprintf(&b, "# used at %s%s\n", strings.Join(shown, ", "), more)
		}
		example := ""
		if d != nil {
			example = d.Example
			if d.Pattern != "" {
				fmt.Fprintf(&b, "# must match %s\n", d.Pattern)
			}
		}
		switch {
		case d != nil && d.Generate != "":
			fmt.Fprintf(&b, "# generated on the first build (%s) and kept in .tailor-state/\n# %s = \"\"\n\n", d.Generate, n)
			continue
		case d != nil && d.Default != nil:
			fmt.Fprintf(&b, "# default: %s\n# %s = %s\n\n", strconv.Quote(*d.Default), n, strconv.Quote(*d.Default))
			continue
		}
		secret := values.IsSecretName(n)
		if d != nil && d.Secret != nil {
			secret = *d.Secret
		}
		if secret {
			fmt.Fprintf(&b, "# a secret: read it from the environment or a file, or give it here:\n# %s = { env = \"%s\" }\n\n", n, n)
			continue
		}
		if example == "" {
			fmt.Fprintf(&b, "# %s = \"\"\n\n", n)
			continue
		}
		fmt.Fprintf(&b, "# %s = %s  # an example\n\n", n, strconv.Quote(example))
	}
	if tags := p.tagNames(); have == nil && len(tags) > 0 {
		fmt.Fprintf(&b, "# Tags choose the tutorial's conditional content; it uses %s.\n# tags = []\n", strings.Join(tags, ", "))
	}
	return b.String()
}

// tagNames returns the tags the pages' conditional content names, but
// for Sphinx's builder tags, sorted.
func (p *Project) tagNames() []string {
	seen := map[string]bool{}
	for _, sf := range content.Sources(p.Pages, nil) {
		content.Walk(sf.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
			if o, ok := b.(*content.Only); ok {
				if e, err := content.ParseTagExpr(o.Expr); err == nil {
					for _, n := range e.Names() {
						if !sphinxBuilderTag(n) && !slices.Contains(values.BuilderTags, n) {
							seen[n] = true
						}
					}
				}
			}
			return true
		})
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
