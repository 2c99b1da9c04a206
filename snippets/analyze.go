package snippets

import (
	"fmt"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/snippets/infer"
	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/shell"
	"github.com/tailordocs/tailor/snippets/tree"
)

// Analyze decides what every code block of docs does, in page order, and
// simulates the result. docs must already hold only the content that
// applies (conditional content filtered). Diagnostics are sorted.
func Analyze(docs []*content.Doc) (*Plan, content.Diagnostics) { return AnalyzeTags(docs, nil) }

// AnalyzeTags is Analyze for a client with tags, which choose among the
// alternatives a tutorial offers ("Option A: ...", "Option B: ...");
// without a tag that chooses, none of them is applied.
func AnalyzeTags(docs []*content.Doc, tags map[string]bool) (*Plan, content.Diagnostics) {
	w := &walker{plan: &Plan{}, tree: tree.New(), tags: tags}
	w.story = infer.NewStory(w.tree)
	for _, d := range docs {
		w.page(d)
	}
	w.tree.DanglingLinks(stepLog{diags: &w.diags})
	w.tree.Slips(stepLog{diags: &w.diags})
	w.plan.Files, w.plan.Dirs, w.plan.Links, w.plan.Removed = w.tree.Files, w.tree.Dirs, w.tree.Links, w.tree.Removed
	w.diags.Sort()
	return w.plan, w.diags
}

// walker reads the tutorial in page order: it tells the story what it
// reads, asks package infer what each block does, and applies it to the
// tree.
type walker struct {
	plan  *Plan
	diags content.Diagnostics
	tree  *tree.Tree
	story *infer.Story
	doc   *content.Doc
	file  *content.File
	tags  map[string]bool
	// alt is the alternative being read, nil outside alternatives
	alt *infer.Alternative
	// altDir: a shell block of an alternative not applied changed
	// directory, so the directory after the alternatives is not known
	altDir bool
}

func (w *walker) page(d *content.Doc) {
	w.doc, w.file = d, d.File
	w.story.Page()
	w.blocks(d.Blocks)
}

// blocks walks a sequence of sibling blocks.
func (w *walker) blocks(bs []content.Block) {
	alts := alternativesOf(bs, w.tags)
	for i, b := range bs {
		if a := alts[b]; a != nil {
			w.alternative(b, a)
			continue
		}
		switch n := b.(type) {
		case *content.Section:
			w.story.Section(n.Title, n.Level)
			w.blocks(n.Blocks)
		case *content.Paragraph:
			empty, files := w.story.Paragraph(n.Inlines)
			for _, p := range empty {
				w.tree.SetEmpty(p)
			}
			for _, f := range files {
				w.proseFile(f)
			}
		case *content.Code:
			w.code(n, introOf(bs, i))
			w.story.CodeDone(n)
		case *content.Include:
			saved := w.file
			if n.File != nil {
				w.file = n.File
			}
			w.blocks(n.Blocks)
			w.file = saved
		default:
			for _, p := range content.Parts(b) {
				w.blocks(p)
			}
		}
	}
}

// alternative walks a block that is one of several alternatives: a
// section or a tab.
func (w *walker) alternative(b content.Block, alt *infer.Alternative) {
	saved := w.alt
	w.alt = alt
	if s, ok := b.(*content.Section); ok {
		w.story.Section(s.Title, s.Level)
		w.blocks(s.Blocks)
	} else {
		for _, p := range content.Parts(b) {
			w.blocks(p)
		}
	}
	w.alt = saved
	if w.altDir && saved == nil {
		w.story.Shell.Dir = "" // an alternative not applied may have moved
		w.altDir = false
	}
}

// introOf returns the paragraph that introduces bs[i]: the sibling right
// before it, comments and targets skipped.
func introOf(bs []content.Block, i int) *content.Paragraph {
	for j := i - 1; j >= 0; j-- {
		switch n := bs[j].(type) {
		case *content.Comment, *content.Target:
			continue
		case *content.Paragraph:
			return n
		}
		return nil
	}
	return nil
}

func (w *walker) code(c *content.Code, intro *content.Paragraph) {
	st := &Step{Block: tree.Block{File: w.file, Code: c, Subst: true}, Doc: w.doc, Op: OpNone}
	w.plan.Steps = append(w.plan.Steps, st)
	var at content.Position
	if c.Annotation != nil {
		at = w.file.Position(c.Annotation.Pos)
	}
	ann, ok := readAnnotation(c, at, &w.diags)
	if ann != nil && ok {
		st.Subst = ann.Subst
	}
	res := infer.Decide(w.story, &infer.Block{Code: c, Intro: intro, Annotation: ann, AnnotationOK: ok, Alternative: w.alt})
	st.Op, st.By, st.Note = res.Op, res.By, res.Note
	st.Rule, st.Also, st.Overruled = res.Rule, res.Also, res.Overruled
	for _, p := range res.Problems {
		pos := st.Pos()
		if p.AtAnnotation {
			pos = at
		}
		if p.Warning {
			w.diags.Warnf(pos, "%s", p.Msg)
		} else {
			w.diags.Errorf(pos, "%s", p.Msg)
		}
	}
	for _, d := range res.Dirs {
		w.tree.SetKnown(d)
	}
	if res.EndFocus {
		w.story.EndFocus()
	}
	if res.Rule == "veto.alternative" && strings.Contains(c.Text, "cd") {
		st := w.story.Shell.Clone()
		if shell.Analyze(c.Text, strings.ToLower(c.Lang), &st); st.Dir != w.story.Shell.Dir {
			w.altDir = true
		}
	}
	switch {
	case res.Shell:
		if res.Cwd != "" {
			w.story.Shell.Dir = res.Cwd // for this block only, unless it moves
			defer func() {
				if w.story.Shell.Dir == res.Cwd {
					w.story.Shell.Dir = ""
				}
			}()
		}
		w.shellBlock(st, res.Optional)
		w.story.OpenedNew(c, res.NewFile)
	case res.Target != "":
		w.apply(st, res, ann, at)
	}
}

// proseFile makes a file whose whole contents a sentence gives: its one
// line is the literal, where the sentence has it.
func (w *walker) proseFile(f infer.ProseFile) {
	if w.alt != nil && !w.alt.Chosen {
		return
	}
	pos := w.file.Position(f.Content.Pos)
	code := &content.Code{Text: f.Content.Text, Line: pos.Line, Indent: pos.Offset - w.file.LineStart(pos.Line)}
	st := &Step{Block: tree.Block{File: w.file, Code: code, Subst: true}, Doc: w.doc, Prose: true,
		Op: OpCreate, Target: f.Target, By: "inferred: " + f.By, Rule: f.Rule}
	w.plan.Steps = append(w.plan.Steps, st)
	l := lang.OfPath(f.Target)
	ch := &tree.Change{Block: &st.Block, Op: OpCreate, Target: f.Target, By: st.By,
		Lines: tree.BlockLines(&st.Block, l, true), Lang: l}
	w.tree.Apply(ch, newStepLog(&w.diags, st))
	st.Op, st.Target, st.Note = ch.Op, ch.Target, ch.Note
	w.story.Decided(code, st.Target, st.Op)
}

// apply performs a block's file operation on the tree.
func (w *walker) apply(st *Step, res *infer.Result, ann *infer.Annotation, at content.Position) {
	l := strings.ToLower(st.Code.Lang)
	if lang.IsNone(l) {
		if guess := lang.OfPath(res.Target); guess != "" {
			l = guess // a "::" block added to settings.py is Python
		}
	}
	ch := &tree.Change{Block: &st.Block, Op: res.Op, Target: res.Target, By: res.By, Note: st.Note,
		Lines: tree.BlockLines(&st.Block, l, st.Subst), Lang: l, Place: res.Place, Section: res.Section}
	if ann != nil {
		ch.Attrs = tree.Attrs{Mode: ann.Mode, Owner: ann.Owner, Group: ann.Group, Validate: ann.Validate, ValidatePos: at}
		if ann.File != "" {
			ch.Attrs.FilePos = at
		}
	}
	st.Op, st.Target = res.Op, res.Target
	w.tree.Apply(ch, newStepLog(&w.diags, st))
	st.Op, st.Target, st.Note = ch.Op, ch.Target, ch.Note
	w.story.Decided(st.Code, st.Target, st.Op)
}

// shellBlock applies what a shell block does. optional is set when the
// text offers it as a choice ("If you ever need to, rename the file:"):
// moves, edits and removals are not applied then.
func (w *walker) shellBlock(st *Step, optional bool) {
	effects, notes := shell.Analyze(st.Code.Text, strings.ToLower(st.Code.Lang), &w.story.Shell)
	st.Effects = effects
	var summary []string
	for _, n := range notes {
		summary = append(summary, n.Msg)
	}
	switch {
	case len(summary) > 0:
		st.Note = strings.Join(summary, "; ")
	case len(effects) == 0:
		st.Note = "commands that change no file"
	}
	log := newStepLog(&w.diags, st)
	for _, e := range effects {
		switch {
		case e.Kind == shell.Open && e.Path == "":
		case optional && (e.Kind == shell.Move || e.Kind == shell.Edit || e.Kind == shell.Remove):
			log.Notef("%s %s: the text makes it a choice (\"If ...\"), not applied", e.Kind, e.Path)
			continue
		default:
			if wr := w.tree.Effect(&st.Block, e, log); wr.Op != "" && st.Op == OpNone {
				st.Op, st.Target, st.By = wr.Op, wr.Path, "shell: "+e.Cmd
			}
		}
		w.story.ShellEffect(st.Code, e)
	}
	st.Note = log.note.String()
	w.story.ShellDone()
}

// stepLog reports what changes to the tree say: warnings and errors to
// the diagnostics, notes to note, from which the caller sets the step's
// Note once the block is applied (a block with thousands of notes is
// not copied once per note).
type stepLog struct {
	diags *content.Diagnostics
	note  *strings.Builder
}

// newStepLog returns a log whose notes follow the note st has.
func newStepLog(diags *content.Diagnostics, st *Step) stepLog {
	l := stepLog{diags: diags, note: &strings.Builder{}}
	l.note.WriteString(st.Note)
	return l
}

func (l stepLog) Warnf(pos content.Position, format string, args ...any) {
	l.diags.Warnf(pos, format, args...)
}

func (l stepLog) Errorf(pos content.Position, format string, args ...any) {
	l.diags.Errorf(pos, format, args...)
}

func (l stepLog) Notef(format string, args ...any) {
	if l.note.Len() > 0 {
		l.note.WriteString("; ")
	}
	fmt.Fprintf(l.note, format, args...)
}
