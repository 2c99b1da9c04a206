// Package tomlpos finds where keys are in a TOML document, so that
// messages about a value can point at its line and column. The TOML
// decoder (BurntSushi/toml) reports positions for syntax errors only.
//
// It reads the document line by line and understands table headers,
// dotted and quoted keys, inline tables, and multi-line strings and arrays
// (to skip them); it does not validate anything: decode the document first.
package tomlpos

import (
	"strings"

	"github.com/tailordocs/tailor/content"
)

// Pos is where a key and its value start; lines and columns are 1-based
// and count bytes.
type Pos struct {
	Line, Col           int // the key
	ValueLine, ValueCol int // the first character of the value
}

// Keys maps dotted key paths to where they are.
type Keys map[string]Pos

// At returns the position of a key (value false) or of its value (value
// true) in the file named file; only the file name when the key is not
// indexed.
func (ix Keys) At(file, key string, value bool) content.Position {
	p, ok := ix[key]
	switch {
	case !ok:
		return content.Position{Filename: file}
	case value:
		return content.Position{Filename: file, Line: p.ValueLine, Column: p.ValueCol}
	}
	return content.Position{Filename: file, Line: p.Line, Column: p.Col}
}

// Index returns the position of every key of src, by dotted path
// ("placeholders.DOMAIN.pattern", "EMAIL_HOST_PASSWORD.env"). Table headers
// are indexed too ("placeholders.DOMAIN"), with the header's position.
func Index(src []byte) Keys {
	ix := Keys{}
	var table []string
	lines := strings.Split(string(src), "\n")
	inML := "" // closing delimiter of a multi-line string we are inside
	depth := 0 // open [ of a multi-line array
	for ln, line := range lines {
		lineNo := ln + 1
		i := 0
		if inML != "" {
			k := strings.Index(line, inML)
			if k < 0 {
				continue
			}
			inML = ""
			i = k + 3
		}
		if depth > 0 {
			depth, inML = scanValue(line, i, depth)
			continue
		}
		rest := line[i:]
		trimmed := strings.TrimLeft(rest, " \t")
		col := i + len(rest) - len(trimmed) + 1
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		if trimmed[0] == '[' {
			arr := strings.HasPrefix(trimmed, "[[")
			start := 1
			if arr {
				start = 2
			}
			keys, n := parseKey(trimmed[start:])
			if keys == nil {
				continue
			}
			table = keys
			pos := Pos{Line: lineNo, Col: col, ValueLine: lineNo, ValueCol: col + start + n}
			if !arr {
				ix[strings.Join(keys, ".")] = pos
			}
			ix.parents(keys, len(keys), pos)
			continue
		}
		keys, n := parseKey(trimmed)
		if keys == nil {
			continue
		}
		j := n
		for j < len(trimmed) && (trimmed[j] == ' ' || trimmed[j] == '\t') {
			j++
		}
		if j >= len(trimmed) || trimmed[j] != '=' {
			continue
		}
		j++
		for j < len(trimmed) && (trimmed[j] == ' ' || trimmed[j] == '\t') {
			j++
		}
		path := append(append([]string(nil), table...), keys...)
		vcol := col + j
		ix[strings.Join(path, ".")] = Pos{Line: lineNo, Col: col, ValueLine: lineNo, ValueCol: vcol}
		ix.parents(path, len(path)-1, Pos{Line: lineNo, Col: col, ValueLine: lineNo, ValueCol: col})
		if j < len(trimmed) && trimmed[j] == '{' {
			indexInline(ix, path, trimmed[j:], lineNo, vcol)
		}
		depth, inML = scanValue(trimmed, j, 0)
	}
	return ix
}

// parseKey reads a possibly dotted, possibly quoted key at the start of s
// and returns its parts and the number of bytes read.
func parseKey(s string) ([]string, int) {
	var keys []string
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return nil, 0
		}
		switch c := s[i]; {
		case c == '"' || c == '\'':
			k := strings.IndexByte(s[i+1:], c)
			if k < 0 {
				return nil, 0
			}
			keys = append(keys, s[i+1:i+1+k])
			i += k + 2
		case isBare(c):
			j := i
			for j < len(s) && isBare(s[j]) {
				j++
			}
			keys = append(keys, s[i:j])
			i = j
		default:
			return nil, 0
		}
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if j < len(s) && s[j] == '.' {
			i = j + 1
			continue
		}
		if j < len(s) && s[j] == ']' {
			j++
			if j < len(s) && s[j] == ']' {
				j++
			}
			return keys, j
		}
		return keys, i
	}
}

func isBare(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// indexInline records the keys of an inline table written on one line.
func indexInline(ix Keys, path []string, s string, line, col int) {
	i := 1
	for i < len(s) {
		for i < len(s) && strings.IndexByte(" \t,", s[i]) >= 0 {
			i++
		}
		if i >= len(s) || s[i] == '}' {
			return
		}
		keys, n := parseKey(s[i:])
		if keys == nil {
			return
		}
		j := i + n
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '=') {
			j++
		}
		p := append(append([]string(nil), path...), keys...)
		ix[strings.Join(p, ".")] = Pos{Line: line, Col: col + i, ValueLine: line, ValueCol: col + j}
		// skip the value
		end := skipScalar(s, j)
		if end <= i {
			return
		}
		i = end
	}
}

// skipScalar returns the offset just past the value starting at s[i].
func skipScalar(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '"', '\'':
		q := s[i]
		for j := i + 1; j < len(s); j++ {
			if s[j] == '\\' && q == '"' {
				j++
				continue
			}
			if s[j] == q {
				return j + 1
			}
		}
		return len(s)
	}
	for j := i; j < len(s); j++ {
		if s[j] == ',' || s[j] == '}' {
			return j
		}
	}
	return len(s)
}

// scanValue scans s from i to the end of the line, outside of strings, and
// returns the bracket depth left open and the delimiter of a multi-line
// string left open ("" if none).
func scanValue(s string, i, depth int) (int, string) {
	for i < len(s) {
		c := s[i]
		switch {
		case c == '#':
			return depth, ""
		case strings.HasPrefix(s[i:], `"""`) || strings.HasPrefix(s[i:], `'''`):
			d := s[i : i+3]
			k := strings.Index(s[i+3:], d)
			if k < 0 {
				return depth, d
			}
			i += k + 6
			continue
		case c == '"' || c == '\'':
			i = skipScalar(s, i)
			continue
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
		i++
	}
	return depth, ""
}

// parents indexes the tables that path[:n] and its prefixes open
// implicitly ("a" and "a.b" for the header [a.b.c]) at pos, where they
// first appear.
func (ix Keys) parents(path []string, n int, pos Pos) {
	for k := 1; k <= n && k <= len(path); k++ {
		name := strings.Join(path[:k], ".")
		if _, ok := ix[name]; !ok {
			ix[name] = pos
		}
	}
}
