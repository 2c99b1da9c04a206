package rst

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tailordocs/tailor/content"
)

// A pendingRef is a reference by name, resolved when the whole document
// is read.
type pendingRef struct {
	link *content.Link
	name string // normalized
	file *content.File
	off  int
}

type pendingFootnoteRef struct {
	ref  *content.FootnoteRef
	name string // label without "#" for auto-numbered ones
	auto bool   // [#] or [#name]
	sym  bool   // [*]
	file *content.File
	off  int
}

type pendingCitationRef struct {
	ref  *content.CitationRef
	name string
	file *content.File
	off  int
}

type pendingSubst struct {
	ref  *content.SubstRef
	file *content.File
	off  int
}

// whitespaceNormalize collapses runs of white space into one space.
func whitespaceNormalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// namedRef makes a link for "name_" or "name__".
func (in *inliner) namedRef(m match) content.Inline {
	e := m.end - m.refend
	name := in.s[m.p:e]
	link := &content.Link{
		Span:     in.ts.span(m.p, m.end),
		Children: in.textNodes(m.p, e),
	}
	if m.refend == 2 {
		link.Anonymous = true
		in.p.anonRefs = append(in.p.anonRefs, &pendingRef{link: link, file: in.ts.file, off: link.Start})
	} else {
		link.RefName = content.NormalizeName(name)
		in.p.refs = append(in.p.refs, &pendingRef{link: link, name: link.RefName, file: in.ts.file, off: link.Start})
	}
	return link
}

// footnoteRef makes a footnote or citation reference.
func (in *inliner) footnoteRef(m match) content.Inline {
	span := in.ts.span(m.p, m.end)
	label := m.label
	if m.start == "citation" {
		ref := &content.CitationRef{Span: span, Label: label}
		in.p.newID()
		in.p.citationRefs = append(in.p.citationRefs, &pendingCitationRef{ref: ref, name: content.NormalizeName(label), file: in.ts.file, off: span.Start})
		return ref
	}
	ref := &content.FootnoteRef{Span: span, Label: label}
	pr := &pendingFootnoteRef{ref: ref, file: in.ts.file, off: span.Start}
	switch {
	case strings.HasPrefix(label, "#"):
		pr.auto = true
		pr.name = content.NormalizeName(label[1:])
	case label == "*":
		pr.sym = true
	default:
		pr.name = content.NormalizeName(label)
	}
	in.p.newID()
	in.p.footnoteRefs = append(in.p.footnoteRefs, pr)
	return ref
}

// inlineTarget makes an inline internal target _`name`.
func (in *inliner) inlineTarget(span content.Span, a, b int) content.Inline {
	name := unescape(in.s[a:b], false)
	norm := content.NormalizeName(name)
	t := &content.InlineTarget{Span: span, Name: name, Children: in.textNodes(a, b)}
	t.ID = in.p.newID(norm)
	in.p.noteExplicit(norm, &nameEntry{id: t.ID}, in.ts.file, span.Start)
	return t
}

// substRef makes a substitution reference |name|, wrapped in a link for
// |name|_ and |name|__.
func (in *inliner) substRef(span content.Span, a, b int, endstring string) content.Inline {
	name := whitespaceNormalize(unescape(in.s[a:b], false))
	ref := &content.SubstRef{Span: span, Name: name}
	in.p.substRefs = append(in.p.substRefs, &pendingSubst{ref: ref, file: in.ts.file, off: span.Start})
	if endstring == "" {
		return ref
	}
	link := &content.Link{Span: span, Children: []content.Inline{ref}}
	if endstring == "__" {
		link.Anonymous = true
		in.p.anonRefs = append(in.p.anonRefs, &pendingRef{link: link, file: in.ts.file, off: span.Start})
	} else {
		link.RefName = content.NormalizeName(name)
		in.p.refs = append(in.p.refs, &pendingRef{link: link, name: link.RefName, file: in.ts.file, off: span.Start})
	}
	return link
}

// embeddedLink finds an embedded "<uri>" or "<name_>" at the end of the
// escaped text t; it returns the start of the white space before it and
// the bounds of what is between the angle brackets.
func embeddedLink(t string) (ms, a, b int, ok bool) {
	n := len(t)
	if n < 3 || t[n-1] != '>' {
		return 0, 0, 0, false
	}
	k := -1
	for i := n - 2; i >= 0; i-- {
		c := t[i]
		if c != '<' && c != '>' {
			continue
		}
		if i > 0 && t[i-1] == 0 {
			i--
			continue
		}
		if c == '>' {
			return 0, 0, 0, false
		}
		k = i
		break
	}
	if k < 0 || k+1 >= n-1 {
		return 0, 0, 0, false
	}
	if isPySpace(runeAtStr(t, k+1)) {
		return 0, 0, 0, false
	}
	if last := lastRuneStr(t[:n-1]); isPySpace(last) || last == 0 {
		return 0, 0, 0, false
	}
	ms = k
	for ms > 0 && (t[ms-1] == ' ' || t[ms-1] == '\n') {
		ms--
	}
	if ms == k && k > 0 {
		return 0, 0, 0, false
	}
	return ms, k + 1, n - 1, true
}

// phraseRef makes a link for `text`_, `text`__, `text <uri>`_ and
// `text <name_>`_. The text is in.s[a:b]; the construct is bq..qe.
func (in *inliner) phraseRef(bq, a, b, qe int, anonymous bool) content.Inline {
	p := in.p
	escaped := in.s[a:b]
	link := &content.Link{Span: in.ts.span(bq, qe)}
	aliasName, aliasURI := "", ""
	hasTarget := false
	text := unescape(escaped, false)
	link.Children = in.textNodes(a, b)
	if ms, aa, ab, ok := embeddedLink(escaped); ok {
		hasTarget = true
		aliastext := escaped[aa:ab]
		raw := unescape(aliastext, true)
		if strings.HasSuffix(aliastext, "_") && !(strings.HasSuffix(raw, `\_`) || uriAtStart(aliastext)) {
			aliasName = content.NormalizeName(unescape(aliastext[:len(aliastext)-1], false))
		} else {
			aliasURI = adjustURI(unescape(removeUnescapedSpace(aliastext), false))
		}
		text = unescape(escaped[:ms], false)
		link.Children = in.textNodes(a, a+ms)
		if ms == 0 {
			// No text: the link shows its target.
			text = aliasName + aliasURI
			link.Children = []content.Inline{&content.Text{Span: in.ts.span(a+aa, a+ab), Value: text}}
		}
	}
	refname := content.NormalizeName(text)
	file, off := in.ts.file, link.Start
	switch {
	case anonymous && aliasName != "":
		link.RefName = aliasName
		p.refs = append(p.refs, &pendingRef{link: link, name: aliasName, file: file, off: off})
	case anonymous && hasTarget:
		link.URL = aliasURI
	case anonymous:
		link.Anonymous = true
		p.anonRefs = append(p.anonRefs, &pendingRef{link: link, file: file, off: off})
	case aliasName != "":
		link.RefName = aliasName
		p.newID(refname)
		p.noteExplicit(refname, &nameEntry{refname: aliasName}, file, off)
		p.refs = append(p.refs, &pendingRef{link: link, name: aliasName, file: file, off: off})
	case hasTarget:
		link.URL = aliasURI
		p.newID(refname)
		p.noteExplicit(refname, &nameEntry{url: aliasURI}, file, off)
	default:
		link.RefName = refname
		p.refs = append(p.refs, &pendingRef{link: link, name: refname, file: file, off: off})
	}
	return link
}

// removeUnescapedSpace removes white space from a URI, keeping escaped
// spaces as single spaces (docutils' split_escaped_whitespace).
func removeUnescapedSpace(s string) string {
	var out []string
	for _, part := range strings.Split(strings.ReplaceAll(s, "\x00\n", "\x00 "), "\x00 ") {
		out = append(out, strings.Join(strings.Fields(part), ""))
	}
	return strings.Join(out, " ")
}

// explicitTitle splits "Title <target>" as Sphinx does.
var explicitTitle = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)^(.+?)\s*<(.*?)>$`) })

// splitTitle splits escaped role text into an explicit title and target.
func splitTitle(t string) (title, target string, ok bool) {
	m := explicitTitle().FindStringSubmatchIndex(t)
	if m == nil {
		return "", "", false
	}
	// The "<" must not be escaped.
	lt := m[4] - 1
	if lt > 0 && t[lt-1] == 0 {
		return "", "", false
	}
	return t[m[2]:m[3]], t[m[4]:m[5]], true
}

// interpreted makes a role node for interpreted text.
func (in *inliner) interpreted(start, a, b, qe int, role string) content.Inline {
	p := in.p
	name := strings.ToLower(role)
	if name == "" {
		name = p.defaultRole
	}
	escaped := in.s[a:b]
	r := &content.Role{
		Span:   in.ts.span(start, qe),
		Name:   name,
		Text:   unescape(escaped, true),
		Target: unescape(escaped, false),
		Known:  p.knownRole(name),
	}
	if !noTitleRoles[name] {
		if title, target, ok := splitTitle(escaped); ok {
			r.Title = unescape(title, false)
			r.Target = unescape(target, false)
		}
	}
	if r.Title == "" {
		switch name {
		case "pep", "pep-reference":
			r.Title = "PEP " + r.Target
		case "rfc", "rfc-reference":
			r.Title = "RFC " + r.Target
		}
	}
	if !r.Known {
		msg := "unknown interpreted text role " + quote(role)
		if s := p.suggest(name, p.roleNames()); s != "" {
			msg += "; did you mean " + quote(s) + "?"
		}
		p.warnOff(in.ts.file, r.Start, "%s", msg)
		in.problematicIDs()
	}
	return r
}

// noTitleRoles are the roles whose text is never "Title <target>".
var noTitleRoles = map[string]bool{
	"emphasis": true, "strong": true, "literal": true, "code": true, "math": true,
	"sub": true, "sup": true, "subscript": true, "superscript": true,
	"title-reference": true, "title": true, "t": true,
	"abbreviation": true, "ab": true, "acronym": true, "ac": true, "raw": true,
}

// knownRoles are the roles of docutils and Sphinx.
var knownRoles = map[string]bool{}

func init() {
	for _, r := range strings.Fields(`
		abbreviation ab acronym ac code index i subscript sub superscript sup
		title-reference title t pep-reference pep rfc-reference rfc emphasis
		strong literal math raw uri-reference uri url
		ref doc numref term envvar token keyword option download any eq
		abbr command dfn file guilabel kbd mailheader makevar manpage
		menuselection mimetype newsgroup program regexp samp
		func class mod meth attr data exc obj const type
		c:func c:member c:macro c:data c:type c:expr c:texpr c:var c:struct c:union c:enum c:enumerator
		cpp:any cpp:class cpp:struct cpp:func cpp:member cpp:var cpp:type cpp:concept cpp:enum cpp:enumerator cpp:expr cpp:texpr
		js:func js:meth js:class js:data js:attr js:mod
		py:func py:class py:mod py:meth py:attr py:data py:exc py:obj py:const py:type
		rst:dir rst:role rst:directive:option
		std:ref std:doc std:numref std:term std:envvar std:token std:keyword std:option
		math:numref`) {
		knownRoles[r] = true
	}
}

func (p *parser) knownRole(name string) bool { return knownRoles[name] || p.customRoles[name] }

func (p *parser) roleNames() []string {
	out := make([]string, 0, len(knownRoles)+len(p.customRoles))
	for r := range knownRoles {
		out = append(out, r)
	}
	for r := range p.customRoles {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// term parses a definition list term, splitting off the classifiers
// (" : classifier") that follow it in plain text.
func (p *parser) term(ts *textSrc) ([]content.Inline, [][]content.Inline) {
	in := p.newInliner(ts)
	in.parse()
	var groups [][]piece
	groups = append(groups, nil)
	for _, pc := range in.out {
		if pc.node != nil {
			groups[len(groups)-1] = append(groups[len(groups)-1], pc)
			continue
		}
		a := pc.a
		for {
			i, j := classifierDelim(in.s, a, pc.b)
			if i < 0 {
				groups[len(groups)-1] = append(groups[len(groups)-1], piece{a: a, b: pc.b})
				break
			}
			// The text before the delimiter loses its trailing spaces.
			e := i
			for e > a && in.s[e-1] == ' ' {
				e--
			}
			groups[len(groups)-1] = append(groups[len(groups)-1], piece{a: a, b: e})
			groups = append(groups, nil)
			a = j
		}
	}
	term := in.finish(groups[0])
	var classifiers [][]content.Inline
	for _, g := range groups[1:] {
		classifiers = append(classifiers, in.finish(g))
	}
	return term, classifiers
}

// classifierDelim finds " +: +" in s[a:b] and returns its bounds.
func classifierDelim(s string, a, b int) (int, int) {
	for i := a; i < b; i++ {
		if s[i] != ':' || i == a || s[i-1] != ' ' || i+1 >= b || s[i+1] != ' ' {
			continue
		}
		start := i - 1
		for start > a && s[start-1] == ' ' {
			start--
		}
		end := i + 1
		for end < b && s[end] == ' ' {
			end++
		}
		return start, end
	}
	return -1, -1
}

// astextAtParse returns the text of a title as docutils sees it while
// parsing, before substitutions and footnote numbers are filled in.
func astextAtParse(in []content.Inline) string {
	var b strings.Builder
	var walk func([]content.Inline)
	walk = func(in []content.Inline) {
		for _, n := range in {
			switch n := n.(type) {
			case *content.SubstRef:
				b.WriteString(n.Name)
			case *content.FootnoteRef:
				if n.Label != "" && isDigit(n.Label[0]) {
					b.WriteString(n.Label)
				}
			case *content.CitationRef:
				b.WriteString(n.Label)
			case *content.Emphasis:
				walk(n.Children)
			case *content.Strong:
				walk(n.Children)
			case *content.Link:
				walk(n.Children)
			case *content.InlineTarget:
				walk(n.Children)
			default:
				b.WriteString(content.PlainText([]content.Inline{n}))
			}
		}
	}
	walk(in)
	return b.String()
}

func runeAtStr(s string, i int) rune {
	if i >= len(s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func lastRuneStr(s string) rune {
	if s == "" {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
