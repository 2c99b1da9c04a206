package infer

import (
	"sort"

	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

// A Phase says what a rule looks at, and so what it may overrule: an
// explicit word of the author beats a veto, a veto beats what the prose
// asks, and the sentence that introduces a block beats what the story so
// far suggests.
type Phase int

// The phases, strongest first.
const (
	// Explicit rules read what the author wrote for tailor or the reader
	// about the block itself: an annotation, a caption that is a path.
	Explicit Phase = iota
	// Veto rules say that a block is no file whatever the prose says: an
	// interactive session, an excerpt, an example, commands.
	Veto
	// Intro rules read the sentence that introduces the block: "Create
	// file X with the following contents", "Add the following to X".
	Intro
	// Discourse rules read the story so far: which file "that file" is,
	// the file an editor has open, the directory of a relative name.
	Discourse
)

var phaseNames = [...]string{Explicit: "explicit", Veto: "veto", Intro: "intro", Discourse: "discourse"}

func (p Phase) String() string { return phaseNames[p] }

// hook is the point of the decision where a rule is asked.
type hook int

const (
	hookStop       hook = iota // before anything: the block is settled
	hookSentence               // a sentence is no instruction at all
	hookVerb                   // a sentence read from a verb
	hookNegation               // the sentence's verbs are negated
	hookClause                 // a sentence read as a whole
	hookNear                   // "it" names a file of the sentence before
	hookEditor                 // the text types into an open editor
	hookFocusBlock             // a block of the file in focus
	hookFocus                  // a sentence puts a file in focus
	hookHeading                // a heading puts a file in focus
	hookIntent                 // the intent is not about a file
	hookTarget                 // the file, from the block or the intent
	hookRef                    // the file an intent refers to
	hookName                   // a relative name, against what is known
	hookRefine                 // the operation, now that the file is known
	hookOverride               // what the annotation says of the operation
	hookCheck                  // the file, once known
	hookFollowed               // the file, its links followed
	hookNone                   // a block that makes no file
	hookProse                  // a sentence that gives a file's contents, no block
)

// A Rule is one way the text decides what a code block does. It is
// data: an ID that stays stable, a phase, one line of documentation, the
// examples it must decide and the counter-examples it must not, and a
// match function that reads a read-only view of the story so far.
type Rule struct {
	// ID names the rule in the plan ("add.to-path", "veto.session").
	ID    string
	Phase Phase
	// Doc is one line saying what the rule recognises.
	Doc string
	// Examples are pages the rule decides: each is a Markdown page
	// whose last code block the rule decides, or a sentence, which
	// introduces an INI block on a page of its own.
	Examples []string
	// Counter are pages or sentences whose last block the rule must not
	// decide.
	Counter []string
	// Match returns what the rule says, or nil when it does not apply.
	Match func(v *View) *Verdict

	hook  hook
	verbs prose.Words // for hookVerb: the verbs the reading starts at
}

// A Verdict is what a rule that applies says. Which fields matter
// depends on where the rule is asked.
type Verdict struct {
	// Intent is what the text asks (Intro rules, editor rules).
	Intent *Intent
	// Target is the file (Explicit rules, Discourse rules), "" when it
	// cannot be told, Why saying why.
	Target string
	// Why is a veto's reason, or why no file could be told.
	Why string
	// Via is the rule that resolved a name on the way (Discourse rules).
	Via string
	// Op is the operation instead (refining rules).
	Op tree.Op
	// By says what decided, for the plan and the manifest, when it is
	// not the rule's reading of the prose.
	By string
	// Err is an error in the tutorial the rule found, reported at the
	// block's annotation.
	Err string
	// Shell: the block is commands, analysed as shell; Optional: they
	// are offered as a choice.
	Shell, Optional bool
	// Cwd is the directory commands run in, when the text says.
	Cwd string
}

// Rules returns every rule, in the order they are asked within a phase.
func Rules() []*Rule { return registry }

// Lookup returns the rule with the ID, or nil.
func Lookup(id string) *Rule {
	for _, r := range registry {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// registry is every rule: the lists of rules_*.go, in order; byHook the
// same by the point of the decision they are asked at. They are made in
// init, as the rules' match functions ask them.
var (
	registry []*Rule
	byHook   map[hook][]*Rule
	// byVerb is byHook[hookVerb] by verb: the rules a word starts a
	// reading for, in their order, found with one look-up per word
	// rather than one per rule.
	byVerb map[string][]*Rule
)

func init() {
	registry = concat(explicitRules, sentenceRules, verbRules, intentRules, focusRules, focusBlockRules, refRules, nameRules, refineRules, noneRules, proseFileRules)
	byHook = map[hook][]*Rule{}
	for _, r := range registry {
		byHook[r.hook] = append(byHook[r.hook], r)
	}
	byVerb = map[string][]*Rule{}
	for _, r := range byHook[hookVerb] {
		for verb, ok := range r.verbs { // each rule once per verb, in rule order
			if ok {
				byVerb[verb] = append(byVerb[verb], r)
			}
		}
	}
}

func concat(lists ...[]*Rule) []*Rule {
	var out []*Rule
	seen := map[string]bool{}
	for _, l := range lists {
		for _, r := range l {
			if seen[r.ID] {
				panic("infer: two rules named " + r.ID)
			}
			seen[r.ID] = true
			out = append(out, r)
		}
	}
	return out
}

// IDs returns the IDs of every rule, sorted.
func IDs() []string {
	out := make([]string, len(registry))
	for i, r := range registry {
		out[i] = r.ID
	}
	sort.Strings(out)
	return out
}
