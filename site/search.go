package site

import (
	"html"
	"strconv"
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
	title  spaceWriter
	text   spaceWriter
}

// searchIndex collects the pages and their sections, as the index's
// script holds them.
type searchIndex struct {
	pages    [][2]string // path and title of each page
	sections [][]byte    // of each page, in JSON: see sectionsJSON
}

// add indexes a page, the next in reading order, by its path and title
// and its sections as sectionsJSON gives them.
func (ix *searchIndex) add(path, title string, sections []byte) {
	ix.pages = append(ix.pages, [2]string{path, title})
	ix.sections = append(ix.sections, sections)
}

// sectionsJSON returns the entries as the index holds them, each as
// [page, anchor, title, text] and a comma between them: an entry with
// no anchor, title or text is left out.
func sectionsJSON(entries []*searchEntry) []byte {
	n := 0
	for _, e := range entries {
		n += len(e.anchor) + e.title.b.Len() + e.text.b.Len() + 24
	}
	b := make([]byte, 0, n+n/8)
	for _, e := range entries {
		text, title := e.text.b.String(), e.title.b.String()
		if text == "" && e.anchor == "" && title == "" {
			continue
		}
		if len(b) > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(e.page), 10)
		b = append(b, ',')
		b = appendJSON(b, e.anchor)
		b = append(b, ',')
		b = appendJSON(b, title)
		b = append(b, ',')
		b = appendJSON(b, text)
		b = append(b, ']')
	}
	return b
}

// sections returns the sections of the body of the page at index page
// of the reading order, whose HTML the renderer wrote: a heading with an
// id starts a section; the page's first heading, when nothing comes
// before it, is its title.
func sections(page int, title, body string) []*searchEntry {
	cur := &searchEntry{page: page}
	cur.title.write(title)
	entries := []*searchEntry{cur}
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
				heading.title.write(html.UnescapeString(t))
			} else {
				cur.text.write(html.UnescapeString(t))
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
				return entries
			}
			s = s[end:]
		case isHeading(name):
			id := attrValue(attrs, "id")
			if first && name == "h1" && cur.text.b.Len() == 0 {
				cur.anchor, inTitle = id, true
			} else if id != "" {
				cur = &searchEntry{page: page, anchor: id}
				entries = append(entries, cur)
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
			cur.text.space = true
		}
	}
	return entries
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
	n := 64
	for i, p := range ix.pages {
		n += len(p[0]) + len(p[1]) + 8 + len(ix.sections[i]) + 1
	}
	b := make([]byte, 0, n+n/8)
	b = append(b, `window.tailorSearch = {"pages":`...)
	if ix.pages == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, p := range ix.pages {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = appendJSON(b, p[0])
			b = append(b, ',')
			b = appendJSON(b, p[1])
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	b = append(b, `,"sections":[`...)
	first := true
	for _, s := range ix.sections {
		if len(s) == 0 {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		b, first = append(b, s...), false
	}
	return append(b, "]};\n"...)
}

// appendJSON appends s as a JSON string, as encoding/json writes it:
// <, > and & escaped, as are U+2028 and U+2029, and each byte that is
// not UTF-8 becomes U+FFFD.
func appendJSON(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// A spaceWriter keeps text with its white space collapsed as it is
// written, in pieces: what it holds is always strings.Fields of all the
// pieces, joined by single spaces.
type spaceWriter struct {
	b     strings.Builder
	space bool // white space written last, not yet in b
}

// write adds s: a run of white space (as unicode.IsSpace has it), here or
// across pieces, becomes one space between words, and none at the start
// or the end. A piece ends where a character does.
func (w *spaceWriter) write(s string) {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				w.space = true
				i++
				continue
			}
			// words with one plain space between them are written as
			// they are, in one piece
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				if !asciiSpace[s[j]] {
					j++
				} else if s[j] == ' ' && j+1 < len(s) && s[j+1] < utf8.RuneSelf && !asciiSpace[s[j+1]] {
					j += 2
				} else {
					break
				}
			}
			w.word(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			w.space = true
		} else {
			w.word(s[i : i+size])
		}
		i += size
	}
}

// word writes part of a word, after a space when white space came before
// it and the text is not empty.
func (w *spaceWriter) word(s string) {
	if w.space && w.b.Len() > 0 {
		w.b.WriteByte(' ')
	}
	w.space = false
	w.b.WriteString(s)
}

// asciiSpace are the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
