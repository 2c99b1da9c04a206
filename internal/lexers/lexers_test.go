package lexers

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	chromalexers "github.com/alecthomas/chroma/v2/lexers"
	"github.com/tailordocs/tailor/internal/lexers/rules"
)

// sample has a little of many languages: tokens of every lexer are
// compared on it.
const sample = `#!/bin/sh
# comment
server { listen 80; server_name example.com; location / { proxy_pass http://127.0.0.1:8000; } }
<VirtualHost *:80>
    ServerName example.com
</VirtualHost>
[section]
key = "value" ; note
def f(x): return x + 1  # python
{"a": [1, 2.5, true, null]}
SELECT * FROM t WHERE id = 'x';
<?php echo "hi"; ?>
<html><body class="x">text</body></html>
GET /index.html HTTP/1.1
Host: example.com

$ echo "$HOME" | grep -v '^#' >> /etc/file
{{ .Value }} {% if x %}y{% endif %}
`

// TestMain checks, before any test looks a lexer up, that importing the
// package made no lexer: the registry is made when first used.
func TestMain(m *testing.M) {
	if GlobalLexerRegistry != nil || HTML != nil {
		fmt.Fprintln(os.Stderr, "the lexers were made at start-up: go generate ./internal/lexers")
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// TestSameAsChroma holds the copy to the chroma version in go.mod: the
// same lexers, in the same order, with the same configurations, found by
// the same names, giving the same tokens.
func TestSameAsChroma(t *testing.T) {
	if got, want := Names(true), chromalexers.Names(true); !reflect.DeepEqual(got, want) {
		t.Fatalf("names differ from chroma's: run go generate ./internal/lexers\n got %d: %v\nwant %d: %v", len(got), got, len(want), want)
	}
	names := chromalexers.Names(false)
	// and the names a tutorial's code blocks use, some resolved by file
	// pattern rather than by name
	names = append(names, "console", "sh", "shell-session", "nginx", "apache", "apacheconf", "ini", "cfg", "conf",
		"py", "python3", "yml", "json", "toml", "systemd", "Dockerfile", "docker-compose.yml", "php", "html",
		"jinja", "sql", "psql", "text", "caddy", "zone", "http", "go", "md", "rst", "crontab", "nonexistent")
	for _, name := range names {
		ours, theirs := Get(name), chromalexers.Get(name)
		if (ours == nil) != (theirs == nil) {
			t.Errorf("Get(%q): %v here, %v in chroma", name, ours, theirs)
			continue
		}
		if ours == nil {
			continue
		}
		if !reflect.DeepEqual(ours.Config(), theirs.Config()) {
			t.Errorf("Get(%q): configuration\n%+v here,\n%+v in chroma", name, ours.Config(), theirs.Config())
			continue
		}
		// some of chroma's lexers (JSONata's, Jungle's) give tokens
		// without end on the sample: the first 5,000 are compared
		got, err1 := tokensOf(ours, sample, 5000)
		want, err2 := tokensOf(theirs, sample, 5000)
		if (err1 == nil) != (err2 == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: tokens differ from chroma's (errors %v, %v)", name, err1, err2)
		}
	}
}

// TestFilesAsChroma compares the lexer definitions with those of the
// chroma module in go.mod, byte for byte, when the go command can say
// where that module is.
func TestFilesAsChroma(t *testing.T) {
	dir := chromaDir(t)
	theirs, _ := filepath.Glob(filepath.Join(dir, "lexers", "embedded", "*"))
	ours, _ := filepath.Glob(filepath.Join("embedded", "*"))
	if len(theirs) != len(ours) {
		t.Errorf("%d lexer files here, %d in chroma: run go generate ./internal/lexers", len(ours), len(theirs))
	}
	for _, f := range theirs {
		want, _ := os.ReadFile(f)
		got, err := os.ReadFile(filepath.Join("embedded", filepath.Base(f)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("embedded/%s differs from chroma's: run go generate ./internal/lexers", filepath.Base(f))
		}
	}
}

// chromaDir returns the directory of the chroma module in go.mod, when
// the go command can say.
func chromaDir(t *testing.T) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/alecthomas/chroma/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("cannot find chroma's module: %v", err)
	}
	return dir
}

// TestTokensAsChroma tokenises the texts of chroma's own lexer tests with
// the lexers here, which skip the rules that cannot match (fast.go), and
// with chroma's: the tokens are the same.
func TestTokensAsChroma(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(chromaDir(t), "lexers", "testdata", "*.actual"))
	compared := 0
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".actual")
		if _, ok := Get(name).(*lazyLexer); !ok {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		compared++
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sameTokens(t, name, string(data))
		})
	}
	if compared < 100 {
		t.Errorf("compared %d lexers' tests, want 100 or more", compared)
	}
}

// sameTokens checks that the lexer of name here and chroma's give the
// same tokens for text.
func sameTokens(t *testing.T, name, text string) {
	t.Helper()
	got, err1 := tokensOf(Get(name), text, 100000)
	want, err2 := tokensOf(chromalexers.Get(name), text, 100000)
	if (err1 == nil) != (err2 == nil) {
		t.Fatalf("%s: error %v here, %v in chroma", name, err1, err2)
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Fatalf("%s: token %d is %v here, %v in chroma", name, i, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%s: %d tokens here, %d in chroma", name, len(got), len(want))
	}
}

// tokensOf returns the first limit tokens the lexer gives for text.
func tokensOf(l chroma.Lexer, text string, limit int) ([]chroma.Token, error) {
	it, err := l.Tokenise(nil, text)
	if err != nil {
		return nil, err
	}
	var out []chroma.Token
	for tok := it(); tok != chroma.EOF && len(out) < limit; tok = it() {
		out = append(out, tok)
	}
	return out, nil
}

// tutorialLexers are the lexers tutorials' code blocks use most.
var tutorialLexers = []string{"bash", "console", "python", "nginx", "apache", "ini", "yaml", "json", "toml", "sql", "c", "systemd", "docker", "php", "javascript", "css", "powershell"}

// FuzzTokens checks, on any text, that the lexers tutorials use most give
// chroma's tokens.
func FuzzTokens(f *testing.F) {
	f.Add(sample)
	f.Add("a\r\nb\rc")
	f.Add("x = \"unterminated\nnext line\n")
	f.Add("échappé «ü» $(printf '%s' \"$x\")")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, name := range tutorialLexers {
			sameTokens(t, name, text)
		}
	})
}

// TestStarts checks the table of starts against the expressions the
// lexers compile: what gen wrote is what regexp2 says now.
func TestStarts(t *testing.T) {
	for _, name := range tutorialLexers {
		l, ok := Get(name).(*lazyLexer)
		if !ok {
			continue
		}
		if _, err := l.Tokenise(nil, ""); err != nil {
			t.Fatal(err)
		}
		for state, s := range l.compiled.states {
			for i, e := range s.exprs {
				want, ok := rules.StartsOf(e.src)
				if ok != (e.starts != nil) || ok && *e.starts != want {
					t.Errorf("%s: %s %d: starts %v in the table, %v (%v) now: run go generate ./internal/lexers", name, state, i, e.starts, want, ok)
				}
			}
		}
	}
}

// TestCompileAsChroma compiles the rules of every XML lexer as chroma
// does, and as rules.Compile does: the same rules in the same states,
// with the same expressions.
func TestCompileAsChroma(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles every lexer")
	}
	for path, config := range configs {
		raw, err := rules.FromXML(embedded, path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := rules.Compile(config, raw)
		if err != nil {
			t.Fatal(err)
		}
		want := chromaCompiled(t, config, raw)
		if len(got) != len(want) {
			t.Errorf("%s: %d states, %d in chroma", path, len(got), len(want))
			continue
		}
		for state, rs := range want {
			if len(got[state]) != len(rs) {
				t.Errorf("%s: %s: %d rules, %d in chroma", path, state, len(got[state]), len(rs))
				continue
			}
			for i, r := range rs {
				g := got[state][i]
				if g.Pattern != r.Pattern || !reflect.DeepEqual(g.Type, r.Type) || !reflect.DeepEqual(g.Mutator, r.Mutator) {
					t.Errorf("%s: %s %d: %+v, %+v in chroma", path, state, i, g.Rule, r.Rule)
				}
				if e := rules.Expr(config, g.Pattern); e != r.Regexp.String() {
					t.Errorf("%s: %s %d: expression %q, %q in chroma", path, state, i, e, r.Regexp.String())
				}
			}
		}
	}
}

// chromaCompiled returns the rules chroma compiles for a lexer of config
// with rules. chroma keeps them to itself: a rule in a state of its own
// receives them as chroma compiles, and takes its state out.
func chromaCompiled(t *testing.T, config *chroma.Config, rs chroma.Rules) chroma.CompiledRules {
	t.Helper()
	g := &grabber{}
	with := chroma.Rules{"\x00grab": {{Mutator: g}}}
	for state, r := range rs {
		with[state] = r
	}
	l, err := chroma.NewLexer(config, func() chroma.Rules { return with })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Tokenise(nil, ""); err != nil {
		t.Fatal(err)
	}
	return g.rules
}

type grabber struct{ rules chroma.CompiledRules }

func (g *grabber) Mutate(*chroma.LexerState) error { return nil }

func (g *grabber) MutateLexer(rules chroma.CompiledRules, state string, i int) error {
	g.rules = rules
	delete(rules, state) // chroma starts over after each mutator
	return nil
}

// BenchmarkTokenise tokenises the sample with the lexers here and with
// chroma's, which try every rule at every character, once each lexer is
// compiled.
func BenchmarkTokenise(b *testing.B) {
	for _, name := range []string{"bash", "python", "nginx", "yaml"} {
		for _, side := range []struct {
			name  string
			lexer chroma.Lexer
		}{{"here", Get(name)}, {"chroma", chromalexers.Get(name)}} {
			b.Run(name+"/"+side.name, func(b *testing.B) {
				if _, err := tokensOf(side.lexer, "", 100000); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(sample)))
				for b.Loop() {
					if _, err := tokensOf(side.lexer, sample, 100000); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestConcurrentTokenise tokenises with one lexer, new, on several
// goroutines at once, as the pages of a site are: each expression is
// compiled once, by whichever goroutine first tries it, and every
// goroutine gets the same tokens (go test -race checks the rest).
func TestConcurrentTokenise(t *testing.T) {
	load()
	l := Get("bash").(*lazyLexer)
	c, err := compile(l.from, l.path, l.config, l.registry)
	if err != nil {
		t.Fatal(err)
	}
	want, err := tokensOf(chromalexers.Get("bash"), sample, 100000)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			it := c.tokenise(nil, sample, l.registry)
			var got []chroma.Token
			for tok := it(); tok != chroma.EOF; tok = it() {
				got = append(got, tok)
			}
			if !reflect.DeepEqual(got, want) {
				t.Error("tokens differ from chroma's")
			}
		})
	}
	wg.Wait()
}

// TestRemappingAsChroma: the lexers that remap token types by word, whose
// table is made when they first tokenise, give chroma's tokens.
func TestRemappingAsChroma(t *testing.T) {
	for name, text := range map[string]string{
		"common-lisp": "(defun area (r &optional (pi 3.14)) (declare (fixnum r)) (let ((x (car r))) (* pi x x)))\n(defclass point (standard-object) ())\n",
		"emacs-lisp":  "(defun my-mode () (interactive) (when (bufferp x) (error \"no\")) (setq y (car x)))\n(defmacro m (&rest body) `(progn ,@body))\n",
		"go":          "package main\n\nvar t = `{{ .Name }} and text`\n",
	} {
		sameTokens(t, name, text)
	}
}
