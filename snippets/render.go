package snippets

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/snippets/infer"
	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/manifest"
	"github.com/tailordocs/tailor/snippets/quote"
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
	var diags content.Diagnostics
	out := &Output{Manifest: &manifest.Manifest{Client: client}, Files: map[string][]byte{}}
	seen := map[string]string{} // filled path -> template, to report collisions
	type entry struct {
		path string
		pos  content.Position
	}
	var placed []entry // everything made, with the block that made it
	claim := func(p, tmpl string, pos content.Position) bool {
		if prev, ok := seen[p]; ok && prev != tmpl {
			diags.Errorf(pos, "%s and %s are the same path, %s, for this client", prev, tmpl, p)
			return false
		}
		seen[p] = tmpl
		return true
	}
	for _, f := range p.Files {
		if len(f.Sources) == 0 {
			continue
		}
		pos := f.Sources[0].Pos()
		fp := fillPath(fill, f.Path, pos, &diags)
		if fp == "" || !claim(fp, f.Path, pos) {
			continue
		}
		placed = append(placed, entry{fp, pos})
		var b strings.Builder
		secret := false
		comment := "" // of a fragment, for its markers
		if !f.Whole {
			comment = lang.CommentLeader(f.Lang, fp)
		}
		// here-documents and YAML block scalars span lines
		spans := quote.Lines(lineTexts(f.Lines), f.Lang)
		for i, l := range f.Lines {
			text := l.Text
			lang := quote.ForFile(l.Lang, fp)
			switch spans[i] {
			case quote.Heredoc, quote.QuotedHeredoc, quote.YAMLBlock, quote.PyTriple2, quote.PyTriple1:
				lang = spans[i]
			}
			if l.Subst {
				// the position of Text[0], so that an offset into Text
				// lands on its source column
				lpos := content.Position{
					Filename: l.File.Name,
					Line:     l.Line,
					Column:   l.Col - l.Pad,
					Offset:   l.File.LineStart(l.Line) + l.Col - 1 - l.Pad,
				}
				var s bool
				text, s = fill.Text(text, lang, lpos, &diags)
				secret = secret || s
			}
			if !f.Whole && manifest.IsMarker(text, comment) {
				diags.Errorf(content.Position{Filename: l.File.Name, Line: l.Line, Column: l.Col - l.Pad},
					"this line is a marker %q like those install.sh puts around the blocks it merges into %s: it would cut a block short; change the line", strings.TrimSpace(text), fp)
			}
			b.WriteString(text)
			b.WriteByte('\n')
		}
		data := []byte(b.String())
		sum := sha256.Sum256(data)
		mf := manifest.File{
			Path:   fp,
			Kind:   manifest.KindFile,
			Mode:   f.Mode,
			Owner:  account(fill, f.Owner, "owner", ownerPos(f.Sources, pos), &diags),
			Group:  account(fill, f.Group, "group", ownerPos(f.Sources, pos), &diags),
			SHA256: hex.EncodeToString(sum[:]),
			Secret: secret,
		}
		if f.Validate != "" {
			name := "rootfs" + fp
			if !f.Whole {
				name = "fragments" + fp
			}
			out.Checks = append(out.Checks, Check{Command: fill.Path(f.Validate, f.ValidatePos, &diags), Name: name, Pos: f.ValidatePos})
		}
		if f.Whole {
			if mf.Mode == "" && secret {
				mf.Mode = "0600"
			}
			if m, err := strconv.ParseUint(mf.Mode, 8, 32); err == nil && secret && m&0o004 != 0 {
				diags.Warnf(modePos(f.Sources, pos), "%s holds a secret value, and the tutorial makes it readable by every user (mode %s)", f.Path, mf.Mode)
			}
			out.Files["rootfs"+fp] = data
		} else {
			mf.Kind = manifest.KindFragment
			mf.Comment = lang.CommentLeader(f.Lang, fp)
			mf.Before = fill.Path(f.Before, pos, &diags)
			mf.After = fill.Path(f.After, pos, &diags)
			out.Files["fragments"+fp] = data
		}
		for _, s := range f.Sources {
			mf.Sources = append(mf.Sources, manifestSource(s))
		}
		out.Manifest.Files = append(out.Manifest.Files, mf)
	}
	for _, d := range p.Dirs {
		pos := d.Sources[0].Pos()
		dp := fillPath(fill, d.Path, pos, &diags)
		if dp == "" {
			continue
		}
		if _, isFile := out.Files["rootfs"+dp]; isFile {
			diags.Errorf(pos, "%s is both a file and a directory", d.Path)
			continue
		}
		placed = append(placed, entry{dp, pos})
		out.Manifest.Dirs = append(out.Manifest.Dirs, manifest.Dir{
			Path:  dp,
			Mode:  d.Mode,
			Owner: account(fill, d.Owner, "owner", ownerPos(d.Sources, pos), &diags),
			Group: account(fill, d.Group, "group", ownerPos(d.Sources, pos), &diags),
		})
	}
	for _, l := range p.Links {
		pos := l.Sources[0].Pos()
		lp := fillPath(fill, l.Path, pos, &diags)
		if lp == "" || !claim(lp, l.Path, pos) {
			continue
		}
		placed = append(placed, entry{lp, pos})
		target := fill.Path(l.Target, pos, &diags)
		if strings.ContainsAny(target, "\x00\n") {
			diags.Errorf(pos, "link target of %s holds a NUL or newline once filled in", l.Path)
			continue
		}
		out.Manifest.Links = append(out.Manifest.Links, manifest.Link{Path: lp, Target: target})
	}
	// Nothing can be made below a whole file, and no link can stand where
	// a file is.
	whole := map[string]bool{}
	for _, f := range out.Manifest.Files {
		if f.Kind == manifest.KindFile {
			whole[f.Path] = true
		}
	}
	for _, e := range placed {
		for d := path.Dir(e.path); d != "/"; d = path.Dir(d) {
			if whole[d] {
				diags.Errorf(e.pos, "%s is a file, so %s cannot be made below it", d, e.path)
				break
			}
		}
	}
	m := out.Manifest
	sort.Slice(m.Files, func(i, j int) bool { return m.Files[i].Path < m.Files[j].Path })
	sort.Slice(m.Dirs, func(i, j int) bool { return m.Dirs[i].Path < m.Dirs[j].Path })
	sort.Slice(m.Links, func(i, j int) bool { return m.Links[i].Path < m.Links[j].Path })
	diags.Sort()
	return out, diags
}

// fillPath fills a target path and checks it: absolute, no NUL or
// newline, no ".." that a value brought in. It returns "" on error.
func fillPath(fill Filler, tmpl string, pos content.Position, diags *content.Diagnostics) string {
	n := len(*diags)
	p := fill.Path(tmpl, pos, diags)
	if len(*diags) > n && diags.HasErrors() {
		for _, d := range (*diags)[n:] {
			if d.Severity == content.Error {
				return ""
			}
		}
	}
	switch {
	case strings.ContainsAny(p, "\x00\n\r"):
		diags.Errorf(pos, "path %s holds a NUL or a line break once filled in", tmpl)
		return ""
	case !strings.HasPrefix(p, "/"):
		diags.Errorf(pos, "path %s is not absolute once filled in", tmpl)
		return ""
	case strings.Contains(p, "$"):
		if v := infer.ShellVariable(p); v != "" {
			diags.Errorf(pos, "path %s still holds %s once filled in: give it a value, or name the file without it", tmpl, v)
			return ""
		}
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			diags.Errorf(pos, "path %s holds \"..\" once filled in: a value must not climb out of its directory", tmpl)
			return ""
		}
	}
	// a part of the path that a value makes must stay a part: an empty
	// or "." value would make the file its directory
	for i, seg := range strings.Split(tmpl, "/") {
		if !strings.Contains(seg, "$") {
			continue
		}
		var scratch content.Diagnostics
		v := fill.Path(seg, pos, &scratch)
		if v == "" || v == "." || strings.HasPrefix(v, "./") || strings.HasSuffix(v, "/.") || strings.Contains(v, "/./") ||
			strings.Contains(v, "//") || i > 0 && strings.HasPrefix(v, "/") || v == "/" {
			diags.Errorf(pos, "path %s: its part %s is empty, \".\" or \"/\" once filled in, which would put the file at another path", tmpl, seg)
			return ""
		}
	}
	return path.Clean(p)
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
