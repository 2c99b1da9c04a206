//go:build unix

package drift

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestWithinSystemRoot: with the system's own root, every link is
// followed, wherever it points.
func TestWithinSystemRoot(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "f"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Symlink("f", filepath.Join(dir, "rel"))
	os.Symlink(filepath.Join(dir, "f"), filepath.Join(dir, "abs"))
	for _, name := range []string{"rel", "abs"} {
		got, err := within(afero.NewOsFs(), "/", filepath.ToSlash(filepath.Join(dir, name)), true)
		if err != nil || got != filepath.ToSlash(filepath.Join(dir, "f")) {
			t.Errorf("%s: %q, %v", name, got, err)
		}
	}
}

func TestFindBlock(t *testing.T) {
	const b, e = "# BEGIN tailor", "# END tailor"
	for _, tc := range []struct {
		text  string
		block string
		where int
	}{
		{"a\n# BEGIN tailor\nx\ny\n# END tailor\nb\n", "x\ny\n", blockFound},
		{"a\r\n  # BEGIN tailor \r\nx\r\n# END tailor\r\n", "x\n", blockFound},
		{"# BEGIN tailor\n# END tailor", "", blockFound},
		{"a\n# BEGIN tailor\nx\n", "", blockMissing},
		{"a\n", "", blockMissing},
		{"# BEGIN tailor\nx\n# END tailor\n# BEGIN tailor\ny\n# END tailor\n", "", blockTwice},
		{strings.Repeat("z", 200<<10) + "\n# BEGIN tailor\nx\n# END tailor\n", "x\n", blockFound},
	} {
		block, where, err := findBlock(strings.NewReader(tc.text), b, e, 1<<20)
		if err != nil || string(block) != tc.block || where != tc.where {
			t.Errorf("findBlock(%.30q) = %q, %d, %v; want %q, %d", tc.text, block, where, err, tc.block, tc.where)
		}
	}
}
