package snippets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/snippets/infer"
	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/manifest"
	"github.com/tailordocs/tailor/snippets/quote"
	"github.com/tailordocs/tailor/snippets/tree"
)

// A Filler fills placeholders for one client.
type Filler interface {
	// Text fills the placeholders of one line of a file in language
	// lang, quoting values for the context they land in. It reports
	// problems (undefined names, values that would break the line) at
	// pos, and whether a secret value went in.
	Text(s, lang string, pos content.Position, diags *content.Diagnostics) (out string, secret bool)
	// Path fills a path or another one-line setting (mode, owner, link
	// target), reporting problems at pos.
	Path(s string, pos content.Position, diags *content.Diagnostics) string
}

// Output is a plan rendered for one client.
type Output struct {
	Manifest *manifest.Manifest
	// Files maps paths relative to the client's output directory
	// ("rootfs/etc/postfix/smtp_auth", "fragments/etc/postfix/main.cf")
	// to their content.
	Files map[string][]byte
	// Checks are the validate commands of the files, filled in.
	Checks []Check
}

// A Check is a command that validates a generated file.
type Check struct {
	// Command holds "%s" where the file's path goes.
	Command string
	// Name is the output file ("rootfs/etc/nginx/nginx.conf").
	Name string
	// Pos is where the command is given.
	Pos content.Position
}

// Render fills the plan's files, directories and links for one client.
// It checks that every path stays a clean absolute path once filled in.
func (p *Plan) Render(client string, fill Filler) (*Output, content.Diagnostics) {
	r := &renderer{fill: fill, seen: map[string]string{},
		out: &Output{Manifest: &manifest.Manifest{Client: client}, Files: map[string][]byte{}}}
	for _, f := range p.Files {
		if len(f.Sources) > 0 {
			r.file(f)
		}
	}
	for _, d := range p.Dirs {
		r.dir(d)
	}
	for _, l := range p.Links {
		r.link(l)
	}
	for _, rm := range p.Removed {
		r.removal(rm)
	}
	r.nested()
	m := r.out.Manifest
	sort.Slice(m.Files, func(i, j int) bool { return m.Files[i].Path < m.Files[j].Path })
	sort.Slice(m.Dirs, func(i, j int) bool { return m.Dirs[i].Path < m.Dirs[j].Path })
	sort.Slice(m.Links, func(i, j int) bool { return m.Links[i].Path < m.Links[j].Path })
	sort.Slice(m.Removed, func(i, j int) bool { return m.Removed[i].Path < m.Removed[j].Path })
	r.diags.Sort()
	return r.out, r.diags
}

// A renderer renders a plan for one client.
type renderer struct {
	fill   Filler
	out    *Output
	diags  content.Diagnostics
	seen   map[string]string // filled path -> template, to report collisions
	placed []placed          // everything made, with the block that made it
}

// placed is a path made, its template, and where.
type placed struct {
	path, tmpl string
	pos        content.Position
}

// claim records that tmpl fills to p, reporting another template that
// fills to the same path. Messages name paths as the tutorial writes
// them: a value they hold may be a secret.
func (r *renderer) claim(p, tmpl string, pos content.Position) bool {
	if prev, ok := r.seen[p]; ok && prev != tmpl {
		r.diags.Errorf(pos, "%s and %s are the same path for this client", prev, tmpl)
		return false
	}
	r.seen[p] = tmpl
	return true
}

// file renders a whole file, a fragment or an edit fragment.
func (r *renderer) file(f *File) {
	pos := f.Sources[0].Pos()
	named := pos // where the path is written
	if f.PathPos != (content.Position{}) {
		named = f.PathPos
	}
	fp := fillPath(r.fill, f.Path, named, &r.diags)
	if fp != "" && dirValue(r.fill, f.Path, named) {
		r.diags.Errorf(named, "path %s ends in \"/\" once filled in, which names a directory: a value must not end the path of a file with \"/\"", f.Path)
		return
	}
	if fp == "" || !r.claim(fp, f.Path, named) {
		return
	}
	r.placed = append(r.placed, placed{fp, f.Path, named})
	comment := "" // of a fragment, for its markers
	if !f.Whole && len(f.Edits) == 0 {
		comment = lang.CommentLeader(f.Lang, fp)
	}
	data, secret := r.lines(f, fp, comment)
	sum := sha256.Sum256(data)
	mf := manifest.File{
		Path:   fp,
		Kind:   manifest.KindFile,
		Mode:   f.Mode,
		Owner:  account(r.fill, f.Owner, "owner", ownerPos(f.Sources, pos), &r.diags),
		Group:  account(r.fill, f.Group, "group", ownerPos(f.Sources, pos), &r.diags),
		SHA256: hex.EncodeToString(sum[:]),
		Secret: secret,
	}
	name := "rootfs" + fp
	switch {
	case f.Whole:
		r.whole(f, &mf, pos)
	case len(f.Edits) > 0:
		name = "fragments" + fp
		mf.Kind, mf.Format = manifest.KindEdit, string(f.Format)
		if f.MadeBy != nil {
			s := manifestSource(*f.MadeBy)
			mf.MadeBy = &s
		}
		for _, e := range f.Edits {
			mf.Edits = append(mf.Edits, manifest.Edit{Section: r.fill.Path(e.Section, pos, &r.diags), Key: e.Key, Lines: len(e.Lines)})
		}
	default:
		name = "fragments" + fp
		mf.Kind = manifest.KindFragment
		mf.Comment = lang.CommentLeader(f.Lang, fp)
		mf.Before = r.fill.Path(f.Before, pos, &r.diags)
		mf.After = r.fill.Path(f.After, pos, &r.diags)
	}
	if f.Validate != "" {
		r.out.Checks = append(r.out.Checks, Check{Command: r.fill.Path(f.Validate, f.ValidatePos, &r.diags), Name: name, Pos: f.ValidatePos})
	}
	r.out.Files[name] = data
	for _, s := range f.Sources {
		mf.Sources = append(mf.Sources, manifestSource(s))
	}
	r.out.Manifest.Files = append(r.out.Manifest.Files, mf)
}

// whole gives a whole file holding a secret the mode 0600 when the
// tutorial gives none, and warns when the tutorial makes it readable.
func (r *renderer) whole(f *File, mf *manifest.File, pos content.Position) {
	if mf.Mode == "" && mf.Secret {
		mf.Mode = "0600"
	}
	if m, err := strconv.ParseUint(mf.Mode, 8, 32); err == nil && mf.Secret && m&0o004 != 0 {
		r.diags.Warnf(modePos(f.Sources, pos), "%s holds a secret value, and the tutorial makes it readable by every user (mode %s)", f.Path, mf.Mode)
	}
}

// lines fills the lines of a file for this client, each value quoted for
// where it lands, and reports whether a secret went in. In a fragment
// (comment is the file's comment sign), a line like the markers of the
// blocks install.sh merges is an error.
func (r *renderer) lines(f *File, fp, comment string) ([]byte, bool) {
	var b strings.Builder
	secret := false
	// here-documents and YAML block scalars span lines
	spans := quote.Lines(lineTexts(f.Lines), f.Lang)
	for i, l := range f.Lines {
		text := l.Text
		if l.Subst {
			var s bool
			text, s = r.fill.Text(text, lineLang(l, spans[i], fp), textPos(l), &r.diags)
			secret = secret || s
		}
		if comment != "" && manifest.IsMarker(text, comment) {
			r.diags.Errorf(content.Position{Filename: l.File.Name, Line: l.Line, Column: l.Col - l.Pad},
				"this line is a marker %q like those install.sh puts around the blocks it merges into %s: it would cut a block short; change the line", strings.TrimSpace(text), fp)
		}
		b.WriteString(text)
		b.WriteByte('\n')
	}
	return []byte(b.String()), secret
}

// lineLang is the language a line's values are quoted for: the file's,
// or the context an earlier line opens (span).
func lineLang(l Line, span, fp string) string {
	switch span {
	case quote.Heredoc, quote.QuotedHeredoc, quote.YAMLBlock, quote.PyTriple2, quote.PyTriple1:
		return span
	}
	return quote.ForFile(l.Lang, fp)
}

// textPos is the position of a line's Text[0], so that an offset into
// Text lands on its source column.
func textPos(l Line) content.Position {
	return content.Position{
		Filename: l.File.Name,
		Line:     l.Line,
		Column:   l.Col - l.Pad,
		Offset:   l.File.LineStart(l.Line) + l.Col - 1 - l.Pad,
	}
}

func (r *renderer) dir(d *Dir) {
	pos := d.Sources[0].Pos()
	dp := fillPath(r.fill, d.Path, pos, &r.diags)
	if dp == "" {
		return
	}
	if _, isFile := r.out.Files["rootfs"+dp]; isFile {
		r.diags.Errorf(pos, "%s is both a file and a directory", d.Path)
		return
	}
	r.placed = append(r.placed, placed{dp, d.Path, pos})
	r.out.Manifest.Dirs = append(r.out.Manifest.Dirs, manifest.Dir{
		Path:  dp,
		Mode:  d.Mode,
		Owner: account(r.fill, d.Owner, "owner", ownerPos(d.Sources, pos), &r.diags),
		Group: account(r.fill, d.Group, "group", ownerPos(d.Sources, pos), &r.diags),
	})
}

func (r *renderer) link(l *Link) {
	pos := l.Sources[0].Pos()
	lp := fillPath(r.fill, l.Path, pos, &r.diags)
	if lp == "" || !r.claim(lp, l.Path, pos) {
		return
	}
	r.placed = append(r.placed, placed{lp, l.Path, pos})
	target := r.fill.Path(l.Target, pos, &r.diags)
	if strings.ContainsAny(target, "\x00\n") {
		r.diags.Errorf(pos, "link target of %s holds a NUL or newline once filled in", l.Path)
		return
	}
	r.out.Manifest.Links = append(r.out.Manifest.Links, manifest.Link{Path: lp, Target: target})
}

// removal renders a file or link of the system the tutorial removes.
func (r *renderer) removal(rm *tree.Removal) {
	pos := rm.Sources[0].Pos()
	p := fillPath(r.fill, rm.Path, pos, &r.diags)
	if p == "" || !r.claim(p, rm.Path, pos) {
		return
	}
	mr := manifest.Removed{Path: p}
	for _, s := range rm.Sources {
		mr.Sources = append(mr.Sources, manifestSource(s))
	}
	r.out.Manifest.Removed = append(r.out.Manifest.Removed, mr)
}

// nested reports what would be made below a whole file or a link:
// nothing can be below a file, and what install.sh made below a link
// would land wherever the link leads.
func (r *renderer) nested() {
	whole := map[string]bool{}
	for _, f := range r.out.Manifest.Files {
		if f.Kind == manifest.KindFile {
			whole[f.Path] = true
		}
	}
	link := map[string]bool{}
	for _, l := range r.out.Manifest.Links {
		link[l.Path] = true
	}
	for _, e := range r.placed {
		for d := path.Dir(e.path); d != "/"; d = path.Dir(d) {
			what := ""
			switch {
			case whole[d]:
				what = "a file"
			case link[d]:
				what = "a symbolic link"
			default:
				continue
			}
			filled := ""
			if strings.Contains(r.seen[d]+e.tmpl, "$") {
				filled = " once filled in"
			}
			r.diags.Errorf(e.pos, "%s is %s, so %s cannot be made below it%s", r.seen[d], what, e.tmpl, filled)
			break
		}
	}
}

// fillPath fills a target path and checks it: absolute, no NUL or
// newline, no ".." that a value brought in. It returns "" on error.
func fillPath(fill Filler, tmpl string, pos content.Position, diags *content.Diagnostics) string {
	n := len(*diags)
	p := fill.Path(tmpl, pos, diags)
	for _, d := range (*diags)[n:] {
		if d.Severity == content.Error {
			return ""
		}
	}
	if msg := badPath(p, tmpl); msg != "" {
		diags.Errorf(pos, "%s", msg)
		return ""
	}
	if seg, whole := partGone(fill, tmpl, pos); whole {
		diags.Errorf(pos, "path %s: its part %s is empty, \".\" or \"/\" once filled in, which would put the file at another path", tmpl, seg)
		return ""
	} else if seg != "" {
		diags.Errorf(pos, "path %s is not clean once filled in: the value of %s holds \"//\" or a \".\" part", tmpl, seg)
		return ""
	}
	return path.Clean(p)
}

// badPath says what is wrong with the path tmpl filled in as p: a NUL or
// a line break, not absolute, a shell variable left, a "..".
func badPath(p, tmpl string) string {
	switch {
	case strings.ContainsAny(p, "\x00\n\r"):
		return fmt.Sprintf("path %s holds a NUL or a line break once filled in", tmpl)
	case !strings.HasPrefix(p, "/"):
		return fmt.Sprintf("path %s is not absolute once filled in", tmpl)
	case strings.Contains(p, "$") && infer.ShellVariable(p) != "":
		return fmt.Sprintf("path %s still holds %s once filled in: give it a value, or name the file without it", tmpl, infer.ShellVariable(p))
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return fmt.Sprintf("path %s holds \"..\" once filled in: a value must not climb out of its directory", tmpl)
		}
	}
	return ""
}

// partGone returns the part of a path template whose value would move
// the file to another path: whole is true when the value makes the part
// empty, "." or "/" (or, past the first part, starts with "/"), false
// when it holds an empty or "." part of its own ("/etc//x", "./x").
func partGone(fill Filler, tmpl string, pos content.Position) (seg string, whole bool) {
	for i, seg := range strings.Split(tmpl, "/") {
		if !strings.Contains(seg, "$") {
			continue
		}
		var scratch content.Diagnostics
		v := fill.Path(seg, pos, &scratch)
		switch {
		case v == "" || v == "." || v == "/" || i > 0 && strings.HasPrefix(v, "/"):
			return seg, true
		case strings.HasPrefix(v, "./") || strings.HasSuffix(v, "/.") || strings.Contains(v, "/./") || strings.Contains(v, "//"):
			return seg, false
		}
	}
	return "", false
}

// dirValue reports whether the last part of the path template tmpl
// ends in "/" once filled in ("$TARGET" as "/etc/app/"): the path of a
// directory.
func dirValue(fill Filler, tmpl string, pos content.Position) bool {
	last := tmpl[strings.LastIndexByte(tmpl, '/')+1:]
	if !strings.Contains(last, "$") {
		return false
	}
	var scratch content.Diagnostics
	return strings.HasSuffix(fill.Path(last, pos, &scratch), "/")
}

// ownerPos is where the last chown among srcs is, or def: the step that
// gave the owner and group a message about them points at.
func ownerPos(srcs []Source, def content.Position) content.Position {
	return lastPos(srcs, "chown", def)
}

// modePos is where the last chmod among srcs is, or def.
func modePos(srcs []Source, def content.Position) content.Position {
	return lastPos(srcs, "chmod", def)
}

// lastPos is the position of the last source of srcs with op, or def.
func lastPos(srcs []Source, op Op, def content.Position) content.Position {
	for i := len(srcs) - 1; i >= 0; i-- {
		if s := srcs[i]; s.Op == op && s.Line > 0 {
			return s.Pos()
		}
	}
	return def
}

// account fills a user or group name and checks that it is one.
func account(fill Filler, tmpl, what string, pos content.Position, diags *content.Diagnostics) string {
	name := fill.Path(tmpl, pos, diags)
	if name == "" {
		return ""
	}
	ok := name[0] != '-'
	for _, c := range name {
		ok = ok && (c == '_' || c == '-' || c == '.' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
	}
	if !ok {
		diags.Errorf(pos, "%s %q is not a user or group name", what, tmpl)
		return ""
	}
	if len(name) > 32 {
		diags.Errorf(pos, "%s %q is longer than 32 characters once filled in, more than Linux allows for a user or group name", what, tmpl)
		return ""
	}
	return name
}

func manifestSource(s Source) manifest.Source {
	b := s.Block
	line := b.Code.Line
	if s.Line > 0 {
		line = s.Line
	}
	return manifest.Source{Doc: b.File.Name, Line: line, Op: string(s.Op), By: s.By}
}

// lineTexts returns the texts of lines.
func lineTexts(lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.Text
	}
	return out
}

// QuotingLang is the language the values of a block are quoted for in
// the docs, as in the file it makes: see [quote.For].
func (st *Step) QuotingLang() string { return quote.For(st.Code.Lang, st.Target) }
