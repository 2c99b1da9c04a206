package markdown

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/tailordocs/tailor/content"
)

// inlines converts the inline children of n that start at or after from;
// limit is where n's inline content ends.
//
// goldmark records where an inline node starts but not where it ends, so
// ends are exact for text and code spans and, for the other nodes, the
// start of what follows them.
func (c *converter) inlines(n ast.Node, from, limit int) []content.Inline {
	var l inlineList
	prevEnd := from
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		start := ch.Pos()
		if start >= 0 && start < from {
			continue
		}
		start = min(max(start, prevEnd), limit)
		end := c.inlineEnd(ch, start, limit)
		c.inline(&l, ch, start, end)
		prevEnd = end
	}
	return l.list()
}

// inlineEnd returns where the inline node n, starting at start, ends.
func (c *converter) inlineEnd(n ast.Node, start, limit int) int {
	end := -1
	switch n := n.(type) {
	case *ast.Text:
		end = n.Segment.Stop
	case *ast.String:
		end = start
	case *ast.CodeSpan:
		end = c.codeSpanEnd(n, start, limit)
	default:
		for s := n.NextSibling(); s != nil; s = s.NextSibling() {
			if p := s.Pos(); p >= 0 {
				end = p
				break
			}
		}
		if end < 0 {
			end = limit
		}
		for end > start+1 && isSpaceByte(c.src[end-1]) {
			end--
		}
	}
	return min(max(end, start), limit)
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// codeSpanEnd returns the end of the closing backquotes of a code span.
func (c *converter) codeSpanEnd(n *ast.CodeSpan, start, limit int) int {
	k := 0
	for start+k < limit && c.src[start+k] == '`' {
		k++
	}
	from := start + k
	if t, ok := n.LastChild().(*ast.Text); ok {
		from = max(from, t.Segment.Stop)
	}
	i := indexByteFrom(c.src[:limit], '`', from)
	if i < 0 {
		return limit
	}
	return min(i+max(k, 1), limit)
}

// inline converts one inline node spanning [start, end) into l.
func (c *converter) inline(l *inlineList, n ast.Node, start, end int) {
	span := content.Span{Start: start, End: end}
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(c.src)
		s := string(v)
		if !n.IsRaw() {
			s = unescape(v)
		}
		if n.SoftLineBreak() {
			s += "\n"
		}
		l.text(s, start, end)
		if n.HardLineBreak() {
			l.add(&content.LineBreak{Span: content.Span{Start: end, End: max(end, c.lineEnd(end))}})
		}
	case *ast.String:
		s := string(n.Value)
		if !n.IsCode() && !n.IsRaw() {
			s = unescape(n.Value)
		}
		l.text(s, start, end)
	case *ast.CodeSpan:
		if name, at, ok := c.roleBefore(l, start); ok {
			l.add(mystRole(name, codeSpanText(n, c.src), content.Span{Start: at, End: end}))
			return
		}
		l.add(&content.Literal{Span: span, Value: codeSpanText(n, c.src)})
	case *ast.Emphasis:
		children := c.inlines(n, start, end)
		if n.Level >= 2 {
			l.add(&content.Strong{Span: span, Children: children})
		} else {
			l.add(&content.Emphasis{Span: span, Children: children})
		}
	case *ast.Link:
		lk := &content.Link{
			Span:     span,
			Children: c.inlines(n, start, end),
			URL:      resolveURL(n.Destination),
			Title:    unescape(n.Title),
		}
		if n.Reference != nil {
			lk.RefName = content.NormalizeName(string(n.Reference.Value))
		}
		l.add(lk)
	case *ast.Image:
		l.add(&content.InlineImage{
			Span:  span,
			URI:   resolveURL(n.Destination),
			Alt:   content.PlainText(c.inlines(n, start, end)),
			Title: unescape(n.Title),
		})
	case *ast.AutoLink:
		label := string(n.Label(c.src))
		ls := start
		if i := bytes.Index(c.src[start:end], n.Label(c.src)); i >= 0 {
			ls = start + i
		}
		l.add(&content.Link{
			Span:     span,
			Children: []content.Inline{&content.Text{Span: content.Span{Start: ls, End: min(ls+len(label), end)}, Value: label}},
			URL:      autoLinkURL(n, c.src),
		})
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(c.src))
		}
		raw := b.String()
		l.add(&content.RawInline{Span: span, Format: "html", Text: raw})
		c.inlineComment(start, raw)
	case *east.Strikethrough:
		children := c.inlines(n, start, end)
		open, close := content.Span{Start: start, End: start}, content.Span{Start: end, End: end}
		if len(children) > 0 {
			open.End = children[0].Pos()
			close.Start = children[len(children)-1].EndPos()
		}
		l.add(&content.RawInline{Span: open, Format: "html", Text: "<del>"})
		for _, ch := range children {
			l.add(ch)
		}
		l.add(&content.RawInline{Span: close, Format: "html", Text: "</del>"})
	case *east.FootnoteLink:
		l.add(&content.FootnoteRef{Span: span, Label: c.footnotes[n.Index], Number: n.Index})
	case *east.TaskCheckBox, *east.FootnoteBacklink:
		// A task item's box is Item.Checked; backlinks are the renderer's.
	default:
		for _, ch := range c.inlines(n, start, end) {
			l.add(ch)
		}
	}
}

// inlineComment warns about a tailor comment written inside a paragraph,
// where it does nothing.
func (c *converter) inlineComment(off int, raw string) {
	t := strings.TrimSpace(raw)
	if !strings.HasPrefix(t, "<!--") || !strings.HasSuffix(t, "-->") || len(t) < 7 {
		return
	}
	inner := strings.TrimSpace(t[4 : len(t)-3])
	if strings.HasPrefix(inner, content.AnnotationPrefix) || strings.HasPrefix(inner, "only:") ||
		strings.Join(strings.Fields(inner), " ") == "end only" {
		c.warnf(off, "%q inside a paragraph is ignored; put it on a line of its own, with a blank line before it", t)
	}
}

// codeSpanText returns the text of a code span as CommonMark defines it:
// line endings become spaces.
func codeSpanText(n *ast.CodeSpan, src []byte) string {
	var b strings.Builder
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		t, ok := ch.(*ast.Text)
		if !ok {
			continue
		}
		v := t.Segment.Value(src)
		if bytes.HasSuffix(v, []byte("\n")) {
			v = bytes.TrimSuffix(bytes.TrimSuffix(v, []byte("\n")), []byte("\r"))
			b.Write(v)
			b.WriteByte(' ')
			continue
		}
		b.Write(v)
	}
	return b.String()
}

// autoLinkURL returns the target of an autolink as goldmark's HTML
// renderer writes it, before URL escaping.
func autoLinkURL(n *ast.AutoLink, src []byte) string {
	u := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
		u = "mailto:" + u
	}
	return u
}

// resolveURL resolves the backslash escapes and character references of a
// link destination, as goldmark does before URL escaping.
func resolveURL(b []byte) string {
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(b))))
}

// unescape returns Markdown text with its backslash escapes and entity
// and numeric character references resolved, exactly as goldmark's
// default HTML writer resolves them before escaping for HTML: writing
// unescape(s) with the writer's RawWrite gives what its Write gives for s.
func unescape(s []byte) string {
	var b strings.Builder
	b.Grow(len(s))
	n := 0 // start of the bytes not yet written
	escaped := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if escaped && util.IsPunct(c) {
			b.Write(s[n : i-1]) // drop the backslash, keep c as written
			n = i
			escaped = false
			continue
		}
		switch c {
		case 0:
			b.Write(s[n:i])
			b.WriteRune(unicode.ReplacementChar)
			n = i + 1
		case '&':
			if r, size := charRef(s[i:]); size > 0 {
				b.Write(s[n:i])
				b.WriteString(r)
				i += size - 1
				n = i + 1
				continue
			}
		case '\\':
			escaped = true
			continue
		}
		escaped = false
	}
	b.Write(s[n:])
	return b.String()
}

// charRef reads the character reference at the start of s ("&amp;",
// "&#35;", "&#x23;") and returns its text and length, or size 0 when s
// does not start with one.
func charRef(s []byte) (string, int) {
	if len(s) < 3 || s[0] != '&' {
		return "", 0
	}
	if s[1] != '#' {
		i := 1
		for i < len(s) && util.IsAlphaNumeric(s[i]) {
			i++
		}
		if i == 1 || i >= len(s) || s[i] != ';' {
			return "", 0
		}
		e, ok := util.LookUpHTML5EntityByName(string(s[1:i]))
		if !ok {
			return "", 0
		}
		return string(e.Characters), i + 1
	}
	base, digits, maxDigits := 10, 2, 7
	if s[2] == 'x' || s[2] == 'X' {
		base, digits, maxDigits = 16, 3, 6
	} else if s[2] < '0' || s[2] > '9' {
		return "", 0
	}
	i := digits
	var v rune
	for i < len(s) && (base == 10 && util.IsNumeric(s[i]) || base == 16 && util.IsHexDecimal(s[i])) {
		if i-digits < 8 {
			v = v*rune(base) + rune(hexValue(s[i]))
		}
		i++
	}
	if i == digits || i-digits > maxDigits || i >= len(s) || s[i] != ';' {
		return "", 0
	}
	return string(util.ToValidRune(v)), i + 1
}

func hexValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return 0
}

// inlineList collects converted inline nodes, merging adjacent text.
type inlineList struct {
	out []content.Inline
	txt *content.Text // text being collected; its value is in buf
	buf strings.Builder
}

func (l *inlineList) text(s string, start, end int) {
	if l.txt == nil {
		l.txt = &content.Text{Span: content.Span{Start: start, End: end}}
		l.buf.Reset()
	}
	l.buf.WriteString(s)
	l.txt.End = max(l.txt.End, end)
}

// cutSuffix removes s from the end of the text being collected, which
// then ends at end, and reports whether the text ended with s.
func (l *inlineList) cutSuffix(s string, end int) bool {
	if l.txt == nil || !strings.HasSuffix(l.buf.String(), s) {
		return false
	}
	rest := strings.TrimSuffix(l.buf.String(), s)
	l.buf.Reset()
	l.buf.WriteString(rest)
	l.txt.End = end
	return true
}

func (l *inlineList) flush() {
	if l.txt == nil {
		return
	}
	l.txt.Value = l.buf.String()
	if l.txt.Value != "" {
		l.out = append(l.out, l.txt)
	}
	l.txt = nil
}

func (l *inlineList) add(n content.Inline) {
	l.flush()
	l.out = append(l.out, n)
}

func (l *inlineList) list() []content.Inline {
	l.flush()
	return l.out
}
