package site

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// searchPath is where the search index is written: at the site's root, as
// Sphinx's searchindex.js, and loaded as a script so that searching works
// from file:// with no request.
const searchPath = "searchindex.js"

// A searchEntry is one section of a page in the search index: the text a
// reader sees in it, filled values and masked secrets as shown, without
// the text of its subsections.
type searchEntry struct {
	page   int    // index of the page in the site's reading order
	anchor string // the heading's id, "" for the top of the page
	title  string
	text   strings.Builder
}

// searchIndex collects the sections of every page.
type searchIndex struct {
	pages   [][2]string // path and title of each page
	entries []*searchEntry
}

// add indexes the sections of the body of the page at path, whose HTML
// the renderer wrote: a heading with an id starts a section; the page's
// first heading, when nothing comes before it, is its title.
func (ix *searchIndex) add(path, title, body string) {
	page := len(ix.pages)
	ix.pages = append(ix.pages, [2]string{path, title})
	cur := &searchEntry{page: page, title: title}
	ix.entries = append(ix.entries, cur)
	var heading *searchEntry // the section whose title is being read
	inTitle := false         // reading the page's title, which is known
	skip := 0                // depth inside links whose text is not read
	first := true
	for s := body; len(s) > 0; {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			lt = len(s)
		}
		if t := s[:lt]; t != "" && skip == 0 && !inTitle {
			if heading != nil {
				heading.title += html.UnescapeString(t)
			} else {
				cur.text.WriteString(html.UnescapeString(t))
			}
		}
		s = s[lt:]
		if strings.HasPrefix(s, "<!--") {
			end := strings.Index(s, "-->")
			if end < 0 {
				break
			}
			s = s[end+3:]
			continue
		}
		gt := strings.IndexByte(s, '>')
		if gt < 0 {
			break
		}
		name, attrs, _ := strings.Cut(s[1:gt], " ")
		s = s[gt+1:]
		switch {
		case name == "script" || name == "style":
			end := strings.Index(s, "</"+name+">")
			if end < 0 {
				return
			}
			s = s[end:]
		case isHeading(name):
			id := attrValue(attrs, "id")
			if first && name == "h1" && strings.TrimSpace(cur.text.String()) == "" {
				cur.anchor, inTitle = id, true
			} else if id != "" {
				cur = &searchEntry{page: page, anchor: id}
				ix.entries = append(ix.entries, cur)
				heading = cur
			}
			first = false
		case strings.HasPrefix(name, "/") && isHeading(name[1:]):
			heading, inTitle = nil, false
		case name == "a" && strings.Contains(attrs, `class="headerlink"`):
			skip++
		case name == "/a" && skip > 0:
			skip--
		case name == "br" || name == "/p" || name == "/li" || name == "/pre" || name == "/td" || name == "/th" || name == "/dt" || name == "/dd":
			cur.text.WriteByte(' ')
		}
	}
}

func isHeading(name string) bool {
	return len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'
}

// attrValue returns the value of attribute name in the attributes of a
// start tag written by the renderer (double-quoted values).
func attrValue(attrs, name string) string {
	i := strings.Index(" "+attrs, " "+name+`="`)
	if i < 0 {
		return ""
	}
	rest := attrs[i+len(name)+2:]
	end := strings.IndexByte(rest, '"')
	if end < 0 {
		return ""
	}
	return html.UnescapeString(rest[:end])
}

// script returns the index as a script that sets tailorSearch: the pages
// as [path, title] and the sections as [page, anchor, title, text], text
// with its white space collapsed.
func (ix *searchIndex) script() []byte {
	type doc struct {
		Pages    [][2]string `json:"pages"`
		Sections [][4]any    `json:"sections"`
	}
	d := doc{Pages: ix.pages, Sections: [][4]any{}}
	for _, e := range ix.entries {
		text := collapseSpace(e.text.String())
		title := collapseSpace(e.title)
		if text == "" && e.anchor == "" && title == "" {
			continue
		}
		d.Sections = append(d.Sections, [4]any{e.page, e.anchor, title, text})
	}
	var b bytes.Buffer
	b.WriteString("window.tailorSearch = ")
	enc := json.NewEncoder(&b)
	_ = enc.Encode(d) // strings and ints: it cannot fail; <, > and & are escaped
	b.Truncate(b.Len() - 1)
	b.WriteString(";\n")
	return b.Bytes()
}

// collapseSpace returns s with its leading and trailing white space
// removed and every other run of white space (as unicode.IsSpace has
// it) made one space: strings.Join(strings.Fields(s), " ") in one pass.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if ok, size := spaceAt(s, i); ok {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			ok, size := spaceAt(s, j)
			if ok {
				break
			}
			j += size
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[i:j])
		i = j
	}
	return b.String()
}

// asciiSpace are the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// spaceAt reports whether s holds white space at i, and the length of
// the character there.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}
