package infer

import (
	"strings"

	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

// The forms of "add" sentences, each the ID of the rule that documents it.
const (
	formAddToPath     = "add.to-path"
	formAddEndOfPath  = "add.end-of-path"
	formAddThatFile   = "add.to-that-file"
	formAddOpened     = "add.opened-path"
	formAddContinue   = "add.continue"
	formAddNounPhrase = "add.end-of-noun-phrase"
	formAddOpenedThat = "add.open-that-file"
	formInsertBefore  = "insert.before-line"
	formInsertAfter   = "insert.after-line"
	formInsertBlock   = "insert.block-end"
	formInsertSection = "insert.in-section"
	formInsertStart   = "insert.start"
	formNewFile       = "create.new-file"
)

var (
	endOfP   = prose.Compile("at the end of", "to the end of", "at the bottom of")
	startOfP = prose.Compile("at the beginning of", "at the top of", "at the start of")
	theLineP = prose.Compile("the line", "the lines", "the block", "the section")
)

// addReader reads an "add" sentence: what is added, and where.
type addReader struct {
	s  prose.Sentence
	in *Intent
	// form is the rule that names the reading: place, the form of where
	// in the file, if the sentence says; else file, the form of how it
	// names the file
	place, file string
}

// readAdd reads "add the following to X", "... at the end of X",
// "... before LINE", "... at the end of the X block" at the verb v. def
// is the file named by "open X and add". The intent's Rule is the form
// of the sentence.
func readAdd(s prose.Sentence, v int, def *prose.Token) *Intent {
	j := v + 1
	// The object: the block ("the following", "this line"), not a
	// literal; "add ``X`` before ``Y``" is about the literal.
	for j < len(s) && s[j].Is(prose.ObjectWords) {
		j++
	}
	if j+1 < len(s) && s[j].Literal && s[j+1].Is(prose.BlockNounWords) {
		j += 2 // "a `[Peer]` section": what is added, named
	}
	if j < len(s) && s[j].Literal {
		return nil
	}
	r := &addReader{s: s, in: &Intent{Op: tree.Append, Target: def}}
	if def != nil {
		r.file = formAddOpened
	}
	for ; j < len(s); j++ {
		next, stop := r.adjunct(j)
		if stop {
			return nil
		}
		j = next
	}
	return r.finish(v)
}

// adjunct reads what the token at j says of the place, and returns the
// index of the last token read; stop when the sentence names a place
// tailor cannot match.
func (r *addReader) adjunct(j int) (int, bool) {
	s := r.s
	switch t := s[j]; {
	case t.Literal:
		return j, false
	case t.Is(prose.BeforeAfter):
		return r.nextTo(j)
	case endOfP.Match(s, j):
		return r.endOf(j), false
	case startOfP.Match(s, j):
		return r.startOf(j), false
	case t.Is(prose.AddPrepositions):
		return r.into(j), false
	}
	return j, false
}

// nextTo reads "before LINE", "after the LINE block".
func (r *addReader) nextTo(j int) (int, bool) {
	s, in := r.s, r.in
	a, next := s.AnchorAt(j + 1)
	if a == "" {
		// "before the line that starts with X": a place tailor cannot match
		return j, theLineP.Match(s, j+1)
	}
	in.Op = tree.Insert
	in.Place.Anchor = a
	in.Place.Where, r.place = tree.BeforeLine, formInsertBefore
	if s[j].Word("after", "below") {
		in.Place.Where, r.place = tree.AfterLine, formInsertAfter
	}
	in.Place.WholeBlock = s.WordsAt(next, "block") || s.WordsAt(next, "section")
	if in.Target == nil {
		in.Ref = RefAnchor
	}
	return next - 1, false
}

// endOf reads "at the end of X", "... of the X block", "... of that
// file", "... of the file".
func (r *addReader) endOf(j int) int {
	s, in, k := r.s, r.in, j+4
	if name, next, ok := s.BlockAt(k); ok {
		r.blockEnd(name, formInsertBlock)
		return next - 1
	}
	if ok, next := s.ThatFileAt(k); ok {
		in.Ref, r.file = RefThatFile, formAddThatFile
		return next - 1
	}
	if tok, next, _ := s.PathAt(k); tok != nil {
		in.Target, r.file = tok, formAddEndOfPath
		return next - 1
	}
	if s.WordsAt(k, "the", "file") && in.Target == nil {
		in.Ref, r.file = RefThatFile, formAddThatFile // "in X, add ... at the end of the file"
		return k + 1
	}
	return j
}

// startOf reads "at the beginning of X".
func (r *addReader) startOf(j int) int {
	in := r.in
	in.Op, in.Place.Where, r.place = tree.Insert, tree.AtStart, formInsertStart
	if tok, next, _ := r.s.PathAt(j + 4); tok != nil {
		in.Target = tok
		return next - 1
	}
	return j
}

// into reads "to X", "into the X block", "to that file", "to the file as
// well", "to a new file, X"; "rather than in X" names a file it is not.
func (r *addReader) into(j int) int {
	s, in := r.s, r.in
	if j >= 2 && s.WordsAt(j-2, "rather", "than") || j >= 2 && s.WordsAt(j-2, "instead", "of") || j >= 1 && s.WordsAt(j-1, "not") {
		if _, next, _ := s.PathAt(j + 1); next > j+1 {
			return next - 1 // "rather than in jail.local": not that file
		}
		return j
	}
	if tok, next := newFileAt(s, j+1); tok != nil {
		in.Op, in.Target, r.place = tree.Create, tok, formNewFile
		return next - 1
	}
	if next, ok := r.intoBlock(j + 1); ok {
		return next
	}
	if ok, next := s.ThatFileAt(j + 1); ok {
		in.Ref, r.file = RefThatFile, formAddThatFile
		return next - 1
	}
	if tok, next, isDir := s.PathAt(j + 1); tok != nil {
		if isDir || strings.HasSuffix(tok.Text, "/") {
			return next - 1 // a directory, never the file
		}
		in.Target, r.file = tok, formAddToPath
		return next - 1
	}
	if s.WordsAt(j+1, "the", "file") && in.Target == nil && j+3 < len(s) && (s[j+3].IsPunct() || s.WordsAt(j+3, "as", "well") || s.WordsAt(j+3, "too")) {
		in.Ref, r.file = RefContinue, formAddContinue // "Append this to the file as well:": the one the text works on
		return j + 2
	}
	return j
}

// intoBlock reads "the X block", "the [Unit] section of the service" at
// i, and returns the index of the last token read.
func (r *addReader) intoBlock(i int) (int, bool) {
	s := r.s
	name, next, ok := s.BlockAt(i)
	if !ok {
		return i, false
	}
	r.blockEnd(name, formInsertBlock)
	if s.WordsAt(next, "of", "the") && next+2 < len(s) && unitKinds[s[next+2].Lower] && !s[next+2].Literal {
		r.in.Kind = s[next+2].Lower // "to the [Unit] section of the service"
		return next + 2, true
	}
	return next - 1, true
}

func (r *addReader) blockEnd(name, form string) {
	r.in.Op, r.in.Place.Where, r.in.Place.Block, r.place = tree.Insert, tree.BlockEnd, name, form
	if r.in.Target == nil {
		r.in.Ref = RefAnchor
	}
}

// finish reads what comes before the verb v and settles the reference.
func (r *addReader) finish(v int) *Intent {
	s, in := r.s, r.in
	r.before(v)
	if np := endOfBefore(s, v); in.Target == nil && (in.Ref == RefNone || in.Ref == RefContinue) && in.Op == tree.Append && np != nil {
		// "Scroll to the bottom of the configuration file and add:": the
		// file an earlier sentence calls so
		in.Ref, in.NP, in.Rule = RefNounPhrase, np, formAddNounPhrase
		return in
	}
	if in.Target == nil && in.Ref == RefNone && in.Op == tree.Append && onlyObject(s, v) {
		// "Then add these lines too:", "Add:": to the file the text
		// is working on
		in.Ref, r.file = RefContinue, formAddContinue
	}
	if in.Op == tree.Append && placedBefore(s, v) {
		return nil // "Below the DocumentRoot line, add:": a place it does not say so it can be found
	}
	if in.Target == nil && in.Ref == RefNone {
		return nil
	}
	if in.Target != nil {
		in.Ref = RefNone
	}
	in.Rule = r.file
	if r.place != "" {
		in.Rule = r.place
	}
	return in
}

// before reads what comes before the verb v: "In the [DEFAULT] section
// of X, add:", "Open that file and add:".
func (r *addReader) before(v int) {
	s, in := r.s, r.in
	if name, file := sectionBefore(s, v); name != "" && in.Op == tree.Append {
		// "In the [DEFAULT] section of X, add:", "In X, under the [mysqld]
		// section, add:"
		r.blockEnd(name, formInsertSection)
		if file != nil {
			in.Target, in.Ref = file, RefNone
		}
	}
	if in.Target == nil && in.Ref == RefNone && in.Op == tree.Append && openedThat(s, v) {
		// "Open that file and add:"; "X is the file. Open it and add:",
		// but "it" only for a file the sentence before names ("Edit it
		// again" after "crontab -e" is about the crontab)
		in.Ref, r.file = RefThatFile, formAddOpenedThat
		in.Near = s.HasWords("open", "it") || s.HasWords("edit", "it")
	}
}

// newFileAt reads "a new file, X", "a file of its own, X", "a separate
// file X" at i: the block is all of X.
func newFileAt(s prose.Sentence, i int) (*prose.Token, int) {
	k, ok := newFileP.At(s, i)
	if !ok {
		return nil, i
	}
	for k < len(s) && s[k].Text == "," {
		k++
	}
	if k < len(s) && s[k].Word("named", "called") {
		k++
	}
	if tok, next, isDir := s.PathAt(k); tok != nil && !isDir && !strings.HasSuffix(tok.Text, "/") {
		return tok, next
	}
	return nil, i
}

// unitKinds are the kinds of systemd units a text calls a file by ("the
// service", "the timer").
var unitKinds = map[string]bool{"service": true, "timer": true, "socket": true, "mount": true, "path": true}

var newFileP = prose.Compile("a new file", "a file of its own", "a separate file", "its own file", "a dedicated file", "a new configuration file")

// placedBefore reports whether a word of place comes before the verb at
// v: "Below the DocumentRoot line, add:".
func placedBefore(s prose.Sentence, v int) bool {
	for _, t := range s[:v] {
		if t.Is(prose.PlaceWords) {
			return true
		}
	}
	return false
}

// onlyObject reports whether what follows the verb at v names only the
// block ("these lines too", "the following", nothing): no place of its
// own, so the block goes to the file named just before.
func onlyObject(s prose.Sentence, v int) bool {
	if !s.EndsWithColon() {
		return false // not the sentence that introduces the block
	}
	for _, t := range s {
		if t.Literal {
			return false // it speaks of something else: "add ``x`` after ``y``"
		}
	}
	for _, t := range s[v+1:] {
		if !t.IsPunct() && !t.Is(prose.ObjectWords) && !t.Word("well", "as", "lines", "more") {
			return false
		}
	}
	return true
}

// sectionBefore reads "in the [X] section (of FILE)," before the verb at
// v: the section's name and the file, if named.
func sectionBefore(s prose.Sentence, v int) (string, *prose.Token) {
	for i := 0; i+1 < v; i++ {
		if !s[i].Word("in", "under", "within") {
			continue
		}
		name, next, ok := s.BlockAt(i + 1)
		if !ok || next > v {
			continue
		}
		if s.WordsAt(next, "of") {
			if tok, _, isDir := s.PathAt(next + 1); tok != nil && !isDir {
				return name, tok
			}
		}
		return name, nil
	}
	return "", nil
}

// openedFile returns the file of "open X and add ...", "edit X and
// add ..." or "in X, add ...", when the verb at v follows such a phrase.
func openedFile(s prose.Sentence, v int) *prose.Token {
	for i := v - 1; i >= 0 && i >= v-8; i-- {
		if s[i].Literal {
			continue
		}
		if s[i].Is(prose.OpenVerbs) || (i == 0 && s[i].Word("in", "inside")) {
			if tok, next, isDir := s.PathAt(i + 1); tok != nil && !isDir && next <= v {
				return tok
			}
		}
	}
	return nil
}

// endOfBefore reads "(to|at) the (end|bottom) of the NOUN PHRASE" before
// the verb at v and returns the noun phrase's words when it ends in a
// word for a file ("the configuration file", "the Redis config").
func endOfBefore(s prose.Sentence, v int) []string {
	for i := 0; i+3 < v; i++ {
		if !(s.WordsAt(i, "the", "end", "of") || s.WordsAt(i, "the", "bottom", "of")) {
			continue
		}
		var np []string
		for k := i + 3; k < v && !s[k].Literal && !s[k].IsPunct() && s[k].Lower != "and"; k++ {
			if !s[k].In(prose.Determiner) {
				np = append(np, s[k].Lower)
			}
		}
		if len(np) > 0 && len(np) <= 4 && prose.FileNouns[np[len(np)-1]] && !(len(np) == 1 && prose.GenericNouns[np[0]]) {
			return np
		}
	}
	return nil
}

// openedThat reports whether the verb at v follows "open that file",
// "edit it".
func openedThat(s prose.Sentence, v int) bool {
	for i := v - 1; i >= 0 && i >= v-6; i-- {
		if s[i].Is(prose.OpenVerbs) {
			if ok, next := s.ThatFileAt(i + 1); ok && next <= v {
				return true
			}
		}
	}
	return false
}

// OpenedIn returns the file a sentence opens for the next one: "Open X
// in your editor.", "Edit X."; nil when it opens none.
func OpenedIn(s prose.Sentence) *prose.Token {
	for i, t := range s {
		if !t.Is(prose.OpenVerbs) || s.Negated(i) {
			continue
		}
		if tok, _, isDir := s.PathAt(i + 1); tok != nil && !isDir {
			return tok
		}
	}
	return nil
}
