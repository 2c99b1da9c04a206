package tree

import (
	"path"
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/shell"
)

// A Change is one code block's operation on a file. Apply may change
// Op, Target and Note: an append that belongs inside the file's only
// block becomes an insert, an insert whose place is not found becomes
// nothing.
type Change struct {
	Block  *Block
	Op     Op
	Target string
	By     string
	Note   string
	Lines  []Line
	Lang   string
	// Place says where an insert goes; nil for an insert is an error.
	Place *Place
	// Attrs are the mode, owner, group and check an annotation gives.
	Attrs Attrs
	// Section is the INI section of an edit whose lines do not say.
	Section string
}

// Attrs are what an annotation says of a file besides its content.
type Attrs struct {
	Mode, Owner, Group, Validate string
	ValidatePos                  content.Position
	// FilePos is where the annotation names the file; zero when it
	// does not.
	FilePos content.Position
}

// Apply performs a code block's operation on the tree.
func (t *Tree) Apply(c *Change, log Log) {
	f := t.files[c.Target]
	if (c.Op == Append || c.Op == Insert) && (f == nil || !f.Whole) && lang.CommentLeader(c.Lang, c.Target) == "" {
		log.Warnf(c.Block.Pos(), "%s is a file the system has, and its format has no comments to mark what tailor adds: nothing merged; give the whole file instead", c.Target)
		c.Note = "cannot merge into a format without comments"
		return
	}
	var ok bool
	switch c.Op {
	case Create:
		f, ok = t.create(c), true
	case Append:
		f = t.append(c, log)
		ok = f != nil
	case Insert:
		f, ok = t.insert(c, log)
	case Edit:
		f, ok = t.edit(c, log)
	case Check:
		t.check(c, log)
		return
	}
	if !ok {
		return
	}
	f.Sources = append(f.Sources, Source{Block: c.Block, Op: c.Op, By: c.By})
	annotate(f, c.Attrs)
	t.known[path.Dir(c.Target)] = true
}

func (t *Tree) create(c *Change) *File {
	f := t.fileFor(c.Target)
	f.Whole = true
	f.Lines = c.Lines
	f.Before, f.After = "", ""
	if c.Lang != "" {
		f.Lang = c.Lang
	}
	return f
}

func (t *Tree) append(c *Change, log Log) *File {
	f := t.files[c.Target]
	if f != nil && f.Whole {
		if insideBlock(f, c, log) {
			return f
		}
	}
	if f != nil && len(f.Edits) > 0 {
		// settings set in place already: these lines are settings too,
		// added at the end when the file lacks them
		c.Op = Edit
		f, _ = t.edit(c, log)
		return f
	}
	if f != nil && !f.Whole && (f.Before != "" || f.After != "") {
		oneBlock(c, f, "at the end", log)
	}
	f = t.fileFor(c.Target)
	if len(f.Sources) == 0 && t.empty[c.Target] {
		f.Whole = true // created empty by the text before
	}
	f.Lines = append(f.Lines, c.Lines...)
	if f.Lang == "" {
		f.Lang = c.Lang
	}
	return f
}

func (t *Tree) insert(c *Change, log Log) (*File, bool) {
	if c.Place == nil {
		log.Errorf(c.Block.Pos(), "op=insert needs to know where: add before=LINE or after=LINE to the annotation, or say where in the text")
		c.Note = "insert without a place"
		return nil, false
	}
	f := t.files[c.Target]
	if f == nil || !f.Whole {
		return t.insertFragment(c, log)
	}
	at, add, err := insertPoint(f.Lines, c.Lines, c.Place)
	if err != "" {
		log.Warnf(c.Block.Pos(), "%s in %s; nothing inserted", err, c.Target)
		c.Note = "nothing inserted into " + c.Target + ": " + err
		c.Op, c.Target = None, ""
		return nil, false
	}
	f.insertLines(at, add)
	return f, true
}

// insertFragment inserts into a file of the system, which install.sh
// merges before or after a line.
func (t *Tree) insertFragment(c *Change, log Log) (*File, bool) {
	pl := c.Place
	if pl.Where != BeforeLine && pl.Where != AfterLine {
		log.Warnf(c.Block.Pos(), "cannot insert into %s: the tutorial does not make that file, and only \"before\" or \"after\" a line can be merged into a file on the system; nothing inserted", c.Target)
		c.Note = "nothing inserted into " + c.Target + ", a file the tutorial does not make"
		c.Op, c.Target = None, ""
		return nil, false
	}
	f := t.files[c.Target]
	if f != nil && len(f.Edits) > 0 {
		return t.notEdited(c, log, c.Target+" already gets settings set in place: tailor does not also merge a block into it")
	}
	if f != nil && len(f.Lines) > 0 {
		where := "after the line " + strconv.Quote(pl.Anchor)
		if pl.Where == BeforeLine {
			where = "before the line " + strconv.Quote(pl.Anchor)
		}
		if pl.Where == BeforeLine && f.Before != pl.Anchor || pl.Where == AfterLine && f.After != pl.Anchor {
			oneBlock(c, f, where, log)
		}
		f.Lines = append(f.Lines, c.Lines...)
		return f, true
	}
	f = t.fileFor(c.Target)
	if pl.Where == BeforeLine {
		f.Before = pl.Anchor
	} else {
		f.After = pl.Anchor
	}
	f.Lines = append(f.Lines, c.Lines...)
	if f.Lang == "" {
		f.Lang = c.Lang
	}
	return f, true
}

// edit sets the keyed lines of the block in the file: in a file the
// tutorial makes, now; in a file of the system, as an edit fragment that
// install.sh applies.
func (t *Tree) edit(c *Change, log Log) (*File, bool) {
	f := t.files[c.Target]
	format := FormatOf(c.Lang, c.Target, c.Lines)
	if f != nil && f.Whole {
		format = f.formatOf(c.Target)
	}
	entries, ok := Entries(c.Lines, format)
	if format == NoKeys || !ok {
		return t.notEdited(c, log, "its lines are not settings of keys that tailor can find in "+c.Target)
	}
	for i := range entries {
		if entries[i].Section == "" && format == INIKeys {
			entries[i].Section = c.Section
		}
	}
	if f != nil && f.Whole {
		if why := f.setKeys(entries, format); why != "" {
			return t.notEdited(c, log, why+" in "+c.Target)
		}
		return f, true
	}
	return t.editFragment(c, log, format, entries)
}

// editFragment adds entries to the edit fragment of a file of the
// system.
func (t *Tree) editFragment(c *Change, log Log, format Format, entries []Entry) (*File, bool) {
	if f := t.files[c.Target]; f != nil && len(f.Edits) == 0 {
		// a merged block of settings becomes settings set in place, added
		// at the end when the file lacks them, as the block was
		merged, ok := Entries(f.Lines, format)
		if !ok || f.Before != "" || f.After != "" {
			return t.notEdited(c, log, c.Target+" already gets a merged block: tailor does not also set lines of it")
		}
		f.Edits = merged
	}
	f := t.fileFor(c.Target)
	f.Format = format
	if src, ok := t.madeBy[c.Target]; ok && f.MadeBy == nil {
		f.MadeBy = &src
	}
	f.setEntries(entries)
	if f.Lang == "" {
		f.Lang = c.Lang
	}
	return f, true
}

// notEdited reports an edit that cannot be made: nothing changes.
func (t *Tree) notEdited(c *Change, log Log, why string) (*File, bool) {
	log.Warnf(c.Block.Pos(), "nothing changed: %s", why)
	c.Note = "nothing changed: " + why
	c.Op, c.Target = None, ""
	return nil, false
}

func (t *Tree) check(c *Change, log Log) {
	f := t.files[c.Target]
	if f == nil {
		log.Warnf(c.Block.Pos(), "this block restates %s, which the tutorial has not made at this point", c.Target)
		return
	}
	last := c.Block // the last step that wrote the file
	for _, s := range f.Sources {
		if s.Op != Check {
			last = s.Block
		}
	}
	if !f.Whole {
		// the lines the tutorial adds to a file of the system must
		// be among those the summary shows
		if msg := missingLines(f.Lines, c.Lines); msg != "" {
			log.Warnf(c.Block.Pos(), "this block restates %s but lacks lines the tutorial adds to it at %s: %s", c.Target, last.Pos(), msg)
		}
	} else if msg := compareLines(f.Lines, c.Lines); msg != "" {
		log.Warnf(c.Block.Pos(), "this block restates %s but differs from the file made at %s: %s", c.Target, last.Pos(), msg)
	}
	f.Sources = append(f.Sources, Source{Block: c.Block, Op: c.Op, By: c.By})
}

func annotate(f *File, a Attrs) {
	if a.Mode != "" {
		m, _ := shell.ApplyMode(a.Mode, modeOf(f.Mode, 0o644), false)
		f.Mode = shell.FormatMode(m)
	}
	if a.Owner != "" {
		f.Owner = a.Owner
	}
	if a.Group != "" {
		f.Group = a.Group
	}
	if a.Validate != "" {
		f.Validate, f.ValidatePos = a.Validate, a.ValidatePos
	}
	if f.PathPos == (content.Position{}) {
		f.PathPos = a.FilePos
	}
}

// insideBlock handles "add this to FILE" when FILE is one nginx "{ }"
// block or one Apache "<Tag>" section and the snippet belongs inside it
// (a location block added "to" a file whose only content is a server
// block): it inserts at the end of that block and warns.
func insideBlock(f *File, c *Change, log Log) bool {
	if len(c.Lines) == 0 {
		return false
	}
	outer := outerBlock(f, strings.TrimSpace(c.Lines[0].Text))
	if outer == "" {
		return false
	}
	at, add, err := insertPoint(f.Lines, c.Lines, &Place{Where: BlockEnd, Block: outer})
	if err != "" {
		return false
	}
	f.insertLines(at, add)
	log.Warnf(c.Block.Pos(), "the text adds this to %s, but it belongs inside the %s block there: inserted at the end of that block", c.Target, outer)
	c.Op = Insert
	c.Note = "inserted at the end of the " + outer + " block"
	return true
}

// outerBlock returns the name of the one top-level block of an nginx or
// Apache file, when a block whose first line is first goes inside it: ""
// when it has several, or first opens another block like it.
func outerBlock(f *File, first string) string {
	switch l := f.Lang; {
	case l == "nginx" || strings.HasPrefix(f.Path, "/etc/nginx/"):
		tops := topBraceBlocks(f.Lines)
		if len(tops) != 1 || firstWord(first) == tops[0] {
			return ""
		}
		return tops[0]
	case l == "apache" || l == "apacheconf" || strings.HasPrefix(f.Path, "/etc/apache2/") || strings.HasPrefix(f.Path, "/etc/httpd/"):
		tops := topTagBlocks(f.Lines)
		if len(tops) != 1 || strings.HasPrefix(strings.ToLower(first), "<"+strings.ToLower(tops[0])) {
			return ""
		}
		return tops[0]
	}
	return ""
}

// oneBlock warns that a block meant to go elsewhere in a file of the
// system joins the block already merged into it: install.sh merges one
// block per file, between its markers.
func oneBlock(c *Change, f *File, where string, log Log) {
	from := ""
	if len(f.Sources) > 0 {
		from = " (from " + f.Sources[0].Block.Pos().String() + ")"
	}
	at := "at its end"
	switch {
	case f.Before != "":
		at = "before the line " + strconv.Quote(f.Before)
	case f.After != "":
		at = "after the line " + strconv.Quote(f.After)
	}
	log.Warnf(c.Block.Pos(), "%s gets one merged block, placed %s%s: this block, meant %s, joins it; give the whole file to place each", f.Path, at, from, where)
	c.Note = "joins the block merged " + at
}
