package drift

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/spf13/afero"
)

// errLoop: symbolic links that lead to each other.
var errLoop = errors.New("too many levels of symbolic links")

// within resolves the absolute path p under root as the system the root
// is for would, following symbolic links (the last one only when last is
// set): an absolute link names a place under root, and one that climbs
// out of root with ".." is refused.
func within(sys afero.Fs, root, p string, last bool) (string, error) {
	lst, ok := sys.(afero.Lstater)
	reader, canRead := sys.(afero.LinkReader)
	if !ok || !canRead {
		return path.Join(root, p), nil
	}
	split := func(s string) []string {
		var out []string
		for _, c := range strings.Split(s, "/") {
			if c != "" && c != "." {
				out = append(out, c)
			}
		}
		return out
	}
	inRoot := func(q string) bool { return root == "/" || q == root || strings.HasPrefix(q, root+"/") }
	parts := split(p)
	cur := root
	hops := 0
	for i := 0; i < len(parts); i++ {
		next := path.Join(cur, parts[i])
		if parts[i] == ".." {
			if !inRoot(next) {
				return "", errors.New("it leads out of the root")
			}
			cur = next
			continue
		}
		if i == len(parts)-1 && !last {
			return next, nil
		}
		fi, _, err := lst.LstatIfPossible(next)
		if err != nil {
			return path.Join(append([]string{next}, parts[i+1:]...)...), nil // missing from here on
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		if hops++; hops > 40 {
			return "", errLoop
		}
		target, err := reader.ReadlinkIfPossible(next)
		if err != nil {
			return "", err
		}
		abs := path.Join(cur, target)
		if path.IsAbs(target) {
			abs = path.Join(root, target) // as on the system the root is for
		}
		if !inRoot(abs) {
			return "", fmt.Errorf("a symbolic link leads it out of the root, to %s", abs)
		}
		parts = append(split(strings.TrimPrefix(abs, root)), parts[i+1:]...)
		cur, i = root, -1
	}
	return cur, nil
}
