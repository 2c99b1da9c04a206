package site

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/txtar"
	"github.com/tailordocs/tailor/placeholder"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testValues are the values the test Fill gives placeholders. Names that
// contain PASSWORD, SECRET or TOKEN or end in _KEY are secrets.
var testValues = map[string]string{
	"DOMAIN":         "acme.example",
	"DJANGO_PROJECT": "shop",
	"DJANGO_USER":    "shopuser",
	"SERVER_IP":      "192.0.2.7",
	"ADMIN_EMAIL":    "ops@acme.example",
	"TAGLINE":        `Fast & <safe> "shop"`,
	"DB_PASSWORD":    "hunter2-correct-horse",
	"SECRET_KEY":     "k3y-7f9a-2b1c-secret",
	"API_TOKEN":      "tok-55aa-77bb",
}

// secretMask is what the test Fill shows instead of a secret.
const secretMask = "••••••"

func isSecret(name string) bool {
	return strings.Contains(name, "PASSWORD") || strings.Contains(name, "SECRET") ||
		strings.Contains(name, "TOKEN") || strings.HasSuffix(name, "_KEY")
}

// testFill replaces the placeholders of testValues and masks secrets,
// as the generator's Fill does.
func testFill(_ content.Node, s string) (string, []Filled) {
	refs := placeholder.Scan(s)
	if len(refs) == 0 {
		return s, nil
	}
	var b strings.Builder
	var fl []Filled
	last := 0
	for _, r := range refs {
		v, ok := testValues[r.Name]
		if !ok {
			continue
		}
		secret := isSecret(r.Name)
		if secret {
			v = secretMask
		}
		b.WriteString(s[last:r.Start])
		fl = append(fl, Filled{Start: b.Len(), End: b.Len() + len(v), Name: r.Name, Secret: secret})
		b.WriteString(v)
		last = r.End
	}
	b.WriteString(s[last:])
	return b.String(), fl
}

// testNote is a Note that shows a code block's tailor annotation.
func testNote(c *content.Code) string {
	if c.Annotation == nil {
		return ""
	}
	op, _ := c.Annotation.Get("op")
	file, _ := c.Annotation.Get("file")
	return op + " " + file
}

// parseOptions reads the "options" file of a golden case: "key: value"
// lines for title, client, lang, highlight (the highlight language), fill
// (values or none) and note (on).
func parseOptions(t *testing.T, data []byte) Options {
	var o Options
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("options: bad line %q", line)
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "title":
			o.Title = v
		case "client":
			o.Client = v
		case "lang":
			o.Lang = v
		case "highlight":
			o.HighlightLanguage = v
		case "fill":
			if v == "values" {
				o.Fill = testFill
			}
		case "note":
			if v == "on" {
				o.Note = testNote
			}
		default:
			t.Fatalf("options: unknown key %q", k)
		}
	}
	return o
}

// TestGolden builds each case of testdata/*.txtar and compares every
// HTML page, the assets and the diagnostics with the files under want/.
// The tree/ files list the input trees; positions in diagnostics refer
// to their lines.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			mk, ok := goldenCases[name]
			if !ok {
				t.Fatalf("no tree for %s in goldenCases", file)
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(data)
			optData, _ := a.Get("options")
			opts := parseOptions(t, optData)
			pages := mk()
			s, diags := Build(pages, opts)

			got := map[string][]byte{}
			var names []string
			add := func(name string, data []byte) {
				got[name] = data
				names = append(names, name)
			}
			for _, p := range pages {
				if p.Doc != nil && p.Doc.File != nil {
					add("tree/"+p.Doc.File.Name, p.Doc.File.Src)
				}
				for _, inc := range includes(p.Doc) {
					add("tree/"+inc.Name, inc.Src)
				}
			}
			for _, f := range s.Files {
				if strings.HasSuffix(f.Path, ".html") || name == "theme" {
					add("want/"+f.Path, f.Data)
				}
			}
			if len(s.Assets) > 0 {
				add("want/assets", []byte(strings.Join(s.Assets, "\n")+"\n"))
			}
			if len(diags) > 0 {
				add("want/diagnostics", []byte(diags.String()))
			}
			checkSite(t, s)
			sameWithJobs(t, pages, opts, s, diags)

			if *update {
				out := &txtar.Archive{Comment: a.Comment}
				out.Files = append(out.Files, txtar.File{Name: "options", Data: optData})
				for _, n := range names {
					out.Files = append(out.Files, txtar.File{Name: n, Data: got[n]})
				}
				if err := os.WriteFile(file, txtar.Format(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			var wantNames []string
			for _, f := range a.Files {
				if f.Name != "options" {
					wantNames = append(wantNames, f.Name)
				}
			}
			sort.Strings(wantNames)
			gotNames := append([]string(nil), names...)
			sort.Strings(gotNames)
			if strings.Join(wantNames, "\n") != strings.Join(gotNames, "\n") {
				t.Errorf("files:\ngot  %q\nwant %q", gotNames, wantNames)
			}
			for _, n := range names {
				want, ok := a.Get(n)
				if !ok {
					continue
				}
				g := got[n]
				if len(g) > 0 && g[len(g)-1] != '\n' {
					g = append(g, '\n') // txtar ends every file with a newline
				}
				if !bytes.Equal(g, want) {
					t.Errorf("%s differs (run go test -update to accept):\n%s", n, diffLines(string(want), string(g)))
				}
			}
		})
	}
	for name := range goldenCases {
		if !seen[name] {
			t.Errorf("case %s has no testdata/%s.txtar: write one with a comment and an options file, then run go test -update", name, name)
		}
	}
}

// sameWithJobs checks that pages rendered on several goroutines make
// site s and diagnostics diags, built one page at a time.
func sameWithJobs(t *testing.T, pages []Page, opts Options, s *Site, diags content.Diagnostics) {
	t.Helper()
	opts.Jobs = 4
	par, parDiags := Build(pages, opts)
	if got, want := parDiags.String(), diags.String(); got != want {
		t.Errorf("with 4 jobs, diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if got, want := strings.Join(par.Assets, "\n"), strings.Join(s.Assets, "\n"); got != want {
		t.Errorf("with 4 jobs, assets %q, want %q", got, want)
	}
	if len(par.Files) != len(s.Files) {
		t.Fatalf("with 4 jobs, %d files, want %d", len(par.Files), len(s.Files))
	}
	for i, f := range par.Files {
		if f.Path != s.Files[i].Path || !bytes.Equal(f.Data, s.Files[i].Data) {
			t.Errorf("with 4 jobs, %s differs from %s built one page at a time", f.Path, s.Files[i].Path)
		}
	}
}

// includes returns the files included by d.
func includes(d *content.Doc) []*content.File {
	if d == nil {
		return nil
	}
	var out []*content.File
	v := &visitor{block: func(b content.Block, _ *content.File) bool {
		if inc, ok := b.(*content.Include); ok && inc.File != nil {
			out = append(out, inc.File)
		}
		return true
	}}
	v.blocks(d.Blocks, d.File)
	return out
}

// diffLines returns the first lines where want and got differ, with
// some context.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	for k := max(0, i-2); k < i+4; k++ {
		if k < len(w) {
			b.WriteString("- " + w[k] + "\n")
		}
	}
	for k := max(0, i-2); k < i+4; k++ {
		if k < len(g) {
			b.WriteString("+ " + g[k] + "\n")
		}
	}
	return b.String()
}
