package generator

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/internal/txtar"
	"github.com/tailordocs/tailor/snippets/manifest"
)

// TestFormatsAgree builds one tutorial written in reStructuredText and in
// Markdown: for every client, both give the same files, directories,
// links, modes and contents.
func TestFormatsAgree(t *testing.T) {
	data, err := os.ReadFile("testdata/formats/both.txtar")
	if err != nil {
		t.Fatal(err)
	}
	ar := txtar.Parse(data)
	build := func(format string) map[string]*Result {
		fsys := afero.NewMemMapFs()
		for _, f := range ar.Files {
			name := f.Name
			switch {
			case strings.HasPrefix(name, format+"/"):
				name = strings.TrimPrefix(name, format+"/")
			case strings.HasPrefix(name, "clients/"):
			default:
				continue
			}
			afero.WriteFile(fsys, path.Join("/p", name), f.Data, 0o644)
		}
		proj, diags := Load(fsys, "/p")
		if proj == nil || diags.HasErrors() {
			t.Fatalf("%s: %v", format, diags)
		}
		run := proj.Build(Options{DryRun: true})
		if run.Failed() {
			t.Fatalf("%s: %v", format, run.Diags)
		}
		out := map[string]*Result{}
		for _, c := range run.Clients {
			if c.Failed() {
				t.Fatalf("%s %s: %v", format, c.Client, c.Diags)
			}
			out[c.Client] = c
		}
		return out
	}
	rst, md := build("rst"), build("md")
	for _, client := range []string{"plain", "tls"} {
		r, m := rst[client], md[client]
		if r == nil || m == nil {
			t.Fatalf("client %s missing", client)
		}
		if got, want := installable(t, m), installable(t, r); got != want {
			t.Errorf("%s: Markdown gives\n%s\nreST gives\n%s", client, got, want)
		}
	}
	if !strings.Contains(installable(t, rst["tls"]), "/etc/nginx/snippets/tls.example-tls.conf") {
		t.Error("the conditional file is missing for the tls client")
	}
	if strings.Contains(installable(t, rst["plain"]), "-tls.conf") {
		t.Error("the conditional file is there for a client without the tag")
	}
}

// installable describes a client's files, with the manifest's sources
// left out (their pages and lines differ between formats).
func installable(t *testing.T, r *Result) string {
	var m manifest.Manifest
	if err := json.Unmarshal(r.Files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	for i := range m.Files {
		m.Files[i].Sources = nil
	}
	js, _ := json.MarshalIndent(m, "", " ")
	var b bytes.Buffer
	b.Write(js)
	b.WriteByte('\n')
	var names []string
	for name := range r.Files {
		if strings.HasPrefix(name, "rootfs/") || strings.HasPrefix(name, "fragments/") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		b.WriteString("== " + name + "\n")
		b.Write(r.Files[name])
	}
	return b.String()
}
