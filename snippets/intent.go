package snippets

import (
	"strings"
)

// refKind says how an intent names its file when it names no path.
type refKind int

const (
	refNone       refKind = iota
	refThatFile           // "that file", "this file", "it"
	refContinue           // "Then add these lines too:": the file the text is working on
	refOpened             // "sudo nano X", then "Paste in the following:": X
	refNounPhrase         // "the default configuration": a phrase said earlier with a path
	refAnchor             // "add the following before X": the known file holding X
)

// where an insert goes.
type insertWhere int

const (
	atEnd insertWhere = iota
	beforeLine
	afterLine
	blockEnd
	atStart
)

// An intent is what a sentence says to do with the block that follows.
type intent struct {
	op     Op
	target *token   // the path named, nil for a reference
	ref    refKind  // when target is nil
	np     []string // noun phrase words, for refNounPhrase
	inDir  bool     // "inside that directory create a file NAME": target is relative to the last directory
	// sameDir: "in the same directory, create NAME": target is relative
	// to the directory of the file named last
	sameDir bool
	// dir is the directory a relative target is in: "create NAME in
	// /srv/app", "in /srv/app, create NAME"
	dir    *token
	where  insertWhere
	anchor string // for beforeLine/afterLine
	// wholeBlock: "after the ``location /static/`` block": the anchor
	// line opens a block, and after means after its end
	wholeBlock bool
	block      string // for blockEnd: "VirtualHost", "server", "[Service]"
	by         string
	dirs       []token // directories the sentence says to create
	// describes: the sentence only says what a file holds ("X contains
	// the following", "X looks like this"): a check when the tutorial has
	// made X, else an excerpt of a file of the system, never written.
	describes bool
	// near: the reference ("it") must name a file of the sentence
	// before, in the same paragraph
	near bool
	// copula: the sentence says what the file holds ("X should contain",
	// "it should look like this") rather than asking to make it
	copula bool
}

var verbsCreate = map[string]bool{"create": true, "creating": true}
var verbsAdd = map[string]bool{"add": true, "adding": true, "append": true, "appending": true, "insert": true, "inserting": true}
var verbsChange = map[string]bool{"change": true, "changing": true, "replace": true, "edit": true, "modify": true, "update": true, "overwrite": true}
var verbsSave = map[string]bool{"save": true, "write": true, "put": true, "paste": true, "place": true, "store": true}

// objectWords may follow "add" before its preposition.
var objectWords = map[string]bool{
	"following": true, "this": true, "these": true, "the": true, "a": true, "an": true,
	"line": true, "lines": true, "snippet": true, "statements": true, "statement": true,
	"settings": true, "setting": true, "directives": true, "directive": true, "code": true,
	"text": true, "content": true, "contents": true, "configuration": true, "config": true,
	"entry": true, "entries": true, "block": true, "options": true, "option": true, "it": true,
	"something": true, "too": true, "also": true, "two": true, "three": true, "new": true,
	"section": true, "part": true, "bit": true, "stanza": true,
}

// parseIntent reads the sentence that introduces a block. It returns nil
// when the sentence asks for no file operation.
func parseIntent(s sentence) *intent { return parseIntentIn(s, nil) }

// parseIntentIn is parseIntent for a sentence that follows one that
// opened the file def ("Open X in your editor. Add these lines:").
func parseIntentIn(s sentence, def *token) *intent {
	if len(s) == 0 {
		return nil
	}
	lower := s.lowerText()
	if hasCue(lower, negativeCues) {
		return nil
	}
	var dirs []token
	// Directories the sentence creates, for "inside that directory".
	for i, t := range s {
		if !t.literal && verbsCreate[t.lower] {
			j := i + 1
			for j < len(s) && !s[j].literal && determiners[s[j].lower] {
				j++
			}
			if j < len(s) && !s[j].literal && dirNouns[s[j].lower] && j+1 < len(s) && classifyPath(s[j+1], true) != notPath {
				dirs = append(dirs, s[j+1])
			}
		}
	}
	// Verbs from last to first: the last one governs the block.
	for v := len(s) - 1; v >= 0; v-- {
		t := s[v]
		if t.literal || negated(s, v) {
			continue
		}
		var in *intent
		switch {
		case verbsCreate[t.lower]:
			in = parseCreate(s, v)
		case verbsAdd[t.lower]:
			opened := openedFile(s, v)
			if opened == nil {
				opened = def
			}
			in = parseAdd(s, v, opened)
		case verbsChange[t.lower]:
			in = parseChange(s, v)
		case verbsSave[t.lower]:
			in = parseSave(s, v)
			if in == nil && (t.lower == "put" || t.lower == "paste" || t.lower == "place") {
				in = parseAdd(s, v, openedFile(s, v)) // "put these lines at the end of X"
			}
		}
		if in != nil {
			in.dirs = dirs
			if in.by == "" {
				in.by = phrase(s, v, in.target)
			}
			return in
		}
	}
	for v := range s {
		if !s[v].literal && (verbsCreate[s[v].lower] || verbsAdd[s[v].lower] || verbsChange[s[v].lower] || verbsSave[s[v].lower]) && negated(s, v) {
			return nil // what not to do is no instruction at all
		}
	}
	if in := parseInside(s); in != nil {
		in.dirs = dirs
		return in
	}
	if in := parseCopula(s); in != nil {
		in.dirs = dirs
		return in
	}
	if in := parseCopulaRef(s); in != nil {
		in.dirs = dirs
		return in
	}
	// "and this line at the end of the VirtualHost section:" continues
	// the instruction of the block before.
	if first := s[0]; !first.literal && (first.lower == "and" || first.lower == "also" || first.lower == "then") {
		if in := parseAdd(s, 0, nil); in != nil {
			in.by = phrase(s, 0, in.target)
			return in
		}
	}
	if len(dirs) > 0 {
		return &intent{op: OpNone, dirs: dirs}
	}
	return nil
}

// phrase is the part of the sentence from the verb on, without the target
// path, for "by" in the plan and the manifest.
func phrase(s sentence, v int, target *token) string {
	var keep sentence
	for i := v; i < len(s); i++ {
		if target != nil && s[i].pos == target.pos && s[i].literal == target.literal {
			continue
		}
		keep = append(keep, s[i])
	}
	for len(keep) > 0 && keep[len(keep)-1].isPunct() {
		keep = keep[:len(keep)-1]
	}
	return strings.Join(strings.Fields(keep.text()), " ") // one line, for plan and manifest
}

// pathAt returns the token at i when it names a path, skipping
// determiners and file nouns first. named says a file noun was seen.
func pathAt(s sentence, i int) (tok *token, next int, isDir bool) {
	named := false
	for i < len(s) && !s[i].literal && (determiners[s[i].lower] || fileNouns[s[i].lower] || dirNouns[s[i].lower] || (s[i].lower == "at" || s[i].text == ",") && named) {
		if fileNouns[s[i].lower] {
			named = true
		}
		if dirNouns[s[i].lower] {
			isDir = true
			named = true
		}
		i++
	}
	if i < len(s) && classifyPath(s[i], named) != notPath {
		return &s[i], i + 1, isDir
	}
	return nil, i, isDir
}

// thatFileAt reports whether a reference to the file named before starts
// at i: "that file", "this file", "the same file", "it".
func thatFileAt(s sentence, i int) (bool, int) {
	switch {
	case s.wordsAt(i, "that", "file"), s.wordsAt(i, "this", "file"):
		return true, i + 2
	case s.wordsAt(i, "the", "same", "file"):
		return true, i + 3
	case s.wordsAt(i, "it"):
		return true, i + 1
	}
	return false, i
}

// isPlainWord reports whether w is a word of letters that is not a
// preposition or a verb of the file operations.
func isPlainWord(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	switch w {
	case "in", "on", "at", "to", "into", "for", "of", "from", "with", "as", "and", "or":
		return false
	}
	return !verbsCreate[w] && !verbsAdd[w] && !verbsChange[w] && !verbsSave[w]
}

// createFillers may come between "create" and the name of the file.
var createFillers = map[string]bool{
	"following": true, "new": true, "sample": true, "simple": true, "small": true, "basic": true,
	"minimal": true, "empty": true, "as": true, "named": true, "called": true,
}

func parseCreate(s sentence, v int) *intent {
	j := v + 1
	if ok, _ := thatFileAt(s, j); ok {
		return &intent{op: OpCreate, ref: refThatFile}
	}
	tok, _, isDir := pathAt(s, j)
	if tok == nil && !isDir {
		// "create the following script as X", "create a sample X page"
		k := j
		for k < len(s) && k < j+5 && !s[k].literal && (createFillers[s[k].lower] || determiners[s[k].lower] || fileNouns[s[k].lower]) {
			k++
		}
		if k < len(s) && !s[k].literal && isPlainWord(s[k].lower) {
			// "create the server configuration (file) X": a word saying
			// which, then what it is
			m := k + 1
			for m < len(s) && !s[m].literal && fileNouns[s[m].lower] {
				m++
			}
			if m > k+1 && m < len(s) && s[m].literal {
				k = m
			}
		}
		if k < len(s) && s[k].literal && k > j {
			tok, _, isDir = pathAt(s, k)
		}
	}
	if isDir || tok == nil {
		return nil
	}
	in := &intent{op: OpCreate, target: tok}
	// "inside that directory create a file NAME", "in it create ...",
	// "create a file NAME in that directory"
	after := 0
	for after < len(s) && &s[after] != tok {
		after++
	}
	in.dir = dirPhrase(s, v, after)
	for k := max(v-4, 0); k < len(s) && k <= after+4; k++ {
		if k >= v && k <= after {
			continue
		}
		switch {
		case s.wordsAt(k, "that", "directory") || s.wordsAt(k, "this", "directory") || s.wordsAt(k, "that", "folder") ||
			s.wordsAt(k, "inside", "it") || s.wordsAt(k, "in", "it") || s.wordsAt(k, "in", "there"):
			in.inDir = true
		case s.wordsAt(k, "the", "same", "directory") || s.wordsAt(k, "the", "same", "folder") || s.wordsAt(k, "the", "same", "place"):
			in.sameDir = true
		}
	}
	return in
}

// dirPhrase finds the directory a sentence puts a new file in: "create
// NAME in /srv/app", "... in the /srv/app directory", "In /srv/app,
// create NAME" (verb at v, name at name).
func dirPhrase(s sentence, v, name int) *token {
	at := func(k int) *token {
		for k < len(s) && !s[k].literal && (s[k].lower == "the" || s[k].lower == "directory" || s[k].lower == "folder") {
			k++
		}
		if k < len(s) && s[k].literal && strings.HasPrefix(s[k].text, "/") && classifyPath(s[k], true) != notPath {
			return &s[k]
		}
		return nil
	}
	for k := name + 1; k < len(s) && k <= name+3; k++ {
		if !s[k].literal && (s[k].lower == "in" || s[k].lower == "inside" || s[k].lower == "under") {
			return at(k + 1)
		}
	}
	if v > 0 && !s[0].literal && (s[0].lower == "in" || s[0].lower == "inside" || s[0].lower == "under") {
		return at(1)
	}
	return nil
}

// parseAdd reads "add the following to X", "... at the end of X",
// "... before LINE", "... at the end of the X block". def is the file
// named by "open X and add".
func parseAdd(s sentence, v int, def *token) *intent {
	j := v + 1
	// The object: the block ("the following", "this line"), not a
	// literal; "add ``X`` before ``Y``" is about the literal.
	for j < len(s) && !s[j].literal && objectWords[s[j].lower] {
		j++
	}
	if j < len(s) && s[j].literal {
		return nil
	}
	in := &intent{op: OpAppend, target: def}
	for ; j < len(s); j++ {
		t := s[j]
		if t.literal {
			continue
		}
		switch {
		case t.lower == "before" || t.lower == "above" || t.lower == "after" || t.lower == "below":
			a, next := anchorAt(s, j+1)
			if a == "" {
				if s.wordsAt(j+1, "the", "line") || s.wordsAt(j+1, "the", "lines") || s.wordsAt(j+1, "the", "block") || s.wordsAt(j+1, "the", "section") {
					return nil // "before the line that starts with X": a place tailor cannot match
				}
				continue
			}
			in.op = OpInsert
			in.anchor = a
			in.where = beforeLine
			if t.lower == "after" || t.lower == "below" {
				in.where = afterLine
			}
			in.wholeBlock = s.wordsAt(next, "block") || s.wordsAt(next, "section")
			if in.target == nil {
				in.ref = refAnchor
			}
			j = next - 1
		case s.wordsAt(j, "at", "the", "end", "of") || s.wordsAt(j, "to", "the", "end", "of") || s.wordsAt(j, "at", "the", "bottom", "of"):
			k := j + 4
			if name, next, ok := blockAt(s, k); ok {
				in.op, in.where, in.block = OpInsert, blockEnd, name
				if in.target == nil {
					in.ref = refAnchor
				}
				j = next - 1
				continue
			}
			if ok, next := thatFileAt(s, k); ok {
				in.ref = refThatFile
				j = next - 1
				continue
			}
			if tok, next, _ := pathAt(s, k); tok != nil {
				in.target = tok
				j = next - 1
				continue
			}
			if s.wordsAt(k, "the", "file") && in.target == nil {
				in.ref = refThatFile // "in X, add ... at the end of the file"
				j = k + 1
			}
		case s.wordsAt(j, "at", "the", "beginning", "of") || s.wordsAt(j, "at", "the", "top", "of") || s.wordsAt(j, "at", "the", "start", "of"):
			in.op, in.where = OpInsert, atStart
			if tok, next, _ := pathAt(s, j+4); tok != nil {
				in.target = tok
				j = next - 1
			}
		case t.lower == "to" || t.lower == "into" || t.lower == "in" || t.lower == "inside" || t.lower == "within" || t.lower == "of":
			if name, next, ok := blockAt(s, j+1); ok {
				in.op, in.where, in.block = OpInsert, blockEnd, name
				if in.target == nil {
					in.ref = refAnchor
				}
				j = next - 1
				continue
			}
			if ok, next := thatFileAt(s, j+1); ok {
				in.ref = refThatFile
				j = next - 1
				continue
			}
			if tok, next, _ := pathAt(s, j+1); tok != nil {
				in.target = tok
				j = next - 1
				continue
			}
			if s.wordsAt(j+1, "the", "file") && in.target == nil && j+3 < len(s) && (s[j+3].isPunct() || s.wordsAt(j+3, "as", "well") || s.wordsAt(j+3, "too")) {
				in.ref = refContinue // "Append this to the file as well:": the one the text works on
				j += 2
			}
		}
	}
	if name, file := sectionBefore(s, v); name != "" && in.op == OpAppend {
		// "In the [DEFAULT] section of X, add:", "In X, under the [mysqld]
		// section, add:"
		in.op, in.where, in.block = OpInsert, blockEnd, name
		if file != nil {
			in.target = file
		}
		if in.target == nil {
			in.ref = refAnchor
		}
	}
	if in.target == nil && in.ref == refNone && in.op == OpAppend && openedThat(s, v) {
		// "Open that file and add:"; "X is the file. Open it and add:",
		// but "it" only for a file the sentence before names ("Edit it
		// again" after "crontab -e" is about the crontab)
		in.ref, in.near = refThatFile, s.hasWords("open", "it") || s.hasWords("edit", "it")
	}
	if np := endOfBefore(s, v); in.target == nil && (in.ref == refNone || in.ref == refContinue) && in.op == OpAppend && np != nil {
		// "Scroll to the bottom of the configuration file and add:": the
		// file an earlier sentence calls so
		in.ref, in.np = refNounPhrase, np
		return in
	}
	if in.target == nil && in.ref == refNone && in.op == OpAppend {
		if onlyObject(s, v) {
			// "Then add these lines too:", "Add:": to the file the text
			// is working on
			in.ref = refContinue
		}
	}
	if in.op == OpAppend {
		for _, t := range s[:v] {
			switch t.lower {
			case "before", "after", "above", "below", "under", "within", "inside", "beneath":
				if !t.literal {
					return nil // "Below the DocumentRoot line, add:": a place it does not say so it can be found
				}
			}
		}
	}
	if in.target == nil && in.ref == refNone {
		return nil
	}
	if in.target != nil {
		in.ref = refNone
	}
	return in
}

// onlyObject reports whether what follows the verb at v names only the
// block ("these lines too", "the following", nothing): no place of its
// own, so the block goes to the file named just before.
func onlyObject(s sentence, v int) bool {
	if len(s) == 0 || s[len(s)-1].text != ":" {
		return false // not the sentence that introduces the block
	}
	for _, t := range s {
		if t.literal {
			return false // it speaks of something else: "add ``x`` after ``y``"
		}
	}
	for k := v + 1; k < len(s); k++ {
		t := s[k]
		switch {
		case t.isPunct():
		case t.literal:
			return false
		case objectWords[t.lower], t.lower == "well", t.lower == "as", t.lower == "lines", t.lower == "more":
		default:
			return false
		}
	}
	return true
}

// sectionBefore reads "in the [X] section (of FILE)," before the verb at
// v: the section's name and the file, if named.
func sectionBefore(s sentence, v int) (string, *token) {
	for i := 0; i+1 < v; i++ {
		if s[i].literal || s[i].lower != "in" && s[i].lower != "under" && s[i].lower != "within" {
			continue
		}
		name, next, ok := blockAt(s, i+1)
		if !ok || next > v {
			continue
		}
		if s.wordsAt(next, "of") {
			if tok, _, isDir := pathAt(s, next+1); tok != nil && !isDir {
				return name, tok
			}
		}
		return name, nil
	}
	return "", nil
}

// openedFile returns the file of "open X and add ...", "edit X and
// add ..." or "in X, add ...", when the verb at v follows such a phrase.
func openedFile(s sentence, v int) *token {
	for i := v - 1; i >= 0 && i >= v-8; i-- {
		if s[i].literal {
			continue
		}
		if s[i].lower == "open" || s[i].lower == "edit" || (i == 0 && (s[i].lower == "in" || s[i].lower == "inside")) {
			if tok, next, isDir := pathAt(s, i+1); tok != nil && !isDir && next <= v {
				return tok
			}
		}
	}
	return nil
}

// endOfBefore reads "(to|at) the (end|bottom) of the NOUN PHRASE" before
// the verb at v and returns the noun phrase's words when it ends in a
// word for a file ("the configuration file", "the Redis config").
func endOfBefore(s sentence, v int) []string {
	for i := 0; i+3 < v; i++ {
		if !(s.wordsAt(i, "the", "end", "of") || s.wordsAt(i, "the", "bottom", "of")) {
			continue
		}
		var np []string
		for k := i + 3; k < v && !s[k].literal && !s[k].isPunct() && s[k].lower != "and"; k++ {
			if !determiners[s[k].lower] {
				np = append(np, s[k].lower)
			}
		}
		if len(np) > 0 && len(np) <= 4 && fileNouns[np[len(np)-1]] && !(len(np) == 1 && genericNouns[np[0]]) {
			return np
		}
	}
	return nil
}

// partBefore reports whether the words before the verb at v name a part
// of a file ("the location / block", "the line", "the setting"), which a
// following "it" then means.
func partBefore(s sentence, v int) bool {
	for _, t := range s[:v] {
		if t.literal {
			continue
		}
		switch t.lower {
		case "block", "section", "line", "lines", "directive", "setting", "value", "option", "entry", "stanza", "part":
			return true
		}
	}
	return false
}

// openedThat reports whether the verb at v follows "open that file",
// "edit it".
func openedThat(s sentence, v int) bool {
	for i := v - 1; i >= 0 && i >= v-6; i-- {
		if !s[i].literal && (s[i].lower == "open" || s[i].lower == "edit") {
			if ok, next := thatFileAt(s, i+1); ok && next <= v {
				return true
			}
		}
	}
	return false
}

// openedIn returns the file a sentence opens for the next one: "Open X
// in your editor.", "Edit X."; nil when it does something else too.
func openedIn(s sentence) *token {
	for i, t := range s {
		if t.literal || t.lower != "open" && t.lower != "edit" || negated(s, i) {
			continue
		}
		if tok, _, isDir := pathAt(s, i+1); tok != nil && !isDir {
			return tok
		}
	}
	return nil
}

// anchorAt reads the line an insert goes before or after: a literal or a
// quoted phrase.
func anchorAt(s sentence, i int) (string, int) {
	for i < len(s) && !s[i].literal && (s[i].lower == "the" || s[i].lower == "line" || s[i].lower == "directive") {
		i++
	}
	if i < len(s) && s[i].literal {
		return s[i].text, i + 1
	}
	if i < len(s) && s[i].text == "\"" {
		var parts []string
		for k := i + 1; k < len(s); k++ {
			if s[k].text == "\"" {
				return strings.Join(parts, " "), k + 1
			}
			parts = append(parts, s[k].text)
		}
	}
	return "", i
}

// blockAt reads "the X block", "the X section", "the [X] section" at i.
func blockAt(s sentence, i int) (string, int, bool) {
	if !s.wordsAt(i, "the") {
		return "", i, false
	}
	i++
	if i+1 < len(s) && (s[i+1].lower == "block" || s[i+1].lower == "section" || s[i+1].lower == "directive" || s[i+1].lower == "container") {
		name := strings.Trim(s[i].text, "<>")
		if name != "" && !strings.ContainsAny(name, " /") {
			return name, i + 2, true
		}
	}
	return "", i, false
}

// parseChange reads "change X to the following", "replace X with this",
// "change the default configuration to the following".
func parseChange(s sentence, v int) *intent {
	j := v + 1
	if s.wordsAt(j, "the", "contents", "of") || s.wordsAt(j, "the", "content", "of") {
		j += 3
	}
	tok, next, isDir := pathAt(s, j)
	if isDir {
		return nil
	}
	end := next
	var np []string
	that := false
	if ok, n := thatFileAt(s, j); ok && tok == nil {
		if s.wordsAt(j, "it") && (partBefore(s, v) || s.hasWords("uncomment") || s.hasWords("commented")) {
			return nil // "Find the location / block and change it to:", "Uncomment it and change it": a part
		}
		that, end = true, n // "replace the contents of that file with:"
	}
	if tok == nil && !that {
		// a noun phrase up to "to" or "with"
		k := j
		for k < len(s) && !s[k].literal && s[k].lower != "to" && s[k].lower != "with" && s[k].lower != "so" && !s[k].isPunct() {
			if !determiners[s[k].lower] {
				np = append(np, s[k].lower)
			}
			k++
		}
		if len(np) == 0 || len(np) > 4 || len(np) == 1 && genericNouns[np[0]] {
			return nil
		}
		end = k
	}
	// what follows must say "to the following", "with this", "so that it looks like"
	ok := false
	for k := end; k < len(s) && k <= end+6; k++ {
		if s.wordsAt(k, "with") && (k+1 == len(s) || s[k+1].isPunct()) {
			ok = true // "replace the contents of X with:"
			break
		}
		if (s.wordsAt(k, "so", "that", "it") || s.wordsAt(k, "so", "it")) && (s[v].lower == "edit" || s[v].lower == "modify" || s[v].lower == "update") &&
			(s.hasWords("contains") || s.hasWords("includes") || s.hasWords("has")) {
			// "Edit X so it contains:": the lines to have in it, among
			// the others it keeps; a step, not the whole file
			return nil
		}
		if s.wordsAt(k, "to", "the", "following") || s.wordsAt(k, "to", "this") || s.wordsAt(k, "with", "the", "following") ||
			s.wordsAt(k, "with", "this") || s.wordsAt(k, "to", "these") || s.wordsAt(k, "so", "that", "it") || s.wordsAt(k, "so", "it") ||
			s.wordsAt(k, "to", "look", "like") || s.wordsAt(k, "to", "read") || s.wordsAt(k, "as", "follows") {
			ok = true
			break
		}
	}
	if !ok || aboutLines(s[end:]) {
		// "edit X so that it contains the following line": a change of
		// some lines, which a merge cannot make
		return nil
	}
	switch {
	case tok != nil:
		return &intent{op: OpCreate, target: tok}
	case that:
		return &intent{op: OpCreate, ref: refThatFile}
	}
	return &intent{op: OpCreate, ref: refNounPhrase, np: np}
}

// aboutLines reports whether a statement speaks of some lines of a file
// ("contains the following line") rather than the whole of it.
func aboutLines(r sentence) bool {
	for m := 0; m+1 < len(r) && m < 10; m++ {
		if !r[m].literal && (r[m].lower == "following" || r[m].lower == "this" || r[m].lower == "these" || r[m].lower == "the" && m > 0 && (r[m-1].lower == "contain" || r[m-1].lower == "contains" || r[m-1].lower == "include" || r[m-1].lower == "includes")) {
			switch r[m+1].lower {
			case "line", "lines", "setting", "settings", "entry", "entries", "directive", "directives", "option", "options":
				return true
			}
		}
	}
	return false
}

// genericNouns say too little to find the file they are about.
var genericNouns = map[string]bool{
	"line": true, "lines": true, "file": true, "value": true, "values": true, "setting": true,
	"it": true, "code": true, "text": true, "command": true, "one": true, "them": true, "entry": true,
}

// parseSave reads "save the following as X", "write this to X", "put the
// following in X".
func parseSave(s sentence, v int) *intent {
	j := v + 1
	for j < len(s) && !s[j].literal && objectWords[s[j].lower] {
		j++
	}
	if j >= len(s) || s[j].literal {
		return nil
	}
	switch s[j].lower {
	case "as", "to", "in", "into":
	default:
		return nil
	}
	if ok, _ := thatFileAt(s, j+1); ok {
		return &intent{op: OpCreate, ref: refThatFile}
	}
	tok, next, isDir := pathAt(s, j+1)
	if tok == nil || isDir {
		return nil
	}
	// "save the following as wsgi.py in /home/deploy/app"
	return &intent{op: OpCreate, target: tok, dir: dirPhrase(s, v, next-1)}
}

// parseInside reads "create directory D, and inside it a file F with the
// following contents": F in the directory named before.
func parseInside(s sentence) *intent {
	for i := 0; i+1 < len(s); i++ {
		if s[i].literal || s[i].lower != "inside" && s[i].lower != "in" {
			continue
		}
		j := i + 1
		switch {
		case s.wordsAt(j, "it"), s.wordsAt(j, "there"):
			j++
		case s.wordsAt(j, "that", "directory"), s.wordsAt(j, "this", "directory"), s.wordsAt(j, "that", "folder"):
			j += 2
		default:
			continue
		}
		for j < len(s) && !s[j].literal && (s[j].lower == "create" || s[j].lower == "make" || s[j].lower == "put" || s[j].lower == ",") {
			j++
		}
		if tok, _, isDir := pathAt(s, j); tok != nil && !isDir {
			return &intent{op: OpCreate, target: tok, inDir: true, by: phrase(s, i, tok)}
		}
	}
	return nil
}

// copula reports whether the first words of r (up to limit) say what a
// file holds: asking for it ("should look like this", "with the following
// contents") or, indicative, only saying so ("looks like this", "contains
// the following").
func copula(r sentence, limit int) (match, indicative bool) {
	for m := 0; m < len(r) && m < limit; m++ {
		if r.wordsAt(m, "should", "be", "like") || r.wordsAt(m, "should", "look", "like") || r.wordsAt(m, "should", "be", "as", "follows") ||
			r.wordsAt(m, "should", "contain") || r.wordsAt(m, "should", "have", "these") || r.wordsAt(m, "should", "have", "the", "following") ||
			r.wordsAt(m, "must", "be", "like") || r.wordsAt(m, "must", "contain") || r.wordsAt(m, "must", "look", "like") ||
			r.wordsAt(m, "with", "the", "following", "contents") || r.wordsAt(m, "with", "the", "following", "content") ||
			r.wordsAt(m, "with", "these", "contents") || r.wordsAt(m, "with", "this", "content") || r.wordsAt(m, "should", "read") ||
			r.wordsAt(m, "should", "now", "look", "like") || r.wordsAt(m, "should", "now", "be") {
			return true, false
		}
		if r.wordsAt(m, "looks", "like", "this") || r.wordsAt(m, "has", "these", "contents") || r.wordsAt(m, "has", "the", "following") ||
			r.wordsAt(m, "contains", "the", "following") || r.wordsAt(m, "contains", "these") || r.wordsAt(m, "reads", "as", "follows") {
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
func restates(s sentence, subject int) bool {
	for _, w := range []string{"final", "finished", "complete", "completed", "resulting", "entire", "whole", "full"} {
		if s[:min(subject, len(s))].hasWords(w) {
			return true
		}
	}
	return s.hasWords("now") || s.hasWords("after", "these", "changes") || s.hasWords("after", "this", "change") ||
		s.hasWords("at", "this", "point") || s.hasWords("in", "the", "end")
}

// parseCopulaRef reads "It should look like this", "The file should
// contain the following", "That file now looks like this": the file named
// before.
func parseCopulaRef(s sentence) *intent {
	i := 0
	for i < len(s) && !s[i].literal && (s[i].lower == "now" || s[i].lower == "then" || s[i].lower == "afterwards" || s[i].lower == "," || s[i].lower == "so") {
		i++
	}
	ok, next := thatFileAt(s, i)
	if !ok && s.wordsAt(i, "the", "file") {
		ok, next = true, i+2
	}
	if !ok {
		return nil
	}
	r := s[next:]
	match, indicative := copula(r, 3)
	if !match || aboutLines(r) {
		return nil
	}
	op := OpCreate
	if restates(s, len(s)) {
		op = OpCheck
	}
	return &intent{op: op, ref: refThatFile, by: strings.TrimSpace(phrase(s, 0, nil)), describes: indicative, near: s.wordsAt(i, "it"), copula: true}
}

// parseCopula reads "X should be like this", "X should look like this",
// "make sure X has these contents", "a file X with the following
// contents", "X should now look like this" (a check).
func parseCopula(s sentence) *intent {
	for i := range s {
		tok := s[i]
		if classifyPath(tok, false) == notPath {
			continue
		}
		rest := s[i+1:]
		// skip "file", "now" after the path
		k := 0
		for k < len(rest) && !rest[k].literal && (fileNouns[rest[k].lower] || rest[k].lower == ",") {
			k++
		}
		r := rest[k:]
		check := restates(s, i)
		match, indicative := copula(r, 8)
		if !match || aboutLines(r) {
			continue
		}
		// "make sure X has these contents" asks for them; "X has these
		// contents" only says so.
		describes := indicative && !s[:i].hasWords("make", "sure") && !s[:i].hasWords("ensure") && !s[:i].hasWords("check", "that")
		if k := i - 1; k >= 0 && !s[k].literal && dirNouns[s[k].lower] {
			continue // a directory, not the file
		}
		op := OpCreate
		if check {
			op = OpCheck
		}
		t := s[i]
		by := strings.TrimSpace(phrase(s, 0, &t))
		return &intent{op: op, target: &s[i], by: by, describes: describes, copula: !r.hasWords("with")}
	}
	return nil
}
