package lexers

import (
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/tailordocs/tailor/internal/lexers/rules"
)

// A compiled lexer is an XML lexer's rules, compiled, with what each
// rule's expression can start a match with. Its tokens are chroma's:
// next is chroma's LexerState.Iterator, except that it does not try a
// rule on a character it cannot start with. Trying a rule costs regexp2
// about as much when the rule fails at once as when it matches, and
// most rules fail on most characters.
type compiled struct {
	lexer  *chroma.RegexLexer
	rules  chroma.CompiledRules
	states map[string]*state
}

// A state is the rules of a lexer's state, with the starts of each: nil
// where a match may start with anything.
type state struct {
	rules  []*chroma.CompiledRule
	starts []*rules.Starts
}

// keyStarts is an entry of the table starts (starts.go).
type keyStarts struct {
	key    uint64
	starts rules.Starts
}

// startsOf returns the starts of a rule's expression from the table, nil
// when it has none.
func startsOf(expr string) *rules.Starts {
	k := rules.Key(expr)
	i := sort.Search(len(starts), func(i int) bool { return starts[i].key >= k })
	if i < len(starts) && starts[i].key == k {
		return &starts[i].starts
	}
	return nil
}

// compile reads and compiles the lexer at path.
func compile(from fs.FS, path string, config *chroma.Config, registry *chroma.LexerRegistry) (*compiled, error) {
	rs, err := rules.FromXML(from, path)
	if err != nil {
		return nil, err
	}
	lexer, crs, err := rules.Compile(config, rs, registry)
	if err != nil {
		return nil, err
	}
	c := &compiled{lexer: lexer, rules: crs, states: make(map[string]*state, len(crs))}
	for name, rs := range crs {
		s := &state{rules: rs, starts: make([]*rules.Starts, len(rs))}
		for i, r := range rs {
			s.starts[i] = startsOf(r.Regexp.String())
		}
		c.states[name] = s
	}
	return c, nil
}

// tokenise is chroma's RegexLexer.Tokenise.
func (c *compiled) tokenise(options *chroma.TokeniseOptions, text string, registry *chroma.LexerRegistry) chroma.Iterator {
	if options == nil {
		options = &chroma.TokeniseOptions{State: "root", EnsureLF: true}
	}
	if options.EnsureLF {
		text = ensureLF(text)
	}
	newlineAdded := false
	if !options.Nested && c.lexer.Config().EnsureNL && !strings.HasSuffix(text, "\n") {
		text += "\n"
		newlineAdded = true
	}
	l := &lexing{
		LexerState: chroma.LexerState{
			Registry:       registry,
			Lexer:          c.lexer,
			Text:           []rune(text),
			Stack:          []string{options.State},
			Rules:          c.rules,
			MutatorContext: map[any]any{},
		},
		c:            c,
		root:         options.State,
		newlineAdded: newlineAdded,
	}
	return l.next
}

// ensureLF is chroma's: \r\n and \r become \n.
func ensureLF(text string) string {
	if strings.IndexByte(text, '\r') < 0 {
		return text
	}
	return strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
}

// lexing is a LexerState with what chroma's keeps to itself.
type lexing struct {
	chroma.LexerState
	c            *compiled
	iterators    []chroma.Iterator
	root         string
	newlineAdded bool
}

// next is chroma's LexerState.Iterator, but for the rules it does not
// try.
func (l *lexing) next() chroma.Token {
	end := len(l.Text)
	if l.newlineAdded {
		end--
	}
	for l.Pos < end && len(l.Stack) > 0 {
		if t, ok := l.pending(); ok {
			return t
		}
		l.State = l.Stack[len(l.Stack)-1]
		s, ok := l.c.states[l.State]
		if !ok {
			panic("unknown state " + l.State)
		}
		i, rule, groups, named := s.match(l.Text, l.Pos)
		if groups == nil {
			// as chroma does, after Pygments: an unmatched newline
			// goes back to the first state
			if l.Text[l.Pos] == '\n' && l.State != l.root {
				l.Stack = []string{l.root}
				continue
			}
			l.Pos++
			return chroma.Token{Type: chroma.Error, Value: string(l.Text[l.Pos-1 : l.Pos])}
		}
		l.Rule = i
		l.Groups = groups
		l.NamedGroups = named
		l.Pos += utf8.RuneCountInString(groups[0])
		if rule.Mutator != nil {
			if err := rule.Mutator.Mutate(&l.LexerState); err != nil {
				panic(err)
			}
		}
		if rule.Type != nil {
			l.iterators = append(l.iterators, rule.Type.Emit(l.Groups, &l.LexerState))
		}
	}
	if t, ok := l.pending(); ok {
		return t
	}
	if l.Pos != len(l.Text) && len(l.Stack) == 0 {
		value := string(l.Text[l.Pos:])
		l.Pos = len(l.Text)
		return chroma.Token{Type: chroma.Error, Value: value}
	}
	return chroma.EOF
}

// pending returns the next token of the emitters' iterators, if any.
func (l *lexing) pending() (chroma.Token, bool) {
	for len(l.iterators) > 0 {
		n := len(l.iterators) - 1
		t := l.iterators[n]()
		if t.Type == chroma.Ignore {
			continue
		}
		if t == chroma.EOF {
			l.iterators = l.iterators[:n]
			continue
		}
		return t, true
	}
	return chroma.Token{}, false
}

// match is chroma's matchRules: the first rule that matches at pos, its
// index, its groups and its named groups; nil groups when none does.
func (s *state) match(text []rune, pos int) (int, *chroma.CompiledRule, []string, map[string]string) {
	c := text[pos]
	for i, rule := range s.rules {
		if st := s.starts[i]; st != nil && !st.Has(c) {
			continue
		}
		match, err := rule.Regexp.FindRunesMatchStartingAt(text, pos)
		if match != nil && err == nil && match.RuneIndex == pos {
			groups := []string{}
			named := make(map[string]string)
			for _, g := range match.Groups() {
				named[g.Name] = g.String()
				groups = append(groups, g.String())
			}
			return i, rule, groups, named
		}
	}
	return 0, nil, nil, nil
}
