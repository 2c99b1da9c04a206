package site

// Helpers that build content trees from compact Go literals, and lay
// them out: every node gets a line of a listing that stands in for the
// source file, so that positions in diagnostics point somewhere real
// (the listing is kept in each golden file as tree/NAME).

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/tailordocs/tailor/content"
)

// doc makes a page's document from blocks; layout gives it positions.
func doc(name string, blocks ...content.Block) *content.Doc {
	d := &content.Doc{Format: content.RST, Blocks: blocks}
	for _, b := range blocks {
		if s, ok := b.(*content.Section); ok {
			d.Title = s.RawTitle
			break
		}
	}
	layout(d, name)
	return d
}

// layout assigns every node of d a span covering one line of a listing
// of the tree, and sets d.File (and each Include's File) to it.
func layout(d *content.Doc, name string) {
	l := &lister{}
	for _, b := range d.Blocks {
		l.node(reflect.ValueOf(b), 0)
	}
	d.File = content.NewFile(name, []byte(l.buf.String()))
}

type lister struct {
	buf strings.Builder
}

var (
	nodeType    = reflect.TypeOf((*content.Node)(nil)).Elem()
	spanType    = reflect.TypeOf(content.Span{})
	includeType = reflect.TypeOf(&content.Include{})
)

// node writes the line of the node v (a pointer to a content struct),
// sets its span and goes on with its children in field order.
func (l *lister) node(v reflect.Value, depth int) {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() || v.IsNil() {
		return
	}
	s := v.Elem()
	start := l.buf.Len()
	l.buf.WriteString(strings.Repeat("  ", depth) + s.Type().Name())
	for i := 0; i < s.NumField(); i++ {
		f, ft := s.Field(i), s.Type().Field(i)
		if !ft.IsExported() || ft.Type == spanType {
			continue
		}
		switch f.Kind() {
		case reflect.String:
			if f.String() != "" {
				fmt.Fprintf(&l.buf, " %s=%q", ft.Name, f.String())
			}
		case reflect.Int:
			if f.Int() != 0 {
				fmt.Fprintf(&l.buf, " %s=%d", ft.Name, f.Int())
			}
		case reflect.Bool:
			if f.Bool() {
				fmt.Fprintf(&l.buf, " %s", ft.Name)
			}
		case reflect.Pointer:
			if ft.Type.Elem().Kind() == reflect.Bool && !f.IsNil() {
				fmt.Fprintf(&l.buf, " %s=%v", ft.Name, f.Elem().Bool())
			}
		case reflect.Slice:
			switch e := ft.Type.Elem(); {
			case e.Kind() == reflect.String && f.Len() > 0:
				fmt.Fprintf(&l.buf, " %s=%q", ft.Name, f.Interface())
			case e == reflect.TypeOf(content.Option{}) && f.Len() > 0:
				for j := 0; j < f.Len(); j++ {
					o := f.Index(j).Interface().(content.Option)
					fmt.Fprintf(&l.buf, " :%s:=%q", o.Name, o.Value)
				}
			case e == reflect.TypeOf(content.TocEntry{}):
				// Entries get lines of their own below.
			}
		}
	}
	l.buf.WriteString("\n")
	if sp := s.FieldByName("Span"); sp.IsValid() {
		sp.Set(reflect.ValueOf(content.Span{Start: start + 2*depth, End: l.buf.Len() - 1}))
	}
	if v.Type() == includeType {
		inc := v.Interface().(*content.Include)
		sub := &lister{}
		for _, b := range inc.Blocks {
			sub.node(reflect.ValueOf(b), 0)
		}
		inc.File = content.NewFile(inc.Path, []byte(sub.buf.String()))
		return
	}
	for i := 0; i < s.NumField(); i++ {
		f, ft := s.Field(i), s.Type().Field(i)
		if !ft.IsExported() {
			continue
		}
		l.children(f, depth+1)
	}
}

// children lays out the nodes held by a field.
func (l *lister) children(f reflect.Value, depth int) {
	switch f.Kind() {
	case reflect.Interface, reflect.Pointer:
		if f.Type().Implements(nodeType) || f.Kind() == reflect.Interface && f.Type() == nodeType {
			l.node(f, depth)
		}
	case reflect.Slice:
		e := f.Type().Elem()
		switch {
		case e.Implements(nodeType) || e.Kind() == reflect.Interface && e.Implements(nodeType):
			for j := 0; j < f.Len(); j++ {
				l.node(f.Index(j), depth)
			}
		case e.Kind() == reflect.Slice:
			for j := 0; j < f.Len(); j++ {
				l.children(f.Index(j), depth)
			}
		case e == reflect.TypeOf(content.TocEntry{}):
			for j := 0; j < f.Len(); j++ {
				te := f.Index(j).Addr().Interface().(*content.TocEntry)
				te.Line = strings.Count(l.buf.String(), "\n") + 1
				fmt.Fprintf(&l.buf, "%s%s\n", strings.Repeat("  ", depth), tocEntryText(*te))
			}
		}
	}
}

func tocEntryText(e content.TocEntry) string {
	if e.Title != "" {
		return e.Title + " <" + e.Doc + ">"
	}
	return e.Doc
}

// Block constructors.

func sec(level int, title any, blocks ...content.Block) *content.Section {
	ins := inl(title)
	raw := content.PlainText(ins)
	return &content.Section{Title: ins, RawTitle: raw, Level: level, ID: content.MakeID(raw), Blocks: blocks}
}

func labeled(s *content.Section, labels ...string) *content.Section {
	s.Labels = labels
	return s
}

func para(parts ...any) *content.Paragraph { return &content.Paragraph{Inlines: inl(parts...)} }

func code(lang, text string, opts ...content.Option) *content.Code {
	c := &content.Code{Lang: lang, Text: text, Directive: "code-block", Options: opts, Line: 1}
	if lang == "" {
		c.Directive = "::"
	}
	for _, o := range opts {
		switch o.Name {
		case "caption":
			c.Caption = o.Value
		case "name":
			c.Name = o.Value
		}
	}
	return c
}

func opt(name, value string) content.Option { return content.Option{Name: name, Value: value} }

func ul(items ...*content.Item) *content.List {
	return &content.List{Bullet: "-", Items: items}
}

func ol(start int, enum string, items ...*content.Item) *content.List {
	return &content.List{Ordered: true, Start: start, Enum: enum, Bullet: "1.", Items: items}
}

func item(blocks ...content.Block) *content.Item { return &content.Item{Blocks: blocks} }

// li is a list item holding one paragraph.
func li(parts ...any) *content.Item { return item(para(parts...)) }

func task(done bool, parts ...any) *content.Item {
	it := li(parts...)
	it.Checked = &done
	return it
}

func target(name string) *content.Target { return &content.Target{Name: name} }

func note(kind string, blocks ...content.Block) *content.Admonition {
	return &content.Admonition{Kind: kind, Blocks: blocks}
}

func cell(parts ...any) *content.Cell { return &content.Cell{Blocks: []content.Block{para(parts...)}} }

func row(cells ...*content.Cell) *content.Row { return &content.Row{Cells: cells} }

func directive(name, args string, blocks ...content.Block) *content.Directive {
	return &content.Directive{Name: name, Args: args, Blocks: blocks, Known: true}
}

// Inline constructors. inl turns strings into Text nodes and keeps
// inline nodes.

func inl(parts ...any) []content.Inline {
	var out []content.Inline
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			out = append(out, &content.Text{Value: p})
		case content.Inline:
			out = append(out, p)
		case []content.Inline:
			out = append(out, p...)
		default:
			panic(fmt.Sprintf("inl: unexpected %T", p))
		}
	}
	return out
}

func lit(s string) *content.Literal { return &content.Literal{Value: s} }

func em(parts ...any) *content.Emphasis { return &content.Emphasis{Children: inl(parts...)} }

func strong(parts ...any) *content.Strong { return &content.Strong{Children: inl(parts...)} }

func link(url string, parts ...any) *content.Link {
	return &content.Link{URL: url, Children: inl(parts...)}
}

// role makes interpreted text as a reader does: "Title <target>" is
// split into its parts.
func role(name, text string) *content.Role {
	r := &content.Role{Name: name, Text: text, Target: text, Known: true}
	if strings.HasSuffix(text, ">") {
		if i := strings.LastIndex(text, "<"); i > 0 {
			r.Title = strings.TrimSpace(text[:i])
			r.Target = text[i+1 : len(text)-1]
		}
	}
	return r
}
