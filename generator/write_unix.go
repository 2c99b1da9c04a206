//go:build unix

package generator

import (
	"errors"
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// writeNewOS creates name with O_EXCL and O_NOFOLLOW, writes data and sets
// mode: open, write, fchmod and close, where os.OpenFile also asks the
// poller to watch the file and sets it non-blocking and back.
func writeNewOS(name string, data []byte, mode os.FileMode) (err error) {
	fd, err := unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, uint32(mode.Perm()))
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
	if err := unix.Fchmod(fd, uint32(mode.Perm())); err != nil { // the umask must not weaken or widen it
		return &os.PathError{Op: "chmod", Path: name, Err: err}
	}
	return nil
}
