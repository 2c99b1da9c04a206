package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"
)

// BenchmarkLoadExample reads and parses the bundled example once.
func BenchmarkLoadExample(b *testing.B) {
	base := afero.NewReadOnlyFs(afero.NewBasePathFs(afero.NewOsFs(), ".."))
	mem := afero.NewMemMapFs()
	copyTree(b, base, mem, "/")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if p, _ := Load(mem, "/"); p == nil {
			b.Fatal("load failed")
		}
	}
}

// BenchmarkBuildClient builds the whole example (site, source, files,
// manifest, install.sh) for one client, in memory.
func BenchmarkBuildClient(b *testing.B) {
	base := afero.NewReadOnlyFs(afero.NewBasePathFs(afero.NewOsFs(), ".."))
	mem := afero.NewMemMapFs()
	copyTree(b, base, mem, "/")
	afero.WriteFile(mem, "/clients/.tailor-state/acme.toml", []byte("SECRET_KEY = \"k\"\n"), 0o600)
	p, diags := Load(mem, "/")
	if p == nil {
		b.Fatal(diags)
	}
	opts := Options{Values: []string{"/clients/acme.toml"}, DryRun: true}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if run := p.Build(opts); run.Failed() {
			b.Fatal(run.Clients[0].Diags)
		}
	}
}

// BenchmarkManyClients builds 100 clients of a small tutorial in memory.
func BenchmarkManyClients(b *testing.B) {
	fsys := manyClients(b, 100)
	p, _ := Load(fsys, "/p")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Build(Options{Getenv: envFor(100), DryRun: true})
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/100, "µs/client")
}

func copyTree(tb testing.TB, from, to afero.Fs, root string) {
	tb.Helper()
	for _, dir := range []string{"tutorial", "clients"} {
		err := afero.Walk(from, root+dir, func(p string, info os.FileInfo, err error) error {
			if err == nil && info.IsDir() && info.Name() == ".tailor-state" {
				return filepath.SkipDir // the state a build of the example left, not part of it
			}
			if err != nil || info.IsDir() {
				return err
			}
			data, err := afero.ReadFile(from, p)
			if err != nil {
				return err
			}
			return afero.WriteFile(to, p, data, 0o644)
		})
		if err != nil {
			tb.Fatal(fmt.Errorf("copying %s: %w", dir, err))
		}
	}
	data, err := afero.ReadFile(from, root+ConfigFile)
	if err != nil {
		tb.Fatal(err)
	}
	afero.WriteFile(to, root+ConfigFile, data, 0o644)
}
