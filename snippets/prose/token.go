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
}

// token makes a token, with its path kinds worked out once: the rules
// ask them of every token of a sentence, again and again.
func token(text, lower string, literal bool, pos int) Token {
	t := Token{Text: text, Lower: lower, Literal: literal, Pos: pos}
	plain, named := classifyPath(t, false), NotPath
	if literal {
		named = classifyPath(t, true) // only a literal may be a bare name
	} else {
		named = plain
	}
	t.paths = classified | uint8(plain) | uint8(named)<<2
	return t
}

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
	// at most about a token in three bytes of text: sized once, the list is not
	// copied as it grows (it was half the time of tokenizing)
	toks := make([]Token, 0, textLen(inlines)/3+4)
	var walk func([]content.Inline)
	walk = func(in []content.Inline) {
		for _, x := range in {
			switch n := x.(type) {
			case *content.Text:
				toks = appendWords(toks, n.Value, n.Start)
			case *content.Literal:
				toks = append(toks, literal(n.Value, n.Start))
			case *content.Role:
				if literalRoles[n.Name] {
					toks = append(toks, literal(n.Target, n.Start))
				} else {
					toks = appendWords(toks, content.PlainText([]content.Inline{n}), n.Start)
				}
			case *content.Emphasis:
				walk(n.Children)
			case *content.Strong:
				walk(n.Children)
			case *content.Link:
				walk(n.Children)
			case *content.SubstRef:
				walk(n.Children)
			case *content.InlineTarget:
				walk(n.Children)
			case *content.LineBreak:
			default:
				toks = appendWords(toks, content.PlainText([]content.Inline{n}), n.Pos())
			}
		}
	}
	walk(inlines)
	return toks
}

// textLen returns about how many bytes of text inlines hold.
func textLen(inlines []content.Inline) int {
	n := 0
	for _, x := range inlines {
		switch x := x.(type) {
		case *content.Text:
			n += len(x.Value)
		case *content.Emphasis:
			n += textLen(x.Children)
		case *content.Strong:
			n += textLen(x.Children)
		case *content.Link:
			n += textLen(x.Children)
		default:
			n += 6 // a literal, a role: about one token
		}
	}
	return n
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
	i := 0
	for i < len(text) {
		for i < len(text) && isSpaceByte(text[i]) {
			i++
		}
		j := i
		for j < len(text) && !isSpaceByte(text[j]) {
			j++
		}
		if j > i {
			toks = appendWord(toks, text[i:j], pos+i)
		}
		i = j
	}
	return toks
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func punct(toks []Token, s string, pos int) []Token {
	for k := 0; k < len(s); k++ {
		toks = append(toks, Token{Text: s[k : k+1], Lower: s[k : k+1], Pos: pos + k, paths: classified}) // never a path
	}
	return toks
}

func appendWord(toks []Token, w string, pos int) []Token {
	n := 0
	for n < len(w) && strings.ContainsRune("(\"'", rune(w[n])) {
		n++
	}
	toks = punct(toks, w[:n], pos)
	w, pos = w[n:], pos+n
	if core := strings.TrimRight(w, ",;:)"); abbreviations[strings.ToLower(core)] {
		toks = append(toks, token(core, strings.ToLower(core), false, pos))
		return punct(toks, w[len(core):], pos+len(core))
	}
	// punctuation after a word ("settings.py." ends a sentence; the
	// path is "settings.py")
	end := len(w)
	for end > 0 && strings.ContainsRune(".,;:!?)\"'", rune(w[end-1])) {
		end--
	}
	if end > 0 {
		toks = append(toks, token(w[:end], strings.ToLower(w[:end]), false, pos))
	}
	return punct(toks, w[end:], pos+end)
}
