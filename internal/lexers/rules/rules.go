// Package rules reads and compiles the rules of chroma's XML lexers, and
// tells which characters each rule's expression can start a match with.
// The lexers package uses it when a lexer is first used, and its
// generator to write that table, so that both compile the same
// expressions the same way.
package rules

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2/syntax"
)

// FromXML reads the rules of the XML lexer at path, as chroma's
// NewXMLLexer does.
func FromXML(from fs.FS, path string) (chroma.Rules, error) {
	f, err := from.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lexer struct {
		chroma.Config
		Rules chroma.Rules `xml:"rules"`
	}
	if err := xml.NewDecoder(f).Decode(&lexer); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return lexer.Rules, nil
}

// Compile makes the lexer of config and rules, and compiles it, as
// chroma does when a lexer is first used. It returns the lexer and its
// compiled rules by state, which chroma keeps to itself: a first rule
// in state root hands them over when chroma compiles it, and takes
// itself out of them.
func Compile(config *chroma.Config, rules chroma.Rules, registry *chroma.LexerRegistry) (*chroma.RegexLexer, chroma.CompiledRules, error) {
	if _, ok := rules["root"]; !ok {
		return nil, nil, fmt.Errorf("%s: no \"root\" state", config.Name)
	}
	g := &grabber{}
	with := make(chroma.Rules, len(rules))
	for state, rs := range rules {
		with[state] = rs
	}
	if _, ok := rules[grabState]; ok {
		return nil, nil, fmt.Errorf("%s: a state is named %q", config.Name, grabState)
	}
	with[grabState] = []chroma.Rule{{Mutator: g}}
	l, err := chroma.NewLexer(config, func() chroma.Rules { return with })
	if err != nil {
		return nil, nil, err
	}
	if registry != nil {
		l.SetRegistry(registry)
	}
	// Tokenise compiles the rules, and reads nothing until asked
	if _, err := l.Tokenise(&chroma.TokeniseOptions{State: "root", Nested: true}, ""); err != nil {
		return nil, nil, err
	}
	if g.rules == nil {
		return nil, nil, fmt.Errorf("%s: chroma compiled the rules without handing them over", config.Name)
	}
	return l, g.rules, nil
}

// grabState is the state of the grabber: no lexer includes it, and no
// XML lexer can name it.
const grabState = "\x00grab"

// grabber is a rule that keeps the compiled rules chroma hands to each
// compile-time mutator, and takes its state out of them.
type grabber struct{ rules chroma.CompiledRules }

func (g *grabber) Mutate(*chroma.LexerState) error { return nil }

func (g *grabber) MutateLexer(rules chroma.CompiledRules, state string, i int) error {
	g.rules = rules
	// chroma starts over the rules after each mutator: deleting is safe
	delete(rules, state)
	return nil
}

// Starts is the ASCII characters a match of an expression can start
// with, one bit per character: a match that starts with an ASCII
// character not in it cannot be.
type Starts [2]uint64

// Has reports whether a match may start with r; any character beyond
// ASCII may.
func (s *Starts) Has(r rune) bool {
	if r < 0 || r >= utf8.RuneSelf {
		return true
	}
	return s[r>>6]&(1<<(r&63)) != 0
}

// StartsOf returns the characters a match of expr can start with, as
// regexp2 works them out to skip ahead in a search; false when a match
// may start anywhere: when expr can match nothing, or regexp2 cannot
// tell.
func StartsOf(expr string) (Starts, bool) {
	tree, err := syntax.Parse(expr, syntax.ParseOptions{})
	if err != nil {
		return Starts{}, false
	}
	code, err := syntax.Write(tree)
	if err != nil || code.FcPrefix == nil {
		return Starts{}, false
	}
	var s Starts
	set := code.FcPrefix.PrefixSet
	for c := rune(0); c < utf8.RuneSelf; c++ {
		if set.CharIn(c) {
			s[c>>6] |= 1 << (c & 63)
		}
	}
	return s, true
}

// Key is the key of expr in a table of Starts: its FNV-1a hash.
func Key(expr string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(expr); i++ {
		h ^= uint64(expr[i])
		h *= 1099511628211
	}
	return h
}
