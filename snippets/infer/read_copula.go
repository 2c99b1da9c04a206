package infer

import (
	"strings"

	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

var (
	// asking what a file holds, after "make": "Make X look like this"
	makeLookP = prose.Compile("look like this", "look like the following", "read as follows", "contain the following",
		"hold the following", "holds", "hold", "contains", "has")
	// asking what a file holds: "X should look like this"
	shouldBeP = prose.Compile("should be like", "should look like", "should be as follows", "should contain",
		"should have these", "should have the following", "must be like", "must contain", "must look like",
		"with the following contents", "with the following content", "with these contents", "with this content",
		"should read", "should now look like", "should now be")
	// only saying what a file holds: "X looks like this"
	looksLikeP = prose.Compile("looks like this", "looks like the following", "has these contents", "has the following", "contains the following",
		"contains these", "reads as follows")
	// saying what a file has become
	restatedP = prose.Compile("now", "after these changes", "after this change", "at this point", "in the end")
)

// copula reports whether the first words of r (up to limit) say what a
// file holds: asking for it ("should look like this", "with the following
// contents") or, indicative, only saying so ("looks like this", "contains
// the following").
func copula(r prose.Sentence, limit int) (match, indicative bool) {
	for m := 0; m < len(r) && m < limit; m++ {
		if shouldBeP.Match(r, m) {
			return true, false
		}
		if looksLikeP.Match(r, m) {
			return true, true
		}
	}
	return false, false
}

// restates reports whether a sentence says what a file has become: "X
// should now look like this", "the final X", "after these changes, X",
// "the complete file".
//
// The adjectives count only before the file's name at subject (the
// subject itself: "the complete file X", not "X ..., with the complete
// list"); subject is len(s) when the sentence names no path.
func restates(s prose.Sentence, subject int) bool {
	return s[:min(subject, len(s))].HasAny(prose.WholeAdjectives) || restatedP.In(s)
}

// readCopulaRef reads "It should look like this", "The file should
// contain the following", "That file now looks like this": the file named
// before.
func readCopulaRef(s prose.Sentence) *Intent {
	i := 0
	for i < len(s) && s[i].Word("now", "then", "afterwards", ",", "so") {
		i++
	}
	makeSure := s.WordsAt(i, "make", "sure")
	if makeSure {
		i += 2
	}
	ok, next := s.ThatFileAt(i)
	if !ok && s.WordsAt(i, "the", "file") {
		ok, next = true, i+2
	}
	if !ok {
		return nil
	}
	r := s[next:]
	match, indicative := copula(r, 3)
	if !match && makeSure && makeLookP.Match(r, 0) {
		match = true // "Make sure that file holds the mail domain:"
	}
	if !match || aboutLines(r) {
		return nil
	}
	in := &Intent{Op: tree.Create, Ref: RefThatFile, By: strings.TrimSpace(s.Phrase(0, nil)), Describes: indicative, Near: s.WordsAt(i, "it"), Copula: true, Rule: "copula.that-file"}
	if restates(s, len(s)) {
		in.Op, in.Rule = tree.Check, "check.that-file"
	}
	if indicative {
		in.Rule = "describe.that-file"
	}
	return in
}

// readCopula reads "X should be like this", "X should look like this",
// "make sure X has these contents", "a file X with the following
// contents", "X should now look like this" (a check).
func readCopula(s prose.Sentence) *Intent {
	for i := range s {
		if !s[i].IsPath(false) {
			continue
		}
		rest := s[i+1:]
		// skip "file", "now" after the path
		k := 0
		for k < len(rest) && !rest[k].Literal && (rest[k].In(prose.FileNoun) || rest[k].Lower == ",") {
			k++
		}
		r := rest[k:]
		match, indicative := copula(r, 8)
		if !match && s[:i].HasWords("make") && makeLookP.Match(r, 0) {
			match, indicative = true, false // "Make X look like this:"
		}
		if !match || aboutLines(r) {
			continue
		}
		if i > 0 && s[i-1].In(prose.DirNoun) {
			continue // a directory, not the file
		}
		return copulaIntent(s, i, r, indicative)
	}
	return nil
}

func copulaIntent(s prose.Sentence, i int, r prose.Sentence, indicative bool) *Intent {
	// "make sure X has these contents" asks for them; "X has these
	// contents" only says so.
	describes := indicative && !s[:i].HasWords("make", "sure") && !s[:i].HasWords("ensure") && !s[:i].HasWords("check", "that")
	t := s[i]
	in := &Intent{Op: tree.Create, Target: &s[i], By: strings.TrimSpace(s.Phrase(0, &t)), Describes: describes, Copula: !r.HasWords("with"), Rule: "copula.path"}
	if restates(s, i) {
		in.Op, in.Rule = tree.Check, "check.path"
	}
	if describes {
		in.Rule = "describe.path"
	}
	return in
}
