package prose

import (
	"fmt"
	"strings"
)

// A Pattern matches a run of tokens, written the way the sentence reads:
//
//	"at|to the end of"    words; "a|b" is either word
//	"[the] end"           a word in brackets may be left out
//	"{det}* {file-noun}"  a word of a class of the lexicon; "*": any number
//	"{literal} {path}"    an inline literal; a path
//	"{punct}"             a punctuation mark
//
// A Pattern compiled from several strings matches any one of them. Words
// never match inline literals.
type Pattern struct {
	alts [][]elem
	src  []string
}

type elem struct {
	words    []string // any of these words
	class    func(Token) bool
	optional bool
	repeat   bool
}

var classes = map[string]func(Token) bool{
	"det":       func(t Token) bool { return t.In(Determiner) },
	"file-noun": func(t Token) bool { return t.In(FileNoun) },
	"dir-noun":  func(t Token) bool { return t.In(DirNoun) },
	"object":    func(t Token) bool { return t.Is(ObjectWords) },
	"literal":   func(t Token) bool { return t.Literal },
	"path":      func(t Token) bool { return t.IsPath(false) },
	"punct":     func(t Token) bool { return t.IsPunct() },
	"word":      func(t Token) bool { return !t.Literal && !t.IsPunct() },
}

// Compile returns the pattern matching any of srcs. It panics on a
// pattern that does not parse: patterns are written in the program.
func Compile(srcs ...string) *Pattern {
	p := &Pattern{src: srcs}
	for _, src := range srcs {
		var seq []elem
		for _, f := range strings.Fields(src) {
			seq = append(seq, compileElem(f))
		}
		p.alts = append(p.alts, seq)
	}
	return p
}

func compileElem(f string) elem {
	var e elem
	if strings.HasSuffix(f, "*") {
		e.repeat, f = true, strings.TrimSuffix(f, "*")
	}
	if strings.HasPrefix(f, "[") && strings.HasSuffix(f, "]") {
		e.optional, f = true, f[1:len(f)-1]
	}
	if strings.HasPrefix(f, "{") && strings.HasSuffix(f, "}") {
		c := classes[f[1:len(f)-1]]
		if c == nil {
			panic(fmt.Sprintf("prose: unknown class %s", f))
		}
		e.class = c
		return e
	}
	e.words = strings.Split(f, "|")
	return e
}

func (e elem) match(t Token) bool {
	if e.class != nil {
		return e.class(t)
	}
	return t.Word(e.words...)
}

// At reports whether the pattern matches the tokens at i, and the index
// after the match.
func (p *Pattern) At(s Sentence, i int) (int, bool) {
	for _, seq := range p.alts {
		if end, ok := matchSeq(seq, s, i); ok {
			return end, true
		}
	}
	return i, false
}

func matchSeq(seq []elem, s Sentence, i int) (int, bool) {
	for _, e := range seq {
		switch {
		case e.repeat:
			for i < len(s) && e.match(s[i]) {
				i++
			}
		case i < len(s) && e.match(s[i]):
			i++
		case !e.optional:
			return i, false
		}
	}
	return i, true
}

// Match reports whether the pattern matches the tokens at i.
func (p *Pattern) Match(s Sentence, i int) bool {
	_, ok := p.At(s, i)
	return ok
}

// Find returns the index of the first match in s, or -1.
func (p *Pattern) Find(s Sentence) int {
	for i := range s {
		if _, ok := p.At(s, i); ok {
			return i
		}
	}
	return -1
}

// In reports whether the pattern matches anywhere in s.
func (p *Pattern) In(s Sentence) bool { return p.Find(s) >= 0 }

// Is reports whether the pattern matches the whole of s.
func (p *Pattern) Is(s Sentence) bool {
	for _, seq := range p.alts {
		if end, ok := matchSeq(seq, s, 0); ok && end == len(s) {
			return true
		}
	}
	return false
}

// String returns the pattern as written.
func (p *Pattern) String() string { return strings.Join(p.src, " / ") }
