package prose

import (
	"strings"

	"github.com/tailordocs/tailor/content"
)

// A Sentence is a run of tokens ended by ".", "!", "?" or the end of the
// paragraph.
type Sentence []Token

// Sentences cuts tokens into sentences.
func Sentences(toks []Token) []Sentence {
	var out []Sentence
	start := 0
	for i, t := range toks {
		if !t.Literal && (t.Text == "." || t.Text == "!" || t.Text == "?") {
			if i+1 > start {
				out = append(out, Sentence(toks[start:i+1]))
			}
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, Sentence(toks[start:]))
	}
	return out
}

// Read returns the sentences of a paragraph's inline content.
func Read(inlines []content.Inline) []Sentence { return Sentences(Tokenize(inlines)) }

// Text returns the sentence as written, words separated by one space.
func (s Sentence) Text() string {
	var b strings.Builder
	for i, t := range s {
		if i > 0 && !(t.IsPunct() && t.Text != "(" && t.Text != "\"") && s[i-1].Text != "(" {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// Lower returns the sentence in lower case, its tokens separated by
// single spaces.
func (s Sentence) Lower() string {
	parts := make([]string, len(s))
	for i, t := range s {
		parts[i] = t.Lower
	}
	return strings.Join(parts, " ")
}

// WordsAt reports whether the tokens at i are the words, none a literal.
func (s Sentence) WordsAt(i int, words ...string) bool {
	if i < 0 {
		return false
	}
	for k, w := range words {
		if i+k >= len(s) || s[i+k].Literal || s[i+k].Lower != w {
			return false
		}
	}
	return true
}

// HasWords reports whether the words appear in s, in a row.
func (s Sentence) HasWords(words ...string) bool {
	for i := range s {
		if s.WordsAt(i, words...) {
			return true
		}
	}
	return false
}

// HasAny reports whether s has a word of the set.
func (s Sentence) HasAny(w Words) bool {
	for _, t := range s {
		if t.Is(w) {
			return true
		}
	}
	return false
}

// EndsWithColon reports whether the sentence ends with ":", as one that
// introduces a block does.
func (s Sentence) EndsWithColon() bool { return len(s) > 0 && s[len(s)-1].Text == ":" }

// EndsWithPeriod reports whether the sentence ends with ".".
func (s Sentence) EndsWithPeriod() bool { return len(s) > 0 && s[len(s)-1].Text == "." }

// Index returns the index of the token at offset pos, or -1.
func (s Sentence) Index(tok *Token) int {
	for i := range s {
		if &s[i] == tok {
			return i
		}
	}
	return -1
}

// Phrase is the part of the sentence from v on, without the token skip
// and without the punctuation at its end, on one line: what "by" says in
// the plan and the manifest.
func (s Sentence) Phrase(v int, skip *Token) string {
	var keep Sentence
	for i := v; i < len(s); i++ {
		if skip != nil && s[i].Pos == skip.Pos && s[i].Literal == skip.Literal {
			continue
		}
		keep = append(keep, s[i])
	}
	for len(keep) > 0 && keep[len(keep)-1].IsPunct() {
		keep = keep[:len(keep)-1]
	}
	return strings.Join(strings.Fields(keep.Text()), " ")
}

// Negated reports whether the word at v is negated or set aside: "do not
// add", "never create", "instead of creating", "rather than adding",
// "avoid adding".
func (s Sentence) Negated(v int) bool {
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		if s[k].Literal {
			return false
		}
		switch {
		case s[k].Is(Negations):
			return true
		case s[k].Lower == "of" && k > 0 && s[k-1].Lower == "instead",
			s[k].Lower == "than" && k > 0 && s[k-1].Lower == "rather":
			return true
		}
	}
	return false
}
