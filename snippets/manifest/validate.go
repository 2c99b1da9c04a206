package manifest

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"
)

// Validate reports whether the manifest can be installed, as one error
// listing every problem, or nil. It checks that:
//
//   - every path is absolute and clean (no "." or ".." segments, no double
//     or final slash) and holds no NUL byte;
//   - no two entries have the same path, and no entry sits under a file
//     or a link of the manifest;
//   - file kinds are KindFile, KindFragment or KindEdit (whose format is
//     one install.sh edits and settings name keys), digests are 64 hex digits,
//     modes are octal ("0640", "750");
//   - owners and groups are user or group names ("www-data", "postfix",
//     "_apt", "1000");
//   - link targets are not empty and hold no NUL byte or newline;
//   - comments, before and after anchors hold no NUL byte or newline.
func (m *Manifest) Validate() error {
	v := &validator{kinds: map[string]string{}}
	for _, f := range m.Files {
		v.file(f)
	}
	for _, d := range m.Dirs {
		if msg := checkPath(d.Path); msg != "" {
			v.bad("directory", d.Path, "%s", msg)
		}
		if d.Mode != "" && !isOctalMode(d.Mode) {
			v.bad("directory", d.Path, "mode %q is not octal, such as \"0750\"", d.Mode)
		}
		checkOwner(v.bad, "directory", d.Path, d.Owner, d.Group)
		v.add("directory", d.Path)
	}
	for _, l := range m.Links {
		v.link(l)
	}
	v.nested()
	sortErrors(v.errs)
	return errors.Join(v.errs...)
}

// A validator collects what is wrong with a manifest.
type validator struct {
	errs  []error
	kinds map[string]string // path -> what is there
}

func (v *validator) bad(what, p, format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf("manifest: %s %q: %s", what, p, fmt.Sprintf(format, args...)))
}

// add records what is at p, reporting a path listed twice.
func (v *validator) add(what, p string) {
	if prev, ok := v.kinds[p]; ok {
		v.bad(what, p, "already listed as a %s", prev)
		return
	}
	v.kinds[p] = what
}

func (v *validator) file(f File) {
	what := "file"
	if f.Kind == KindFragment || f.Kind == KindEdit {
		what = f.Kind
	}
	if msg := checkPath(f.Path); msg != "" {
		v.bad(what, f.Path, "%s", msg)
	}
	switch f.Kind {
	case KindFile, KindFragment, KindEdit:
	default:
		v.bad(what, f.Path, "kind %q is not %q, %q or %q", f.Kind, KindFile, KindFragment, KindEdit)
	}
	if !isHexDigest(f.SHA256) {
		v.bad(what, f.Path, "sha256 %q is not 64 hex digits", f.SHA256)
	}
	if f.Mode != "" && !isOctalMode(f.Mode) {
		v.bad(what, f.Path, "mode %q is not octal, such as \"0640\"", f.Mode)
	}
	checkOwner(v.bad, what, f.Path, f.Owner, f.Group)
	v.anchors(what, f)
	v.edits(what, f)
	v.add(what, f.Path)
}

// anchors checks a fragment's comment and anchors.
func (v *validator) anchors(what string, f File) {
	for name, s := range map[string]string{"comment": f.Comment, "before": f.Before, "after": f.After} {
		if strings.ContainsAny(s, "\x00\n\r") {
			v.bad(what, f.Path, "%s %q holds a NUL byte or a line break", name, s)
		}
	}
	if f.Kind != KindFragment && (f.Comment != "" || f.Before != "" || f.After != "") {
		v.bad(what, f.Path, "comment, before and after are for fragments only")
	}
	if f.Before != "" && f.After != "" {
		v.bad(what, f.Path, "has both before %q and after %q; give one", f.Before, f.After)
	}
}

// edits checks an edit's format and settings.
func (v *validator) edits(what string, f File) {
	if f.Kind != KindEdit {
		if f.Format != "" || len(f.Edits) > 0 {
			v.bad(what, f.Path, "format and edits are for edits only")
		}
		return
	}
	if !editFormats[f.Format] {
		v.bad(what, f.Path, "format %q is not a format of settings tailor edits", f.Format)
	}
	if len(f.Edits) == 0 {
		v.bad(what, f.Path, "sets no settings")
	}
	for _, e := range f.Edits {
		if e.Key == "" || e.Lines < 1 || strings.ContainsAny(e.Key+e.Section, "\x00\n\r\t") {
			v.bad(what, f.Path, "setting %q in [%s] of %d lines is not one install.sh can set", e.Key, e.Section, e.Lines)
		}
	}
}

// editFormats are the formats install.sh sets settings of.
var editFormats = map[string]bool{"python": true, "ini": true, "key=value": true, "directive": true, "nginx": true, "apache": true, "apt": true, "hba": true}

func (v *validator) link(l Link) {
	if msg := checkPath(l.Path); msg != "" {
		v.bad("link", l.Path, "%s", msg)
	}
	switch {
	case l.Target == "":
		v.bad("link", l.Path, "has no target")
	case strings.ContainsAny(l.Target, "\x00\n"):
		v.bad("link", l.Path, "target %q holds a NUL byte or a line break", l.Target)
	}
	v.add("link", l.Path)
}

// nested reports what sits under a file or a link: the install would
// need a directory there.
func (v *validator) nested() {
	for p := range v.kinds {
		for d := path.Dir(p); d != "/" && d != "."; d = path.Dir(d) {
			if what, ok := v.kinds[d]; ok && what != "directory" {
				v.bad(v.kinds[p], p, "is inside %q, which is a %s", d, what)
				break
			}
		}
	}
}

// sortErrors sorts the messages, whose order map iteration varies.
func sortErrors(errs []error) {
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
}

// checkPath returns what is wrong with a manifest path, or "".
func checkPath(p string) string {
	switch {
	case strings.ContainsRune(p, 0):
		return "holds a NUL byte"
	case !strings.HasPrefix(p, "/"):
		return "is not absolute"
	case p == "/":
		return "is the root directory"
	}
	for _, seg := range strings.Split(p[1:], "/") {
		switch seg {
		case "..":
			return `has a ".." segment`
		case ".":
			return `has a "." segment`
		case "":
			return "has an empty segment (a double or final slash)"
		}
	}
	return ""
}

func checkOwner(bad func(what, p, format string, args ...any), what, p, owner, group string) {
	if owner != "" && !isName(owner) {
		bad(what, p, "owner %q is not a user name", owner)
	}
	if group != "" && !isName(group) {
		bad(what, p, "group %q is not a group name", group)
	}
}

// isName reports whether s is a user or group name: letters, digits, ".",
// "_" and "-", not starting with "-", an optional final "$" (Samba
// machine accounts), or a number.
func isName(s string) bool {
	s = strings.TrimSuffix(s, "$")
	if s == "" || len(s) > 64 || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func isHexDigest(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// isOctalMode reports whether s is an octal mode of three or four digits.
func isOctalMode(s string) bool {
	if len(s) < 3 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '7' {
			return false
		}
	}
	return true
}
