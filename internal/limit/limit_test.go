package limit

import (
	"errors"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

func TestTOML(t *testing.T) {
	deep := strings.Repeat("{a=", MaxDepth+1) + "1" + strings.Repeat("}", MaxDepth+1)
	for _, tc := range []struct {
		src  string
		at   int // -1: within the bounds
		what string
	}{
		{"A = 1\nB = { env = \"X\" }\ntags = [\"a\", \"b\"]\n", -1, ""},
		{"A = " + strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth), -1, ""},
		{"A = " + strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), 4 + MaxDepth, "nested"},
		{"A = " + deep, 4 + 3*MaxDepth, "nested"},
		{"A" + strings.Repeat(".a", MaxKeyParts) + " = 1", 1 + 2*(MaxKeyParts-1), "dotted"},
		{"[A" + strings.Repeat(".a", MaxKeyParts) + "]\nb = 1", 2 + 2*(MaxKeyParts-1), "dotted"},
		{"[[A" + strings.Repeat(".a", MaxKeyParts-1) + "]]\nb = 1", -1, ""},
		{"A = { b" + strings.Repeat(".c", MaxKeyParts) + " = 1 }", 7 + 2*(MaxKeyParts-1), "dotted"},
		// brackets, braces and dots in strings and comments count for nothing
		{"A = \"" + strings.Repeat("[{.", 100) + "\" # " + strings.Repeat("[", 100) + "\n", -1, ""},
		{"A = '''" + strings.Repeat("[", 100) + "'''\nB = \"\"\"x\\\"\"\"\"\" \n", -1, ""},
		{"\"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q\" = 1", -1, ""},
		{"A = 1.5\nB = 1979-05-27T07:32:00Z\nC = [1.0, 2.5]\n", -1, ""},
	} {
		at, what := TOML([]byte(tc.src))
		if at != tc.at || !strings.Contains(what, tc.what) {
			t.Errorf("TOML(%.40q) = %d, %q; want %d, %q", tc.src, at, what, tc.at, tc.what)
		}
	}
}

func TestReadFile(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/small", []byte("0123456789"), 0o644)
	if data, err := ReadFile(fsys, "/small", 10); err != nil || string(data) != "0123456789" {
		t.Errorf("ReadFile(10 bytes, limit 10) = %q, %v", data, err)
	}
	_, err := ReadFile(fsys, "/small", 9)
	var big *TooBigError
	if !errors.As(err, &big) || string(big.Data) != "012345678" {
		t.Errorf("ReadFile(10 bytes, limit 9) = %v, want a TooBigError with the first 9 bytes", err)
	}
	fsys.Mkdir("/dir", 0o755)
	if _, err := ReadFile(fsys, "/dir", 9); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("ReadFile(a directory) = %v", err)
	}
}
