package manifest

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"
)

// InstallScript returns install.sh for the manifest: a POSIX sh script
// that installs, from the rootfs/ and fragments/ directories beside it,
// everything the manifest lists.
//
//	sh install.sh [--root DIR] [--dry-run] [--help]
//
// Before it changes anything, the script checks that every file it needs
// is beside it with the digest the manifest gives, that every owner and
// group exists (with --root, in DIR/etc/passwd and DIR/etc/group when
// those exist, else on the host), that no directory, named pipe, socket
// or device stands where a file or link goes, that no file it merges
// into holds its block twice, and, with --root, that no symbolic link
// leads a path out of DIR (an absolute link does: it names a place on
// the host); on any problem it names it and exits 1, having changed
// nothing (--dry-run says so too). Then it makes the directories
// (parents first), installs the whole files (atomically, through a link
// that stands at the path, keeping a backup of a different file it
// replaces under /var/backups/tailor, mode 0700, numbered PATH.~N~ when
// older ones differ), merges each fragment between "<C> BEGIN tailor
// LABEL" and "<C> END tailor LABEL" marker lines (see Markers and Label;
// replacing an earlier merge, else before or after the anchor line, else
// at the end; keeping a backup of the file as it was; in the file's line
// endings, CRLF or LF; a fragment that makes a new file holding a secret
// makes it 0600), and makes the links. When the manifest has Masks, all
// it prints (its own messages and those of the commands it runs) goes
// through a filter that shows each secret value as its mask. It prints one line per change and "up to date" when
// there is none, so a second run prints only that and changes no byte.
// Ownership is set only when the script runs as root, by the numeric ids
// of the names (looked up in DIR/etc/passwd and DIR/etc/group with
// --root).
//
// InstallScript expects a manifest for which Validate returns nil; for
// any other it returns a script that prints the validation errors and
// exits 1 without changing anything.
func (m *Manifest) InstallScript() []byte {
	var b bytes.Buffer
	b.WriteString("#!/bin/sh\n")
	// Paths in single quotes hold "$" and "`" on purpose.
	b.WriteString("# shellcheck disable=SC2016\n")
	fmt.Fprintf(&b, "# install.sh for client %s, made by tailor from manifest.json.\n", oneLineComment(m.Client))
	if err := m.Validate(); err != nil {
		b.WriteString("# The manifest is not valid: this script installs nothing.\n")
		for _, l := range strings.Split(err.Error(), "\n") {
			b.WriteString("printf '%s\\n' " + shQuote("install.sh: "+l) + " >&2\n")
		}
		b.WriteString("exit 1\n")
		return b.Bytes()
	}
	if len(m.Masks) > 0 {
		b.WriteString(maskedOutput(m.Masks))
	}
	b.WriteString(scriptHead)
	p := m.plan()
	if len(p.edits()) > 0 {
		b.WriteString("\n# EDIT_AWK sets keyed lines where they stand: see prepare_edit.\n")
		b.WriteString("# shellcheck disable=SC2016 # awk's $0, not the shell's\n")
		b.WriteString("EDIT_AWK='" + editAwk + "'\n")
	}

	b.WriteString("\n# Checks: nothing changes unless all pass.\n")
	hasOwners := false
	for _, f := range p.files {
		dir := "rootfs"
		if f.Kind != KindFile {
			dir = "fragments"
		}
		fmt.Fprintf(&b, "check_source %s %s %s\n", dir, shQuote(f.Path), shQuote(strings.ToLower(f.SHA256)))
	}
	for _, d := range p.dirs {
		fmt.Fprintf(&b, "check_dir %s\n", shQuote(d.Path))
	}
	for _, f := range p.files {
		fmt.Fprintf(&b, "check_not_dir %s\n", shQuote(f.Path))
	}
	for _, l := range p.links {
		fmt.Fprintf(&b, "check_not_dir %s\n", shQuote(l.Path))
	}
	for _, r := range m.Removed {
		fmt.Fprintf(&b, "check_not_dir %s\n", shQuote(r.Path))
		fmt.Fprintf(&b, "check_kind %s link\n", shQuote(r.Path))
		fmt.Fprintf(&b, "check_inside %s link\n", shQuote(r.Path))
		fmt.Fprintf(&b, "check_backups %s\n", shQuote(r.Path))
	}
	for _, f := range p.files {
		fmt.Fprintf(&b, "check_kind %s file\n", shQuote(f.Path))
	}
	for _, l := range p.links {
		fmt.Fprintf(&b, "check_kind %s link\n", shQuote(l.Path))
	}
	for _, d := range p.dirs {
		fmt.Fprintf(&b, "check_inside %s dir\n", shQuote(d.Path))
	}
	for _, f := range p.files {
		fmt.Fprintf(&b, "check_inside %s file\n", shQuote(f.Path))
	}
	for _, l := range p.links {
		fmt.Fprintf(&b, "check_inside %s link\n", shQuote(l.Path))
	}
	for _, f := range p.files {
		fmt.Fprintf(&b, "check_backups %s\n", shQuote(f.Path))
	}
	for _, l := range p.links {
		fmt.Fprintf(&b, "check_backups %s\n", shQuote(l.Path))
	}
	checked := make(map[string]bool) // "user NAME", "group NAME"
	owners := func(p, owner, group string) {
		if owner != "" && !checked["user "+owner] {
			checked["user "+owner] = true
			fmt.Fprintf(&b, "check_id passwd user %s %s\n", shQuote(owner), shQuote(p))
		}
		if group != "" && !checked["group "+group] {
			checked["group "+group] = true
			fmt.Fprintf(&b, "check_id group group %s %s\n", shQuote(group), shQuote(p))
		}
		hasOwners = hasOwners || owner != "" || group != ""
	}
	for _, d := range p.dirs {
		owners(d.Path, d.Owner, d.Group)
	}
	for _, f := range p.files {
		owners(f.Path, f.Owner, f.Group)
	}
	if hasOwners {
		b.WriteString("check_db passwd\ncheck_db group\n")
	}
	for i, f := range p.fragments() {
		begin, end := Markers(f.Comment, m.Label())
		oldBegin, oldEnd := "", "" // of the blocks that named nothing
		if m.Label() != "" {
			oldBegin, oldEnd = Markers(f.Comment, "")
		}
		fmt.Fprintf(&b, "prepare_fragment %d %s %s %s %s %s %s %s\n", i+1, shQuote(f.Path),
			shQuote(begin), shQuote(end), shQuote(f.Before), shQuote(f.After), shQuote(oldBegin), shQuote(oldEnd))
	}
	for i, f := range p.edits() {
		b.WriteString(prepareEdit(i+1, f))
	}
	if hasOwners {
		b.WriteString("HAS_OWNERS=1\n")
	}
	b.WriteString(scriptMiddle)

	b.WriteString("\n# Changes.\n")
	for _, d := range p.dirs {
		fmt.Fprintf(&b, "ensure_dir %s %s %s %s\n", shQuote(d.Path), shQuote(octal4(d.Mode)), shQuote(d.Owner), shQuote(d.Group))
	}
	for _, f := range p.files {
		if f.Kind == KindFile {
			fmt.Fprintf(&b, "install_file %s %s %s %s\n", shQuote(f.Path), shQuote(octal4(f.Mode)), shQuote(f.Owner), shQuote(f.Group))
		}
	}
	for i, f := range p.fragments() {
		newMode := octal4(f.Mode)
		switch {
		case newMode != "":
		case f.Secret:
			newMode = "0600"
		default:
			newMode = "0644"
		}
		fmt.Fprintf(&b, "merge_fragment %d %s %s %s %s %s\n", i+1, shQuote(f.Path), shQuote(octal4(f.Mode)), shQuote(f.Owner), shQuote(f.Group), newMode)
	}
	for i, f := range p.edits() {
		fmt.Fprintf(&b, "apply_edit %d %s\n", i+1, shQuote(f.Path))
	}
	for _, r := range m.Removed {
		fmt.Fprintf(&b, "remove_path %s\n", shQuote(r.Path))
	}
	for _, l := range p.links {
		fmt.Fprintf(&b, "make_link %s %s\n", shQuote(l.Path), shQuote(l.Target))
	}
	b.WriteString(scriptTail)
	return b.Bytes()
}

// An installPlan is the manifest in the order the script installs it.
type installPlan struct {
	dirs  []Dir // the manifest's and the parents of every entry, parents first
	files []File
	links []Link
}

func (m *Manifest) plan() installPlan {
	var p installPlan
	dirs := make(map[string]Dir)
	parents := func(x string) {
		for d := path.Dir(x); d != "/" && d != "."; d = path.Dir(d) {
			if _, ok := dirs[d]; ok {
				break
			}
			dirs[d] = Dir{Path: d}
		}
	}
	for _, d := range m.Dirs {
		parents(d.Path)
	}
	for _, d := range m.Dirs {
		dirs[d.Path] = d
	}
	for _, f := range m.Files {
		parents(f.Path)
	}
	for _, l := range m.Links {
		parents(l.Path)
	}
	for _, d := range dirs {
		p.dirs = append(p.dirs, d)
	}
	// A parent is a prefix of its children, so it sorts before them.
	sort.Slice(p.dirs, func(i, j int) bool { return p.dirs[i].Path < p.dirs[j].Path })
	p.files = append(p.files, m.Files...)
	sort.SliceStable(p.files, func(i, j int) bool { return p.files[i].Path < p.files[j].Path })
	p.links = append(p.links, m.Links...)
	sort.SliceStable(p.links, func(i, j int) bool { return p.links[i].Path < p.links[j].Path })
	return p
}

func (p installPlan) edits() []File {
	var out []File
	for _, f := range p.files {
		if f.Kind == KindEdit {
			out = append(out, f)
		}
	}
	return out
}

// prepareEdit writes the lines that check edit n of file f and compute
// the file as it becomes: the settings it sets, then prepare_edit.
func prepareEdit(n int, f File) string {
	var b strings.Builder
	fmt.Fprintf(&b, "printf '%%s\\t%%s\\t%%s\\n'")
	for _, e := range f.Edits {
		fmt.Fprintf(&b, " %s %s %d", shQuote(e.Section), shQuote(e.Key), e.Lines)
	}
	fmt.Fprintf(&b, " >\"$WORK/spec.%d\"\n", n)
	madeBy := ""
	if f.MadeBy != nil {
		madeBy = fmt.Sprintf("%s:%d (%s)", f.MadeBy.Doc, f.MadeBy.Line, f.MadeBy.By)
	}
	var keys []string
	for _, e := range f.Edits {
		keys = append(keys, e.Key)
	}
	fmt.Fprintf(&b, "prepare_edit %d %s %s %s %s\n", n, shQuote(f.Path), shQuote(f.Format), shQuote(strings.Join(keys, ", ")), shQuote(madeBy))
	return b.String()
}

func (p installPlan) fragments() []File {
	var out []File
	for _, f := range p.files {
		if f.Kind == KindFragment {
			out = append(out, f)
		}
	}
	return out
}

// Label is what the marker lines of the manifest's merged blocks name:
// "PROJECT/CLIENT", each part with the characters other than letters,
// digits, ".", "_" and "-" made "-" (the client alone without a project).
func (m *Manifest) Label() string {
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '.' || r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				return r
			}
			return '-'
		}, s)
	}
	if m.Project == "" {
		return clean(m.Client)
	}
	return clean(m.Project) + "/" + clean(m.Client)
}

// Markers returns the lines that enclose a merged fragment, for a
// comment syntax ("#" when empty) and a label (Manifest.Label): "# BEGIN
// tailor LABEL", or "<!-- BEGIN tailor LABEL -->" for "<!--" and "/*
// BEGIN tailor LABEL */" for "/*". A fragment must hold no marker line
// (see IsMarker).
func Markers(comment, label string) (begin, end string) {
	open, closing := markerEnds(comment)
	if label != "" {
		label = " " + label
	}
	return open + " BEGIN tailor" + label + closing, open + " END tailor" + label + closing
}

func markerEnds(comment string) (open, closing string) {
	if comment == "" {
		comment = "#"
	}
	switch comment {
	case "<!--":
		closing = " -->"
	case "/*":
		closing = " */"
	case "(*":
		closing = " *)"
	}
	return comment, closing
}

// IsMarker reports whether a line, compared without surrounding blanks,
// is a BEGIN or END marker of tailor in a comment syntax, whatever it
// names: a fragment holding one would cut its own or another block short.
func IsMarker(line, comment string) bool {
	open, closing := markerEnds(comment)
	t := strings.TrimSpace(line)
	for _, word := range []string{" BEGIN tailor", " END tailor"} {
		if rest, ok := strings.CutPrefix(t, open+word); ok && strings.HasSuffix(rest, closing) && (rest == closing || rest[0] == ' ') {
			return true
		}
	}
	return false
}

// maskedOutput is the start of a script whose paths, owners or anchors
// hold secret values: it runs the script again with its output and
// errors through an awk filter that masks them, and exits as it does.
func maskedOutput(masks []Mask) string {
	sorted := append([]Mask(nil), masks...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i].Value) > len(sorted[j].Value) })
	// awk reads -v values as string literals: \ and " are escaped
	lit := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	var args, begin strings.Builder
	for i, mk := range sorted {
		fmt.Fprintf(&args, " -v %s -v %s", shQuote(fmt.Sprintf("v%d=%s", i+1, lit.Replace(mk.Value))), shQuote(fmt.Sprintf("m%d=%s", i+1, lit.Replace(mk.Shown))))
		fmt.Fprintf(&begin, " V[%d] = v%d; M[%d] = m%d;", i+1, i+1, i+1, i+1)
	}
	return fmt.Sprintf(`
# Some paths, owners or anchors below hold secret values: this script
# runs itself again with what it prints going through tailor_mask, which
# shows each as the docs do.
tailor_mask() {
	awk -v n=%d%s 'BEGIN {%s }
	{
		s = $0
		for (i = 1; i <= n; i++) {
			out = ""
			while ((k = index(s, V[i])) > 0) {
				out = out substr(s, 1, k - 1) M[i]
				s = substr(s, k + length(V[i]))
			}
			s = out s
		}
		print s
		fflush()
	}'
}
if [ "${TAILOR_INSTALL_MASKED-}" != 1 ]; then
	if [ ! -f "$0" ]; then
		printf '%%s
' "install.sh: run this script as a file (sh install.sh), so that it can hide the secret values it prints" >&2
		exit 2
	fi
	exec 5>&1
	tailor_rc=$({ { { TAILOR_INSTALL_MASKED=1 sh "$0" "$@" 4>&- 5>&-; echo "$?" >&4; } | tailor_mask >&5; } 2>&1 | tailor_mask >&2; } 4>&1)
	exit "${tailor_rc:-1}"
fi
`, len(sorted), args.String(), begin.String())
}

// octal4 writes an octal mode with four digits ("640" -> "0640").
func octal4(mode string) string {
	if mode == "" || len(mode) >= 4 {
		return mode
	}
	return strings.Repeat("0", 4-len(mode)) + mode
}

// shQuote quotes s for sh: in single quotes, each single quote of s
// closing the quotes, escaped with a backslash, and opening them again.
// The result is one word whatever s holds (spaces, quotes, $, `, newlines).
func shQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// oneLineComment makes s safe in a "#" comment line.
func oneLineComment(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	if s == "" {
		return `""`
	}
	return fmt.Sprintf("%q", s)
}
