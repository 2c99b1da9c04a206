package infer

import (
	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

var (
	// what follows "change X" to make it the whole file
	changeToP = prose.Compile("to the following", "to this", "with the following", "with this", "to these",
		"so that it", "so it", "to look like", "to read", "as follows")
	soItP       = prose.Compile("so that it", "so it")
	contentsOfP = prose.Compile("the contents of", "the content of")

	containVerbs = prose.NewWords("contain contains include includes")
)

// readChange reads "change X to the following", "replace X with this",
// "change the default configuration to the following", "replace the
// contents of that file with:" at the verb v.
func readChange(s prose.Sentence, v int) *Intent {
	j := v + 1
	whole := s[v].Word("replace", "overwrite")
	if contentsOfP.Match(s, j) {
		j += 3
		whole = true
	}
	tok, next, isDir := s.PathAt(j)
	if isDir {
		return nil
	}
	end, that := next, false
	var np []string
	if ok, n := s.ThatFileAt(j); ok && tok == nil {
		if s.WordsAt(j, "it") && (partBefore(s, v) || s.HasWords("uncomment") || s.HasWords("commented")) {
			return nil // "Find the location / block and change it to:", "Uncomment it and change it": a part
		}
		that, end = true, n
	}
	if tok == nil && !that {
		if np, end = nounPhrase(s, j); np == nil {
			return nil
		}
	}
	if !changedWhole(s, v, end) {
		return nil
	}
	switch {
	case tok != nil:
		return &Intent{Op: tree.Create, Target: tok, Rule: "change.path", Whole: whole}
	case that:
		return &Intent{Op: tree.Create, Ref: RefThatFile, Rule: "change.that-file", Whole: whole}
	}
	return &Intent{Op: tree.Create, Ref: RefNounPhrase, NP: np, Rule: "change.noun-phrase", Whole: whole}
}

// nounPhrase reads a noun phrase at j, up to "to" or "with": its words
// without determiners, nil when it says too little to find a file.
func nounPhrase(s prose.Sentence, j int) ([]string, int) {
	var np []string
	k := j
	for k < len(s) && !s[k].Literal && !s[k].Word("to", "with", "so") && !s[k].IsPunct() {
		if !s[k].In(prose.Determiner) {
			np = append(np, s[k].Lower)
		}
		k++
	}
	if len(np) == 0 || len(np) > 4 || len(np) == 1 && prose.GenericNouns[np[0]] {
		return nil, k
	}
	return np, k
}

// changedWhole reports whether what follows the object of "change" at
// end says the block is the whole file: "to the following", "with
// this", "so that it looks like".
func changedWhole(s prose.Sentence, v, end int) bool {
	for k := end; k < len(s) && k <= end+6; k++ {
		if s.WordsAt(k, "with") && (k+1 == len(s) || s[k+1].IsPunct()) {
			return !aboutLines(s[end:]) // "replace the contents of X with:"
		}
		if soItP.Match(s, k) && s[v].Word("edit", "modify", "update") && (s.HasWords("contains") || s.HasWords("includes") || s.HasWords("has")) {
			// "Edit X so it contains:": the lines to have in it, among
			// the others it keeps; a step, not the whole file
			return false
		}
		if changeToP.Match(s, k) {
			// "edit X so that it contains the following line": a change
			// of some lines, which a merge cannot make
			return !aboutLines(s[end:])
		}
	}
	return false
}

// partBefore reports whether the words before the verb at v name a part
// of a file ("the location / block", "the line", "the setting"), which a
// following "it" then means.
func partBefore(s prose.Sentence, v int) bool {
	for _, t := range s[:v] {
		if t.Is(prose.PartNouns) {
			return true
		}
	}
	return false
}

// aboutLines reports whether a statement speaks of some lines of a file
// ("contains the following line") rather than the whole of it.
func aboutLines(r prose.Sentence) bool {
	for m := 0; m+1 < len(r) && m < 10; m++ {
		if r[m].Literal {
			continue
		}
		the := r[m].Lower == "the" && m > 0 && containVerbs[r[m-1].Lower]
		if (r[m].Word("following", "this", "these") || the) && prose.LineNouns[r[m+1].Lower] {
			return true
		}
	}
	return false
}

// namedAs returns the index of "as" after at most three words from j
// ("the whole site as", "your unit as"), or j when there is none.
func namedAs(s prose.Sentence, j int) int {
	for k := j; k < len(s) && k < j+3; k++ {
		if s[k].Word("as") {
			return k
		}
		if s[k].Literal || s[k].IsPunct() {
			break
		}
	}
	return j
}

// inAFile returns the index of "in" after at most two words from j when
// a file named by its path follows it ("the jail in a file of its own,
// X"), or j.
func inAFile(s prose.Sentence, j int) int {
	for k := j; k < len(s) && k < j+3; k++ {
		if s[k].Word("in", "into") {
			if k+1 < len(s) && s[k+1].In(prose.Determiner) {
				if tok, _, isDir := s.PathAt(k + 1); tok != nil && !isDir && k+2 < len(s) && s[k+2].In(prose.FileNoun) {
					return k
				}
			}
			return j
		}
		if s[k].Literal || s[k].IsPunct() {
			break
		}
	}
	return j
}

// readSave reads "save the following as X", "write this to X", "put the
// following in X", "save the following as wsgi.py in /srv/app" at the
// verb v.
func readSave(s prose.Sentence, v int) *Intent {
	j := v + 1
	for j < len(s) && (s[j].Is(prose.ObjectWords) || s[j].Word("file")) {
		j++ // "put this file into X": the block is the file
	}
	if j < len(s) && !s[j].Word("as", "to", "in", "into") {
		j = namedAs(s, j) // "save the whole site as X": whatever is named, as X
	}
	if j < len(s) && !s[j].Word("as", "to", "in", "into") {
		j = inAFile(s, j) // "put the jail in a file of its own, X"
	}
	if j >= len(s) || !s[j].Word("as", "to", "in", "into") {
		return nil
	}
	if ok, _ := s.ThatFileAt(j + 1); ok {
		return &Intent{Op: tree.Create, Ref: RefThatFile, Rule: "save.that-file"}
	}
	tok, next, isDir := s.PathAt(j + 1)
	if tok == nil || isDir {
		return nil
	}
	return &Intent{Op: tree.Create, Target: tok, Dir: dirPhrase(s, v, next-1), Rule: "save.as-path"}
}
