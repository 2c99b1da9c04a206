package infer

import (
	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

// Ref says how an intent names its file when it names no path.
type Ref int

// References to a file.
const (
	RefNone       Ref = iota
	RefThatFile       // "that file", "this file", "it"
	RefContinue       // "Then add these lines too:": the file the text is working on
	RefOpened         // "sudo nano X", then "Paste in the following:": X
	RefNounPhrase     // "the default configuration": a phrase said earlier with a path
	RefAnchor         // "add the following before X": the known file holding X
	RefFocus          // the file in focus
)

// An Intent is what the text says to do with the block that follows.
type Intent struct {
	Op     tree.Op
	Target *prose.Token // the path named, nil for a reference
	Ref    Ref          // when Target is nil
	NP     []string     // noun phrase words, for RefNounPhrase
	// InDir: "inside that directory create a file NAME": Target is
	// relative to the last directory named.
	InDir bool
	// SameDir: "in the same directory, create NAME": Target is relative
	// to the directory of the file named last.
	SameDir bool
	// Dir is the directory a relative Target is in: "create NAME in
	// /srv/app", "in /srv/app, create NAME".
	Dir   *prose.Token
	Place tree.Place
	// Section is the INI section the block's settings go in ("Under
	// [mysqld], set:"), when the block does not say.
	Section string
	// Whole: the sentence says the block replaces all of the file
	// ("Replace the contents of X with:"), whatever it holds.
	Whole bool
	By    string
	Dirs  []prose.Token // directories the sentence says to create
	// Describes: the sentence only says what a file holds ("X contains
	// the following", "X looks like this"): a check when the tutorial has
	// made X, else an excerpt of a file of the system, never written.
	Describes bool
	// Near: the reference ("it") must name a file of the sentence
	// before, in the same paragraph.
	Near bool
	// Copula: the sentence says what the file holds ("X should contain",
	// "it should look like this") rather than asking to make it.
	Copula bool
	// Kind is the kind of file a reference names ("the service": a
	// systemd unit whose name ends in .service), "" for any.
	Kind string
	// Content is the literal a sentence gives as all of the file, with
	// no code block ("Write `$DOMAIN` to `/etc/mailname`.").
	Content *prose.Token
	// Rule is the ID of the rule that read the intent.
	Rule string
}

// asks reports whether the intent is a file operation.
func (in *Intent) asks() bool { return in != nil && in.Op != tree.None && in.Op != "" }
