//go:build unix

package generator

import (
	"errors"
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// writeNewOS creates name with O_EXCL and O_NOFOLLOW, writes data and sets
// mode: open, write, fchmod and close, where os.OpenFile also registers
// the file with the poller (on Linux, which refuses a regular file) and
// the chmod by path looks the name up again. Each call is retried when a
// signal interrupts it, as the os package retries them.
func writeNewOS(name string, data []byte, mode os.FileMode) (err error) {
	perm := unixMode(mode)
	var fd int
	for {
		fd, err = unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, perm)
		if !errors.Is(err, unix.EINTR) {
			break
		}
	}
	if err != nil {
		return &os.PathError{Op: "open", Path: name, Err: err}
	}
	defer func() {
		if cerr := unix.Close(fd); err == nil && cerr != nil {
			err = &os.PathError{Op: "close", Path: name, Err: cerr}
		}
	}()
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			return &os.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	for {
		// the umask must not weaken or widen the mode
		err = unix.Fchmod(fd, perm)
		if !errors.Is(err, unix.EINTR) {
			break
		}
	}
	if err != nil {
		return &os.PathError{Op: "chmod", Path: name, Err: err}
	}
	return nil
}

// unixMode is mode as chmod(2) takes it: the permission bits, and the
// setuid, setgid and sticky bits, as the os package sets them.
func unixMode(mode os.FileMode) uint32 {
	m := uint32(mode.Perm())
	if mode&os.ModeSetuid != 0 {
		m |= unix.S_ISUID
	}
	if mode&os.ModeSetgid != 0 {
		m |= unix.S_ISGID
	}
	if mode&os.ModeSticky != 0 {
		m |= unix.S_ISVTX
	}
	return m
}
