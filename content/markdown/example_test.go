package markdown_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/content/markdown"
)

// A goldmark converter with the extension fills $DOMAIN in the HTML and
// hands each code block, as written, to Blocks.
func Example() {
	src := []byte("# Mail for $DOMAIN\n\n" +
		"Add this line to `/etc/postfix/main.cf`:\n\n" +
		"```ini {op=append file=/etc/postfix/main.cf}\n" +
		"myhostname = mail.$DOMAIN\n" +
		"```\n")
	values := map[string]string{"DOMAIN": "acme.example"}
	md := goldmark.New(goldmark.WithExtensions(&markdown.Extension{
		Fill: func(name string) (string, bool) {
			v, ok := values[name]
			return v, ok
		},
		Blocks: func(code *content.Code, intro string) {
			file, _ := code.Annotation.Get("file")
			fmt.Printf("line %d, %s block for %s after %q:\n%s\n\n", code.Line, code.Lang, file, intro, code.Text)
		},
	}))
	var html bytes.Buffer
	if err := md.Convert(src, &html); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Print(html.String())
	// Output:
	// line 6, ini block for /etc/postfix/main.cf after "Add this line to /etc/postfix/main.cf:":
	// myhostname = mail.$DOMAIN
	//
	// <h1>Mail for acme.example</h1>
	// <p>Add this line to <code>/etc/postfix/main.cf</code>:</p>
	// <pre><code class="language-ini">myhostname = mail.acme.example
	// </code></pre>
}

// Parse reads a page into tailor's document model; content.Dump shows the
// tree.
func ExampleParse() {
	src := []byte("# Mail\n\n" +
		"<!-- tailor: file=/etc/mailname op=create -->\n" +
		"```\n" +
		"$DOMAIN\n" +
		"```\n\n" +
		"<!-- only: relay -->\n" +
		"Relay through [the ISP](https://smtp.example.net).\n" +
		"<!-- end only -->\n")
	doc, diags := markdown.Parse(content.NewFile("mail.md", src))
	if err := content.Dump(os.Stdout, doc); err != nil {
		fmt.Println(err)
	}
	fmt.Print(diags.String())
	// Output:
	// Doc markdown title="Mail"
	//   Section level=1 id="mail" labels=[] @1:1
	//     title:
	//       Text "Mail"
	//     Comment "tailor: file=/etc/mailname op=create" @3:1
	//     Code fence lang="" line=5 indent=0 caption="" annotation= :file:="/etc/mailname" :op:="create" @4:1
	//       | $DOMAIN
	//     Only "relay" @8:1
	//       Paragraph @9:1
	//         Text "Relay through "
	//         Link url="https://smtp.example.net" refname="" internal="" anonymous=false
	//           Text "the ISP"
	//         Text "."
}

// A plain goldmark pipeline renders a page with its placeholders filled;
// FilePlan then says which files the page makes, and what they hold.
func ExampleFilePlan() {
	src := []byte("# Relay for $DOMAIN\n\n" +
		"Create file `/etc/postfix/sasl_passwd` with the following contents:\n\n" +
		"```\n[smtp.$DOMAIN]:587 $RELAY_USER:secret\n```\n\n" +
		"Add the following to `/etc/postfix/main.cf`:\n\n" +
		"```ini\nrelayhost = [smtp.$DOMAIN]:587\n```\n\n" +
		"```console\n# chmod 600 /etc/postfix/sasl_passwd\n```\n")
	values := map[string]string{"DOMAIN": "acme.example", "RELAY_USER": "acme"}
	md := goldmark.New(goldmark.WithExtensions(&markdown.Extension{
		Fill: func(name string) (string, bool) {
			v, ok := values[name]
			return v, ok
		},
	}))
	pc := parser.NewContext()
	var html bytes.Buffer
	if err := md.Convert(src, &html, parser.WithContext(pc)); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.SplitN(html.String(), "\n", 2)[0])

	out, diags := markdown.FilePlan(pc, "relay.md")
	if err := diags.Err(); err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range out.Manifest.Files {
		name := "rootfs" + f.Path
		if f.Kind != "file" {
			name = "fragments" + f.Path
		}
		fmt.Printf("%s %s %s (line %d, %s)\n%s", f.Kind, f.Path, f.Mode, f.Sources[0].Line, f.Sources[0].By, out.Files[name])
	}
	// Output:
	// <h1>Relay for acme.example</h1>
	// fragment /etc/postfix/main.cf  (line 12, inferred: Add the following to)
	// relayhost = [smtp.acme.example]:587
	// file /etc/postfix/sasl_passwd 0600 (line 6, inferred: Create file with the following contents)
	// [smtp.acme.example]:587 acme:secret
}
