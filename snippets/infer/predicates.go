package infer

import (
	"slices"

	"github.com/tailordocs/tailor/snippets/prose"
)

// Predicates over sentences that several rules ask.

var (
	endOfFileP = prose.Compile("of the file", "of it", "of this file", "of that file")
	closesP    = prose.Compile("without changes", "without saving", "without changing")
	choiceP    = prose.Compile("in case", "to undo", "to revert", "to disable", "to remove", "later", "when you")
	itP        = prose.Compile("it", "the file", "this file")
	followingW = prose.NewWords("following")
	partW      = prose.NewWords("block section context")
	// verbs a sentence asks something of its own with, at its start
	instructW = prose.NewWords("open edit")
)

// continues reports whether a sentence says it goes on with the file
// before: "Then append these lines too:", "Also add:", "Add more:",
// "Open it again and add:".
func continues(s prose.Sentence) bool {
	for i, t := range s {
		if t.Is(prose.ContinueWords) || t.Is(prose.OpenVerbs) && s.WordsAt(i+1, "it") || t.Word("reopen") && s.WordsAt(i+1, "it") {
			return true
		}
	}
	return len(s) <= 3 // "Add:", "Append:"
}

// explains reports whether sentences only explain what came before them:
// none asks for anything of its own (a command to run, something to see),
// and only the last may end with ":".
func explains(sents []prose.Sentence) bool {
	for j, s := range sents {
		if s.EndsWithColon() && j < len(sents)-1 {
			return false
		}
		if s.HasAny(prose.ExplainStops) {
			return false
		}
		if len(s) > 0 && (s[0].Is(prose.CreateVerbs) || s[0].Is(prose.AddVerbs) || s[0].Is(prose.ChangeVerbs) || s[0].Is(prose.SaveVerbs) || s[0].Is(instructW)) {
			return false // an instruction of its own
		}
	}
	return true
}

// closesEditor reports whether the text says to leave the editor without
// typing into it: "Close it without changes."
func closesEditor(sents []prose.Sentence) bool {
	for _, s := range sents {
		if (s.HasWords("close") || s.HasWords("exit") || s.HasWords("quit")) && closesP.In(s) {
			return true
		}
	}
	return false
}

// asksToType reports whether a sentence asks the reader to type or paste
// text (after an editor command, into the file it opened), and whether
// it says to add it ("add", "paste": text for the file whatever it looks
// like) rather than only to type it ("type", "enter": maybe a command).
func asksToType(s prose.Sentence) (asks, strong bool) {
	for i, t := range s {
		if t.Literal {
			continue
		}
		if t.Is(prose.ShellAsks) {
			return false, false // a step in the shell, not in the editor
		}
		if s.Negated(i) {
			continue
		}
		switch {
		case t.Is(prose.PasteVerbs):
			asks, strong = true, true
		case t.Is(prose.TypeVerbs):
			asks = true
		case t.Lower == "create":
			// "Inside, you will create a [Unit] section ...:", but not
			// "create a new server block file": another file
			if !slices.ContainsFunc(s[i+1:], func(t prose.Token) bool { return t.Word("file", "files") }) {
				asks = true
			}
		}
	}
	return asks, strong
}

// asksToCreate reports whether a sentence asks to create a file: "Create a
// new unit file:", "Make a new configuration file".
func asksToCreate(s prose.Sentence) bool {
	for i, t := range s {
		if !s.Negated(i) && (t.Is(prose.CreateVerbs) || t.Word("new") && s.HasWords("file")) {
			return true
		}
	}
	return false
}

// placesIt reports whether a sentence puts the text somewhere in a file
// ("before the closing brace", "under the [mysqld] section", "to the
// location block", "at the end of the <Directory> block"), not at its end:
// a place tailor can follow only as an anchor it reads.
func placesIt(s prose.Sentence) bool {
	for i, t := range s {
		if t.Literal {
			continue
		}
		switch t.Lower {
		case "inside", "within":
			// "Inside, you will create ...", "inside the file": the
			// file, not a place in it
			if i+1 < len(s) && (s[i+1].IsPunct() || itP.Match(s, i+1)) {
				continue
			}
			return true
		case "before", "after", "above", "below", "under", "between", "beneath", "closing", "opening", "top", "beginning", "start":
			return true
		case "end", "bottom":
			// "at the end of the file" is the end; "of the X block" is not
			if !endOfFileP.Match(s, i+1) && i+1 < len(s) && !s[i+1].IsPunct() {
				return true
			}
		case "to", "into", "in", "of":
			if partAhead(s, i) {
				return true
			}
		}
	}
	return false
}

// partAhead reports whether a part of a file follows the preposition at
// i: "to the location / block", but not "in the following block".
func partAhead(s prose.Sentence, i int) bool {
	for k := i + 1; k < len(s) && k <= i+4; k++ {
		if s[k].Is(followingW) {
			return false
		}
		if s[k].Is(partW) {
			return true
		}
	}
	return false
}

// editsInPlace reports whether a sentence asks to change some lines of a
// file where they are: "find the line X and change it to", "uncomment
// the line", "change the line to this".
func editsInPlace(s prose.Sentence) bool {
	for i, t := range s {
		if t.Literal || s.Negated(i) {
			continue
		}
		if t.Is(prose.EditInPlaceVerbs) {
			return true
		}
		if t.Word("change", "replace", "edit", "modify", "set") && s[i+1:].HasAny(prose.EditObjects) {
			return true
		}
	}
	return false
}

// offersChoice reports whether a sentence offers what follows as a
// choice rather than a step: "If you ever need to take the site offline,
// rename the file:", "Optionally, ...", "To undo this, ...".
func offersChoice(s prose.Sentence) bool {
	if len(s) == 0 || s[0].Literal {
		return false
	}
	return s[0].Is(prose.ChoiceOpeners) || choiceP.Match(s, 0)
}
