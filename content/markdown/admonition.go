package markdown

import (
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tailordocs/tailor/content"
)

// An admonitionNode is a Python-Markdown (MkDocs) admonition: a line
// "!!! note "Title"" (or "??? note", "???+ note" for a collapsible one)
// and the blocks indented by four columns under it.
type admonitionNode struct {
	ast.BaseBlock
	kind  string // as written, lower case
	title string // the quoted title, "" when none
	// kindAt and titleAt are the offsets of the kind and of the title in
	// the source; titleAt is -1 when there is none.
	kindAt, titleAt int
}

var kindAdmonition = ast.NewNodeKind("Admonition")

func (n *admonitionNode) Kind() ast.NodeKind { return kindAdmonition }

func (n *admonitionNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

var admonitionLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+[\w-]+)*(?:[ \t]+"([^"]*)")?[ \t]*\r?\n?$`)
})

// admonitionParser reads admonitions.
type admonitionParser struct{}

func (admonitionParser) Trigger() []byte { return []byte{'!', '?'} }

func (admonitionParser) Open(parent ast.Node, r text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := r.PeekLine()
	m := admonitionLine().FindSubmatchIndex(line)
	if m == nil {
		return nil, parser.NoChildren
	}
	n := &admonitionNode{kind: strings.ToLower(string(line[m[2]:m[3]])), kindAt: seg.Start + m[2], titleAt: -1}
	if m[4] >= 0 {
		n.title = string(line[m[4]:m[5]])
		n.titleAt = seg.Start + m[4]
	}
	r.AdvanceToEOL()
	return n, parser.NoChildren
}

func (admonitionParser) Continue(n ast.Node, r text.Reader, pc parser.Context) parser.State {
	line, _ := r.PeekLine()
	if util.IsBlank(line) {
		r.AdvanceToEOL()
		return parser.Continue | parser.HasChildren
	}
	if indent, _ := util.IndentWidth(line, r.LineOffset()); indent < 4 {
		return parser.Close
	}
	pos, padding := util.IndentPosition(line, r.LineOffset(), 4)
	r.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

func (admonitionParser) Close(ast.Node, text.Reader, parser.Context) {}

func (admonitionParser) CanInterruptParagraph() bool { return true }

func (admonitionParser) CanAcceptIndentedLine() bool { return false }

// admonitionKinds are the MkDocs kinds that have a Sphinx counterpart;
// the others become generic admonitions titled with their kind.
var admonitionKinds = map[string]string{
	"note": "note", "hint": "hint", "tip": "tip", "warning": "warning", "important": "important",
	"caution": "caution", "danger": "danger", "attention": "attention", "error": "error",
	"seealso": "seealso", "info": "note", "todo": "note", "abstract": "note", "summary": "note",
	"success": "tip", "check": "tip", "question": "hint", "help": "hint", "faq": "hint",
	"failure": "error", "fail": "error", "missing": "error", "bug": "error",
}

// admonition converts an admonition node.
func (c *converter) admonition(n *admonitionNode, start int) content.Block {
	bs := c.blocks(n)
	end := max(c.lineEnd(start), lastEnd(bs))
	a := &content.Admonition{Span: content.Span{Start: start, End: end}, Blocks: bs}
	kind, ok := admonitionKinds[n.kind]
	if !ok {
		kind = "admonition"
	}
	a.Kind = kind
	title := n.title
	at := n.titleAt
	if title == "" && kind == "admonition" {
		title = strings.ToUpper(n.kind[:1]) + n.kind[1:]
		at = n.kindAt // the title is the kind, capitalized
	}
	if title != "" {
		a.Title = []content.Inline{&content.Text{Span: content.Span{Start: at, End: at + len(title)}, Value: title}}
	}
	return a
}
