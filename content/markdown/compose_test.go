package markdown_test

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/content/markdown"
)

var composeValues = map[string]string{"DOMAIN": "acme.example", "USER": "a<b"}

func composeFill(name string) (string, bool) {
	v, ok := composeValues[name]
	return v, ok
}

// TestHighlighting: goldmark-highlighting renders the code blocks, with
// their values filled, whichever extension comes first; a block annotated
// subst=off keeps its placeholders.
func TestHighlighting(t *testing.T) {
	src := "Add to `/etc/x.conf`:\n\n```ini\nserver_name = $DOMAIN\nuser = $USER\n```\n\n" +
		"```sh {subst=off}\necho $DOMAIN\n```\n\n    indented $DOMAIN\n"
	tailor := &markdown.Extension{Fill: composeFill}
	for name, exts := range map[string][]goldmark.Extender{
		"highlighting first": {highlighting.Highlighting, tailor},
		"tailor first":       {tailor, highlighting.Highlighting},
	} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			if err := goldmark.New(goldmark.WithExtensions(exts...)).Convert([]byte(src), &out); err != nil {
				t.Fatal(err)
			}
			html := out.String()
			for _, want := range []string{
				`<code>/etc/x.conf</code>`,
				`acme.example</span>`, // a token of the highlighter
				`a&lt;b`,
				`$DOMAIN`, // subst=off
				"<pre><code>indented acme.example\n</code></pre>",
			} {
				if !strings.Contains(html, want) {
					t.Errorf("no %q in:\n%s", want, html)
				}
			}
			if n := strings.Count(html, `<pre style="background-color:`); n != 2 {
				t.Errorf("%d highlighted blocks, want 2:\n%s", n, html)
			}
			if strings.Count(html, "$DOMAIN") != 1 || strings.Contains(html, "$USER") {
				t.Errorf("placeholders left:\n%s", html)
			}
		})
	}
}

// TestMeta: the front matter goldmark-meta reads has its values filled,
// in meta.Get, meta.GetItems, the document's Meta and the table,
// whichever extension comes first.
func TestMeta(t *testing.T) {
	src := "---\ntitle: Mail for $DOMAIN\ntags: [$DOMAIN, mail]\nowner:\n  name: $USER\n  port: 25\n---\n# $DOMAIN\n"
	tailor := &markdown.Extension{Fill: composeFill}
	m := meta.New(meta.WithStoresInDocument(), meta.WithTable())
	for name, exts := range map[string][]goldmark.Extender{
		"meta first":   {m, tailor, extension.Table},
		"tailor first": {tailor, m, extension.Table},
	} {
		t.Run(name, func(t *testing.T) {
			md := goldmark.New(goldmark.WithExtensions(exts...))
			pc := parser.NewContext()
			var out bytes.Buffer
			if err := md.Convert([]byte(src), &out, parser.WithContext(pc)); err != nil {
				t.Fatal(err)
			}
			got := meta.Get(pc)
			if got["title"] != "Mail for acme.example" || fmt.Sprint(got["tags"]) != "[acme.example mail]" || fmt.Sprint(got["owner"]) != "map[name:a<b port:25]" {
				t.Errorf("meta.Get: %v", got)
			}
			if items := meta.GetItems(pc); len(items) != 3 || items[0].Value != "Mail for acme.example" {
				t.Errorf("meta.GetItems: %v", items)
			}
			doc := md.Parser().Parse(textReader(src), parser.WithContext(parser.NewContext()))
			if title := doc.OwnerDocument().Meta()["title"]; title != "Mail for acme.example" {
				t.Errorf("document meta title %q", title)
			}
			if html := out.String(); !strings.Contains(html, "<td>Mail for acme.example</td>") || !strings.Contains(html, "<h1>acme.example</h1>") {
				t.Errorf("html:\n%s", html)
			}
		})
	}
}

func textReader(s string) text.Reader { return text.NewReader([]byte(s)) }

// TestFilePlan: the files of a converted page follow its conditional
// content as the extension decided it, name missing path values at their
// block, and leave the document as it was, so that it renders the same
// again.
func TestFilePlan(t *testing.T) {
	src := "Create file `/etc/$APP/app.conf` with the following contents:\n\n```ini\nuser = $USER\nhost = $NOPE\n```\n\n" +
		"<!-- only: nginx -->\nCreate file `/etc/nginx/app.conf` with the following contents:\n\n```\nserver {}\n```\n<!-- end only -->\n"
	for _, tc := range []struct {
		name  string
		vals  map[string]string
		only  bool
		files string
		diags string
	}{
		{"all", map[string]string{"APP": "shop", "USER": "bob"}, true, "rootfs/etc/nginx/app.conf rootfs/etc/shop/app.conf", ""},
		{"not nginx", map[string]string{"APP": "shop", "USER": "bob"}, false, "rootfs/etc/shop/app.conf", ""},
		{"no APP", map[string]string{"USER": "bob"}, false, "", "app.md:4:1: error: undefined placeholder $APP in \"/etc/$APP/app.conf\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			md := goldmark.New(goldmark.WithExtensions(&markdown.Extension{
				Fill: func(n string) (string, bool) { v, ok := tc.vals[n]; return v, ok },
				Only: func(*content.TagExpr) bool { return tc.only },
			}))
			pc := parser.NewContext()
			doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
			var first, second bytes.Buffer
			if err := md.Renderer().Render(&first, []byte(src), doc); err != nil {
				t.Fatal(err)
			}
			out, diags := markdown.FilePlan(pc, "app.md")
			if err := md.Renderer().Render(&second, []byte(src), doc); err != nil {
				t.Fatal(err)
			}
			if first.String() != second.String() {
				t.Errorf("second rendering differs:\n%s\nfirst:\n%s", &second, &first)
			}
			var names []string
			for name := range out.Files {
				names = append(names, name)
			}
			sort.Strings(names)
			if got := strings.Join(names, " "); got != tc.files {
				t.Errorf("files %q, want %q", got, tc.files)
			}
			if got := strings.TrimSpace(diags.String()); got != tc.diags {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tc.diags)
			}
			if data := out.Files["rootfs/etc/shop/app.conf"]; data != nil && string(data) != "user = bob\nhost = $NOPE\n" {
				t.Errorf("app.conf = %q", data)
			}
		})
	}
	if out, diags := markdown.FilePlan(parser.NewContext(), "x.md"); out != nil || diags != nil {
		t.Errorf("a context no extension converted: %v, %v", out, diags)
	}
}
