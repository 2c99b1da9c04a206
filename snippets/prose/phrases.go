package prose

import "strings"

// Phrases is a table of phrases of words, matched against a sentence in
// one pass over its tokens.
type Phrases struct {
	first map[string][][]string // by first word: the phrases, as words
}

// NewPhrases returns the table of the phrases, each a string of words
// separated by single spaces.
func NewPhrases(list ...string) *Phrases {
	p := &Phrases{first: map[string][][]string{}}
	for _, s := range list {
		w := strings.Fields(s)
		p.first[w[0]] = append(p.first[w[0]], w)
	}
	return p
}

// In reports whether one of the phrases is in s, as whole words.
func (p *Phrases) In(s Sentence) bool {
	for i, t := range s {
		if t.Literal {
			continue
		}
		for _, w := range p.first[t.Lower] {
			if s.WordsAt(i, w...) {
				return true
			}
		}
	}
	return false
}
