package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/txtar"
)

// convert renders src with goldmark, GFM, footnotes and definition lists,
// the given extension (nil for none) and HTML options.
func convert(t testing.TB, src string, e *Extension, opts ...renderer.Option) string {
	t.Helper()
	exts := []goldmark.Extender{extension.GFM, extension.Footnote, extension.DefinitionList}
	if e != nil {
		exts = append(exts, e)
	}
	md := goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()),
		goldmark.WithRendererOptions(opts...),
	)
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// sameOutputInputs are pages whose rendering must not change when the
// extension fills nothing.
func sameOutputInputs(t *testing.T) map[string]string {
	inputs := map[string]string{
		"entities":  "a &amp; b &#35; &#x26; &nosuch; \\* \\$X & < > \" \x00 end\n",
		"breaks":    "one\ntwo  \nthree\\\nfour $X\nfive\n",
		"links":     "[a](http://x/$Y \"t &amp; $Y\") ![i *j* `k`](javascript:x \"q\") <http://$Z/> www.example.com x@y.org\n",
		"code":      "`a  b\nc`\n\n```go {file=/x}\nx := \"<$Y>\"\n```\n\n    indented $Y\n",
		"dangerous": "[x](javascript:alert(1)) ![y](data:text/html,z)\n",
		"tabs":      "- item\n\n\t````sh\n\techo $X\n\t````\n\n> ```\n> q\n>```\n",
	}
	for _, file := range goldenFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inputs[file] = string(goldenInput(txtar.Parse(data)))
	}
	return inputs
}

// TestExtensionSameOutput checks that the extension changes nothing when
// it fills nothing: the zero value, and a Fill that knows no name.
func TestExtensionSameOutput(t *testing.T) {
	options := map[string][]renderer.Option{
		"default":   nil,
		"unsafe":    {html.WithUnsafe()},
		"xhtml":     {html.WithXHTML(), html.WithHardWraps()},
		"escapedsp": {html.WithWriter(html.NewWriter(html.WithEscapedSpace()))},
	}
	exts := map[string]*Extension{
		"zero":    {},
		"unknown": {Fill: func(string) (string, bool) { return "", false }},
		"blocks":  {Blocks: func(*content.Code, string) {}, Only: func(*content.TagExpr) bool { return true }},
	}
	for name, src := range sameOutputInputs(t) {
		t.Run(name, func(t *testing.T) {
			for oname, opts := range options {
				want := convert(t, src, nil, opts...)
				for ename, e := range exts {
					if got := convert(t, src, e, opts...); got != want {
						t.Errorf("%s options, %s extension:\n%s\nwant:\n%s", oname, ename, got, want)
					}
				}
			}
		})
	}
}

var testValues = map[string]string{
	"DOMAIN": "a<b&c.example",
	"USER":   "bob",
	"QUOTE":  `say "hi"`,
}

func testFill(name string) (string, bool) {
	v, ok := testValues[name]
	return v, ok
}

func TestExtensionFill(t *testing.T) {
	tests := []struct {
		name, in, want string
		opts           []renderer.Option
	}{
		{"text", "Visit $DOMAIN now.", "<p>Visit a&lt;b&amp;c.example now.</p>\n", nil},
		{"braced", "On ${DOMAIN}.", "<p>On a&lt;b&amp;c.example.</p>\n", nil},
		{"heading", "# Serving $DOMAIN", "<h1>Serving a&lt;b&amp;c.example</h1>\n", nil},
		{"split by goldmark", "$USER_HOME and $USER_x and $USER.", "<p>$USER_HOME and $USER_x and bob.</p>\n", nil},
		{"unknown and escaped", "$NOPE, $$DOMAIN and \\$USER", "<p>$NOPE, $$DOMAIN and bob</p>\n", nil},
		{"entities around", "&amp; $USER &lt;", "<p>&amp; bob &lt;</p>\n", nil},
		{"soft and hard breaks", "$USER\n$USER  \n$USER\\\nend", "<p>bob\nbob<br>\nbob<br>\nend</p>\n", nil},
		{"hard wraps", "$USER\nend", "<p>bob<br />\nend</p>\n", []renderer.Option{html.WithHardWraps(), html.WithXHTML()}},
		{"emphasis", "*$USER* **$DOMAIN**", "<p><em>bob</em> <strong>a&lt;b&amp;c.example</strong></p>\n", nil},
		{"code span", "Run `ssh $USER@$DOMAIN`.", "<p>Run <code>ssh bob@a&lt;b&amp;c.example</code>.</p>\n", nil},
		{"code span over lines", "`ssh\n$USER`", "<p><code>ssh bob</code></p>\n", nil},
		{"fenced code", "```nginx\nserver_name $DOMAIN;\nuser $USER;\n```",
			"<pre><code class=\"language-nginx\">server_name a&lt;b&amp;c.example;\nuser bob;\n</code></pre>\n", nil},
		{"indented code", "    echo $QUOTE", "<pre><code>echo say &quot;hi&quot;\n</code></pre>\n", nil},
		{"subst off in info", "```sh {subst=off}\necho $USER\n```", "<pre><code class=\"language-sh\">echo $USER\n</code></pre>\n", nil},
		{"subst off in comment", "<!-- tailor: subst=off -->\n```\necho $USER\n```", "<!-- raw HTML omitted -->\n<pre><code>echo $USER\n</code></pre>\n", nil},
		{"link", `[site](https://$DOMAIN/$USER "on $DOMAIN")`,
			"<p><a href=\"https://a%3Cb&amp;c.example/bob\" title=\"on a&lt;b&amp;c.example\">site</a></p>\n", nil},
		{"reference link", "[site][s]\n\n[s]: http://$USER.example/",
			"<p><a href=\"http://bob.example/\">site</a></p>\n", nil},
		{"image", `![$USER's logo](/img/$USER.png "$QUOTE")`,
			"<p><img src=\"/img/bob.png\" alt=\"bob's logo\" title=\"say &quot;hi&quot;\"></p>\n", nil},
		{"autolink", "<https://$USER.example/>", "<p><a href=\"https://bob.example/\">https://bob.example/</a></p>\n", nil},
		{"table cell", "| a |\n|---|\n| $USER |", "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bob</td>\n</tr>\n</tbody>\n</table>\n", nil},
		{"raw html kept", "<span title=\"$USER\">$USER</span>", "<p><span title=\"$USER\">bob</span></p>\n", []renderer.Option{html.WithUnsafe()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := convert(t, tt.in, &Extension{Fill: testFill}, tt.opts...)
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

type collected struct {
	lang, text, caption, intro string
	line                       int
	ann                        string
}

func collect(t *testing.T, src string, only func(*content.TagExpr) bool) ([]collected, string) {
	t.Helper()
	var got []collected
	e := &Extension{
		Blocks: func(c *content.Code, intro string) {
			var ann []string
			if c.Annotation != nil {
				for _, a := range c.Annotation.Attrs {
					ann = append(ann, a.Name+"="+a.Value)
				}
			}
			got = append(got, collected{c.Lang, c.Text, c.Caption, intro, c.Line, strings.Join(ann, " ")})
		},
		Only: only,
	}
	out := convert(t, src, e)
	return got, out
}

func TestExtensionBlocks(t *testing.T) {
	src := `# Mail

Create the file ` + "`/etc/mailname`" + ` with
your domain:

<!-- tailor: file=/etc/mailname op=create -->

` + "```text" + `
$DOMAIN
` + "```" + `

` + "```ini {file=/etc/postfix/main.cf op=append}" + `
relayhost = smtp.$DOMAIN
` + "```" + `

## Check

- Test it:

  ` + "```sh title=\"check mail\"" + `
  echo test | mail root
  ` + "```" + `

Done.

    indented
`
	got, _ := collect(t, src, nil)
	want := []collected{
		{lang: "text", text: "$DOMAIN", intro: "Create the file /etc/mailname with\nyour domain:", line: 9, ann: "file=/etc/mailname op=create"},
		{lang: "ini", text: "relayhost = smtp.$DOMAIN", intro: "", line: 13, ann: "file=/etc/postfix/main.cf op=append"},
		{lang: "sh", text: "echo test | mail root", caption: "check mail", intro: "Test it:", line: 21},
		{text: "indented", intro: "Done.", line: 26},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("blocks:\n%v\nwant:\n%v", got, want)
	}
}

func TestExtensionOnly(t *testing.T) {
	src := "Intro.\n\n<!-- only: nginx -->\nFor nginx:\n\n```\nnginx\n```\n<!-- only: debian -->\nOn Debian.\n<!-- end only -->\n<!-- end only -->\n\n" +
		"<!-- only: apache -->\n```\napache\n```\n<!-- end only -->\n\n- <!-- only: apache -->\n  In item.\n  <!-- end only -->\n\n" +
		"<!-- only: bad and -->\nKept: bad expression.\n<!-- end only -->\n\n<!-- only: apache -->\nKept: never closed.\n"
	tags := map[string]bool{"nginx": true}
	got, out := collect(t, src, func(x *content.TagExpr) bool { return x.Eval(tags) })
	if len(got) != 1 || got[0].text != "nginx" || got[0].intro != "For nginx:" {
		t.Errorf("blocks: %v, want only the nginx one", got)
	}
	for _, s := range []string{"For nginx:", "Kept: bad expression.", "Kept: never closed."} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	for _, s := range []string{"On Debian.", "apache", "In item."} {
		if strings.Contains(out, s) {
			t.Errorf("output holds excluded %q:\n%s", s, out)
		}
	}
}

// TestUnescapeMatchesWriter checks unescape against goldmark's default
// writer: RawWrite(unescape(s)) must be Write(s), for the reader's text to
// be what goldmark shows.
func TestUnescapeMatchesWriter(t *testing.T) {
	pieces := []string{"\\", "&", "#", "x", "X", ";", "amp", "lt", "1", "9", "0", "f", "$", "*", " ", "a", "\x00", "é", "<", "\"", "nbsp", "&#", "&#x"}
	rnd := rand.New(rand.NewSource(1))
	cases := []string{"", "\\", "&", "&amp;", "&#0;", "&#x110000;", "&#9999999;", "&#99999999;", "&#xFFFFFF;", "\\&amp;", "\\\\&amp;", "&AMP;", "&#X41;"}
	for range 5000 {
		var b strings.Builder
		for range rnd.Intn(12) {
			b.WriteString(pieces[rnd.Intn(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		var want, got bytes.Buffer
		ww, gw := bufio.NewWriter(&want), bufio.NewWriter(&got)
		html.DefaultWriter.Write(ww, []byte(s))
		html.DefaultWriter.RawWrite(gw, []byte(unescape([]byte(s))))
		_ = ww.Flush()
		_ = gw.Flush()
		if got.String() != want.String() {
			t.Errorf("unescape(%q) written is %q, goldmark writes %q", s, got.String(), want.String())
		}
	}
}

// TestExtensionBlocksMatchParse checks that the extension hands over the
// same code blocks as the reader finds, for every golden input.
func TestExtensionBlocksMatchParse(t *testing.T) {
	describe := func(c *content.Code) string {
		return fmt.Sprintf("%s %q line=%d content=%v span=%v indent=%d caption=%q name=%q options=%v annotation=%v\n%s",
			c.Directive, c.Lang, c.Line, c.Content, c.Span, c.Indent, c.Caption, c.Name, c.Options, c.Annotation, c.Text)
	}
	for name, src := range sameOutputInputs(t) {
		if strings.Contains(name, "admonitions") || strings.Contains(name, "myst-directives") || strings.Contains(name, "content-tabs") {
			// MkDocs admonitions and tabs and MyST directives are the reader's: a
			// goldmark host without them reads (and renders) their content
			// as indented code or as a fence
			continue
		}
		t.Run(name, func(t *testing.T) {
			var fromExt []string
			convert(t, src, &Extension{Blocks: func(c *content.Code, _ string) {
				fromExt = append(fromExt, describe(c))
			}})
			doc, _ := Parse(content.NewFile("in.md", []byte(src)))
			var fromParse []string
			content.Walk(doc.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
				if c, ok := b.(*content.Code); ok {
					fromParse = append(fromParse, describe(c))
				}
				return true
			})
			sort.Strings(fromExt)
			sort.Strings(fromParse)
			if strings.Join(fromExt, "\n") != strings.Join(fromParse, "\n") {
				t.Errorf("extension:\n%s\nreader:\n%s", strings.Join(fromExt, "\n"), strings.Join(fromParse, "\n"))
			}
		})
	}
}
