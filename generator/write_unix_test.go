//go:build unix

package generator

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/spf13/afero"
)

// TestWriteTreeModes: on the system's file system, each file of a client
// gets its mode whatever the umask (here one that would take write from
// the group and others), and its bytes.
func TestWriteTreeModes(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	out := filepath.ToSlash(t.TempDir())
	files := map[string][]byte{
		"install.sh":             []byte("#!/bin/sh\n"),
		"manifest.json":          []byte("{}\n"),
		"rootfs/etc/app.conf":    []byte("a = 1\n"),
		"rootfs/etc/shared.conf": []byte("shared\n"),
		"rootfs/etc/secret":      make([]byte, 70000),
	}
	modes := map[string]os.FileMode{
		"install.sh":             0o755,
		"rootfs/etc/shared.conf": 0o666,
		"rootfs/etc/secret":      0o600,
	}
	if err := writeTree(afero.NewOsFs(), out, "c", files, modes, &staleTrees{}); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		want, ok := modes[name]
		if !ok {
			want = 0o644
		}
		p := filepath.Join(out, "c", name)
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", name, st.Mode().Perm(), want)
		}
		if got, _ := os.ReadFile(p); string(got) != string(data) {
			t.Errorf("%s: %d bytes, want %d", name, len(got), len(data))
		}
	}
}

// TestWriteNewRefusesWhatIsThere: a file is written new; a symbolic link
// already at its name is not written through.
func TestWriteNewRefusesWhatIsThere(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := writeNew(afero.NewOsFs(), link, []byte("new"), 0o644); err == nil {
		t.Error("wrote through a symbolic link")
	}
	if got, _ := os.ReadFile(target); string(got) != "kept" {
		t.Errorf("the link's target holds %q", got)
	}
}

// TestWriteNewSpecialBits: setuid, setgid and sticky reach the file, as
// they do through the os package.
func TestWriteNewSpecialBits(t *testing.T) {
	dir := t.TempDir()
	for _, mode := range []os.FileMode{0o755 | os.ModeSetgid, 0o755 | os.ModeSetuid, 0o644 | os.ModeSticky} {
		p := filepath.Join(dir, mode.String())
		if err := writeNew(afero.NewOsFs(), p, []byte("x"), mode); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode() != mode {
			t.Errorf("mode %v, want %v", st.Mode(), mode)
		}
	}
}
