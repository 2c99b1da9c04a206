package check

import (
	"fmt"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/snippets"
	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/shell"
	"github.com/tailordocs/tailor/values"
)

// A Client is what Undefined knows of the client it checks for.
type Client struct {
	// Tags are the client's tags; nil keeps all conditional content.
	Tags map[string]bool
	// Plan is what the code blocks do for the client: in a block that
	// makes a file, an undefined placeholder is an error.
	Plan *snippets.Plan
	// Values are the client's values (nil: none).
	Values *values.Values
	// Ignore are the names that are never placeholders.
	Ignore map[string]bool
	// Declared are the placeholders the project declares.
	Declared []string
	// Set are the names the values file sets, if wrongly: they are not
	// reported.
	Set map[string]bool
	// Config is the project's configuration file, where ignore is set,
	// as messages name it.
	Config string
}

// has reports whether name has a value and is a placeholder.
func (c *Client) has(name string) bool {
	if c.Ignore[name] {
		return false
	}
	v, _ := c.Values.Get(name)
	return v != nil
}

// Undefined reports the placeholders of the pages that have no value
// for the client: errors where a wrong value would reach a file or a
// command, warnings in prose, where the author may mean a name the
// reader fills in ($COMMAND). Names the client sets and builtin names
// are not reported, nor the variables a code block's language gives
// values to itself.
func Undefined(docs []*content.Doc, c *Client) content.Diagnostics {
	u := &undefined{c: c, langs: map[*content.Code]string{}, fileBound: map[*content.Code]bool{}, declared: map[string]bool{}}
	var steps []*snippets.Step
	if c.Plan != nil {
		steps = c.Plan.Steps
	}
	for _, st := range steps {
		if st.Op != snippets.OpNone && st.Op != snippets.OpSkip {
			u.fileBound[st.Code] = true
			u.langs[st.Code] = lang.OfPath(st.Target)
		}
	}
	for _, n := range c.Declared {
		u.declared[n] = true
	}
	u.suggest = placeholder.NewSuggester(append(c.Values.Names(), c.Declared...))
	for _, sf := range content.Sources(docs, c.Tags) {
		u.source(sf)
	}
	return u.diags
}

// undefined is the state of one run of Undefined.
type undefined struct {
	c         *Client
	langs     map[*content.Code]string // the language of the files blocks make, when their path tells it
	fileBound map[*content.Code]bool
	declared  map[string]bool
	suggest   *placeholder.Suggester
	diags     content.Diagnostics
}

// source checks the placeholders of one source file.
func (u *undefined) source(sf content.Source) {
	src := sf.File.Text()
	rs := NewRegionIndex(Regions(sf, u.c.Tags, u.fileBound))
	owned := ownedVars{langs: u.langs}
	for _, ref := range placeholder.Scan(src) {
		c := u.c
		if c.has(ref.Name) || c.Ignore[ref.Name] || values.IsBuiltin(ref.Name) || c.Set[ref.Name] {
			continue
		}
		r := rs.At(ref.Start)
		if r.Kind == Skipped {
			continue
		}
		if r.Code != nil && shell.IsShell(r.Code.Lang) && rs.ShellAssigns(r, ref.Name) {
			continue
		}
		pos := sf.File.Position(ref.Start)
		hint := ""
		if s := u.suggest.Suggest(ref.Name); s != "" {
			hint = fmt.Sprintf(" (did you mean $%s?)", s)
		}
		if r.Code != nil && !u.declared[ref.Name] && owned.owns(r.Code, src, ref) {
			if hint != "" {
				u.diags.Warnf(pos, "$%s is %s's own variable, left as written%s", ref.Name, owned.lang(r.Code), hint)
			}
			continue
		}
		u.report(pos, ref.Name, r.Kind, hint)
	}
}

// report reports the undefined placeholder name, in a region of kind k.
func (u *undefined) report(pos content.Position, name string, k RegionKind, hint string) {
	switch {
	case k == CodeFile && hint == "":
		u.diags.Errorf(pos, "undefined placeholder $%s: give it a value, or add it to ignore in %s if the file needs it as written", name, u.c.Config)
	case k == CodeFile, k == CodeOther && hint != "":
		u.diags.Errorf(pos, "undefined placeholder $%s%s", name, hint)
	case k == CodeOther:
		u.diags.Warnf(pos, "undefined placeholder $%s, left as written: give it a value, or add it to ignore in %s", name, u.c.Config)
	default:
		u.diags.Warnf(pos, "undefined placeholder $%s%s, left as written", name, hint)
	}
}

// ownedVars tells the $NAMEs that a code block's language gives values
// to itself ($MAINPID in a systemd unit), keeping what each block
// defines for itself as it is asked about.
type ownedVars struct {
	langs   map[*content.Code]string // the language of the files blocks make, when their path tells it: the program that reads them
	code    *content.Code
	defined map[string]bool
}

// lang returns the language of block c: that of the file it makes when
// its path tells, else the block's own.
func (o *ownedVars) lang(c *content.Code) string {
	if l := o.langs[c]; l != "" {
		return l
	}
	return c.Lang
}

// owns reports whether ref, in block c of src, is a variable of the
// block's language.
func (o *ownedVars) owns(c *content.Code, src string, ref placeholder.Ref) bool {
	v := lang.VarsOf(o.lang(c))
	if v == nil {
		return false
	}
	if o.code != c {
		o.code, o.defined = c, v.Defined(c.Text)
	}
	start := strings.LastIndexByte(src[:ref.Start], '\n') + 1
	return v.Owns(ref.Name, src[start:ref.Start+1], ref.Start-start, o.defined)
}
