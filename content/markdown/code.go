package markdown

import (
	"errors"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/editdist"
)

// tailorKeys are the attributes of an info string that belong to the
// tailor annotation.
var tailorKeys = map[string]bool{
	"file": true, "op": true, "mode": true, "owner": true, "group": true,
	"subst": true, "before": true, "after": true, "validate": true,
}

// highlightKeys are info-string attributes of Hugo, Pandoc and MkDocs
// that look like no tailor key by chance.
var highlightKeys = map[string]bool{
	"linenos": true, "hl_lines": true, "linenostart": true, "anchorlinenos": true,
	"lineanchors": true, "hl_inline": true, "style": true, "noclasses": true,
	"guesssyntax": true, "tabwidth": true, "startfrom": true, "caption": true,
	"numberlines": true, "startline": true, "data-line": true, "lang": true,
}

// nearTailorKey reports whether an attribute name is a likely slip for a
// tailor key: one edit away ("mdoe", "ower", "fiel"), two for longer keys.
func nearTailorKey(name string) bool {
	n := strings.ToLower(name)
	if highlightKeys[n] || tailorKeys[n] {
		return tailorKeys[n] && n != name // "File=" is a slip too
	}
	for k := range tailorKeys {
		limit := 1
		if len(k) > 5 {
			limit = 2
		}
		if len(k) > 2 && editdist.Distance(n, k) <= limit {
			return true
		}
	}
	return false
}

// code converts a fenced or indented code block. ann is the annotation of
// the comment right before the block, nil if none; attributes of the info
// string win over it.
func (c *converter) code(n ast.Node, ann *content.Annotation) *content.Code {
	start := c.start(n)
	code := &content.Code{}
	lines := n.Lines()
	fenced, isFenced := n.(*ast.FencedCodeBlock)
	if isFenced {
		code.Directive = "fence"
		start = c.fenceStart(start)
		code.Indent = c.column(start)
	} else {
		code.Directive = "indent"
		code.Indent = 4
		if lines.Len() > 0 {
			seg := lines.At(0)
			code.Indent = max(c.column(seg.Start)-seg.Padding, 0)
			start = seg.Start // goldmark's position can be on the indentation, or past it
		}
	}

	// Content lines, without line endings and trailing blank lines.
	texts := make([]string, lines.Len())
	for i := range texts {
		seg := lines.At(i)
		v := string(seg.Value(c.src))
		v = strings.TrimSuffix(v, "\n")
		texts[i] = strings.TrimSuffix(v, "\r")
	}
	first := 0 // MyST directive options come first
	var myst *mystDirective
	if isFenced && fenced.Info != nil {
		seg := fenced.Info.Segment
		if myst = parseMyST(string(seg.Value(c.src))); myst != nil {
			first = myst.options(texts)
		}
	}
	k := len(texts)
	for k > first && strings.TrimSpace(texts[k-1]) == "" {
		k--
	}
	code.Text = strings.Join(texts[first:k], "\n")
	if lines.Len() > first {
		code.Line = c.file.Position(lines.At(first).Start).Line
	} else {
		code.Line = c.file.Position(start).Line + 1 + first
	}
	code.Content.Start = c.file.LineStart(code.Line)
	code.Content.End = code.Content.Start
	if k > first {
		code.Content.End = max(code.Content.Start, c.segEnd(lines.At(k-1)))
	}

	// The block's span: from the opening fence to the closing one.
	end := c.lineEnd(start)
	if lines.Len() > 0 {
		end = max(end, c.segEnd(lines.At(lines.Len()-1)))
	}
	if isFenced {
		if e, ok := c.fenceEnds[n]; ok {
			end = max(end, c.segEnd(text.NewSegment(start, e)))
		} else if c.fenceEnds != nil {
			// CommonMark lets an unclosed fence run to the end of its
			// container: most likely a fence was forgotten
			c.warnf(start, "code block is not closed: it runs to the end of the %s", containerName(n))
		} else {
			end = max(end, c.closingFence(start, lines.Len() > 0, end))
		}
	}
	code.Span = content.Span{Start: start, End: end}

	var info *content.Annotation
	switch {
	case myst != nil:
		myst.apply(code)
		if !myst.code {
			c.warnf(start, "MyST directive {%s} is shown as a literal block", myst.name)
		}
	case isFenced && fenced.Info != nil:
		seg := fenced.Info.Segment
		info = c.info(code, string(seg.Value(c.src)), seg.Start)
	}
	code.Annotation = mergeAnnotations(ann, info)
	return code
}

// containerName names what an unclosed fence runs to the end of.
func containerName(n ast.Node) string {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Kind() {
		case ast.KindListItem:
			return "list item"
		case ast.KindBlockquote:
			return "quote"
		}
	}
	return "file"
}

// fenceStart returns the start of the opening fence near p. Without the
// reader's record of where blocks start, p is goldmark's position, which
// can be up to three bytes past the fence, or inside it, after a tab.
func (c *converter) fenceStart(p int) int {
	isFence := func(i int) bool { return i >= 0 && i < len(c.src) && (c.src[i] == '`' || c.src[i] == '~') }
	q := p
	for k := 1; k <= 3 && !isFence(q); k++ {
		q = p - k
	}
	if !isFence(q) {
		return p
	}
	for isFence(q-1) && c.src[q-1] == c.src[q] {
		q--
	}
	return q
}

// closingFence guesses the end of the closing fence of the fenced block
// at start whose content ends at end: the line after the content, when
// it is a fence of the same kind, at least as long. It returns end when
// there is none.
func (c *converter) closingFence(start int, hasContent bool, end int) int {
	if start >= len(c.src) {
		return end
	}
	fch := c.src[start]
	flen := 0
	for start+flen < len(c.src) && c.src[start+flen] == fch {
		flen++
	}
	next := indexByteFrom(c.src, '\n', end)
	if !hasContent {
		next = indexByteFrom(c.src, '\n', start)
	}
	if next < 0 {
		return end
	}
	i := next + 1
	for i < len(c.src) && (c.src[i] == ' ' || c.src[i] == '\t' || c.src[i] == '>') {
		i++
	}
	j := i
	for j < len(c.src) && c.src[j] == fch {
		j++
	}
	le := c.lineEnd(min(next+1, len(c.src)))
	if j-i < flen || strings.TrimSpace(string(c.src[j:max(j, le)])) != "" {
		return end
	}
	return le
}

// info reads a fence's info string at offset pos: the language, then an
// attribute list, braced or not. It fills code's language, options,
// caption and name, and returns the tailor attributes as an annotation
// (nil when there are none).
func (c *converter) info(code *content.Code, info string, pos int) *content.Annotation {
	i := strings.IndexAny(info, " \t{")
	if i < 0 {
		i = len(info)
	}
	if strings.ContainsRune(info[:i], '=') {
		i = 0 // ``` title="/etc/x.conf": attributes, no language
	}
	code.Lang = info[:i]
	rest := info[i:]
	list := strings.TrimSpace(rest)
	if list == "" {
		return nil
	}
	restPos := pos + i
	listPos := restPos + len(rest) - len(strings.TrimLeft(rest, " \t"))
	attrs, err := content.ParseAttrs(rest)
	if err != nil {
		var ae *content.AttrError
		off := listPos
		if errors.As(err, &ae) {
			off = restPos + ae.Offset
		}
		c.errorf(off, "bad attribute list %q in the info string: %s", list, err)
	}
	code.Options = attrs
	var ann *content.Annotation
	for _, a := range attrs {
		switch {
		case a.Name == "title":
			code.Caption = a.Value
		case a.Name == "id":
			code.Name = a.Value
		case a.Name == "class" && code.Lang == "":
			code.Lang = a.Value // {.ini ...}, as in Pandoc
		case tailorKeys[a.Name] || nearTailorKey(a.Name):
			// a near miss ("mdoe") goes too, for the analysis to report
			if ann == nil {
				ann = &content.Annotation{Pos: listPos}
			}
			ann.Attrs = append(ann.Attrs, a)
		}
	}
	return ann
}

// mergeAnnotations merges the annotation of a comment with the one of an
// info string: the info string's attributes win, and its position is
// kept.
func mergeAnnotations(comment, info *content.Annotation) *content.Annotation {
	switch {
	case comment == nil:
		return info
	case info == nil:
		return comment
	}
	m := &content.Annotation{Pos: info.Pos}
	for _, a := range comment.Attrs {
		if _, over := info.Get(a.Name); !over {
			m.Attrs = append(m.Attrs, a)
		}
	}
	m.Attrs = append(m.Attrs, info.Attrs...)
	return m
}

type commentKind int

const (
	notComment        commentKind = iota // raw HTML
	plainComment                         // any other comment
	annotationComment                    // <!-- tailor: ATTRS -->
	onlyOpenComment                      // <!-- only: EXPR -->
	onlyCloseComment                     // <!-- end only -->
)

// An htmlComment is an HTML block read as a comment.
type htmlComment struct {
	kind commentKind
	text string // between "<!--" and "-->", white space trimmed
	// arg is the annotation's attributes or the only expression, and
	// argAt its index in lines.s.
	arg   string
	argAt int
	lines *linesText
}

// pos returns the source offset of byte i of the argument.
func (cm htmlComment) pos(i int) int { return cm.lines.offset(cm.argAt + i) }

// comment reads an HTML block that holds exactly one HTML comment.
func (c *converter) comment(h *ast.HTMLBlock) htmlComment {
	var lt *linesText
	if h.HasClosure() {
		lt = c.linesText(h.Lines(), h.ClosureLine)
	} else {
		lt = c.linesText(h.Lines())
	}
	cm := htmlComment{lines: lt}
	s := lt.s
	l := len(s) - len(strings.TrimLeft(s, " \t"))
	t := strings.TrimRight(s[l:], " \t\r\n")
	var inner string
	innerAt := l + 4
	switch {
	case t == "<!-->" || t == "<!--->":
	case len(t) >= 7 && strings.HasPrefix(t, "<!--") && strings.Index(t[4:], "-->") == len(t)-7:
		inner = t[4 : len(t)-3]
	default:
		return cm
	}
	cm.kind = plainComment
	cm.text = strings.TrimSpace(strings.ReplaceAll(inner, "\r\n", "\n"))
	trimmed := strings.TrimLeft(inner, " \t\r\n")
	lead := len(inner) - len(trimmed)
	switch {
	case strings.HasPrefix(trimmed, content.AnnotationPrefix):
		_, off, _ := content.CutAnnotation(inner)
		cm.kind = annotationComment
		cm.arg = inner[off:]
		cm.argAt = innerAt + off
	case strings.HasPrefix(trimmed, "only:"):
		rest := trimmed[len("only:"):]
		cm.kind = onlyOpenComment
		cm.arg = strings.TrimSpace(rest)
		cm.argAt = innerAt + lead + len("only:") + len(rest) - len(strings.TrimLeft(rest, " \t\r\n"))
	case strings.Join(strings.Fields(inner), " ") == "end only":
		cm.kind = onlyCloseComment
	}
	return cm
}

// html converts an HTML block: a comment or raw HTML.
func (c *converter) html(h *ast.HTMLBlock, cm htmlComment) content.Block {
	start := c.start(h)
	end := c.linesEnd(h, start)
	if h.HasClosure() {
		end = max(end, c.segEnd(h.ClosureLine))
	}
	span := content.Span{Start: start, End: end}
	if cm.kind == notComment {
		return &content.Raw{Span: span, Format: "html", Text: strings.TrimRight(strings.ReplaceAll(cm.lines.s, "\r\n", "\n"), "\n")}
	}
	if cm.kind == plainComment {
		c.nearMiss(start, cm.text)
	}
	return &content.Comment{Span: span, Text: cm.text}
}

// nearMiss warns about a comment that was probably meant as a tailor
// comment.
func (c *converter) nearMiss(off int, text string) {
	f := strings.Fields(text)
	if len(f) == 0 {
		return
	}
	lower := strings.ToLower(text)
	var want string
	switch {
	case f[0] == "endonly" || f[0] == "end-only" || f[0] == "end_only" || f[0] == "/only" ||
		strings.Join(strings.Fields(lower), " ") == "end only":
		want = "<!-- end only -->"
	case strings.HasPrefix(lower, "only:"):
		want = "<!-- only: " + strings.TrimSpace(text[len("only:"):]) + " -->"
	case strings.HasPrefix(lower, "tailor:"):
		want = "<!-- tailor: " + strings.TrimSpace(text[len("tailor:"):]) + " -->"
	case strings.ToLower(f[0]) == "tailor" && len(f) > 1 && strings.Contains(f[1], "="):
		want = "<!-- tailor: " + strings.TrimSpace(text[len(f[0]):]) + " -->"
	default:
		return
	}
	c.warnf(off, "comment %q is not a tailor comment (did you mean %q?)", "<!-- "+text+" -->", want)
}

// commentAnnotation parses the attributes of an annotation comment.
func (c *converter) commentAnnotation(cm htmlComment) *content.Annotation {
	lead := len(cm.arg) - len(strings.TrimLeft(cm.arg, " \t\r\n"))
	ann := &content.Annotation{Pos: cm.pos(lead)}
	attrs, err := content.ParseAttrs(cm.arg)
	if err != nil {
		var ae *content.AttrError
		off := ann.Pos
		if errors.As(err, &ae) {
			off = cm.pos(ae.Offset)
		}
		c.errorf(off, "bad tailor annotation %q: %s", strings.TrimSpace(cm.arg), err)
	}
	ann.Attrs = attrs
	return ann
}

// An item is one element of a sequence of siblings: a goldmark block, or
// an only group.
type item struct {
	node ast.Node
	only *onlyGroup
}

// An onlyGroup is "<!-- only: EXPR -->", the blocks after it and the
// matching "<!-- end only -->" (nil when missing).
type onlyGroup struct {
	open, close *ast.HTMLBlock
	cm          htmlComment // the opening comment
	body        []item
}

// group finds the only groups of a sequence of siblings. Groups nest;
// one opens and closes in the same sequence.
func (c *converter) group(nodes []ast.Node) []item {
	var top []item
	var stack []*onlyGroup
	add := func(it item) {
		if len(stack) > 0 {
			g := stack[len(stack)-1]
			g.body = append(g.body, it)
		} else {
			top = append(top, it)
		}
	}
	for _, n := range nodes {
		if h, ok := n.(*ast.HTMLBlock); ok {
			switch cm := c.comment(h); cm.kind {
			case onlyOpenComment:
				stack = append(stack, &onlyGroup{open: h, cm: cm})
				continue
			case onlyCloseComment:
				if len(stack) == 0 {
					c.errorf(c.start(h), "<!-- end only --> has no matching <!-- only: EXPR --> before it at the same level (top level, or in the same list item or quote)")
					break
				}
				g := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				g.close = h
				add(item{only: g})
				continue
			}
		}
		add(item{node: n})
	}
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		c.errorf(c.start(g.open), "%q is not closed; add <!-- end only --> after its content, at the same level (top level, or in the same list item or quote)", strings.Join(strings.Fields("<!-- only: "+g.cm.arg+" -->"), " "))
		add(item{only: g})
	}
	return top
}

// only converts an only group.
func (c *converter) only(g *onlyGroup) *content.Only {
	start := c.start(g.open)
	o := &content.Only{Expr: g.cm.arg}
	if g.cm.arg == "" {
		c.errorf(g.cm.pos(0), "<!-- only: --> has no tag expression; write the tags that keep the content, such as <!-- only: nginx -->")
	} else if _, err := content.ParseTagExpr(g.cm.arg); err != nil {
		var te *content.TagExprError
		off := g.cm.pos(0)
		if errors.As(err, &te) {
			off = g.cm.pos(te.Offset)
		}
		c.errorf(off, "bad only comment: %s", err)
	}
	o.Blocks = c.items(g.body)
	end := max(c.linesEnd(g.open, start), lastEnd(o.Blocks))
	if g.close != nil {
		end = max(end, c.linesEnd(g.close, c.start(g.close)))
	}
	o.Span = content.Span{Start: start, End: end}
	return o
}

// A mystDirective is a MyST fence, ```{name} args, as Sphinx's Markdown
// books write directives; its options open its content (":key: value"
// lines, then a blank line).
type mystDirective struct {
	name, args string
	code       bool // code-block, code or sourcecode: a code block
	opts       []content.Option
}

// parseMyST reads the info string of a MyST fence, or returns nil.
func parseMyST(info string) *mystDirective {
	rest, ok := strings.CutPrefix(strings.TrimSpace(info), "{")
	if !ok {
		return nil
	}
	name, args, ok := strings.Cut(rest, "}")
	if !ok || name == "" || strings.ContainsAny(name, " \t=\"'{") || args != "" && args[0] != ' ' && args[0] != '\t' {
		return nil
	}
	name = strings.ToLower(name)
	switch name {
	case "code-block", "code", "sourcecode", "code-cell":
		return &mystDirective{name: name, args: strings.TrimSpace(args), code: true}
	}
	return &mystDirective{name: name, args: strings.TrimSpace(args)}
}

// options reads the ":key: value" lines that open texts and returns how
// many lines they take, with the blank line after them.
func (d *mystDirective) options(texts []string) int {
	n := 0
	for n < len(texts) {
		t := strings.TrimSpace(texts[n])
		if !strings.HasPrefix(t, ":") {
			break
		}
		key, value, ok := strings.Cut(t[1:], ":")
		if !ok || key == "" || strings.ContainsAny(key, " \t") {
			break
		}
		d.opts = append(d.opts, content.Option{Name: strings.ToLower(key), Value: strings.TrimSpace(value)})
		n++
	}
	if n > 0 && n < len(texts) && strings.TrimSpace(texts[n]) == "" {
		n++
	}
	return n
}

// apply gives code the directive's language, caption and name.
func (d *mystDirective) apply(code *content.Code) {
	code.Options = d.opts
	if d.code {
		code.Lang, _, _ = strings.Cut(d.args, " ")
	}
	for _, o := range d.opts {
		switch o.Name {
		case "caption":
			code.Caption = o.Value
		case "name":
			code.Name = o.Value
		}
	}
}
