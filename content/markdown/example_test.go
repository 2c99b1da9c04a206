package markdown_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/yuin/goldmark"

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
