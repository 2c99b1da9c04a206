package generator

import (
	"strings"
	"testing"

	"github.com/tailordocs/tailor/content"
)

func para(s string) *content.Paragraph {
	return &content.Paragraph{Inlines: []content.Inline{&content.Text{Value: s}}}
}

// TestFilterDocs filters conditional content nested in containers, and
// leaves the shared tree as it was.
func TestFilterDocs(t *testing.T) {
	only := func(expr string, bs ...content.Block) *content.Only { return &content.Only{Expr: expr, Blocks: bs} }
	doc := &content.Doc{Blocks: []content.Block{
		&content.Section{Blocks: []content.Block{
			para("always"),
			only("nginx", para("nginx")),
			&content.List{Items: []*content.Item{{Blocks: []content.Block{only("not nginx", para("in a list"))}}}},
			&content.Admonition{Blocks: []content.Block{only("nginx and tls", only("tls", para("nested")))}},
			&content.DefList{Items: []*content.DefItem{{Def: []content.Block{only("apache", para("in a definition"))}}}},
			&content.FieldList{Fields: []*content.Field{{Body: []content.Block{para("field"), only("apache", para("in a field"))}}}},
			&content.OptionList{Items: []*content.OptionItem{{Desc: []content.Block{only("apache", para("in an option"))}}}},
			&content.Table{
				Head: []*content.Row{{Cells: []*content.Cell{{Blocks: []content.Block{para("head")}}}}},
				Body: []*content.Row{
					{Cells: []*content.Cell{{Blocks: []content.Block{para("cell")}}}},
					{Cells: []*content.Cell{{Blocks: []content.Block{para("cell")}}, {Blocks: []content.Block{only("apache", para("in a table"))}}}},
				},
			},
		}},
	}}
	before := dumpDoc(t, doc)
	tests := []struct {
		tags string
		want []string
	}{
		{"", []string{"always", "in a list", "field", "head", "cell", "cell"}},
		{"nginx", []string{"always", "nginx", "field", "head", "cell", "cell"}},
		{"nginx tls", []string{"always", "nginx", "nested", "field", "head", "cell", "cell"}},
		{"apache", []string{"always", "in a list", "in a definition", "field", "in a field", "in an option", "head", "cell", "cell", "in a table"}},
	}
	for _, tt := range tests {
		tags := map[string]bool{}
		for _, tag := range strings.Fields(tt.tags) {
			tags[tag] = true
		}
		got := filterDocs([]*content.Doc{doc}, tags)[0]
		var texts []string
		content.Walk(got.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
			if _, ok := b.(*content.Only); ok {
				t.Errorf("tags %q: an only node is left", tt.tags)
			}
			if p, ok := b.(*content.Paragraph); ok {
				texts = append(texts, content.PlainText(p.Inlines))
			}
			return true
		})
		if strings.Join(texts, "|") != strings.Join(tt.want, "|") {
			t.Errorf("tags %q: %q, want %q", tt.tags, texts, tt.want)
		}
	}
	if after := dumpDoc(t, doc); after != before {
		t.Errorf("filtering changed the shared tree:\n%s\nwas\n%s", after, before)
	}
	if got := filterDocs([]*content.Doc{{Blocks: []content.Block{para("x")}}}, nil); len(got[0].Blocks) != 1 {
		t.Error("a page without conditions lost content")
	}
}

func dumpDoc(t *testing.T, d *content.Doc) string {
	var b strings.Builder
	c := *d
	c.File = content.NewFile("x", nil)
	if err := content.Dump(&b, &c); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
