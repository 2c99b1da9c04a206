package rst

import (
	"fmt"
	"io/fs"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/tailordocs/tailor/content"
)

// Options configure the reader. The zero value reads a file on its own:
// an include directive is then reported as an error.
type Options struct {
	// FS resolves include directives; paths are relative to the directory
	// of the including file (File.Name, slash-separated, relative to the FS root).
	// literalinclude reads its file through FS too. A nil FS reads no
	// files.
	FS fs.FS
	// Now gives the time for "date" substitutions; nil means time.Now.
	Now func() time.Time
	// Substitutions are defined before the page, as Sphinx defines
	// |version|, |release| and |today| from conf.py: plain text, used
	// where the page does not define the name itself.
	Substitutions map[string]string
	// Prolog is reST read before the page, as Sphinx's rst_prolog: the
	// substitutions and roles it defines hold in the page; it shows
	// nothing of its own.
	Prolog *content.File
}

// maxDepth bounds the nesting of block constructs. Deeper content is kept
// as plain text, which keeps the reader's work linear in its input.
const maxDepth = 48

// maxFileSize is the largest file the reader reads; offsets within a
// file are kept in 32 bits.
const maxFileSize = 1<<31 - 1

// maxIncludeDepth bounds nested include directives.
const maxIncludeDepth = 16

// Parse reads one reST file into a document. It never panics and always
// returns a document (partial on errors) and the diagnostics, sorted.
//
// Parse is safe for concurrent use: it keeps no state between calls.
func Parse(f *content.File, opts Options) (*content.Doc, content.Diagnostics) {
	if f == nil {
		f = content.NewFile("", nil)
	}
	p := newParser(opts)
	doc := &content.Doc{File: f, Format: content.RST}
	if len(f.Src) > maxFileSize {
		p.errorOff(f, 0, "file is too large to read: %d bytes, more than %d", len(f.Src), maxFileSize)
		return doc, p.diags
	}
	p.includes = []string{f.Name}
	if pro := opts.Prolog; pro != nil && len(pro.Src) <= maxFileSize {
		p.parseFile(pro, 0, len(pro.Src), false)
	}
	doc.Blocks = p.parseFile(f, 0, len(f.Src), true)
	p.resolve(doc)
	p.diags.Sort()
	return doc, p.diags
}

// A parser holds the state of one Parse call: document-wide data such as
// title styles, names and ids, and what is left to resolve at the end.
type parser struct {
	opts  Options
	diags content.Diagnostics

	depth    int      // nesting of block constructs
	includes []string // files being read, outermost first

	// Section titles.
	styles []string // title styles in order of first appearance
	level  int      // level of the current section, 0 before the first

	// Ids and names.
	ids      map[string]bool
	idCount  int
	names    map[string]*nameEntry
	anonTgts []anonTarget
	refs     []*pendingRef
	anonRefs []*pendingRef

	// Footnotes and citations.
	footnotes    []*content.Footnote
	footnoteRefs []*pendingFootnoteRef
	citations    map[string]bool
	citationRefs []*pendingCitationRef

	// Substitutions.
	substDefs  map[string]*substDef
	substNames map[string]string // normalized name -> name
	substRefs  []*pendingSubst

	// Annotations found in comments, and the paragraphs that introduce a
	// literal block.
	annots map[*content.Comment]*commentAnnotation

	// Roles.
	defaultRole string
	customRoles map[string]bool

	pc          posCache
	suggestWork int
	sortedNames []string

	// Tentative parses and the journal that undoes their map changes.
	tentative int
	journal   []func()
}

func newParser(opts Options) *parser {
	return &parser{
		opts:        opts,
		ids:         map[string]bool{},
		names:       map[string]*nameEntry{},
		citations:   map[string]bool{},
		substDefs:   map[string]*substDef{},
		substNames:  map[string]string{},
		annots:      map[*content.Comment]*commentAnnotation{},
		defaultRole: "title-reference",
		customRoles: map[string]bool{},
	}
}

// parseFile parses f.Src[start:end] as a sequence of body elements, with
// section titles allowed when titles is true, and nests the sections.
func (p *parser) parseFile(f *content.File, start, end int, titles bool) []content.Block {
	if start == 0 && len(f.Src) >= 3 && f.Src[0] == 0xef && f.Src[1] == 0xbb && f.Src[2] == 0xbf {
		start = 3 // a byte order mark
	}
	lines := views(splitLines(f, start, end))
	blocks := p.body(lines, titles)
	return nestSections(blocks)
}

// A posCache remembers the last position computed, so that the
// positions of many diagnostics on one long line cost time in
// proportion to the line, not to its square.
type posCache struct {
	file      *content.File
	pos       content.Position
	lineStart int
	lineEnd   int // start of the next line
}

// at returns the position of a file offset.
func (p *parser) at(f *content.File, off int) content.Position {
	off = min(max(off, 0), len(f.Src))
	c := &p.pc
	if c.file == f && off >= c.lineStart && off < c.lineEnd {
		from, col := c.lineStart, 1
		if off >= c.pos.Offset {
			from, col = c.pos.Offset, c.pos.Column
		}
		col += utf8.RuneCount(f.Src[from:off])
		c.pos = content.Position{Filename: f.Name, Offset: off, Line: c.pos.Line, Column: col}
		return c.pos
	}
	pos := f.Position(off)
	*c = posCache{file: f, pos: pos, lineStart: f.LineStart(pos.Line), lineEnd: f.LineStart(pos.Line + 1)}
	if pos.Line >= f.LineCount() {
		c.lineEnd = len(f.Src) + 1
	}
	return pos
}

func (p *parser) errorAt(l line, i int, format string, args ...any) {
	p.diags.Errorf(p.at(l.src.file(), l.pos(i)), format, args...)
}

func (p *parser) warnAt(l line, i int, format string, args ...any) {
	p.diags.Warnf(p.at(l.src.file(), l.pos(i)), format, args...)
}

func (p *parser) errorOff(f *content.File, off int, format string, args ...any) {
	p.diags.Errorf(p.at(f, off), format, args...)
}

func (p *parser) warnOff(f *content.File, off int, format string, args ...any) {
	p.diags.Warnf(p.at(f, off), format, args...)
}

// An anonTarget is an anonymous target with its id and file.
type anonTarget struct {
	t    *content.Target
	id   string
	file *content.File
}

// newID returns a unique HTML id for a node with the given names, as
// docutils' document.set_id does with Sphinx's "id" prefix for generated
// ids: the id of the first name whose id is free, else "id1", "id2", ...
func (p *parser) newID(names ...string) string {
	for _, n := range names {
		id := content.MakeID(n)
		if id != "" && !p.ids[id] {
			setMap(p, p.ids, id, true)
			return id
		}
	}
	for {
		p.idCount++
		id := "id" + strconv.Itoa(p.idCount)
		if !p.ids[id] {
			setMap(p, p.ids, id, true)
			return id
		}
	}
}

// quote formats a piece of input for a message.
func quote(s string) string {
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return strconv.Quote(s)
}

// plural returns "n thing" or "n things".
func plural(n int, thing string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, thing)
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
