package rst

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tailordocs/tailor/content"
)

// body parses lines as a sequence of body elements, as docutils' Body
// state does. Section titles are recognized only when titles is true;
// elsewhere they are reported.
func (p *parser) body(lines []line, titles bool) []content.Block {
	if p.depth >= maxDepth {
		return p.tooDeep(lines)
	}
	p.depth++
	defer func() { p.depth-- }()
	var out []content.Block
	for len(lines) > 0 {
		var bs []content.Block
		bs, lines = p.block(lines, titles)
		out = append(out, bs...)
	}
	return out
}

// tooDeep keeps deeply nested content as plain paragraphs.
func (p *parser) tooDeep(lines []line) []content.Block {
	lines = trimBlank(lines)
	if len(lines) == 0 {
		return nil
	}
	p.warnAt(lines[0], leadingSpaces(lines[0].s), "content nested more than %d levels deep is kept as plain text: no code block in it is read", maxDepth)
	var out []content.Block
	for len(lines) > 0 {
		n, _ := textBlock(lines, false)
		if n == 0 {
			lines = lines[1:]
			continue
		}
		block := make([]line, n)
		for i, l := range lines[:n] {
			block[i] = l.trim(leadingSpaces(l.s))
		}
		ts := srcOf(block)
		out = append(out, &content.Paragraph{
			Span:    content.Span{Start: block[0].pos(0), End: block[n-1].endPos()},
			Inlines: []content.Inline{&content.Text{Span: ts.span(0, len(ts.text)), Value: ts.text}},
		})
		lines = lines[n:]
	}
	return out
}

// block parses the construct that starts at lines[0] and returns it with
// the lines that follow it.
func (p *parser) block(lines []line, titles bool) ([]content.Block, []line) {
	l := lines[0]
	switch classify(l.s) {
	case kBlank:
		return nil, lines[1:]
	case kIndent:
		return p.blockQuote(lines)
	case kBullet:
		return p.bulletList(lines)
	case kEnum:
		if bs, rest, ok := p.enumList(lines); ok {
			return bs, rest
		}
	case kField:
		return p.fieldList(lines)
	case kOption:
		if bs, rest, ok := p.optionList(lines); ok {
			return bs, rest
		}
	case kDoctest:
		return p.doctest(lines)
	case kLineBlock:
		return p.lineBlock(lines)
	case kGrid:
		return p.gridTable(lines)
	case kSimple:
		return p.simpleTable(lines)
	case kExplicit, kAnonymous:
		return p.explicitList(lines, titles)
	case kLine:
		return p.lineMarker(lines, titles)
	}
	return p.text(lines, titles)
}

// text handles a line that starts a paragraph, a definition list or a
// section title (docutils' Text state).
func (p *parser) text(lines []line, titles bool) ([]content.Block, []line) {
	if len(lines) == 1 || lines[1].blank() {
		return p.paragraph(lines[:1], lines[1:])
	}
	l1 := lines[1]
	if l1.indented() {
		return p.defList(lines)
	}
	if isLineMarker(l1.s) {
		if bs, rest, ok := p.underlineTitle(lines, titles); ok {
			return bs, rest
		}
	}
	n, bad := textBlock(lines[1:], true)
	if bad >= 0 {
		p.errorAt(lines[1+bad], 0, "unexpected indentation; separate the indented lines from the paragraph with a blank line")
	}
	return p.paragraph(lines[:1+n], lines[1+n:])
}

// endsWithLiteralMarker reports whether data ends with "::" that is not
// escaped by a backslash.
func endsWithLiteralMarker(data string) bool {
	if !strings.HasSuffix(data, "::") {
		return false
	}
	n := 0
	for i := len(data) - 3; i >= 0 && data[i] == '\\'; i-- {
		n++
	}
	return n%2 == 0
}

// paragraph makes a paragraph of plines and, when it ends with "::", the
// literal block that follows in rest.
func (p *parser) paragraph(plines []line, rest []line) ([]content.Block, []line) {
	ts := srcOf(plines)
	data := ts.text
	literal := endsWithLiteralMarker(data)
	var out []content.Block
	if !(literal && len(data) == 2) {
		text := data
		if literal {
			if c := data[len(data)-3]; c == ' ' || c == '\n' {
				text = rstripSpace(data[:len(data)-3])
			} else {
				text = data[:len(data)-1]
			}
		}
		last := plines[len(plines)-1]
		out = append(out, &content.Paragraph{
			Span:    content.Span{Start: plines[0].pos(0), End: last.endPos()},
			Inlines: p.inlines(ts.slice(0, len(text))),
		})
	}
	if literal {
		var code []content.Block
		code, rest = p.literalBlock(plines[len(plines)-1], rest)
		out = append(out, code...)
	}
	return out, rest
}

// literalBlock reads the literal block that follows a paragraph ending
// in "::"; after is the paragraph's last line.
func (p *parser) literalBlock(after line, rest []line) ([]content.Block, []line) {
	block, _, blankFinish, n := getIndented(rest, false, true, -1, -1)
	block = trimBlank(block)
	if len(block) == 0 {
		return p.quotedLiteral(after, rest)
	}
	code := newCode(block)
	code.Directive = "::"
	if !blankFinish && n < len(rest) {
		p.warnAt(rest[n], 0, "literal block ends without a blank line; unexpected unindent")
	}
	return []content.Block{code}, rest[n:]
}

// newCode returns a Code block whose content is block, with Span, Text,
// Line, Content and Indent set.
func newCode(block []line) *content.Code {
	first, last := block[0], block[len(block)-1]
	texts := make([]string, len(block))
	for i, l := range block {
		texts[i] = l.s
	}
	return &content.Code{
		Span:    content.Span{Start: first.pos(0), End: last.endPos()},
		Text:    strings.Join(texts, "\n"),
		Line:    first.src.num(),
		Content: content.Span{Start: first.src.off(), End: last.src.end()},
		Indent:  utf8.RuneCountInString(first.src.text[:min(first.col, len(first.src.text))]),
	}
}

// quotedLiteral reads a quoted literal block: unindented lines that all
// start with the same punctuation character.
func (p *parser) quotedLiteral(after line, rest []line) ([]content.Block, []line) {
	i := 0
	for i < len(rest) && rest[i].blank() {
		i++
	}
	if i == len(rest) || !isAdornment(rest[i].s[0]) {
		at := after
		if i < len(rest) {
			at = rest[i]
		}
		p.warnAt(at, 0, "literal block expected after \"::\"; none found (indent the block, or write \"\\::\" for a literal colon)")
		return nil, rest[i:]
	}
	q := rest[i].s[0]
	j := i + 1
	for j < len(rest) && rest[j].s != "" && rest[j].s[0] == q {
		j++
	}
	if j < len(rest) && rest[j].s != "" {
		if rest[j].indented() {
			p.errorAt(rest[j], 0, "unexpected indentation in a quoted literal block")
		} else {
			p.errorAt(rest[j], 0, "inconsistent literal block quoting: the line does not start with %q", string(q))
		}
	}
	code := newCode(rest[i:j])
	code.Directive = "::"
	code.Quoted = true
	return []content.Block{code}, rest[j:]
}

// underlineTitle handles a title line followed by an underline. ok is
// false when the underline is too short to count, so that the lines are
// read as a paragraph.
func (p *parser) underlineTitle(lines []line, titles bool) ([]content.Block, []line, bool) {
	l0, l1 := lines[0], lines[1]
	title := l0.s
	underline := l1.s
	if columnWidth(title) > len(underline) {
		if len(underline) < 4 {
			return nil, nil, false
		}
		p.warnAt(l1, 0, "title underline too short for %s; make it at least as long as the title", quote(title))
	}
	if !titles {
		p.errorAt(l0, 0, "unexpected section title %s: titles are not allowed here", quote(title))
		ts := srcOf(lines[:1])
		return []content.Block{&content.Paragraph{
			Span:    content.Span{Start: l0.pos(0), End: l0.endPos()},
			Inlines: p.inlines(ts),
		}}, lines[2:], true
	}
	return p.section(l0, l1, lines[:1], "u"+underline[:1]), lines[2:], true
}

// lineMarker handles a line of repeated punctuation at the start of a
// block: an overline, a transition, or text (docutils' Line state).
func (p *parser) lineMarker(lines []line, titles bool) ([]content.Block, []line) {
	l0 := lines[0]
	marker := l0.s
	short := len(marker) < 4
	if !titles {
		if marker == "::" || short {
			return p.text(lines, titles)
		}
		p.errorAt(l0, 0, "unexpected section title or transition %s: not allowed here", quote(marker))
		return []content.Block{&content.Transition{Span: content.Span{Start: l0.pos(0), End: l0.endPos()}}}, lines[1:]
	}
	if len(lines) == 1 || lines[1].blank() {
		if short {
			return p.text(lines, titles)
		}
		return []content.Block{&content.Transition{Span: content.Span{Start: l0.pos(0), End: l0.endPos()}}}, lines[1:]
	}
	l1 := lines[1]
	if !l1.indented() && isLineMarker(l1.s) {
		if short {
			return p.text(lines, titles)
		}
		p.errorAt(l0, 0, "invalid section title or transition marker: %s is followed by %s", quote(marker), quote(l1.s))
		return nil, lines[2:]
	}
	if len(lines) == 2 {
		if short {
			return p.text(lines, titles)
		}
		p.errorAt(l0, 0, "incomplete section title %s: the underline is missing", quote(stripSpace(l1.s)))
		return nil, lines[2:]
	}
	l2 := lines[2]
	underline := l2.s
	switch {
	case l2.indented() || !isLineMarker(underline):
		if short {
			return p.text(lines, titles)
		}
		p.errorAt(l0, 0, "missing matching underline for section title overline %s; add a line %s after the title", quote(marker), quote(marker))
		return nil, lines[3:]
	case marker != underline:
		if short {
			return p.text(lines, titles)
		}
		p.errorAt(l0, 0, "title overline and underline mismatch: %s and %s; make them the same", quote(marker), quote(underline))
		return nil, lines[3:]
	}
	title := l1.s
	if columnWidth(title) > len(marker) {
		if short {
			return p.text(lines, titles)
		}
		p.warnAt(l0, 0, "title overline too short for %s; make it at least as long as the title", quote(stripSpace(title)))
	}
	return p.section(l0, l2, lines[1:2], "o"+marker[:1]), lines[3:]
}

// section makes a section title from tline (the title, indentation
// allowed for overlined titles). first and last are the first and last
// lines of the title with its adornment.
func (p *parser) section(first, last line, tline []line, style string) []content.Block {
	tl := tline[0]
	lead := len(tl.s) - len(lstripSpace(tl.s))
	tl = tl.trim(lead)
	ts := srcOf([]line{tl})
	level, ok := p.sectionLevel(style)
	if !ok {
		p.errorAt(tl, 0, "%s", p.inconsistentTitle(tl.s, style))
		return []content.Block{&content.Paragraph{
			Span:    content.Span{Start: tl.pos(0), End: tl.endPos()},
			Inlines: p.inlines(ts),
		}}
	}
	sec := &content.Section{
		Span:      content.Span{Start: first.pos(0), End: last.endPos()},
		RawTitle:  tl.s,
		Level:     level,
		TitleLine: tl.src.num(),
	}
	sec.Title = p.inlines(ts)
	name := content.NormalizeName(astextAtParse(sec.Title))
	sec.ID = p.newID(name)
	p.noteImplicit(name, sec.ID)
	return []content.Block{sec}
}

// sectionLevel returns the level of a title with the given adornment
// style, as docutils' check_subsection decides it: styles get levels in
// order of first appearance, and a title may go at most one level deeper
// than the current section.
func (p *parser) sectionLevel(style string) (int, bool) {
	for i, s := range p.styles {
		if s == style {
			level := i + 1
			if level > p.level+1 {
				return 0, false
			}
			p.level = level
			return level, true
		}
	}
	if len(p.styles) == p.level {
		p.styles = append(p.styles, style)
		p.level++
		return p.level, true
	}
	return 0, false
}

func describeStyle(style string) string {
	if style[0] == 'o' {
		return quote(style[1:]) + " overline and underline"
	}
	return quote(style[1:]) + " underline"
}

func (p *parser) inconsistentTitle(title, style string) string {
	msg := "title level inconsistent: " + quote(title) + " has a " + describeStyle(style)
	for i, s := range p.styles {
		if s == style {
			msg += ", which is level " + strconv.Itoa(i+1)
		}
	}
	msg += " inside a level " + strconv.Itoa(p.level) + " section"
	if p.level < len(p.styles) {
		msg += "; use a " + describeStyle(p.styles[p.level]) + " for a level " + strconv.Itoa(p.level+1) + " title"
	}
	return msg
}

// nestSections puts the blocks that follow each section title into the
// section, according to the levels.
func nestSections(blocks []content.Block) []content.Block {
	var out []content.Block
	var stack []*content.Section
	var labels []string // names of the internal targets just before
	add := func(b content.Block) {
		if len(stack) == 0 {
			out = append(out, b)
		} else {
			top := stack[len(stack)-1]
			top.Blocks = append(top.Blocks, b)
		}
	}
	for _, b := range blocks {
		if s, ok := b.(*content.Section); ok && s.Blocks == nil {
			for len(stack) > 0 && stack[len(stack)-1].Level >= s.Level {
				stack = stack[:len(stack)-1]
			}
			s.Labels = append(s.Labels, labels...)
			labels = nil
			add(s)
			stack = append(stack, s)
			continue
		}
		if t, ok := b.(*content.Target); ok && t.URL == "" && t.RefName == "" && !t.Anonymous {
			labels = append(labels, content.NormalizeName(t.Name))
		} else {
			labels = nil
		}
		add(b)
	}
	for _, b := range out {
		fixSectionEnd(b)
	}
	return out
}

// fixSectionEnd extends the spans of sections to their last block.
func fixSectionEnd(b content.Block) int {
	s, ok := b.(*content.Section)
	if !ok {
		return b.EndPos()
	}
	for _, c := range s.Blocks {
		if e := fixSectionEnd(c); e > s.End {
			s.End = e
		}
	}
	return s.End
}

// blockQuote reads an indented block as block quotes.
func (p *parser) blockQuote(lines []line) ([]content.Block, []line) {
	block, _, blankFinish, n := getIndented(lines, false, true, -1, -1)
	out := p.blockQuotes(trimLeadingBlank(block))
	if !blankFinish && n < len(lines) {
		p.warnAt(lines[n], 0, "block quote ends without a blank line; unexpected unindent")
	}
	return out, lines[n:]
}

// blockQuotes splits an indented block into block quotes at their
// attributions.
func (p *parser) blockQuotes(block []line) []content.Block {
	var out []content.Block
	for len(block) > 0 {
		quoted, attr, rest := splitAttribution(block)
		bq := &content.BlockQuote{}
		bq.Blocks = p.body(quoted, false)
		start := block[0]
		bq.Start = start.pos(0)
		if l, ok := lastNonBlank(quoted); ok {
			bq.End = l.endPos()
		} else {
			bq.End = bq.Start
		}
		if attr != nil {
			ts := srcOf(attr)
			ts = ts.slice(0, len(rstripSpace(ts.text)))
			bq.Attribution = p.inlines(ts)
			bq.End = attr[len(attr)-1].endPos()
		}
		out = append(out, bq)
		block = trimLeadingBlank(rest)
	}
	return out
}

// splitAttribution finds a block quote attribution ("-- Author") after a
// blank line and returns the quoted lines, the attribution lines (with
// the dash removed) and the lines after it.
func splitAttribution(block []line) (quoted, attr, rest []line) {
	blank := -1
	nonblank := false
	for i, l := range block {
		if l.s == "" {
			blank = i
			continue
		}
		if nonblank && blank == i-1 {
			if m := attributionEnd(l.s); m >= 0 {
				end, indent, ok := checkAttribution(block, i)
				if ok {
					attr = make([]line, end-i)
					copy(attr, block[i:end])
					attr[0] = attr[0].trim(m)
					for k := 1; k < len(attr); k++ {
						attr[k] = attr[k].trim(indent)
					}
					return block[:i], attr, block[min(end, len(block)):]
				}
			}
		}
		nonblank = true
	}
	return block, nil, nil
}

// attributionEnd matches "(---?(?!-)|\u2014) *(?=[^ \n])" and returns the
// end of the dash and spaces, or -1.
func attributionEnd(s string) int {
	i := 0
	switch {
	case strings.HasPrefix(s, "---") && !strings.HasPrefix(s, "----"):
		i = 3
	case strings.HasPrefix(s, "--") && !strings.HasPrefix(s, "---"):
		i = 2
	case strings.HasPrefix(s, "\u2014"):
		i = 3
	default:
		return -1
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i == len(s) {
		return -1
	}
	return i
}

// checkAttribution checks that the lines after the first line of an
// attribution have one indentation; it returns the end of the
// attribution and that indentation.
func checkAttribution(block []line, start int) (end, indent int, ok bool) {
	indent = -1
	i := start + 1
	for ; i < len(block); i++ {
		s := block[i].s
		if s == "" {
			return i, max(indent, 0), true
		}
		li := leadingSpaces(s)
		if indent < 0 {
			indent = li
		} else if li != indent {
			return 0, 0, false
		}
	}
	return i, max(indent, 0), true
}

// defList reads a definition list whose first term is lines[0].
func (p *parser) defList(lines []line) ([]content.Block, []line) {
	dl := &content.DefList{}
	dl.Start = lines[0].pos(0)
	var blankFinish bool
	for {
		var item *content.DefItem
		var n int
		item, blankFinish, n = p.defItem(lines)
		dl.Items = append(dl.Items, item)
		dl.End = item.End
		lines = lines[n:]
		j := 0
		for j < len(lines) && lines[j].blank() {
			j++
		}
		if j+1 >= len(lines) || classify(lines[j].s) != kText || !lines[j+1].indented() {
			break
		}
		lines = lines[j:]
	}
	if !blankFinish && len(lines) > 0 && !lines[0].blank() {
		p.warnAt(lines[0], 0, "definition list ends without a blank line; unexpected unindent")
	}
	return []content.Block{dl}, lines
}

// defItem reads one term (lines[0]) and its indented definition.
func (p *parser) defItem(lines []line) (*content.DefItem, bool, int) {
	term := lines[0]
	block, _, blankFinish, n := getIndented(lines[1:], false, true, -1, -1)
	item := &content.DefItem{}
	item.Start = term.pos(0)
	item.End = term.endPos()
	if l, ok := lastNonBlank(block); ok {
		item.End = l.endPos()
	}
	item.Term, item.Classifiers = p.term(srcOf(lines[:1]))
	item.Def = p.body(trimLeadingBlank(block), false)
	return item, blankFinish, 1 + n
}
