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
//   - file kinds are KindFile or KindFragment, digests are 64 hex digits,
//     modes are octal ("0640", "750");
//   - owners and groups are user or group names ("www-data", "postfix",
//     "_apt", "1000");
//   - link targets are not empty and hold no NUL byte or newline;
//   - comments, before and after anchors hold no NUL byte or newline.
func (m *Manifest) Validate() error {
	var errs []error
	bad := func(what, p, format string, args ...any) {
		errs = append(errs, fmt.Errorf("manifest: %s %q: %s", what, p, fmt.Sprintf(format, args...)))
	}
	kinds := make(map[string]string) // path -> what is there
	add := func(what, p string) {
		if prev, ok := kinds[p]; ok {
			bad(what, p, "already listed as a %s", prev)
			return
		}
		kinds[p] = what
	}
	for _, f := range m.Files {
		what := "file"
		if f.Kind == KindFragment {
			what = "fragment"
		}
		if msg := checkPath(f.Path); msg != "" {
			bad(what, f.Path, "%s", msg)
		}
		switch f.Kind {
		case KindFile, KindFragment:
		default:
			bad(what, f.Path, "kind %q is neither %q nor %q", f.Kind, KindFile, KindFragment)
		}
		if !isHexDigest(f.SHA256) {
			bad(what, f.Path, "sha256 %q is not 64 hex digits", f.SHA256)
		}
		if f.Mode != "" && !isOctalMode(f.Mode) {
			bad(what, f.Path, "mode %q is not octal, such as \"0640\"", f.Mode)
		}
		checkOwner(bad, what, f.Path, f.Owner, f.Group)
		for name, v := range map[string]string{"comment": f.Comment, "before": f.Before, "after": f.After} {
			if strings.ContainsAny(v, "\x00\n\r") {
				bad(what, f.Path, "%s %q holds a NUL byte or a line break", name, v)
			}
		}
		if f.Kind == KindFile && (f.Comment != "" || f.Before != "" || f.After != "") {
			bad(what, f.Path, "comment, before and after are for fragments only")
		}
		if f.Before != "" && f.After != "" {
			bad(what, f.Path, "has both before %q and after %q; give one", f.Before, f.After)
		}
		add(what, f.Path)
	}
	for _, d := range m.Dirs {
		if msg := checkPath(d.Path); msg != "" {
			bad("directory", d.Path, "%s", msg)
		}
		if d.Mode != "" && !isOctalMode(d.Mode) {
			bad("directory", d.Path, "mode %q is not octal, such as \"0750\"", d.Mode)
		}
		checkOwner(bad, "directory", d.Path, d.Owner, d.Group)
		add("directory", d.Path)
	}
	for _, l := range m.Links {
		if msg := checkPath(l.Path); msg != "" {
			bad("link", l.Path, "%s", msg)
		}
		switch {
		case l.Target == "":
			bad("link", l.Path, "has no target")
		case strings.ContainsAny(l.Target, "\x00\n"):
			bad("link", l.Path, "target %q holds a NUL byte or a line break", l.Target)
		}
		add("link", l.Path)
	}
	// Nothing may sit under a file or a link: the install would need a
	// directory there.
	for p := range kinds {
		for d := path.Dir(p); d != "/" && d != "."; d = path.Dir(d) {
			if what, ok := kinds[d]; ok && what != "directory" {
				bad(kinds[p], p, "is inside %q, which is a %s", d, what)
				break
			}
		}
	}
	sortErrors(errs)
	return errors.Join(errs...)
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
