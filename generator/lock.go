package generator

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/spf13/afero"
)

// lockWait bounds how long a build waits for a lock another build holds.
var lockWait = 2 * time.Minute

// lockFile takes the lock named name, waiting up to lockWait for another
// build that holds it, and returns what releases it. On the operating
// system's file system it is an flock(2) on the file, which the kernel
// releases when the process that holds it dies, however it dies; the file
// is removed on release. On another file system it is a file made with
// O_EXCL that holds a token of its own (see exclusiveFile), with a mutex
// for the builds of this process.
func lockFile(fsys afero.Fs, name string) (func(), error) {
	if _, ok := fsys.(*afero.OsFs); ok {
		if unlock, err := flockFile(name, lockWait); !errors.Is(err, errNoFlock) {
			return unlock, err
		}
	}
	mu, _ := inProcess.LoadOrStore(lockKey{fsys, name}, new(sync.Mutex))
	mu.(*sync.Mutex).Lock()
	unlock, err := exclusiveFile(fsys, name)
	if err != nil {
		mu.(*sync.Mutex).Unlock()
		return nil, err
	}
	return func() {
		unlock()
		mu.(*sync.Mutex).Unlock()
	}, nil
}

// inProcess holds a mutex per file system and lock name.
var inProcess sync.Map

type lockKey struct {
	fsys afero.Fs
	name string
}

// errNoFlock says that this system has no flock(2).
var errNoFlock = errors.New("no flock on this system")

// lockTries bounds the waits of 25 ms for a lock another build holds.
var lockTries = 200

// exclusiveFile takes the lock file name, made with O_EXCL so that one
// build at a time holds it, waiting a few seconds for another. The lock
// holds a token of its own: unlocking removes it only while it is still
// ours, and a lock older than a minute (a killed build's) is taken over by
// renaming it away first and checking that what was renamed is the stale
// lock seen, so that two builds cannot both take it.
func exclusiveFile(fsys afero.Fs, name string) (func(), error) {
	var tok [8]byte
	if _, err := rand.Read(tok[:]); err != nil {
		return nil, err
	}
	token := hex.EncodeToString(tok[:])
	for try := 0; try <= lockTries; try++ {
		f, err := fsys.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err == nil {
			_, werr := f.WriteString(token)
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				fsys.Remove(name)
				return nil, werr
			}
			return func() {
				if data, err := afero.ReadFile(fsys, name); err == nil && string(data) == token {
					fsys.Remove(name)
				}
			}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		if st, err := fsys.Stat(name); err == nil && !st.IsDir() && time.Since(st.ModTime()) > time.Minute {
			seen, _ := afero.ReadFile(fsys, name)
			away := name + "." + token
			if fsys.Rename(name, away) == nil {
				if now, _ := afero.ReadFile(fsys, away); bytes.Equal(now, seen) {
					fsys.Remove(away)
				} else {
					fsys.Rename(away, name) // another build's fresh lock: give it back
				}
			}
			continue
		}
		time.Sleep(25 * time.Millisecond)
	}
	return nil, fmt.Errorf("%s is held by another build; remove it if none runs", name)
}

// errNoExchange says that two paths cannot be exchanged in one step here.
var errNoExchange = errors.New("no atomic exchange on this file system")

// exchange swaps the directories a and b in one step (renameat2 with
// RENAME_EXCHANGE on Linux), so that b is never missing; errNoExchange
// when the file system or the kernel cannot.
func exchange(fsys afero.Fs, a, b string) error {
	if _, ok := fsys.(*afero.OsFs); !ok {
		return errNoExchange
	}
	return exchangeOS(a, b)
}
