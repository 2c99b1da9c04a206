package shell

import (
	"fmt"
	"strings"
	"testing"
)

// dump formats effects and notes one a line: "line:col effect" and
// "note line:col: msg".
func dump(effs []Effect, notes []Note) string {
	var b strings.Builder
	for _, e := range effs {
		fmt.Fprintf(&b, "%d:%d %s\n", e.Line, e.Col, e)
	}
	for _, n := range notes {
		fmt.Fprintf(&b, "note %s\n", n)
	}
	return b.String()
}

type analyzeCase struct {
	name string
	lang string // "" means "bash"
	dir  string // State.Dir before the block
	text string
	want string
}

func runAnalyzeCases(t *testing.T, cases []analyzeCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lang := c.lang
			if lang == "" {
				lang = "bash"
			}
			st := &State{Dir: c.dir}
			effs, notes := Analyze(c.text, lang, st)
			got := dump(effs, notes)
			want := strings.TrimLeft(c.want, "\n")
			if got != want {
				t.Errorf("Analyze(%q)\ngot:\n%s\nwant:\n%s", c.text, got, want)
			}
		})
	}
}

// TestVarsAcrossBlocks: a variable set in one block, outside any
// condition, is known in the next, as the current directory is.
func TestVarsAcrossBlocks(t *testing.T) {
	st := &State{}
	Analyze("cd /etc\nCONF=/etc/$APP\nif true; then MAYBE=/x; fi", "bash", st)
	effs, notes := Analyze("echo d > $CONF/d\necho e > $MAYBE/e", "bash", st)
	got := dump(effs, notes)
	want := "1:1 write /etc/$APP/d \"d\\n\"\nnote 2:1: redirection: path \"$MAYBE/e\" not known: it uses $MAYBE, which an earlier block sets inside a conditional command\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
