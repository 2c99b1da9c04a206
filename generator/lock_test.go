//go:build unix

package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// TestLockFileOS: on the system's file system one build at a time holds
// a lock, another waits and gives up with a message, and releasing it
// removes the file.
func TestLockFileOS(t *testing.T) {
	name := filepath.Join(t.TempDir(), ".tailor-lock-acme")
	fsys := afero.NewOsFs()
	unlock, err := lockFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	defer func(d time.Duration) { lockWait = d }(lockWait)
	lockWait = 50 * time.Millisecond
	if _, err := lockFile(fsys, name); err == nil || !strings.Contains(err.Error(), "another build has held") {
		t.Errorf("a second holder: %v", err)
	}
	unlock()
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Errorf("the lock file is left: %v", err)
	}
	unlock, err = lockFile(fsys, name)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	unlock()
}

// TestExchange swaps two directories in one step where the system can.
func TestExchange(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.MkdirAll(filepath.Join(a, "new"), 0o755)
	os.MkdirAll(filepath.Join(b, "old"), 0o755)
	err := exchange(afero.NewOsFs(), a, b)
	if err == errNoExchange {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(b, "new")); err != nil {
		t.Error("b is not the new tree")
	}
	if _, err := os.Stat(filepath.Join(a, "old")); err != nil {
		t.Error("a is not the old tree")
	}
	if err := exchange(afero.NewMemMapFs(), a, b); err != errNoExchange {
		t.Errorf("in memory: %v", err)
	}
}
