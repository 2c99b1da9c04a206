package check

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/shell"
)

// A use is how often a placeholder is used, and where first.
type use struct {
	count int
	file  *content.File // where it is first used: a position is
	off   int           // made only for a message
}

// NearMisses reports what looks like a placeholder typed wrong, once per
// project: "$domain" for DOMAIN, "DJANGO_PROJECT" without its "$" in a
// code block, and two names that look like one ($SERVER_IP and
// $SERVER_IP_ADDRESS). declared are the placeholders the project
// declares.
func NearMisses(docs []*content.Doc, declared []string) content.Diagnostics {
	var diags content.Diagnostics
	files := content.Sources(docs, nil)
	uses, order := countUses(files)
	known := map[string]bool{}
	for _, n := range declared {
		known[n] = true
	}
	for n := range uses {
		known[n] = true
	}
	for _, sf := range files {
		rs := Regions(sf, nil, nil)
		lowerCase(sf, rs, known, &diags)
		src := sf.File.Text()
		for _, reg := range rs {
			if reg.Code == nil || reg.Kind == Skipped {
				continue
			}
			defined := lang.VarsOf(reg.Code.Lang).Defined(reg.Code.Text) // "Define SITE_ROOT /srv": Apache's name, not a slip
			bareNames(sf.File, src[reg.Start:reg.End], reg.Start, func(n string) bool { return uses[n] != nil && !defined[n] }, &diags)
		}
	}
	lookalikes(uses, order, &diags)
	return diags
}

// countUses counts the uses of each placeholder in files, and lists the
// names in the order of their first use.
func countUses(files []content.Source) (map[string]*use, []string) {
	uses := map[string]*use{}
	var order []string
	for _, sf := range files {
		for _, r := range placeholder.Scan(sf.File.Text()) {
			u := uses[r.Name]
			if u == nil {
				u = &use{file: sf.File, off: r.Start}
				uses[r.Name] = u
				order = append(order, r.Name)
			}
			u.count++
		}
	}
	return uses, order
}

// lowerCase warns about a lower-case $name whose upper case is a known
// placeholder, but where the shell or nginx has names of its own.
func lowerCase(sf content.Source, rs []Region, known map[string]bool, diags *content.Diagnostics) {
	at := NewRegionIndex(rs)
	for _, r := range placeholder.ScanLower(sf.File.Text()) {
		up := strings.ToUpper(r.Name)
		if !known[up] {
			continue
		}
		reg := at.At(r.Start)
		if reg.Kind == Skipped || reg.Code != nil && (shell.IsShell(reg.Code.Lang) || strings.EqualFold(reg.Code.Lang, "nginx")) {
			continue // $host and friends are nginx's and the shell's own
		}
		diags.Warnf(sf.File.Position(r.Start), "$%s looks like the placeholder $%s, but placeholders are upper case: it is left as written", r.Name, up)
	}
}

// lookalikes warns about two names that look like one: it reports the
// rarer one once, against the most used name it resembles.
func lookalikes(uses map[string]*use, order []string, diags *content.Diagnostics) {
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
}

func timesUsed(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}
