package shell

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// escapeAt interprets the backslash escape at s[i] (s[i] == '\\'), as
// bash's echo -e and printf's %b do (echo set) or as printf's format does.
// It returns the text it stands for, the bytes it takes and, for "\c" in
// echo, stop: no more output.
func escapeAt(s string, i int, echo bool) (out string, n int, stop bool) {
	if i+1 >= len(s) {
		return `\`, 1, false
	}
	e := s[i+1]
	switch e {
	case 'a':
		return "\a", 2, false
	case 'b':
		return "\b", 2, false
	case 'e', 'E':
		return "\x1b", 2, false
	case 'f':
		return "\f", 2, false
	case 'n':
		return "\n", 2, false
	case 'r':
		return "\r", 2, false
	case 't':
		return "\t", 2, false
	case 'v':
		return "\v", 2, false
	case '\\':
		return `\`, 2, false
	case 'c':
		if echo {
			return "", 2, true
		}
	case '"', '\'', '?':
		if !echo {
			return string(e), 2, false
		}
	case 'x':
		v, k := digits(s[i+2:], 16, 2)
		if k > 0 {
			return string([]byte{byte(v)}), 2 + k, false
		}
	case 'u', 'U':
		max := 4
		if e == 'U' {
			max = 8
		}
		v, k := digits(s[i+2:], 16, max)
		if k > 0 && utf8.ValidRune(rune(v)) {
			return string(rune(v)), 2 + k, false
		}
	case '0', '1', '2', '3', '4', '5', '6', '7':
		if echo {
			if e != '0' {
				break
			}
			v, k := digits(s[i+2:], 8, 3)
			return string([]byte{byte(v)}), 2 + k, false
		}
		v, k := digits(s[i+1:], 8, 3)
		return string([]byte{byte(v)}), 1 + k, false
	}
	return s[i : i+2], 2, false
}

// digits reads up to max digits of the given base (8 or 16) at the start
// of s.
func digits(s string, base, max int) (uint64, int) {
	k := 0
	for k < len(s) && k < max && isDigit(s[k], base) {
		k++
	}
	if k == 0 {
		return 0, 0
	}
	v, _ := strconv.ParseUint(s[:k], base, 64)
	return v, k
}

func isDigit(c byte, base int) bool {
	switch {
	case c >= '0' && c <= '9':
		return int(c-'0') < base
	case c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
		return base == 16
	}
	return false
}

// backslashEscapes interprets the escapes of s as echo -e does; stop is
// set when "\c" ends the output.
func backslashEscapes(s string, echo bool) (string, bool) {
	if !strings.Contains(s, `\`) {
		return s, false
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			i++
			continue
		}
		out, n, stop := escapeAt(s, i, echo)
		b.WriteString(out)
		if stop {
			return b.String(), true
		}
		i += n
	}
	return b.String(), false
}

// printfFormat returns what printf FORMAT ARGS... writes, for formats made
// of text, escapes and the conversions %s, %b, %c, %d, %i and %%, without
// flags or widths; ok is false for any other format. As printf does, the
// format is used again while arguments remain.
func printfFormat(format string, args []string) (string, bool) {
	var b strings.Builder
	ai := 0
	for {
		used := false
		next := func() string {
			if ai < len(args) {
				used = true
				ai++
				return args[ai-1]
			}
			return ""
		}
		for i := 0; i < len(format); i++ {
			c := format[i]
			if c == '\\' {
				out, n, _ := escapeAt(format, i, false)
				b.WriteString(out)
				i += n - 1
				continue
			}
			if c != '%' {
				b.WriteByte(c)
				continue
			}
			i++
			if i >= len(format) {
				return "", false
			}
			switch format[i] {
			case '%':
				b.WriteByte('%')
			case 's':
				b.WriteString(next())
			case 'b':
				s, stop := backslashEscapes(next(), true)
				b.WriteString(s)
				if stop {
					return b.String(), true
				}
			case 'c':
				if s := next(); s != "" {
					b.WriteByte(s[0])
				}
			case 'd', 'i':
				s := next()
				if s == "" {
					s = "0"
				}
				n, err := strconv.ParseInt(s, 0, 64)
				if err != nil {
					return "", false
				}
				b.WriteString(strconv.FormatInt(n, 10))
			default:
				return "", false
			}
		}
		if !used || ai >= len(args) {
			return b.String(), true
		}
	}
}
