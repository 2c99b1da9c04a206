package generator

import (
	"bytes"
	"flag"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/build")

// TestBuildGolden builds each project of testdata/build/*.txtar in memory
// and compares the outputs with the archive's want/ files:
//
//	-- tailor.toml --, -- page.rst --, -- clients/acme.toml --   the project
//	-- env --                 KEY=VALUE lines seen by { env = "KEY" }
//	-- want/diagnostics --    every diagnostic, client ones prefixed "[client] "
//	-- want/acme/manifest.json --, -- want/acme/rootfs/... --   outputs
//
// Every output outside site/ must have its want file; site/ files are
// compared when the archive lists them.
func TestBuildGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/build/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatal("no test cases", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ar := txtar.Parse(data)
			fsys := afero.NewMemMapFs()
			env := map[string]string{}
			for _, f := range ar.Files {
				switch {
				case f.Name == "env":
					for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
						if k, v, ok := strings.Cut(line, "="); ok {
							env[k] = v
						}
					}
				case strings.HasPrefix(f.Name, "want/"):
				default:
					mode := os.FileMode(0o644)
					if strings.Contains(f.Name, "/.tailor-state/") {
						mode = 0o600 // as tailor keeps them
					}
					if err := afero.WriteFile(fsys, path.Join("/proj", f.Name), f.Data, mode); err != nil {
						t.Fatal(err)
					}
				}
			}
			got := buildOutputs(t, fsys, env)
			if *update {
				var keep []txtar.File
				for _, f := range ar.Files {
					if !strings.HasPrefix(f.Name, "want/") {
						keep = append(keep, f)
					}
				}
				names := make([]string, 0, len(got))
				for name := range got {
					_, listed := ar.Get(name)
					if (strings.Contains(name, "/site/") || strings.HasSuffix(name, "/install.sh")) && !listed {
						continue
					}
					names = append(names, name)
				}
				sort.Strings(names)
				for _, name := range names {
					keep = append(keep, txtar.File{Name: name, Data: got[name]})
				}
				ar.Files = keep
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, f := range ar.Files {
				if !strings.HasPrefix(f.Name, "want/") {
					continue
				}
				g, ok := got[f.Name]
				if !ok {
					t.Errorf("%s: not made", f.Name)
					continue
				}
				if !bytes.Equal(g, f.Data) {
					t.Errorf("%s differs:\n--- got\n%s--- want\n%s", f.Name, g, f.Data)
				}
			}
			for name := range got {
				if _, ok := ar.Get(name); !ok && !strings.Contains(name, "/site/") && !strings.HasSuffix(name, "/install.sh") {
					t.Errorf("%s: made but not expected:\n%s", name, got[name])
				}
			}
		})
	}
}

// buildOutputs builds the project at /proj into /out and returns every
// output file as "want/CLIENT/PATH", plus "want/diagnostics".
func buildOutputs(t *testing.T, fsys afero.Fs, env map[string]string) map[string][]byte {
	t.Helper()
	got := map[string][]byte{}
	var diag strings.Builder
	proj, diags := Load(fsys, "/proj")
	for _, d := range diags {
		diag.WriteString(d.String() + "\n")
	}
	if proj != nil {
		run := proj.Build(Options{
			Out:    "/out",
			Getenv: func(k string) (string, bool) { v, ok := env[k]; return v, ok },
		})
		for _, d := range run.Diags {
			diag.WriteString(d.String() + "\n")
		}
		for _, c := range run.Clients {
			for _, d := range c.Diags {
				diag.WriteString("[" + c.Client + "] " + d.String() + "\n")
			}
		}
	}
	got["want/diagnostics"] = []byte(diag.String())
	afero.Walk(fsys, "/out", func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			t.Fatal(err)
		}
		got["want/"+strings.TrimPrefix(p, "/out/")] = data
		return nil
	})
	return got
}
