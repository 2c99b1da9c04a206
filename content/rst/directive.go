package rst

import (
	"sort"
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/editdist"
)

// A dirSpec says how a directive's block splits into arguments, options
// and content, like the attributes of a docutils Directive class.
type dirSpec struct {
	req, opt int  // required and optional arguments
	finalWS  bool // the last argument may contain white space
	options  bool // the directive takes options
	content  bool // the directive takes content
}

// A directive is a directive block split into its parts.
type directive struct {
	name     string // as written
	lname    string // lower case
	first    line   // the line with ".."
	span     content.Span
	argLines []line
	args     []string
	argText  string
	options  []content.Option
	optLine  map[string]line
	content  []line
	invalid  bool // its arguments or options are wrong: docutils drops it
}

// argSrc returns the argument text with its positions.
func (d *directive) argSrc() *textSrc {
	if len(d.argLines) == 0 {
		return fixedSrc("", d.first.src.file(), d.span.Start, d.span.Start)
	}
	ts := srcOf(d.argLines)
	a := len(ts.text) - len(lstripSpace(ts.text))
	return ts.slice(a, len(rstripSpace(ts.text)))
}

func (d *directive) body() string {
	s := make([]string, len(d.content))
	for i, l := range d.content {
		s[i] = l.s
	}
	return strings.Join(s, "\n")
}

// option returns the value of the last option named name.
func (d *directive) option(name string) (string, bool) {
	for i := len(d.options) - 1; i >= 0; i-- {
		if d.options[i].Name == name {
			return d.options[i].Value, true
		}
	}
	return "", false
}

func (p *parser) dirError(d *directive, format string, args ...any) {
	p.errorAt(d.first, 0, "%q directive: "+format, append([]any{d.lname}, args...)...)
}

func (p *parser) dirWarn(d *directive, format string, args ...any) {
	p.warnAt(d.first, 0, "%q directive: "+format, append([]any{d.lname}, args...)...)
}

// parseDirective splits the directive block that starts at lines[0] (with
// the name ending at end) as docutils' parse_directive_block does, and
// returns it with the lines that follow it.
func (p *parser) parseDirective(lines []line, name string, end int, spec dirSpec) (*directive, []line, bool) {
	first := lines[0]
	block, _, blankFinish, n := getIndented(lines, false, true, -1, end)
	d := &directive{name: name, lname: strings.ToLower(name), first: first, span: explicitSpan(first, block)}
	indented := block
	if len(indented) > 0 && indented[0].blank() {
		indented = indented[1:]
	}
	for len(indented) > 0 && indented[len(indented)-1].blank() {
		indented = indented[:len(indented)-1]
	}
	var argBlock, cont []line
	i := len(indented)
	if len(indented) > 0 && (spec.req > 0 || spec.opt > 0 || spec.options) {
		for j, l := range indented {
			if l.blank() {
				i = j
				break
			}
		}
		argBlock = indented[:i]
		if i < len(indented) {
			cont = indented[i+1:]
		}
	} else {
		cont = indented
	}
	if spec.options {
		for j, l := range argBlock {
			if fieldMarkerEnd(l.s) >= 0 {
				p.directiveOptions(d, argBlock[j:])
				argBlock = argBlock[:j]
				break
			}
		}
	}
	if len(argBlock) > 0 && spec.req == 0 && spec.opt == 0 {
		c := make([]line, 0, len(argBlock)+len(indented)-i)
		c = append(c, argBlock...)
		c = append(c, indented[i:]...)
		cont = c
		argBlock = nil
	}
	d.content = trimLeadingBlank(cont)
	d.argLines = argBlock
	if len(argBlock) > 0 {
		d.argText = d.argSrc().text
	}
	args := strings.Fields(d.argText)
	switch {
	case len(args) < spec.req:
		p.dirError(d, "%s required, %d supplied", plural(spec.req, "argument"), len(args))
		d.invalid = true
	case len(args) > spec.req+spec.opt:
		if spec.finalWS && spec.req+spec.opt > 0 {
			args = splitN(d.argText, spec.req+spec.opt)
		} else {
			p.dirError(d, "at most %s allowed, %d supplied", plural(spec.req+spec.opt, "argument"), len(args))
			d.invalid = true
		}
	}
	d.args = args
	if len(d.content) > 0 && !spec.content {
		p.errorAt(d.content[0], 0, "%q directive takes no content; remove the indented lines or separate them with a blank line and no indentation", d.lname)
	}
	return d, lines[n:], blankFinish
}

// splitN splits s at white space into at most n fields, the last keeping
// its inner white space, as Python's str.split(None, n-1).
func splitN(s string, n int) []string {
	var out []string
	s = lstripSpace(s)
	for len(out) < n-1 && s != "" {
		i := strings.IndexFunc(s, isPySpace)
		if i < 0 {
			break
		}
		out = append(out, s[:i])
		s = lstripSpace(s[i:])
	}
	if s != "" {
		out = append(out, rstripSpace(s))
	}
	return out
}

// directiveOptions reads the option field list of a directive.
func (p *parser) directiveOptions(d *directive, lines []line) {
	d.optLine = map[string]line{}
	seen := map[string]bool{}
	for len(lines) > 0 {
		l := lines[0]
		e := fieldMarkerEnd(l.s)
		if e < 0 {
			p.errorAt(l, 0, "%q directive: invalid option block: %s is not an option; separate the content from the options with a blank line", d.lname, quote(l.s))
			d.invalid = true
			return
		}
		name := strings.ToLower(unescape(escapeText(fieldName(l.s, e)), false))
		body, _, _, n := getIndented(lines, false, true, -1, e)
		texts := make([]string, 0, len(body))
		for _, b := range trimBlank(body) {
			texts = append(texts, b.s)
		}
		if seen[name] {
			p.errorAt(l, 0, "%q directive: duplicate option %s", d.lname, quote(":"+name+":"))
		}
		seen[name] = true
		d.options = append(d.options, content.Option{Name: name, Value: strings.TrimSpace(strings.Join(texts, "\n"))})
		d.optLine[name] = l
		lines = lines[n:]
	}
}

// A dirHandler turns a parsed directive into blocks.
type dirHandler struct {
	spec dirSpec
	run  func(p *parser, d *directive, titles bool) []content.Block
}

var directives map[string]dirHandler

var (
	admonitionSpec = dirSpec{options: true, content: true}
	codeSpec       = dirSpec{opt: 1, options: true, content: true}
	titledSpec     = dirSpec{req: 1, finalWS: true, options: true, content: true}
	optTitledSpec  = dirSpec{opt: 1, finalWS: true, options: true, content: true}
	argSpec        = dirSpec{req: 1, finalWS: true}
	argOptSpec     = dirSpec{req: 1, finalWS: true, options: true}
	bodySpec       = dirSpec{options: true, content: true}
	unknownSpec    = dirSpec{opt: 1, finalWS: true, options: true, content: true}
)

func init() {
	directives = map[string]dirHandler{
		"code-block":        {codeSpec, (*parser).codeDirective},
		"code":              {codeSpec, (*parser).codeDirective},
		"sourcecode":        {codeSpec, (*parser).codeDirective},
		"admonition":        {titledSpec, (*parser).admonitionDirective},
		"image":             {argOptSpec, (*parser).imageDirective},
		"figure":            {titledSpec, (*parser).figureDirective},
		"include":           {argOptSpec, (*parser).includeDirective},
		"literalinclude":    {argOptSpec, (*parser).literalIncludeDirective},
		"toctree":           {bodySpec, (*parser).toctreeDirective},
		"only":              {dirSpec{req: 1, finalWS: true, content: true}, (*parser).onlyDirective},
		"ifconfig":          {dirSpec{req: 1, finalWS: true, content: true}, (*parser).bodyDirective},
		"raw":               {titledSpec, (*parser).rawDirective},
		"highlight":         {dirSpec{req: 1, options: true}, (*parser).plainDirective},
		"topic":             {titledSpec, (*parser).titledDirective},
		"sidebar":           {optTitledSpec, (*parser).titledDirective},
		"rubric":            {argOptSpec, (*parser).titledDirective},
		"centered":          {argSpec, (*parser).titledDirective},
		"container":         {optTitledSpec, (*parser).bodyDirective},
		"compound":          {bodySpec, (*parser).bodyDirective},
		"class":             {dirSpec{req: 1, finalWS: true, content: true}, (*parser).bodyDirective},
		"rst-class":         {dirSpec{req: 1, finalWS: true, content: true}, (*parser).bodyDirective},
		"header":            {dirSpec{content: true}, (*parser).bodyDirective},
		"footer":            {dirSpec{content: true}, (*parser).bodyDirective},
		"hlist":             {bodySpec, (*parser).bodyDirective},
		"epigraph":          {dirSpec{content: true}, (*parser).quoteDirective},
		"highlights":        {dirSpec{content: true}, (*parser).quoteDirective},
		"pull-quote":        {dirSpec{content: true}, (*parser).quoteDirective},
		"versionadded":      {dirSpec{req: 1, opt: 1, finalWS: true, content: true}, (*parser).versionDirective},
		"versionchanged":    {dirSpec{req: 1, opt: 1, finalWS: true, content: true}, (*parser).versionDirective},
		"versionremoved":    {dirSpec{req: 1, opt: 1, finalWS: true, content: true}, (*parser).versionDirective},
		"deprecated":        {dirSpec{req: 1, opt: 1, finalWS: true, content: true}, (*parser).versionDirective},
		"glossary":          {bodySpec, (*parser).glossaryDirective},
		"index":             {argOptSpec, (*parser).plainDirective},
		"contents":          {dirSpec{opt: 1, finalWS: true, options: true}, (*parser).titledDirective},
		"sectionauthor":     {argSpec, (*parser).plainDirective},
		"moduleauthor":      {argSpec, (*parser).plainDirective},
		"codeauthor":        {argSpec, (*parser).plainDirective},
		"table":             {optTitledSpec, (*parser).tableDirective},
		"csv-table":         {optTitledSpec, (*parser).csvTableDirective},
		"list-table":        {optTitledSpec, (*parser).listTableDirective},
		"math":              {optTitledSpec, (*parser).plainDirective},
		"productionlist":    {argSpec, (*parser).plainDirective},
		"tabularcolumns":    {argSpec, (*parser).plainDirective},
		"parsed-literal":    {bodySpec, (*parser).parsedLiteralDirective},
		"line-block":        {bodySpec, (*parser).lineBlockDirective},
		"role":              {dirSpec{req: 1, finalWS: true, options: true, content: true}, (*parser).roleDirective},
		"default-role":      {dirSpec{opt: 1}, (*parser).defaultRoleDirective},
		"title":             {argSpec, (*parser).plainDirective},
		"meta":              {dirSpec{content: true}, (*parser).plainDirective},
		"sectnum":           {dirSpec{options: true}, (*parser).plainDirective},
		"section-numbering": {dirSpec{options: true}, (*parser).plainDirective},
		"target-notes":      {dirSpec{options: true}, (*parser).plainDirective},
		"replace":           {dirSpec{content: true}, (*parser).substOnlyDirective},
		"unicode":           {argSpec, (*parser).substOnlyDirective},
		"date":              {dirSpec{opt: 1, finalWS: true}, (*parser).substOnlyDirective},
		// sphinx-tabs: each tab an alternative, a code-tab a code block
		"tabs":      {bodySpec, (*parser).bodyDirective},
		"tab":       {titledSpec, (*parser).titledDirective},
		"group-tab": {titledSpec, (*parser).titledDirective},
		"code-tab":  {dirSpec{req: 1, finalWS: true, options: true, content: true}, (*parser).codeTabDirective},
	}
	for _, k := range []string{"note", "hint", "tip", "warning", "important", "caution", "danger", "attention", "error", "seealso"} {
		directives[k] = dirHandler{admonitionSpec, (*parser).admonitionDirective}
	}
}

// directive reads a directive whose name is name, ending at end.
func (p *parser) directive(lines []line, name string, end int, titles bool) ([]content.Block, []line, bool) {
	h, known := directives[strings.ToLower(name)]
	if !known {
		h = dirHandler{unknownSpec, (*parser).unknownDirective}
	}
	d, rest, blankFinish := p.parseDirective(lines, name, end, h.spec)
	return h.run(p, d, titles), rest, blankFinish
}

// newDirectiveNode returns a generic Directive node for d.
func newDirectiveNode(d *directive, known bool) *content.Directive {
	return &content.Directive{
		Span:    d.span,
		Name:    d.lname,
		Args:    d.argText,
		Options: d.options,
		Body:    d.body(),
		Known:   known,
	}
}

// plainDirective keeps a directive whose content is not documentation;
// for highlight, Args is the language.
func (p *parser) plainDirective(d *directive, titles bool) []content.Block {
	return []content.Block{newDirectiveNode(d, true)}
}

func (p *parser) bodyDirective(d *directive, titles bool) []content.Block {
	n := newDirectiveNode(d, true)
	n.Blocks = p.body(d.content, false)
	if n.Blocks == nil {
		n.Blocks = []content.Block{}
	}
	return []content.Block{n}
}

func (p *parser) titledDirective(d *directive, titles bool) []content.Block {
	n := newDirectiveNode(d, true)
	if d.argText != "" {
		n.Title = p.inlines(d.argSrc())
	}
	if len(d.content) > 0 {
		n.Blocks = p.body(d.content, false)
	}
	return []content.Block{n}
}

func (p *parser) quoteDirective(d *directive, titles bool) []content.Block {
	n := newDirectiveNode(d, true)
	n.Blocks = p.blockQuotes(d.content)
	return []content.Block{n}
}

func (p *parser) versionDirective(d *directive, titles bool) []content.Block {
	n := newDirectiveNode(d, true)
	if len(d.args) > 0 {
		n.Args = d.args[0]
	}
	if len(d.args) > 1 {
		ts := d.argSrc()
		i := strings.Index(ts.text, d.args[1])
		if i < 0 {
			i = 0
		}
		ts = ts.slice(i, len(ts.text))
		n.Blocks = append(n.Blocks, &content.Paragraph{Span: ts.span(0, len(ts.text)), Inlines: p.inlines(ts)})
	}
	n.Blocks = append(n.Blocks, p.body(d.content, false)...)
	if n.Blocks == nil {
		n.Blocks = []content.Block{}
	}
	return []content.Block{n}
}

func (p *parser) unknownDirective(d *directive, titles bool) []content.Block {
	msg := "unknown directive " + quote(d.name)
	names := make([]string, 0, len(directives))
	for k := range directives {
		names = append(names, k)
	}
	sort.Strings(names)
	if s := p.suggest(d.lname, names); s != "" {
		msg += "; did you mean " + quote(s) + "?"
	}
	p.warnAt(d.first, 0, "%s", msg)
	n := newDirectiveNode(d, false)
	if len(d.content) > 0 {
		// Parse the body as documentation when it reads as such: when
		// parsing it reports nothing but unknown directives of its own
		// (".. tabs::" holding ".. tab::" holding a code block).
		saved := p.save()
		blocks := p.body(d.content, false)
		clean := true
		for _, dg := range p.diags[saved.ndiags:] {
			if dg.Severity != content.Warning || !strings.HasPrefix(dg.Msg, "unknown directive ") {
				clean = false
			}
		}
		if clean {
			n.Blocks = blocks
			p.commit()
		} else {
			p.restore(saved)
		}
	}
	return []content.Block{n}
}

// A parserState is what a tentative parse may change: the lengths of
// the lists it appends to, and the length of the journal of map changes.
type parserState struct {
	ndiags, idCount, nanon, nrefs, nanonRefs, nfoot, nfootRefs, ncitRefs, nsubstRefs, njournal int
	defaultRole                                                                                string
}

// save starts a tentative parse.
func (p *parser) save() parserState {
	p.tentative++
	return parserState{
		ndiags: len(p.diags), idCount: p.idCount, nanon: len(p.anonTgts), nrefs: len(p.refs),
		nanonRefs: len(p.anonRefs), nfoot: len(p.footnotes), nfootRefs: len(p.footnoteRefs),
		ncitRefs: len(p.citationRefs), nsubstRefs: len(p.substRefs), njournal: len(p.journal),
		defaultRole: p.defaultRole,
	}
}

// commit keeps what a tentative parse did.
func (p *parser) commit() {
	p.tentative--
	if p.tentative == 0 {
		p.journal = p.journal[:0]
	}
}

// restore undoes a tentative parse.
func (p *parser) restore(s parserState) {
	for i := len(p.journal) - 1; i >= s.njournal; i-- {
		p.journal[i]()
	}
	p.journal = p.journal[:s.njournal]
	p.diags = p.diags[:s.ndiags]
	p.idCount = s.idCount
	p.anonTgts = p.anonTgts[:s.nanon]
	p.refs = p.refs[:s.nrefs]
	p.anonRefs = p.anonRefs[:s.nanonRefs]
	p.footnotes = p.footnotes[:s.nfoot]
	p.footnoteRefs = p.footnoteRefs[:s.nfootRefs]
	p.citationRefs = p.citationRefs[:s.ncitRefs]
	p.substRefs = p.substRefs[:s.nsubstRefs]
	p.defaultRole = s.defaultRole
	p.commit()
}

// setMap sets m[k] = v, remembering how to undo it during a tentative
// parse.
func setMap[K comparable, V any](p *parser, m map[K]V, k K, v V) {
	if p.tentative > 0 {
		old, had := m[k]
		p.journal = append(p.journal, func() {
			if had {
				m[k] = old
			} else {
				delete(m, k)
			}
		})
	}
	m[k] = v
}

// codeDirective handles code-block, code and sourcecode.
func (p *parser) codeDirective(d *directive, titles bool) []content.Block {
	if d.invalid || len(d.content) == 0 {
		// docutils makes no literal block of it: no code for tailor
		// either, only the directive as written
		if !d.invalid {
			p.dirWarn(d, "no code; indent the code under the directive, after a blank line")
		}
		return []content.Block{newDirectiveNode(d, false)}
	}
	c := &content.Code{Span: d.span, Directive: d.lname, Options: d.options}
	if len(d.args) > 0 {
		c.Lang = d.args[0]
	}
	c.Caption, _ = d.option("caption")
	c.Name, _ = d.option("name")
	code := newCode(d.content)
	c.Text, c.Line, c.Content, c.Indent = code.Text, code.Line, code.Content, code.Indent
	if v, ok := d.option("dedent"); ok {
		p.dedent(d, c, v)
	}
	return []content.Block{c}
}

// codeTabDirective reads a code-tab of sphinx-tabs: a tab ("code-tab::
// bash Debian", labelled "Debian") holding a code block of the language
// its first argument names.
func (p *parser) codeTabDirective(d *directive, titles bool) []content.Block {
	n := newDirectiveNode(d, true)
	n.Blocks = p.codeDirective(d, titles)
	if c, ok := n.Blocks[0].(*content.Code); ok {
		c.Lang, _, _ = strings.Cut(strings.TrimSpace(d.argText), " ")
	}
	return []content.Block{n}
}

// dedent applies a :dedent: option as Sphinx does: a number of columns
// to remove from every line, or, without a value, the common indentation.
func (p *parser) dedent(d *directive, c *content.Code, v string) {
	lines := strings.Split(c.Text, "\n")
	n := 0
	if v == "" {
		n = -1
		for _, l := range lines {
			if strings.TrimSpace(l) == "" {
				continue
			}
			if k := leadingSpaces(l); n < 0 || k < n {
				n = k
			}
		}
		if n < 0 {
			n = 0
		}
	} else {
		k, err := strconv.Atoi(v)
		if err != nil || k < 0 {
			p.errorAt(d.optLine["dedent"], 0, "%q directive: invalid :dedent: value %s; give a number of columns or no value", d.lname, quote(v))
			return
		}
		n = k
		for _, l := range lines {
			if strings.TrimSpace(l[:min(n, len(l))]) != "" {
				p.warnAt(d.optLine["dedent"], 0, "%q directive: :dedent: %d removes text that is not white space", d.lname, n)
				break
			}
		}
	}
	for i, l := range lines {
		if v == "" && strings.TrimSpace(l) == "" {
			lines[i] = ""
			continue
		}
		lines[i] = l[min(n, len(l)):]
	}
	c.Text = strings.Join(lines, "\n")
	c.Indent += n
}

func (p *parser) admonitionDirective(d *directive, titles bool) []content.Block {
	a := &content.Admonition{Span: d.span, Kind: d.lname}
	if d.lname == "admonition" && d.argText != "" {
		a.Title = p.inlines(d.argSrc())
	}
	if len(d.content) == 0 {
		p.dirError(d, "no content; indent the text under the directive")
	}
	a.Blocks = p.body(d.content, false)
	return []content.Block{a}
}

// imageURI removes the white space of a URI argument, keeping escaped
// spaces.
func imageURI(arg string) string {
	return unescape(removeUnescapedSpace(escapeText(arg)), false)
}

func (p *parser) imageDirective(d *directive, titles bool) []content.Block {
	img := &content.Image{Span: d.span, URI: imageURI(d.argText), Options: d.options}
	img.Alt, _ = d.option("alt")
	return []content.Block{img}
}

func (p *parser) figureDirective(d *directive, titles bool) []content.Block {
	img := &content.Image{Span: d.span, URI: imageURI(d.argText), Options: d.options}
	img.Alt, _ = d.option("alt")
	if len(d.argLines) > 0 {
		img.Span = content.Span{Start: d.first.pos(0), End: d.argLines[len(d.argLines)-1].endPos()}
	}
	fig := &content.Figure{Span: d.span, Image: img}
	blocks := p.body(d.content, false)
	if len(blocks) > 0 {
		switch b := blocks[0].(type) {
		case *content.Paragraph:
			fig.Caption = b.Inlines
			blocks = blocks[1:]
		case *content.Comment:
			if b.Text == "" {
				blocks = blocks[1:]
			} else {
				p.dirError(d, "the caption must be a paragraph or an empty comment")
			}
		default:
			p.dirError(d, "the caption must be a paragraph or an empty comment")
		}
	}
	fig.Legend = blocks
	return []content.Block{fig}
}

func (p *parser) toctreeDirective(d *directive, titles bool) []content.Block {
	t := &content.Toctree{Span: d.span}
	for _, o := range d.options {
		switch o.Name {
		case "caption":
			t.Caption = o.Value
		case "numbered":
			t.Numbered = true
		case "hidden":
			t.Hidden = true
		case "glob":
			t.Glob = true
		case "maxdepth":
			n, err := strconv.Atoi(o.Value)
			if err != nil {
				p.errorAt(d.optLine[o.Name], 0, "%q directive: invalid :maxdepth: value %s; give a number", d.lname, quote(o.Value))
				continue
			}
			t.MaxDepth = n
		}
	}
	for _, l := range d.content {
		s := stripSpace(l.s)
		if s == "" {
			continue
		}
		e := content.TocEntry{Doc: s, Line: l.src.num()}
		if title, target, ok := splitTitle(escapeText(s)); ok {
			e.Title = unescape(title, false)
			e.Doc = unescape(target, false)
		}
		t.Entries = append(t.Entries, e)
	}
	return []content.Block{t}
}

func (p *parser) onlyDirective(d *directive, titles bool) []content.Block {
	o := &content.Only{Span: d.span, Expr: d.argText}
	if d.argText != "" {
		if _, err := content.ParseTagExpr(d.argText); err != nil {
			ts := d.argSrc()
			off := 0
			if te, ok := err.(*content.TagExprError); ok {
				off = te.Offset
			}
			p.errorOff(ts.file, ts.pos(off), "%s", err.Error())
		}
	}
	o.Blocks = p.body(d.content, titles) // Sphinx allows sections in it
	return []content.Block{o}
}

func (p *parser) rawDirective(d *directive, titles bool) []content.Block {
	r := &content.Raw{Span: d.span, Format: strings.ToLower(d.argText), Text: d.body()}
	if _, ok := d.option("file"); ok {
		p.dirWarn(d, ":file: is not supported; put the raw text in the directive")
	}
	if _, ok := d.option("url"); ok {
		p.dirWarn(d, ":url: is not supported; put the raw text in the directive")
	}
	return []content.Block{r}
}

func (p *parser) parsedLiteralDirective(d *directive, titles bool) []content.Block {
	c := &content.Code{Span: d.span, Directive: d.lname, Options: d.options}
	if len(d.content) == 0 {
		c.Line = d.first.src.num()
		c.Content = content.Span{Start: d.span.End, End: d.span.End}
		return []content.Block{c}
	}
	code := newCode(d.content)
	c.Line, c.Content, c.Indent = code.Line, code.Content, code.Indent
	c.Inlines = p.inlines(srcOf(d.content))
	c.Text = content.PlainText(c.Inlines)
	return []content.Block{c}
}

func (p *parser) lineBlockDirective(d *directive, titles bool) []content.Block {
	n := newDirectiveNode(d, true)
	lb := &content.LineBlock{}
	for _, l := range d.content {
		ln := &content.Line{Span: content.Span{Start: l.pos(0), End: l.endPos()}, Indent: leadingSpaces(l.s)}
		ln.Inlines = p.inlines(srcOf([]line{l.trim(leadingSpaces(l.s))}))
		lb.Lines = append(lb.Lines, ln)
	}
	if len(lb.Lines) > 0 {
		lb.Span = content.Span{Start: lb.Lines[0].Start, End: lb.Lines[len(lb.Lines)-1].End}
		nestLineIndents(lb.Lines)
		n.Blocks = []content.Block{lb}
	}
	return []content.Block{n}
}

func (p *parser) roleDirective(d *directive, titles bool) []content.Block {
	name := d.argText
	if i := strings.IndexByte(name, '('); i >= 0 {
		name = name[:i]
	}
	name = strings.ToLower(strings.TrimSpace(name))
	if name != "" {
		setMap(p, p.customRoles, name, true)
	}
	return []content.Block{newDirectiveNode(d, true)}
}

func (p *parser) defaultRoleDirective(d *directive, titles bool) []content.Block {
	if d.argText == "" {
		p.defaultRole = "title-reference"
	} else {
		p.defaultRole = strings.ToLower(d.argText)
	}
	return []content.Block{newDirectiveNode(d, true)}
}

func (p *parser) substOnlyDirective(d *directive, titles bool) []content.Block {
	p.dirError(d, "it can only be used in a substitution definition, such as \".. |name| %s:: ...\"", d.lname)
	return []content.Block{newDirectiveNode(d, true)}
}

// suggest is the package suggest with a budget: a document with very
// many unknown names gets suggestions for the first ones only, which
// keeps the work linear.
func (p *parser) suggest(name string, candidates []string) string {
	if p.suggestWork > 1<<21 {
		return ""
	}
	for _, c := range candidates {
		p.suggestWork += (len(name) + 1) * (len(c) + 1)
	}
	return suggest(name, candidates)
}

// suggest returns the candidate closest to name, or "" when none is
// close enough to be a likely typo: one edit away for short names, two
// for longer ones.
func suggest(name string, candidates []string) string {
	if len(name) < 3 || len(name) > 64 {
		return ""
	}
	limit := 2
	if len(name) > 4 {
		limit = 3
	}
	best, bestD := "", limit
	for _, c := range candidates {
		if c == name || len(c)-len(name) >= limit || len(name)-len(c) >= limit {
			continue
		}
		if d := editdist.Distance(name, c); d < bestD || d == bestD && best != "" && c < best {
			best, bestD = c, d
		}
	}
	return best
}
