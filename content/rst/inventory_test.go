package rst

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tailordocs/tailor/content"
)

// The inventory of a page is what tools/rst-golden records from docutils
// (through ../shared/tools/rst-inventory.py): its sections and its
// literal blocks.
type inventory struct {
	Docs []invDoc `json:"docs"`
}

type invDoc struct {
	Path     string       `json:"path"`
	Title    string       `json:"title"`
	Sections []invSection `json:"sections"`
	Blocks   []invBlock   `json:"blocks"`
}

type invSection struct {
	Title string `json:"title"`
	Level int    `json:"level"`
	Line  int    `json:"line"`
}

type invBlock struct {
	Line *int   `json:"line"`
	Lang string `json:"lang"`
	Text string `json:"text"`
	// dedent is the :dedent: option of a code-block, which Sphinx
	// applies and rst-inventory does not.
	dedent *string
}

// sphinxDedent applies a :dedent: option to text as Sphinx does: without
// a value, remove the common indentation (textwrap.dedent); with a
// number, remove that many characters from every line.
func sphinxDedent(text, value string) string {
	lines := strings.Split(text, "\n")
	if value == "" {
		margin := -1
		for _, l := range lines {
			if strings.TrimSpace(l) == "" {
				continue
			}
			n := len(l) - len(strings.TrimLeft(l, " "))
			if margin < 0 || n < margin {
				margin = n
			}
		}
		for i, l := range lines {
			if strings.TrimSpace(l) == "" {
				lines[i] = ""
			} else {
				lines[i] = l[margin:]
			}
		}
		return strings.Join(lines, "\n")
	}
	var n int
	fmt.Sscan(value, &n)
	for i, l := range lines {
		lines[i] = l[min(n, len(l)):]
	}
	return strings.Join(lines, "\n")
}

// notCounted holds the directives whose content rst-inventory does not
// look into: it replaces them by nothing, or docutils does not know them
// and reports them as errors.
var notCounted = map[string]bool{
	"toctree": true, "include": true, "raw": true, "highlight": true, "literalinclude": true,
	"index": true, "sectionauthor": true, "rubric": true, "image": true, "glossary": true,
	"productionlist": true, "centered": true, "hlist": true, "tabularcolumns": true,
}

// normText right-trims every line and drops trailing blank lines, as
// rst-inventory does.
func normText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// inventoryOf lists the sections and literal blocks of doc the way
// rst-inventory lists docutils' tree. Sections give the line of their
// underline, which is the line docutils records for a title.
func inventoryOf(doc *content.Doc) invDoc {
	inv := invDoc{Title: doc.Title, Sections: []invSection{}, Blocks: []invBlock{}}
	content.Walk(doc.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
		switch n := b.(type) {
		case *content.Include:
			return false
		case *content.Directive:
			return n.Known && !notCounted[n.Name]
		case *content.Section:
			inv.Sections = append(inv.Sections, invSection{Title: content.PlainText(n.Title), Level: n.Level, Line: n.TitleLine + 1})
		case *content.Code:
			switch n.Directive {
			case "literalinclude", "doctest", "table", "include":
				return true
			}
			line := n.Line
			blk := invBlock{Line: &line, Lang: strings.ToLower(n.Lang), Text: normText(n.Text)}
			for _, o := range n.Options {
				if o.Name == "dedent" {
					v := o.Value
					blk.dedent = &v
				}
			}
			inv.Blocks = append(inv.Blocks, blk)
		}
		return true
	})
	return inv
}

// dropUnplaced removes the literal blocks docutils reports without a
// line: the quoted source in its error messages, not blocks of the page.
func dropUnplaced(d *invDoc) {
	var out []invBlock
	for _, b := range d.Blocks {
		if b.Line != nil {
			out = append(out, b)
		}
	}
	d.Blocks = out
	if d.Blocks == nil {
		d.Blocks = []invBlock{}
	}
}

// compareInventory reports the differences between want (docutils) and
// got, and returns how many sections and blocks agree.
func compareInventory(t *testing.T, name string, want, got invDoc) (secOK, blkOK int) {
	t.Helper()
	for i := 0; i < max(len(want.Sections), len(got.Sections)); i++ {
		switch {
		case i >= len(got.Sections):
			t.Errorf("%s: missing section %+v", name, want.Sections[i])
		case i >= len(want.Sections):
			t.Errorf("%s: extra section %+v", name, got.Sections[i])
		case want.Sections[i] != got.Sections[i]:
			t.Errorf("%s: section %d:\n got  %+v\n want %+v", name, i, got.Sections[i], want.Sections[i])
		default:
			secOK++
		}
	}
	for i := 0; i < max(len(want.Blocks), len(got.Blocks)); i++ {
		if i < len(want.Blocks) && i < len(got.Blocks) && got.Blocks[i].dedent != nil {
			want.Blocks[i].Text = normText(sphinxDedent(want.Blocks[i].Text, *got.Blocks[i].dedent))
		}
		switch {
		case i >= len(got.Blocks):
			t.Errorf("%s: missing block at line %d: %q", name, *want.Blocks[i].Line, want.Blocks[i].Text)
		case i >= len(want.Blocks):
			t.Errorf("%s: extra block at line %d: %q", name, *got.Blocks[i].Line, got.Blocks[i].Text)
		case *want.Blocks[i].Line != *got.Blocks[i].Line || want.Blocks[i].Lang != got.Blocks[i].Lang || want.Blocks[i].Text != got.Blocks[i].Text:
			w, g := want.Blocks[i], got.Blocks[i]
			t.Errorf("%s: block %d:\n got  line %d lang %q %q\n want line %d lang %q %q", name, i, *g.Line, g.Lang, g.Text, *w.Line, w.Lang, w.Text)
		default:
			blkOK++
		}
	}
	if want.Title != got.Title {
		t.Errorf("%s: title %q, want %q", name, got.Title, want.Title)
	}
	return secOK, blkOK
}

func parseFile(t *testing.T, path, name string) *content.Doc {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := Parse(content.NewFile(name, data), Options{})
	return doc
}

// TestInventory compares the reader with docutils on the pages under
// testdata/inventory, whose docutils inventory tools/rst-golden recorded.
func TestInventory(t *testing.T) {
	pages, err := filepath.Glob("testdata/inventory/*.rst")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages in testdata/inventory: %v", err)
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			data, err := os.ReadFile(strings.TrimSuffix(page, ".rst") + ".json")
			if err != nil {
				t.Fatalf("%v (run tools/rst-golden)", err)
			}
			var want inventory
			if err := json.Unmarshal(data, &want); err != nil || len(want.Docs) != 1 {
				t.Fatalf("bad inventory: %v", err)
			}
			dropUnplaced(&want.Docs[0])
			got := inventoryOf(parseFile(t, page, filepath.Base(page)))
			compareInventory(t, page, want.Docs[0], got)
		})
	}
}

// TestDocutilsLive compares the reader with docutils, run now, on the
// seed chapter and the django-book corpus. It needs ../shared and python3
// with docutils, and skips without them.
func TestDocutilsLive(t *testing.T) {
	shared := sharedDir()
	tool := filepath.Join(shared, "tools", "rst-inventory.py")
	if _, err := os.Stat(tool); err != nil {
		t.Skip("../shared is not here")
	}
	if err := exec.Command("python3", "-c", "import docutils").Run(); err != nil {
		t.Skip("python3 with docutils is not here")
	}
	files := []string{filepath.Join(shared, "seed", "000_4bb0fce7f4f5bdd2.txt")}
	book, _ := filepath.Glob(filepath.Join(shared, "corpus", "django-book", "*.rst"))
	files = append(files, book...)
	var secs, secOK, blks, blkOK int
	for _, f := range files {
		out, err := exec.Command("python3", tool, f).Output()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var want inventory
		if err := json.Unmarshal(out, &want); err != nil || len(want.Docs) != 1 {
			t.Fatalf("%s: bad inventory: %v", f, err)
		}
		dropUnplaced(&want.Docs[0])
		got := inventoryOf(parseFile(t, f, filepath.Base(f)))
		s, b := compareInventory(t, filepath.Base(f), want.Docs[0], got)
		secs += len(want.Docs[0].Sections)
		blks += len(want.Docs[0].Blocks)
		secOK += s
		blkOK += b
	}
	t.Logf("agreement with docutils: blocks %d/%d, sections %d/%d", blkOK, blks, secOK, secs)
}

// sharedDir returns ../shared next to the module root, where the shared
// test material of the project is when it is there.
func sharedDir() string {
	dir, err := filepath.Abs(".")
	if err != nil {
		return "../shared"
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "../shared"
		}
		dir = parent
	}
}
