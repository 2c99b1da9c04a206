package rst

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the want.dump and want.diag files of testdata/parse")

// fixedNow is the time "date" substitutions see in tests.
func fixedNow() time.Time { return time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC) }

// archiveFS returns the files of an archive, other than in.rst and the
// expectations, as a file system for include directives.
func archiveFS(t testing.TB, a *txtar.Archive) fs.FS {
	mem := afero.NewMemMapFs()
	for _, f := range a.Files {
		if strings.HasPrefix(f.Name, "want.") {
			continue
		}
		if err := afero.WriteFile(mem, f.Name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return afero.NewIOFS(mem)
}

// parseCase parses the in.rst of a golden archive.
func parseCase(t testing.TB, a *txtar.Archive) (*content.Doc, content.Diagnostics) {
	in, ok := a.Get("in.rst")
	if !ok {
		t.Fatal("no in.rst in the archive")
	}
	// A case may need exact bytes: a file without a final newline, CRLF
	// line endings or a byte order mark.
	in = unquoteInput(in, string(a.Comment))
	return Parse(content.NewFile("in.rst", in), Options{FS: archiveFS(t, a), Now: fixedNow})
}

// unquoteInput applies the input options named in an archive comment:
// "crlf" (lines end in CR LF), "bom" (a byte order mark first) and
// "nonl" (no final newline).
func unquoteInput(in []byte, comment string) []byte {
	for _, w := range strings.Fields(comment) {
		switch w {
		case "[nonl]":
			in = bytes.TrimSuffix(in, []byte("\n"))
		case "[crlf]":
			in = bytes.ReplaceAll(in, []byte("\n"), []byte("\r\n"))
		case "[bom]":
			in = append([]byte("\ufeff"), in...)
		case "[empty]":
			in = nil
		}
	}
	return in
}

func dumpString(t testing.TB, doc *content.Doc) string {
	var b strings.Builder
	if err := content.Dump(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestParse compares the tree and the diagnostics of each case in
// testdata/parse with its want.dump and want.diag; -update rewrites them.
func TestParse(t *testing.T) {
	files, err := filepath.Glob("testdata/parse/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/parse: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(data)
			doc, diags := parseCase(t, a)
			gotDump := dumpString(t, doc)
			gotDiag := diags.String()
			if *update {
				var files []txtar.File
				for _, f := range a.Files {
					if f.Name != "want.dump" && f.Name != "want.diag" {
						files = append(files, f)
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
			if gotDump != string(wantDump) {
				t.Errorf("tree differs:\n--- got\n%s--- want\n%s", gotDump, wantDump)
			}
			wantDiag, _ := a.Get("want.diag")
			if gotDiag != string(wantDiag) {
				t.Errorf("diagnostics differ:\n--- got\n%s--- want\n%s", gotDiag, wantDiag)
			}
		})
	}
}

// testDocuments returns every test document: the golden cases, the
// inventory pages, and the shared corpus when it is there.
func testDocuments(t testing.TB) map[string]*content.Doc {
	docs := map[string]*content.Doc{}
	files, _ := filepath.Glob("testdata/parse/*.txtar")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := parseCase(t, txtar.Parse(data))
		docs[file] = doc
	}
	pages, _ := filepath.Glob("testdata/inventory/*.rst")
	shared, _ := filepath.Glob(filepath.Join(sharedDir(), "corpus", "django-book", "*.rst"))
	seed, _ := filepath.Glob(filepath.Join(sharedDir(), "seed", "*.txt"))
	for _, p := range append(append(pages, shared...), seed...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := Parse(content.NewFile(p, data), Options{Now: fixedNow})
		docs[p] = doc
	}
	return docs
}

// TestPositions checks that in every test document each block's span
// starts at the block's own first line, spans nest and come in order,
// and code blocks' Line, Indent and Content agree with their Text.
func TestPositions(t *testing.T) {
	for name, doc := range testDocuments(t) {
		for _, p := range checkDoc(doc, true) {
			t.Errorf("%s: %s", name, p)
		}
	}
}

// TestCodeOffsets checks one code block's offsets exactly.
func TestCodeOffsets(t *testing.T) {
	src := "Intro:\n\n.. code-block:: ini\n   :caption: x\n\n     [a]\n   b = 1\n\nEnd.\n"
	doc, diags := Parse(content.NewFile("x.rst", []byte(src)), Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	c := doc.Blocks[1].(*content.Code)
	if c.Line != 6 || c.Indent != 3 || c.Text != "  [a]\nb = 1" {
		t.Errorf("got line %d indent %d text %q", c.Line, c.Indent, c.Text)
	}
	if got := src[c.Content.Start:c.Content.End]; got != "     [a]\n   b = 1" {
		t.Errorf("content %q", got)
	}
	if got := src[c.Start:c.End]; !strings.HasPrefix(got, ".. code-block::") || !strings.HasSuffix(got, "b = 1") {
		t.Errorf("span %q", got)
	}
}

// TestLineEndings reads "\n", "\r\n" and lone "\r" line endings alike,
// as docutils does, with the same lines and texts.
func TestLineEndings(t *testing.T) {
	const src = "Title\n=====\n\nPara::\n\n    x\n    y\n"
	for _, nl := range []string{"\n", "\r\n", "\r"} {
		f := content.NewFile("x.rst", []byte(strings.ReplaceAll(src, "\n", nl)))
		doc, diags := Parse(f, Options{})
		if len(diags) > 0 {
			t.Errorf("%q: diagnostics: %v", nl, diags)
		}
		if doc.Title != "Title" || len(doc.Blocks) != 1 {
			t.Fatalf("%q: title %q, %d blocks", nl, doc.Title, len(doc.Blocks))
		}
		sec := doc.Blocks[0].(*content.Section)
		c, ok := sec.Blocks[len(sec.Blocks)-1].(*content.Code)
		if !ok || c.Line != 6 || c.Text != "x\ny" || f.Position(c.Start).Line != 6 {
			t.Errorf("%q: code %+v", nl, c)
		}
	}
}

// TestDiagnostics checks the exact text of diagnostics.
func TestDiagnostics(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown directive", "Text.\n\n.. foo:: bar\n",
			`x.rst:3:1: warning: unknown directive "foo"`},
		{"unknown directive suggestion", ".. cod-block:: bash\n\n   ls\n",
			`x.rst:1:1: warning: unknown directive "cod-block"; did you mean "code-block"?`},
		{"unknown role", "Press :kdb:`C`.\n",
			`x.rst:1:7: warning: unknown interpreted text role "kdb"; did you mean "kbd"?`},
		{"unresolved reference", "See lantern_.\n",
			`x.rst:1:5: warning: unknown target name "lantern"; define it with ".. _lantern: URL"`},
		{"unresolved reference suggestion", "See lantren_.\n\n.. _lantern: https://example.org/\n",
			`x.rst:1:5: warning: unknown target name "lantren"; did you mean "lantern"?`},
		{"unterminated emphasis", "An *open emphasis.\n",
			`x.rst:1:4: warning: inline emphasis start-string "*" without end-string; write \* if it is not markup`},
		{"unterminated literal", "An ``open literal.\n",
			"x.rst:1:4: warning: inline literal start-string \"``\" without end-string; write \\`` if it is not markup"},
		{"inconsistent title", "Top\n===\n\nDeep\n~~~~\n\nOther\n-----\n\nWrong\n~~~~~\n\nAlso\n^^^^\n",
			`x.rst:13:1: error: title level inconsistent: "Also" has a "^" underline inside a level 2 section; use a "-" underline for a level 3 title`},
		{"short underline", "A long title\n=====\n",
			`x.rst:2:1: warning: title underline too short for "A long title"; make it at least as long as the title`},
		{"section in directive", ".. note::\n\n   Inner\n   -----\n",
			`x.rst:3:4: error: unexpected section title "Inner": titles are not allowed here`},
		{"missing literal block", "Example::\n\nNot indented.\n",
			`x.rst:3:1: warning: literal block expected after "::"; none found (indent the block, or write "\::" for a literal colon)`},
		{"include without FS", ".. include:: other.rst\n",
			`x.rst:1:1: error: "include" directive: cannot read "other.rst": no file system was given to the reader`},
		{"annotation without code", ".. tailor: file=/etc/x\n\nJust text.\n",
			`x.rst:1:11: warning: tailor annotation applies to no code block; put it right before the code block, or before the paragraph that ends with "::"`},
		{"annotation syntax", ".. tailor: file=\"/etc/x\n\n.. code-block:: ini\n\n   a = 1\n",
			`x.rst:1:12: error: tailor annotation: unterminated quoted value for file`},
		{"bad only expression", ".. only:: html and\n\n   Text.\n",
			`x.rst:1:19: error: tag expression "html and" ends too early`},
		{"too many arguments", ".. code-block:: bash sh\n\n   ls\n",
			`x.rst:1:1: error: "code-block" directive: at most 1 argument allowed, 2 supplied`},
		{"undefined substitution", "The |product| daemon.\n",
			`x.rst:1:5: error: undefined substitution referenced: "product"; define it with ".. |product| replace:: text"`},
		{"anonymous mismatch", "One__ and two__.\n\n__ https://example.org/\n",
			`x.rst:1:1: warning: anonymous hyperlink mismatch: 2 references but 1 target`},
		{"duplicate target", ".. _a: https://one.example/\n.. _a: https://two.example/\n",
			`x.rst:2:1: warning: duplicate explicit target name "a"; rename one of the targets`},
		{"unknown footnote", "See [3]_.\n",
			`x.rst:1:5: warning: unknown footnote "[3]"; add ".. [3] text"`},
		{"malformed grid table", "+---+\n| a |\n+--\n",
			`x.rst:1:1: error: malformed table: no bottom border; end the table with a line like the top border`},
		{"bullet list unindent", "- item\nnot indented\n",
			`x.rst:2:1: warning: bullet list ends without a blank line; unexpected unindent`},
		{"unexpected indentation", "Para\n  indented\nmore\n",
			`x.rst:3:1: warning: definition list ends without a blank line; unexpected unindent`},
		{"paragraph indentation", "Para\nline\n  indented\n",
			`x.rst:3:1: error: unexpected indentation; separate the indented lines from the paragraph with a blank line`},
		{"invalid dedent", ".. code-block:: sh\n   :dedent: x\n\n   ls\n",
			`x.rst:2:4: error: "code-block" directive: invalid :dedent: value "x"; give a number of columns or no value`},
		{"no content", ".. note::\n",
			`x.rst:1:1: error: "note" directive: no content; indent the text under the directive`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse(content.NewFile("x.rst", []byte(tt.src)), Options{})
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			for _, g := range got {
				if g == tt.want {
					return
				}
			}
			t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
		})
	}
}

// TestIncludeLoop checks that files that include each other are
// reported, not read forever.
func TestIncludeLoop(t *testing.T) {
	mem := afero.NewMemMapFs()
	afero.WriteFile(mem, "docs/a.rst", []byte("A\n\n.. include:: b.rst\n"), 0o644)
	afero.WriteFile(mem, "docs/b.rst", []byte("B\n\n.. include:: a.rst\n"), 0o644)
	data, _ := afero.ReadFile(mem, "docs/a.rst")
	_, diags := Parse(content.NewFile("docs/a.rst", data), Options{FS: afero.NewIOFS(mem)})
	want := `docs/b.rst:3:1: error: "include" directive: include loop: "docs/a.rst" includes "docs/b.rst" includes "docs/a.rst"; remove one of the includes`
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("got %v\nwant %s", diags, want)
	}
}

// TestNeverPanics feeds the reader odd inputs.
func TestNeverPanics(t *testing.T) {
	for _, src := range []string{
		"", "\n", "\r\n", "..", "::", "__", "|", "*", "`", "+", "=", "-\n-", "\x00", "\xff\xfe",
		".. |", ".. _", ".. [", ".. [#", "+-+\n|", "===\n===", "= =\n= =\n", "\t", "\\",
		".. code-block::\n   :", "* \n  *", "1.\n\n2.", "a\n\x0b\n\x0c", ":a: b\n :c:",
	} {
		doc, _ := Parse(content.NewFile("x.rst", []byte(src)), Options{})
		for _, p := range checkDoc(doc, false) {
			t.Errorf("%q: %s", src, p)
		}
	}
	if doc, diags := Parse(nil, Options{}); doc == nil || len(diags) != 0 {
		t.Errorf("Parse(nil) = %v, %v", doc, diags)
	}
}

// FuzzParse checks on any input that the reader does not panic, that
// spans are inside the file and in order, and that code blocks agree
// with the source.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/parse/*.txtar")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		if in, ok := txtar.Parse(data).Get("in.rst"); ok {
			f.Add(in)
		}
	}
	pages, _ := filepath.Glob("testdata/inventory/*.rst")
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	// Files for include and literalinclude directives to find.
	mem := afero.NewMemMapFs()
	afero.WriteFile(mem, "a.rst", []byte("Included\n--------\n\nText *here*::\n\n    code\n\n.. include:: b.rst\n"), 0o644)
	afero.WriteFile(mem, "b.rst", []byte(".. include:: a.rst\n\n- item\n"), 0o644)
	afero.WriteFile(mem, "c.conf", []byte("[a]\nb = 1\nc = 2\n"), 0o644)
	fsys := afero.NewIOFS(mem)
	f.Add([]byte(".. include:: a.rst\n   :start-line: 1\n   :end-line: -2\n\n.. literalinclude:: c.conf\n   :lines: 2-\n   :dedent:\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, diags := Parse(content.NewFile("x.rst", src), Options{FS: fsys, Now: fixedNow})
		if doc == nil {
			t.Fatal("nil document")
		}
		for _, p := range checkDoc(doc, false) {
			t.Error(p)
		}
		for i := 1; i < len(diags); i++ {
			if diags.Less(i, i-1) {
				t.Errorf("diagnostics not sorted: %v before %v", diags[i-1], diags[i])
			}
		}
	})
}

// benchInput is the inventory pages joined: a realistic tutorial page.
func benchInput(b *testing.B) []byte {
	pages, _ := filepath.Glob("testdata/inventory/*.rst")
	var buf bytes.Buffer
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		buf.Write(data)
		buf.WriteString("\n")
	}
	return buf.Bytes()
}

func BenchmarkParse(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(content.NewFile("bench.rst", src), Options{})
	}
}

// BenchmarkParseShapes parses inputs of unusual shapes at two sizes;
// the time per byte should not grow with the size.
func BenchmarkParseShapes(b *testing.B) {
	shapes := []struct {
		name string
		gen  func(n int) string
	}{
		{"long-paragraph", func(n int) string { return strings.Repeat("word ", n) }},
		{"many-lines", func(n int) string { return strings.Repeat("line\n", n) }},
		{"open-emphasis", func(n int) string { return strings.Repeat("*a ", n) }},
		{"open-backquote", func(n int) string { return strings.Repeat("`a ", n) }},
		{"references", func(n int) string { return strings.Repeat("a_ ", n) }},
		{"name-chain", func(n int) string { return strings.Repeat("a-", n) + "a_" }},
		{"uri-chain", func(n int) string { return strings.Repeat("a-b:c/", n) }},
		{"list-items", func(n int) string { return strings.Repeat("- item\n", n/2) }},
		{"nested-quotes", func(n int) string {
			var sb strings.Builder
			for i := 0; sb.Len() < 5*n; i++ {
				sb.WriteString(strings.Repeat(" ", i%100) + "x\n\n")
			}
			return sb.String()
		}},
		{"unknown-targets", func(n int) string {
			var sb strings.Builder
			for i := 0; i < n/20; i++ {
				fmt.Fprintf(&sb, ".. _name%d: https://example.org/\n", i)
			}
			sb.WriteString("\n")
			for i := 0; i < n/20; i++ {
				fmt.Fprintf(&sb, "nope%d_ ", i)
			}
			return sb.String()
		}},
	}
	for _, sh := range shapes {
		for _, n := range []int{10000, 40000} {
			src := []byte(sh.gen(n))
			b.Run(fmt.Sprintf("%s/%d", sh.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					Parse(content.NewFile("x.rst", src), Options{})
				}
			})
		}
	}
}

// BenchmarkParseCorpus parses the shared django-book corpus, when it is
// there.
func BenchmarkParseCorpus(b *testing.B) {
	pages, _ := filepath.Glob(filepath.Join(sharedDir(), "corpus", "django-book", "*.rst"))
	if len(pages) == 0 {
		b.Skip("../shared is not here")
	}
	var files []*content.File
	var n int64
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, content.NewFile(filepath.Base(p), data))
		n += int64(len(data))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			Parse(f, Options{})
		}
	}
}

// TestTableNames: the :name: of table, csv-table and list-table names the
// table, for :ref:.
func TestTableNames(t *testing.T) {
	src := ".. table:: One\n   :name: t1\n\n   ===  ===\n   a    b\n   ===  ===\n\n" +
		".. csv-table:: Two\n   :name: t2\n\n   a,b\n\n" +
		".. list-table:: Three\n   :name: t3\n\n   * - a\n"
	doc, diags := Parse(content.NewFile("x.rst", []byte(src)), Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var names []string
	for _, b := range doc.Blocks {
		if tb, ok := b.(*content.Table); ok {
			names = append(names, tb.Name)
		}
	}
	if strings.Join(names, " ") != "t1 t2 t3" {
		t.Errorf("names %q", names)
	}
}
