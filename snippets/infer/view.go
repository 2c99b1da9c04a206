package infer

import (
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/shell"
	"github.com/tailordocs/tailor/snippets/tree"
)

// A Block is a code block to decide, with what introduces it.
type Block struct {
	Code *content.Code
	// Intro is the paragraph right before the block (comments and
	// targets skipped), nil when something else comes before it.
	Intro *content.Paragraph
	// Annotation is the block's tailor annotation, read; nil when it has
	// none. AnnotationOK is false when it has errors.
	Annotation   *Annotation
	AnnotationOK bool
	// Alternative is the alternative the block is in ("Option A: ..."),
	// nil for none.
	Alternative *Alternative
}

// An Alternative is one of several ways a tutorial offers to do a step:
// a section titled "Option A: ...", a tab. Its blocks are applied only
// when the client's tags choose it.
type Alternative struct {
	Label  string   // its title
	Group  []string // the titles of all the alternatives, its own too
	Chosen bool
}

// An Annotation is a tailor annotation, its keys checked.
type Annotation struct {
	File, Op, Mode, Owner, Group, Before, After, Validate string
	Subst                                                 bool
}

// A View is what a rule may read: the block, the text that introduces
// it, the story so far, and the decision as far as it has gone.
type View struct {
	s     *Story
	b     *Block
	lang  string           // the block's language, in lower case
	sents []prose.Sentence // the sentences of the introduction
	key   int              // the sentence that introduces the block
	in    *Intent          // what the text asks, once read

	// the sentence being read by an Intro rule, and the verb it starts at
	sent prose.Sentence
	verb int
	def  *prose.Token // the file the sentence before opened
	add  map[addKey]*Intent

	target string  // the file, once known
	op     tree.Op // the operation, once known
	name   string  // the relative name being resolved
	looks  int     // 0 not known, 1 the text looks like shell, 2 it does not
}

type addKey struct {
	verb int
	def  *prose.Token
	s0   *prose.Token
}

// Lang returns the block's language in lower case.
func (v *View) Lang() string { return v.lang }

// Text returns the block's text.
func (v *View) Text() string { return v.b.Code.Text }

// Commands reports whether the block is shell commands: marked as shell,
// or unmarked and looking like commands.
func (v *View) Commands() bool {
	return lang.IsShell(v.lang) || lang.IsNone(v.lang) && v.looksLikeShell()
}

// looksLikeShell reports whether the block's text is shell commands, once.
func (v *View) looksLikeShell() bool {
	if v.looks == 0 {
		v.looks = 2
		if shell.LooksLikeShell(v.b.Code.Text) {
			v.looks = 1
		}
	}
	return v.looks == 1
}

// Sentences returns the sentences of the paragraph that introduces the
// block.
func (v *View) Sentences() []prose.Sentence { return v.sents }

// Last returns the last sentence of the introduction, nil when there is
// none.
func (v *View) Last() prose.Sentence {
	if len(v.sents) == 0 {
		return nil
	}
	return v.sents[len(v.sents)-1]
}

// Key returns the sentence that introduces the block: the last, or one
// before sentences that only explain it.
func (v *View) Key() prose.Sentence {
	if len(v.sents) == 0 {
		return nil
	}
	return v.sents[v.key]
}

// Sentence returns the sentence an Intro rule reads, and Verb the index
// of the verb it starts at.
func (v *View) Sentence() prose.Sentence { return v.sent }

// Verb returns the index of the verb an Intro rule starts at.
func (v *View) Verb() int { return v.verb }

// Intent returns what the text asks, nil when it asks nothing.
func (v *View) Intent() *Intent { return v.in }

// Target returns the file decided so far, "" when none.
func (v *View) Target() string { return v.target }

// Op returns the operation decided so far.
func (v *View) Op() tree.Op { return v.op }

// Files returns the files the tutorial has made so far.
func (v *View) Files() Files { return v.s.files }

// Annotation returns the block's annotation, nil when it has none.
func (v *View) Annotation() *Annotation { return v.b.Annotation }

// Caption returns the block's caption.
func (v *View) Caption() string { return v.b.Code.Caption }

// SectionTitle returns the title of the section the block is in.
func (v *View) SectionTitle() string { return v.s.secTitle }

// Cwd returns the shell's directory when a step of this section set it,
// else "".
func (v *View) Cwd() string {
	if v.s.Shell.Dir != "" && v.s.shellSec == v.s.section {
		return v.s.Shell.Dir
	}
	return ""
}

// editorOpen reports whether the block before, just one paragraph ago,
// opened an editor.
func (v *View) editorOpen() bool {
	s := v.s
	return s.openedCode != nil && s.openedCode == s.lastCode && s.paras-s.paraAtCode <= 1
}

// readAdd reads the sentence as an "add" sentence at the verb, once.
func (v *View) readAdd() *Intent {
	s, verb := v.sent, v.verb
	def := openedFile(s, verb)
	if def == nil && s[verb].Is(prose.AddVerbs) {
		def = v.def
	}
	k := addKey{verb: verb, def: def, s0: &s[0]}
	if in, ok := v.add[k]; ok {
		return in
	}
	in := readAdd(s, verb, def)
	if v.add == nil {
		v.add = map[addKey]*Intent{}
	}
	v.add[k] = in
	return in
}

// resolveName resolves a path as written to an absolute template path,
// or "" when it cannot, asking the name rules; it returns the rule that
// resolved it.
func (v *View) resolveName(p string) (string, string) {
	saved := v.name
	v.name = p
	defer func() { v.name = saved }()
	for _, r := range byHook[hookName] {
		if vd := r.Match(v); vd != nil {
			return vd.Target, r.ID
		}
	}
	return "", ""
}

// Name returns the relative name a name rule resolves.
func (v *View) Name() string { return v.name }

// userPath reports whether a path is the reader's own: in a home
// directory.
func userPath(p string) bool { return strings.HasPrefix(p, "~") || prose.UserDirRef(p) }
