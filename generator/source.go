package generator

import (
	"bytes"
	"sort"
	"strings"
	"unicode"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/snippets/quote"
)

// An edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// A sourcePlan is what the personalized copy of a page's source is made
// from that is the same for every client with the same tags: worked out
// once per run, and only the values filled for each client.
type sourcePlan struct {
	edits    []edit // conditional content resolved
	skip     []edit // removed or untouched ranges: no substitution inside
	spans    []markupSpan
	codes    []*content.Code
	refs     []placeholder.Ref
	sections []*content.Section // with a title line, outside skip
	tables   []*content.Table
}

// planSource works out the sourcePlan of sf for tags.
func planSource(sf sourceFile, tags map[string]bool) *sourcePlan {
	sp := &sourcePlan{}
	src := sf.File.Src
	f := sf.File

	// conditional content
	content.Walk(sf.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
		switch n := b.(type) {
		case *content.Include:
			return false
		case *content.Code:
			if v, ok := n.Annotation.Get("subst"); ok && (v == "off" || v == "false" || v == "no") {
				sp.skip = append(sp.skip, edit{start: n.Content.Start, end: n.Content.End})
			}
		case *content.Only:
			if !holds(n.Expr, tags) {
				start, end := f.LineStart(f.Position(n.Start).Line), lineEnd(src, n.End)
				if start == 0 || start >= 2 && src[start-2] == '\n' {
					end = skipBlankLines(src, end) // no double blank line where it was
				}
				sp.edits = append(sp.edits, edit{start: start, end: end})
				sp.skip = append(sp.skip, edit{start: start, end: end})
				return false
			}
			sp.edits = append(sp.edits, unwrapOnly(sf, n)...)
		}
		return true
	})

	sp.spans = markupSpans(sf)
	newSpanCursor(sp.spans, markupBounds) // sorted once, here
	content.Walk(sf.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
		switch n := b.(type) {
		case *content.Include:
			return false
		case *content.Code:
			if n.Content.End > n.Content.Start {
				sp.codes = append(sp.codes, n)
			}
		}
		return true
	})
	newSpanCursor(sp.codes, codeBounds)
	sp.refs = placeholder.Scan(f.Text())

	if sf.Format == content.RST {
		content.Walk(sf.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
			switch n := b.(type) {
			case *content.Include:
				return false
			case *content.Table:
				sp.tables = append(sp.tables, n)
				return false
			}
			return true
		})
		skipped := newSpanCursor(append([]edit(nil), sp.skip...), editBounds)
		content.Walk(sf.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
			if _, ok := b.(*content.Include); ok {
				return false
			}
			if sec, ok := b.(*content.Section); ok && sec.TitleLine >= 1 {
				if _, in := skipped.at(f.LineStart(sec.TitleLine)); !in {
					sp.sections = append(sp.sections, sec)
				}
			}
			return true
		})
	}
	return sp
}

func markupBounds(m markupSpan) (int, int)  { return m.start, m.end }
func codeBounds(c *content.Code) (int, int) { return c.Content.Start, c.Content.End }

// personalSource returns a page's source as the client's personalized
// copy, from its plan: conditional content resolved (kept content
// unwrapped, the rest removed), placeholders filled with secrets masked,
// and reST section adornments lengthened when a title grew.
func personalSource(sf sourceFile, sp *sourcePlan, fill *filler, langs map[*content.Code]string, diags *content.Diagnostics) []byte {
	src := sf.File.Src
	f := sf.File
	edits := append([]edit(nil), sp.edits...)

	// placeholders, each value written so that the page keeps its shape;
	// the plan's lists are sorted already, and each client's cursors
	// read copies of them
	s := f.Text()
	spans := newSpanCursor(append([]markupSpan(nil), sp.spans...), markupBounds)
	lineCtx := map[*content.Code][]string{}
	skipped := newSpanCursor(append([]edit(nil), sp.skip...), editBounds)
	lines := lineCursor{f: f}
	var q *quote.Line // of the line of code being filled
	qStart := -1      // where that line starts
	codeCur := newSpanCursor(append([]*content.Code(nil), sp.codes...), codeBounds)
	for _, r := range sp.refs {
		if _, in := skipped.at(r.Start); in {
			continue
		}
		v := fill.lookup(r.Name)
		if v == nil {
			continue
		}
		text := v.Text
		if v.Secret {
			text = Mask(r.Name)
		} else if c, _ := codeCur.at(r.Start); c != nil && langs != nil {
			// as the files and the shell get it
			line := lines.at(r.Start)
			ls := f.LineStart(line)
			if ls != qStart { // a line is read once, not once per value in it
				q, qStart = quote.NewLine(s[ls:endOfLine(src, r.Start)], lineLangIn(c, langs[c], line-c.Line, lineCtx)), ls
			}
			text, _ = q.Value(text, r.Start-ls, r.End-ls)
		}
		var err string
		text, err = sourceText(text, kindAt(spans, r.Start), sf.Format, s, r.Start)
		if err != "" {
			diags.Errorf(f.Position(r.Start), "value of %s %s in the personalized source", r.Name, err)
			continue
		}
		edits = append(edits, edit{start: r.Start, end: r.End, text: text})
	}

	// reST titles that grew
	if sf.Format == content.RST {
		for _, sec := range sp.sections {
			title := f.Line(sec.TitleLine)
			filled, _ := fill.Docs(title)
			width := textWidth(strings.TrimSpace(filled))
			for _, ln := range []int{sec.TitleLine - 1, sec.TitleLine + 1} {
				adorn := f.Line(ln)
				if !isAdornment(adorn) || textWidth(adorn) >= width {
					continue
				}
				start := f.LineStart(ln)
				edits = append(edits, edit{start: start, end: start + len(adorn), text: strings.Repeat(adorn[:1], width)})
			}
		}
		edits = append(edits, gridTables(sf, sp.tables, edits)...)
	}
	return applyEdits(src, edits)
}

// gridTables redraws the reST grid tables in which values change the
// width of a cell, so that the personalized source still parses: the
// columns that grew grow in every line, borders included. A table with
// spanned cells is left as it is.
func gridTables(sf sourceFile, tables []*content.Table, edits []edit) []edit {
	f := sf.File
	ix := newEditIndex(edits)
	var out []edit
	for _, t := range tables {
		first, last := f.Position(t.Start).Line, f.Position(t.End-1).Line
		var lines []string
		for ln := first; ln <= last; ln++ {
			lines = append(lines, f.Line(ln))
		}
		if e, ok := redrawGrid(f, first, lines, ix); ok {
			out = append(out, e)
		}
	}
	return out
}

// redrawGrid redraws the grid table of lines (the first at line first)
// with the edits that fall in it.
func redrawGrid(f *content.File, first int, lines []string, ix *editIndex) (edit, bool) {
	border := []rune(strings.TrimRight(lines[0], " "))
	indent := len(border) - len([]rune(strings.TrimLeft(string(border), " ")))
	if indent >= len(border) || border[indent] != '+' || border[len(border)-1] != '+' {
		return edit{}, false // a simple table, or another table directive
	}
	var cols []int // rune positions of the "+" of the first border
	for i, r := range border {
		if r == '+' {
			cols = append(cols, i)
		}
	}
	start := f.LineStart(first)
	end := f.LineStart(first+len(lines)-1) + len(lines[len(lines)-1])
	if ix.removes(start, end) {
		return edit{}, false // lines of the table move (a kept only block): left as they are
	}
	// cells[i][c]: the filled text of column c of line i
	cells := make([][]string, len(lines))
	touched := false
	grow := make([]int, len(cols))
	for i, l := range lines {
		rs := []rune(strings.TrimRight(l, " "))
		if len(rs) != len(border) {
			return edit{}, false
		}
		off := f.LineStart(first + i)
		for c := 0; c+1 < len(cols); c++ {
			if k := rs[cols[c]]; k != '+' && k != '|' {
				return edit{}, false // a spanned cell
			}
			a, z := cols[c]+1, cols[c+1]
			from := off + len(string(rs[:a]))
			to := off + len(string(rs[:z]))
			cell := string(rs[a:z])
			filled, changed := ix.applyIn(cell, from, to)
			touched = touched || changed
			cells[i] = append(cells[i], filled)
			if rs[0] == '+' || rs[indent] == '+' {
				continue // a border: as wide as the widest cell below
			}
			if need := textWidth(strings.TrimRight(filled, " ")) + 1; need > z-a {
				grow[c] = max(grow[c], need-(z-a))
			}
		}
	}
	if !touched {
		return edit{}, false
	}
	var b strings.Builder
	for i, l := range lines {
		rs := []rune(strings.TrimRight(l, " "))
		b.WriteString(string(rs[:cols[0]+1]))
		for c := 0; c+1 < len(cols); c++ {
			cell := cells[i][c]
			width := cols[c+1] - cols[c] - 1 + grow[c]
			if fillc := rs[cols[c]+1]; rs[cols[0]] == '+' && (fillc == '-' || fillc == '=') {
				cell = strings.Repeat(string(fillc), width) // a border
			} else {
				// shorter or longer values alike: each cell as wide as its column
				cell = strings.TrimRight(cell, " ")
				cell += strings.Repeat(" ", max(0, width-textWidth(cell)))
			}
			b.WriteString(cell)
			b.WriteRune(rs[cols[c+1]])
		}
		if i < len(lines)-1 {
			b.WriteByte('\n')
		}
	}
	return edit{start: start, end: end, text: b.String()}, true
}

// An editIndex finds the edits of a page that fall in a stretch of it,
// in time that grows with their number, not with all the page's edits.
type editIndex struct {
	edits    []edit // by start
	removals []edit // those that remove text (text ""), by start
	maxEnd   []int  // maxEnd[i]: the greatest end of removals[:i+1]
}

func newEditIndex(edits []edit) *editIndex {
	ix := &editIndex{edits: append([]edit(nil), edits...)}
	sort.SliceStable(ix.edits, func(i, j int) bool { return ix.edits[i].start < ix.edits[j].start })
	for _, e := range ix.edits {
		if e.text == "" {
			ix.removals = append(ix.removals, e)
			end := e.end
			if n := len(ix.maxEnd); n > 0 {
				end = max(end, ix.maxEnd[n-1])
			}
			ix.maxEnd = append(ix.maxEnd, end)
		}
	}
	return ix
}

// removes reports whether an edit that removes text overlaps start..end.
func (ix *editIndex) removes(start, end int) bool {
	k := sort.Search(len(ix.removals), func(i int) bool { return ix.removals[i].start >= end })
	return k > 0 && ix.maxEnd[k-1] > start
}

// applyIn applies to s, the text from offset from to to, the edits that
// fall inside it, and reports whether there were any.
func (ix *editIndex) applyIn(s string, from, to int) (string, bool) {
	var in []edit
	i := sort.Search(len(ix.edits), func(i int) bool { return ix.edits[i].start >= from })
	for _, e := range ix.edits[i:] {
		if e.start > to {
			break
		}
		if e.end <= to && (e.start < e.end || e.text != "") {
			in = append(in, edit{start: e.start - from, end: e.end - from, text: e.text})
		}
	}
	if len(in) == 0 {
		return s, false
	}
	return string(applyEdits([]byte(s), in)), true
}

// The kinds of text a value lands in, in a page's source.
const (
	inProse   = iota
	inLiteral // an inline literal or code span
	inCode    // a code block
)

type markupSpan struct {
	start, end int
	kind       int
}

// markupSpans lists the code blocks and inline literals of a source file.
func markupSpans(sf sourceFile) []markupSpan {
	var out []markupSpan
	var inl func([]content.Inline)
	inl = func(ins []content.Inline) {
		for _, x := range ins {
			switch n := x.(type) {
			case *content.Literal:
				out = append(out, markupSpan{n.Start, n.End, inLiteral})
			case *content.Role:
				out = append(out, markupSpan{n.Start, n.End, inLiteral})
			case *content.Emphasis:
				inl(n.Children)
			case *content.Strong:
				inl(n.Children)
			case *content.Link:
				inl(n.Children)
			}
		}
	}
	content.Walk(sf.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
		switch n := b.(type) {
		case *content.Include:
			return false
		case *content.Code:
			out = append(out, markupSpan{n.Content.Start, n.Content.End, inCode})
		case *content.Paragraph:
			inl(n.Inlines)
		case *content.Section:
			inl(n.Title)
		}
		return true
	})
	return out
}

// kindAt returns the kind of text at offset off.
func kindAt(spans *spanCursor[markupSpan], off int) int {
	if m, ok := spans.at(off); ok {
		return m.kind
	}
	return inProse
}

// sourceText writes a value for the place it lands in a page: in a code
// block, further lines keep the block's indentation; in an inline literal,
// line breaks become spaces and what would end the literal is refused; in
// prose, line breaks become spaces (no value starts a directive or a
// heading) and markup characters are escaped.
func sourceText(v string, kind int, format content.Format, src string, off int) (string, string) {
	switch kind {
	case inCode:
		if !strings.ContainsAny(v, "\n\r") {
			return v, ""
		}
		lineStart := strings.LastIndexByte(src[:off], '\n') + 1
		indent := src[lineStart : lineStart+len(src[lineStart:])-len(strings.TrimLeft(src[lineStart:], " \t"))]
		lines := strings.Split(strings.ReplaceAll(v, "\r\n", "\n"), "\n")
		return strings.Join(lines, "\n"+indent), ""
	case inLiteral:
		v = strings.Join(strings.Fields(v), " ")
		if format == content.RST && strings.Contains(v, "``") || format == content.Markdown && strings.Contains(v, "`") {
			return v, "holds backquotes, which would end the literal around it"
		}
		return v, ""
	}
	v = strings.Join(strings.Fields(v), " ")
	var b strings.Builder
	special := "\\`*|"
	if format == content.Markdown {
		special = "\\`*[]<>&#|!"
	}
	word := func(i int) bool {
		if i < 0 || i >= len(v) {
			return false
		}
		c := v[i]
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		// an underscore inside a word ("my_site") is plain text in both
		// languages; at a word's edge it may start a reference or emphasis
		if strings.IndexByte(special, c) >= 0 || c == '_' && !(word(i-1) && word(i+1)) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String(), ""
}

// unwrapOnly removes the "only" directive (or the Markdown only comments)
// around content that stays, dedenting a reST body to the directive's
// level.
func unwrapOnly(sf sourceFile, n *content.Only) []edit {
	f := sf.File
	src := f.Src
	openLine := f.Position(n.Start).Line
	closeLine := f.Position(n.End - 1).Line
	if sf.Format == content.Markdown {
		out := []edit{{start: f.LineStart(openLine), end: lineEnd(src, f.LineStart(openLine))}}
		if closeLine > openLine && strings.Contains(f.Line(closeLine), "end only") {
			out = append(out, edit{start: f.LineStart(closeLine), end: lineEnd(src, f.LineStart(closeLine))})
		}
		return out
	}
	if len(n.Blocks) == 0 {
		return []edit{{start: f.LineStart(openLine), end: lineEnd(src, n.End)}}
	}
	bodyLine := f.Position(n.Blocks[0].Pos()).Line
	dirIndent := indentOf(f.Line(openLine))
	bodyIndent := indentOf(f.Line(bodyLine))
	out := []edit{{start: f.LineStart(openLine), end: f.LineStart(bodyLine)}}
	cut := bodyIndent - dirIndent
	if cut <= 0 {
		return out
	}
	for ln := bodyLine; ln <= closeLine; ln++ {
		line := f.Line(ln)
		k := min(cut, indentOf(line))
		if k > 0 {
			start := f.LineStart(ln)
			out = append(out, edit{start: start, end: start + k})
		}
	}
	return out
}

// skipBlankLines returns the offset past the blank lines starting at off.
func skipBlankLines(src []byte, off int) int {
	for off < len(src) {
		end := off
		for end < len(src) && src[end] != '\n' {
			end++
		}
		if strings.TrimSpace(string(src[off:end])) != "" {
			return off
		}
		if end < len(src) {
			end++
		}
		off = end
	}
	return off
}

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// lineEnd returns the offset just past the line ending of the line that
// holds off-1 (or off itself at a line start).
func lineEnd(src []byte, off int) int {
	if off > 0 && off <= len(src) && src[off-1] == '\n' {
		return off
	}
	for off < len(src) && src[off] != '\n' {
		off++
	}
	if off < len(src) {
		off++
	}
	return off
}

// endOfLine returns the offset of the line ending after off, or the end
// of src.
func endOfLine(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(src)
}

func editBounds(e edit) (int, int) { return e.start, e.end }

// A lineCursor finds the line of offsets asked in increasing order,
// without counting the runes before them as Position does.
type lineCursor struct {
	f    *content.File
	line int
}

func (c *lineCursor) at(off int) int {
	if c.line < 1 || c.f.LineStart(c.line) > off {
		c.line = 1
	}
	for c.line < c.f.LineCount() && c.f.LineStart(c.line+1) <= off {
		c.line++
	}
	return c.line
}

// isAdornment reports whether a line is a reST section adornment.
func isAdornment(s string) bool {
	s = strings.TrimRight(s, " \t")
	if len(s) < 2 {
		return false
	}
	c := s[0]
	if c > unicode.MaxASCII || unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) || c == ' ' {
		return false
	}
	return strings.Count(s, string(c)) == len(s)
}

// textWidth counts columns as docutils does: East Asian wide characters
// count two.
func textWidth(s string) int {
	w := 0
	for _, r := range s {
		w++
		if r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r >= 0xFF00 && r <= 0xFF60) {
			w++
		}
	}
	return w
}

// applyEdits applies edits in order. Of two edits that start together the
// longer wins (removing a nested block beats dedenting its first line), and
// an edit inside one already applied is dropped.
func applyEdits(src []byte, edits []edit) []byte {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end > edits[j].end
	})
	var b strings.Builder
	b.Grow(len(src))
	last := 0
	for _, e := range edits {
		if e.start < last {
			continue
		}
		b.Write(src[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(src[last:])
	return []byte(b.String())
}

// lineLangIn returns the language to quote line i of code c for: lang,
// or the here-document or YAML block scalar an earlier line opens.
func lineLangIn(c *content.Code, lang string, i int, cache map[*content.Code][]string) string {
	ls, ok := cache[c]
	if !ok {
		ls = quote.Lines(strings.Split(c.Text, "\n"), strings.ToLower(lang))
		cache[c] = ls
	}
	if i < 0 || i >= len(ls) {
		return lang
	}
	return ls[i]
}
