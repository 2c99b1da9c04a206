package generator

import (
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder/check"
	"github.com/tailordocs/tailor/snippets"
	"github.com/tailordocs/tailor/snippets/infer"
	"github.com/tailordocs/tailor/values"
)

// A PlanReport is what `tailor plan` prints: every page's sections and
// code blocks with the operation each block becomes and why.
type PlanReport struct {
	Docs []PlanDoc `json:"docs"`
	// Rules, when asked for, is every rule with its counts on the
	// tutorial.
	Rules []RuleCount `json:"rules,omitempty"`
}

// A RuleCount is one rule of the inference (package snippets/infer) and
// how often it fired on a tutorial: the blocks it decided or helped
// decide, and those where it applied but was overruled.
type RuleCount struct {
	ID        string `json:"id"`
	Phase     string `json:"phase"`
	Doc       string `json:"doc"`
	Hits      int    `json:"hits"`
	Overruled int    `json:"overruled"`
}

// PlanDoc is one page of a plan.
type PlanDoc struct {
	Path     string        `json:"path"`
	Title    string        `json:"title"`
	Sections []PlanSection `json:"sections"`
	Blocks   []PlanBlock   `json:"blocks"`
	// Files are the files whose whole contents a sentence gives, with no
	// code block ("Write `$DOMAIN` to `/etc/mailname`.").
	Files []PlanFile `json:"files,omitempty"`
}

// A PlanFile is a file a sentence makes: at the line of the literal that
// is its one line.
type PlanFile struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Op     string `json:"op"`
	Target string `json:"target"`
	By     string `json:"by"`
	Rule   string `json:"rule"`
	Note   string `json:"note,omitempty"`
}

// PlanSection is one section title (raw text) with its level, 1 for the
// page title.
type PlanSection struct {
	Title string `json:"title"`
	Level int    `json:"level"`
	Line  int    `json:"line"`
}

// PlanBlock is one code block and what it becomes.
type PlanBlock struct {
	Line int    `json:"line"`
	Lang string `json:"lang"`
	// Text is the block as written: before substitution, dedented,
	// without its final newline.
	Text   string `json:"text"`
	Op     string `json:"op"`
	Target string `json:"target,omitempty"`
	By     string `json:"by,omitempty"`
	// Rule is the rule that decided; Also the rules that resolved or
	// refined the decision; Overruled those that applied but were
	// overruled.
	Rule      string   `json:"rule,omitempty"`
	Also      []string `json:"also,omitempty"`
	Overruled []string `json:"overruled,omitempty"`
	Note      string   `json:"note,omitempty"`
	// Effects are what a shell block does to the file system.
	Effects []string `json:"effects,omitempty"`
}

// Plan reports what each code block becomes. With values, conditional
// content follows the client's tags and targets are filled in (secrets
// masked); without, every block is analysed and targets keep their
// placeholders.
func (p *Project) Plan(vals *values.Values) (*PlanReport, content.Diagnostics) {
	var diags content.Diagnostics
	docs := p.Pages
	var fill *filler
	var tags map[string]bool
	if vals != nil {
		tags = vals.TagSet()
		docs = filterDocs(p.Pages, tags)
		fill = newFiller(vals, p.Ignore)
	}
	plan, ds := snippets.AnalyzeTags(docs, tags)
	diags.Append(ds)
	steps := map[*content.Code]*snippets.Step{}
	prose := map[string][]PlanFile{}
	for _, st := range plan.Steps {
		steps[st.Code] = st
		if st.Prose {
			pf := PlanFile{Line: st.Code.Line, Text: st.Code.Text, Op: string(st.Op), Target: st.Target, By: st.By, Rule: st.Rule, Note: st.Note}
			if fill != nil {
				pf.Target, _ = fill.Docs(pf.Target)
			}
			prose[st.Block.File.Name] = append(prose[st.Block.File.Name], pf)
		}
	}
	rep := &PlanReport{Docs: []PlanDoc{}}
	for _, sf := range content.Sources(docs, nil) {
		pd := PlanDoc{Path: sf.File.Name, Sections: []PlanSection{}, Blocks: []PlanBlock{}}
		content.Walk(sf.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
			switch n := b.(type) {
			case *content.Include:
				return false // listed as a file of its own
			case *content.Section:
				if pd.Title == "" {
					pd.Title = content.PlainText(n.Title)
				}
				pd.Sections = append(pd.Sections, PlanSection{Title: content.PlainText(n.Title), Level: n.Level, Line: n.TitleLine})
			case *content.Code:
				pd.Blocks = append(pd.Blocks, planBlock(n, steps[n], fill))
			}
			return true
		})
		pd.Files = prose[sf.File.Name]
		rep.Docs = append(rep.Docs, pd)
	}
	diags.Append(check.NearMisses(p.Pages, p.declared()))
	diags.Sort()
	return rep, diags
}

func planBlock(n *content.Code, st *snippets.Step, fill *filler) PlanBlock {
	pb := PlanBlock{Line: n.Line, Lang: n.Lang, Text: n.Text, Op: string(snippets.OpNone)}
	if st == nil {
		return pb
	}
	pb.Op, pb.Target, pb.By, pb.Note = string(st.Op), st.Target, st.By, st.Note
	pb.Rule, pb.Also, pb.Overruled = st.Rule, st.Also, st.Overruled
	if st.Op == snippets.OpSkip {
		pb.Op = string(snippets.OpNone)
	}
	if fill != nil && pb.Target != "" {
		pb.Target, _ = fill.Docs(pb.Target) // secrets masked
	}
	for _, e := range st.Effects {
		s := e.String()
		if fill != nil {
			s, _ = fill.Docs(s)
		}
		pb.Effects = append(pb.Effects, s)
	}
	return pb
}

// Text formats the report for people: one line per code block.
func (r *PlanReport) Text() string {
	var b strings.Builder
	for _, d := range r.Docs {
		b.WriteString(d.Path)
		if d.Title != "" {
			b.WriteString(" — " + d.Title)
		}
		b.WriteByte('\n')
		files := d.Files
		for _, bl := range d.Blocks {
			for len(files) > 0 && files[0].Line <= bl.Line {
				files[0].text(&b)
				files = files[1:]
			}
			lang := bl.Lang
			if lang == "" {
				lang = "-"
			}
			line := "  " + padLeft(itoa(bl.Line), 5) + "  " + pad(lang, 8) + " " + pad(bl.Op, 7)
			var parts []string
			if bl.Op != string(snippets.OpNone) {
				parts = append(parts, bl.Target+"  ("+bl.By+")")
			}
			if len(bl.Effects) > 0 {
				parts = append(parts, strings.Join(bl.Effects, "; "))
			}
			if bl.Note != "" && (bl.Op == string(snippets.OpNone) || len(bl.Effects) > 0) {
				parts = append(parts, "("+bl.Note+")")
			}
			if bl.Rule != "" {
				parts = append(parts, "["+bl.Rule+"]")
			}
			line += strings.Join(parts, "  ")
			b.WriteString(strings.TrimRight(line, " ") + "\n")
		}
		for _, f := range files {
			f.text(&b)
		}
	}
	return b.String()
}

// text writes the line of a file a sentence makes, as a block's.
func (f PlanFile) text(b *strings.Builder) {
	line := "  " + padLeft(itoa(f.Line), 5) + "  " + pad("(prose)", 8) + " " + pad(f.Op, 7)
	if f.Op != string(snippets.OpNone) {
		line += f.Target + "  (" + f.By + ")"
	} else if f.Note != "" {
		line += "(" + f.Note + ")"
	}
	b.WriteString(line + "  [" + f.Rule + "]\n")
}

func pad(s string, n int) string {
	if len(s) >= n {
		return s + " "
	}
	return s + strings.Repeat(" ", n-len(s))
}

func padLeft(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat(" ", n-len(s)) + s
}

func itoa(n int) string {
	return strconv.Itoa(n)
}

// RuleCounts counts, for every rule, the blocks of the report it decided
// or helped decide and those it was overruled on; rules that never fired
// are listed with zeros, in the order they are asked.
func (r *PlanReport) RuleCounts() []RuleCount {
	hits, over := map[string]int{}, map[string]int{}
	for _, d := range r.Docs {
		for _, f := range d.Files {
			hits[f.Rule]++
		}
		for _, b := range d.Blocks {
			if b.Rule != "" {
				hits[b.Rule]++
			}
			for _, id := range b.Also {
				hits[id]++
			}
			for _, id := range b.Overruled {
				over[id]++
			}
		}
	}
	var out []RuleCount
	for _, rule := range infer.Rules() {
		out = append(out, RuleCount{ID: rule.ID, Phase: rule.Phase.String(), Doc: rule.Doc, Hits: hits[rule.ID], Overruled: over[rule.ID]})
	}
	return out
}

// RulesText formats rule counts for people: one line per rule.
func RulesText(rules []RuleCount) string {
	var b strings.Builder
	b.WriteString("rule                          phase      hits  overruled  what it recognises\n")
	for _, r := range rules {
		b.WriteString(pad(r.ID, 29) + " " + pad(r.Phase, 9) + " " + padLeft(itoa(r.Hits), 5) + "  " + padLeft(itoa(r.Overruled), 9) + "  " + r.Doc + "\n")
	}
	return b.String()
}
