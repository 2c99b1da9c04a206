package prose

import (
	"strings"

	"github.com/tailordocs/tailor/content"
)

// A Token is one word, punctuation mark or inline literal of a paragraph.
type Token struct {
	Text    string // as written
	Lower   string // Text in lower case
	Pos     int    // byte offset in the file; -1 for a token made up by the reader
	Literal bool   // an inline literal or a file-like role (:file:)
	paths   uint8  // what ClassifyPath says of it, once the tokenizer has asked
	class   Class  // the classes of its word
}

// token makes a token, with its path kinds worked out once: the rules
// ask them of every token of a sentence, again and again.
func token(text, lower string, literal bool, pos int) Token {
	t := Token{Text: text, Lower: lower, Literal: literal, Pos: pos, class: wordClasses[lower]}
	plain, named := NotPath, NotPath
	switch {
	case literal:
		plain, named = classifyPath(t, false), classifyPath(t, true) // only a literal may be a bare name
	case hasAny(text, &pathMarks): // else a plain word
		plain = classifyPath(t, false)
		named = plain
	}
	t.paths = classified | uint8(plain) | uint8(named)<<2
	return t
}

// A Class is a word list that the reading asks of tokens again and
// again: a token knows which it belongs to from when it is made, with
// no look-up per question.
type Class uint8

const (
	Determiner Class = 1 << iota // a word of Determiners
	FileNoun                     // a word of FileNouns
	DirNoun                      // a word of DirNouns
)

// wordClasses are the classes of each word of a Class.
var wordClasses = func() map[string]Class {
	m := map[string]Class{}
	for c, words := range map[Class]Words{Determiner: Determiners, FileNoun: FileNouns, DirNoun: DirNouns} {
		for w := range words {
			m[w] |= c
		}
	}
	return m
}()

// In reports whether the token is a word (not a literal) of class c, as
// Is does for the class's list.
func (t Token) In(c Class) bool { return !t.Literal && t.class&c != 0 }

// IsPunct reports whether the token is a punctuation mark.
func (t Token) IsPunct() bool {
	return !t.Literal && len(t.Text) == 1 && strings.ContainsRune(".,;:!?()\"'", rune(t.Text[0]))
}

// Is reports whether the token is a word (not a literal) of the set.
func (t Token) Is(w Words) bool { return !t.Literal && w[t.Lower] }

// Word reports whether the token is one of the words, not a literal.
func (t Token) Word(words ...string) bool {
	if t.Literal {
		return false
	}
	for _, w := range words {
		if t.Lower == w {
			return true
		}
	}
	return false
}

// Tokenize flattens inline content into tokens: the words of text,
// emphasis and links, and each inline literal (or :file:, :samp:,
// :command: role) as one token.
func Tokenize(inlines []content.Inline) []Token {
	// the list is sized once, to what the parts hold: grown as it
	// fills, or sized by a guess, it was most of what a build allocates
	// reading prose
	parts := textParts(nil, inlines)
	n := 0
	for _, pt := range parts {
		if pt.literal {
			n++
		} else {
			n += maxTokens(pt.text)
		}
	}
	toks := make([]Token, 0, n)
	for _, pt := range parts {
		if pt.literal {
			toks = append(toks, literal(pt.text, pt.pos))
		} else {
			toks = appendWords(toks, pt.text, pt.pos)
		}
	}
	return toks
}

// A textPart is a text of a paragraph and where it starts: words, or a
// literal that is one token.
type textPart struct {
	text    string
	pos     int
	literal bool
}

// textParts appends the parts of inlines to parts: the text of text,
// emphasis and links, and each inline literal (or :file:, :samp:,
// :command: role).
func textParts(parts []textPart, inlines []content.Inline) []textPart {
	for _, x := range inlines {
		switch n := x.(type) {
		case *content.Text:
			parts = append(parts, textPart{n.Value, n.Start, false})
		case *content.Literal:
			parts = append(parts, textPart{n.Value, n.Start, true})
		case *content.Role:
			if literalRoles[n.Name] {
				parts = append(parts, textPart{n.Target, n.Start, true})
			} else {
				parts = append(parts, textPart{content.PlainText([]content.Inline{n}), n.Start, false})
			}
		case *content.Emphasis:
			parts = textParts(parts, n.Children)
		case *content.Strong:
			parts = textParts(parts, n.Children)
		case *content.Link:
			parts = textParts(parts, n.Children)
		case *content.SubstRef:
			parts = textParts(parts, n.Children)
		case *content.InlineTarget:
			parts = textParts(parts, n.Children)
		case *content.LineBreak:
		default:
			parts = append(parts, textPart{content.PlainText([]content.Inline{n}), n.Pos(), false})
		}
	}
	return parts
}

// maxTokens returns how many tokens appendWords makes of text at most:
// per word, its punctuation marks at either end and the word.
func maxTokens(text string) int {
	n := 0
	for i, j := nextWord(text, 0); i < j; i, j = nextWord(text, j) {
		w := text[i:j]
		start, end := peel(w)
		n += start + len(w) - end
		if end > start {
			n++
		}
	}
	return n
}

// nextWord returns the bounds of the first word of text at or after
// byte i; start == end when there is none.
func nextWord(text string, i int) (start, end int) {
	for i < len(text) && isSpaceByte(text[i]) {
		i++
	}
	end = i
	for end < len(text) && !isSpaceByte(text[end]) {
		end++
	}
	return i, end
}

// peel returns where the core of word w starts and ends: after the
// marks that open it, before those that close it.
func peel(w string) (start, end int) {
	for start < len(w) && strings.IndexByte(leadPunct, w[start]) >= 0 {
		start++
	}
	end = len(w)
	for end > start && strings.IndexByte(trailPunct, w[end-1]) >= 0 {
		end--
	}
	return start, end
}

// literalRoles are the reST roles whose text is a name, as a literal is.
var literalRoles = map[string]bool{"file": true, "samp": true, "command": true, "program": true, "code": true, "literal": true}

func literal(s string, pos int) Token {
	return token(s, strings.ToLower(s), true, pos)
}

// Literal returns a literal token made up by the reader, such as a path a
// shell step named.
func Literal(s string) Token { return literal(s, -1) }

// appendWords splits text into words, peeling punctuation off their ends.
func appendWords(toks []Token, text string, pos int) []Token {
	for i, j := nextWord(text, 0); i < j; i, j = nextWord(text, j) {
		toks = appendWord(toks, text[i:j], pos+i)
	}
	return toks
}

// isAbbreviation reports whether word is one of the abbreviations, which
// end with a period: most words are not looked up (nor lowered).
func isAbbreviation(word string) bool {
	return len(word) <= abbreviationLen && strings.HasSuffix(word, ".") && abbreviations[strings.ToLower(word)]
}

// abbreviationLen is the length of the longest abbreviation.
var abbreviationLen = func() int {
	n := 0
	for a := range abbreviations {
		n = max(n, len(a))
	}
	return n
}()

// leadPunct and trailPunct are the marks peeled off the start and the
// end of a word.
const (
	leadPunct  = "(\"'"
	trailPunct = ".,;:!?)\"'"
)

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func punct(toks []Token, s string, pos int) []Token {
	for k := 0; k < len(s); k++ {
		toks = append(toks, Token{Text: s[k : k+1], Lower: s[k : k+1], Pos: pos + k, paths: classified}) // never a path
	}
	return toks
}

func appendWord(toks []Token, w string, pos int) []Token {
	start, end := peel(w)
	toks = punct(toks, w[:start], pos)
	if core := strings.TrimRight(w[start:], ",;:)"); isAbbreviation(core) {
		toks = append(toks, token(core, strings.ToLower(core), false, pos+start))
		return punct(toks, w[start+len(core):], pos+start+len(core))
	}
	// punctuation after a word ("settings.py." ends a sentence; the
	// path is "settings.py")
	if end > start {
		toks = append(toks, token(w[start:end], strings.ToLower(w[start:end]), false, pos+start))
	}
	return punct(toks, w[end:], pos+end)
}
