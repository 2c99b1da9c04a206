package generator

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/limit"
)

// TestLoadIncludes reads includes whatever way the project directory is
// written: "." (the default of -C), "./", a relative and an absolute
// path, with the pages at its top or in a content directory.
func TestLoadIncludes(t *testing.T) {
	for _, tc := range []struct{ root, dir, content string }{
		{"", ".", ""},
		{"", "./", ""},
		{"", ".", "docs"},
		{"book/", "book", ""},
		{"book/", "./book/", "docs"},
		{"/srv/book/", "/srv/book", ""},
	} {
		t.Run(tc.dir+" "+tc.content, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			pages := tc.root
			if tc.content != "" {
				pages += tc.content + "/"
				afero.WriteFile(fsys, tc.root+ConfigFile, []byte("content = \""+tc.content+"\"\n"), 0o644)
			}
			afero.WriteFile(fsys, pages+"index.rst", []byte("Title\n=====\n\n.. include:: parts/inc.rst\n"), 0o644)
			afero.WriteFile(fsys, pages+"parts/inc.rst", []byte("Included::\n\n   code\n"), 0o644)
			p, diags := Load(fsys, tc.dir)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			var code []string
			for _, d := range p.Pages {
				content.Walk(d.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
					if c, ok := b.(*content.Code); ok {
						code = append(code, c.Text)
					}
					return true
				})
			}
			if strings.Join(code, "|") != "code" {
				t.Errorf("code blocks %q, want the included one; diagnostics:\n%s", code, diags)
			}
		})
	}
}

// TestLoadNotUTF8 names the line and column of the first byte that is
// not UTF-8.
func TestLoadNotUTF8(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "index.rst", []byte("Title\n=====\n\nCaf\xe9 au lait\n"), 0o644)
	_, diags := Load(fsys, ".")
	if got, want := diags.String(), "index.rst:4:4: error: page is not UTF-8 text: byte 0xe9"; !strings.Contains(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestToctreeOrder reads toctree entries as Sphinx does: with or without
// their suffix, from the root with "/", and glob patterns that take the
// pages they match in name order, but for those listed before.
func TestToctreeOrder(t *testing.T) {
	fsys := afero.NewMemMapFs()
	page := func(name, title string) {
		afero.WriteFile(fsys, name, []byte(title+"\n"+strings.Repeat("=", len(title))+"\n\nText.\n"), 0o644)
	}
	afero.WriteFile(fsys, "index.rst", []byte(`Book
====

.. toctree::
   :glob:

   intro.rst
   chapters/b
   chapters/*
   /appendix.md
`), 0o644)
	page("intro.rst", "Intro")
	page("chapters/a.rst", "A")
	page("chapters/b.rst", "B")
	page("chapters/c.rst", "C")
	afero.WriteFile(fsys, "appendix.md", []byte("# Appendix\n"), 0o644)
	page("orphan.rst", "Orphan")
	p, diags := Load(fsys, ".")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var names []string
	for _, d := range p.Pages {
		names = append(names, d.File.Name)
	}
	want := "index.rst intro.rst chapters/b.rst chapters/a.rst chapters/c.rst appendix.md"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("pages %s, want %s", got, want)
	}
	if got := diags.String(); !strings.Contains(got, "orphan.rst: warning: page is in no toctree of index.rst: not built") || strings.Count(got, "warning") != 1 {
		t.Errorf("diagnostics:\n%s", got)
	}
}

// TestPagesList: tailor.toml's pages decide the order; a name that is no
// page is an error at the list, a page left out a warning.
func TestPagesList(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "tailor.toml", []byte("title = \"x\"\npages = [\"b.md\", \"a.md\", \"missing.md\"]\n"), 0o644)
	for _, n := range []string{"a", "b", "c"} {
		afero.WriteFile(fsys, n+".md", []byte("# "+n+"\n"), 0o644)
	}
	p, diags := Load(fsys, ".")
	want := "c.md: warning: page is not in the pages list of tailor.toml: not built\ntailor.toml:2:9: error: pages lists \"missing.md\", which is not a page of the content directory\n"
	if got := diags.String(); got != want {
		t.Errorf("diagnostics:\n%q\nwant:\n%q", got, want)
	}
	if p != nil {
		var names []string
		for _, d := range p.Pages {
			names = append(names, d.File.Name)
		}
		if strings.Join(names, " ") != "b.md a.md" {
			t.Errorf("pages %q", names)
		}
	}
}

// vanishing is a file system on which one file is listed but gone when
// looked at, as an editor's temporary file during a save.
type vanishing struct {
	afero.Fs
	name string
}

func (v vanishing) Stat(name string) (os.FileInfo, error) {
	if path.Base(name) == v.name {
		return nil, os.ErrNotExist
	}
	return v.Fs.Stat(name)
}

func TestLoadSkipsVanishedFiles(t *testing.T) {
	mem := afero.NewMemMapFs()
	afero.WriteFile(mem, "index.md", []byte("# T\n"), 0o644)
	afero.WriteFile(mem, ".index.md.swp", []byte("x"), 0o644)
	p, diags := Load(vanishing{mem, ".index.md.swp"}, ".")
	if diags.HasErrors() || p == nil || len(p.Pages) != 1 {
		t.Errorf("%v", diags)
	}
}

// TestLinksStayInProject refuses pages and includes that symbolic links
// take out of the project directory, so that a link in a tutorial's
// repository cannot publish a file of the build machine, and follows
// links that stay inside.
func TestLinksStayInProject(t *testing.T) {
	base := t.TempDir()
	proj := path.Join(base, "proj")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(path.Join(proj, "parts"), 0o755))
	must(os.WriteFile(path.Join(base, "secret.txt"), []byte("TOKEN=s3cret\n"), 0o644))
	must(os.WriteFile(path.Join(proj, "parts", "inc.rst"), []byte("Included::\n\n   code\n"), 0o644))
	must(os.WriteFile(path.Join(proj, "index.rst"), []byte("Title\n=====\n\n.. include:: shared/inc.rst\n"), 0o644))
	must(os.Symlink("parts", path.Join(proj, "shared")))
	fsys := afero.NewOsFs()

	for _, dir := range []string{proj, mustRel(t, proj)} {
		if _, diags := Load(fsys, dir); diags.HasErrors() {
			t.Errorf("Load(%s) with a link inside the project: %s", dir, diags)
		}
	}

	must(os.Symlink("../secret.txt", path.Join(proj, "leak.md")))
	must(os.WriteFile(path.Join(proj, "inc.rst"), []byte("Inc\n===\n\n.. literalinclude:: up/secret.txt\n"), 0o644))
	must(os.Symlink("..", path.Join(proj, "up")))
	_, diags := Load(fsys, proj)
	got := diags.String()
	for _, want := range []string{
		"leak.md: error: cannot read page: it is a symbolic link to outside the project directory",
		`inc.rst:4:1: error: "literalinclude" directive: cannot read "up/secret.txt"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "s3cret") {
		t.Errorf("the file outside was read:\n%s", got)
	}
}

// mustRel is dir relative to the working directory.
func mustRel(t *testing.T, dir string) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(wd, dir)
	if err != nil {
		t.Skip("no relative path to the temporary directory")
	}
	return rel
}

func TestReadSphinxConf(t *testing.T) {
	c := readSphinxConf([]byte("import os\nversion = '1.0'\nrelease = version + '.2'\ntoday = r'some\\day'\n" +
		"rst_prolog = '''\n.. |a| replace:: A\n'''\nrst_epilog = \".. |b| replace:: B\\n\"\n# version = 'no'\n"))
	if c.subst["version"] != "1.0" || c.subst["release"] != "" || c.subst["today"] != `some\day` {
		t.Errorf("subst = %q", c.subst)
	}
	if want := "\n.. |a| replace:: A\n\n.. |b| replace:: B\n\n"; c.prolog != want {
		t.Errorf("prolog = %q, want %q", c.prolog, want)
	}
}

// TestHighlightLanguage shows literal blocks in conf.py's
// highlight_language, and in Python without one, as Sphinx does.
func TestHighlightLanguage(t *testing.T) {
	for _, tc := range []struct{ conf, want string }{
		{"highlight_language = 'ini'\n", `<code class="language-ini"><span class="k">[main]</span>`},
		{"", `<code><span class="p">[</span><span class="n">main</span><span class="p">]</span>`},
	} {
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, "/p/conf.py", []byte(tc.conf), 0o644)
		afero.WriteFile(fsys, "/p/index.rst", []byte("Page\n====\n\nAn example::\n\n    [main]\n"), 0o644)
		afero.WriteFile(fsys, "/p/clients/a.toml", nil, 0o644)
		p, diags := Load(fsys, "/p")
		if p == nil {
			t.Fatal(diags)
		}
		run := p.Build(Options{DryRun: true})
		if run.Failed() {
			t.Fatal(run.Diags, run.Clients[0].Diags)
		}
		if got := string(run.Clients[0].Files["site/index.html"]); !strings.Contains(got, tc.want) {
			t.Errorf("conf.py %q: no %s in\n%s", tc.conf, tc.want, got)
		}
	}
}

// TestInputLimits: a page past the size limit, a tailor.toml nested past
// the depth limit and includes repeated inside includes many times over
// are errors with a position, not a machine brought to its knees.
func TestInputLimits(t *testing.T) {
	t.Run("page", func(t *testing.T) {
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, "/p/index.md", []byte("# Big\n\n"+strings.Repeat("x", limit.MaxPage)), 0o644)
		_, diags := Load(fsys, "/p")
		if want := "index.md:3:33554426: error: the file is larger than the limit of 32 MiB"; !strings.Contains(diags.String(), want) {
			t.Errorf("got %s, want %s", diags, want)
		}
	})
	t.Run("config", func(t *testing.T) {
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, "/p/tailor.toml", []byte("title = \"t\"\nignore = "+strings.Repeat("[", 100)+strings.Repeat("]", 100)+"\n"), 0o644)
		afero.WriteFile(fsys, "/p/index.md", []byte("# T\n"), 0o644)
		p, diags := Load(fsys, "/p")
		if want := "tailor.toml:2:26: error: arrays or inline tables nested more than 16 deep: that is past the limit tailor sets"; p != nil || strings.TrimSpace(diags.String()) != want {
			t.Errorf("got %s, want %s", diags, want)
		}
	})
	t.Run("includes", func(t *testing.T) {
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, "/p/index.rst", []byte("Title\n=====\n\n"+strings.Repeat(".. include:: l1.rst\n\n", 10)), 0o644)
		for i := 1; i < 8; i++ {
			afero.WriteFile(fsys, fmt.Sprintf("/p/l%d.rst", i), []byte(strings.Repeat(fmt.Sprintf(".. include:: l%d.rst\n\n", i+1), 10)), 0o644)
		}
		afero.WriteFile(fsys, "/p/l8.rst", []byte("Some text.\n"), 0o644)
		_, diags := Load(fsys, "/p")
		if want := "the includes of the project have read 20000 files: that is past the limit tailor sets"; !strings.Contains(diags.String(), want) {
			t.Errorf("no error about the includes: %.300s", diags)
		}
	})
}
