// Package htmlcheck checks the HTML that tailor's site writes, for the
// tests of the site and of whole builds: tags closed in order,
// attributes quoted and unique, text escaped, ids unique, links that
// resolve to a file and an id of the site, and the content rules that browsers would otherwise repair silently
// (no block inside a paragraph, no link inside a link, list items in
// lists, figcaption first or last in its figure).
//
// It reads the markup tailor writes, not any HTML: every attribute value
// double-quoted, lower-case names, no unclosed elements but void ones.
package htmlcheck

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
)

var voidElements = set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")

var blockElements = set("address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
	"li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul")

// phrasingOnly are elements whose content must be phrasing content.
var phrasingOnly = set("a", "abbr", "cite", "code", "dfn", "em", "h1", "h2", "h3", "h4", "h5", "h6", "kbd",
	"p", "pre", "span", "strong", "sub", "sup", "title")

// parents lists the only elements that may contain an element.
var parents = map[string][]string{
	"li":         {"ul", "ol"},
	"dt":         {"dl"},
	"dd":         {"dl"},
	"tr":         {"thead", "tbody", "tfoot", "table"},
	"td":         {"tr"},
	"th":         {"tr"},
	"thead":      {"table"},
	"tbody":      {"table"},
	"caption":    {"table"},
	"figcaption": {"figure"},
	"summary":    {"details"},
}

func set(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

type element struct {
	name     string
	children []string // names of element children, in order
}

// A Page is what the checker learns of a page.
type Page struct {
	IDs   map[string]bool
	Links []string // href values
	Srcs  []string // src values
	// Resources are the URLs the page loads: src values and the href
	// of <link> elements.
	Resources []string
}

var entity = regexp.MustCompile(`^&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);`)

var knownEntities = set("amp", "lt", "gt", "quot", "apos", "nbsp")

// Check checks the page name, whose text is s, and returns what it
// learned of it and the problems, as "name:line: problem".
func Check(name, s string) (*Page, []string) {
	d := &Page{IDs: map[string]bool{}}
	var problems []string
	errorf := func(i int, format string, args ...any) {
		line := strings.Count(s[:i], "\n") + 1
		problems = append(problems, fmt.Sprintf("%s:%d: %s", name, line, fmt.Sprintf(format, args...)))
	}
	var stack []*element
	top := func() string {
		if len(stack) == 0 {
			return ""
		}
		return stack[len(stack)-1].name
	}
	inside := func(n string) bool {
		for _, e := range stack {
			if e.name == n {
				return true
			}
		}
		return false
	}
	if !strings.HasPrefix(s, "<!doctype html>\n") {
		errorf(0, "no doctype")
	}
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '&':
			m := entity.FindString(s[i:])
			if m == "" {
				errorf(i, "unescaped & in %q", excerpt(s, i))
				i++
				continue
			}
			if n := m[1 : len(m)-1]; n[0] != '#' && !knownEntities[n] {
				errorf(i, "unknown entity %s", m)
			}
			i += len(m)
		case c == '>':
			errorf(i, "unescaped > in text %q", excerpt(s, i))
			i++
		case c != '<':
			i++
		case strings.HasPrefix(s[i:], "<!--"):
			end := strings.Index(s[i:], "-->")
			if end < 0 {
				errorf(i, "unclosed comment")
				return d, problems
			}
			i += end + 3
		case strings.HasPrefix(s[i:], "<!doctype html>"):
			i += len("<!doctype html>")
		case strings.HasPrefix(s[i:], "</"):
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				errorf(i, "unclosed end tag")
				return d, problems
			}
			tag := s[i+2 : i+end]
			if len(stack) == 0 || top() != tag {
				errorf(i, "end tag </%s> does not match <%s>", tag, top())
			} else {
				e := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if e.name == "figure" {
					for k, ch := range e.children {
						if ch == "figcaption" && k != 0 && k != len(e.children)-1 {
							errorf(i, "figcaption is child %d of %d in its figure", k+1, len(e.children))
						}
					}
				}
				if e.name == "table" {
					for k, ch := range e.children {
						if ch == "caption" && k != 0 {
							errorf(i, "caption is not the first child of its table")
						}
					}
				}
			}
			i += end + 1
		default:
			tag, attrs, n, err := parseTag(s[i:])
			if err != "" {
				errorf(i, "%s in %q", err, excerpt(s, i))
				i++
				continue
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, tag)
				if phrasingOnly[p.name] && blockElements[tag] {
					errorf(i, "<%s> inside <%s>", tag, p.name)
				}
			}
			if ps, ok := parents[tag]; ok && !contains(ps, top()) {
				errorf(i, "<%s> inside <%s>, want one of %v", tag, top(), ps)
			}
			if tag == "a" && inside("a") {
				errorf(i, "link inside a link")
			}
			seen := map[string]bool{}
			for _, a := range attrs {
				if seen[a.name] {
					errorf(i, "attribute %s twice on <%s>", a.name, tag)
				}
				seen[a.name] = true
				switch a.name {
				case "id":
					if d.IDs[a.value] {
						errorf(i, "id %q used twice", a.value)
					}
					if a.value == "" || strings.ContainsAny(a.value, " \t\n") {
						errorf(i, "bad id %q", a.value)
					}
					d.IDs[a.value] = true
				case "href":
					d.Links = append(d.Links, a.value)
					if tag == "link" {
						d.Resources = append(d.Resources, a.value)
					}
				case "src":
					d.Srcs = append(d.Srcs, a.value)
					d.Resources = append(d.Resources, a.value)
				}
			}
			if !voidElements[tag] {
				stack = append(stack, &element{name: tag})
			}
			i += n
		}
	}
	if len(stack) > 0 {
		errorf(len(s)-1, "unclosed <%s>", top())
	}
	return d, problems
}

type tagAttr struct{ name, value string }

// parseTag parses a start tag at the start of s and returns its name,
// attributes (values unescaped) and length.
func parseTag(s string) (tag string, attrs []tagAttr, n int, err string) {
	i := 1
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	tag = s[1:i]
	if tag == "" {
		return "", nil, 0, "unescaped <"
	}
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\n') {
			i++
		}
		if i >= len(s) {
			return "", nil, 0, "unclosed tag"
		}
		if s[i] == '>' {
			return tag, attrs, i + 1, ""
		}
		j := i
		for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] == '-') {
			j++
		}
		if j == i {
			return "", nil, 0, fmt.Sprintf("bad attribute character %q", s[i])
		}
		name := s[i:j]
		if j < len(s) && s[j] != '=' {
			attrs = append(attrs, tagAttr{name, ""})
			i = j
			continue
		}
		if j+1 >= len(s) || s[j+1] != '"' {
			return "", nil, 0, "unquoted attribute " + name
		}
		end := strings.IndexByte(s[j+2:], '"')
		if end < 0 {
			return "", nil, 0, "unclosed attribute " + name
		}
		raw := s[j+2 : j+2+end]
		if strings.ContainsAny(raw, "<>") {
			return "", nil, 0, "unescaped < or > in attribute " + name
		}
		for k := 0; k < len(raw); k++ {
			if raw[k] == '&' && entity.FindString(raw[k:]) == "" {
				return "", nil, 0, "unescaped & in attribute " + name
			}
		}
		attrs = append(attrs, tagAttr{name, unescape(raw)})
		i = j + 2 + end + 1
	}
}

var entityValues = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&#34;", `"`, "&apos;", "'", "&nbsp;", "\u00a0")

func unescape(s string) string { return entityValues.Replace(s) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func excerpt(s string, i int) string {
	return s[max(0, i-20):min(len(s), i+20)]
}

// Site checks every page of a site, given as its files by slash path
// (pages end in ".html"), and that every relative link and resource
// points to a file of the site (or one of assets) and to an id in it. It
// returns what it learned of each page and the problems. The resources
// a page loads from elsewhere, as its author wrote them, are the
// caller's to judge (Page.Resources).
func Site(files map[string][]byte, assets []string) (map[string]*Page, []string) {
	var problems []string
	docs := map[string]*Page{}
	have := map[string]bool{}
	for p, data := range files {
		have[p] = true
		if strings.HasSuffix(p, ".html") {
			d, ps := Check(p, string(data))
			docs[p] = d
			problems = append(problems, ps...)
		}
	}
	for _, a := range assets {
		have[a] = true
	}
	for p, d := range docs {
		for _, href := range append(append([]string(nil), d.Links...), d.Srcs...) {
			u, err := url.Parse(href)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: bad URL %q: %v", p, href, err))
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue
			}
			target := p
			if u.Path != "" {
				target = path.Join(path.Dir(p), u.Path)
				if target == ".." || strings.HasPrefix(target, "../") {
					continue // outside the site: the build warns about it
				}
				if !have[target] {
					problems = append(problems, fmt.Sprintf("%s: link %q: no file %s in the site", p, href, target))
					continue
				}
			}
			if u.Fragment != "" {
				td := docs[target]
				if td == nil || !td.IDs[u.Fragment] {
					problems = append(problems, fmt.Sprintf("%s: link %q: no id %q in %s", p, href, u.Fragment, target))
				}
			}
		}
	}
	sort.Strings(problems)
	return docs, problems
}
