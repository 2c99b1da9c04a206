package limit

import "fmt"

// TOML checks that the arrays and inline tables of a TOML text nest at
// most MaxDepth deep and that its keys and table names have at most
// MaxKeyParts dotted parts: a decoder takes time and memory that grow with
// the square of both. It returns the offset of the byte that passes a
// bound and what it passes, or -1 and "". What is not TOML is left for
// the decoder to report.
func TOML(src []byte) (int, string) {
	var open []byte // the arrays and inline tables open at i
	key := true     // in a key, before its "="
	header := false // in a [table] or [[array of tables]] line
	lineStart := true
	parts := 1 // dotted parts of the key or table name so far
	for i := 0; i < len(src); i++ {
		c := src[i]
		if lineStart && c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			lineStart = false
			if c == '[' && len(open) == 0 {
				header, key, parts = true, false, 1
				if i+1 < len(src) && src[i+1] == '[' {
					i++
				}
				continue
			}
		}
		switch c {
		case '\n':
			if len(open) == 0 {
				lineStart, key, header, parts = true, true, false, 1
			}
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i-- // the line break is the next byte's business
		case '"', '\'':
			i = skipString(src, i)
		case '.':
			if key || header {
				if parts++; parts > MaxKeyParts {
					return i, fmt.Sprintf("a key or table name of more than %d dotted parts", MaxKeyParts)
				}
			}
		case '=':
			if key {
				key, parts = false, 1
			}
		case ']':
			if header {
				header = false
				continue
			}
			if n := len(open); n > 0 && open[n-1] == '[' {
				open = open[:n-1]
			}
		case '}':
			if n := len(open); n > 0 && open[n-1] == '{' {
				open = open[:n-1]
			}
			key = false
		case '[', '{':
			if key || header {
				continue
			}
			if open = append(open, c); len(open) > MaxDepth {
				return i, fmt.Sprintf("arrays or inline tables nested more than %d deep", MaxDepth)
			}
			if c == '{' {
				key, parts = true, 1
			}
		case ',':
			if n := len(open); n > 0 && open[n-1] == '{' {
				key, parts = true, 1
			}
		}
	}
	return -1, ""
}

// skipString returns the offset of the last byte of the string that
// starts at i: basic or literal, on one line or three-quoted.
func skipString(src []byte, i int) int {
	q := src[i]
	triple := i+2 < len(src) && src[i+1] == q && src[i+2] == q
	j := i + 1
	if triple {
		j = i + 3
	}
	for ; j < len(src); j++ {
		switch c := src[j]; {
		case c == '\\' && q == '"':
			j++
		case c == '\n' && !triple:
			return j - 1 // an unclosed string: the decoder says so
		case c == q:
			if !triple {
				return j
			}
			if j+2 < len(src) && src[j+1] == q && src[j+2] == q {
				// up to two quotes may end the text just before the closing ones
				for j+3 < len(src) && src[j+3] == q {
					j++
				}
				return j + 2
			}
		}
	}
	return len(src) - 1
}
