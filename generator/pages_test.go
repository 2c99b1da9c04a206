package generator

import (
	"encoding/json"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/internal/htmlcheck"
)

// TestSitePages checks every page of the example's sites, and of the
// django-book corpus's when ../shared is there: well-formed HTML, unique
// ids, no link to a file or an anchor the site lacks, and nothing loaded
// from elsewhere.
func TestSitePages(t *testing.T) {
	t.Run("example", func(t *testing.T) {
		p, diags := Load(afero.NewOsFs(), "..")
		if p == nil || diags.HasErrors() {
			t.Fatal(diags)
		}
		checkPages(t, p, nil)
	})
	t.Run("django-book", func(t *testing.T) {
		dir := filepath.Join(shared, "corpus", "django-book")
		data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
		if err != nil {
			t.Skipf("no corpus beside the project: %v", err)
		}
		var exp struct{ Values string }
		if err := json.Unmarshal(data, &exp); err != nil {
			t.Fatal(err)
		}
		fsys := afero.NewMemMapFs()
		mirror(t, dir, fsys, "/book")
		p, diags := Load(fsys, "/book")
		if p == nil || diags.HasErrors() {
			t.Fatal(diags)
		}
		checkPages(t, p, []string{"/book/" + exp.Values})
	})
}

// checkPages builds p for the values files and checks each client's site.
func checkPages(t *testing.T, p *Project, values []string) {
	t.Helper()
	run := p.Build(Options{Values: values, DryRun: true})
	if run.Failed() || len(run.Clients) == 0 {
		t.Fatalf("the build failed: %v", run.Diags)
	}
	for _, c := range run.Clients {
		files := map[string][]byte{}
		for name, data := range c.Files {
			if rest, ok := strings.CutPrefix(name, "site/"); ok {
				files[rest] = data
			}
		}
		// Images the tutorial names but does not hold show their
		// alternative text, and the build warns about them: they are
		// the tutorial's to fix.
		pages, _ := htmlcheck.Site(files, nil)
		var absent []string
		for name, pg := range pages {
			for _, src := range pg.Srcs {
				if u, err := url.Parse(src); err == nil && u.Scheme == "" && u.Host == "" {
					target := path.Join(path.Dir(name), u.Path)
					_, inSite := files[target]
					if _, err := p.Fs.Stat(path.Join(p.Dir, p.Content, target)); !inSite && err != nil && !slices.Contains(absent, target) {
						absent = append(absent, target)
					}
				}
			}
		}
		sort.Strings(absent)
		if len(absent) > 0 {
			t.Logf("%s: images the tutorial lacks: %q", c.Client, absent)
		}
		pages, problems := htmlcheck.Site(files, absent)
		for _, pr := range problems {
			t.Errorf("%s: %s", c.Client, pr)
		}
		if len(pages) < 3 {
			t.Errorf("%s: only %d pages", c.Client, len(pages))
		}
		for name, pg := range pages {
			for _, r := range pg.Resources {
				if u, err := url.Parse(r); err != nil || u.Scheme != "" || u.Host != "" {
					t.Errorf("%s: %s loads %q from outside the site", c.Client, name, r)
				}
			}
		}
	}
}
