package content

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says how bad a diagnostic is.
type Severity int

const (
	// Error means the input cannot be used as it is: nothing is written.
	Error Severity = iota
	// Warning means the input is probably wrong but output can be made.
	Warning
	// Note is information, such as why a code block got no operation.
	Note
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// A Diagnostic is one message about the input, at a position.
type Diagnostic struct {
	Pos      Position
	Severity Severity
	Msg      string
}

// String formats the diagnostic as "path:line:col: error: message".
func (d Diagnostic) String() string {
	return d.Pos.String() + ": " + d.Severity.String() + ": " + d.Msg
}

// Error implements the error interface.
func (d Diagnostic) Error() string { return d.String() }

// Diagnostics is a list of diagnostics. The zero value is an empty list ready to
// use. A Diagnostics is not safe for concurrent use.
type Diagnostics []Diagnostic

// Add appends a diagnostic.
func (l *Diagnostics) Add(pos Position, sev Severity, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	*l = append(*l, Diagnostic{Pos: pos, Severity: sev, Msg: msg})
}

// Errorf appends an error.
func (l *Diagnostics) Errorf(pos Position, format string, args ...any) {
	l.Add(pos, Error, format, args...)
}

// Warnf appends a warning.
func (l *Diagnostics) Warnf(pos Position, format string, args ...any) {
	l.Add(pos, Warning, format, args...)
}

// Notef appends a note.
func (l *Diagnostics) Notef(pos Position, format string, args ...any) {
	l.Add(pos, Note, format, args...)
}

// Append appends all diagnostics of m.
func (l *Diagnostics) Append(m Diagnostics) { *l = append(*l, m...) }

func (l Diagnostics) Len() int      { return len(l) }
func (l Diagnostics) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l Diagnostics) Less(i, j int) bool {
	a, b := l[i].Pos, l[j].Pos
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	if l[i].Severity != l[j].Severity {
		return l[i].Severity < l[j].Severity
	}
	return l[i].Msg < l[j].Msg
}

// Sort sorts the list by file, line, column, severity and message, and
// removes exact duplicates.
func (l *Diagnostics) Sort() {
	sort.Stable(*l)
	out := (*l)[:0]
	for i, d := range *l {
		if i > 0 && d == (*l)[i-1] {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

// HasErrors reports whether the list holds at least one Error.
func (l Diagnostics) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns the diagnostics of severity Error.
func (l Diagnostics) Errors() Diagnostics {
	var out Diagnostics
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Err returns the list as an error when it holds an Error, and nil
// otherwise: warnings and notes alone are not failures.
func (l Diagnostics) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return l
}

// Error implements the error interface: the first error, and how many more.
func (l Diagnostics) Error() string {
	errs := l.Errors()
	switch len(errs) {
	case 0:
		if len(l) == 0 {
			return "no errors"
		}
		return l[0].String()
	case 1:
		return errs[0].String()
	}
	return fmt.Sprintf("%s (and %d more errors)", errs[0], len(errs)-1)
}

// String returns every diagnostic, one per line.
func (l Diagnostics) String() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}
