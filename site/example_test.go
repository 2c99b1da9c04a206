package site_test

import (
	"fmt"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/site"
)

func ExampleBuild() {
	src := "Mail\n====\n\nSend mail as ``$SENDER``.\n"
	d := &content.Doc{
		File:  content.NewFile("mail.rst", []byte(src)),
		Title: "Mail",
		Blocks: []content.Block{&content.Section{
			Title: []content.Inline{&content.Text{Value: "Mail"}}, RawTitle: "Mail", Level: 1, ID: "mail",
			Blocks: []content.Block{&content.Paragraph{Inlines: []content.Inline{
				&content.Text{Value: "Send mail as "}, &content.Literal{Value: "$SENDER"}, &content.Text{Value: "."},
			}}},
		}},
	}
	fill := func(n content.Node, s string) (string, []site.Filled) {
		i := strings.Index(s, "$SENDER")
		if i < 0 {
			return s, nil
		}
		v := "ops@acme.example"
		return s[:i] + v + s[i+len("$SENDER"):], []site.Filled{{Start: i, End: i + len(v), Name: "SENDER"}}
	}
	s, diags := site.Build([]site.Page{{Doc: d, Path: "mail.html"}}, site.Options{Client: "acme", Fill: fill})
	for _, f := range s.Files {
		fmt.Println(f.Path)
	}
	page, _ := s.File("mail.html")
	for _, line := range strings.Split(string(page), "\n") {
		if strings.HasPrefix(line, "<p>") {
			fmt.Println(line)
		}
	}
	fmt.Println(len(diags), "diagnostics")
	// Output:
	// _static/tailor.css
	// _static/tailor.js
	// index.html
	// mail.html
	// searchindex.js
	// <p>Send mail as <code><span class="value" title="value of SENDER">ops@acme.example</span></code>.</p>
	// 0 diagnostics
}
