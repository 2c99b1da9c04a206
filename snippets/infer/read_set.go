package infer

import (
	"strings"

	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

var (
	// SetVerbs ask to give settings their values.
	setVerbs = prose.NewWords("set enable configure define")
	// settingNouns name a setting.
	settingNouns = prose.NewWords("option setting parameter variable directive value key entry line lines options settings values parameters variables directives keys entries")
	// what says the block holds a setting's value: "to match the
	// following", "to this", ":"
	toMatchP = prose.Compile("to match", "to the following", "to this", "to these", "to look like", "to read",
		"so that it reads", "so it reads", "as follows")
)

// readSet reads "In X set:", "Set in X:", "set the following in X",
// "enable the LDAP backend in X", "set these options in X", "Under
// [mysqld], set:", "enable notifications in the same file" at the verb
// v: the settings of the block, set in X.
func readSet(s prose.Sentence, v int) *Intent {
	in := &Intent{Op: tree.Edit, Section: sectionOf(s, v)}
	if tok := inPath(s, 0, v); tok != nil && v == len(s)-2 && s.EndsWithColon() {
		in.Target, in.By = tok, s.Phrase(0, nil) // "In X set:"
		return in
	}
	if tok := inPath(s, v+1, len(s)); tok != nil {
		in.Target = tok // "Set in X:", "enable ... in X"
		return in
	}
	if inThatFile(s, v+1) {
		in.Ref = RefThatFile // "enable it in the same file"
		return in
	}
	if in.Section != "" && v == len(s)-2 && s.EndsWithColon() {
		in.Ref, in.By = RefFocus, s.Phrase(0, nil) // "Under [mysqld], set:"
		return in
	}
	return nil
}

// sectionOf reads "Under `[mysqld]`," or "In the `[main]` section," before
// the verb at v: the INI section the settings go in.
func sectionOf(s prose.Sentence, v int) string {
	for i := 0; i+1 < v; i++ {
		if !s[i].Word("under", "in", "within") {
			continue
		}
		t := s[i+1]
		if s.WordsAt(i+1, "the") && i+2 < v {
			t = s[i+2]
		}
		if t.Literal && strings.HasPrefix(t.Text, "[") && strings.HasSuffix(t.Text, "]") && len(t.Text) > 2 {
			return t.Text[1 : len(t.Text)-1]
		}
	}
	return ""
}

// inThatFile reports whether "in the same file", "in that file" or "in
// it" follows from.
func inThatFile(s prose.Sentence, from int) bool {
	for k := from; k < len(s); k++ {
		if s[k].Word("in", "into") && (s.WordsAt(k+1, "the", "same", "file") || s.WordsAt(k+1, "that", "file") || s.WordsAt(k+1, "this", "file")) {
			return true
		}
	}
	return false
}

// followingSettingsP: "the following values", "these settings".
var followingSettingsP = prose.Compile("the following {word}", "these {word}", "the {word} below", "the following")

// readFollowingSettings reads "Change the following values in X:",
// "Open .env and change these values:", "Set these options:": the
// settings of the block, set in place in the file named, opened or in
// focus.
func readFollowingSettings(s prose.Sentence, v int, def *prose.Token) *Intent {
	end, ok := followingSettingsP.At(s, v+1)
	if !ok || !s.EndsWithColon() || end-1 > v+1 && !s[end-1].Is(settingNouns) && !s[end-1].Is(prose.ObjectWords) {
		return nil
	}
	in := &Intent{Op: tree.Edit, Ref: RefFocus, Section: sectionOf(s, v)}
	switch tok := inPath(s, end, len(s)); {
	case tok != nil:
		in.Target, in.Ref = tok, RefNone
	case openedFile(s, v) != nil:
		in.Target, in.Ref = openedFile(s, v), RefNone
	case def != nil:
		in.Target, in.Ref = def, RefNone
	}
	return in
}

// inPath returns the file of "in X" between from and to, "" when none.
func inPath(s prose.Sentence, from, to int) *prose.Token {
	for k := from; k < to && k < len(s); k++ {
		if !s[k].Word("in", "inside", "within", "into") {
			continue
		}
		if tok, next, isDir := s.PathAt(k + 1); tok != nil && !isDir && next <= to && !strings.HasSuffix(tok.Text, "/") {
			return tok
		}
	}
	return nil
}

// readSetting reads "modify the `KEY` option to match the following",
// "set `KEY` to this", "change the `KEY` setting to:": the value of a
// setting the block holds, in the file named ("in X") or in focus.
func readSetting(s prose.Sentence, v int) *Intent {
	j := v + 1
	for j < len(s) && s[j].In(prose.Determiner) {
		j++
	}
	if j >= len(s) || !s[j].Literal || s[j].IsPath(false) {
		return nil
	}
	j++
	for j < len(s) && (s[j].Is(settingNouns) || s[j].Word("and") || s[j].Literal && !s[j].IsPath(false)) {
		j++
	}
	in := &Intent{Op: tree.Edit, Ref: RefFocus}
	if s.WordsAt(j, "in") || s.WordsAt(j, "of") {
		// "the `KEY` setting in X to this"
		tok, next, isDir := s.PathAt(j + 1)
		if tok == nil || isDir {
			return nil
		}
		in.Target, in.Ref, j = tok, RefNone, next
	}
	if !toMatchP.Match(s, j) && !(j == len(s)-1 && s.EndsWithColon()) {
		return nil
	}
	if tok := inPath(s, j, len(s)); tok != nil && in.Target == nil {
		in.Target, in.Ref = tok, RefNone
	}
	return in
}

// readInPathEdit reads "In X change it to:", "In `postgresql.conf`,
// change `listen_addresses` to:", "In the same file, uncomment and set:"
// at the verb v: the settings of the block, set in place in X. The
// sentence is only that: the file, the verbs, what they change and a
// colon.
func readInPathEdit(s prose.Sentence, v int) *Intent {
	if !s.EndsWithColon() || v < 2 || !s[0].Word("in") {
		return nil
	}
	in := &Intent{Op: tree.Edit, Section: sectionOf(s, v)}
	tok, next, isDir := s.PathAt(1)
	switch {
	case tok != nil && !isDir:
		in.Target = tok
	default:
		ok, n := s.ThatFileAt(1)
		if !ok || s.WordsAt(1, "it") {
			return nil
		}
		in.Ref, next = RefThatFile, n
	}
	if next < v && s[next].Text == "," {
		next++
	}
	if next != v {
		return nil
	}
	for j := v + 1; j < len(s)-1; j++ {
		if !changedWord(s[j]) {
			return nil
		}
	}
	return in
}

// changedWord reports whether t can be in what "In X, ..." says it
// changes: "change it to", "uncomment and set", "change the `KEY`
// setting to".
func changedWord(t prose.Token) bool {
	if t.Literal {
		return !t.IsPath(false)
	}
	return t.Word("it", "them", "and", "to", "uncomment", "the") || t.Is(setVerbs) || t.Is(editSettingVerbs) || t.Is(settingNouns)
}

// readUncomment reads "Uncomment the `ssl_certificate` and
// `ssl_certificate_key` lines:", "uncomment the following in X": the
// lines the block holds, set where they stand commented out.
func readUncomment(s prose.Sentence, v int) *Intent {
	if !s.EndsWithColon() || s.WordsAt(v+1, "it") || s.WordsAt(v+1, "them") {
		return nil // "Uncomment it": a line named before, not the block
	}
	in := &Intent{Op: tree.Edit, Ref: RefFocus}
	if tok := inPath(s, v+1, len(s)); tok != nil {
		in.Target, in.Ref = tok, RefNone
	}
	return in
}
