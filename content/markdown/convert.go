package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tailordocs/tailor/content"
)

// A converter turns goldmark's tree into content nodes. The reader and the
// goldmark extension share it; only the reader reports diagnostics.
type converter struct {
	file   *content.File
	src    []byte
	report bool
	diags  content.Diagnostics
	// fenceEnds maps fenced code blocks to the end of their closing fence,
	// and starts blocks to where they start, when the parser recorded
	// them; nil means guess from goldmark's tree and the source.
	fenceEnds map[ast.Node]int
	starts    map[ast.Node]int
	// footnotes maps footnote numbers to their labels.
	footnotes map[int]string
	// ids counts the section ids in use, for GitHub's de-duplication.
	ids map[string]int
	// last is the position of the last diagnostic, from which the next
	// one on the same line is counted.
	last content.Position
}

func newConverter(f *content.File, report bool) *converter {
	return &converter{file: f, src: f.Src, report: report, ids: map[string]int{}}
}

func (c *converter) errorf(off int, format string, args ...any) {
	if c.report {
		c.diags.Errorf(c.position(off), format, args...)
	}
}

func (c *converter) warnf(off int, format string, args ...any) {
	if c.report {
		c.diags.Warnf(c.position(off), format, args...)
	}
}

// position returns the position of off. Counting the column from the
// previous diagnostic's when it is earlier on the same line keeps many
// diagnostics on one long line linear.
func (c *converter) position(off int) content.Position {
	if l := c.last; l.Line > 0 && off >= l.Offset && off <= len(c.src) && bytes.IndexByte(c.src[l.Offset:off], '\n') < 0 {
		l.Column += utf8.RuneCount(c.src[l.Offset:off])
		l.Offset = off
		c.last = l
		return l
	}
	c.last = c.file.Position(off)
	return c.last
}

// collectFootnotes numbers the footnote labels for the references.
func (c *converter) collectFootnotes(root ast.Node) {
	c.footnotes = map[int]string{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fn, ok := n.(*east.Footnote); ok && entering && fn.Index > 0 {
			c.footnotes[fn.Index] = string(fn.Ref)
		}
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// children returns the children of n.
func children(n ast.Node) []ast.Node {
	var out []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// blocks converts the block children of parent, one sequence of siblings.
// They are taken in source order, which goldmark's order is but in odd
// cases (a table cut out of a setext heading's text).
func (c *converter) blocks(parent ast.Node) []content.Block {
	nodes := children(parent)
	sorted := true
	for i := 1; i < len(nodes) && sorted; i++ {
		sorted = c.start(nodes[i-1]) <= c.start(nodes[i])
	}
	if !sorted {
		starts := make(map[ast.Node]int, len(nodes))
		for _, n := range nodes {
			starts[n] = c.start(n)
		}
		sort.SliceStable(nodes, func(i, j int) bool { return starts[nodes[i]] < starts[nodes[j]] })
	}
	return c.items(c.group(nodes))
}

// items converts a sequence of siblings: headings open sections that nest
// the blocks up to the next heading of the same or a higher level, an
// annotation comment annotates the code block right after it, and only
// groups become content.Only.
func (c *converter) items(items []item) []content.Block {
	var out []content.Block
	var open []*content.Section
	add := func(b content.Block) {
		if len(open) > 0 {
			s := open[len(open)-1]
			s.Blocks = append(s.Blocks, b)
		} else {
			out = append(out, b)
		}
	}
	closeTo := func(level int) {
		for len(open) > 0 && open[len(open)-1].Level >= level {
			s := open[len(open)-1]
			open = open[:len(open)-1]
			if n := len(s.Blocks); n > 0 {
				s.End = max(s.End, s.Blocks[n-1].EndPos())
			}
		}
	}
	var ann *content.Annotation // from the annotation comment just before
	for i, it := range items {
		prev := ann
		ann = nil
		if it.only != nil {
			add(c.only(it.only))
			continue
		}
		switch n := it.node.(type) {
		case *ast.Heading:
			s := c.section(n)
			closeTo(s.Level)
			add(s)
			open = append(open, s)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			add(c.code(n, prev))
		case *ast.HTMLBlock:
			cm := c.comment(n)
			add(c.html(n, cm))
			if cm.kind == annotationComment {
				ann = c.commentAnnotation(cm)
				if i+1 >= len(items) || !isCode(items[i+1].node) {
					c.warnf(c.start(n), "tailor annotation %q is not followed by a code block; put it right before the code block it describes", strings.TrimSpace(cm.arg))
				}
			}
		case *east.FootnoteList:
			for _, fn := range children(n) {
				add(c.block(fn))
			}
		case *mystNode:
			for _, b := range c.mystDirective(n, c.start(n)) {
				add(b)
			}
		default:
			add(c.block(n))
		}
	}
	closeTo(0)
	return out
}

func isCode(n ast.Node) bool {
	switch n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return true
	}
	return false
}

// block converts one block that is not a heading.
func (c *converter) block(n ast.Node) content.Block {
	start := c.start(n)
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return c.paragraph(n, start)
	case *ast.Heading:
		return c.section(n)
	case *ast.ThematicBreak:
		return &content.Transition{Span: content.Span{Start: start, End: c.lineEnd(start)}}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return c.code(n, nil)
	case *ast.HTMLBlock:
		return c.html(n, c.comment(n))
	case *ast.Blockquote:
		return c.quote(n, start)
	case *admonitionNode:
		return c.admonition(n, start)
	case *tabNode:
		return c.tab(n, start)
	case *mystTargetNode:
		return &content.Target{Span: content.Span{Start: start, End: c.lineEnd(start)}, Name: n.name}
	case *ast.List:
		return c.list(n, start)
	case *ast.LinkReferenceDefinition:
		return &content.Target{
			Span: content.Span{Start: start, End: c.linesEnd(n, start)},
			Name: string(n.Label),
			URL:  resolveURL(n.Destination),
		}
	case *east.Table:
		return c.table(n, start)
	case *east.DefinitionList:
		return c.defList(n, start)
	case *frontMatter:
		return &content.Raw{
			Span:   content.Span{Start: start, End: max(start, n.end)},
			Format: n.format,
			Text:   strings.TrimRight(strings.ReplaceAll(c.linesText(n.Lines()).s, "\r\n", "\n"), "\n"),
		}
	case *east.Footnote:
		number := max(n.Index, 0)
		bs := c.blocks(n)
		if len(bs) > 0 {
			start = fitStart(start, bs[0].Pos())
		}
		return &content.Footnote{
			Span:   content.Span{Start: start, End: max(c.tokenEnd(start), lastEnd(bs))},
			Label:  string(n.Ref),
			Number: number,
			Blocks: bs,
		}
	}
	// A kind this reader does not know: keep its content.
	d := &content.Directive{Name: strings.ToLower(n.Kind().String())}
	if n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeBlock {
		d.Blocks = c.blocks(n)
	} else if n.Lines().Len() > 0 {
		d.Body = strings.TrimRight(c.linesText(n.Lines()).s, "\n")
	}
	d.Span = content.Span{Start: start, End: max(c.linesEnd(n, start), lastEnd(d.Blocks))}
	return d
}

// section converts a heading into an empty section.
func (c *converter) section(h *ast.Heading) *content.Section {
	start := c.start(h)
	lines := h.Lines()
	s := &content.Section{Level: h.Level}
	titleStart, titleEnd := start, start
	if lines.Len() > 0 {
		titleStart = lines.At(0).Start
		titleEnd = lines.At(lines.Len() - 1).Stop
		s.RawTitle = strings.TrimSpace(strings.ReplaceAll(c.linesText(lines).s, "\r\n", "\n"))
	}
	s.Title = c.inlines(h, titleStart, titleEnd)
	s.TitleLine = c.file.Position(titleStart).Line
	end := c.lineEnd(start)
	if !c.isATX(h) {
		// A setext heading ends with its underline, the line after the text.
		end = titleEnd
		if nl := indexByteFrom(c.src, '\n', titleEnd); nl >= 0 && nl+1 < len(c.src) {
			u := strings.TrimLeft(string(c.src[nl+1:c.lineEnd(nl+1)]), " \t>")
			if t := strings.TrimRight(u, " \t"); t != "" && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "") {
				end = c.lineEnd(nl + 1)
			}
		}
	}
	s.Span = content.Span{Start: start, End: max(end, titleEnd)}
	if v, ok := h.AttributeString("id"); ok {
		s.ID = attrString(v)
		if _, used := c.ids[s.ID]; used {
			c.warnf(start, "section id %q is already used by an earlier section; choose another {#id}", s.ID)
		} else {
			c.ids[s.ID] = 0
		}
	} else {
		s.ID = c.uniqueID(slug(content.PlainText(s.Title)))
	}
	return s
}

// isATX reports whether a heading is an ATX heading ("## Title"): one
// whose text follows a '#' on its line.
func (c *converter) isATX(h *ast.Heading) bool {
	if h.Lines().Len() == 0 {
		return true
	}
	text := h.Lines().At(0).Start
	if p, ok := c.starts[h]; ok {
		return p < text && p < len(c.src) && c.src[p] == '#'
	}
	p := text
	for p > 0 && c.src[p-1] != '\n' && util.IsSpace(c.src[p-1]) {
		p--
	}
	return p > 0 && c.src[p-1] == '#'
}

func attrString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// uniqueID returns id, or id-1, id-2, ... when it is taken, as GitHub
// does.
func (c *converter) uniqueID(id string) string {
	base := id
	for {
		if _, used := c.ids[id]; !used {
			break
		}
		c.ids[base]++
		id = fmt.Sprintf("%s-%d", base, c.ids[base])
	}
	c.ids[id] = 0
	return id
}

func (c *converter) paragraph(n ast.Node, start int) *content.Paragraph {
	end := c.linesEnd(n, start)
	p := &content.Paragraph{
		Span:    content.Span{Start: start, End: end},
		Inlines: c.inlines(n, start, end),
	}
	if _, ok := n.FirstChild().(*east.TaskCheckBox); ok && len(p.Inlines) > 0 {
		p.Start = p.Inlines[0].Pos() // the box is the item's Checked
	}
	return p
}

// alertKinds are GitHub's alert markers and the admonition kinds they
// become.
var alertKinds = map[string]string{
	"[!NOTE]":      "note",
	"[!TIP]":       "tip",
	"[!IMPORTANT]": "important",
	"[!WARNING]":   "warning",
	"[!CAUTION]":   "caution",
}

// quote converts a block quote: a GitHub alert ("> [!NOTE]" on the first
// line) becomes an admonition, anything else a block quote.
func (c *converter) quote(n *ast.Blockquote, start int) content.Block {
	bs := c.blocks(n)
	if len(bs) > 0 {
		start = fitStart(start, bs[0].Pos())
	}
	end := max(start+1, lastEnd(bs))
	p, ok := n.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 || len(bs) == 0 {
		return &content.BlockQuote{Span: content.Span{Start: start, End: end}, Blocks: bs}
	}
	first := p.Lines().At(0)
	kind, ok := alertKinds[strings.ToUpper(strings.TrimSpace(string(first.Value(c.src))))]
	if !ok {
		return &content.BlockQuote{Span: content.Span{Start: start, End: end}, Blocks: bs}
	}
	// The marker line is not content: keep the rest of the paragraph.
	bs = bs[1:]
	if p.Lines().Len() > 1 {
		from := p.Lines().At(1).Start
		pend := c.linesEnd(p, from)
		para := &content.Paragraph{
			Span:    content.Span{Start: from, End: pend},
			Inlines: c.inlines(p, from, pend),
		}
		bs = append([]content.Block{para}, bs...)
	}
	return &content.Admonition{Span: content.Span{Start: start, End: end}, Kind: kind, Blocks: bs}
}

func (c *converter) list(n *ast.List, start int) *content.List {
	l := &content.List{Ordered: n.IsOrdered()}
	if l.Ordered {
		l.Enum = "arabic"
		l.Start = n.Start
	}
	end := start
	for _, ch := range children(n) {
		li, ok := ch.(*ast.ListItem)
		if !ok {
			continue
		}
		istart := c.start(li)
		it := &content.Item{Blocks: c.blocks(li)}
		if len(it.Blocks) > 0 {
			istart = fitStart(istart, it.Blocks[0].Pos())
		}
		if len(l.Items) == 0 {
			start = fitStart(start, istart)
		}
		it.Span = content.Span{Start: istart, End: max(c.tokenEnd(istart), lastEnd(it.Blocks))}
		if fc := li.FirstChild(); fc != nil && fc.Type() == ast.TypeBlock {
			if cb, ok := fc.FirstChild().(*east.TaskCheckBox); ok {
				checked := cb.IsChecked
				it.Checked = &checked
			}
		}
		if len(l.Items) == 0 {
			l.Bullet = string(c.src[istart:c.tokenEnd(istart)])
		}
		l.Items = append(l.Items, it)
		end = max(end, it.End)
	}
	l.Span = content.Span{Start: start, End: max(start, end)}
	return l
}

// fitStart returns the start of a container block, which cannot be after
// child, the start of its first child.
func fitStart(start, child int) int { return min(start, child) }

var alignNames = map[east.Alignment]string{
	east.AlignLeft:   "left",
	east.AlignRight:  "right",
	east.AlignCenter: "center",
}

func (c *converter) table(n *east.Table, start int) *content.Table {
	t := &content.Table{}
	for _, a := range n.Alignments {
		t.Align = append(t.Align, alignNames[a])
	}
	end := start
	for _, r := range children(n) {
		row := c.row(r)
		switch r.(type) {
		case *east.TableHeader:
			t.Head = append(t.Head, row)
		default:
			t.Body = append(t.Body, row)
		}
		end = max(end, row.End)
	}
	t.Span = content.Span{Start: start, End: end}
	return t
}

func (c *converter) row(r ast.Node) *content.Row {
	start := c.start(r)
	row := &content.Row{Span: content.Span{Start: start, End: c.lineEnd(start)}}
	prev := start
	for _, cell := range children(r) {
		cs := cell.Pos()
		if lines := cell.Lines(); lines.Len() > 0 {
			cs = lines.At(0).Start
		}
		cs = max(cs, prev)
		ce := cs
		if cell.Lines().Len() > 0 {
			ce = c.linesEnd(cell, cs)
		}
		prev = ce
		cl := &content.Cell{Span: content.Span{Start: cs, End: ce}, ColSpan: 1, RowSpan: 1}
		if in := c.inlines(cell, cs, ce); len(in) > 0 {
			cl.Blocks = []content.Block{&content.Paragraph{Span: cl.Span, Inlines: in}}
		}
		row.Cells = append(row.Cells, cl)
		row.End = max(row.End, ce)
	}
	return row
}

func (c *converter) defList(n *east.DefinitionList, start int) *content.DefList {
	dl := &content.DefList{}
	var cur *content.DefItem
	end := start
	for _, ch := range children(n) {
		cs := c.start(ch)
		switch ch := ch.(type) {
		case *east.DefinitionTerm:
			te := c.linesEnd(ch, cs)
			cur = &content.DefItem{Span: content.Span{Start: cs, End: te}, Term: c.inlines(ch, cs, te)}
			dl.Items = append(dl.Items, cur)
		case *east.DefinitionDescription:
			bs := c.blocks(ch)
			if cur == nil {
				cur = &content.DefItem{Span: content.Span{Start: cs, End: cs}}
				dl.Items = append(dl.Items, cur)
			}
			cur.Def = append(cur.Def, bs...)
			cur.End = max(cur.End, c.tokenEnd(cs), lastEnd(bs))
		default:
			continue
		}
		end = max(end, cur.End)
	}
	if len(dl.Items) > 0 {
		start = min(start, dl.Items[0].Start)
	}
	dl.Span = content.Span{Start: start, End: max(start, end)}
	return dl
}

// start returns the offset at which a goldmark block starts: where the
// parser opened it, or its position, or its first line's, or its first
// child's.
func (c *converter) start(n ast.Node) int {
	switch n := n.(type) {
	case *ast.Heading:
		if !c.isATX(n) {
			return n.Lines().At(0).Start // a setext heading starts with its text
		}
	case *east.Table:
		if fc := n.FirstChild(); fc != nil {
			// goldmark gives a table the position of the paragraph it was
			// cut from, which can start with other lines.
			return c.start(fc)
		}
	}
	if p, ok := c.starts[n]; ok && !ast.IsParagraph(n) { // a paragraph can lose its first lines to link definitions
		return min(p, len(c.src))
	}
	p := n.Pos()
	switch {
	case p >= 0:
		p = min(p, len(c.src))
	case n.Type() != ast.TypeInline && n.Lines().Len() > 0:
		p = n.Lines().At(0).Start
	case n.FirstChild() != nil:
		return c.start(n.FirstChild())
	default:
		return 0
	}
	// Some positions are on the indentation: the block starts after it.
	for p < len(c.src) && (c.src[p] == ' ' || c.src[p] == '\t') {
		p++
	}
	return p
}

// linesEnd returns the end of the last line of a leaf block, line ending
// excluded, or the end of start's line when the block has no lines.
func (c *converter) linesEnd(n ast.Node, start int) int {
	lines := n.Lines()
	if lines.Len() == 0 {
		return c.lineEnd(start)
	}
	return max(start, c.segEnd(lines.At(lines.Len()-1)))
}

// segEnd returns the end of a line segment without its line ending.
func (c *converter) segEnd(s text.Segment) int {
	e := min(s.Stop, len(c.src))
	if e > s.Start && c.src[e-1] == '\n' {
		e--
	}
	if e > s.Start && c.src[e-1] == '\r' {
		e--
	}
	return e
}

// lineEnd returns the end of the line holding off, line ending excluded.
func (c *converter) lineEnd(off int) int {
	if off >= len(c.src) {
		return len(c.src)
	}
	e := indexByteFrom(c.src, '\n', off)
	if e < 0 {
		e = len(c.src)
	}
	if e > off && c.src[e-1] == '\r' {
		e--
	}
	return e
}

// tokenEnd returns the end of the run of non-space bytes at off, such as a
// list marker.
func (c *converter) tokenEnd(off int) int {
	e := off
	for e < len(c.src) && c.src[e] != ' ' && c.src[e] != '\t' && c.src[e] != '\n' && c.src[e] != '\r' {
		e++
	}
	return e
}

// column returns the visual column of off in its line, tabs expanded to
// multiples of four.
func (c *converter) column(off int) int {
	ls := off
	for ls > 0 && c.src[ls-1] != '\n' {
		ls--
	}
	col := 0
	for _, b := range c.src[ls:off] {
		switch {
		case b == '\t':
			col += 4 - col%4
		case b&0xC0 != 0x80: // not a UTF-8 continuation byte
			col++
		}
	}
	return col
}

func indexByteFrom(b []byte, c byte, from int) int {
	if from >= len(b) {
		return -1
	}
	for i := from; i < len(b); i++ {
		if b[i] == c {
			return i
		}
	}
	return -1
}

func lastEnd(bs []content.Block) int {
	if len(bs) == 0 {
		return 0
	}
	return bs[len(bs)-1].EndPos()
}

// linesText is the text of a block's line segments, with a map from its
// bytes back to source offsets: inside containers the lines of a block are
// not contiguous in the source.
type linesText struct {
	s      string
	starts []int // index in s where each segment begins
	segs   []text.Segment
}

func (c *converter) linesText(lines *text.Segments, extra ...text.Segment) *linesText {
	t := &linesText{}
	var b strings.Builder
	add := func(s text.Segment) {
		t.starts = append(t.starts, b.Len())
		t.segs = append(t.segs, s)
		b.Write(s.Value(c.src))
	}
	for i := 0; i < lines.Len(); i++ {
		add(lines.At(i))
	}
	for _, s := range extra {
		add(s)
	}
	t.s = b.String()
	return t
}

// offset returns the source offset of byte i of the text.
func (t *linesText) offset(i int) int {
	if len(t.segs) == 0 {
		return 0
	}
	j := max(sort.SearchInts(t.starts, i+1)-1, 0)
	seg := t.segs[j]
	local := i - t.starts[j] - seg.Padding
	return min(seg.Start+max(local, 0), seg.Stop)
}
