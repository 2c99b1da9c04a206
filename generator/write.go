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
// the two in one step where the system can (see exchange), else with two
// renames that the next build completes if it is cut between them. One
// build at a time writes a client, holding the lock out/.tailor-lock-
// CLIENT, so that a build never takes another's half-written tree for
// one a killed build left. Every path is checked to stay inside
// out/client. Files get their mode from modes, else 0644; a directory
// that modes names gets its mode, others 0755.
// stale is what earlier builds cut short left in out (see staleTrees).
func writeTree(fsys afero.Fs, out, client string, files map[string][]byte, modes map[string]os.FileMode, stale *staleTrees) error {
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
	unlock, err := lockFile(fsys, path.Join(out, ".tailor-lock-"+client))
	if err != nil {
		return err
	}
	defer unlock()
	final := path.Join(out, client)
	recoverStale(fsys, out, client, stale.of(fsys, out, client))
	exists := false
	if st, err := fsys.Stat(final); err == nil {
		if !st.IsDir() || !isClientOutput(fsys, final) {
			// Only what tailor wrote may be replaced: --out . with a client
			// named like a directory of the project must not wipe it.
			return fmt.Errorf("%s exists and is not an output of tailor (no manifest.json and install.sh in it): refusing to replace it", final)
		}
		exists = true
	}
	suffix, err := randomSuffix()
	if err != nil {
		return err
	}
	tmp := path.Join(out, ".tailor-new-"+client+"-"+suffix)
	if err := fsys.Mkdir(tmp, 0o755); err != nil {
		return err
	}
	// tmp is new: its directories are made one by one, each once, with
	// no need to ask which exist
	made := map[string]bool{tmp: true}
	var mkdirs func(dir string) error
	mkdirs = func(dir string) error {
		if made[dir] {
			return nil
		}
		if err := mkdirs(path.Dir(dir)); err != nil {
			return err
		}
		made[dir] = true
		return fsys.Mkdir(dir, 0o755)
	}
	for _, name := range names {
		full := path.Join(tmp, name)
		if err := mkdirs(path.Dir(full)); err != nil {
			fsys.RemoveAll(tmp)
			return err
		}
		mode, ok := modes[name]
		if !ok {
			mode = 0o644
		}
		if err := writeNew(fsys, full, files[name], mode); err != nil {
			fsys.RemoveAll(tmp)
			if errors.Is(err, fs.ErrExist) {
				return sameFileError(name, names)
			}
			return err
		}
	}
	for name, mode := range modes {
		if _, isFile := files[name]; isFile || !isLocal(name) {
			continue
		}
		// a directory of the tree: rootfs/, when its names hold secrets
		if st, err := fsys.Stat(path.Join(tmp, name)); err == nil && st.IsDir() {
			if err := fsys.Chmod(path.Join(tmp, name), mode|os.ModeDir); err != nil {
				fsys.RemoveAll(tmp)
				return err
			}
		}
	}
	if !exists {
		if err := fsys.Rename(tmp, final); err != nil {
			fsys.RemoveAll(tmp)
			return err
		}
		return nil
	}
	switch err := exchange(fsys, tmp, final); {
	case err == nil:
		return fsys.RemoveAll(tmp) // the earlier tree, now
	case !errors.Is(err, errNoExchange):
		fsys.RemoveAll(tmp)
		return err
	}
	old := path.Join(out, ".tailor-old-"+client+"-"+suffix)
	if err := fsys.Rename(final, old); err != nil {
		fsys.RemoveAll(tmp)
		return err
	}
	if err := fsys.Rename(tmp, final); err != nil {
		fsys.Rename(old, final)
		fsys.RemoveAll(tmp)
		return err
	}
	return fsys.RemoveAll(old)
}

// staleTrees lists, once per run, the trees that builds cut short left
// in out, by client: one read of out, however many clients the run
// builds. A build killed after the listing leaves its tree for the next
// run to clean; the output it was writing is not in place, so nothing
// but a little disk is lost meanwhile.
type staleTrees struct {
	once     sync.Once
	byClient map[string][]string
}

// stalePrefixes name the trees a build writes beside a client's output:
// the new one before it is in place, the earlier one after it is moved
// away. Trees are cleaned in this order.
var stalePrefixes = [...]string{".tailor-new-", ".tailor-old-"}

// of returns the names of client's stale trees in out: the trees of
// .tailor-new- first.
func (s *staleTrees) of(fsys afero.Fs, out, client string) []string {
	s.once.Do(func() {
		s.byClient = map[string][]string{}
		dir, err := fsys.Open(out)
		if err != nil {
			return
		}
		names, _ := dir.Readdirnames(-1)
		dir.Close()
		sort.Strings(names) // .tailor-new- sorts before .tailor-old-
		for _, name := range names {
			if c, ok := staleClient(name); ok {
				s.byClient[c] = append(s.byClient[c], name)
			}
		}
	})
	return s.byClient[client]
}

// staleClient returns the client whose stale tree name is: a prefix of
// stalePrefixes, the client, "-" and twelve hexadecimal digits.
func staleClient(name string) (string, bool) {
	for _, prefix := range stalePrefixes {
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || len(rest) < 14 || rest[len(rest)-13] != '-' {
			continue
		}
		if strings.Trim(rest[len(rest)-12:], "0123456789abcdef") != "" {
			return "", false
		}
		return rest[:len(rest)-13], true
	}
	return "", false
}

// recoverStale, called with the client's lock held, cleans up what a
// build of the client cut short left in out, the trees named in stale:
// a tree not yet (or no more) in place is removed; an earlier tree
// renamed away is put back when nothing took its place, else removed.
func recoverStale(fsys afero.Fs, out, client string, stale []string) {
	if len(stale) == 0 {
		return
	}
	_, err := fsys.Stat(path.Join(out, client))
	missing := errors.Is(err, fs.ErrNotExist)
	for _, name := range stale {
		m := path.Join(out, name)
		if strings.HasPrefix(name, stalePrefixes[1]) && missing && isClientOutput(fsys, m) && fsys.Rename(m, path.Join(out, client)) == nil {
			missing = false
			continue
		}
		fsys.RemoveAll(m)
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

// errStateChanged says that another build kept generated values for the
// client while this one made its own: this one builds again with them.
var errStateChanged = errors.New("another build changed the generated values meanwhile")

// writeNew writes a file that does not exist yet, with mode whatever the
// umask. On the system's own file system it is made with O_EXCL, so that
// nothing already at name is written through, in four system calls where
// os.OpenFile, a write, a close and a chmod make nine on Linux: a build
// writes every file of every client.
func writeNew(fsys afero.Fs, name string, data []byte, mode os.FileMode) error {
	if _, ok := fsys.(*afero.OsFs); ok {
		if err := writeNewOS(name, data, mode); !errors.Is(err, errNoRawWrite) {
			return err
		}
	}
	if err := afero.WriteFile(fsys, name, data, mode); err != nil {
		return err
	}
	return fsys.Chmod(name, mode) // the umask must not weaken or widen it
}

// sameFileError reports that the output file name is one file with another
// of names, in the new tree where each name is written once: the file
// system does not tell them apart (by case, or by Unicode normalization).
func sameFileError(name string, names []string) error {
	for _, other := range names {
		if other != name && strings.EqualFold(other, name) {
			return fmt.Errorf("output files %s and %s are one file on this file system, which does not tell their names apart by case: rename one in the tutorial", other, name)
		}
	}
	return fmt.Errorf("output file %s is one file with another output file on this file system, which does not tell their names apart: rename one in the tutorial", name)
}

// errNoRawWrite: this system writes files with os.OpenFile only.
var errNoRawWrite = errors.New("no raw file writes here")
