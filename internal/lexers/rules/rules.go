// Package rules reads and compiles the rules of chroma's XML lexers as
// chroma does, and tells which characters each rule's expression can
// start a match with. The lexers package uses it when a lexer is first
// used, and its generator to write a table of those characters, so that
// both compile the same expressions the same way.
package rules

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"time"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
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

// Compile returns the compiled rules of a lexer of config with rules,
// as chroma's RegexLexer makes them when first used: the same rules in
// each state once the compile-time mutators (include, combined) have
// run. But it leaves their expressions to the caller, to compile when
// first needed (Expr, Regexp): a text tries only some of a lexer's
// rules. chroma also checks, as it compiles, that each ByGroups rule has
// as many groups as emitters; gen has compiled and checked every XML
// lexer.
func Compile(config *chroma.Config, rules chroma.Rules) (chroma.CompiledRules, error) {
	if _, ok := rules["root"]; !ok {
		return nil, fmt.Errorf("%s: no \"root\" state", config.Name)
	}
	compiled := chroma.CompiledRules{}
	for state, rs := range rules {
		compiled[state] = nil
		for _, r := range rs {
			compiled[state] = append(compiled[state], &chroma.CompiledRule{Rule: r})
		}
	}
	// chroma's loop: a mutator changes the rules, so each starts over
restart:
	seen := map[chroma.LexerMutator]bool{}
	for state := range compiled {
		for i := range len(compiled[state]) {
			m, ok := compiled[state][i].Mutator.(chroma.LexerMutator)
			if !ok {
				continue
			}
			if seen[m] {
				return nil, fmt.Errorf("%s: saw mutator %T twice", config.Name, m)
			}
			seen[m] = true
			if err := m.MutateLexer(compiled, state, i); err != nil {
				return nil, fmt.Errorf("%s: %w", config.Name, err)
			}
			goto restart
		}
	}
	return compiled, nil
}

// Expr is the expression chroma compiles for a rule of a lexer of config
// with pattern: anchored where the last match ended, with the flags of
// config.
func Expr(config *chroma.Config, pattern string) string {
	flags := ""
	if !config.NotMultiline {
		flags += "m"
	}
	if config.CaseInsensitive {
		flags += "i"
	}
	if config.DotAll {
		flags += "s"
	}
	expr := "(?:" + pattern + ")"
	if flags != "" {
		expr = "(?" + flags + ")" + expr
	}
	return `\G` + expr
}

// Regexp compiles expr as chroma does.
func Regexp(expr string) (*regexp2.Regexp, error) {
	re, err := regexp2.Compile(expr)
	if err != nil {
		return nil, err
	}
	re.MatchTimeout = matchTimeout
	return re, nil
}

// matchTimeout is chroma's limit on one match.
const matchTimeout = 250 * time.Millisecond

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
