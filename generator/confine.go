package generator

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync/atomic"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/internal/limit"
)

// errOutside is the error of a name that a symbolic link takes out of the
// project: tailor reads pages, includes and images inside it only, so
// that a link in a tutorial's repository cannot publish /etc/passwd or
// /proc/self/environ in the docs.
var errOutside = errors.New("it is a symbolic link to outside the project directory")

// errAbsolute is the error of a link to an absolute path when the project
// directory is relative, so that whether it stays inside is not known.
var errAbsolute = errors.New("it is a symbolic link to an absolute path, followed only when the project directory is given as an absolute path (-C)")

// maxLinks bounds the links followed in one name, as the kernel's
// ELOOP does.
const maxLinks = 40

// resolveInside resolves the symbolic links of name (a path under root, as
// path.Join(root, rel) gives it) one component at a time and returns
// the path they lead to, or errOutside when a link leads out of root. A
// link to an absolute path is inside only when root is absolute and
// holds it. Components that do not exist are kept: reading them fails
// as it would.
func resolveInside(fsys afero.Fs, root, name string) (string, error) {
	root, name = path.Clean(root), path.Clean(name)
	var rel string
	switch {
	case root == "." && !strings.HasPrefix(name, "/") && name != ".." && !strings.HasPrefix(name, "../"):
		rel = name
	case root == "/" && strings.HasPrefix(name, "/"):
		rel = name
	case name == root:
		rel = ""
	case strings.HasPrefix(name, root+"/"):
		rel = name[len(root)+1:]
	default:
		return "", errOutside // not under root at all
	}
	lst, canLstat := fsys.(afero.Lstater)
	rd, canRead := fsys.(afero.LinkReader)
	if !canLstat || !canRead {
		return path.Join(root, rel), nil // a file system without links
	}
	todo := splitPath(rel)
	var cur []string
	links := 0
	for len(todo) > 0 {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(cur) == 0 {
				return "", errOutside
			}
			cur = cur[:len(cur)-1]
			continue
		}
		at := path.Join(root, path.Join(cur...), c)
		info, _, err := lst.LstatIfPossible(at)
		if err != nil || info.Mode()&os.ModeSymlink == 0 {
			cur = append(cur, c)
			continue
		}
		if links++; links > maxLinks {
			return "", fmt.Errorf("too many levels of symbolic links")
		}
		target, err := rd.ReadlinkIfPossible(at)
		if err != nil {
			return "", err
		}
		if strings.HasPrefix(target, "/") {
			t := path.Clean(target)
			if !strings.HasPrefix(root, "/") {
				return "", errAbsolute
			}
			if t != root && !strings.HasPrefix(t, strings.TrimSuffix(root, "/")+"/") {
				return "", errOutside
			}
			todo = append(splitPath(strings.TrimPrefix(t, root)), todo...)
			cur = cur[:0]
			continue
		}
		todo = append(splitPath(target), todo...)
	}
	return path.Join(root, path.Join(cur...)), nil
}

func splitPath(p string) []string {
	return strings.Split(strings.Trim(p, "/"), "/")
}

// readInside reads the file name (under root) when its links keep it
// inside root, and it is a regular file within limit.MaxPage.
func readInside(fsys afero.Fs, root, name string) ([]byte, error) {
	real, err := resolveInside(fsys, root, name)
	if err != nil {
		return nil, err
	}
	return limit.ReadPage(fsys, real)
}

// confinedFS is the directory dir of fsys as an fs.FS, for includes:
// its names are opened only where their links keep them inside root.
type confinedFS struct {
	fsys      afero.Fs
	root, dir string
	read      *includeBudget
}

// An includeBudget bounds what the includes of a project read in all: an
// include repeated inside an include many times over would read files a
// number of times that grows exponentially with the depth. Pages are
// parsed at once: it counts atomically.
type includeBudget struct {
	files atomic.Int64
	bytes atomic.Int64
}

const (
	maxIncludes     = 20000
	maxIncludeBytes = 4 * limit.MaxPage
)

func (c confinedFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	real, err := resolveInside(c.fsys, c.root, path.Join(c.dir, name))
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if c.read.files.Add(1) > maxIncludes {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("the includes of the project have read %d files: that is past the limit tailor sets (an include repeated inside an include many times over?)", maxIncludes)}
	}
	f, err := c.fsys.Open(real)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err == nil && !st.IsDir() && !st.Mode().IsRegular() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: limit.ErrNotRegular}
	}
	return &boundedFile{File: f, left: limit.MaxPage, read: c.read}, nil
}

// A boundedFile is an included file, read up to limit.MaxPage bytes and
// within what the project's includes may read in all.
type boundedFile struct {
	afero.File
	left int64
	read *includeBudget
}

func (b *boundedFile) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// one byte more tells a file of exactly the limit from a bigger one
		var one [1]byte
		if n, _ := b.File.Read(one[:]); n > 0 {
			return 0, fmt.Errorf("the file is larger than the limit of %s", limit.Size(limit.MaxPage))
		}
		return 0, io.EOF
	}
	read := b.read.bytes.Load()
	if read >= maxIncludeBytes {
		return 0, fmt.Errorf("the includes of the project have read %s: that is past the limit tailor sets", limit.Size(maxIncludeBytes))
	}
	if n := min(b.left, maxIncludeBytes-read); int64(len(p)) > n {
		p = p[:n]
	}
	n, err := b.File.Read(p)
	b.left -= int64(n)
	b.read.bytes.Add(int64(n))
	return n, err
}
