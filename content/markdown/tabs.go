package markdown

import (
	"regexp"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tailordocs/tailor/content"
)

// A tabNode is one of the content tabs of MkDocs Material (pymdownx.tabbed):
// a line `=== "Debian"` and the blocks indented by four columns under it.
// Consecutive tabs are one set of alternatives.
type tabNode struct {
	ast.BaseBlock
	label   string
	labelAt int // the label's offset in the source
}

var kindTab = ast.NewNodeKind("Tab")

func (n *tabNode) Kind() ast.NodeKind { return kindTab }

func (n *tabNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

var tabLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^===[+!]{0,2}[ \t]+"([^"]*)"[ \t]*\r?\n?$`) })

// tabParser reads content tabs.
type tabParser struct{}

func (tabParser) Trigger() []byte { return []byte{'='} }

func (tabParser) Open(parent ast.Node, r text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := r.PeekLine()
	m := tabLine().FindSubmatchIndex(line)
	if m == nil {
		return nil, parser.NoChildren
	}
	n := &tabNode{label: string(line[m[2]:m[3]]), labelAt: seg.Start + m[2]}
	r.AdvanceToEOL()
	return n, parser.NoChildren
}

func (tabParser) Continue(n ast.Node, r text.Reader, pc parser.Context) parser.State {
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

func (tabParser) Close(ast.Node, text.Reader, parser.Context) {}

func (tabParser) CanInterruptParagraph() bool { return true }

func (tabParser) CanAcceptIndentedLine() bool { return false }

// tab converts a content tab: a "tab" directive titled with its label,
// as sphinx-tabs' tabs are.
func (c *converter) tab(n *tabNode, start int) content.Block {
	bs := c.blocks(n)
	end := max(c.lineEnd(start), lastEnd(bs))
	title := []content.Inline{&content.Text{Span: content.Span{Start: n.labelAt, End: n.labelAt + len(n.label)}, Value: n.label}}
	return &content.Directive{Span: content.Span{Start: start, End: end}, Name: "tab", Args: n.label, Title: title, Blocks: bs, Known: true}
}
