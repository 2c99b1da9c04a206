package snippets

import (
	"strings"
	"unicode"

	"github.com/tailordocs/tailor/content"
)

// A token is one word, punctuation mark or inline literal of the prose
// that introduces a code block.
type token struct {
	text    string // as written
	lower   string
	literal bool // an inline literal or a file-like role
	pos     int  // offset in the file
}

// isPunct reports whether the token is a punctuation mark.
func (t token) isPunct() bool {
	return !t.literal && len(t.text) == 1 && strings.ContainsRune(".,;:!?()\"'", rune(t.text[0]))
}

// A sentence is a run of tokens ended by ".", "!", "?" or the end of the
// paragraph.
type sentence []token

func (s sentence) text() string {
	var b strings.Builder
	for i, t := range s {
		if i > 0 && !(t.isPunct() && t.text != "(" && t.text != "\"") && !(i > 0 && s[i-1].text == "(") {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// tokenize flattens inline content into tokens.
func tokenize(inlines []content.Inline) []token {
	var toks []token
	var walk func([]content.Inline)
	walk = func(in []content.Inline) {
		for _, x := range in {
			switch n := x.(type) {
			case *content.Text:
				toks = appendWords(toks, n.Value, n.Start)
			case *content.Literal:
				toks = append(toks, token{text: n.Value, lower: strings.ToLower(n.Value), literal: true, pos: n.Start})
			case *content.Role:
				switch n.Name {
				case "file", "samp", "command", "program", "code", "literal":
					toks = append(toks, token{text: n.Target, lower: strings.ToLower(n.Target), literal: true, pos: n.Start})
				default:
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

// appendWords splits text into words, peeling punctuation off their ends.
func appendWords(toks []token, text string, pos int) []token {
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

var abbreviations = map[string]bool{"e.g.": true, "i.e.": true, "etc.": true, "vs.": true, "cf.": true}

func appendWord(toks []token, w string, pos int) []token {
	var lead []token
	for len(w) > 0 && strings.ContainsRune("(\"'", rune(w[0])) {
		lead = append(lead, token{text: w[:1], lower: w[:1], pos: pos})
		w, pos = w[1:], pos+1
	}
	toks = append(toks, lead...)
	var trail []token
	if abbreviations[strings.ToLower(strings.TrimRight(w, ",;:)"))] {
		core := strings.TrimRight(w, ",;:)")
		toks = append(toks, token{text: core, lower: strings.ToLower(core), pos: pos})
		w, pos = w[len(core):], pos+len(core)
		for k := 0; k < len(w); k++ {
			toks = append(toks, token{text: w[k : k+1], lower: w[k : k+1], pos: pos + k})
		}
		return toks
	}
	// punctuation after a word ("settings.py." ends a sentence; the
	// path is "settings.py")
	end := len(w)
	for end > 0 && strings.ContainsRune(".,;:!?)\"'", rune(w[end-1])) {
		end--
	}
	for i := end; i < len(w); i++ {
		trail = append(trail, token{text: w[i : i+1], lower: w[i : i+1], pos: pos + i})
	}
	if w = w[:end]; w != "" {
		toks = append(toks, token{text: w, lower: strings.ToLower(w), pos: pos})
	}
	return append(toks, trail...)
}

// sentences splits tokens into sentences.
func sentences(toks []token) []sentence {
	var out []sentence
	start := 0
	for i, t := range toks {
		if !t.literal && (t.text == "." || t.text == "!" || t.text == "?") {
			if i+1 > start {
				out = append(out, sentence(toks[start:i+1]))
			}
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, sentence(toks[start:]))
	}
	return out
}

// pathKind classifies a token that may name a file or directory.
type pathKind int

const (
	notPath pathKind = iota
	absPath
	relPath
	homePath
)

// classifyPath says whether a token looks like a path. Plain words must
// have a slash or an extension to count; literals may be bare names when
// named is true (right after "file", "named", ...).
func classifyPath(t token, named bool) pathKind {
	s := t.text
	if s == "" || strings.ContainsAny(s, " \t\n<>|*?{}[]\"'`,;()") || strings.Contains(s, "://") {
		return notPath
	}
	if strings.HasPrefix(s, "~") || userDirRef(s) {
		return homePath
	}
	if strings.HasPrefix(s, "$") && strings.Contains(s, "/") {
		return absPath // "$CONF_DIR/app.ini": absolute once filled in, which Render checks
	}
	if strings.HasPrefix(s, "/") {
		if len(s) < 2 {
			return notPath
		}
		return absPath
	}
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "$(") || strings.Contains(s, "=") || strings.Contains(s, "@") {
		return notPath
	}
	if allDigitsDots(s) {
		return notPath
	}
	if strings.Contains(s, "/") {
		return relPath
	}
	if strings.HasPrefix(s, ".") && len(s) > 1 && isWordish(s[1:]) {
		return relPath // dotfile
	}
	if dot := strings.LastIndexByte(s, '.'); dot > 0 && dot < len(s)-1 && isWordish(s[dot+1:]) && isWordish(strings.ReplaceAll(s[:dot], ".", "")) {
		return relPath
	}
	if named && t.literal && isWordish(s) {
		return relPath
	}
	return notPath
}

var userDirVars = []string{"$HOME", "${HOME}", "$PWD", "${PWD}", "$OLDPWD", "$XDG_CONFIG_HOME", "$TMPDIR"}

// userDirRef reports whether a path starts with a variable that names
// the reader's own directories ($HOME, $PWD, ...): no file of the server.
func userDirRef(s string) bool {
	if !strings.HasPrefix(s, "$") {
		return false
	}
	for _, v := range userDirVars {
		if rest, ok := strings.CutPrefix(s, v); ok && (rest == "" || rest[0] == '/') {
			return true
		}
	}
	return false
}

func allDigitsDots(s string) bool {
	for _, r := range s {
		if r != '.' && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isWordish(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r == '-' || r == '$' || r == '{' || r == '}' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// words of little meaning between a verb and its object.
var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "new": true, "your": true, "our": true, "my": true,
	"empty": true, "following": true, "this": true, "that": true, "these": true, "those": true,
}

var fileNouns = map[string]bool{
	"file": true, "files": true, "script": true, "config": true, "configuration": true,
	"unit": true, "service": true, "called": true, "named": true, "site": true,
	"timer": true, "socket": true, "drop-in": true, "override": true, "vhost": true,
	"template": true, "jail": true, "playbook": true, "snippet": true,
}

var dirNouns = map[string]bool{"directory": true, "folder": true, "dir": true, "directories": true}

// negative cues: the block shows what is there, or an example, or what
// not to do.
var negativeCues = []string{
	"among others", "for example", "e.g.", "an example", "for instance", "excerpt",
	"something like", "will look like", "would look like", "might look like",
	"you will see", "you should see", "will show", "the output", "it prints",
	"remove it", "delete it", "remove them", "delete them", "comment out",
	// a part of a file, not all of it
	"relevant part", "relevant parts", "relevant section", "relevant portion", "relevant lines", "portion of",
	// another machine than the server
	"on the client", "on your client", "on your local machine", "on your laptop", "on your workstation", "on your computer",
}

// negated reports whether the verb at v is negated or set aside: "do not
// add", "never create", "instead of creating", "rather than adding",
// "avoid adding".
func negated(s sentence, v int) bool {
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		if s[k].literal {
			return false
		}
		switch s[k].lower {
		case "not", "don't", "never", "avoid", "without", "no":
			return true
		case "of":
			if k > 0 && s[k-1].lower == "instead" {
				return true
			}
		case "than":
			if k > 0 && s[k-1].lower == "rather" {
				return true
			}
		}
	}
	return false
}

// hasCue reports whether the lower-cased sentence text contains one of
// the cues as whole words.
func hasCue(lower string, cues []string) bool {
	padded := " " + lower + " "
	for _, c := range cues {
		if i := strings.Index(padded, c); i > 0 {
			before, after := padded[i-1], padded[i+len(c)]
			if !isLetter(before) && !isLetter(after) {
				return true
			}
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lowerText is the sentence in lower case with single spaces.
func (s sentence) lowerText() string {
	parts := make([]string, len(s))
	for i, t := range s {
		parts[i] = t.lower
	}
	return strings.Join(parts, " ")
}

// wordsAt reports whether the non-literal tokens at i spell words.
func (s sentence) wordsAt(i int, words ...string) bool {
	for k, w := range words {
		if i+k >= len(s) || s[i+k].literal || s[i+k].lower != w {
			return false
		}
	}
	return true
}

// hasWords reports whether the words appear in s, in a row.
func (s sentence) hasWords(words ...string) bool {
	for i := range s {
		if s.wordsAt(i, words...) {
			return true
		}
	}
	return false
}
