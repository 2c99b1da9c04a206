package markdown

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenInput returns the in.md of a golden case. Flags in the archive's
// comment change it, so that the archive itself stays plain text: a line
// "crlf" turns its line endings into CRLF, a line "noeol" drops the final
// newline.
func goldenInput(a *txtar.Archive) []byte {
	in, _ := a.Get("in.md")
	for _, l := range strings.Split(string(a.Comment), "\n") {
		switch strings.TrimSpace(l) {
		case "crlf":
			in = bytes.ReplaceAll(in, []byte("\n"), []byte("\r\n"))
		case "noeol":
			in = bytes.TrimSuffix(bytes.TrimSuffix(in, []byte("\n")), []byte("\r"))
		}
	}
	return in
}

func goldenFiles(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "parse", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	return files
}

func dump(t testing.TB, doc *content.Doc) string {
	var b bytes.Buffer
	if err := content.Dump(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestParse compares the tree and the diagnostics of each
// testdata/parse/*.txtar case with its want.dump and want.diag. Run with
// -update to rewrite them.
func TestParse(t *testing.T) {
	for _, file := range goldenFiles(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(data)
			if _, ok := a.Get("in.md"); !ok {
				t.Fatalf("%s has no in.md", file)
			}
			f := content.NewFile("in.md", goldenInput(a))
			doc, diags := Parse(f)
			gotDump, gotDiag := dump(t, doc), diags.String()
			if *update {
				var files []txtar.File
				for _, af := range a.Files {
					if af.Name != "want.dump" && af.Name != "want.diag" {
						files = append(files, af)
					}
				}
				files = append(files, txtar.File{Name: "want.dump", Data: []byte(gotDump)})
				if gotDiag != "" {
					files = append(files, txtar.File{Name: "want.diag", Data: []byte(gotDiag)})
				}
				a.Files = files
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantDump, _ := a.Get("want.dump")
			wantDiag, _ := a.Get("want.diag")
			if gotDump != string(wantDump) {
				t.Errorf("dump:\n%s\nwant:\n%s", gotDump, wantDump)
			}
			if gotDiag != string(wantDiag) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", gotDiag, wantDiag)
			}
		})
	}
}

// TestParseConcurrent parses the golden inputs from several goroutines at
// once; run with -race.
func TestParseConcurrent(t *testing.T) {
	var inputs [][]byte
	for _, file := range goldenFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, goldenInput(txtar.Parse(data)))
	}
	want := make([]string, len(inputs))
	for i, in := range inputs {
		doc, _ := Parse(content.NewFile("in.md", in))
		want[i] = dump(t, doc)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, in := range inputs {
				doc, _ := Parse(content.NewFile("in.md", in))
				if got := dump(t, doc); got != want[i] {
					t.Errorf("input %d parsed concurrently differs:\n%s", i, got)
				}
			}
		}()
	}
	wg.Wait()
}

func TestParseNil(t *testing.T) {
	doc, diags := Parse(nil)
	if doc == nil || doc.Format != content.Markdown || len(doc.Blocks) != 0 || diags != nil {
		t.Errorf("Parse(nil) = %+v, %v; want an empty Markdown document", doc, diags)
	}
}

// TestLineEndings reads "\n", "\r\n" and lone "\r" line endings alike.
func TestLineEndings(t *testing.T) {
	const src = "# Title\n\nPara:\n\n```ini\nx\ny\n```\n"
	for _, nl := range []string{"\n", "\r\n", "\r"} {
		f := content.NewFile("x.md", []byte(strings.ReplaceAll(src, "\n", nl)))
		doc, _ := Parse(f)
		if doc.Title != "Title" || len(doc.Blocks) != 1 {
			t.Fatalf("%q: title %q, %d blocks", nl, doc.Title, len(doc.Blocks))
		}
		sec := doc.Blocks[0].(*content.Section)
		c, ok := sec.Blocks[len(sec.Blocks)-1].(*content.Code)
		if !ok || c.Line != 6 || c.Text != "x\ny" || f.Position(c.Start).Line != 5 {
			t.Errorf("%q: code %+v", nl, c)
		}
	}
}

// TestPageTitle takes a page's title from its front matter when it gives
// one, as Hugo, Jekyll and MkDocs do, else from its first heading; a byte
// order mark is not text.
func TestPageTitle(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"---\ntitle: \"Installing on $DOMAIN\"\ndraft: true\n---\n## Step one\n", "Installing on $DOMAIN"},
		{"---\ntitle: Plain title # a comment\n---\n# Heading\n", "Plain title"},
		{"---\nTitle: not the key\nsubtitle: x\n---\n# Heading\n", "Heading"},
		{"+++\ntitle = 'TOML title'\n+++\n# Heading\n", "TOML title"},
		{"---\nparams:\n  title: nested\n---\n# Heading\n", "Heading"},
		{"\ufeff# With a BOM\n\ntext\n", "With a BOM"},
		{"\ufeff---\ntitle: BOM and front matter\n---\ntext\n", "BOM and front matter"},
	} {
		doc, _ := Parse(content.NewFile("p.md", []byte(tc.src)))
		if doc.Title != tc.want {
			t.Errorf("%q: title %q, want %q", tc.src, doc.Title, tc.want)
		}
	}
}

// TestTooDeep refuses lists nested more than maxListDepth levels, which
// goldmark would take long to read, and reads 50 levels.
func TestTooDeep(t *testing.T) {
	nested := func(n int) string {
		var b strings.Builder
		b.WriteString("# T\n\n")
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	if _, diags := Parse(content.NewFile("ok.md", []byte(nested(50)))); diags.HasErrors() {
		t.Errorf("50 levels: %s", diags)
	}
	_, diags := Parse(content.NewFile("deep.md", []byte(nested(300))))
	if got, want := diags.String(), "deep.md:103:1: error: lists nested more than 100 levels deep: the page is not read"; !strings.Contains(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	_, diags = Parse(content.NewFile("one.md", []byte("# T\n\n"+strings.Repeat("> ", 150)+"x\n")))
	if !diags.HasErrors() {
		t.Error("150 block quotes on one line were read")
	}
}
