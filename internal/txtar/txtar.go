// Package txtar reads and writes the txtar archive format that tailor's
// golden tests use: a comment, then files, each introduced by a line
// "-- name --".
//
//	comment text
//	-- content/settings.rst --
//	Settings
//	========
//	-- want/manifest.json --
//	{...}
package txtar

import (
	"bytes"
	"strings"
)

// An Archive is a comment and a list of files.
type Archive struct {
	Comment []byte
	Files   []File
}

// A File is one file of an archive.
type File struct {
	Name string
	Data []byte
}

// Parse parses an archive. Every file's data ends in a newline unless it
// is empty.
func Parse(data []byte) *Archive {
	a := new(Archive)
	var cur *File
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		if name, ok := marker(line); ok {
			a.Files = append(a.Files, File{Name: name})
			cur = &a.Files[len(a.Files)-1]
			continue
		}
		if cur == nil {
			a.Comment = append(a.Comment, line...)
		} else {
			cur.Data = append(cur.Data, line...)
		}
	}
	for i := range a.Files {
		if d := a.Files[i].Data; len(d) > 0 && d[len(d)-1] != '\n' {
			a.Files[i].Data = append(d, '\n')
		}
	}
	return a
}

func marker(line []byte) (string, bool) {
	s := strings.TrimRight(string(line), "\r\n")
	if !strings.HasPrefix(s, "-- ") || !strings.HasSuffix(s, " --") || len(s) < 7 {
		return "", false
	}
	return strings.TrimSpace(s[3 : len(s)-3]), true
}

// Format returns the archive in txtar form. Files whose data does not end
// in a newline get one.
func Format(a *Archive) []byte {
	var b bytes.Buffer
	b.Write(a.Comment)
	if len(a.Comment) > 0 && a.Comment[len(a.Comment)-1] != '\n' {
		b.WriteByte('\n')
	}
	for _, f := range a.Files {
		b.WriteString("-- " + f.Name + " --\n")
		b.Write(f.Data)
		if len(f.Data) > 0 && f.Data[len(f.Data)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// Get returns the data of the named file and whether it is there.
func (a *Archive) Get(name string) ([]byte, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}
