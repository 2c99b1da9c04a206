package txtar

import (
	"bytes"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	in := []byte("about\n-- a.rst --\nA\n=\n-- empty --\n-- b/c.toml --\nX = 1")
	a := Parse(in)
	if string(a.Comment) != "about\n" || len(a.Files) != 3 {
		t.Fatalf("Parse = %q, %d files", a.Comment, len(a.Files))
	}
	if d, _ := a.Get("b/c.toml"); string(d) != "X = 1\n" {
		t.Errorf("b/c.toml = %q", d)
	}
	if d, ok := a.Get("empty"); !ok || len(d) != 0 {
		t.Errorf("empty = %q, %v", d, ok)
	}
	want := []byte("about\n-- a.rst --\nA\n=\n-- empty --\n-- b/c.toml --\nX = 1\n")
	if got := Format(a); !bytes.Equal(got, want) {
		t.Errorf("Format = %q", got)
	}
}
