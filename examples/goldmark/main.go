// Command goldmark renders a Markdown page with $PLACEHOLDERS in a plain
// goldmark pipeline with tailor's extension, and prints the HTML and the
// files the page would have a reader write.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"

	"github.com/tailordocs/tailor/content/markdown"
)

const page = "# Relay for $DOMAIN\n\n" +
	"Create file `/etc/postfix/sasl_passwd` with the following contents:\n\n" +
	"```\n[smtp.$DOMAIN]:587 $RELAY_USER:secret\n```\n\n" +
	"Add the following to `/etc/postfix/main.cf`:\n\n" +
	"```ini\nrelayhost = [smtp.$DOMAIN]:587\n```\n"

func main() {
	values := map[string]string{"DOMAIN": "acme.example", "RELAY_USER": "acme"}
	md := goldmark.New(goldmark.WithExtensions(&markdown.Extension{
		Fill: func(name string) (string, bool) {
			v, ok := values[name]
			return v, ok
		},
	}))
	pc := parser.NewContext()
	var html bytes.Buffer
	if err := md.Convert([]byte(page), &html, parser.WithContext(pc)); err != nil {
		fail(err)
	}
	fmt.Print(html.String())

	out, diags := markdown.FilePlan(pc, "relay.md")
	if err := diags.Err(); err != nil {
		fail(err)
	}
	for _, f := range out.Manifest.Files {
		dir := "rootfs"
		if f.Kind != "file" {
			dir = "fragments"
		}
		fmt.Printf("-- %s %s --\n%s", f.Kind, f.Path, out.Files[dir+f.Path])
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
