package infer

import (
	"strings"

	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

// readCreate reads "create X", "create the following script as X",
// "create a sample X page", "create that file", "inside that directory
// create a file NAME", "create NAME in /srv/app" at the verb v.
func readCreate(s prose.Sentence, v int) *Intent {
	j := v + 1
	if ok, _ := s.ThatFileAt(j); ok {
		return &Intent{Op: tree.Create, Ref: RefThatFile}
	}
	tok, _, isDir := s.PathAt(j)
	if tok == nil && !isDir {
		tok, isDir = createdName(s, j)
	}
	if isDir || tok == nil {
		return nil
	}
	in := &Intent{Op: tree.Create, Target: tok}
	after := s.Index(tok)
	in.Dir = dirPhrase(s, v, after)
	in.InDir, in.SameDir = whichDir(s, v, after)
	return in
}

// createdName reads the name after fillers: "create the following script
// as X", "create a sample X page", "create the server configuration
// (file) X".
func createdName(s prose.Sentence, j int) (*prose.Token, bool) {
	k := j
	for k < len(s) && k < j+5 && !s[k].Literal && (s[k].Is(prose.CreateFillers) || s[k].In(prose.Determiner) || s[k].In(prose.FileNoun)) {
		k++
	}
	if k < len(s) && !s[k].Literal && isPlainWord(s[k].Lower) {
		// a word saying which, then what it is
		m := k + 1
		for m < len(s) && (s[m].In(prose.FileNoun) || m > k+1 && s[m].Text == ",") {
			m++
		}
		if m > k+1 && m < len(s) && s[m].Literal {
			k = m
		}
	}
	if k < len(s) && s[k].Literal && k > j {
		tok, _, isDir := s.PathAt(k)
		return tok, isDir
	}
	return nil, false
}

// whichDir reads, around the verb at v and the name at name, "that
// directory", "in it" (inDir) or "the same directory" (sameDir).
func whichDir(s prose.Sentence, v, name int) (inDir, sameDir bool) {
	for k := max(v-4, 0); k < len(s) && k <= name+4; k++ {
		if k >= v && k <= name {
			continue
		}
		switch {
		case thatDir.Match(s, k):
			inDir = true
		case sameDirP.Match(s, k):
			sameDir = true
		}
	}
	return inDir, sameDir
}

var (
	thatDir  = prose.Compile("that directory", "this directory", "that folder", "inside it", "in it", "in there")
	sameDirP = prose.Compile("the same directory", "the same folder", "the same place")
)

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
	return !prose.CreateVerbs[w] && !prose.AddVerbs[w] && !prose.ChangeVerbs[w] && !prose.SaveVerbs[w]
}

// dirPhrase finds the directory a sentence puts a new file in: "create
// NAME in /srv/app", "... in the /srv/app directory", "In /srv/app,
// create NAME" (verb at v, name at name).
func dirPhrase(s prose.Sentence, v, name int) *prose.Token {
	at := func(k int) *prose.Token {
		for k < len(s) && s[k].Word("the", "directory", "folder") {
			k++
		}
		if k < len(s) && s[k].Literal && strings.HasPrefix(s[k].Text, "/") && s[k].IsPath(true) {
			return &s[k]
		}
		return nil
	}
	for k := name + 1; k < len(s) && k <= name+3; k++ {
		if s[k].Word("in", "inside", "under") {
			return at(k + 1)
		}
	}
	if v > 0 && s[0].Word("in", "inside", "under") {
		return at(1)
	}
	return nil
}

// createdDirs returns the directories a sentence says to create: "create
// directory D", for "inside that directory" later.
func createdDirs(s prose.Sentence) []prose.Token {
	var dirs []prose.Token
	for i, t := range s {
		if !t.Is(prose.CreateVerbs) {
			continue
		}
		j := i + 1
		for j < len(s) && s[j].In(prose.Determiner) {
			j++
		}
		if j < len(s) && s[j].In(prose.DirNoun) && j+1 < len(s) && s[j+1].IsPath(true) {
			dirs = append(dirs, s[j+1])
		}
	}
	return dirs
}

// readInside reads "create directory D, and inside it a file F with the
// following contents": F in the directory named before.
func readInside(s prose.Sentence) *Intent {
	for i := 0; i+1 < len(s); i++ {
		if !s[i].Word("inside", "in") {
			continue
		}
		j := i + 1
		switch {
		case s.WordsAt(j, "it"), s.WordsAt(j, "there"):
			j++
		case s.WordsAt(j, "that", "directory"), s.WordsAt(j, "this", "directory"), s.WordsAt(j, "that", "folder"):
			j += 2
		default:
			continue
		}
		for j < len(s) && s[j].Word("create", "make", "put", ",") {
			j++
		}
		if tok, _, isDir := s.PathAt(j); tok != nil && !isDir {
			return &Intent{Op: tree.Create, Target: tok, InDir: true, By: s.Phrase(i, tok)}
		}
	}
	return nil
}
