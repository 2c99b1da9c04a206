package fserr

import (
	"errors"
	"io/fs"
	"os"
	"testing"
)

func TestWhy(t *testing.T) {
	_, notExist := os.Open("/nonexistent/tailor-test")
	for _, tc := range []struct {
		err  error
		want string
	}{
		{notExist, "no such file"},
		{&fs.PathError{Op: "open", Path: "/x", Err: fs.ErrPermission}, "permission denied"},
		{&fs.PathError{Op: "read", Path: "/x", Err: errors.New("is a directory")}, "is a directory"},
		{errors.New("plain"), "plain"},
	} {
		if got := Why(tc.err); got != tc.want {
			t.Errorf("Why(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
