package markdown

import (
	"strings"
	"testing"

	"github.com/tailordocs/tailor/content"
)

// TestDiagnostics pins the exact text and position of every diagnostic the
// reader reports.
func TestDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{
			"unterminated quote in info string",
			"```ini {file=\"/etc/x op=append}\na\n```\n",
			[]string{`x.md:1:9: error: bad attribute list "{file=\"/etc/x op=append}" in the info string: unterminated quoted value for file`},
		},
		{
			"missing brace in info string",
			"```ini {op=append\na\n```\n",
			[]string{`x.md:1:18: error: bad attribute list "{op=append" in the info string: missing } at the end of the attribute list`},
		},
		{
			"text after the brace",
			"```ini {op=append} x\na\n```\n",
			[]string{`x.md:1:20: error: bad attribute list "{op=append} x" in the info string: unexpected "x" after }`},
		},
		{
			"bad name in info string, columns in runes",
			"Größe:\n\n```ini a=é @=1\na\n```\n",
			[]string{`x.md:3:12: error: bad attribute list "a=é @=1" in the info string: expected an attribute name, found "@"`},
		},
		{
			"bad attribute in annotation comment",
			"<!-- tailor: file=/etc/z =oops -->\n```\nd\n```\n",
			[]string{`x.md:1:26: error: bad tailor annotation "file=/etc/z =oops": expected an attribute name, found "="`},
		},
		{
			"bad attribute on the second line of a comment in a quote",
			"> <!-- tailor: file=/etc/w\n> mode='0640 -->\n> ```\n> e\n> ```\n",
			[]string{`x.md:2:3: error: bad tailor annotation "file=/etc/w\nmode='0640": unterminated quoted value for mode`},
		},
		{
			"annotation before a paragraph",
			"  <!-- tailor: file=/etc/a -->\nText.\n",
			[]string{`x.md:1:3: warning: tailor annotation "file=/etc/a" is not followed by a code block; put it right before the code block it describes`},
		},
		{
			"annotation at the end",
			"Text.\n\n<!-- tailor: op=skip -->\n",
			[]string{`x.md:3:1: warning: tailor annotation "op=skip" is not followed by a code block; put it right before the code block it describes`},
		},
		{
			"only not closed",
			"<!-- only: nginx -->\nText.\n",
			[]string{`x.md:1:1: error: "<!-- only: nginx -->" is not closed; add <!-- end only --> after its content, at the same level (top level, or in the same list item or quote)`},
		},
		{
			"end only without only",
			"Text.\n\n<!-- end only -->\n",
			[]string{`x.md:3:1: error: <!-- end only --> has no matching <!-- only: EXPR --> before it at the same level (top level, or in the same list item or quote)`},
		},
		{
			"only closed at another level",
			"- <!-- only: a -->\n  Item.\n\n<!-- end  only -->\n",
			[]string{
				`x.md:1:3: error: "<!-- only: a -->" is not closed; add <!-- end only --> after its content, at the same level (top level, or in the same list item or quote)`,
				`x.md:4:1: error: <!-- end only --> has no matching <!-- only: EXPR --> before it at the same level (top level, or in the same list item or quote)`,
			},
		},
		{
			"bad tag expression",
			"<!-- only: nginx or or apache -->\nx\n<!-- end only -->\n",
			[]string{`x.md:1:21: error: bad only comment: unexpected "or" in tag expression "nginx or or apache"`},
		},
		{
			"missing parenthesis on a CRLF line",
			"Text.\r\n\r\n<!-- only:   (a and b -->\r\nx\r\n<!-- end only -->\r\n",
			[]string{`x.md:3:22: error: bad only comment: missing ) in tag expression "(a and b"`},
		},
		{
			"empty tag expression",
			"<!-- only: -->\nx\n<!-- end only -->\n",
			[]string{`x.md:1:12: error: <!-- only: --> has no tag expression; write the tags that keep the content, such as <!-- only: nginx -->`},
		},
		{
			"tailor comment inside a paragraph",
			"Some <!-- tailor: file=/etc/x --> text.\n",
			[]string{`x.md:1:6: warning: "<!-- tailor: file=/etc/x -->" inside a paragraph is ignored; put it on a line of its own, with a blank line before it`},
		},
		{
			"near misses",
			"<!-- ONLY: nginx -->\n\n<!-- end-only -->\n\n<!-- Tailor: op=skip -->\n\n<!-- tailor op=skip -->\n",
			[]string{
				`x.md:1:1: warning: comment "<!-- ONLY: nginx -->" is not a tailor comment (did you mean "<!-- only: nginx -->"?)`,
				`x.md:3:1: warning: comment "<!-- end-only -->" is not a tailor comment (did you mean "<!-- end only -->"?)`,
				`x.md:5:1: warning: comment "<!-- Tailor: op=skip -->" is not a tailor comment (did you mean "<!-- tailor: op=skip -->"?)`,
				`x.md:7:1: warning: comment "<!-- tailor op=skip -->" is not a tailor comment (did you mean "<!-- tailor: op=skip -->"?)`,
			},
		},
		{
			"ordinary comments are fine",
			"<!-- only for the record -->\n\n<!-- tailor is a tool -->\n",
			nil,
		},
		{
			"duplicate explicit id",
			"# One {#setup}\n\n## Two {#setup}\n",
			[]string{`x.md:3:1: warning: section id "setup" is already used by an earlier section; choose another {#id}`},
		},
		{
			"sorted by position",
			"<!-- only: -->\n<!-- tailor: x -->\nText.\n",
			[]string{
				`x.md:1:1: error: "<!-- only: -->" is not closed; add <!-- end only --> after its content, at the same level (top level, or in the same list item or quote)`,
				`x.md:1:12: error: <!-- only: --> has no tag expression; write the tags that keep the content, such as <!-- only: nginx -->`,
				`x.md:2:1: warning: tailor annotation "x" is not followed by a code block; put it right before the code block it describes`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse(content.NewFile("x.md", []byte(tt.in)))
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
