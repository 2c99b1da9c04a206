package site

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/tailordocs/tailor/content"
)

// kitchenSink returns pages that put a placeholder in every kind of text
// the site shows, every node type included.
func kitchenSink() []Page {
	v := func(s string) string { return s + " $DOMAIN $DB_PASSWORD" }
	annotated := code("ini", "[db]\nhost = $SERVER_IP\npassword = $DB_PASSWORD\nkey = ${SECRET_KEY}",
		opt("caption", "/etc/$DJANGO_PROJECT/db.ini $API_TOKEN"), opt("name", "db-ini"), opt("linenos", ""), opt("emphasize-lines", "2"))
	annotated.Annotation = &content.Annotation{Attrs: []content.Option{{Name: "op", Value: "create"}, {Name: "file", Value: "/etc/$DJANGO_PROJECT/db.ini"}}}
	untitled := &content.Doc{Format: content.Markdown, Title: v("Untitled"), Blocks: []content.Block{para(v("body"))}}
	layout(untitled, "untitled.md")
	return []Page{
		page("index.html", doc("index.rst",
			sec(1, inl(v("Home"), lit(v("lit"))),
				para(v("Text"), em(v("em")), strong(v("strong")), lit(v("literal")),
					link("https://$DOMAIN/$DB_PASSWORD", v("link")), &content.LineBreak{},
					&content.Link{URL: "https://$DOMAIN/t", Title: v("title"), Children: inl(v("titled"))},
					&content.Link{URL: "https://$SECRET_KEY.example"},
					&content.SubstRef{Name: "s", Children: inl(v("subst"))}, &content.SubstRef{Name: "$DB_PASSWORD"},
					&content.InlineImage{URI: "img/$DB_PASSWORD.png", Alt: v("alt"), Title: v("img title")},
					&content.InlineTarget{Name: "it", ID: "it", Children: inl(v("target"))},
					&content.RawInline{Format: "html", Text: `<abbr title="$DOMAIN $DB_PASSWORD">X</abbr>`},
					&content.FootnoteRef{Label: "1", Number: 1}, &content.CitationRef{Label: "C$DOMAIN"}),
				&content.Toctree{Caption: v("Chapters"), Numbered: true, Entries: []content.TocEntry{
					{Title: v("Custom"), Doc: "guide/all"}, {Doc: "untitled"}, {Title: v("Site"), Doc: "https://$DOMAIN/$DB_PASSWORD"}, {Doc: "https://$DOMAIN/x"},
				}},
				&content.Footnote{Label: "1", Number: 1, Blocks: []content.Block{para(v("footnote"))}},
				&content.Citation{Label: "C$DOMAIN", Blocks: []content.Block{para(v("citation"))}},
			),
		)),
		page("guide/all.html", doc("content/guide/all.rst",
			target("top"),
			sec(1, inl(v("All"), em(v("kinds"))),
				para(role("ref", "top"), role("ref", v("Title")+" <top>"), role("ref", "db-ini"), role("ref", "fig"), role("ref", "missing$DOMAIN"),
					role("doc", "../index"), role("doc", v("Doc")+" <../index>"), role("doc", "nowhere$DB_PASSWORD"),
					role("numref", "fig"), role("numref", v("Fig {number} {name}")+" <fig>"), role("numref", "db-ini"),
					role("term", "$DOMAIN term"), role("term", v("t")+" <$DOMAIN term>"), role("term", "none$DB_PASSWORD")),
				para(role("file", "/etc/{$DOMAIN}/$DB_PASSWORD"), role("samp", "echo {$DB_PASSWORD}"), role("command", v("cmd")),
					role("kbd", v("k")), role("abbr", "$DOMAIN ($DB_PASSWORD expl)"), role("sub", v("s")), role("sup", v("s")),
					role("guilabel", "&$DOMAIN $DB_PASSWORD"), role("menuselection", "$DOMAIN --> $DB_PASSWORD"),
					role("pep", v("PEP")+" <8>"), role("rfc", "$DOMAIN"), role("download", v("dl")+" <files/$DB_PASSWORD.sh>"),
					role("py:func", "~a.$DB_PASSWORD"), role("setting", v("s")), role("math", v("m")), role("", v("t"))),
				annotated,
				code("console", "$ ssh root@$SERVER_IP\n# echo $SECRET_KEY $API_TOKEN"),
				code("", v("plain")),
				ul(li(v("item")), task(true, v("task"))),
				ol(2, "loweralpha", item(para(v("loose")), para(v("item")))),
				&content.DefList{Items: []*content.DefItem{{Term: inl(v("term")), Classifiers: [][]content.Inline{inl(v("cls"))}, Def: []content.Block{para(v("def"))}}}},
				&content.FieldList{Fields: []*content.Field{{Name: inl(v("field")), Body: []content.Block{para(v("body"))}}}},
				&content.OptionList{Items: []*content.OptionItem{{Options: []string{v("-o")}, Desc: []content.Block{para(v("desc"))}}}},
				&content.Admonition{Kind: "warning", Title: inl(v("title")), Blocks: []content.Block{para(v("warn"))}},
				&content.Admonition{Kind: "admonition", Title: inl(v("generic")), Blocks: []content.Block{para(v("adm"))}},
				&content.BlockQuote{Blocks: []content.Block{para(v("quote"))}, Attribution: inl(v("who"))},
				&content.LineBlock{Lines: []*content.Line{{Inlines: inl(v("line"))}, {Indent: 1, Inlines: inl(v("indented"))}}},
				&content.Table{Caption: inl(v("caption")), Head: []*content.Row{row(cell(v("head")))}, Body: []*content.Row{row(cell(v("cell")))}},
				&content.Transition{},
				&content.Comment{Text: v("comment")},
				&content.Image{URI: "img/$DJANGO_PROJECT-$DB_PASSWORD.png", Alt: v("alt"), Options: []content.Option{{Name: "target", Value: "https://$DOMAIN/$DB_PASSWORD"}}},
				&content.Image{URI: "img/noalt-$SECRET_KEY.png"},
				target("fig"),
				&content.Figure{Image: &content.Image{URI: "img/$DOMAIN.png", Alt: v("fig alt")}, Caption: inl(v("figure")), Legend: []content.Block{para(v("legend"))}},
				&content.Only{Expr: "x", Blocks: []content.Block{para(v("only"))}},
				&content.Raw{Format: "html", Text: `<p class="raw" title="$DOMAIN $DB_PASSWORD">$DOMAIN $DB_PASSWORD</p>`},
				&content.Raw{Format: "latex", Text: v("latex")},
				&content.SubstitutionDef{Name: "s", Directive: "replace", Inlines: inl(v("def"))},
				&content.Include{Path: "inc.rst", Blocks: []content.Block{para(v("included"))}},
				&content.Directive{Name: "topic", Args: v("topic"), Options: []content.Option{{Name: "subtitle", Value: v("sub")}}, Blocks: []content.Block{para(v("t"))}, Known: true},
				&content.Directive{Name: "sidebar", Title: inl(v("side")), Blocks: []content.Block{para(v("s"))}, Known: true},
				&content.Directive{Name: "rubric", Args: v("rubric"), Known: true},
				&content.Directive{Name: "math", Args: v("a"), Body: v("b"), Known: true},
				&content.Directive{Name: "versionadded", Args: v("1.0"), Known: true},
				&content.Directive{Name: "centered", Args: v("c"), Known: true},
				&content.Directive{Name: "contents", Args: v("Contents"), Known: true},
				&content.Directive{Name: "unknown", Args: v("args"), Body: v("body")},
				&content.Directive{Name: "glossary", Known: true, Blocks: []content.Block{&content.DefList{Items: []*content.DefItem{
					{Term: inl("$DOMAIN term"), Def: []content.Block{para(v("gloss"))}},
				}}}},
				sec(2, v("Second"), para(v("x"))),
			),
		)),
		page("untitled.html", untitled),
	}
}

var placeholderRef = regexp.MustCompile(`\$\{?[A-Z]`)

func TestPlaceholdersEverywhere(t *testing.T) {
	var mu sync.Mutex
	calls := map[string]int{}
	fill := func(n content.Node, s string) (string, []Filled) {
		mu.Lock()
		calls[typeName(n)]++
		mu.Unlock()
		return testFill(n, s)
	}
	opts := Options{Title: "$DOMAIN runbook $DB_PASSWORD", Client: "acme", Fill: fill, Note: func(c *content.Code) string {
		f, _ := c.Annotation.Get("file")
		s, _ := testFill(c, f)
		return "create " + s
	}}
	s, diags := Build(kitchenSink(), opts)
	checkSite(t, s)
	secrets := []string{}
	for name, val := range testValues {
		if isSecret(name) {
			secrets = append(secrets, val)
		}
	}
	for _, f := range s.Files {
		data := string(f.Data)
		for _, sec := range secrets {
			if strings.Contains(data, sec) {
				t.Errorf("%s: secret value %q leaked", f.Path, sec)
			}
		}
		for _, loc := range placeholderRef.FindAllStringIndex(data, -1) {
			t.Errorf("%s: placeholder left: %q", f.Path, data[max(0, loc[0]-40):min(len(data), loc[1]+20)])
		}
	}
	for _, a := range s.Assets {
		for _, sec := range secrets {
			if strings.Contains(a, sec) {
				t.Errorf("asset %q: secret value leaked", a)
			}
		}
		if placeholderRef.MatchString(a) {
			t.Errorf("asset %q: placeholder left", a)
		}
	}
	for _, d := range diags {
		for _, sec := range secrets {
			if strings.Contains(d.Msg, sec) {
				t.Errorf("diagnostic %q: secret value leaked", d)
			}
		}
	}
	// The masks are there, and the values are marked.
	all := string(s.Files[0].Data)
	for _, f := range s.Files[1:] {
		all += string(f.Data)
	}
	for _, want := range []string{secretMask, `<span class="value" title="value of DOMAIN">acme.example</span>`, `title="secret value of DB_PASSWORD, not shown"`} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in the site", want)
		}
	}
	for _, typ := range []string{"Text", "Literal", "Code", "Role", "Link", "Image", "InlineImage", "Raw", "RawInline", "Toctree", "Directive", "OptionItem", "Admonition", "SubstRef", "Citation", "CitationRef"} {
		if calls[typ] == 0 {
			t.Errorf("Fill never called for a %s", typ)
		}
	}
}

func typeName(n content.Node) string {
	if n == nil {
		return "nil"
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", n), "*content.")
}

func TestDeterministic(t *testing.T) {
	opts := Options{Title: "$DOMAIN", Client: "acme", Fill: testFill}
	first, d1 := Build(kitchenSink(), opts)
	const n = 8
	var wg sync.WaitGroup
	sites := make([]*Site, n)
	diags := make([]content.Diagnostics, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each goroutine has its own tree and its own Fill state.
			sites[i], diags[i] = Build(kitchenSink(), Options{Title: "$DOMAIN", Client: "acme", Fill: testFill})
		}()
	}
	wg.Wait()
	for i := range n {
		if diags[i].String() != d1.String() {
			t.Errorf("build %d: diagnostics differ:\n%s\nwant\n%s", i, diags[i], d1)
		}
		if len(sites[i].Files) != len(first.Files) {
			t.Fatalf("build %d: %d files, want %d", i, len(sites[i].Files), len(first.Files))
		}
		for k, f := range sites[i].Files {
			if f.Path != first.Files[k].Path || !bytes.Equal(f.Data, first.Files[k].Data) {
				t.Errorf("build %d: %s differs", i, f.Path)
			}
		}
		if strings.Join(sites[i].Assets, ",") != strings.Join(first.Assets, ",") {
			t.Errorf("build %d: assets differ", i)
		}
	}
}

// TestRawHTMLValues: a value put into raw HTML is text: escaped, whatever
// it holds, while the tutorial's own markup stays markup.
func TestRawHTMLValues(t *testing.T) {
	d := doc("index.rst", sec(1, inl("Contact"),
		&content.Raw{Format: "html", Text: `<p class="x">Contact $TAGLINE at <a href="mailto:$ADMIN_EMAIL">us</a></p>`},
		para("Inline ", &content.RawInline{Format: "html", Text: `<abbr title="$TAGLINE">T</abbr>`}),
	))
	s, _ := Build([]Page{page("index.html", d)}, Options{Fill: testFill})
	var got string
	for _, f := range s.Files {
		if f.Path == "index.html" {
			got = string(f.Data)
		}
	}
	for _, want := range []string{
		`<p class="x">Contact Fast &amp; &lt;safe&gt; &#34;shop&#34; at <a href="mailto:ops@acme.example">us</a></p>`,
		`<abbr title="Fast &amp; &lt;safe&gt; &#34;shop&#34;">T</abbr>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the page lacks %s:\n%s", want, got)
		}
	}
}
