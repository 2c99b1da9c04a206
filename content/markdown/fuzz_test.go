package markdown

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/txtar"
)

func addGoldenSeeds(f *testing.F) {
	for _, file := range goldenFiles(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(goldenInput(txtar.Parse(data)))
	}
}

// FuzzParse checks that Parse does not panic and that every span is in
// range, inside its parent and after its previous sibling.
func FuzzParse(f *testing.F) {
	addGoldenSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		file := content.NewFile("fuzz.md", src)
		doc, diags := Parse(file)
		if p := checkDoc(doc, diags, false); len(p) > 0 {
			t.Fatalf("%d problems:\n%s", len(p), strings.Join(p, "\n"))
		}
	})
}

// FuzzExtension checks that the extension does not panic, and changes
// nothing when it fills nothing.
func FuzzExtension(f *testing.F) {
	addGoldenSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		s := string(src)
		plain := convert(t, s, nil)
		if got := convert(t, s, &Extension{Fill: func(string) (string, bool) { return "", false }}); got != plain {
			t.Fatalf("output changed without filling:\n%s\nwant:\n%s", got, plain)
		}
		convert(t, s, &Extension{
			Fill:   func(name string) (string, bool) { return "<" + strings.ToLower(name) + "&>", true },
			Blocks: func(*content.Code, string) {},
			Only:   func(x *content.TagExpr) bool { return len(x.String())%2 == 0 },
		})
	})
}

// benchPage is a tutorial-like page of about 2 KB using most constructs.
const benchPage = `## Step %[1]d: configure $DOMAIN

Install the packages and *check* the **result** with ` + "`systemctl status`" + `,
as [the manual](https://docs.example.org/%[1]d "Manual") says[^n%[1]d].

<!-- tailor: file=/etc/nginx/sites-available/$DOMAIN op=create -->
` + "```nginx" + `
server {
    listen 443 ssl;
    server_name $DOMAIN www.$DOMAIN;
    root /srv/$DJANGO_PROJECT/static;
}
` + "```" + `

- [x] create the user ` + "`$DJANGO_USER`" + `
- [ ] open the firewall for port %[1]d
  1. first
  2. second

> [!NOTE]
> Reload the server after each change.

<!-- only: debian and not docker -->
| Setting | Value |
|:--------|------:|
| workers | %[1]d |
| user    | www-data |
<!-- end only -->

    sudo systemctl reload nginx

[^n%[1]d]: Footnote number %[1]d.

`

func benchSource(n int) []byte {
	var b bytes.Buffer
	b.WriteString("# Deploying $DJANGO_PROJECT\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, benchPage, i)
	}
	return b.Bytes()
}

// BenchmarkParse reads generated pages of about 20 KB, 200 KB and 2 MB:
// the throughput should not fall with the size.
func BenchmarkParse(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		src := benchSource(n)
		b.Run(fmt.Sprintf("%dKB", len(src)/1000), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				f := content.NewFile("bench.md", src)
				if _, diags := Parse(f); diags.HasErrors() {
					b.Fatal(diags)
				}
			}
		})
	}
}

// BenchmarkGoldmark is goldmark's parse alone on the 200 KB page, for
// comparison.
func BenchmarkGoldmark(b *testing.B) {
	src := benchSource(100)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		readerParser().Parse(text.NewReader(src))
	}
}

// BenchmarkExtension converts the 200 KB page to HTML with the extension
// filling placeholders and collecting blocks.
func BenchmarkExtension(b *testing.B) {
	src := string(benchSource(100))
	e := &Extension{
		Fill:   func(name string) (string, bool) { return "value", true },
		Blocks: func(*content.Code, string) {},
		Only:   func(*content.TagExpr) bool { return true },
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		convert(b, src, e)
	}
}
