// Package fserr says in a few words why a file could not be read or
// written, without Go's wrapping of the path and the operation, which
// the messages that use it give themselves.
package fserr

import (
	"errors"
	"io/fs"
)

// Why returns "no such file", "permission denied", or the error's own
// words without its path.
func Why(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
