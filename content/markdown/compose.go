package markdown

import (
	"io"
	"reflect"
	"strings"

	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v2"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
)

// fillWith returns s with the placeholders fill knows filled, and whether
// any was.
func fillWith(fill func(string) (string, bool), s string) (string, bool) {
	if fill == nil || !strings.Contains(s, "$") {
		return s, false
	}
	filled := false
	out := placeholder.Replace(s, func(ref placeholder.Ref) (string, bool) {
		v, ok := fill(ref.Name)
		filled = filled || ok
		return v, ok
	})
	return out, filled
}

// codeFiller wraps a goldmark renderer so that whichever node renderer
// writes code blocks (goldmark's, goldmark-highlighting's) reads their
// lines filled: for the time of one Render, the lines of each code block
// that holds a placeholder point past the end of the source, at their
// filled text appended to a copy of it. The source itself is not changed,
// nor are the positions of the other nodes, and the lines are restored
// before Render returns.
type codeFiller struct {
	renderer.Renderer
	e *Extension
}

func (r *codeFiller) Render(w io.Writer, source []byte, n ast.Node) error {
	if r.e.Fill == nil {
		return r.Renderer.Render(w, source, n)
	}
	ext := source[:len(source):len(source)] // appending copies
	type saved struct {
		node  ast.Node
		lines text.Segments
	}
	var restore []saved
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || !isCode(n) {
			return ast.WalkContinue, nil
		}
		if substOff(n, source) {
			return ast.WalkSkipChildren, nil
		}
		lines := n.Lines()
		filled := text.NewSegments()
		changed := false
		for i := range lines.Len() {
			seg := lines.At(i)
			out, ok := fillWith(r.e.Fill, string(seg.Value(source)))
			if !ok {
				filled.Append(seg)
				continue
			}
			changed = true
			start := len(ext)
			ext = append(ext, out...)
			filled.Append(text.NewSegment(start, len(ext)))
		}
		if changed {
			restore = append(restore, saved{n, *lines}) // SetLines copies into *lines
			n.SetLines(filled)
		}
		return ast.WalkSkipChildren, nil
	})
	defer func() {
		for _, s := range restore {
			s.node.SetLines(&s.lines)
		}
	}()
	return r.Renderer.Render(w, ext, n)
}

// substOff reports whether a code block is annotated subst=off, in its
// info string or in the comment before it.
func substOff(n ast.Node, src []byte) bool {
	c := &converter{file: &content.File{Src: src}, src: src}
	var ann *content.Annotation
	if h, ok := n.PreviousSibling().(*ast.HTMLBlock); ok {
		if cm := c.comment(h); cm.kind == annotationComment {
			ann = c.commentAnnotation(cm)
		}
	}
	if fc, ok := n.(*ast.FencedCodeBlock); ok && fc.Info != nil {
		seg := fc.Info.Segment
		ann = mergeAnnotations(ann, c.info(&content.Code{}, string(seg.Value(src)), seg.Start))
	}
	v, _ := ann.Get("subst")
	return strings.EqualFold(v, "off")
}

// metaFiller fills the placeholders of the front matter that
// github.com/yuin/goldmark-meta read. It runs before goldmark-meta's own
// transformer (priority 0), which copies the values into the document's
// Meta and builds its table from them.
type metaFiller struct{ e *Extension }

func (t *metaFiller) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	if t.e.Fill == nil {
		return
	}
	seen := map[uintptr]bool{} // the containers filled already
	if m := meta.Get(pc); m != nil {
		fillValue(reflect.ValueOf(m), t.e.Fill, seen)
	}
	if items := meta.GetItems(pc); items != nil {
		fillValue(reflect.ValueOf(items), t.e.Fill, seen)
	}
	if m := doc.Meta(); m != nil {
		fillValue(reflect.ValueOf(m), t.e.Fill, seen)
	}
}

// fillValue fills the strings held in v, a map, slice or yaml.MapSlice as
// a YAML decoder makes them, in place. A container met twice is filled
// once.
func fillValue(v reflect.Value, fill func(string) (string, bool), seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Map:
		if seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		for _, k := range v.MapKeys() {
			x := v.MapIndex(k)
			if s, ok := x.Interface().(string); ok {
				if out, filled := fillWith(fill, s); filled {
					v.SetMapIndex(k, reflect.ValueOf(out))
				}
				continue
			}
			fillValue(reflect.ValueOf(x.Interface()), fill, seen)
		}
	case reflect.Slice:
		if v.Len() == 0 || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		for i := range v.Len() {
			x := v.Index(i)
			if item, ok := x.Interface().(yaml.MapItem); ok {
				if s, ok := item.Value.(string); ok {
					if out, filled := fillWith(fill, s); filled {
						item.Value = out
						x.Set(reflect.ValueOf(item))
					}
				} else {
					fillValue(reflect.ValueOf(item.Value), fill, seen)
				}
				continue
			}
			if s, ok := x.Interface().(string); ok {
				if out, filled := fillWith(fill, s); filled {
					x.Set(reflect.ValueOf(out))
				}
				continue
			}
			fillValue(reflect.ValueOf(x.Interface()), fill, seen)
		}
	}
}
