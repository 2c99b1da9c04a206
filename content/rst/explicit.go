package rst

import (
	"strings"

	"github.com/tailordocs/tailor/content"
)

// explicitList reads a run of explicit markup constructs (".." and "__")
// with no blank lines between them, as docutils' Explicit state does.
func (p *parser) explicitList(lines []line, titles bool) ([]content.Block, []line) {
	var out []content.Block
	for {
		bs, rest, blankFinish := p.explicitConstruct(lines, titles)
		out = append(out, bs...)
		lines = rest
		if len(lines) == 0 {
			break
		}
		if k := classify(lines[0].s); k == kExplicit || k == kAnonymous {
			continue
		}
		if !blankFinish && !lines[0].blank() {
			p.warnAt(lines[0], 0, "explicit markup ends without a blank line; unexpected unindent")
		}
		break
	}
	return out, lines
}

// explicitConstruct reads one footnote, citation, hyperlink target,
// substitution definition, directive or comment.
func (p *parser) explicitConstruct(lines []line, titles bool) ([]content.Block, []line, bool) {
	s := lines[0].s
	if strings.HasPrefix(s, "__") {
		return p.anonymousTarget(lines)
	}
	k := markerEnd(s, 2)
	if k > 2 && k < len(s) {
		switch s[k] {
		case '[':
			if label, end, ok := footnoteLabel(s, k); ok {
				return p.footnote(lines, label, end)
			}
			if label, end, ok := citationLabel(s, k); ok {
				return p.citation(lines, label, end)
			}
		case '_':
			if k+1 < len(s) && s[k+1] != ' ' {
				if bs, rest, bf, ok := p.hyperlinkTarget(lines, k+1); ok {
					return bs, rest, bf
				}
				p.warnAt(lines[0], 0, "malformed hyperlink target %s; write \".. _name: URL\"", quote(s))
				return p.comment(lines, 2)
			}
		case '|':
			if k+1 < len(s) && s[k+1] != ' ' {
				if bs, rest, bf, ok := p.substitutionDef(lines, k+1); ok {
					return bs, rest, bf
				}
				p.warnAt(lines[0], 0, "malformed substitution definition %s; write \".. |name| replace:: text\"", quote(s))
				return p.comment(lines, 2)
			}
		}
		if name, end, ok := directiveMarker(s, k); ok {
			return p.directive(lines, name, end, titles)
		}
	}
	return p.comment(lines, 2)
}

// footnoteLabel matches "[label]( +|$)" for a footnote at k.
func footnoteLabel(s string, k int) (string, int, bool) {
	j := strings.IndexByte(s[k:], ']')
	if j < 0 {
		return "", 0, false
	}
	label := s[k+1 : k+j]
	end := k + j + 1
	if end < len(s) && s[end] != ' ' {
		return "", 0, false
	}
	ok := false
	switch {
	case label == "#" || label == "*":
		ok = true
	case strings.HasPrefix(label, "#"):
		ok = isSimplename(label[1:])
	case label != "":
		ok = true
		for i := 0; i < len(label); i++ {
			if !isDigit(label[i]) {
				ok = false
			}
		}
	}
	return label, markerEnd(s, end), ok
}

// citationLabel matches "[simplename]( +|$)" at k.
func citationLabel(s string, k int) (string, int, bool) {
	j := strings.IndexByte(s[k:], ']')
	if j < 0 {
		return "", 0, false
	}
	label := s[k+1 : k+j]
	end := k + j + 1
	if end < len(s) && s[end] != ' ' || !isSimplename(label) {
		return "", 0, false
	}
	return label, markerEnd(s, end), true
}

// directiveMarker matches "name[ ]?::( +|$)" at k.
func directiveMarker(s string, k int) (string, int, bool) {
	e := simplenameEnd(s, k)
	if e == k {
		return "", 0, false
	}
	j := e
	if j < len(s) && s[j] == ' ' {
		j++
	}
	if !strings.HasPrefix(s[j:], "::") {
		return "", 0, false
	}
	j += 2
	if j < len(s) && s[j] != ' ' {
		return "", 0, false
	}
	return s[k:e], markerEnd(s, j), true
}

// explicitSpan returns the span of an explicit construct from its first
// line to the last non-blank line of its block.
func explicitSpan(first line, block []line) content.Span {
	sp := content.Span{Start: first.pos(0), End: first.endPos()}
	if l, ok := lastNonBlank(block); ok && l.endPos() > sp.End {
		sp.End = l.endPos()
	}
	return sp
}

// comment reads a comment whose text starts after the marker at k.
func (p *parser) comment(lines []line, k int) ([]content.Block, []line, bool) {
	first := lines[0]
	k = markerEnd(first.s, k)
	if len(lines) == 1 || lines[1].blank() {
		if strings.TrimSpace(first.s[k:]) == "" {
			c := &content.Comment{Span: content.Span{Start: first.pos(0), End: first.endPos()}}
			return []content.Block{c}, lines[1:], true
		}
	}
	block, _, blankFinish, n := getIndented(lines, false, true, -1, k)
	block = trimBlank(block)
	ts := srcOf(block)
	c := &content.Comment{Span: explicitSpan(first, block), Text: ts.text}
	p.noteAnnotation(c, ts)
	return []content.Block{c}, lines[n:], blankFinish
}

// A commentAnnotation is a tailor annotation found in a comment.
type commentAnnotation struct {
	ann  *content.Annotation
	file *content.File
}

// noteAnnotation checks a comment for a tailor annotation.
func (p *parser) noteAnnotation(c *content.Comment, ts *textSrc) {
	attrs, off, ok := content.CutAnnotation(c.Text)
	if !ok {
		return
	}
	ca := &commentAnnotation{file: ts.file}
	ca.ann = &content.Annotation{Pos: ts.pos(off)}
	opts, err := content.ParseAttrs(attrs)
	ca.ann.Attrs = opts
	if err != nil {
		eoff := off
		if ae, ok := err.(*content.AttrError); ok {
			eoff += ae.Offset
		}
		p.errorOff(ts.file, ts.pos(eoff), "tailor annotation: %s", err.Error())
	}
	setMap(p, p.annots, c, ca)
}

// footnote reads a footnote ".. [label] body".
func (p *parser) footnote(lines []line, label string, end int) ([]content.Block, []line, bool) {
	first := lines[0]
	block, _, blankFinish, n := getIndented(lines, false, true, -1, end)
	block = trimLeadingBlank(block)
	fn := &content.Footnote{Span: explicitSpan(first, block), Label: label}
	name := content.NormalizeName(label)
	switch {
	case strings.HasPrefix(name, "#"):
		name = name[1:]
	case name == "*":
		name = ""
	}
	id := p.newID(name)
	if name != "" {
		p.noteExplicit(name, &nameEntry{id: id}, first.src.file(), first.pos(0))
	}
	p.footnotes = append(p.footnotes, fn)
	fn.Blocks = p.body(block, false)
	return []content.Block{fn}, lines[n:], blankFinish
}

// citation reads a citation ".. [LABEL] body".
func (p *parser) citation(lines []line, label string, end int) ([]content.Block, []line, bool) {
	first := lines[0]
	block, _, blankFinish, n := getIndented(lines, false, true, -1, end)
	block = trimLeadingBlank(block)
	c := &content.Citation{Span: explicitSpan(first, block), Label: label}
	name := content.NormalizeName(label)
	id := p.newID(name)
	p.noteExplicit(name, &nameEntry{id: id}, first.src.file(), first.pos(0))
	setMap(p, p.citations, name, true)
	c.Blocks = p.body(block, false)
	return []content.Block{c}, lines[n:], blankFinish
}

// targetName finds the name of a hyperlink target in the escaped lines
// joined without separators (s), where ends holds the end of each line.
// It returns the name's bounds (-1 for anonymous) and the match end.
func targetName(s string, ends []int) (a, b, end int, ok bool) {
	isEnd := make(map[int]bool, len(ends))
	for _, e := range ends {
		isEnd[e] = true
	}
	lineEnd := func(q int) bool { return isEnd[q] }
	after := func(q int) (int, bool) { // "([ ]+|$)" after the colon at q
		if q+1 < len(s) && s[q+1] == ' ' {
			return markerEnd(s, q+1), true
		}
		return q + 1, q+1 == len(s) || lineEnd(q+1)
	}
	if s == "" {
		return 0, 0, 0, false
	}
	if s[0] == '_' {
		q := 1
		if q < len(s) && s[q] == ' ' {
			q++
		}
		if q < len(s) && s[q] == ':' {
			if e, ok := after(q); ok {
				return -1, -1, e, true
			}
		}
		return 0, 0, 0, false
	}
	quoted := s[0] == '`'
	start := 0
	if quoted {
		start = 1
	}
	if start >= len(s) || s[start] == ' ' || s[start] == '`' {
		return 0, 0, 0, false
	}
	badEnd := func(e int) bool { // the name may not end with space or an escape
		r := lastRuneStr(s[:e])
		return isPySpace(r) || r == 0
	}
	if quoted {
		for j := start + 1; j < len(s); j++ {
			if s[j] != '`' || badEnd(j) {
				continue
			}
			q := j + 1
			if q < len(s) && s[q] == ' ' {
				q++
			}
			if q < len(s) && s[q] == ':' {
				if e, ok := after(q); ok {
					return start, j, e, true
				}
			}
		}
		return 0, 0, 0, false
	}
	for q := start + 1; q < len(s); q++ {
		if s[q] != ':' {
			continue
		}
		e := q
		if s[q-1] == ' ' {
			e = q - 1
		}
		if e <= start || badEnd(e) {
			continue
		}
		if s[e-1] == ':' && (e < 2 || s[e-2] != 0) {
			continue
		}
		if end, ok := after(q); ok {
			return start, e, end, true
		}
	}
	return 0, 0, 0, false
}

// hyperlinkTarget reads ".. _name: URL", ".. _name: other_", ".. _name:"
// and ".. __: URL"; k is just after the first underscore.
func (p *parser) hyperlinkTarget(lines []line, k int) ([]content.Block, []line, bool, bool) {
	first := lines[0]
	block, _, blankFinish, n := getIndented(lines, true, false, -1, k)
	var b strings.Builder
	var ends []int
	for _, l := range block {
		b.WriteString(escapeText(l.s))
		ends = append(ends, b.Len())
	}
	s := b.String()
	na, nb, end, ok := targetName(s, ends)
	if !ok {
		return nil, nil, false, false
	}
	// The rest of the line where the name ended, and the lines after it.
	li := 0
	for li < len(ends)-1 && ends[li] < end {
		li++
	}
	lineStart := 0
	if li > 0 {
		lineStart = ends[li-1]
	}
	rest := make([]line, 0, len(block)-li)
	rest = append(rest, block[li].trim(end-lineStart))
	rest = append(rest, block[li+1:]...)
	for i := range rest {
		l := rest[i]
		lead := len(l.s) - len(lstripSpace(l.s))
		rest[i] = l.trim(lead)
		rest[i].s = rstripSpace(rest[i].s)
	}
	t := &content.Target{Span: explicitSpan(first, block)}
	name := ""
	if na >= 0 {
		name = unescape(s[na:nb], false)
		t.Name = name
	} else {
		t.Anonymous = true
	}
	p.makeTarget(t, rest, first.src.file())
	return []content.Block{t}, lines[n:], blankFinish, true
}

// referenceName matches a whole indirect target reference "name_" or
// "`phrase`_" and returns the name.
func referenceName(ref string) (string, bool) {
	ref = whitespaceNormalize(ref)
	if strings.HasSuffix(ref, "_") {
		body := ref[:len(ref)-1]
		if isSimplename(body) {
			return unescape(body, false), true
		}
		if len(body) >= 3 && body[0] == '`' && body[len(body)-1] == '`' && body[1] != ' ' {
			phrase := body[1 : len(body)-1]
			if r := lastRuneStr(phrase); !isPySpace(r) && r != 0 {
				return unescape(phrase, false), true
			}
		}
	}
	return "", false
}

// makeTarget fills in what a target points to from the lines after its
// name, and records its name.
func (p *parser) makeTarget(t *content.Target, rest []line, f *content.File) {
	var parts []string
	for _, l := range rest {
		if l.s != "" {
			parts = append(parts, escapeText(l.s))
		}
	}
	if len(parts) > 0 && strings.HasSuffix(parts[len(parts)-1], "_") {
		if name, ok := referenceName(strings.Join(parts, " ")); ok {
			t.RefName = content.NormalizeName(name)
		}
	}
	if t.RefName == "" {
		t.URL = unescape(removeUnescapedSpace(strings.Join(parts, " ")), false)
		if !t.Anonymous {
			t.URL = adjustURI(t.URL)
		}
	}
	if t.Anonymous {
		p.anonTgts = append(p.anonTgts, anonTarget{t: t, id: p.newID(), file: f})
		return
	}
	norm := content.NormalizeName(t.Name)
	id := p.newID(norm)
	p.noteExplicit(norm, &nameEntry{id: id, url: t.URL, refname: t.RefName}, f, t.Start)
}

// anonymousTarget reads "__ URL".
func (p *parser) anonymousTarget(lines []line) ([]content.Block, []line, bool) {
	first := lines[0]
	block, _, blankFinish, n := getIndented(lines, true, true, -1, markerEnd(first.s, 2))
	t := &content.Target{Span: explicitSpan(first, block), Anonymous: true}
	rest := make([]line, len(block))
	for i, l := range block {
		rest[i] = l.trim(len(l.s) - len(lstripSpace(l.s)))
	}
	p.makeTarget(t, rest, first.src.file())
	return []content.Block{t}, lines[n:], blankFinish
}

// substitutionDef reads ".. |name| directive:: data"; k is just after the
// first bar.
func (p *parser) substitutionDef(lines []line, k int) ([]content.Block, []line, bool, bool) {
	first := lines[0]
	block, _, blankFinish, n := getIndented(lines, false, false, -1, k)
	// Join the lines with spaces, each stripped, and find "name|".
	var b strings.Builder
	var starts []int
	stripped := make([]line, len(block))
	for i, l := range block {
		lead := len(l.s) - len(lstripSpace(l.s))
		stripped[i] = l.trim(lead)
		if i > 0 {
			b.WriteByte(' ')
		}
		starts = append(starts, b.Len())
		b.WriteString(escapeText(stripped[i].s))
	}
	s := b.String()
	q := -1
	for i := 1; i < len(s); i++ {
		if s[i] != '|' {
			continue
		}
		if r := lastRuneStr(s[:i]); isPySpace(r) || r == 0 {
			continue
		}
		if i+1 == len(s) || s[i+1] == ' ' {
			q = i
			break
		}
	}
	if q < 0 || s[0] == ' ' {
		return nil, nil, false, false
	}
	name := whitespaceNormalize(unescape(s[:q], false))
	end := markerEnd(s, q+1)
	li := len(starts) - 1
	for li > 0 && starts[li] > end {
		li--
	}
	body := make([]line, 0, len(block)-li)
	body = append(body, stripped[li].trim(end-starts[li]))
	body = append(body, block[li+1:]...)
	if body[0].s == "" {
		body = body[1:]
	}
	for len(body) > 0 && body[len(body)-1].blank() {
		body = body[:len(body)-1]
	}
	sd := &content.SubstitutionDef{Span: explicitSpan(first, block), Name: name}
	if len(body) == 0 {
		p.warnAt(first, 0, "substitution definition %s has no contents; add a directive such as \"replace:: text\"", quote(name))
		return []content.Block{sd}, lines[n:], blankFinish, true
	}
	dname, dend, ok := directiveMarker(body[0].s, 0)
	if !ok {
		p.warnAt(first, 0, "substitution definition %s is empty or invalid; use a directive such as \"replace:: text\"", quote(name))
		return []content.Block{sd}, lines[n:], blankFinish, true
	}
	sd.Directive = strings.ToLower(dname)
	sd.Inlines = p.substitutionDirective(sd, dname, body, dend)
	p.noteSubstDef(sd, first)
	return []content.Block{sd}, lines[n:], blankFinish, true
}
