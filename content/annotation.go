package content

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// An Annotation is the set of tailor attributes that a document attaches
// to a code block:
//
//	.. tailor: file=/etc/postfix/smtp_auth op=create mode=0640
//
// in reST, or the attribute list of a Markdown info string
// ({file="/etc/postfix/main.cf" op=append}) or a "<!-- tailor: ... -->"
// comment. The readers only check the syntax; what the keys mean is
// decided by package snippets.
type Annotation struct {
	// Pos is the offset of the attribute text in the file.
	Pos int
	// Attrs are the key=value pairs in order.
	Attrs []Option
}

// Get returns the value of the last attribute named key.
func (a *Annotation) Get(key string) (string, bool) {
	if a == nil {
		return "", false
	}
	for i := len(a.Attrs) - 1; i >= 0; i-- {
		if a.Attrs[i].Name == key {
			return a.Attrs[i].Value, true
		}
	}
	return "", false
}

// AnnotationPrefix is the word that starts an annotation comment.
const AnnotationPrefix = "tailor:"

// CutAnnotation reports whether a comment's text is a tailor annotation and
// returns the attribute text after the prefix and its offset in text.
func CutAnnotation(text string) (attrs string, offset int, ok bool) {
	trimmed := strings.TrimLeft(text, " \t\r\n")
	if !strings.HasPrefix(trimmed, AnnotationPrefix) {
		return "", 0, false
	}
	offset = len(text) - len(trimmed) + len(AnnotationPrefix)
	return text[offset:], offset, true
}

// An AttrError is a syntax error in an attribute list, at a byte offset
// into the text that was parsed.
type AttrError struct {
	Offset int
	Msg    string
}

func (e *AttrError) Error() string { return e.Msg }

// ParseAttrs parses a list of attributes separated by white space:
// key=value, key="quoted value", key='quoted value', or a bare key (value
// ""). In double quotes, \" and \\ are escapes. Keys are letters, digits,
// '-' and '_'. A leading '{' and trailing '}' are allowed, as in Markdown
// info strings, and so are ".class" and "#id" items, returned with the
// names "class" and "id".
func ParseAttrs(s string) ([]Option, error) {
	var out []Option
	i := 0
	n := len(s)
	skip := func() {
		for i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ',') {
			i++
		}
	}
	skip()
	braced := false
	if i < n && s[i] == '{' {
		braced = true
		i++
	}
	for {
		skip()
		if i >= n {
			if braced {
				return out, &AttrError{Offset: i, Msg: "missing } at the end of the attribute list"}
			}
			return out, nil
		}
		if braced && s[i] == '}' {
			i++
			skip()
			if i < n {
				return out, &AttrError{Offset: i, Msg: fmt.Sprintf("unexpected %q after }", s[i:])}
			}
			return out, nil
		}
		start := i
		if s[i] == '.' || s[i] == '#' {
			name := "class"
			if s[i] == '#' {
				name = "id"
			}
			i++
			j := i
			for i < n && !isSpace(s[i]) && s[i] != '}' {
				i++
			}
			out = append(out, Option{Name: name, Value: s[j:i]})
			continue
		}
		for i < n && isKeyByte(s[i]) {
			i++
		}
		if i == start {
			r, _ := utf8.DecodeRuneInString(s[i:])
			return out, &AttrError{Offset: i, Msg: fmt.Sprintf("expected an attribute name, found %q", string(r))}
		}
		key := s[start:i]
		if i >= n || s[i] != '=' {
			out = append(out, Option{Name: key})
			continue
		}
		i++ // '='
		if i < n && (s[i] == '"' || s[i] == '\'') {
			q := s[i]
			i++
			var b strings.Builder
			closed := false
			for i < n {
				c := s[i]
				if c == '\\' && q == '"' && i+1 < n && (s[i+1] == '"' || s[i+1] == '\\') {
					b.WriteByte(s[i+1])
					i += 2
					continue
				}
				if c == q {
					closed = true
					i++
					break
				}
				b.WriteByte(c)
				i++
			}
			if !closed {
				return out, &AttrError{Offset: start, Msg: fmt.Sprintf("unterminated quoted value for %s", key)}
			}
			out = append(out, Option{Name: key, Value: b.String()})
			continue
		}
		j := i
		for i < n && !isSpace(s[i]) && !(braced && s[i] == '}') {
			i++
		}
		out = append(out, Option{Name: key, Value: s[j:i]})
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isKeyByte(c byte) bool {
	return c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
