package rst_test

import (
	"fmt"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/content/rst"
)

func ExampleParse() {
	src := `Mail
====

.. tailor: file=/etc/postfix/smtp_auth op=create mode=0640

Create that file with the following contents::

    smtp.example.org user:password

See the :ref:` + "`postfix <postfix-setup>`" + ` page.
`
	doc, diags := rst.Parse(content.NewFile("mail.rst", []byte(src)), rst.Options{})
	fmt.Println("title:", doc.Title)
	content.Walk(doc.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
		if c, ok := b.(*content.Code); ok {
			file, _ := c.Annotation.Get("file")
			fmt.Printf("line %d: %q -> %s\n", c.Line, c.Text, file)
		}
		return true
	})
	fmt.Print(diags.String())
	// Output:
	// title: Mail
	// line 8: "smtp.example.org user:password" -> /etc/postfix/smtp_auth
}

func ExampleParse_diagnostics() {
	src := "Setup\n=====\n\n.. cod-block:: bash\n\n   make install\n\nRead the manual_.\n"
	_, diags := rst.Parse(content.NewFile("setup.rst", []byte(src)), rst.Options{})
	fmt.Print(diags.String())
	// Output:
	// setup.rst:4:1: warning: unknown directive "cod-block"; did you mean "code-block"?
	// setup.rst:8:10: warning: unknown target name "manual"; define it with ".. _manual: URL"
}
