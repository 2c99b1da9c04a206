package tree

import (
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/shell"
)

// A Written is the file a shell command wrote (redirection, tee), for the
// plan to show as the block's operation.
type Written struct {
	Op   Op // Create or Append; None when the command wrote no file
	Path string
}

// effect is one shell effect being applied, with where it comes from.
type effect struct {
	shell.Effect
	b   *Block
	src Source
	log Log
}

func (e *effect) pos() content.Position {
	return e.b.At(e.b.Code.Line+e.Line-1, e.Col)
}

func (e *effect) warnf(format string, args ...any) { e.log.Warnf(e.pos(), format, args...) }

// Effect applies what a shell command of block b does to the file system.
func (t *Tree) Effect(b *Block, se shell.Effect, log Log) Written {
	if se.Path == "" {
		return Written{}
	}
	if se.Conditional && se.Kind != shell.Mkdir && se.Kind != shell.Cd {
		// "grep -q X F || echo X >> F", "if ...; then ...; else ...; fi":
		// whether it runs depends on the system; a directory made only if
		// missing is there either way
		log.Notef("%s runs only under a condition: not applied", se.Kind)
		return Written{}
	}
	e := &effect{Effect: se, b: b, log: log}
	if !t.followEffect(e) {
		return Written{}
	}
	e.src = Source{Block: b, By: "shell: " + e.Cmd, Line: b.Code.Line + e.Line - 1}
	if h := effectHandlers[e.Kind]; h != nil {
		return h(t, e)
	}
	return Written{}
}

// followEffect makes the effect's paths those the system would change,
// through the links the tutorial made. It reports false when the effect
// is not applied.
func (t *Tree) followEffect(e *effect) bool {
	switch e.Kind {
	case shell.Symlink, shell.Remove:
	case shell.Move:
		// mv replaces a link at its destination, and moves what a link
		// leads to from its source
		e.Path = path.Join(t.Follow(path.Dir(e.Path)), path.Base(e.Path))
		e.Target = t.Follow(e.Target)
	case shell.Edit:
		if t.links[e.Path] != nil {
			// sed -i replaces the link with a file of its own
			e.warnf("sed -i on the link %s replaces the link with a file: tailor does not follow it", e.Path)
			return false
		}
		e.Path = t.Follow(e.Path)
	default:
		e.Path = t.Follow(e.Path)
	}
	return true
}

var effectHandlers = map[shell.Kind]func(*Tree, *effect) Written{
	shell.Mkdir:     (*Tree).mkdir,
	shell.Chmod:     (*Tree).chattr,
	shell.Chown:     (*Tree).chattr,
	shell.Symlink:   (*Tree).symlink,
	shell.Touch:     (*Tree).touch,
	shell.Write:     (*Tree).write,
	shell.Append:    (*Tree).write,
	shell.Install:   (*Tree).install,
	shell.Remove:    (*Tree).rm,
	shell.Move:      (*Tree).mv,
	shell.Edit:      (*Tree).sed,
	shell.Untracked: (*Tree).untracked,
}

func (t *Tree) mkdir(e *effect) Written {
	_, existed := t.dirs[e.Path]
	d := t.dirFor(e.Path)
	e.src.Op = Mkdir
	d.Sources = append(d.Sources, e.src)
	switch {
	case existed:
		// mkdir -p of a directory already made changes nothing
	case e.Mode == "?":
		e.log.Notef("%s: its mode depends on a umask that is not known", e.Path)
	case e.Mode != "":
		// mkdir -m applies a symbolic mode to a=rwx, as GNU mkdir does
		if m, err := shell.ApplyMode(e.Mode, 0o777, true); err == nil {
			d.Mode = shell.FormatMode(m)
		}
	}
	if e.Owner != "" && !existed {
		d.Owner, d.Group = e.Owner, "" // "sudo -u USER mkdir"
	}
	for p := e.Path; p != "/" && p != "."; p = path.Dir(p) {
		t.known[p] = true
	}
	return Written{}
}

// chattr applies a chmod or chown: on a file or a directory the tutorial
// makes; others are the system's, which the manifest does not describe.
// With -R, also on what the tutorial made inside it.
func (t *Tree) chattr(e *effect) Written {
	t.setAttrs(e, e.Path)
	if e.Recursive {
		for _, p := range t.inside(e.Path) {
			t.setAttrs(e, p)
		}
	}
	return Written{}
}

// inside returns the files and directories the tutorial made below dir,
// and the directories between, which "mkdir -p" made, sorted.
func (t *Tree) inside(dir string) []string {
	prefix := strings.TrimSuffix(dir, "/") + "/"
	var inside []string
	for p := range t.files {
		if strings.HasPrefix(p, prefix) {
			inside = append(inside, p)
		}
	}
	for p := range t.dirs {
		if !strings.HasPrefix(p, prefix) {
			continue
		}
		inside = append(inside, p)
		for q := path.Dir(p); strings.HasPrefix(q, prefix) && t.dirs[q] == nil && !slices.Contains(inside, q); q = path.Dir(q) {
			inside = append(inside, q)
		}
	}
	sort.Strings(inside)
	return inside
}

// setAttrs applies a chmod or chown to p when the tutorial makes it.
func (t *Tree) setAttrs(e *effect, p string) {
	f := t.files[p]
	isDir := f == nil && (t.dirs[p] != nil || t.known[p])
	if f == nil && !isDir {
		if p == e.Path {
			e.log.Notef("%s %s: the tutorial does not make it, so install.sh leaves it as it is; run it on the server", e.Kind, p)
		}
		return
	}
	var base fs.FileMode
	var mode, owner, group *string
	var sources *[]Source
	if isDir {
		if !t.dirModeOK(e, p) {
			return
		}
		d := t.dirFor(p)
		base, mode, owner, group, sources = 0o755, &d.Mode, &d.Owner, &d.Group, &d.Sources
	} else {
		base, mode, owner, group, sources = 0o644, &f.Mode, &f.Owner, &f.Group, &f.Sources
	}
	if e.Kind == shell.Chmod {
		m, err := shell.ApplyMode(e.Mode, modeOf(*mode, base), isDir)
		if err != nil {
			e.warnf("%v", err)
			return
		}
		*mode = shell.FormatMode(m)
	} else {
		setOwner(owner, group, e.Effect)
	}
	src := e.src
	src.Op = Chown
	if e.Kind == shell.Chmod {
		src.Op = Chmod
	}
	*sources = append(*sources, src)
}

// dirModeOK checks a chmod of a directory before the directory is
// recorded: a mode that does not apply leaves it unrecorded.
func (t *Tree) dirModeOK(e *effect, p string) bool {
	if e.Kind != shell.Chmod {
		return true
	}
	var cur string
	if d := t.dirs[p]; d != nil {
		cur = d.Mode
	}
	if _, err := shell.ApplyMode(e.Mode, modeOf(cur, 0o755), true); err != nil {
		e.warnf("%v", err)
		return false
	}
	return true
}

func (t *Tree) symlink(e *effect) Written {
	t.made(e.Path)
	l := t.links[e.Path]
	if l == nil {
		l = &Link{Path: e.Path}
		t.links[e.Path] = l
		t.Links = append(t.Links, l)
	}
	l.Target = e.Target
	e.src.Op = Symlink
	l.Sources = append(l.Sources, e.src)
	return Written{}
}

// touch makes sure a file exists and leaves what it holds: not a file for
// tailor to write (an empty one would truncate a log), but made, if
// empty: a link to it points at something.
func (t *Tree) touch(e *effect) Written {
	t.SetKnown(e.Path)
	return Written{}
}

func (t *Tree) write(e *effect) Written {
	var lines []Line
	if e.Content != "" {
		line := e.b.Code.Line + e.Line - 1
		for i, s := range strings.Split(strings.TrimSuffix(e.Content, "\n"), "\n") {
			lines = append(lines, Line{Text: s, Subst: e.b.Subst, Lang: lang.OfPath(e.Path), File: e.b.File, Line: line + 1 + i, Col: e.b.Code.Indent + e.Col})
		}
	}
	f := t.fileFor(e.Path)
	if e.Kind == shell.Write {
		if !f.Whole && len(f.Sources) == 0 {
			t.newFileAttrs(f, e)
		}
		f.Whole = true
		f.Lines = lines
		e.src.Op = Create
	} else {
		f.Lines = append(f.Lines, lines...)
		e.src.Op = Append
	}
	if f.Lang == "" {
		f.Lang = lang.OfPath(e.Path)
	}
	f.Sources = append(f.Sources, e.src)
	return Written{Op: e.src.Op, Path: e.Path}
}

// newFileAttrs gives a new file the mode of the umask and the user of
// sudo -u.
func (t *Tree) newFileAttrs(f *File, e *effect) {
	switch e.Mode {
	case "":
	case "?":
		e.log.Notef("%s: its mode depends on a umask that is not known", e.Path)
	default:
		f.Mode = e.Mode
	}
	if e.Owner != "" {
		f.Owner, f.Group = e.Owner, ""
	}
}

func (t *Tree) install(e *effect) Written {
	if e.IsDir {
		d := t.dirFor(e.Path)
		if e.Mode != "" {
			// install -m applies a symbolic mode to a=rwx for directories
			if m, err := shell.ApplyMode(e.Mode, 0o777, true); err == nil {
				d.Mode = shell.FormatMode(m)
			}
		}
		setOwner(&d.Owner, &d.Group, e.Effect)
		e.src.Op = Mkdir
		d.Sources = append(d.Sources, e.src)
		return Written{}
	}
	// a copy of /dev/null or of a file the tutorial made is a file
	// tailor can write; any other source it cannot see
	var lines []Line
	switch from := t.files[e.Target]; {
	case e.Target == "/dev/null":
	case from != nil && from.Whole:
		lines = append(lines, from.Lines...)
	default:
		e.log.Notef("install copies %s, which tailor cannot see: %s is not in the manifest", e.Target, e.Path)
		return Written{}
	}
	f := t.fileFor(e.Path)
	f.Whole, f.Lines = true, lines
	if e.Mode == "" {
		f.Mode = "0755" // install's default
	} else if m, err := shell.ApplyMode(e.Mode, 0o666, false); err == nil {
		// install -m applies a symbolic mode to a=rw for files
		f.Mode = shell.FormatMode(m)
	}
	setOwner(&f.Owner, &f.Group, e.Effect)
	e.src.Op = Create
	f.Sources = append(f.Sources, e.src)
	return Written{}
}

// rm removes what the tutorial made at the path; a file or link of the
// system it removes for good is recorded, for install.sh to remove (a
// directory of the system it leaves: install.sh removes no tree).
func (t *Tree) rm(e *effect) Written {
	made := t.files[e.Path] != nil || t.links[e.Path] != nil || t.dirs[e.Path] != nil
	t.remove(e.Path, e.Recursive)
	switch {
	case made:
		e.log.Notef("%s: made by an earlier step, so tailor no longer writes it", e.Path)
	case e.Recursive && !t.known[e.Path] && !strings.Contains(lastPart(e.Path), "."):
		e.log.Notef("%s: a directory of the system, which install.sh does not remove; remove it on the server", e.Path)
	default:
		e.src.Op = Remove
		e.log.Notef("%s: removed for good: install.sh removes it and keeps a backup", e.Path)
		t.removed[e.Path] = &Removal{Path: e.Path, Sources: []Source{e.src}}
		t.Removed = append(t.Removed, t.removed[e.Path])
	}
	return Written{}
}

func lastPart(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }

func (t *Tree) mv(e *effect) Written {
	if e.Path == e.Target {
		return Written{} // "mv X ./" in X's directory
	}
	f := t.files[e.Target]
	if f == nil || t.dirs[e.Path] != nil || t.links[e.Path] != nil || t.links[e.Target] != nil {
		t.SetKnown(e.Path) // something is there, made on the server
		if t.dirs[e.Target] != nil || t.links[e.Target] != nil || t.files[e.Path] != nil {
			e.warnf("mv changes %s in a way tailor does not follow: the generated files may not match what the tutorial leaves", e.Path)
		}
		return Written{}
	}
	// "cat > /tmp/app.service <<EOF", "sudo mv /tmp/app.service
	// /etc/systemd/system/": the file, under its new name
	t.remove(e.Path, false)
	delete(t.files, e.Target)
	f.Path = e.Path
	t.files[e.Path] = f
	e.src.Op = Move
	f.Sources = append(f.Sources, e.src)
	t.SetKnown(e.Path)
	return Written{}
}

func (t *Tree) sed(e *effect) Written {
	f := t.files[e.Path]
	if f == nil || !f.Whole {
		// a file of the system: the server's sed makes the change
		t.SetKnown(e.Path)
		if f != nil {
			e.warnf("sed changes %s, of which the tutorial writes only some lines: the generated lines may not match what the tutorial leaves", e.Path)
		}
		return Written{}
	}
	// "sudo sed -i 's/8000/9000/' /etc/app.ini" after the tutorial
	// wrote it: the file as sed leaves it
	changed := false
	f.Lines = append([]Line(nil), f.Lines...)
	for i, l := range f.Lines {
		if s, ok := e.Edit.Apply(l.Text); ok && s != l.Text {
			f.Lines[i].Text, changed = s, true
		}
	}
	if !changed {
		e.log.Notef("%s changes nothing in %s", e.Edit.Script, e.Path)
	}
	e.src.Op = Edit
	f.Sources = append(f.Sources, e.src)
	return Written{}
}

func (t *Tree) untracked(e *effect) Written {
	t.SetKnown(e.Path) // cp, mv: something is there, made on the server
	if _, ok := t.madeBy[e.Path]; !ok {
		t.copied = append(t.copied, e.Path)
	}
	t.madeBy[e.Path] = e.src
	if t.files[e.Path] != nil || t.dirs[e.Path] != nil || t.links[e.Path] != nil {
		e.warnf("%s changes %s in a way tailor does not follow: the generated files may not match what the tutorial leaves", strings.Fields(e.Cmd + " ?")[0], e.Path)
	}
	return Written{}
}

func setOwner(owner, group *string, e shell.Effect) {
	if e.Owner != "" {
		*owner = e.Owner
	}
	if e.Group != "" {
		*group = e.Group
	}
	if e.LoginGroup {
		*group = "" // the owner's login group: not known, so not set
	}
}

// modeOf parses an octal mode as a manifest writes it ("0640", "2750"),
// or returns def.
func modeOf(s string, def fs.FileMode) fs.FileMode {
	v, err := strconv.ParseUint(s, 8, 32)
	if err != nil {
		return def
	}
	m := fs.FileMode(v & 0o777)
	if v&0o4000 != 0 {
		m |= fs.ModeSetuid
	}
	if v&0o2000 != 0 {
		m |= fs.ModeSetgid
	}
	if v&0o1000 != 0 {
		m |= fs.ModeSticky
	}
	return m
}
