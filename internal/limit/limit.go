// Package limit holds the bounds tailor sets on what it reads, so that no
// input exhausts the memory or the time of the machine that builds it,
// and reads files within them.
//
// The bounds are documented for users in the README: a page (or a file
// it includes) of at most MaxPage bytes, a values file, tailor.toml or
// state file of at most MaxTOML bytes whose arrays and inline tables nest
// at most MaxDepth deep and whose keys have at most MaxKeyParts dotted
// parts. The number of pages and of clients is not bounded: time and
// memory grow with them linearly.
package limit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/content"
)

const (
	// MaxPage is the largest page or included file, in bytes.
	MaxPage = 32 << 20
	// MaxTOML is the largest values file, tailor.toml or state file.
	MaxTOML = 4 << 20
	// MaxDepth is how deep arrays and inline tables of a TOML file may
	// nest.
	MaxDepth = 16
	// MaxKeyParts is how many dotted parts a TOML key or table name may
	// have.
	MaxKeyParts = 16
)

// A TooBigError says that a file holds more than a bound allows. Data
// holds the first Limit bytes of the file, so that a message can give the
// line and column where the bound is passed.
type TooBigError struct {
	Limit int64
	Data  []byte
}

func (e *TooBigError) Error() string {
	return fmt.Sprintf("it is larger than the limit of %s", Size(e.Limit))
}

// Size writes a byte count the way the limits are documented: "32 MiB".
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ErrNotRegular is the error of a name that is no regular file: reading a
// named pipe or a device could wait forever or never end.
var ErrNotRegular = errors.New("it is not a regular file")

// ReadFile reads the regular file name of fsys, or returns a
// *TooBigError when it holds more than max bytes, having read no more
// than max+1 of them.
func ReadFile(fsys afero.Fs, name string, max int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	}
	if size := st.Size(); size >= 0 && size <= max {
		// read it in one piece, and one byte more for a file that grew
		var b bytes.Buffer
		b.Grow(int(size) + 512)
		if _, err := b.ReadFrom(io.LimitReader(f, max+1)); err != nil {
			return nil, err
		}
		if int64(b.Len()) > max {
			return nil, &TooBigError{Limit: max, Data: b.Bytes()[:max]}
		}
		return b.Bytes(), nil
	}
	return read(f, max)
}

// ReadAll reads r as ReadFile reads a file: at most max bytes.
func ReadAll(r io.Reader, max int64) ([]byte, error) {
	return read(r, max)
}

func read(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &TooBigError{Limit: max, Data: data[:max]}
	}
	return data, nil
}

// A PosError is a bound passed at a position of a file.
type PosError struct {
	Pos content.Position
	Msg string
}

func (e *PosError) Error() string { return e.Pos.String() + ": " + e.Msg }

// ReadPage reads a page or a file a page includes: at most MaxPage bytes.
// A bigger file is a *PosError at the byte that passes the bound.
func ReadPage(fsys afero.Fs, name string) ([]byte, error) {
	return readAt(fsys, name, MaxPage)
}

// ReadTOML reads a values file, tailor.toml or a state file: at most
// MaxTOML bytes, nested and dotted within MaxDepth and MaxKeyParts. A
// file past a bound is a *PosError where it passes it.
func ReadTOML(fsys afero.Fs, name string) ([]byte, error) {
	data, err := readAt(fsys, name, MaxTOML)
	if err != nil {
		return nil, err
	}
	if at, what := TOML(data); at >= 0 {
		return nil, &PosError{Pos: content.NewFile(name, data).Position(at), Msg: what + ": that is past the limit tailor sets"}
	}
	return data, nil
}

func readAt(fsys afero.Fs, name string, max int64) ([]byte, error) {
	data, err := ReadFile(fsys, name, max)
	var big *TooBigError
	if errors.As(err, &big) {
		return nil, &PosError{Pos: content.NewFile(name, big.Data).Position(len(big.Data)), Msg: "the file is larger than the limit of " + Size(max)}
	}
	return data, err
}
