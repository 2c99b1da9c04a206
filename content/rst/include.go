package rst

import (
	"errors"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/content"
)

// resolvePath returns the FS path of a file named in a directive of the
// file cur: relative to cur's directory, or to the FS root when it starts
// with "/", as in Sphinx.
func resolvePath(cur, name string) (string, bool) {
	var full string
	if strings.HasPrefix(name, "/") {
		full = path.Clean(strings.TrimLeft(name, "/"))
	} else {
		full = path.Join(path.Dir(cur), name)
	}
	return full, fs.ValidPath(full)
}

// readFile reads a file named by a directive through Options.FS.
func (p *parser) readFile(d *directive, name string) (string, []byte, bool) {
	if name == "" {
		return "", nil, false
	}
	if strings.HasPrefix(name, "<") && strings.HasSuffix(name, ">") {
		p.dirError(d, "standard include files such as %s are not supported", quote(name))
		return "", nil, false
	}
	if p.opts.FS == nil {
		p.dirError(d, "cannot read %s: no file system was given to the reader", quote(name))
		return "", nil, false
	}
	full, ok := resolvePath(d.first.src.file().Name, name)
	if !ok {
		p.dirError(d, "%s is outside the project", quote(name))
		return "", nil, false
	}
	data, err := fs.ReadFile(p.opts.FS, full)
	if err != nil {
		why := err.Error()
		switch {
		case errors.Is(err, fs.ErrNotExist):
			why = "file does not exist"
		case errors.Is(err, fs.ErrPermission):
			why = "permission denied"
		}
		p.dirError(d, "cannot read %s: %s", quote(full), why)
		return "", nil, false
	}
	return full, data, true
}

// includeDirective reads another reST file into the document.
func (p *parser) includeDirective(d *directive, titles bool) []content.Block {
	inc := &content.Include{Span: d.span, Path: d.argText}
	if len(p.includes) > maxIncludeDepth {
		p.dirError(d, "includes nested more than %d deep", maxIncludeDepth)
		return []content.Block{inc}
	}
	full, ok := resolvePath(d.first.src.file().Name, d.argText)
	if ok {
		for i, f := range p.includes {
			if f == full {
				chain := append(append([]string(nil), p.includes[i:]...), full)
				p.dirError(d, "include loop: %s; remove one of the includes", strings.Join(quoteAll(chain), " includes "))
				return []content.Block{inc}
			}
		}
	}
	full, data, ok := p.readFile(d, d.argText)
	if !ok {
		return []content.Block{inc}
	}
	f := content.NewFile(full, data)
	inc.File = f
	if len(data) > maxFileSize {
		p.dirError(d, "%s is too large to read", quote(full))
		return []content.Block{inc}
	}
	start, end := 0, len(data)
	if v, ok := d.option("start-line"); ok {
		start = f.LineStart(lineIndex(v, f.LineCount()) + 1)
	}
	if v, ok := d.option("end-line"); ok {
		end = f.LineStart(lineIndex(v, f.LineCount()) + 1)
	}
	if v, ok := d.option("start-after"); ok && v != "" {
		i := strings.Index(string(data[start:end]), v)
		if i < 0 {
			p.dirError(d, "the :start-after: text %s is not in %s", quote(v), quote(full))
			return []content.Block{inc}
		}
		start += i + len(v)
	}
	if v, ok := d.option("end-before"); ok && v != "" {
		i := strings.Index(string(data[start:end]), v)
		if i < 0 {
			p.dirError(d, "the :end-before: text %s is not in %s", quote(v), quote(full))
			return []content.Block{inc}
		}
		end = start + i
	}
	if start > end {
		start = end
	}
	_, literal := d.option("literal")
	lang, code := d.option("code")
	if literal || code {
		lines := views(splitLines(f, start, end))
		lines = trimBlank(lines)
		if len(lines) > 0 {
			c := newCode(lines)
			c.Directive = "include"
			c.Lang = lang
			inc.Blocks = []content.Block{c}
		}
		return []content.Block{inc}
	}
	p.includes = append(p.includes, full)
	inc.Blocks = p.parseFile(f, start, end, titles)
	p.includes = p.includes[:len(p.includes)-1]
	if inc.Blocks == nil {
		inc.Blocks = []content.Block{}
	}
	return []content.Block{inc}
}

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = quote(x)
	}
	return out
}

// lineIndex turns a Python-style line index (negative counts from the
// end) into a 0-based line index.
func lineIndex(v string, n int) int {
	i, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0
	}
	if i < 0 {
		i += n
	}
	return min(max(i, 0), n)
}

// literalIncludeDirective reads a file into a code block, as Sphinx's
// literalinclude: the code's Line is the directive's line, since the
// text is not in the document.
func (p *parser) literalIncludeDirective(d *directive, titles bool) []content.Block {
	_, data, ok := p.readFile(d, d.argText)
	if !ok {
		return []content.Block{newDirectiveNode(d, true)}
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.SplitAfter(text, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	filter := func(opt string, keep func(i int) (from, to int, ok bool)) bool {
		v, ok := d.option(opt)
		if !ok || v == "" {
			return true
		}
		for i, l := range lines {
			if strings.Contains(l, v) {
				from, to, _ := keep(i)
				lines = lines[from:to]
				return true
			}
		}
		p.dirError(d, "the :%s: text %s is not in %s", opt, quote(v), quote(d.argText))
		return false
	}
	if !filter("start-after", func(i int) (int, int, bool) { return i + 1, len(lines), true }) ||
		!filter("start-at", func(i int) (int, int, bool) { return i, len(lines), true }) ||
		!filter("end-before", func(i int) (int, int, bool) { return 0, i, true }) ||
		!filter("end-at", func(i int) (int, int, bool) { return 0, i + 1, true }) {
		return []content.Block{newDirectiveNode(d, true)}
	}
	if v, ok := d.option("lines"); ok {
		sel, err := selectLines(v, len(lines))
		if err != "" {
			p.dirError(d, "invalid :lines: value %s: %s", quote(v), err)
		} else {
			var out []string
			for _, i := range sel {
				out = append(out, lines[i])
			}
			lines = out
		}
	}
	if v, ok := d.option("prepend"); ok {
		lines = append([]string{v + "\n"}, lines...)
	}
	if v, ok := d.option("append"); ok {
		lines = append(lines, v+"\n")
	}
	c := &content.Code{Span: d.span, Directive: d.lname, Options: d.options, Line: d.first.src.num()}
	c.Content = content.Span{Start: d.span.Start, End: d.span.Start}
	c.Lang, _ = d.option("language")
	c.Caption, _ = d.option("caption")
	c.Name, _ = d.option("name")
	c.Text = strings.TrimRight(strings.Join(lines, ""), "\n")
	if v, ok := d.option("dedent"); ok {
		p.dedent(d, c, v)
		c.Indent = 0
	}
	return []content.Block{c}
}

// selectLines parses a Sphinx line selection such as "1,3,5-10,20-".
func selectLines(spec string, n int) ([]int, string) {
	var out []int
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		a, b, found := strings.Cut(part, "-")
		from, to := 0, 0
		var err error
		switch {
		case !found:
			from, err = strconv.Atoi(a)
			to = from
		case a == "":
			from = 1
			to, err = strconv.Atoi(b)
		case b == "":
			from, err = strconv.Atoi(a)
			to = n
		default:
			from, err = strconv.Atoi(a)
			if err == nil {
				to, err = strconv.Atoi(b)
			}
		}
		if err != nil || from < 1 || to < from {
			return nil, "write line numbers and ranges such as \"1,3,5-10,20-\""
		}
		for i := from; i <= to && i <= n; i++ {
			out = append(out, i-1)
		}
	}
	if len(out) == 0 {
		return nil, "no lines selected"
	}
	return out, ""
}

// glossaryDirective reads a Sphinx glossary: terms, one or more a group,
// each group followed by an indented definition.
func (p *parser) glossaryDirective(d *directive, titles bool) []content.Block {
	n := newDirectiveNode(d, true)
	n.Blocks = []content.Block{}
	var dl *content.DefList
	flush := func() {
		if dl != nil {
			dl.Start = dl.Items[0].Start
			dl.End = dl.Items[len(dl.Items)-1].End
			n.Blocks = append(n.Blocks, dl)
			dl = nil
		}
	}
	lines := d.content
	for len(lines) > 0 {
		lines = lines[skipBlank(lines):]
		if len(lines) == 0 {
			break
		}
		if lines[0].indented() {
			p.errorAt(lines[0], leadingSpaces(lines[0].s), "glossary: a definition must follow a term; unindent the term")
			block, _, _, k := getIndented(lines, false, true, -1, -1)
			flush()
			n.Blocks = append(n.Blocks, p.body(trimLeadingBlank(block), false)...)
			lines = lines[k:]
			continue
		}
		var terms []line
		for len(lines) > 0 && !lines[0].blank() && !lines[0].indented() {
			terms = append(terms, lines[0])
			lines = lines[1:]
		}
		block, _, _, k := getIndented(lines, false, true, -1, -1)
		lines = lines[k:]
		block = trimLeadingBlank(block)
		if dl == nil {
			dl = &content.DefList{}
		}
		for i, t := range terms {
			item := &content.DefItem{}
			item.Start, item.End = t.pos(0), t.endPos()
			item.Term, item.Classifiers = p.term(srcOf([]line{t}))
			if i == len(terms)-1 {
				if l, ok := lastNonBlank(block); ok {
					item.End = l.endPos()
				}
				item.Def = p.body(block, false)
			}
			dl.Items = append(dl.Items, item)
		}
	}
	flush()
	return []content.Block{n}
}
