package generator

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"
)

// isLocal reports whether a slash path stays inside the directory it is
// relative to: not absolute, no ".." segment, no NUL, not empty.
func isLocal(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.ContainsRune(p, 0) {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return false
		}
	}
	return path.Clean(p) != "."
}

// writeTree writes one client's files to out/client, whole or not at all:
// it writes them into a fresh directory beside the final one, then swaps
// the two. Every path is checked to stay inside out/client. Files get
// their mode from modes, else 0644.
func writeTree(fsys afero.Fs, out, client string, files map[string][]byte, modes map[string]os.FileMode) error {
	names := make([]string, 0, len(files))
	for name := range files {
		if !isLocal(name) || path.Clean(name) != name {
			return fmt.Errorf("refusing to write %q outside the client's directory", name)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	if err := fsys.MkdirAll(out, 0o755); err != nil {
		return err
	}
	final := path.Join(out, client)
	if st, err := fsys.Stat(final); err == nil && (!st.IsDir() || !isClientOutput(fsys, final)) {
		// Only what tailor wrote may be replaced: --out . with a client
		// named like a directory of the project must not wipe it.
		return fmt.Errorf("%s exists and is not an output of tailor (no manifest.json and install.sh in it): refusing to replace it", final)
	}
	removeStale(fsys, out, client)
	suffix, err := randomSuffix()
	if err != nil {
		return err
	}
	tmp := path.Join(out, ".tailor-new-"+client+"-"+suffix)
	if err := fsys.Mkdir(tmp, 0o755); err != nil {
		return err
	}
	for _, name := range names {
		full := path.Join(tmp, name)
		if err := fsys.MkdirAll(path.Dir(full), 0o755); err != nil {
			fsys.RemoveAll(tmp)
			return err
		}
		mode, ok := modes[name]
		if !ok {
			mode = 0o644
		}
		if err := afero.WriteFile(fsys, full, files[name], mode); err != nil {
			fsys.RemoveAll(tmp)
			return err
		}
		if err := fsys.Chmod(full, mode); err != nil { // the umask must not weaken or widen it
			fsys.RemoveAll(tmp)
			return err
		}
	}
	old := ""
	if _, err := fsys.Stat(final); err == nil {
		old = path.Join(out, ".tailor-old-"+client+"-"+suffix)
		if err := fsys.Rename(final, old); err != nil {
			fsys.RemoveAll(tmp)
			return err
		}
	}
	if err := fsys.Rename(tmp, final); err != nil {
		if old != "" {
			fsys.Rename(old, final)
		}
		fsys.RemoveAll(tmp)
		return err
	}
	if old != "" {
		return fsys.RemoveAll(old)
	}
	return nil
}

// removeStale removes what an interrupted build of the client left in out:
// a half-written new tree, or an old one not yet removed.
func removeStale(fsys afero.Fs, out, client string) {
	for _, prefix := range []string{".tailor-new-", ".tailor-old-"} {
		matches, _ := afero.Glob(fsys, path.Join(out, prefix+client+"-*"))
		for _, m := range matches {
			rest := strings.TrimPrefix(path.Base(m), prefix+client+"-")
			if len(rest) == 12 && strings.Trim(rest, "0123456789abcdef") == "" {
				fsys.RemoveAll(m)
			}
		}
	}
}

func randomSuffix() (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// writeState keeps generated values in the client's state file (mode
// 0600, in a directory of its own).
func writeState(fsys afero.Fs, file string, read, data []byte) error {
	if err := fsys.MkdirAll(path.Dir(file), 0o700); err != nil {
		return err
	}
	mu, _ := stateLocks.LoadOrStore(file, new(sync.Mutex))
	mu.(*sync.Mutex).Lock() // builds in this process; the lock file is for the others
	defer mu.(*sync.Mutex).Unlock()
	unlock, err := lockFile(fsys, file+".lock")
	if err != nil {
		return err
	}
	defer unlock()
	now, err := afero.ReadFile(fsys, file)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if !bytes.Equal(now, read) {
		return errStateChanged
	}
	tmp := file + ".tmp"
	if err := afero.WriteFile(fsys, tmp, data, 0o600); err != nil {
		return err
	}
	return fsys.Rename(tmp, file)
}

// stateLocks holds a mutex per state file.
var stateLocks sync.Map

// errStateChanged says that another build kept generated values for the
// client while this one made its own: this one builds again with them.
var errStateChanged = errors.New("another build changed the generated values meanwhile")

// lockTries bounds the waits of 25 ms for a lock another build holds.
var lockTries = 200

// lockFile takes the lock file name, made with O_EXCL so that one build
// at a time holds it, waiting a few seconds for another. The lock holds
// a token of its own: unlocking removes it only while it is still ours,
// and a lock older than a minute (a killed build's) is taken over by
// renaming it away first and checking that what was renamed is the
// stale lock seen, so that two builds cannot both take it.
func lockFile(fsys afero.Fs, name string) (func(), error) {
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
