package generator

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/snippets"
	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/shell"
	"github.com/tailordocs/tailor/values"
)

// regionKind says what a stretch of a page is, for placeholder checks.
type regionKind int

const (
	prose    regionKind = iota
	codeFile            // a code block that makes a file
	codeOther
	skipped // conditional content the client does not see, subst=off blocks, comments
)

type region struct {
	start, end int
	kind       regionKind
	code       *content.Code
}

// A sourceFile is one file of the tutorial with the blocks read from it:
// a page, or a file that a page includes.
type sourceFile struct {
	File   *content.File
	Format content.Format
	Blocks []content.Block
}

// sourceFiles lists the pages and the files they include, each once, in
// page order. With tags, files included only from conditional content the
// client does not see are left out.
func sourceFiles(docs []*content.Doc, tags map[string]bool) []sourceFile {
	var out []sourceFile
	seen := map[string]bool{}
	var walk func(bs []content.Block, format content.Format)
	walk = func(bs []content.Block, format content.Format) {
		for _, b := range bs {
			switch n := b.(type) {
			case *content.Only:
				if tags != nil && !holds(n.Expr, tags) {
					continue
				}
			case *content.Include:
				if n.File != nil && !seen[n.File.Name] {
					seen[n.File.Name] = true
					out = append(out, sourceFile{File: n.File, Format: format, Blocks: n.Blocks})
				}
				walk(n.Blocks, format)
				continue
			}
			for _, p := range content.Parts(b) {
				walk(p, format)
			}
		}
	}
	for _, d := range docs {
		if !seen[d.File.Name] {
			seen[d.File.Name] = true
			out = append(out, sourceFile{File: d.File, Format: d.Format, Blocks: d.Blocks})
		}
		walk(d.Blocks, d.Format)
	}
	return out
}

// regions lists the code blocks, comments and excluded content of one
// source file (included files are sources of their own), by start offset,
// nested regions after their parents.
func regions(sf sourceFile, tags map[string]bool, fileBound map[*content.Code]bool) []region {
	var out []region
	var walk func(bs []content.Block)
	walk = func(bs []content.Block) {
		for _, b := range bs {
			switch n := b.(type) {
			case *content.Include:
				continue
			case *content.Only:
				if tags != nil && !holds(n.Expr, tags) {
					out = append(out, region{n.Start, n.End, skipped, nil})
					continue
				}
			case *content.Code:
				k := codeOther
				if fileBound[n] {
					k = codeFile
				}
				if v, ok := n.Annotation.Get("subst"); ok && (v == "off" || v == "false" || v == "no") {
					k = skipped
				}
				out = append(out, region{n.Content.Start, n.Content.End, k, n})
				continue
			case *content.Comment:
				out = append(out, region{n.Start, n.End, skipped, nil})
				continue
			}
			for _, p := range content.Parts(b) {
				walk(p)
			}
		}
	}
	walk(sf.Blocks)
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// A regionIndex answers, for offsets of one source file in increasing
// order, which region holds each and which shell variables the shell
// blocks up to there assign, in time that grows with the regions plus
// the questions.
type regionIndex struct {
	cur  *spanCursor[region]
	rs   []region
	next int             // the first region whose shell variables are not in vars
	vars map[string]bool // variables assigned by the shell blocks before next
}

// newRegionIndex indexes rs, as regions returns them.
func newRegionIndex(rs []region) *regionIndex {
	return &regionIndex{
		cur:  newSpanCursor(rs, func(r region) (int, int) { return r.start, r.end }),
		rs:   rs,
		vars: map[string]bool{},
	}
}

// at returns the innermost region holding offset off, or prose.
func (x *regionIndex) at(off int) region {
	if r, ok := x.cur.at(off); ok {
		return r
	}
	return region{kind: prose}
}

// shellAssigns reports whether the shell block of region r, or a shell
// block before it in the same file, assigns the variable name: "CONF=..."
// in one block, "$CONF" in the next. The regions asked about come in
// order.
func (x *regionIndex) shellAssigns(r region, name string) bool {
	for x.next < len(x.rs) && x.rs[x.next].start <= r.start {
		if q := x.rs[x.next]; q.code != nil && shell.IsShell(q.code.Lang) {
			for v := range assignedVars(q.code.Text) {
				x.vars[v] = true
			}
		}
		x.next++
	}
	return x.vars[name]
}

// checkPlaceholders reports the placeholders of the pages that have no
// value for this client: errors where a wrong value would reach a file or a
// command, warnings in prose, where the author may mean a name the reader
// fills in ($COMMAND). Names in set (the values file sets them, if
// wrongly) are not reported.
func checkPlaceholders(docs []*content.Doc, tags map[string]bool, plan *snippets.Plan, fill *filler, declared []string, set map[string]bool) content.Diagnostics {
	var diags content.Diagnostics
	fileBound := map[*content.Code]bool{}
	langs := map[*content.Code]string{}
	for _, st := range plan.Steps {
		if st.Op != snippets.OpNone && st.Op != snippets.OpSkip {
			fileBound[st.Code] = true
			langs[st.Code] = lang.OfPath(st.Target)
		}
	}
	isDeclared := map[string]bool{}
	for _, n := range declared {
		isDeclared[n] = true
	}
	suggest := placeholder.NewSuggester(append(append([]string(nil), fill.names...), declared...))
	for _, sf := range sourceFiles(docs, tags) {
		src := string(sf.File.Src)
		rs := newRegionIndex(regions(sf, tags, fileBound))
		owned := ownedVars{langs: langs}
		for _, ref := range placeholder.Scan(src) {
			if fill.lookup(ref.Name) != nil || fill.ignore[ref.Name] || values.IsBuiltin(ref.Name) || set[ref.Name] {
				continue
			}
			r := rs.at(ref.Start)
			if r.kind == skipped {
				continue
			}
			if r.code != nil && shell.IsShell(r.code.Lang) && rs.shellAssigns(r, ref.Name) {
				continue
			}
			pos := sf.File.Position(ref.Start)
			hint := ""
			if s := suggest.Suggest(ref.Name); s != "" {
				hint = fmt.Sprintf(" (did you mean $%s?)", s)
			}
			if r.code != nil && !isDeclared[ref.Name] && owned.owns(r.code, src, ref) {
				if hint != "" {
					diags.Warnf(pos, "$%s is %s's own variable, left as written%s", ref.Name, owned.lang(r.code), hint)
				}
				continue
			}
			switch {
			case r.kind == codeFile && hint == "":
				diags.Errorf(pos, "undefined placeholder $%s: give it a value, or add it to ignore in %s if the file needs it as written", ref.Name, ConfigFile)
			case r.kind == codeFile, r.kind == codeOther && hint != "":
				diags.Errorf(pos, "undefined placeholder $%s%s", ref.Name, hint)
			case r.kind == codeOther:
				diags.Warnf(pos, "undefined placeholder $%s, left as written: give it a value, or add it to ignore in %s", ref.Name, ConfigFile)
			default:
				diags.Warnf(pos, "undefined placeholder $%s%s, left as written", ref.Name, hint)
			}
		}
	}
	return diags
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

// assignedVars returns the shell variables a block sets: assignments,
// for loops, read, export and local.
func assignedVars(text string) map[string]bool {
	out := map[string]bool{}
	f, err := syntax.NewParser(syntax.KeepComments(false)).Parse(strings.NewReader(text), "")
	if err != nil {
		return out
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Assign:
			if n.Name != nil {
				out[n.Name.Value] = true
			}
		case *syntax.WordIter:
			if n.Name != nil {
				out[n.Name.Value] = true
			}
		case *syntax.CallExpr:
			if len(n.Args) > 1 && n.Args[0].Lit() == "read" {
				for _, w := range n.Args[1:] {
					if lit := w.Lit(); lit != "" && !strings.HasPrefix(lit, "-") {
						out[lit] = true
					}
				}
			}
		}
		return true
	})
	return out
}

// nearMisses reports what looks like a placeholder typed wrong, once per
// project: "$domain" for DOMAIN, "DJANGO_PROJECT" without its "$" in a
// code block, and two names that look like one ($SERVER_IP and
// $SERVER_IP_ADDRESS).
func nearMisses(docs []*content.Doc, declared []string) content.Diagnostics {
	var diags content.Diagnostics
	type use struct {
		count int
		file  *content.File // where it is first used: a position is
		off   int           // made only for a message
	}
	uses := map[string]*use{}
	var order []string
	files := sourceFiles(docs, nil)
	for _, sf := range files {
		for _, r := range placeholder.Scan(string(sf.File.Src)) {
			u := uses[r.Name]
			if u == nil {
				u = &use{file: sf.File, off: r.Start}
				uses[r.Name] = u
				order = append(order, r.Name)
			}
			u.count++
		}
	}
	known := map[string]bool{}
	for _, n := range declared {
		known[n] = true
	}
	for n := range uses {
		known[n] = true
	}
	for _, sf := range files {
		rs := regions(sf, nil, nil)
		src := string(sf.File.Src)
		at := newRegionIndex(rs)
		for _, r := range placeholder.ScanLower(src) {
			up := strings.ToUpper(r.Name)
			if !known[up] {
				continue
			}
			reg := at.at(r.Start)
			if reg.kind == skipped || reg.code != nil && (shell.IsShell(reg.code.Lang) || strings.EqualFold(reg.code.Lang, "nginx")) {
				continue // $host and friends are nginx's and the shell's own
			}
			diags.Warnf(sf.File.Position(r.Start), "$%s looks like the placeholder $%s, but placeholders are upper case: it is left as written", r.Name, up)
		}
		for _, reg := range rs {
			if reg.code == nil || reg.kind == skipped {
				continue
			}
			defined := lang.VarsOf(reg.code.Lang).Defined(reg.code.Text) // "Define SITE_ROOT /srv": Apache's name, not a slip
			bareNames(sf.File, src[reg.start:reg.end], reg.start, func(n string) bool { return uses[n] != nil && !defined[n] }, &diags)
		}
	}
	// Two names that look like one: report the rarer one once, against
	// the most used name it resembles.
	// the most used names first, where many names share a key
	sort.Slice(order, func(i, j int) bool {
		if ci, cj := uses[order[i]].count, uses[order[j]].count; ci != cj {
			return ci > cj
		}
		return order[i] < order[j]
	})
	alike := placeholder.NewLookalikes(slices.Clone(order))
	sort.Strings(order)
	for _, a := range order {
		best := ""
		alike.Candidates(a, func(b string) {
			if !placeholder.Similar(a, b) {
				return
			}
			ua, ub := uses[a], uses[b]
			if ub.count < ua.count || ub.count == ua.count && b < a {
				return // a is the common one of this pair
			}
			if best == "" || ub.count > uses[best].count || ub.count == uses[best].count && b < best {
				best = b
			}
		})
		switch {
		case best == "":
		case uses[best].count == uses[a].count:
			later := a
			if uses[best].off > uses[a].off && uses[best].file == uses[a].file {
				later = best
			}
			diags.Warnf(uses[later].file.Position(uses[later].off), "$%s and $%s (used %s each) look like one name: is one of them a slip?",
				a, best, timesUsed(uses[a].count))
		default:
			diags.Warnf(uses[a].file.Position(uses[a].off), "$%s (used %s) and $%s (used %s) look like one name: is $%s a slip?",
				a, timesUsed(uses[a].count), best, timesUsed(uses[best].count), a)
		}
	}
	return diags
}

func timesUsed(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// bareNames warns about placeholder names written without their "$" in a
// code block.
func bareNames(f *content.File, text string, base int, used func(string) bool, diags *content.Diagnostics) {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !(c >= 'A' && c <= 'Z') || i > 0 && isNameByte(text[i-1]) {
			continue
		}
		j := i
		for j < len(text) && isNameByte(text[j]) {
			j++
		}
		name := text[i:j]
		if used(name) && isDistinctive(name) && !(i > 0 && (text[i-1] == '$' || text[i-1] == '{')) && !namesItself(text, i, j, name) {
			diags.Warnf(f.Position(base+i), "%s without its $: did you mean $%s?", name, name)
		}
		i = j
	}
}

// namesItself reports whether the bare name at text[i:j] is a key set to
// its own placeholder, as in "SECRET_KEY = '$SECRET_KEY'": a key followed
// by "=" or ":", or a line that also holds "$NAME".
func namesItself(text string, i, j int, name string) bool {
	k := j
	for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\'' || text[k] == '"') {
		k++
	}
	if k < len(text) && (text[k] == '=' || text[k] == ':') {
		return true
	}
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[j:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += j
	}
	line := text[start:end]
	return strings.Contains(line, "$"+name) || strings.Contains(line, "${"+name+"}")
}

// isDistinctive reports whether a name is unlikely to be an ordinary word
// of code: it has an underscore or is long.
func isDistinctive(name string) bool { return strings.Contains(name, "_") || len(name) >= 8 }

func isNameByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
