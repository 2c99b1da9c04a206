package markdown

import (
	"bytes"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tailordocs/tailor/content"
)

// Parse reads one Markdown file (CommonMark + GitHub extensions) into a
// document. It never panics; diagnostics are sorted.
//
// The document keeps the byte offsets of every block and inline node in
// f.Src; the source is never modified. Footnote definitions stay where
// they are written; front matter is a content.Raw of format "yaml" or
// "toml"; an annotation comment stays in the tree as a content.Comment
// before the code block it annotates. Errors (bad annotation attributes,
// bad or unbalanced only comments) do not stop the reader: the returned
// document holds everything it could read. A nil f gives an empty
// document.
//
// Parse is safe for concurrent use.
func Parse(f *content.File) (*content.Doc, content.Diagnostics) {
	if f != nil && hasLoneCR(f.Src) {
		// goldmark ends lines at "\n" only; a lone "\r" ends one too,
		// for CommonMark, content.File and docutils. Same length, same
		// positions.
		src := bytes.Clone(f.Src)
		for i, c := range src {
			if c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
				src[i] = '\n'
			}
		}
		f = content.NewFile(f.Name, src)
	}
	doc := &content.Doc{File: f, Format: content.Markdown}
	if f == nil {
		return doc, nil
	}
	if off, ok := tooDeep(f.Src); !ok {
		// goldmark takes time that grows fast with the depth of nested
		// lists; no page needs so many levels
		var diags content.Diagnostics
		diags.Errorf(f.Position(off), "lists nested more than %d levels deep: the page is not read", maxListDepth)
		return nil, diags
	}
	st := &parseState{fenceEnds: map[ast.Node]int{}, starts: map[ast.Node]int{}}
	pc := parser.NewContext()
	pc.Set(stateKey, st)
	reader := text.NewReader(f.Src)
	if bytes.HasPrefix(f.Src, bom) {
		reader.Advance(len(bom)) // not text: the page starts after it
	}
	root := readerParser().Parse(reader, parser.WithContext(pc))
	st.restoreFootnotes()

	c := newConverter(f, true)
	c.fenceEnds, c.starts = st.fenceEnds, st.starts
	if len(st.footnotes) > 0 {
		c.collectFootnotes(root)
	}
	doc.Blocks = c.blocks(root)
	if len(doc.Blocks) > 0 {
		if fm, ok := doc.Blocks[0].(*content.Raw); ok {
			doc.Title = frontMatterTitle(fm)
		}
	}
	content.Walk(doc.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
		if s, ok := b.(*content.Section); ok && doc.Title == "" {
			doc.Title = content.PlainText(s.Title)
			return false
		}
		return doc.Title == ""
	})
	c.diags.Sort()
	return doc, c.diags
}

var (
	readerOnce sync.Once
	reader     parser.Parser
)

// readerParser returns the goldmark parser of the reader: CommonMark, GFM,
// footnotes, definition lists, heading attributes and front matter, with
// the block parsers wrapped to record what goldmark's tree leaves out or
// gets wrong (where a block starts, where a closing fence ends, where a
// footnote was defined).
func readerParser() parser.Parser {
	readerOnce.Do(func() {
		blocks := append(parser.DefaultBlockParsers(),
			util.Prioritized(frontMatterParser{}, 0),
			util.Prioritized(admonitionParser{}, 50),
			util.Prioritized(tabParser{}, 55),
			util.Prioritized(mystParser{}, 60),
			util.Prioritized(mystTargetParser{}, 60),
			util.Prioritized(extension.NewDefinitionListParser(), 101),
			util.Prioritized(extension.NewDefinitionDescriptionParser(), 102),
			util.Prioritized(footnoteParser{extension.NewFootnoteBlockParser()}, 999),
		)
		for i, v := range blocks {
			bp := v.Value.(parser.BlockParser)
			if bp == parser.NewFencedCodeBlockParser() {
				bp = fenceParser{bp}
			}
			blocks[i].Value = startParser{bp}
		}
		inlines := append(parser.DefaultInlineParsers(),
			util.Prioritized(extension.NewTaskCheckBoxParser(), 0),
			util.Prioritized(extension.NewFootnoteParser(), 101),
			util.Prioritized(extension.NewStrikethroughParser(), 500),
			util.Prioritized(extension.NewLinkifyParser(), 999),
		)
		paragraphs := append(parser.DefaultParagraphTransformers(),
			util.Prioritized(extension.NewTableParagraphTransformer(), 200),
		)
		reader = parser.NewParser(
			parser.WithBlockParsers(blocks...),
			parser.WithInlineParsers(inlines...),
			parser.WithParagraphTransformers(paragraphs...),
			parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
			parser.WithHeadingAttribute(),
		)
	})
	return reader
}

var stateKey = parser.NewContextKey()

// parseState is what the wrapped block parsers record during one parse.
type parseState struct {
	// starts maps a block to the offset of its first byte, marker
	// included. goldmark's own positions are off by the width of the
	// part of a tab that a container left, up to three bytes.
	starts map[ast.Node]int
	// fenceEnds maps a fenced code block to the end of its closing fence
	// line (newline included).
	fenceEnds map[ast.Node]int
	// footnotes are the footnote definitions in the order they closed,
	// with the place goldmark took them from.
	footnotes []placedFootnote
}

type placedFootnote struct {
	node, parent, prev ast.Node
}

// startParser wraps a block parser to record where its blocks start.
type startParser struct{ parser.BlockParser }

func (p startParser) Open(parent ast.Node, r text.Reader, pc parser.Context) (ast.Node, parser.State) {
	_, seg := r.Position()
	off := pc.BlockOffset()
	n, s := p.BlockParser.Open(parent, r, pc)
	if n != nil && off >= 0 {
		if st, ok := pc.Get(stateKey).(*parseState); ok {
			// The block offset counts the padding of the line, which is
			// not in the source.
			st.starts[n] = seg.Start + max(off-seg.Padding, 0)
		}
	}
	return n, s
}

// SetOption passes parser options, such as heading attributes, to the
// wrapped parser.
func (p startParser) SetOption(name parser.OptionName, value any) {
	if so, ok := p.BlockParser.(parser.SetOptioner); ok {
		so.SetOption(name, value)
	}
}

// fenceParser is goldmark's fenced code block parser, recording the end of
// the closing fence: goldmark keeps only the content lines.
type fenceParser struct{ parser.BlockParser }

func (p fenceParser) Continue(n ast.Node, r text.Reader, pc parser.Context) parser.State {
	_, seg := r.PeekLine()
	s := p.BlockParser.Continue(n, r, pc)
	if s == parser.Close {
		if st, ok := pc.Get(stateKey).(*parseState); ok {
			st.fenceEnds[n] = seg.Stop
		}
	}
	return s
}

// footnoteParser is goldmark's footnote definition parser, recording
// where each definition was, so that the reader can put it back: goldmark
// gathers all definitions into one list. It does not open a definition
// inside another one, which goldmark cannot gather without making a cycle.
type footnoteParser struct{ parser.BlockParser }

func (p footnoteParser) Open(parent ast.Node, r text.Reader, pc parser.Context) (ast.Node, parser.State) {
	for a := parent; a != nil; a = a.Parent() {
		if a.Kind() == east.KindFootnote {
			return nil, parser.NoChildren
		}
	}
	return p.BlockParser.Open(parent, r, pc)
}

func (p footnoteParser) Close(n ast.Node, r text.Reader, pc parser.Context) {
	if st, ok := pc.Get(stateKey).(*parseState); ok && n.Parent() != nil {
		st.footnotes = append(st.footnotes, placedFootnote{node: n, parent: n.Parent(), prev: n.PreviousSibling()})
	}
	p.BlockParser.Close(n, r, pc)
}

// restoreFootnotes moves every footnote definition from goldmark's
// footnote list back to where it was written, and removes the emptied
// lists.
func (st *parseState) restoreFootnotes() {
	type anchor struct{ parent, prev ast.Node }
	last := map[anchor]ast.Node{} // last footnote put back after an anchor
	lists := map[ast.Node]bool{}
	for _, fp := range st.footnotes {
		list := fp.node.Parent()
		if list == nil || list.Kind() != east.KindFootnoteList {
			continue
		}
		lists[list] = true
		list.RemoveChild(list, fp.node)
		a := anchor{fp.parent, fp.prev}
		after := last[a]
		if after == nil {
			after = fp.prev
		}
		switch {
		case after != nil && after.Parent() == fp.parent:
			fp.parent.InsertAfter(fp.parent, after, fp.node)
		case fp.parent.FirstChild() != nil:
			fp.parent.InsertBefore(fp.parent, fp.parent.FirstChild(), fp.node)
		default:
			fp.parent.AppendChild(fp.parent, fp.node)
		}
		last[a] = fp.node
	}
	for list := range lists {
		if list.FirstChild() == nil && list.Parent() != nil {
			list.Parent().RemoveChild(list.Parent(), list)
		}
	}
}

// bom is the UTF-8 byte order mark some editors put at the start of a file.
var bom = []byte("\ufeff")

// hasLoneCR reports whether src has a "\r" not followed by "\n".
func hasLoneCR(src []byte) bool {
	for i := bytes.IndexByte(src, '\r'); i >= 0; {
		if i+1 == len(src) || src[i+1] != '\n' {
			return true
		}
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// maxListDepth bounds how deep lists and block quotes may nest.
const maxListDepth = 100

// tooDeep reports whether the lists and block quotes of src nest deeper
// than maxListDepth, and where, outside fenced code: list items by their
// indentation, and markers that open several levels on one line
// ("- - - x", "> > >").
func tooDeep(src []byte) (int, bool) {
	var stack []int // indentation of the open list items
	fence := ""
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		line := string(src[off : off+end])
		start := off
		off += end + 1
		t := strings.TrimLeft(line, " ")
		indent := len(line) - len(t)
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		// markers on this line: each opens a level
		n := 0
		for {
			t = strings.TrimLeft(t, " ")
			m := listMarker(t)
			if m == 0 {
				break
			}
			n++
			t = t[m:]
		}
		if n == 0 {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1] >= indent {
			stack = stack[:len(stack)-1]
		}
		stack = append(stack, indent)
		if len(stack)+n-1 > maxListDepth {
			return start, false
		}
	}
	return 0, true
}

// listMarker returns the length of a list item or block quote marker with
// the space after it at the start of t, or 0.
func listMarker(t string) int {
	if t == "" {
		return 0
	}
	switch t[0] {
	case '-', '*', '+', '>':
		if len(t) == 1 || t[1] == ' ' {
			return min(len(t), 2)
		}
		return 0
	}
	i := 0
	for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')') && (i+1 == len(t) || t[i+1] == ' ') {
		return min(len(t), i+2)
	}
	return 0
}
