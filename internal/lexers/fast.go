package lexers

import (
	"fmt"
	"io/fs"
	"reflect"
	"sort"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
	"github.com/tailordocs/tailor/internal/lexers/rules"
)

// A compiled lexer is an XML lexer's rules, compiled as chroma compiles
// them, with what each rule's expression can start a match with. Its
// tokens are chroma's: next is chroma's LexerState.Iterator, except that
// it does not try a rule at a character it cannot start with, and that
// it compiles each expression when first tried. Trying a rule costs
// regexp2 about as much when the rule fails at once as when it matches,
// and most rules fail on most characters; a text tries about half of a
// lexer's rules.
type compiled struct {
	// lexer is chroma's lexer of the same rules, as the lexer of a
	// LexerState; it compiles nothing, as nothing tokenises with it:
	// the rules that tokenise part of a match with the lexer itself
	// (chroma's UsingSelf) do so with c (usingSelf).
	lexer    *chroma.RegexLexer
	registry *chroma.LexerRegistry
	rules    chroma.CompiledRules
	states   map[string]*state
}

// A state is the rules of a lexer's state, with their expressions.
type state struct {
	rules []*chroma.CompiledRule
	exprs []*expr
}

// An expr is a rule's expression, compiled when first needed, with what
// it can start a match with (nil: anything). Rules that include others
// share them, and so their exprs.
type expr struct {
	src    string
	starts *rules.Starts
	re     atomic.Pointer[regexp2.Regexp]
}

// regexp returns e compiled.
func (e *expr) regexp() *regexp2.Regexp {
	if re := e.re.Load(); re != nil {
		return re
	}
	re, err := rules.Regexp(e.src)
	if err != nil {
		// gen compiled every expression of embedded/
		panic(fmt.Sprintf("lexers: %s: %v: run go generate ./internal/lexers", e.src, err))
	}
	if !e.re.CompareAndSwap(nil, re) {
		return e.re.Load()
	}
	return re
}

// keyStarts is an entry of the table starts (starts.go).
type keyStarts struct {
	key    uint64
	starts rules.Starts
}

// startsOf returns the starts of an expression from the table, nil when
// it has none.
func startsOf(src string) *rules.Starts {
	k := rules.Key(src)
	i := sort.Search(len(starts), func(i int) bool { return starts[i].key >= k })
	if i < len(starts) && starts[i].key == k {
		return &starts[i].starts
	}
	return nil
}

// compile reads the lexer at path and compiles its rules.
func compile(from fs.FS, path string, config *chroma.Config, registry *chroma.LexerRegistry) (*compiled, error) {
	raw, err := rules.FromXML(from, path)
	if err != nil {
		return nil, err
	}
	crs, err := rules.Compile(config, raw)
	if err != nil {
		return nil, err
	}
	lexer, err := chroma.NewLexer(config, func() chroma.Rules { return raw })
	if err != nil {
		return nil, err
	}
	lexer.SetRegistry(registry)
	c := &compiled{lexer: lexer, registry: registry, rules: crs, states: make(map[string]*state, len(crs))}
	exprs := map[*chroma.CompiledRule]*expr{}
	for name, rs := range crs {
		s := &state{rules: rs, exprs: make([]*expr, len(rs))}
		for i, r := range rs {
			e := exprs[r]
			if e == nil {
				src := rules.Expr(config, r.Pattern)
				e = &expr{src: src, starts: startsOf(src)}
				exprs[r] = e
				r.Type, _ = c.own(r.Type)
			}
			s.exprs[i] = e
		}
		c.states[name] = s
	}
	return c, nil
}

// own returns emitter e with each of chroma's UsingSelf in it made a
// usingSelf of c, and whether it holds one: e itself when not.
func (c *compiled) own(e chroma.Emitter) (chroma.Emitter, bool) {
	s, ok := e.(chroma.SerialisableEmitter)
	if !ok {
		return e, false
	}
	field := func(name string) reflect.Value { return reflect.ValueOf(e).Elem().FieldByName(name) }
	switch s.EmitterKind() {
	case "usingself":
		return &usingSelf{c: c, state: field("State").String()}, true
	case "bygroups":
		if es, ok := c.ownAll(field("Emitters").Interface().(chroma.Emitters)); ok {
			return chroma.ByGroups(es...), true
		}
	case "usingbygroup":
		if es, ok := c.ownAll(field("Emitters").Interface().(chroma.Emitters)); ok {
			return chroma.UsingByGroup(int(field("SublexerNameGroup").Int()), int(field("CodeGroup").Int()), es...), true
		}
	}
	return e, false
}

// ownAll is own of each emitter of es.
func (c *compiled) ownAll(es chroma.Emitters) ([]chroma.Emitter, bool) {
	out := make([]chroma.Emitter, len(es))
	any := false
	for i, e := range es {
		var ok bool
		out[i], ok = c.own(e)
		any = any || ok
	}
	return out, any
}

// usingSelf is chroma's UsingSelf: the group is tokenised, from state, by
// the lexer whose rule matched it; here, with its compiled rules rather
// than with chroma's lexer, which would compile them all again.
type usingSelf struct {
	c     *compiled
	state string
}

func (u *usingSelf) Emit(groups []string, _ *chroma.LexerState) chroma.Iterator {
	return u.c.tokenise(&chroma.TokeniseOptions{State: u.state, Nested: true}, groups[0], u.c.registry)
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
		i, rule, groups := s.match(l.Text, l.Pos)
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
// index and its groups; nil groups when none does. chroma also gives the
// groups by name, for the emitter ByGroupNames, which an XML lexer
// cannot hold: nothing else reads them.
func (s *state) match(text []rune, pos int) (int, *chroma.CompiledRule, []string) {
	c := text[pos]
	for i, rule := range s.rules {
		e := s.exprs[i]
		if e.starts != nil && !e.starts.Has(c) {
			continue
		}
		match, err := e.regexp().FindRunesMatchStartingAt(text, pos)
		if match != nil && err == nil && match.RuneIndex == pos {
			gs := match.Groups()
			groups := make([]string, len(gs))
			for j, g := range gs {
				groups[j] = g.String()
			}
			return i, rule, groups
		}
	}
	return 0, nil, nil
}
