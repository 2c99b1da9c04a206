package snippets

import (
	"fmt"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/snippets/infer"
	"github.com/tailordocs/tailor/snippets/shell"
	"github.com/tailordocs/tailor/snippets/tree"
)

// annotation keys and their meaning are checked here; the readers only
// check the syntax.
var annotationKeys = []string{"after", "before", "file", "group", "mode", "op", "owner", "subst", "validate"}

// infoAttrs are Markdown info-string attributes that are not tailor's.
var infoAttrs = map[string]bool{"class": true, "id": true, "title": true, "linenos": true, "hl_lines": true, "caption": true}

// readAnnotation checks a block's annotation. It returns nil when the
// block has none, and false when it has errors, which it reports.
func readAnnotation(c *content.Code, at content.Position, diags *content.Diagnostics) (*infer.Annotation, bool) {
	if c.Annotation == nil {
		return nil, true
	}
	r := &infer.Annotation{Subst: true}
	ok := true
	for _, kv := range c.Annotation.Attrs {
		if msg := setAnnotation(r, kv.Name, kv.Value); msg != "" {
			diags.Errorf(at, "%s", msg)
			ok = false
		}
	}
	if r.Before != "" && r.After != "" {
		diags.Errorf(at, "tailor annotation has both before and after: keep one")
		ok = false
	}
	return r, ok
}

// setAnnotation sets one key of an annotation; it returns what is wrong
// with it.
func setAnnotation(r *infer.Annotation, name, value string) string {
	if f := annotationSetters[name]; f != nil {
		return f(r, value)
	}
	if infoAttrs[name] {
		return ""
	}
	hint := ""
	if s := placeholder.Suggest(name, annotationKeys); s != "" {
		hint = fmt.Sprintf(" (did you mean %s?)", s)
	}
	return fmt.Sprintf("unknown key %q in tailor annotation%s; known keys: %s", name, hint, strings.Join(annotationKeys, ", "))
}

var annotationSetters = map[string]func(*infer.Annotation, string) string{
	"file": func(r *infer.Annotation, v string) string {
		r.File = v
		if strings.TrimSpace(v) == "" {
			return "file= in tailor annotation is empty: give the file's path"
		}
		return ""
	},
	"op": func(r *infer.Annotation, v string) string {
		switch tree.Op(v) {
		case tree.Create, tree.Append, tree.Insert, tree.Check, tree.Skip:
			r.Op = v
			return ""
		}
		return fmt.Sprintf("unknown op %q in tailor annotation: use create, append, insert, check or skip", v)
	},
	"mode": func(r *infer.Annotation, v string) string {
		r.Mode = v
		if _, err := shell.ApplyMode(v, 0o644, false); err != nil {
			return fmt.Sprintf("bad mode %q in tailor annotation: %v", v, err)
		}
		return ""
	},
	"owner": func(r *infer.Annotation, v string) string {
		r.Owner = v
		if o, g, ok := strings.Cut(v, ":"); ok { // chown's user:group
			r.Owner, r.Group = o, g
		}
		return ""
	},
	"group":    func(r *infer.Annotation, v string) string { r.Group = v; return "" },
	"before":   func(r *infer.Annotation, v string) string { r.Before = v; return "" },
	"after":    func(r *infer.Annotation, v string) string { r.After = v; return "" },
	"validate": func(r *infer.Annotation, v string) string { r.Validate = v; return "" },
	"subst": func(r *infer.Annotation, v string) string {
		switch v {
		case "on", "true", "yes":
			r.Subst = true
		case "off", "false", "no":
			r.Subst = false
		default:
			return fmt.Sprintf("subst=%q in tailor annotation: use on or off", v)
		}
		return ""
	},
}
