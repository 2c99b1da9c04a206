package generator

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// The seed chapter and the django-book corpus live beside the project, in
// ../shared, with the expected result of each code block. They are test
// data under their own license: these tests read them where they are and
// skip when they are not there.
const shared = "../../shared"

type expectation struct {
	Doc    string   `json:"doc"`
	Line   int      `json:"line"`
	Op     string   `json:"op"`
	Target *string  `json:"target"`
	AlsoOK []string `json:"also_ok"`
	Level  string   `json:"level"`
}

// mirror copies a directory of ../shared into a memory file system.
func mirror(t *testing.T, dir string, fsys afero.Fs, to string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("%s is not there: %v", dir, err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		afero.WriteFile(fsys, path.Join(to, e.Name()), data, 0o644)
	}
}

// checkBlocks compares the plan of each expected block.
func checkBlocks(t *testing.T, p *Project, valuesFile string, want []expectation, docOf func(expectation) string) {
	t.Helper()
	vals, diags := p.LoadValues(valuesFile, nil)
	if vals == nil {
		t.Fatal(diags)
	}
	rep, _ := p.Plan(vals)
	type key struct {
		doc  string
		line int
	}
	got := map[key]PlanBlock{}
	for _, d := range rep.Docs {
		for _, b := range d.Blocks {
			got[key{d.Path, b.Line}] = b
		}
	}
	for _, e := range want {
		if e.Level == "free" {
			continue
		}
		b, ok := got[key{docOf(e), e.Line}]
		if !ok {
			t.Errorf("%s:%d: no such block", docOf(e), e.Line)
			continue
		}
		ops := append([]string{e.Op}, e.AlsoOK...)
		targets := append([]string{}, e.AlsoOK...)
		if e.Target != nil {
			targets = append(targets, *e.Target)
		}
		opOK := false
		for _, op := range ops {
			opOK = opOK || op == b.Op
		}
		targetOK := e.Op == "none"
		for _, tg := range targets {
			targetOK = targetOK || tg == b.Target
		}
		if !opOK || !targetOK {
			t.Errorf("%s:%d (%s): got %s %s, want %s %v", docOf(e), e.Line, e.Level, b.Op, b.Target, e.Op, targets)
		}
	}
}

func TestSeed(t *testing.T) {
	dir := filepath.Join(shared, "seed")
	data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Skipf("no seed chapter beside the project: %v", err)
	}
	var exp struct {
		Blocks []expectation
		Files  []struct {
			Path, Kind, Mode, Content string
			Contains                  []string
		}
		Secrets []string
	}
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	fsys := afero.NewMemMapFs()
	src, _ := os.ReadFile(filepath.Join(dir, "000_4bb0fce7f4f5bdd2.txt"))
	values, _ := os.ReadFile(filepath.Join(dir, "values.toml"))
	afero.WriteFile(fsys, "/seed/settings.rst", src, 0o644)
	afero.WriteFile(fsys, "/values.toml", values, 0o644)
	p, diags := Load(fsys, "/seed")
	if p == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	checkBlocks(t, p, "/values.toml", exp.Blocks, func(expectation) string { return "settings.rst" })
	run := p.Build(Options{Values: []string{"/values.toml"}, DryRun: true})
	if run.Failed() {
		t.Fatalf("%v %v", run.Diags, run.Clients[0].Diags)
	}
	out := run.Clients[0]
	var m struct{ Files []map[string]any }
	json.Unmarshal(out.Files["manifest.json"], &m)
	for _, f := range exp.Files {
		sub := "rootfs"
		if f.Kind == "fragment" {
			sub = "fragments"
		}
		got, ok := out.Files[sub+f.Path]
		if !ok {
			t.Errorf("%s: not made as a %s", f.Path, f.Kind)
			continue
		}
		if f.Content != "" && strings.TrimRight(string(got), "\n") != strings.TrimRight(f.Content, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", f.Path, got, f.Content)
		}
		for _, line := range f.Contains {
			if !strings.Contains("\n"+string(got), "\n"+line+"\n") {
				t.Errorf("%s lacks the line %q", f.Path, line)
			}
		}
		for _, mf := range m.Files {
			if mf["path"] == f.Path && f.Mode != "" && mf["mode"] != f.Mode {
				t.Errorf("%s: mode %v, want %s", f.Path, mf["mode"], f.Mode)
			}
		}
	}
	for name, data := range out.Files {
		if !strings.HasPrefix(name, "site/") && !strings.HasPrefix(name, "source/") {
			continue
		}
		for _, s := range exp.Secrets {
			if strings.Contains(string(data), s) {
				t.Errorf("secret shown in %s", name)
			}
		}
	}
}

func TestCorpus(t *testing.T) {
	dir := filepath.Join(shared, "corpus", "django-book")
	data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Skipf("no corpus beside the project: %v", err)
	}
	var exp struct {
		Values string
		Blocks []expectation
		Files  []struct {
			Path        string
			AlsoOK      []string `json:"also_ok"`
			Content     string
			AltContents []string `json:"alt_contents"`
		}
		Dirs  []map[string]string
		Links []map[string]string
	}
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	fsys := afero.NewMemMapFs()
	mirror(t, dir, fsys, "/book")
	p, diags := Load(fsys, "/book")
	if p == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	values := "/book/" + exp.Values
	checkBlocks(t, p, values, exp.Blocks, func(e expectation) string { return e.Doc })
	run := p.Build(Options{Values: []string{values}, DryRun: true})
	if run.Failed() {
		t.Fatalf("%v %v", run.Diags, run.Clients[0].Diags)
	}
	out := run.Clients[0]
	loose := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, f := range exp.Files {
		var got []byte
		for _, p := range append([]string{f.Path}, f.AlsoOK...) {
			if data, ok := out.Files["rootfs"+p]; ok {
				got = data
				break
			}
		}
		want, _ := os.ReadFile(filepath.Join(dir, f.Content))
		ok := got != nil && strings.TrimRight(string(got), "\n") == strings.TrimRight(string(want), "\n")
		for _, alt := range f.AltContents {
			a, _ := os.ReadFile(filepath.Join(dir, alt))
			ok = ok || got != nil && loose(string(got)) == loose(string(a))
		}
		if !ok {
			t.Errorf("%s:\n%s", f.Path, got)
		}
	}
	var m struct {
		Dirs  []map[string]string
		Links []map[string]string
	}
	json.Unmarshal(out.Files["manifest.json"], &m)
	for _, d := range exp.Dirs {
		found := false
		for _, g := range m.Dirs {
			if g["path"] == d["path"] {
				found = true
				for k, v := range d {
					if g[k] != v {
						t.Errorf("dir %s: %s is %q, want %q", d["path"], k, g[k], v)
					}
				}
			}
		}
		if !found {
			t.Errorf("dir %s not made", d["path"])
		}
	}
	for _, l := range exp.Links {
		found := false
		for _, g := range m.Links {
			found = found || g["path"] == l["path"] && g["target"] == l["target"]
		}
		if !found {
			t.Errorf("link %s -> %s not made", l["path"], l["target"])
		}
	}
	// Blocks the corpus marks "none" make nothing.
	var mf struct {
		Files []struct {
			Sources []struct {
				Doc  string
				Line int
			}
		}
	}
	json.Unmarshal(out.Files["manifest.json"], &mf)
	made := map[string]bool{}
	for _, f := range mf.Files {
		for _, s := range f.Sources {
			made[s.Doc+":"+itoa(s.Line)] = true
		}
	}
	for _, e := range exp.Blocks {
		if e.Op == "none" && made[e.Doc+":"+itoa(e.Line)] {
			t.Errorf("%s:%d is marked none but made a file", e.Doc, e.Line)
		}
	}
}
