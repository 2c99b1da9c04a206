package rst

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tailordocs/tailor/content"
)

// skipBlank returns the index of the first line that is not blank.
func skipBlank(lines []line) int {
	j := 0
	for j < len(lines) && lines[j].blank() {
		j++
	}
	return j
}

// bulletMarker returns the bullet character at the start of s.
func bulletMarker(s string) string {
	if s[0] < utf8.RuneSelf {
		return s[:1]
	}
	return s[:3]
}

// bulletList reads a bullet list; all items use the bullet of the first.
func (p *parser) bulletList(lines []line) ([]content.Block, []line) {
	first := lines[0]
	bullet := bulletMarker(first.s)
	list := &content.List{Bullet: bullet}
	list.Span.Start = first.pos(0)
	var blankFinish bool
	for {
		item, bf, n := p.listItem(lines, bulletEnd(lines[0].s))
		list.Items = append(list.Items, item)
		list.End = item.End
		blankFinish = bf
		lines = lines[n:]
		j := skipBlank(lines)
		if j < len(lines) && classify(lines[j].s) == kBullet && bulletMarker(lines[j].s) == bullet {
			lines = lines[j:]
			continue
		}
		break
	}
	if !blankFinish && len(lines) > 0 && !lines[0].blank() {
		p.warnAt(lines[0], 0, "bullet list ends without a blank line; unexpected unindent")
	}
	return []content.Block{list}, lines
}

// listItem reads a list item whose marker ends at end of lines[0].
func (p *parser) listItem(lines []line, end int) (*content.Item, bool, int) {
	l := lines[0]
	var block []line
	var blankFinish bool
	var n int
	if end < len(l.s) {
		block, _, blankFinish, n = getIndented(lines, false, true, utf8.RuneCountInString(l.s[:end]), end)
	} else {
		block, _, blankFinish, n = getIndented(lines, false, true, -1, end)
	}
	block = trimLeadingBlank(block)
	item := &content.Item{}
	item.Start = l.pos(0)
	item.End = l.endPos()
	if last, ok := lastNonBlank(block); ok {
		item.End = last.endPos()
	}
	item.Blocks = p.body(block, false)
	return item, blankFinish, n
}

var enumSequences = []string{"arabic", "loweralpha", "upperalpha", "lowerroman", "upperroman"}

// seqMatches reports whether t is written in the sequence seq.
func seqMatches(seq, t string) bool {
	all := func(set string) bool {
		for i := 0; i < len(t); i++ {
			if strings.IndexByte(set, t[i]) < 0 {
				return false
			}
		}
		return t != ""
	}
	switch seq {
	case "arabic":
		return all("0123456789")
	case "loweralpha":
		return len(t) == 1 && t[0] >= 'a' && t[0] <= 'z'
	case "upperalpha":
		return len(t) == 1 && t[0] >= 'A' && t[0] <= 'Z'
	case "lowerroman":
		return all("ivxlcdm")
	case "upperroman":
		return all("IVXLCDM")
	}
	return false
}

// parseEnumerator returns the sequence and ordinal of an enumerator, as
// docutils' parse_enumerator; ok is false when the enumerator is invalid
// (a roman numeral out of form).
func parseEnumerator(e enumerator, expected string) (seq string, ordinal int, ok bool) {
	t := e.text
	switch {
	case t == "#":
		seq = "#"
	case expected != "":
		if seqMatches(expected, t) {
			seq = expected
		}
	case t == "i":
		seq = "lowerroman"
	case t == "I":
		seq = "upperroman"
	}
	if seq == "" {
		for _, s := range enumSequences {
			if seqMatches(s, t) {
				seq = s
				break
			}
		}
	}
	switch seq {
	case "#":
		return seq, 1, true
	case "arabic":
		n, err := strconv.Atoi(t)
		return seq, n, err == nil && n <= 1<<30
	case "loweralpha":
		return seq, int(t[0]-'a') + 1, true
	case "upperalpha":
		return seq, int(t[0]-'A') + 1, true
	case "lowerroman", "upperroman":
		ordinal, ok = fromRoman(strings.ToUpper(t))
		return seq, ordinal, ok
	}
	return seq, 0, false
}

// makeEnumerator returns the enumerator that follows ordinal-1 and the
// auto-enumerator, each followed by a space.
func makeEnumerator(ordinal int, seq, format string) (string, string, bool) {
	var e string
	switch seq {
	case "#":
		e = "#"
	case "arabic":
		e = strconv.Itoa(ordinal)
	case "loweralpha", "upperalpha":
		if ordinal > 26 {
			return "", "", false
		}
		e = string(rune('a' + ordinal - 1))
	case "lowerroman", "upperroman":
		e = toRoman(ordinal)
		if e == "" {
			return "", "", false
		}
	}
	if strings.HasPrefix(seq, "lower") {
		e = strings.ToLower(e)
	} else if strings.HasPrefix(seq, "upper") {
		e = strings.ToUpper(e)
	}
	pre, suf := "", "."
	switch format {
	case "parens":
		pre, suf = "(", ")"
	case "rparen":
		suf = ")"
	}
	return pre + e + suf + " ", pre + "#" + suf + " ", true
}

// isEnumItem checks the line after an enumerator: a list item needs a
// blank or indented line, or the next enumerator, after its first line.
func isEnumItem(lines []line, ordinal int, ok bool, seq, format string) bool {
	if !ok {
		return false
	}
	if len(lines) < 2 {
		return true
	}
	next := lines[1].s
	if next == "" || isPySpace(runeAtStr(next, 0)) {
		return true
	}
	n, auto, ok := makeEnumerator(ordinal+1, seq, format)
	return ok && (strings.HasPrefix(next, n) || strings.HasPrefix(next, auto))
}

// enumList reads an enumerated list; ok is false when the first line is
// not a list item after all.
func (p *parser) enumList(lines []line) ([]content.Block, []line, bool) {
	first := lines[0]
	e, _ := matchEnumerator(first.s)
	seq, ordinal, ok := parseEnumerator(e, "")
	if !isEnumItem(lines, ordinal, ok, seq, e.format) {
		return nil, nil, false
	}
	list := &content.List{Ordered: true, Enum: seq, Start: ordinal, Bullet: e.marker}
	if seq == "#" {
		list.Enum = "arabic"
	}
	list.Span.Start = first.pos(0)
	auto := seq == "#"
	last := ordinal
	var blankFinish bool
	for {
		item, bf, n := p.listItem(lines, e.end)
		list.Items = append(list.Items, item)
		list.End = item.End
		blankFinish = bf
		lines = lines[n:]
		j := skipBlank(lines)
		if j >= len(lines) || classify(lines[j].s) != kEnum {
			break
		}
		e2, _ := matchEnumerator(lines[j].s)
		seq2, ord2, ok2 := parseEnumerator(e2, list.Enum)
		if e2.format != e.format || seq2 != "#" && (seq2 != list.Enum || auto || ord2 != last+1) ||
			!isEnumItem(lines[j:], ord2, ok2, seq2, e2.format) {
			break
		}
		if seq2 == "#" {
			auto = true
		}
		last = ord2
		e = e2
		lines = lines[j:]
	}
	if !blankFinish && len(lines) > 0 && !lines[0].blank() {
		p.warnAt(lines[0], 0, "enumerated list ends without a blank line; unexpected unindent")
	}
	return []content.Block{list}, lines, true
}

// fieldList reads a field list.
func (p *parser) fieldList(lines []line) ([]content.Block, []line) {
	fl := &content.FieldList{}
	fl.Start = lines[0].pos(0)
	var blankFinish bool
	for {
		l := lines[0]
		e := fieldMarkerEnd(l.s)
		name := fieldName(l.s, e)
		block, _, bf, n := getIndented(lines, false, true, -1, e)
		block = trimLeadingBlank(block)
		f := &content.Field{}
		f.Start = l.pos(0)
		f.End = l.endPos()
		if last, ok := lastNonBlank(block); ok {
			f.End = last.endPos()
		}
		f.Name = p.inlines(srcOf([]line{l}).slice(1, 1+len(name)))
		f.Body = p.body(block, false)
		fl.Fields = append(fl.Fields, f)
		fl.End = f.End
		blankFinish = bf
		lines = lines[n:]
		j := skipBlank(lines)
		if j < len(lines) && classify(lines[j].s) == kField {
			lines = lines[j:]
			continue
		}
		break
	}
	if !blankFinish && len(lines) > 0 && !lines[0].blank() {
		p.warnAt(lines[0], 0, "field list ends without a blank line; unexpected unindent")
	}
	return []content.Block{fl}, lines
}

// optionList reads an option list; ok is false when the first option has
// no description, which makes it a paragraph.
func (p *parser) optionList(lines []line) ([]content.Block, []line, bool) {
	ol := &content.OptionList{}
	ol.Start = lines[0].pos(0)
	var blankFinish bool
	for {
		l := lines[0]
		e := optionMarkerEnd(l.s)
		block, _, bf, n := getIndented(lines, false, true, -1, e)
		block = trimLeadingBlank(block)
		if len(block) == 0 {
			if len(ol.Items) == 0 {
				return nil, nil, false
			}
			break
		}
		item := &content.OptionItem{Options: strings.Split(rstripSpace(l.s[:e]), ", ")}
		item.Start = l.pos(0)
		item.End = l.endPos()
		if last, ok := lastNonBlank(block); ok {
			item.End = last.endPos()
		}
		item.Desc = p.body(block, false)
		ol.Items = append(ol.Items, item)
		ol.End = item.End
		blankFinish = bf
		lines = lines[n:]
		j := skipBlank(lines)
		if j < len(lines) && classify(lines[j].s) == kOption {
			lines = lines[j:]
			continue
		}
		break
	}
	if !blankFinish && len(lines) > 0 && !lines[0].blank() {
		p.warnAt(lines[0], 0, "option list ends without a blank line; unexpected unindent")
	}
	return []content.Block{ol}, lines, true
}

// doctest reads a doctest block (">>> ..." up to a blank line). It is
// kept as code in the "pycon" language.
func (p *parser) doctest(lines []line) ([]content.Block, []line) {
	n, _ := textBlock(lines, false)
	c := newCode(lines[:n])
	c.Directive = "doctest"
	c.Lang = "pycon"
	return []content.Block{c}, lines[n:]
}

// lineBlock reads a line block ("| text").
func (p *parser) lineBlock(lines []line) ([]content.Block, []line) {
	lb := &content.LineBlock{}
	lb.Start = lines[0].pos(0)
	for {
		l := lines[0]
		e := markerEnd(l.s, 1)
		block, _, bf, n := getIndented(lines, true, true, -1, e)
		block = trimBlank(block)
		ln := &content.Line{Indent: -1}
		ln.Start = l.pos(0)
		ln.End = l.endPos()
		if last, ok := lastNonBlank(block); ok {
			ln.End = last.endPos()
		}
		if l.s != "|" {
			ln.Indent = e - 2
		}
		ln.Inlines = p.inlines(srcOf(block))
		lb.Lines = append(lb.Lines, ln)
		lb.End = ln.End
		lines = lines[n:]
		if bf {
			break
		}
		if len(lines) > 0 && hasMarker(lines[0].s, "|") {
			continue
		}
		if len(lines) > 0 {
			p.warnAt(lines[0], 0, "line block ends without a blank line")
		}
		break
	}
	if lb.Lines[0].Indent < 0 {
		lb.Lines[0].Indent = 0
	}
	for i := 1; i < len(lb.Lines); i++ {
		if lb.Lines[i].Indent < 0 {
			lb.Lines[i].Indent = lb.Lines[i-1].Indent
		}
	}
	nestLineIndents(lb.Lines)
	return []content.Block{lb}, lines
}

// nestLineIndents turns the indentation of line block lines into nesting
// levels, as docutils nests line blocks: runs of lines indented more than
// the least indented ones go one level deeper.
func nestLineIndents(ls []*content.Line) {
	raw := make([]int, len(ls))
	for i, l := range ls {
		raw[i] = l.Indent
	}
	var nest func(lo, hi, depth int)
	nest = func(lo, hi, depth int) {
		least := raw[lo]
		for i := lo; i < hi; i++ {
			least = min(least, raw[i])
		}
		for i := lo; i < hi; {
			if raw[i] > least && depth < maxDepth {
				j := i
				for j < hi && raw[j] > least {
					j++
				}
				nest(i, j, depth+1)
				i = j
				continue
			}
			ls[i].Indent = depth
			i++
		}
	}
	if len(ls) > 0 {
		nest(0, len(ls), 0)
	}
}
