package generator

import (
	"bytes"
	"encoding/json"
	"hash/fnv"
	"html"
	"net/url"
	"strconv"
	"strings"
	"text/template"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/values"
)

// secretForms returns a secret value as it may be written in an output:
// as it is, escaped for HTML (both ways Go escapes it), for a URL's
// query and path, inside a JSON string (with and without the escaping of
// <, > and &) and inside a Go-quoted string. Each form once, the value
// itself first.
func secretForms(v string) []string {
	forms := []string{v}
	add := func(f string) {
		for _, g := range forms {
			if g == f {
				return
			}
		}
		forms = append(forms, f)
	}
	add(html.EscapeString(v))
	add(template.HTMLEscapeString(v))
	add(url.QueryEscape(v))
	add(url.PathEscape(v))
	if b, err := json.Marshal(v); err == nil {
		add(string(b[1 : len(b)-1]))
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) == nil {
		s := strings.TrimSuffix(b.String(), "\n")
		add(s[1 : len(s)-1])
	}
	q := strconv.Quote(v)
	add(q[1 : len(q)-1])
	return forms
}

// docsValues are a client's values as the docs are built from them: each
// secret value replaced by a sentinel, a word of letters and digits that
// no escaping changes. The docs never show a secret value (they show
// Mask instead), so they are the same whatever it is; built from
// sentinels, a secret cannot reach them by any path, and a sentinel
// found in them is a path to close.
func docsValues(v *values.Values) *values.Values {
	return v.WithSecrets(sentinel)
}

// pathSecrets is a filler that notes the secret values it fills into
// paths, owners, anchors and link targets: those that the manifest and
// install.sh hold.
type pathSecrets struct {
	*filler
	used map[string]bool
}

func (f *pathSecrets) Path(s string, pos content.Position, diags *content.Diagnostics) string {
	for _, r := range placeholder.Scan(s) {
		if v := f.lookup(r.Name); v != nil && v.Secret && v.Text != "" {
			f.used[r.Name] = true
		}
	}
	return f.filler.Path(s, pos, diags)
}

// sentinel is what the docs are built with for the secret value of name.
func sentinel(name string) string {
	h := fnv.New64a()
	h.Write([]byte(name))
	return "tailorsentinel" + strconv.FormatUint(h.Sum64(), 36)
}

// needle is a text to count in outputs, searched by its rarest byte:
// bytes.Count looks for the first byte, and a secret or a sentinel that
// starts with a common letter ("secret", "tailorsentinel") stops it at
// every word of a page.
type needle struct {
	text []byte
	at   int // the index in text of the byte looked for
}

func newNeedle(text []byte) needle {
	at := 0
	for i, c := range text {
		if commonness(c) < commonness(text[at]) {
			at = i
		}
	}
	return needle{text, at}
}

// commonness ranks how often a byte shows in HTML and prose: lower is
// rarer.
func commonness(c byte) int {
	switch {
	case strings.IndexByte("etaoinsrhl", c) >= 0:
		return 4
	case c >= 'a' && c <= 'z', c == ' ', c == '<', c == '>', c == '"', c == '=', c == '/', c == '\n':
		return 3
	case c >= '0' && c <= '9', c == '-', c == '.', c == '_':
		return 2
	case c >= 'A' && c <= 'Z':
		return 1
	}
	return 0
}

// count returns bytes.Count(s, n.text).
func (n needle) count(s []byte) int {
	if len(n.text) == 0 {
		return bytes.Count(s, n.text)
	}
	k, from := 0, 0 // matches so far; where the next may start
	c, size := n.text[n.at], len(n.text)
	for from+size <= len(s) {
		// the byte looked for, of a match that starts at from or later
		// and ends in s
		i := bytes.IndexByte(s[from+n.at:len(s)-size+n.at+1], c)
		if i < 0 {
			break
		}
		start := from + i
		if bytes.Equal(s[start:start+size], n.text) {
			k++
			from = start + size
		} else {
			from = start + 1
		}
	}
	return k
}
