package drift

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/internal/limit"
)

// kindOf names the type of a file, as a drift of "type" says it.
func kindOf(fi fs.FileInfo) string {
	switch m := fi.Mode(); {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a file"
}

// attrDrift compares the mode, owner and group of an installed file with
// those the manifest gives (an empty one is not compared).
func attrDrift(p string, fi fs.FileInfo, mode, owner, group string, ids *idNames) []Drift {
	var out []Drift
	if mode != "" {
		have := fi.Mode().Perm()
		if fi.Mode()&fs.ModeSetuid != 0 {
			have |= 0o4000
		}
		if fi.Mode()&fs.ModeSetgid != 0 {
			have |= 0o2000
		}
		if fi.Mode()&fs.ModeSticky != 0 {
			have |= 0o1000
		}
		want, err := strconv.ParseUint(mode, 8, 32)
		if err == nil && uint64(have) != want {
			out = append(out, Drift{Path: p, What: "mode", Want: fmt.Sprintf("%04o", want), Have: fmt.Sprintf("%04o", uint64(have))})
		}
	}
	uid, gid, ok := fileOwner(fi)
	if !ok {
		return out // this file system does not say who owns files
	}
	if owner != "" {
		if have := ids.name("passwd", uid); have != owner && strconv.Itoa(uid) != owner {
			out = append(out, Drift{Path: p, What: "owner", Want: owner, Have: have})
		}
	}
	if group != "" {
		if have := ids.name("group", gid); have != group && strconv.Itoa(gid) != group {
			out = append(out, Drift{Path: p, What: "group", Want: group, Have: have})
		}
	}
	return out
}

// idNames names user and group ids by root/etc/passwd and root/etc/group.
type idNames struct {
	sys   afero.Fs
	root  string
	names map[string]map[int]string
}

// name returns the name of id in db ("passwd" or "group"), or the id.
func (n *idNames) name(db string, id int) string {
	if n.names == nil {
		n.names = map[string]map[int]string{}
	}
	m, ok := n.names[db]
	if !ok {
		m = map[int]string{}
		if data, err := limit.ReadFile(n.sys, path.Join(n.root, "etc", db), limit.MaxPage); err == nil {
			sc := bufio.NewScanner(bytes.NewReader(data))
			for sc.Scan() {
				f := strings.Split(sc.Text(), ":")
				if len(f) < 3 {
					continue
				}
				if i, err := strconv.Atoi(f[2]); err == nil {
					if _, dup := m[i]; !dup {
						m[i] = f[0]
					}
				}
			}
		}
		n.names[db] = m
	}
	if s, ok := m[id]; ok {
		return s
	}
	return strconv.Itoa(id)
}
