package site

import (
	"regexp"
	"strings"
	"testing"
)

// FuzzShellPrompt: shellPrompt finds the prompt that this expression
// finds at the start of a line, for any line.
func FuzzShellPrompt(f *testing.F) {
	re := regexp.MustCompile(`^(?:\([^()\s]{1,64}\) ?)?(?:\[[^\]\n]{1,128}\]|[A-Za-z0-9@:~/._+-]{0,128})[$#%](?: |\t|$)`)
	for _, s := range []string{
		"$ ls", "# apt install nginx", "%", "user@host:~/src$ make", "[root@host etc]# ls", "(venv) $ pip",
		"(venv)$ x", "(a b) $ x", "() $ x", "(venv)  $ x", "[] $", "[a\nb]$ x", "$x", "$\tx", "ls -la",
		"(" + strings.Repeat("v", 64) + ") $ x", "(" + strings.Repeat("v", 65) + ") $ x",
		strings.Repeat("a", 128) + "$ x", strings.Repeat("a", 129) + "$ x",
		"[" + strings.Repeat("é", 128) + "]# x", "[" + strings.Repeat("é", 129) + "]# x",
		"(\xff)$ ", "(v\v)$ ", "[\xff]$", "é$ x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		want, wantOK := 0, false
		if m := re.FindStringIndex(line); m != nil {
			want, wantOK = m[1], true
		}
		if got, ok := shellPrompt(line); got != want || ok != wantOK {
			t.Errorf("shellPrompt(%q) = %d, %v; want %d, %v", line, got, ok, want, wantOK)
		}
	})
}
