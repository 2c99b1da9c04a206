package prose

import "strings"

// PathAt reads a path at i, after determiners and words for a file or a
// directory ("the file “x“", "a new directory “/srv“"). It returns
// the path's token (nil when there is none), the index after what it
// read, and whether a word for a directory came before it.
func (s Sentence) PathAt(i int) (tok *Token, next int, isDir bool) {
	named := false
	for i < len(s) && !s[i].Literal && (s[i].In(Determiner) || s[i].In(FileNoun) || s[i].In(DirNoun) || (s[i].Lower == "at" || s[i].Text == "," || ofItsOwn(s, i)) && named) {
		if s[i].In(FileNoun) {
			named = true
		}
		if s[i].In(DirNoun) {
			isDir, named = true, true
		}
		i++
	}
	if i < len(s) && s[i].IsPath(named) {
		return &s[i], i + 1, isDir
	}
	return nil, i, isDir
}

// ofItsOwn reports whether s[i] is a word of "of its own" ("a file of
// its own, X").
func ofItsOwn(s Sentence, i int) bool {
	return s.WordsAt(i, "of", "its", "own") || s.WordsAt(i-1, "of", "its", "own") || s.WordsAt(i-2, "of", "its", "own") ||
		s.WordsAt(i, "of", "their", "own") || s.WordsAt(i-1, "of", "their", "own") || s.WordsAt(i-2, "of", "their", "own")
}

// ThatFileAt reports whether a reference to the file named before starts
// at i: "that file", "this file", "the same file", "it"; and the index
// after it.
func (s Sentence) ThatFileAt(i int) (bool, int) {
	switch {
	case s.WordsAt(i, "that", "file"), s.WordsAt(i, "this", "file"):
		return true, i + 2
	case s.WordsAt(i, "the", "same", "file"):
		return true, i + 3
	case s.WordsAt(i, "it"):
		return true, i + 1
	}
	return false, i
}

// AnchorAt reads the line an insert goes before or after, at i: a literal
// or a quoted phrase, after "the line" or "the directive". It returns ""
// when there is none.
func (s Sentence) AnchorAt(i int) (string, int) {
	for i < len(s) && s[i].Word("the", "line", "directive") {
		i++
	}
	if i < len(s) && s[i].Literal {
		return s[i].Text, i + 1
	}
	if i < len(s) && s[i].Text == "\"" {
		var parts []string
		for k := i + 1; k < len(s); k++ {
			if s[k].Text == "\"" {
				return strings.Join(parts, " "), k + 1
			}
			parts = append(parts, s[k].Text)
		}
	}
	return "", i
}

// BlockAt reads "the X block", "the X section", "the [X] section" at i,
// and returns X.
func (s Sentence) BlockAt(i int) (string, int, bool) {
	if !s.WordsAt(i, "the") {
		return "", i, false
	}
	i++
	if i+1 < len(s) && s[i+1].Lower != "" && BlockNouns[s[i+1].Lower] {
		name := strings.Trim(s[i].Text, "<>")
		if name != "" && !strings.ContainsAny(name, " /") {
			return name, i + 2, true
		}
	}
	return "", i, false
}

// MentionsFile reports whether a sentence names a file (a path that is
// not a directory's).
func (s Sentence) MentionsFile() bool {
	for i, t := range s {
		named := i > 0 && s[i-1].In(FileNoun)
		if t.IsPath(named) && !strings.HasSuffix(t.Text, "/") {
			return true
		}
	}
	return false
}
