// Package quote escapes a client's values for where they land: a value
// that goes into a single-quoted Python string, a shell command, an
// nginx directive, a YAML scalar or a systemd unit is escaped so that the
// line reads back as the value, or refused with the reason when it cannot
// be (a line break in a one-line setting, a quote in a raw string).
// Silently broken files are never made.
//
// The language of a line is a name of package snippets/lang, or one of
// the contexts that span lines (Heredoc, YAMLBlock, PyTriple2, ...) that
// Lines finds. A new language's quoting goes into families.go, keyed by
// its family.
//
// Its functions keep no state and are safe for concurrent use; a Line,
// which reads its line once for all its values, is for one goroutine.
package quote
