package generator

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

var updateSums = flag.Bool("update-sums", false, "rewrite testdata/outputs.sum from the current build")

const outputsSum = "testdata/outputs.sum"

// TestOutputsUnchanged builds the bundled example, every tutorial of
// testdata/sweep and a synthetic tutorial with tables, secrets and many
// placeholders, and compares a digest of every output file (site
// included) with testdata/outputs.sum. A change that should leave the
// output alone (a faster path, a refactoring) must keep this test green;
// one that means to change the output rewrites the sums with
// -update-sums, and the diff of the sums shows which files changed.
func TestOutputsUnchanged(t *testing.T) {
	var lines []string
	add := func(project string, fsys afero.Fs, root string, opts Options) {
		t.Helper()
		p, diags := Load(fsys, root)
		if p == nil {
			t.Fatalf("%s: %v", project, diags)
		}
		opts.Out = "/sum-out"
		opts.Jobs = 1
		run := p.Build(opts)
		for _, c := range run.Clients {
			lines = append(lines, fmt.Sprintf("%s %s diagnostics %d", project, c.Client, len(c.Diags)))
		}
		afero.Walk(fsys, "/sum-out", func(name string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return err
			}
			data, err := afero.ReadFile(fsys, name)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, fmt.Sprintf("%s %s %x", project, strings.TrimPrefix(name, "/sum-out/"), sha256.Sum256(data)))
			return nil
		})
	}

	example := afero.NewMemMapFs()
	copyTree(t, afero.NewReadOnlyFs(afero.NewBasePathFs(afero.NewOsFs(), "..")), example, "/")
	afero.WriteFile(example, "/clients/.tailor-state/acme.toml", []byte("SECRET_KEY = \"k-fixed-for-the-sums\"\n"), 0o600)
	afero.WriteFile(example, "/clients/.tailor-state/globex.toml", []byte("SECRET_KEY = \"g-fixed-for-the-sums\"\n"), 0o600)
	add("example", example, "/", Options{Getenv: func(k string) (string, bool) { return "env-" + k, true }})

	cases, err := filepath.Glob(filepath.Join(sweepDir, "*", "values.toml"))
	if err != nil || len(cases) == 0 {
		t.Fatal("no sweep cases", err)
	}
	for _, values := range cases {
		dir := filepath.Dir(values)
		fsys := afero.NewMemMapFs()
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() || e.Name() == "expected.json" || e.Name() == "CASE.txt" {
				continue
			}
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			name := path.Join("/p", e.Name())
			if e.Name() == "values.toml" {
				name = "/p/clients/client.toml"
			}
			afero.WriteFile(fsys, name, data, 0o644)
		}
		afero.WriteFile(fsys, "/p/tailor.toml", []byte("title = \"Sweep\"\n"), 0o644)
		add("sweep/"+filepath.Base(dir), fsys, "/p", Options{})
	}

	add("scale", scaleProject(t, scale{pages: 3, blocks: 4, names: 30, rows: 20}), "/p", Options{})

	sort.Strings(lines)
	got := []byte(strings.Join(lines, "\n") + "\n")
	if *updateSums {
		if err := os.WriteFile(outputsSum, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(outputsSum)
	if err != nil {
		t.Fatalf("%v (run go test -run TestOutputsUnchanged -update-sums)", err)
	}
	if !bytes.Equal(got, want) {
		wantLines := map[string]bool{}
		for _, l := range strings.Split(string(want), "\n") {
			wantLines[l] = true
		}
		var changed []string
		for _, l := range lines {
			if !wantLines[l] {
				changed = append(changed, l)
			}
		}
		if len(changed) > 20 {
			changed = append(changed[:20], "...")
		}
		t.Errorf("outputs differ from %s; new or changed:\n%s", outputsSum, strings.Join(changed, "\n"))
	}
}
