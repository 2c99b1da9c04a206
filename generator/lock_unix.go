//go:build unix

package generator

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// flockFile takes an exclusive flock(2) on the file name, made if need
// be, waiting up to wait. A lock taken on a file that another build has
// removed since it was opened is dropped and taken again on the file now
// at name. Releasing removes the file, then closes it: a build waiting on
// the removed file finds it gone and starts over.
func flockFile(name string, wait time.Duration) (func(), error) {
	deadline := time.Now().Add(wait)
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, err
		}
		for {
			err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
			if !errors.Is(err, unix.EWOULDBLOCK) && !errors.Is(err, unix.EINTR) {
				break
			}
			if time.Now().After(deadline) {
				f.Close()
				return nil, fmt.Errorf("another build has held %s for %v; is one stuck?", name, wait)
			}
			time.Sleep(10 * time.Millisecond)
		}
		if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
			f.Close()
			return nil, errNoFlock
		}
		if err != nil {
			f.Close()
			return nil, err
		}
		if sameFile(f, name) {
			return func() {
				os.Remove(name)
				f.Close()
			}, nil
		}
		f.Close() // released and removed meanwhile
	}
}

// sameFile reports whether the open file f is the one at name now.
func sameFile(f *os.File, name string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(name)
	if err != nil {
		return false
	}
	sa, okA := a.Sys().(*syscall.Stat_t)
	sb, okB := b.Sys().(*syscall.Stat_t)
	return okA && okB && sa.Dev == sb.Dev && sa.Ino == sb.Ino
}
