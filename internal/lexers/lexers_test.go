package lexers

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromalexers "github.com/alecthomas/chroma/v2/lexers"
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
		got, err1 := tokens(ours)
		want, err2 := tokens(theirs)
		if (err1 == nil) != (err2 == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: tokens differ from chroma's (errors %v, %v)", name, err1, err2)
		}
	}
}

// tokens returns the first tokens the lexer gives for sample: some of
// chroma's lexers (JSONata's, Jungle's) give tokens without end on it.
func tokens(l chroma.Lexer) ([]chroma.Token, error) {
	it, err := l.Tokenise(nil, sample)
	if err != nil {
		return nil, err
	}
	var out []chroma.Token
	for t := it(); t != chroma.EOF && len(out) < 5000; t = it() {
		out = append(out, t)
	}
	return out, nil
}

// TestFilesAsChroma compares the lexer definitions with those of the
// chroma module in go.mod, byte for byte, when the go command can say
// where that module is.
func TestFilesAsChroma(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/alecthomas/chroma/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("cannot find chroma's module: %v", err)
	}
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
