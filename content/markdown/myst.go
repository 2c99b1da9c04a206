package markdown

import (
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/tailordocs/tailor/content"
)

// MyST (the Markdown of Sphinx's myst-parser) writes a directive as a
// fence whose info string is "{name} arguments": ```{note}, or with
// colons, :::{note}, whose content is always Markdown. Directives of code
// (code-block, code, sourcecode) are code blocks (see code.go); those of
// documentation (admonitions, topic, ...) hold blocks, read here as the
// blocks of a container, so that every block keeps its place in the
// source.

// mystAdmonitions are the admonitions of Sphinx and docutils;
// "admonition" takes a title as argument, the others show their kind.
var mystAdmonitions = map[string]bool{
	"attention": true, "caution": true, "danger": true, "error": true, "hint": true,
	"important": true, "note": true, "seealso": true, "tip": true, "warning": true,
	"admonition": true, "todo": true,
}

// mystTitled are the other directives whose content is documentation and
// whose argument is a title, not the start of their content.
var mystTitled = map[string]bool{
	"topic": true, "sidebar": true, "rubric": true, "centered": true, "container": true,
	"versionadded": true, "versionchanged": true, "deprecated": true, "versionremoved": true,
}

// mystBodies are the other directives whose content is documentation.
var mystBodies = map[string]bool{
	"epigraph": true, "highlights": true, "pull-quote": true, "compound": true, "hlist": true,
	"glossary": true, "only": true,
}

// isMySTBody reports whether the MyST directive name holds documentation.
func isMySTBody(name string) bool {
	return mystAdmonitions[name] || mystTitled[name] || mystBodies[name]
}

// A mystNode is a MyST directive whose content is Markdown.
type mystNode struct {
	ast.BaseBlock
	name  string
	args  string
	argAt int // offset of the arguments in the source
	fence string
	// options are the ":key: value" lines (or the "---" YAML block) that
	// open the content; opening is true while they may follow.
	options []content.Option
	opening bool
	yaml    bool // inside a "---" options block
	known   bool
}

var kindMyST = ast.NewNodeKind("MySTDirective")

func (n *mystNode) Kind() ast.NodeKind { return kindMyST }

func (n *mystNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// mystFence matches the opening line of a MyST directive fence.
var mystFence = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("^ {0,3}(`{3,}|~{3,}|:{3,})\\{([A-Za-z][\\w:.-]*)\\}(?:[ \\t]+(.*?))?[ \\t]*\\r?\\n?$")
})

// mystParser reads MyST directives whose content is Markdown.
type mystParser struct{}

func (mystParser) Trigger() []byte { return []byte{'`', '~', ':'} }

func (mystParser) Open(parent ast.Node, r text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := r.PeekLine()
	m := mystFence().FindSubmatchIndex(line)
	if m == nil {
		return nil, parser.NoChildren
	}
	fence := string(line[m[2]:m[3]])
	name := strings.ToLower(string(line[m[4]:m[5]]))
	known := isMySTBody(name)
	if !known && fence[0] != ':' {
		return nil, parser.NoChildren // a code block, or a directive shown as one
	}
	if _, code := codeDirectives[name]; code && fence[0] == ':' {
		return nil, parser.NoChildren
	}
	n := &mystNode{name: name, fence: fence, opening: true, known: known, argAt: -1}
	if m[6] >= 0 {
		n.args = string(line[m[6]:m[7]])
		n.argAt = seg.Start + m[6]
	}
	r.AdvanceToEOL()
	return n, parser.HasChildren
}

// optionLine matches a ":key: value" option line of a directive.
var optionLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[ \t]*:([\w-]+):(?:[ \t]+(.*?))?[ \t]*\r?\n?$`) })

// yamlLine matches a "key: value" line of a YAML options block.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[ \t]*([\w-]+):(?:[ \t]+(.*?))?[ \t]*\r?\n?$`) })

func (mystParser) Continue(node ast.Node, r text.Reader, pc parser.Context) parser.State {
	n := node.(*mystNode)
	line, seg := r.PeekLine()
	t := strings.TrimRight(string(line), " \t\r\n")
	if lead := len(t) - len(strings.TrimLeft(t, " ")); lead <= 3 && strings.Trim(t[lead:], n.fence[:1]) == "" && len(t)-lead >= len(n.fence) {
		if st, ok := pc.Get(stateKey).(*parseState); ok {
			st.fenceEnds[n] = seg.Stop
		}
		r.AdvanceToEOL()
		return parser.Close
	}
	if n.opening {
		switch {
		case n.yaml:
			if strings.TrimSpace(t) == "---" {
				n.yaml, n.opening = false, false
			} else if m := yamlLine().FindStringSubmatch(t); m != nil {
				n.options = append(n.options, content.Option{Name: strings.ToLower(m[1]), Value: strings.Trim(m[2], `"'`)})
			}
			r.AdvanceToEOL()
			return parser.Continue | parser.HasChildren
		case len(n.options) == 0 && strings.TrimSpace(t) == "---":
			n.yaml = true
			r.AdvanceToEOL()
			return parser.Continue | parser.HasChildren
		}
		if m := optionLine().FindStringSubmatch(t); m != nil {
			n.options = append(n.options, content.Option{Name: strings.ToLower(m[1]), Value: m[2]})
			r.AdvanceToEOL()
			return parser.Continue | parser.HasChildren
		}
		n.opening = false
	}
	return parser.Continue | parser.HasChildren
}

func (mystParser) Close(ast.Node, text.Reader, parser.Context) {}

func (mystParser) CanInterruptParagraph() bool { return true }

func (mystParser) CanAcceptIndentedLine() bool { return false }

// codeDirectives are the MyST directives of code blocks.
var codeDirectives = map[string]struct{}{"code-block": {}, "code": {}, "sourcecode": {}, "code-cell": {}}

// mystDirective converts a MyST directive whose content is
// documentation: an admonition, conditional content, or a directive
// holding blocks. A :name: option labels it, as a target before it.
func (c *converter) mystDirective(n *mystNode, start int) []content.Block {
	bs := c.blocks(n)
	end := max(c.lineEnd(start), lastEnd(bs))
	if e, ok := c.fenceEnds[n]; ok {
		end = max(end, c.segEnd(text.NewSegment(start, e)))
	} else if c.fenceEnds != nil {
		c.warnf(start, "MyST directive {%s} is not closed: it runs to the end of the %s", n.name, containerName(n))
	}
	span := content.Span{Start: start, End: end}
	var args []content.Inline
	if n.args != "" {
		args = []content.Inline{&content.Text{Span: content.Span{Start: n.argAt, End: n.argAt + len(n.args)}, Value: n.args}}
	}
	var out []content.Block
	for _, o := range n.options {
		if o.Name == "name" && o.Value != "" {
			out = append(out, &content.Target{Span: content.Span{Start: start, End: start}, Name: o.Value})
		}
	}
	switch {
	case !n.known:
		c.warnf(start, "MyST directive {%s} is not known: its content is shown as it is", n.name)
	case n.name == "only":
		o := &content.Only{Span: span, Expr: n.args, Blocks: bs}
		if n.args == "" {
			c.errorf(start, "{only} has no tag expression; write the tags that keep the content, such as {only} nginx")
		} else if _, err := content.ParseTagExpr(n.args); err != nil {
			c.errorf(n.argAt, "bad {only} expression: %s", err)
		}
		return append(out, o)
	case n.name == "todo":
		title := []content.Inline{&content.Text{Span: content.Span{Start: start, End: start}, Value: "Todo"}}
		return append(out, &content.Admonition{Span: span, Kind: "admonition", Title: title, Blocks: bs})
	case mystAdmonitions[n.name]:
		// the argument of a note is the start of its content, which
		// the renderer shows first, as for ".. note:: text"
		return append(out, &content.Admonition{Span: span, Kind: n.name, Title: args, Blocks: bs})
	}
	d := &content.Directive{Span: span, Name: n.name, Args: n.args, Options: n.options, Blocks: bs, Known: n.known}
	if d.Blocks == nil {
		d.Blocks = []content.Block{}
	}
	if mystTitled[n.name] {
		d.Title = args
	} else if args != nil {
		p := &content.Paragraph{Span: args[0].(*content.Text).Span, Inlines: args}
		d.Blocks = append([]content.Block{p}, d.Blocks...)
		d.Args = ""
	}
	return append(out, d)
}

// mystTargetLine matches a MyST target, "(label)=" alone on its line.
var mystTargetLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ {0,3}\(([^()\s][^()]*)\)=[ \t]*\r?\n?$`) })

// A mystTargetNode is a MyST target: a label for the block after it.
type mystTargetNode struct {
	ast.BaseBlock
	name string
}

var kindMySTTarget = ast.NewNodeKind("MySTTarget")

func (n *mystTargetNode) Kind() ast.NodeKind { return kindMySTTarget }

func (n *mystTargetNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// mystTargetParser reads MyST targets.
type mystTargetParser struct{}

func (mystTargetParser) Trigger() []byte { return []byte{'('} }

func (mystTargetParser) Open(parent ast.Node, r text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := r.PeekLine()
	m := mystTargetLine().FindSubmatch(line)
	if m == nil {
		return nil, parser.NoChildren
	}
	r.AdvanceToEOL()
	return &mystTargetNode{name: strings.TrimSpace(string(m[1]))}, parser.NoChildren
}

func (mystTargetParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

func (mystTargetParser) Close(ast.Node, text.Reader, parser.Context) {}

func (mystTargetParser) CanInterruptParagraph() bool { return true }

func (mystTargetParser) CanAcceptIndentedLine() bool { return false }

// roleName matches the "{name}" of a MyST role at the end of a text.
var roleName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{([A-Za-z0-9_+:-]{1,36})\}$`) })

// roleBefore reports whether a MyST role's "{name}" comes right before
// the code span at start, and if so takes it from the text collected in
// l and returns the name and where it starts.
func (c *converter) roleBefore(l *inlineList, start int) (string, int, bool) {
	m := roleName().FindSubmatchIndex(c.src[max(0, start-40):start])
	if m == nil {
		return "", 0, false
	}
	at := max(0, start-40) + m[0]
	if at > 0 && c.src[at-1] == '\\' {
		return "", 0, false // an escaped brace
	}
	name := string(c.src[at+1 : start-1])
	if !l.cutSuffix("{"+name+"}", at) {
		return "", 0, false
	}
	return name, at, true
}

// mystRoles are the roles whose meaning tailor knows, as in reST.
var mystRoles = map[string]bool{
	"ref": true, "doc": true, "numref": true, "term": true, "download": true, "any": true,
	"abbr": true, "pep": true, "rfc": true, "file": true, "samp": true, "guilabel": true,
	"menuselection": true, "command": true, "program": true, "code": true, "literal": true,
	"envvar": true, "option": true, "makevar": true, "mailheader": true, "mimetype": true,
	"regexp": true, "kbd": true, "sub": true, "subscript": true, "sup": true,
	"superscript": true, "emphasis": true, "strong": true, "dfn": true, "manpage": true,
	"title-reference": true, "math": true,
}

// titledRoles are the roles that take "Title <target>".
var titledRoles = map[string]bool{"ref": true, "doc": true, "numref": true, "term": true, "download": true, "any": true}

// roleTitle splits "Title <target>" as Sphinx does.
var roleTitle = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)^(.+?)\s*<(.*?)>$`) })

// mystRole makes the role {name}`text` spanning span.
func mystRole(name, text string, span content.Span) *content.Role {
	name = strings.ToLower(name)
	r := &content.Role{Span: span, Name: name, Text: text, Target: text, Known: mystRoles[name] || strings.Contains(name, ":")}
	if titledRoles[strings.TrimPrefix(name, "std:")] || strings.Contains(name, ":") {
		if m := roleTitle().FindStringSubmatch(text); m != nil {
			r.Title, r.Target = m[1], m[2]
		}
	}
	return r
}
