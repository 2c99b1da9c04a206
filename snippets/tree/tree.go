package tree

import (
	"path"
	"slices"
	"strings"

	"github.com/tailordocs/tailor/content"
)

// Op is what a code block does to its target file, or what a shell step
// did to a file, directory or link.
type Op string

// The operations of code blocks, and of the shell steps a source records.
const (
	None   Op = "none"
	Create Op = "create"
	Append Op = "append"
	Insert Op = "insert"
	Edit   Op = "edit"
	Check  Op = "check"
	Skip   Op = "skip"

	Mkdir   Op = "mkdir"
	Chmod   Op = "chmod"
	Chown   Op = "chown"
	Symlink Op = "symlink"
	Move    Op = "move"
	Remove  Op = "remove"
)

// A Block is the code block a change comes from.
type Block struct {
	File *content.File // the file holding the block (an included file inside an include)
	Code *content.Code
	// Subst is false when an annotation turns substitution off for the
	// block: its lines are written as they are.
	Subst bool
}

// Pos returns the position of the block's first content line.
func (b *Block) Pos() content.Position {
	return content.Position{Filename: b.File.Name, Line: b.Code.Line, Column: b.Code.Indent + 1}
}

// At returns the position of column col (1-based, in the block text) of
// the block's source line line.
func (b *Block) At(line, col int) content.Position {
	return b.File.Position(b.File.LineStart(line) + b.Code.Indent + col - 1)
}

// A Line is one line of a generated file, with where it came from.
type Line struct {
	Text  string
	Subst bool // fill placeholders in it
	Lang  string
	File  *content.File
	Line  int // 1-based line in File
	// Col is the 1-based source column of Text[Pad]: the first Pad bytes
	// of Text are indentation an insert added, not from the source.
	Col int
	Pad int
}

// BlockLines turns a code block into file lines.
func BlockLines(b *Block, lang string, subst bool) []Line {
	c := b.Code
	if c.Text == "" {
		return nil
	}
	texts := strings.Split(c.Text, "\n")
	lines := make([]Line, len(texts))
	for i, t := range texts {
		lines[i] = Line{Text: strings.TrimRight(t, " \t"), Subst: subst, Lang: lang, File: b.File, Line: c.Line + i, Col: c.Indent + 1}
	}
	return lines
}

// A Source is a step that contributed to a file, directory or link.
type Source struct {
	Block *Block
	Op    Op
	By    string
	// Line is the source line of a shell command; 0 means the block's
	// first line.
	Line int
}

// Pos returns the position of the source: its shell command's line, or
// the block's.
func (s Source) Pos() content.Position {
	p := s.Block.Pos()
	if s.Line > 0 && s.Line != p.Line {
		p = s.Block.File.Position(s.Block.File.LineStart(s.Line) + max(p.Column-1, 0))
	}
	return p
}

// PosOf returns the position of text in the source's line (its shell
// command's line, or the block's first), or the source's position when
// the line does not hold it.
func (s Source) PosOf(text string) content.Position {
	p := s.Pos()
	f := s.Block.File
	if i := strings.Index(f.Line(p.Line), text); i >= 0 && text != "" {
		return f.Position(f.LineStart(p.Line) + i)
	}
	return p
}

// A File is a file the tutorial creates (Whole) or adds to (a fragment
// merged into a file that exists on the system already). Paths and lines
// keep their placeholders.
type File struct {
	Path  string
	Whole bool
	Lines []Line
	Lang  string
	Mode  string // octal, "" when the tutorial sets none
	Owner string
	Group string
	// Before and After anchor a fragment inserted into a system file.
	Before, After string
	// MadeBy is, for an edit of a file that a step of the tutorial makes
	// on the server (cp from elsewhere), that step: install.sh names it
	// when the file is not there yet.
	MadeBy *Source
	// Format and Edits are the keyed settings an edit fragment sets in
	// a file of the system (Whole is false, Lines are the entries' lines
	// in order): install.sh replaces the line of each key where it
	// stands, or adds it.
	Format Format
	Edits  []Entry
	// Validate is a command that checks the finished file, "%s" standing
	// for its path ("nginx -t -c %s"), from an annotation; "" for none.
	Validate string
	// ValidatePos is where the command is given.
	ValidatePos content.Position
	// PathPos is where an annotation first names the file, for what is
	// wrong with its path once filled in; zero when no annotation does.
	PathPos content.Position
	Sources []Source

	// for the edits of a whole file: its lines' key index, and the
	// format they sniff as, while Lines is the slice they were made for;
	// and the first of the lines setKeys or an insert copied, which they
	// may change in place while Lines starts there. For an edit
	// fragment: where each of its settings is. Other code that changes
	// Lines or Edits assigns another slice, or appends, and never
	// changes a line in place.
	keys     *keyIndex
	sniff    *sniffing
	own      *Line
	fragment *fragmentIndex
}

// A Dir is a directory the tutorial creates or whose mode or owner it sets.
type Dir struct {
	Path    string
	Mode    string
	Owner   string
	Group   string
	Sources []Source
}

// A Link is a symbolic link the tutorial makes.
type Link struct {
	Path    string
	Target  string
	Sources []Source
}

// A Removal is a file or link of the system that the tutorial removes
// for good ("remove the default site"): install.sh removes it, keeping a
// backup.
type Removal struct {
	Path    string
	Sources []Source
}

// A Tree is the simulated file system. Its zero value is not ready: use
// New.
type Tree struct {
	Files []*File // in the order they were first made
	Dirs  []*Dir
	Links []*Link
	// Removed are the files and links of the system the tutorial
	// removes, and does not make again.
	Removed []*Removal
	removed map[string]*Removal

	files map[string]*File
	dirs  map[string]*Dir
	links map[string]*Link
	known map[string]bool // paths known to exist on the server
	// madeBy holds the steps that make files on the server in ways the
	// analysis does not follow (cp, mv, rsync); copied their paths, in
	// order
	madeBy map[string]Source
	copied []string
	// byName and byCopyName index Files[:named] and copied[:namedCopies]
	// by the last element of their paths, for Named; byName is nil when a
	// removal made it stale
	byName, byCopyName map[string][]string
	named, namedCopies int
	// empty holds the files a sentence creates without a block ("Create
	// the file X."): what is added to them next makes a whole file
	empty map[string]bool
}

// New returns an empty tree.
func New() *Tree {
	return &Tree{
		files:   map[string]*File{},
		dirs:    map[string]*Dir{},
		links:   map[string]*Link{},
		known:   map[string]bool{},
		madeBy:  map[string]Source{},
		removed: map[string]*Removal{},
		empty:   map[string]bool{},
	}
}

// File returns the file made at p, or nil.
func (t *Tree) File(p string) *File { return t.files[p] }

// IsWhole reports whether the tutorial makes p as a whole file.
func (t *Tree) IsWhole(p string) bool { f := t.files[p]; return f != nil && f.Whole }

// HasFile reports whether the tutorial writes to p, whole or in part.
func (t *Tree) HasFile(p string) bool { return t.files[p] != nil }

// IsDir reports whether the tutorial makes the directory p.
func (t *Tree) IsDir(p string) bool { return t.dirs[p] != nil }

// IsLink reports whether the tutorial makes the link p.
func (t *Tree) IsLink(p string) bool { return t.links[p] != nil }

// Known reports whether p is known to exist: made by the tutorial or
// by a step of it tailor does not follow.
func (t *Tree) Known(p string) bool { return t.known[p] }

// SetKnown records that p exists.
func (t *Tree) SetKnown(p string) { t.known[p] = true; t.made(p) }

// SetEmpty records that a sentence creates p empty ("Create the file
// X."): lines added to it next make a whole file.
func (t *Tree) SetEmpty(p string) { t.empty[p] = true }

// Paths returns the paths of the files made so far, in the order they
// were first made.
func (t *Tree) Paths() []string {
	out := make([]string, len(t.Files))
	for i, f := range t.Files {
		out[i] = f.Path
	}
	return out
}

// Copied returns the paths that steps the analysis does not follow (cp,
// mv) make on the server, in the order first made.
func (t *Tree) Copied() []string { return t.copied }

// Named returns the paths of Paths, then those of Copied, that end with
// "/"+name, each once, in that order. It takes time that grows with the
// paths whose last element is name's, not with all the files made so far.
func (t *Tree) Named(name string) []string {
	if t.byName == nil {
		t.byName, t.named = map[string][]string{}, 0
	}
	if t.byCopyName == nil {
		t.byCopyName = map[string][]string{}
	}
	for ; t.named < len(t.Files); t.named++ {
		p := t.Files[t.named].Path
		t.byName[lastElem(p)] = append(t.byName[lastElem(p)], p)
	}
	for ; t.namedCopies < len(t.copied); t.namedCopies++ {
		p := t.copied[t.namedCopies]
		t.byCopyName[lastElem(p)] = append(t.byCopyName[lastElem(p)], p)
	}
	var match []string
	for _, paths := range [][]string{t.byName[lastElem(name)], t.byCopyName[lastElem(name)]} {
		for _, p := range paths {
			if strings.HasSuffix(p, "/"+name) && !slices.Contains(match, p) {
				match = append(match, p)
			}
		}
	}
	return match
}

// lastElem returns what follows the last "/" of p: a path that ends with
// "/"+name has the last element of name.
func lastElem(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }

// made records that something is made at p again: not removed.
func (t *Tree) made(p string) {
	if r := t.removed[p]; r != nil {
		delete(t.removed, p)
		out := t.Removed[:0]
		for _, x := range t.Removed {
			if x != r {
				out = append(out, x)
			}
		}
		t.Removed = out
	}
}

func (t *Tree) fileFor(p string) *File {
	t.made(p)
	f := t.files[p]
	if f == nil {
		f = &File{Path: p}
		t.files[p] = f
		t.Files = append(t.Files, f)
	}
	return f
}

func (t *Tree) dirFor(p string) *Dir {
	t.made(p)
	d := t.dirs[p]
	if d == nil {
		d = &Dir{Path: p}
		t.dirs[p] = d
		t.Dirs = append(t.Dirs, d)
	}
	return d
}

// Follow returns p with the links the tutorial made on its way followed,
// as the system would: writing to sites-enabled/app writes to the file in
// sites-available it links to.
func (t *Tree) Follow(p string) string {
	for hops := 0; hops < 40; hops++ {
		q, ok := t.linkOnPath(p)
		if !ok {
			break
		}
		l := t.links[q].Target
		if !strings.HasPrefix(l, "/") {
			l = path.Join(path.Dir(q), l)
		}
		p = path.Clean(l + strings.TrimPrefix(p, q))
	}
	return p
}

// linkOnPath returns the deepest part of p that is a link the tutorial
// made with a target it knows.
func (t *Tree) linkOnPath(p string) (string, bool) {
	for q := p; q != "/" && q != "."; q = path.Dir(q) {
		if l := t.links[q]; l != nil && l.Target != "" && !strings.Contains(l.Target, "$(") {
			return q, true
		}
	}
	return "", false
}

// remove forgets a file, link or directory the tutorial removes again.
func (t *Tree) remove(p string, recursive bool) {
	under := func(x string) bool { return x == p || recursive && strings.HasPrefix(x, p+"/") }
	if l := t.links[p]; l != nil {
		delete(t.links, p)
		t.Links = removeLink(t.Links, l)
	}
	var files []*File
	for _, f := range t.Files {
		if under(f.Path) {
			delete(t.files, f.Path)
			continue
		}
		files = append(files, f)
	}
	t.Files = files
	t.byName = nil
	var dirs []*Dir
	for _, d := range t.Dirs {
		if under(d.Path) {
			delete(t.dirs, d.Path)
			continue
		}
		dirs = append(dirs, d)
	}
	t.Dirs = dirs
}

func removeLink(ls []*Link, l *Link) []*Link {
	out := ls[:0]
	for _, x := range ls {
		if x != l {
			out = append(out, x)
		}
	}
	return out
}

// A Log takes what applying a change has to say: warnings at a position
// and notes for the plan. Package snippets adds the warnings to the
// diagnostics and the notes to the step's note.
type Log interface {
	Warnf(pos content.Position, format string, args ...any)
	Errorf(pos content.Position, format string, args ...any)
	Notef(format string, args ...any)
}
