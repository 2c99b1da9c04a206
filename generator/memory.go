package generator

import (
	"encoding/json"
	"runtime"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder/check"
	"github.com/tailordocs/tailor/snippets/manifest"
	"github.com/tailordocs/tailor/values"
)

// ManifestSchema is the version of the format of manifest.json, which the
// file gives as its "schema" member. It changes only when a program that
// reads the file would have to change.
const ManifestSchema = 1

// manifestJSON is manifest.json: the manifest's own indented JSON, with
// the version of its format as its first member.
func manifestJSON(m *manifest.Manifest) []byte {
	b := m.JSON() // "{\n  \"client\": ..."
	return append([]byte("{\n  \"schema\": 1,"), b[1:]...)
}

// Values returns a client's values given in memory, read with the
// project's placeholder declarations and ignored names: m maps
// placeholder names to values, written as in a values file. See
// values.FromMap.
func (p *Project) Values(client string, m map[string]string) (*values.Values, content.Diagnostics) {
	return values.FromMap(client, m, values.Options{Decls: p.Decls, Ignore: p.Ignore, PlainUses: p.plainUses})
}

// BuildValues builds one client from its values (from Project.Values,
// values.FromMap or Project.LoadValues) and writes nothing: the Result's
// Files hold every output file, by its path in the client's output
// directory ("site/index.html", "rootfs/etc/postfix/main.cf",
// "manifest.json", "install.sh"). Its Diags hold the client's diagnostics
// and the tutorial's own; when it Failed, Files is nil.
//
// Generated values that the values hold are used as they are; nothing
// keeps them for a later build. Nil values are an error. BuildValues is
// safe for concurrent use.
func (p *Project) BuildValues(vals *values.Values) (r *Result) {
	if vals == nil {
		r = &Result{}
		r.Diags.Errorf(content.Position{Filename: p.Dir}, "no values to build with")
		return r
	}
	r = &Result{Client: vals.Client, Values: vals.File}
	defer func() {
		if e := recover(); e != nil {
			r.Diags.Errorf(content.Position{Filename: vals.File}, "internal error while building this client: %v", e)
			r.Files, r.Modes = nil, nil
		}
		// no message shows a secret, whatever path or file it quotes
		secrets := longestFirst(vals.Secrets())
		for i := range r.Diags {
			r.Diags[i].Msg = maskSecrets(r.Diags[i].Msg, secrets)
		}
		r.Diags.Sort()
	}()
	var ps plans
	p.buildValues(r, vals, nil, &ps, false, runtime.GOMAXPROCS(0))
	for _, t := range ps.m {
		r.Diags.Append(t.diags)
	}
	r.Diags.Append(check.NearMisses(p.Pages, p.declared()))
	return r
}

// Manifest returns the client's manifest.json, decoded: every file,
// directory and link the tutorial makes on the system, with its mode,
// owner and the code blocks it comes from. It is nil when the build
// failed.
func (r *Result) Manifest() *manifest.Manifest {
	data, ok := r.Files["manifest.json"]
	if !ok {
		return nil
	}
	var m manifest.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil // tailor wrote it: it is valid JSON
	}
	return &m
}
