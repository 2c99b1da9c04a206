// Package examples holds programs that use tailor as a library, and a test
// that builds them as a module of their own would.
package examples

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestConsumerModule builds and runs the examples from a module outside
// the repository that requires github.com/tailordocs/tailor, replaced by
// this checkout, as a program that embeds tailor would. It needs no
// network: the requirements come from the module cache.
func TestConsumerModule(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	if testing.Short() {
		t.Skip("builds two programs")
	}
	checkout, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	goMod := "module example.com/consumer\n\ngo 1.26.0\n\n" +
		"require github.com/tailordocs/tailor v0.0.0\n\n" +
		"replace github.com/tailordocs/tailor => " + filepath.ToSlash(checkout) + "\n"
	sum, err := os.ReadFile(filepath.Join(checkout, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "go.mod"), []byte(goMod))
	write(t, filepath.Join(dir, "go.sum"), sum)
	for _, example := range []string{"embed", "goldmark"} {
		src, err := os.ReadFile(filepath.Join(example, "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, example, "main.go"), src)
	}
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	for _, example := range []string{"embed", "goldmark"} {
		t.Run(example, func(t *testing.T) {
			cmd := exec.Command(goCmd, "run", "./"+example)
			cmd.Dir, cmd.Env = dir, env
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go run ./%s: %v\n%s", example, err, stderr.String())
			}
			want, err := os.ReadFile(filepath.Join("testdata", example+".out"))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != string(want) {
				t.Errorf("go run ./%s printed:\n%s\nwant:\n%s", example, out, want)
			}
		})
	}
}

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
