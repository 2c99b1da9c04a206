package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/internal/txtar"
)

// FuzzPipeline runs a page of any text through the whole build (reading,
// planning, rendering the site, the source and the files) for one client:
// no internal error, and every output path stays in the client's
// directory.
func FuzzPipeline(f *testing.F) {
	cases, _ := filepath.Glob("testdata/build/*.txtar")
	for _, c := range cases {
		data, err := os.ReadFile(c)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range txtar.Parse(data).Files {
			if strings.HasSuffix(file.Name, ".rst") {
				f.Add(string(file.Data), true)
			} else if strings.HasSuffix(file.Name, ".md") {
				f.Add(string(file.Data), false)
			}
		}
	}
	f.Fuzz(func(t *testing.T, page string, isRST bool) {
		fsys := afero.NewMemMapFs()
		name := "/p/page.md"
		if isRST {
			name = "/p/page.rst"
		}
		afero.WriteFile(fsys, name, []byte(page), 0o644)
		afero.WriteFile(fsys, "/p/clients/c.toml", []byte("DOMAIN = \"a.example\"\nPROJECT = \"../x\"\nRELAY_PASSWORD = \"pw-secret-123\"\n"), 0o644)
		p, _ := Load(fsys, "/p")
		if p == nil {
			return
		}
		run := p.Build(Options{DryRun: true})
		for _, c := range run.Clients {
			for _, d := range c.Diags {
				if strings.Contains(d.Msg, "internal error") {
					t.Fatalf("%s", d)
				}
			}
			for name := range c.Files {
				if !isLocal(name) {
					t.Fatalf("output path %q leaves the client's directory", name)
				}
				if (strings.HasPrefix(name, "site/") || strings.HasPrefix(name, "source/")) && strings.Contains(string(c.Files[name]), "pw-secret-123") && !strings.Contains(page, "pw-secret-123") {
					t.Fatalf("the secret shows in %s", name)
				}
			}
		}
	})
}
