package markdown

import (
	"bytes"
	"os"
	"testing"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/txtar"
)

// positionInputs are the golden inputs, each also with CRLF line endings,
// and a few pages of nested containers.
func positionInputs(t *testing.T) map[string][]byte {
	inputs := map[string][]byte{
		"nested":            []byte("> - item\n>   > quote\n>   > ```sh\n>   > echo $X\n>   > ```\n>\n> 1. one\n>\n>        indented in list in quote\n"),
		"setext":            []byte("A title\non two lines\n===\n\n> Quoted title\n> ---\n"),
		"items":             []byte("- # Heading in item\n  text\n- ```\n  code\n  ```\n-\n  late start\n"),
		"tabs in items":     []byte("- item\n\n\t```sh\n\techo\n\t```\n\n- x\n\n\t> quote\n\n\t# head\n\n\t3. three\n\t---\n"),
		"footnote in quote": []byte("> Note[^q].\n>\n> [^q]: Quoted\n>     note.\n\nAfter[^z].\n\n[^z]: Z.\n"),
	}
	for _, file := range goldenFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		in := goldenInput(txtar.Parse(data))
		inputs[file] = in
		if !bytes.Contains(in, []byte("\r\n")) {
			inputs[file+" crlf"] = bytes.ReplaceAll(in, []byte("\n"), []byte("\r\n"))
		}
	}
	return inputs
}

// TestPositions checks that every block starts on its own first line,
// that spans nest and follow each other, and that code blocks' Line,
// Content and Text agree.
func TestPositions(t *testing.T) {
	for name, in := range positionInputs(t) {
		t.Run(name, func(t *testing.T) {
			f := content.NewFile("in.md", in)
			doc, diags := Parse(f)
			for _, p := range checkDoc(doc, diags, true) {
				t.Error(p)
			}
		})
	}
}

// TestCheckerCatches makes sure the position checks can fail.
func TestCheckerCatches(t *testing.T) {
	src := []byte("# Title\n\nSome text.\n\n```sh\necho hi\n```\n")
	tests := []struct {
		name  string
		spoil func(doc *content.Doc)
	}{
		{"paragraph off its line", func(doc *content.Doc) {
			doc.Blocks[0].(*content.Section).Blocks[0].(*content.Paragraph).Start += 2
		}},
		{"code line", func(doc *content.Doc) {
			doc.Blocks[0].(*content.Section).Blocks[1].(*content.Code).Line++
		}},
		{"code content end", func(doc *content.Doc) {
			doc.Blocks[0].(*content.Section).Blocks[1].(*content.Code).Content.End--
		}},
		{"child outside parent", func(doc *content.Doc) {
			doc.Blocks[0].(*content.Section).End = 5
		}},
		{"siblings overlap", func(doc *content.Doc) {
			doc.Blocks[0].(*content.Section).Blocks[0].(*content.Paragraph).End = 40
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := content.NewFile("in.md", src)
			doc, diags := Parse(f)
			if p := checkDoc(doc, diags, true); len(p) > 0 {
				t.Fatalf("problems before breaking: %v", p)
			}
			tt.spoil(doc)
			if p := checkDoc(doc, diags, true); len(p) == 0 {
				t.Error("no problem found")
			}
		})
	}
}
