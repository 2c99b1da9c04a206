package infer

import (
	"fmt"
	"strings"

	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

// A Result is what the rules decided about a block.
type Result struct {
	Op tree.Op
	// Target is the file's absolute path with placeholders as written;
	// "" when Op is None.
	Target string
	// By says what decided: "annotation", "caption", "inferred: Add the
	// following to".
	By string
	// Note explains a decision: why a block is not a file operation.
	Note string
	// Place is where an insert goes; nil when the text does not say.
	Place *tree.Place
	// Section is the INI section an edit's settings go in when the block
	// does not say.
	Section string
	// Shell is set when the block is commands, to be analysed as shell;
	// Optional when the text offers them as a choice ("If you ever need
	// to, ...") and NewFile when it asks to create the file an editor
	// command in them opens.
	Shell, Optional, NewFile bool
	// Cwd is the directory the text says the commands run in ("still as
	// www-data, in /var/www/app:"), when the shell's is not known; "" for
	// none.
	Cwd string
	// Dirs are directories the text says to create, known to exist from
	// now on.
	Dirs []string
	// Rule is the ID of the rule that decided; Also the rules that
	// resolved or refined the decision; Overruled the rules that applied
	// but were overruled.
	Rule      string
	Also      []string
	Overruled []string
	// Problems are what the rules found wrong in the tutorial.
	Problems []Problem
	// EndFocus is set when the block is of another kind than the file in
	// focus, which it ends.
	EndFocus bool
}

// A Problem is an error or warning a rule found: at the block's
// annotation, or at the block.
type Problem struct {
	AtAnnotation bool
	Warning      bool
	Msg          string
}

func (r *Result) also(id string) {
	if id != "" && id != r.Rule {
		r.Also = append(r.Also, id)
	}
}

func (r *Result) overrule(id string) {
	if id != "" {
		r.Overruled = append(r.Overruled, id)
	}
}

// Decide decides what a code block does, from the story so far. It does
// not change the story: package snippets applies the result and tells
// the story.
func Decide(s *Story, b *Block) *Result {
	r := &Result{Op: tree.None}
	v := &View{s: s, b: b, lang: strings.ToLower(b.Code.Lang), op: tree.None}
	if stop(v, r) {
		return r
	}
	if b.Intro != nil {
		v.sents = prose.Read(b.Intro.Inlines)
	}
	vetoed := readIntro(v, r)
	transform(v, r, hookNear)
	transform(v, r, hookEditor)
	transform(v, r, hookIntent)
	if v.in == nil && vetoed == "" && r.Rule == "" {
		inFocus(v, r)
	}
	if v.in != nil {
		for _, d := range v.in.Dirs {
			if p := absolute(d.Text); p != "" {
				r.Dirs = append(r.Dirs, p)
			}
		}
	}
	if !decideTarget(v, r) || !override(v, r) {
		return r
	}
	if v.target == "" {
		none(v, r, vetoed)
		return r
	}
	checkTarget(v, r)
	return r
}

// stop asks the rules that settle a block before anything is read.
func stop(v *View, r *Result) bool {
	for _, rule := range byHook[hookStop] {
		if vd := rule.Match(v); vd != nil {
			r.Rule, r.Note, r.By = rule.ID, vd.Why, vd.By
			return true
		}
	}
	return false
}

// readIntro reads the introduction: the last sentence, or one before
// sentences that only explain it. It returns the veto that set the key
// sentence aside, if any.
func readIntro(v *View, r *Result) string {
	n := len(v.sents)
	if n == 0 {
		return ""
	}
	var opened *prose.Token
	if n > 1 {
		opened = OpenedIn(v.sents[n-2])
	}
	rd := read(v.sents[n-1], opened)
	v.in, v.key = rd.in, n-1
	if v.in == nil && !v.Commands() {
		for k := n - 2; k >= 0 && explains(v.sents[k+1:]); k-- {
			var op *prose.Token
			if k > 0 {
				op = OpenedIn(v.sents[k-1])
			}
			if cand := read(v.sents[k], op); cand.in != nil {
				v.in, v.key = cand.in, k
				return ""
			}
			if asks, strong := asksToType(v.sents[k]); asks && strong {
				v.key = k
				break
			}
		}
	}
	if v.in == nil && rd.veto != "" {
		r.overrule(rd.vetoed)
		return rd.veto
	}
	return ""
}

// A reading is what a sentence asks, as the Intro rules read it.
type reading struct {
	in     *Intent
	veto   string // the rule that set the sentence aside
	vetoed string // the rule it would have read the sentence with
}

// read reads one sentence. def is the file the sentence before opened
// ("Open X in your editor. Add these lines:").
func read(s prose.Sentence, def *prose.Token) reading {
	if len(s) == 0 {
		return reading{}
	}
	v := &View{sent: s, def: def}
	for _, rule := range byHook[hookSentence] {
		if rule.Match(v) != nil {
			in, _ := readVerbs(v)
			rd := reading{veto: rule.ID}
			if in != nil {
				rd.vetoed = in.Rule
			}
			return rd
		}
	}
	dirs := createdDirs(s)
	in, _ := readVerbs(v)
	if in == nil {
		for _, rule := range byHook[hookNegation] {
			if rule.Match(v) != nil {
				return reading{veto: rule.ID}
			}
		}
		in = readClauses(v)
	}
	if in == nil && len(dirs) > 0 {
		in = &Intent{Op: tree.None}
	}
	if in != nil {
		in.Dirs = dirs
	}
	return reading{in: in}
}

// readVerbs reads a sentence from its verbs, last to first: the last
// one governs the block.
func readVerbs(v *View) (*Intent, bool) {
	s := v.sent
	for i := len(s) - 1; i >= 0; i-- {
		if s[i].Literal || s.Negated(i) || i > 0 && s[i-1].Is(nounMarkers) {
			continue // "into place", "the add command": nouns
		}
		v.verb = i
		for _, rule := range byVerb[s[i].Lower] {
			if vd := rule.Match(v); vd != nil && vd.Intent != nil {
				in := vd.Intent
				in.Rule = rule.ID
				if in.By == "" {
					in.By = s.Phrase(i, in.Target)
				}
				return in, true
			}
		}
	}
	return nil, false
}

// nounMarkers make the word after them a noun: "into place", "the add
// command".
var nounMarkers = prose.NewWords("into in the a an this that its their")

// readClauses reads a sentence as a whole, when no verb asks for a file.
func readClauses(v *View) *Intent {
	for _, rule := range byHook[hookClause] {
		if vd := rule.Match(v); vd != nil && vd.Intent != nil {
			vd.Intent.Rule = rule.ID
			return vd.Intent
		}
	}
	return nil
}

// transform asks the rules of a hook, in order, each on the intent the
// rules before left: a verdict with an intent replaces it, one without
// drops it.
func transform(v *View, r *Result, h hook) {
	for _, rule := range byHook[h] {
		vd := rule.Match(v)
		if vd == nil {
			continue
		}
		switch {
		case vd.Intent == nil:
			if v.in != nil {
				r.overrule(v.in.Rule)
			}
			v.in = nil
			if vd.Why != "" {
				r.Note = vd.Why
			}
			r.Rule = rule.ID
		case v.in == nil:
			v.in = vd.Intent
			v.in.Rule = rule.ID
		default:
			v.in = vd.Intent
			r.also(rule.ID)
		}
	}
}

// inFocus asks the rules of a block of the file in focus: the first that
// applies decides, a veto with no intent.
func inFocus(v *View, r *Result) {
	f := v.s.focus
	if f == nil {
		return
	}
	if !v.Commands() && !lang.NeverFile(v.lang) && !sameKind(f.path, v.lang) {
		r.EndFocus = true
		return
	}
	for _, rule := range byHook[hookFocusBlock] {
		vd := rule.Match(v)
		if vd == nil {
			continue
		}
		if vd.Intent == nil {
			r.Rule, r.Note = rule.ID, vd.Why
			return
		}
		v.in = vd.Intent
		v.in.Rule = rule.ID
		r.also(f.rule)
		return
	}
}

// decideTarget finds the file: from the annotation, the caption, or what
// the text asks. It returns false when the block is settled with an
// error.
func decideTarget(v *View, r *Result) bool {
	for _, rule := range byHook[hookTarget] {
		vd := rule.Match(v)
		if vd == nil {
			continue
		}
		r.Rule = rule.ID
		r.also(vd.Via)
		if vd.Why != "" {
			r.Note = vd.Why
		}
		if vd.Err != "" {
			r.Problems = append(r.Problems, Problem{AtAnnotation: true, Msg: vd.Err})
			return false
		}
		if vd.Target == "" {
			if v.in != nil {
				r.overrule(v.in.Rule)
			}
			return true
		}
		v.target, v.op, r.By = vd.Target, tree.Create, vd.By
		if v.in.asks() {
			v.op = v.in.Op
			r.also(v.in.Rule)
		}
		return true
	}
	if v.in.asks() {
		resolve(v, r)
	}
	return true
}

// resolve finds the file an intent is about.
func resolve(v *View, r *Result) {
	in := v.in
	for _, rule := range byHook[hookRef] {
		vd := rule.Match(v)
		if vd == nil {
			continue
		}
		r.Rule = in.Rule
		r.also(rule.ID)
		r.also(vd.Via)
		if vd.Target == "" {
			r.Note = vd.Why
			if in.Op == tree.Insert {
				r.Problems = append(r.Problems, Problem{Warning: true, Msg: "nothing inserted: " + vd.Why})
			}
			return
		}
		v.target, v.op, r.By = vd.Target, in.Op, "inferred: "+in.By
		refine(v, r)
		return
	}
	r.Rule, r.Note = in.Rule, "no file named"
}

// refine asks the rules that settle the operation once the file is known.
func refine(v *View, r *Result) {
	for _, rule := range byHook[hookRefine] {
		vd := rule.Match(v)
		if vd == nil {
			continue
		}
		switch {
		case vd.Op != "":
			v.op = vd.Op
			r.also(rule.ID)
		default: // the block is no operation on the file after all
			r.overrule(r.Rule)
			r.Rule, v.target, v.op, r.By = rule.ID, "", tree.None, ""
			if vd.Why != "" {
				r.Note = vd.Why
			}
			return
		}
	}
}

// override applies what the annotation says of the operation. It
// returns false when the block is settled with an error.
func override(v *View, r *Result) bool {
	for _, rule := range byHook[hookOverride] {
		vd := rule.Match(v)
		if vd == nil {
			continue
		}
		if vd.Err != "" {
			r.Problems = append(r.Problems, Problem{AtAnnotation: true, Msg: vd.Err})
			return false
		}
		if vd.Op != "" {
			v.op = vd.Op
		}
		if vd.Intent != nil {
			v.in = vd.Intent
		}
		r.also(rule.ID)
	}
	return true
}

// none settles a block that makes no file: commands, or a note saying
// why not.
func none(v *View, r *Result, vetoed string) {
	for _, rule := range byHook[hookNone] {
		vd := rule.Match(v)
		if vd == nil {
			continue
		}
		if vd.Shell {
			r.Shell, r.Optional, r.NewFile, r.Cwd = true, vd.Optional, asksToCreate(v.Last()), vd.Cwd
			if r.Rule == "" {
				r.Rule = rule.ID
			}
			return
		}
		if r.Rule == "" {
			r.Rule = vetoed
		}
		if r.Note == "" {
			r.Note = vd.Why
			if r.Rule == "" {
				r.Rule = rule.ID
			}
		}
		return
	}
}

// checkTarget checks the file found, follows the links the tutorial made
// on its path, and sets the result.
func checkTarget(v *View, r *Result) {
	if strings.ContainsRune(v.target, 0) {
		r.Problems = append(r.Problems, Problem{Msg: "target path contains a NUL byte"})
		r.Rule = ""
		return
	}
	if vetoTarget(v, r, byHook[hookCheck]) {
		return
	}
	if strings.HasSuffix(v.target, "/") || v.target == "/" {
		r.Problems = append(r.Problems, Problem{Msg: fmt.Sprintf("target %s names a directory, not a file", v.target)})
		r.Rule = ""
		return
	}
	v.target = v.s.files.Follow(v.target) // "add to sites-enabled/app": the file it links to
	if vetoTarget(v, r, byHook[hookFollowed]) {
		return
	}
	r.Target, r.Op = v.target, v.op
	if v.in != nil {
		pl := v.in.Place
		r.Place = &pl
		r.Section = v.in.Section
	}
}

// vetoTarget asks the rules that check a file found; a verdict with an
// operation refines it, one without vetoes the block.
func vetoTarget(v *View, r *Result, rules []*Rule) bool {
	for _, rule := range rules {
		vd := rule.Match(v)
		if vd == nil {
			continue
		}
		if vd.Op != "" {
			v.op = vd.Op
			r.also(rule.ID)
			continue
		}
		r.overrule(r.Rule)
		r.Rule, r.Note, r.By = rule.ID, vd.Why, ""
		return true
	}
	return false
}
