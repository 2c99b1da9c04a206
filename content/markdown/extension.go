package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tailordocs/tailor/content"
)

// Extension is a goldmark.Extender. The zero value does nothing visible:
// no substitution, nothing collected.
//
//	md := goldmark.New(goldmark.WithExtensions(&markdown.Extension{
//		Fill:   fill,    // func(name string) (string, bool)
//		Blocks: collect, // func(*content.Code, string)
//	}))
//
// It adds an AST transformer, which drops excluded conditional content,
// collects the code blocks and keeps what [FilePlan] needs, and node
// renderers (priority 100, ahead of goldmark's HTML renderer and of the
// extensions' at 500) for text, code spans, links, images and autolinks,
// which fill placeholders and write what goldmark's default renderer
// would have written for the filled text, HTML-escaped the same way.
// Placeholders in raw HTML are left as written. The renderers take
// goldmark's HTML options (unsafe, XHTML, hard wraps, writer) like the
// default renderer; with a writer of one's own, text that holds a filled
// placeholder has its escapes and character references resolved as
// goldmark's default writer resolves them.
//
// Code blocks are left to whichever renderer the goldmark.Markdown has for
// them (goldmark's own, or github.com/yuin/goldmark-highlighting's, in
// whichever order the extensions are given): the extension wraps the
// Markdown's renderer so that the code block renderer reads the lines
// with their placeholders filled. With github.com/yuin/goldmark-meta, the
// front matter's string values are filled too, in meta.Get, meta.GetItems
// and the document's Meta.
//
// The fields are read while converting, not by Extend; a goldmark.Markdown
// using the extension is safe for concurrent use when Fill, Blocks and
// Only are. Rendering one document from two goroutines at once is not.
type Extension struct {
	// Fill returns the text to show for a placeholder name, and false
	// to leave "$NAME" as written. nil leaves every placeholder.
	// Placeholders are filled in prose, code spans, link and image
	// targets, titles and alternative text, front matter, and code
	// blocks, except those annotated subst=off.
	Fill func(name string) (string, bool)
	// Blocks, when non-nil, is called for every fenced or indented code
	// block, in document order, with the block as content.Code
	// (annotation, caption, language, text as written, position)
	// and the plain text of the paragraph just before it (""
	// when there is none). An annotation comment between the paragraph
	// and the block does not count. Positions refer to the source given
	// to Convert; syntax errors in annotations are reported by [Parse]
	// and [FilePlan].
	Blocks func(code *content.Code, intro string)
	// Only decides conditional content: it reports whether the blocks
	// between "<!-- only: EXPR -->" and the matching "<!-- end only -->"
	// are kept. Dropped content is neither rendered nor collected. nil
	// keeps everything, and so do groups whose expression does not parse
	// or that are not closed.
	Only func(expr *content.TagExpr) bool
}

// Extend adds the extension's AST transformers and node renderers to m,
// and wraps m's renderer to fill the placeholders of code blocks.
func (e *Extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(&transformer{e}, 1000),
		util.Prioritized(&metaFiller{e}, -1000),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(newNodeRenderer(e), 100)))
	m.SetRenderer(&codeFiller{Renderer: m.Renderer(), e: e})
}

// transformer drops excluded conditional content and collects code
// blocks. It runs after goldmark's own transformers.
type transformer struct{ e *Extension }

func (t *transformer) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	pc.Set(planKey, &converted{root: doc, src: r.Source(), fill: t.e.Fill})
	if t.e.Only == nil && t.e.Blocks == nil {
		return
	}
	c := newConverter(content.NewFile("", r.Source()), false)
	if t.e.Only != nil {
		c.prune(doc, c.group(children(doc)), t.e.Only)
	}
	if t.e.Blocks != nil {
		c.collect(doc, t.e.Blocks)
	}
}

// prune removes from parent the only groups whose expression keep
// rejects, and looks into the rest.
func (c *converter) prune(parent ast.Node, items []item, keep func(*content.TagExpr) bool) {
	for _, it := range items {
		if g := it.only; g != nil {
			if x, err := content.ParseTagExpr(g.cm.arg); err == nil && g.close != nil && !keep(x) {
				removeGroup(parent, g)
			} else {
				c.prune(parent, g.body, keep)
			}
			continue
		}
		if fc := it.node.FirstChild(); fc != nil && fc.Type() == ast.TypeBlock {
			c.prune(it.node, c.group(children(it.node)), keep)
		}
	}
}

func removeGroup(parent ast.Node, g *onlyGroup) {
	parent.RemoveChild(parent, g.open)
	for _, it := range g.body {
		if it.only != nil {
			removeGroup(parent, it.only)
		} else {
			parent.RemoveChild(parent, it.node)
		}
	}
	if g.close != nil {
		parent.RemoveChild(parent, g.close)
	}
}

// collect calls fn for every code block under root, in document order.
func (c *converter) collect(root ast.Node, fn func(*content.Code, string)) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		if !isCode(n) {
			return ast.WalkContinue, nil
		}
		prev := n.PreviousSibling()
		var ann *content.Annotation
		if h, ok := prev.(*ast.HTMLBlock); ok {
			if cm := c.comment(h); cm.kind == annotationComment {
				ann = c.commentAnnotation(cm)
				prev = h.PreviousSibling()
			}
		}
		intro := ""
		switch p := prev.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			start := c.start(p)
			intro = content.PlainText(c.inlines(p, start, c.linesEnd(p, start)))
		}
		fn(c.code(n, ann), intro)
		return ast.WalkSkipChildren, nil
	})
}

// nodeRenderer renders the nodes that can hold placeholders. When nothing
// is filled it hands the node to goldmark's own HTML renderer, so that the
// output is the same byte for byte.
type nodeRenderer struct {
	e     *Extension
	base  *html.Renderer
	funcs map[ast.NodeKind]renderer.NodeRendererFunc
}

func newNodeRenderer(e *Extension) *nodeRenderer {
	r := &nodeRenderer{
		e:     e,
		base:  html.NewRenderer().(*html.Renderer),
		funcs: map[ast.NodeKind]renderer.NodeRendererFunc{},
	}
	r.base.RegisterFuncs(funcMap(r.funcs))
	return r
}

// funcMap collects the functions a node renderer registers.
type funcMap map[ast.NodeKind]renderer.NodeRendererFunc

func (m funcMap) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { m[k] = f }

// SetOption implements renderer.SetOptioner: the options of goldmark's
// HTML renderer apply to the extension's renderers too.
func (r *nodeRenderer) SetOption(name renderer.OptionName, value any) {
	r.base.SetOption(name, value)
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, r.renderText)
	reg.Register(ast.KindCodeSpan, r.renderCodeSpan)
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
}

// fill returns s with its placeholders filled, and whether any was.
func (r *nodeRenderer) fill(s string) (string, bool) {
	return fillWith(r.e.Fill, s)
}

// joined reports whether the text node b continues a on the same line:
// goldmark splits text where an inline parser tried and failed, in the
// middle of "$DOMAIN_NAME" for one, so placeholders are looked for in
// runs of joined nodes.
func joined(a, b *ast.Text) bool {
	return a.Segment.Stop == b.Segment.Start && b.Segment.Padding == 0 &&
		!a.SoftLineBreak() && !a.HardLineBreak() && a.IsRaw() == b.IsRaw()
}

func (r *nodeRenderer) renderText(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	base := r.funcs[ast.KindText]
	n, ok := node.(*ast.Text)
	if !entering || r.e.Fill == nil || !ok {
		return base(w, src, node, entering)
	}
	if p, ok := n.PreviousSibling().(*ast.Text); ok && joined(p, n) {
		return ast.WalkContinue, nil // written with p
	}
	run := []*ast.Text{n}
	var raw []byte
	raw = append(raw, n.Segment.Value(src)...)
	for {
		next, ok := run[len(run)-1].NextSibling().(*ast.Text)
		if !ok || !joined(run[len(run)-1], next) {
			break
		}
		run = append(run, next)
		raw = append(raw, next.Segment.Value(src)...)
	}
	s := string(raw)
	if !n.IsRaw() {
		s = unescape(raw)
	}
	out, filled := r.fill(s)
	if !filled {
		for _, t := range run {
			if _, err := base(w, src, t, true); err != nil {
				return ast.WalkStop, err
			}
		}
		return ast.WalkContinue, nil
	}
	r.base.Writer.RawWrite(w, []byte(out))
	last := run[len(run)-1]
	if !last.IsRaw() && (last.SoftLineBreak() || last.HardLineBreak()) {
		// The line break as goldmark writes it, after an empty text.
		t := ast.NewTextSegment(text.NewSegment(last.Segment.Stop, last.Segment.Stop))
		t.SetSoftLineBreak(last.SoftLineBreak())
		t.SetHardLineBreak(last.HardLineBreak())
		return base(w, src, t, true)
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderCodeSpan(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	base := r.funcs[ast.KindCodeSpan]
	if !entering || r.e.Fill == nil {
		return base(w, src, n, entering)
	}
	var b []byte
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			return base(w, src, n, entering)
		}
		v := t.Segment.Value(src)
		if bytes.HasSuffix(v, []byte("\n")) {
			b = append(append(b, v[:len(v)-1]...), ' ')
		} else {
			b = append(b, v...)
		}
	}
	out, filled := r.fill(string(b))
	if !filled {
		return base(w, src, n, entering)
	}
	if n.Attributes() != nil {
		_, _ = w.WriteString("<code")
		html.RenderAttributes(w, n, html.CodeAttributeFilter)
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("<code>")
	}
	r.base.Writer.RawWrite(w, []byte(out))
	return ast.WalkSkipChildren, nil
}

// writeURL writes a link target as goldmark does: URL-escaped, then
// HTML-escaped, and left out when it is dangerous and unsafe HTML is off.
// dest has its escapes and references resolved already.
func (r *nodeRenderer) writeURL(w util.BufWriter, dest string) {
	u := util.URLEscape([]byte(dest), false)
	if r.base.Unsafe || !html.IsDangerousURL(u) {
		_, _ = w.Write(util.EscapeHTML(u))
	}
}

// writeTitle writes ` title="..."` for a link or image title, filled.
func (r *nodeRenderer) writeTitle(w util.BufWriter, title []byte) {
	if title == nil {
		return
	}
	_, _ = w.WriteString(` title="`)
	if out, filled := r.fill(unescape(title)); filled {
		r.base.Writer.RawWrite(w, []byte(out))
	} else {
		r.base.Writer.Write(w, title)
	}
	_ = w.WriteByte('"')
}

func (r *nodeRenderer) renderLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	base := r.funcs[ast.KindLink]
	n, ok := node.(*ast.Link)
	if !entering || r.e.Fill == nil || !ok {
		return base(w, src, node, entering)
	}
	_, _ = w.WriteString(`<a href="`)
	dest, _ := r.fill(resolveURL(n.Destination))
	r.writeURL(w, dest)
	_ = w.WriteByte('"')
	r.writeTitle(w, n.Title)
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.LinkAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) renderImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	base := r.funcs[ast.KindImage]
	n, ok := node.(*ast.Image)
	if !entering || r.e.Fill == nil || !ok {
		return base(w, src, node, entering)
	}
	_, _ = w.WriteString(`<img src="`)
	dest, _ := r.fill(resolveURL(n.Destination))
	r.writeURL(w, dest)
	_, _ = w.WriteString(`" alt="`)
	if err := r.altText(w, src, n); err != nil {
		return ast.WalkStop, err
	}
	_ = w.WriteByte('"')
	r.writeTitle(w, n.Title)
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.ImageAttributeFilter)
	}
	if r.base.XHTML {
		_, _ = w.WriteString(" />")
	} else {
		_ = w.WriteByte('>')
	}
	return ast.WalkSkipChildren, nil
}

// altText writes the text under an image, as goldmark does for its alt
// attribute.
func (r *nodeRenderer) altText(w util.BufWriter, src []byte, n ast.Node) error {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		var err error
		switch c := c.(type) {
		case *ast.String:
			_, err = r.funcs[ast.KindString](w, src, c, true)
		case *ast.Text:
			_, err = r.renderText(w, src, c, true)
		default:
			err = r.altText(w, src, c)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (r *nodeRenderer) renderAutoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	base := r.funcs[ast.KindAutoLink]
	n, ok := node.(*ast.AutoLink)
	if !entering || r.e.Fill == nil || !ok {
		return base(w, src, node, entering)
	}
	url, urlFilled := r.fill(string(n.URL(src)))
	label, labelFilled := r.fill(string(n.Label(src)))
	if !urlFilled && !labelFilled {
		return base(w, src, node, entering)
	}
	_, _ = w.WriteString(`<a href="`)
	u := util.URLEscape([]byte(url), false)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(u), []byte("mailto:")) {
		_, _ = w.WriteString("mailto:")
	}
	if r.base.Unsafe || !html.IsDangerousURL(u) {
		_, _ = w.Write(util.EscapeHTML(u))
	}
	if n.Attributes() != nil {
		_ = w.WriteByte('"')
		html.RenderAttributes(w, n, html.LinkAttributeFilter)
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString(`">`)
	}
	_, _ = w.Write(util.EscapeHTML([]byte(label)))
	_, _ = w.WriteString(`</a>`)
	return ast.WalkContinue, nil
}
