//go:build unix

package drift

import (
	"io/fs"
	"syscall"
)

// fileOwner returns the user and group ids that own a file, and false
// when its file system does not say.
func fileOwner(fi fs.FileInfo) (uid, gid int, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return int(st.Uid), int(st.Gid), true
}
