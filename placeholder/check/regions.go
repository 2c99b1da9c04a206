package check

import (
	"sort"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/span"
	"github.com/tailordocs/tailor/snippets/shell"
)

// A RegionKind says what a stretch of a page is, for placeholder checks.
type RegionKind int

const (
	Prose     RegionKind = iota
	CodeFile             // a code block that makes a file
	CodeOther            // any other code block
	Skipped              // conditional content the client does not see, subst=off blocks, comments
)

// A Region is a stretch of a source file, from Start up to End (byte
// offsets): a code block (Code is set), a comment or conditional content.
type Region struct {
	Start, End int
	Kind       RegionKind
	Code       *content.Code
}

// Regions lists the code blocks, comments and excluded content of one
// source file (included files are sources of their own), by start
// offset, nested regions after their parents. With tags (nil: every tag
// expression holds), conditional content that does not hold is Skipped;
// fileBound says which code blocks make a file.
func Regions(sf content.Source, tags map[string]bool, fileBound map[*content.Code]bool) []Region {
	var out []Region
	var walk func(bs []content.Block)
	walk = func(bs []content.Block) {
		for _, b := range bs {
			switch n := b.(type) {
			case *content.Include:
				continue
			case *content.Only:
				if tags != nil && !content.OnlyHolds(n.Expr, tags) {
					out = append(out, Region{n.Start, n.End, Skipped, nil})
					continue
				}
			case *content.Code:
				out = append(out, Region{n.Content.Start, n.Content.End, codeKind(n, fileBound), n})
				continue
			case *content.Comment:
				out = append(out, Region{n.Start, n.End, Skipped, nil})
				continue
			}
			for _, p := range content.Parts(b) {
				walk(p)
			}
		}
	}
	walk(sf.Blocks)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// codeKind is the kind of the region of code block n.
func codeKind(n *content.Code, fileBound map[*content.Code]bool) RegionKind {
	if v, ok := n.Annotation.Get("subst"); ok && (v == "off" || v == "false" || v == "no") {
		return Skipped
	}
	if fileBound[n] {
		return CodeFile
	}
	return CodeOther
}

// A RegionIndex answers, for offsets of one source file in increasing
// order, which region holds each and which shell variables the shell
// blocks up to there assign, in time that grows with the regions plus
// the questions. It is not safe for concurrent use.
type RegionIndex struct {
	cur  *span.Cursor[Region]
	rs   []Region
	next int             // the first region whose shell variables are not in vars
	vars map[string]bool // variables assigned by the shell blocks before next
}

// NewRegionIndex indexes rs, as Regions returns them.
func NewRegionIndex(rs []Region) *RegionIndex {
	return &RegionIndex{
		cur:  span.New(rs, func(r Region) (int, int) { return r.Start, r.End }),
		rs:   rs,
		vars: map[string]bool{},
	}
}

// At returns the innermost region holding offset off, or Prose.
func (x *RegionIndex) At(off int) Region {
	if r, ok := x.cur.At(off); ok {
		return r
	}
	return Region{Kind: Prose}
}

// ShellAssigns reports whether the shell block of region r, or a shell
// block before it in the same file, assigns the variable name: "CONF=..."
// in one block, "$CONF" in the next. The regions asked about come in
// order.
func (x *RegionIndex) ShellAssigns(r Region, name string) bool {
	for x.next < len(x.rs) && x.rs[x.next].Start <= r.Start {
		if q := x.rs[x.next]; q.Code != nil && shell.IsShell(q.Code.Lang) {
			for v := range assignedVars(q.Code.Text) {
				x.vars[v] = true
			}
		}
		x.next++
	}
	return x.vars[name]
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
