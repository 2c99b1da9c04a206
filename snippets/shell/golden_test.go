package shell

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tailordocs/tailor/internal/txtar"
)

// TestGolden runs the scenarios of testdata/analyze: each archive holds a
// sequence of blocks ("1.bash", "2.console", "3.untagged", ...) analysed in
// order with one State, the starting directory in "dir" (optional), and
// the expected result in "want". go test -update rewrites "want".
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "analyze", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(data)
			got := runScenario(t, a)
			if *update {
				setFile(a, "want", got)
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, ok := a.Get("want")
			if !ok {
				t.Fatal(`no "want" file (run go test -update)`)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func runScenario(t *testing.T, a *txtar.Archive) []byte {
	st := new(State)
	if d, ok := a.Get("dir"); ok {
		st.Dir = strings.TrimSpace(string(d))
	}
	var b bytes.Buffer
	for _, f := range a.Files {
		num, lang, ok := strings.Cut(f.Name, ".")
		if !ok || strings.Trim(num, "0123456789") != "" {
			continue
		}
		fmt.Fprintf(&b, "# block %s (%s)\n", num, lang)
		text := string(f.Data)
		if lang == "untagged" {
			lang = ""
			looks := LooksLikeShell(text)
			fmt.Fprintf(&b, "looks like shell: %v\n", looks)
			if !looks {
				continue
			}
		} else if !IsShell(lang) {
			t.Fatalf("%s: %q is not a shell language", f.Name, lang)
		}
		effs, notes := Analyze(text, lang, st)
		for _, e := range effs {
			fmt.Fprintf(&b, "%d:%d %s\n", e.Line, e.Col, e)
			fmt.Fprintf(&b, "    cmd: %s\n", e.Cmd)
		}
		for _, n := range notes {
			fmt.Fprintf(&b, "note %s\n", n)
		}
		fmt.Fprintf(&b, "dir: %s\n", st.Dir)
	}
	return b.Bytes()
}

func setFile(a *txtar.Archive, name string, data []byte) {
	for i := range a.Files {
		if a.Files[i].Name == name {
			a.Files[i].Data = data
			return
		}
	}
	a.Files = append(a.Files, txtar.File{Name: name, Data: data})
}
