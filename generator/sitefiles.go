package generator

import (
	"slices"
	"sort"
	"strings"

	"github.com/tailordocs/tailor/site"
	"github.com/tailordocs/tailor/snippets/manifest"
	"github.com/tailordocs/tailor/values"
)

// siteInstall lists what the manifest makes for the site's Files page,
// every text as the docs show it: placeholders filled, secrets masked.
func siteInstall(m *manifest.Manifest, vals *values.Values, fill *filler) *site.Install {
	// a secret that a path, owner or link target holds is masked
	// wherever it stands in them, even inside a word
	masks := slices.Clone(m.Masks)
	sort.SliceStable(masks, func(i, j int) bool { return len(masks[i].Value) > len(masks[j].Value) })
	secrets := longestFirst(vals.Secrets())
	show := func(s string) string {
		for _, mk := range masks {
			s = strings.ReplaceAll(s, mk.Value, mk.Shown)
		}
		return maskSecrets(s, secrets)
	}
	in := &site.Install{Label: show(m.Label())}
	for _, f := range m.Files {
		e := site.Installed{Kind: f.Kind, Path: show(f.Path), Mode: f.Mode, Owner: show(f.Owner), Group: show(f.Group), Secret: f.Secret}
		for _, s := range f.Sources {
			by, _ := fill.Docs(s.By)
			e.Sources = append(e.Sources, site.Source{Doc: s.Doc, Line: s.Line, Op: s.Op, By: show(by)})
		}
		in.Entries = append(in.Entries, e)
	}
	for _, d := range m.Dirs {
		in.Entries = append(in.Entries, site.Installed{Kind: "dir", Path: show(d.Path), Mode: d.Mode, Owner: show(d.Owner), Group: show(d.Group)})
	}
	for _, l := range m.Links {
		in.Entries = append(in.Entries, site.Installed{Kind: "link", Path: show(l.Path), Target: show(l.Target)})
	}
	for _, r := range m.Removed {
		e := site.Installed{Kind: "removed", Path: show(r.Path)}
		for _, s := range r.Sources {
			by, _ := fill.Docs(s.By)
			e.Sources = append(e.Sources, site.Source{Doc: s.Doc, Line: s.Line, Op: s.Op, By: show(by)})
		}
		in.Entries = append(in.Entries, e)
	}
	return in
}
