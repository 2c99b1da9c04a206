package content

import (
	"fmt"
	"sort"
	"sync/atomic"
	"unicode/utf8"
)

// A File is one source file: its name, its bytes and the offsets at which its
// lines start. The zero value is an empty file with no name.
//
// A File is safe for concurrent use once created. It must not be copied:
// use a *File.
type File struct {
	// Name is the file's path as shown in diagnostics, with forward
	// slashes, relative to the project directory.
	Name string
	// Src is the file's content. It must not be modified or replaced
	// once the file is in use.
	Src []byte

	lines []int                  // offsets of line starts; lines[0] == 0
	text  atomic.Pointer[string] // Src as a string, once asked for
}

// NewFile returns a File for src, computing its line table.
func NewFile(name string, src []byte) *File {
	f := &File{Name: name, Src: src, lines: []int{0}}
	for i, c := range src {
		// "\n", "\r\n" and a lone "\r" end lines
		if (c == '\n' || c == '\r' && (i+1 == len(src) || src[i+1] != '\n')) && i+1 < len(src) {
			f.lines = append(f.lines, i+1)
		}
	}
	return f
}

// LineCount reports the number of lines in the file.
func (f *File) LineCount() int {
	if f == nil || len(f.Src) == 0 {
		return 0
	}
	return len(f.lines)
}

// LineStart returns the byte offset at which the 1-based line starts. It
// returns len(Src) for lines past the end.
func (f *File) LineStart(line int) int {
	if f == nil || line < 1 {
		return 0
	}
	if line > len(f.lines) {
		return len(f.Src)
	}
	return f.lines[line-1]
}

// Text returns Src as a string, made when first asked for and kept: the
// parsers and the checks that read a page as a string share one copy.
func (f *File) Text() string {
	if t := f.text.Load(); t != nil && len(*t) == len(f.Src) {
		return *t
	}
	t := string(f.Src)
	f.text.Store(&t) // two goroutines asking at once each make one
	return t
}

// Slice returns Src[start:end] as a string, part of Text.
func (f *File) Slice(start, end int) string { return f.Text()[start:end] }

// Line returns the text of the 1-based line, without its line ending.
func (f *File) Line(line int) string {
	if f == nil || line < 1 || line > len(f.lines) {
		return ""
	}
	start := f.lines[line-1]
	end := len(f.Src)
	if line < len(f.lines) {
		end = f.lines[line] - 1
	} else if end > start && f.Src[end-1] == '\n' {
		end-- // the last line's own newline
	}
	if end > start && f.Src[end-1] == '\r' {
		end--
	}
	if end < start {
		end = start
	}
	return f.Slice(start, end)
}

// Position returns the position of a byte offset in the file. Offsets out of
// range are clamped to the file. A nil File gives the zero Position.
func (f *File) Position(offset int) Position {
	if f == nil {
		return Position{}
	}
	if offset < 0 {
		offset = 0
	}
	if offset > len(f.Src) {
		offset = len(f.Src)
	}
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > offset }) - 1
	if i < 0 {
		i = 0
	}
	col := utf8.RuneCount(f.Src[f.lines[i]:offset]) + 1
	return Position{Filename: f.Name, Offset: offset, Line: i + 1, Column: col}
}

// A Position is a place in a source file. Line and Column are 1-based and
// count runes; zero means unknown.
type Position struct {
	Filename string
	Offset   int // byte offset, 0-based
	Line     int
	Column   int
}

// IsValid reports whether the position has a line number.
func (p Position) IsValid() bool { return p.Line > 0 }

// String formats the position as file:line:col, leaving out the parts that
// are unknown, as go/scanner does.
func (p Position) String() string {
	s := p.Filename
	if p.IsValid() {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprint(p.Line)
		if p.Column > 0 {
			s += fmt.Sprintf(":%d", p.Column)
		}
	}
	if s == "" {
		s = "-"
	}
	return s
}

// Span is the byte range [Start, End) of a node in its file.
type Span struct {
	Start, End int
}

// Pos returns the offset at which the node starts.
func (s Span) Pos() int { return s.Start }

// EndPos returns the offset just past the node.
func (s Span) EndPos() int { return s.End }
