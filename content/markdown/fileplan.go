package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/snippets"
	"github.com/tailordocs/tailor/values"
)

// planKey keeps, in a parser.Context, the document an Extension converted.
var planKey = parser.NewContextKey()

// converted is a document as the Extension left it, for FilePlan.
type converted struct {
	root ast.Node
	src  []byte
	fill func(string) (string, bool)
}

// FilePlan returns what a document converted by a goldmark.Markdown with
// an [Extension] does to files, as tailor build would make them for one
// client: the whole files it creates (Files["rootfs/etc/..."]), the lines
// it adds to files the system has (Files["fragments/etc/..."]), and the
// manifest listing them with their modes, owners, directories and links,
// each with the code blocks it comes from. pc is the context given to
// Convert (parser.WithContext); name names the document in the manifest and
// the diagnostics. Conditional content the Extension's Only dropped makes
// nothing.
//
// Placeholders are filled by the Extension's Fill as written, as the
// rendered page shows them; package generator also quotes each value for
// the syntax around it, and masks secrets in the docs. A placeholder
// without a value in a path is an error, unless it is a well-known shell
// or environment variable (HOME, USER, ...); elsewhere it is left as
// written.
// The diagnostics say which blocks could not be understood and why.
//
// FilePlan returns nil when pc holds no document converted with an
// Extension.
func FilePlan(pc parser.Context, name string) (*snippets.Output, content.Diagnostics) {
	cv, ok := pc.Get(planKey).(*converted)
	if !ok {
		return nil, nil
	}
	f := content.NewFile(name, cv.src)
	c := newConverter(f, true)
	doc := &content.Doc{File: f, Format: content.Markdown, Blocks: c.blocks(cv.root)}
	diags := c.diags
	plan, ds := snippets.Analyze([]*content.Doc{doc})
	diags.Append(ds)
	out, ds := plan.Render("", planFiller{cv.fill})
	diags.Append(ds)
	diags.Sort()
	return out, diags
}

// planFiller fills a plan's files with an Extension's Fill.
type planFiller struct {
	fill func(string) (string, bool)
}

func (f planFiller) Text(s, _ string, _ content.Position, _ *content.Diagnostics) (string, bool) {
	out, _ := fillWith(f.fill, s)
	return out, false
}

func (f planFiller) Path(s string, pos content.Position, diags *content.Diagnostics) string {
	return placeholder.Replace(s, func(r placeholder.Ref) (string, bool) {
		if f.fill != nil {
			if v, ok := f.fill(r.Name); ok {
				return v, true
			}
		}
		if !values.IsBuiltin(r.Name) {
			diags.Errorf(pos, "undefined placeholder $%s in %q", r.Name, s)
		}
		return "", false
	})
}
