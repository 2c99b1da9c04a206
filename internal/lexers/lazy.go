// Package lexers is chroma's lexers package, loaded lazily: chroma reads
// the configuration of every one of its lexers' XML files when a program
// starts (about half the start-up time of tailor); here only the lexers a
// build uses are read, when it first uses them.
//
// Everything but this file and fast.go is copied from
// github.com/alecthomas/chroma/v2 by gen (go generate ./internal/lexers),
// under chroma's license (COPYING). The copy changes two things:
// lexers.go registers each XML lexer through lazy, and the lexers that
// remap token types by word (Common Lisp's and Emacs Lisp's hold
// thousands of words) call typeRemappingLexer, which makes its table
// when they first tokenise. And what the package did at
// start-up (its variables' values, chroma's registry and the lexers
// written in Go, its init functions) is done by load, which the lookups
// (Get, Match, Names, ...) call first: importing the package costs
// nothing until a page shows code. index.go holds the configurations gen
// read with chroma's own reader, so that names, aliases and file
// patterns resolve as chroma resolves them.
//
// An XML lexer tokenises as chroma's would, but does not try a rule at a
// character its expression cannot start a match with (fast.go). gen
// works out these characters for every rule with regexp2's own analysis
// (starts.go), so that this costs nothing when a lexer is first used.
//
// The tests hold the copy to the chroma version in go.mod: the same
// names, configurations and tokens.
package lexers

//go:generate go run ./gen

import (
	"fmt"
	"io/fs"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

// lazy returns a lexer that stands for the XML lexer at path until it is
// used.
func lazy(from fs.FS, path string) chroma.Lexer {
	config := configs[path]
	if config == nil {
		panic(fmt.Sprintf("lexers: %s is not in index.go: run go generate ./internal/lexers", path))
	}
	return &lazyLexer{from: from, path: path, config: config}
}

// A lazyLexer is the XML lexer at path, read when it is first used:
// its configuration and analyser when first asked (load), its rules when
// it first tokenises (compiled). Its registry and analyser are set, as
// chroma sets them, when it is registered, before any use.
type lazyLexer struct {
	from     fs.FS
	path     string
	config   *chroma.Config
	registry *chroma.LexerRegistry
	analyser func(string) float32

	once  sync.Once
	lexer *chroma.RegexLexer
	err   error

	// the lexer that tokenises (fast.go)
	compileOnce sync.Once
	compiled    *compiled
	compileErr  error
}

func (l *lazyLexer) load() error {
	l.once.Do(func() {
		l.lexer, l.err = chroma.NewXMLLexer(l.from, l.path)
		if l.err != nil {
			return
		}
		l.lexer.SetRegistry(l.registry)
		if l.analyser != nil {
			l.lexer.SetAnalyser(l.analyser)
		}
	})
	return l.err
}

func (l *lazyLexer) Config() *chroma.Config { return l.config }

func (l *lazyLexer) Tokenise(options *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	l.compileOnce.Do(func() {
		l.compiled, l.compileErr = compile(l.from, l.path, l.config, l.registry)
	})
	if l.compileErr != nil {
		return nil, l.compileErr
	}
	return l.compiled.tokenise(options, text, l.registry), nil
}

func (l *lazyLexer) SetRegistry(registry *chroma.LexerRegistry) chroma.Lexer {
	l.registry = registry
	return l
}

func (l *lazyLexer) SetAnalyser(analyser func(text string) float32) chroma.Lexer {
	l.analyser = analyser
	return l
}

func (l *lazyLexer) AnalyseText(text string) float32 {
	if l.load() != nil {
		return 0
	}
	return l.lexer.AnalyseText(text)
}

// regexLexer returns the regular-expression lexer l is, or stands for.
func regexLexer(l chroma.Lexer) *chroma.RegexLexer {
	if z, ok := l.(*lazyLexer); ok {
		if err := z.load(); err != nil {
			panic(err)
		}
		return z.lexer
	}
	return l.(*chroma.RegexLexer)
}

// typeRemappingLexer is chroma's TypeRemappingLexer, with its table made
// when the lexer first maps a token rather than when it is registered.
func typeRemappingLexer(lexer chroma.Lexer, mapping chroma.TypeMapping) chroma.Lexer {
	lut := sync.OnceValue(func() map[chroma.TokenType]map[string]chroma.TokenType {
		lut := map[chroma.TokenType]map[string]chroma.TokenType{}
		for _, rt := range mapping {
			km, ok := lut[rt.From]
			if !ok {
				km = map[string]chroma.TokenType{}
				lut[rt.From] = km
			}
			if len(rt.Words) == 0 {
				km[""] = rt.To
			} else {
				for _, k := range rt.Words {
					km[k] = rt.To
				}
			}
		}
		return lut
	})
	return chroma.RemappingLexer(lexer, func(t chroma.Token) []chroma.Token {
		if k, ok := lut()[t.Type]; ok {
			if tt, ok := k[t.Value]; ok {
				t.Type = tt
			} else if tt, ok := k[""]; ok {
				t.Type = tt
			}
		}
		return []chroma.Token{t}
	})
}
