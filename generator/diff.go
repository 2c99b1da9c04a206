package generator

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/internal/fserr"
	"github.com/tailordocs/tailor/internal/limit"
	"github.com/tailordocs/tailor/snippets/manifest"
	"github.com/tailordocs/tailor/snippets/tree"
)

// A Drift is one way an installed system differs from a client's build.
type Drift struct {
	// Path is the file, directory or link on the system.
	Path string `json:"path"`
	// What differs: "missing", "content", "block" (a fragment's merged
	// block), "setting" (a key an edit sets: Want names it, Have is ""
	// when it is not set, "other" when it is set otherwise), "removed" (a
	// path the tutorial removes is there), "mode", "owner", "group",
	// "type", "link", "outside" (a
	// symbolic link leads the path out of the root: it is not read) or
	// "unreadable", or "unknown": not compared, as the build's content
	// (or path) holds values that tailor generates and no build has
	// kept yet (Want names them).
	What string `json:"what"`
	// Want and Have are what the build says and what the system has;
	// empty for content, which Diff gives in Lines. For a block, Have is
	// "" (not there), "other", "twice", or "unnamed" and "unnamed, other"
	// (the same or another block between the markers of an earlier
	// install.sh, which name no project and client).
	Want string `json:"want,omitempty"`
	Have string `json:"have,omitempty"`
	// Lines is a line diff of the content ("-" the build's lines, "+" the
	// system's, " " both), nil for a secret file: its content is never
	// shown.
	Lines []string `json:"lines,omitempty"`
	// Secret is set when the file holds a secret.
	Secret bool `json:"secret,omitempty"`
}

// String describes the drift in one line.
func (d Drift) String() string {
	switch d.What {
	case "missing":
		return d.Path + ": missing"
	case "content":
		return d.Path + ": content differs"
	case "block":
		switch d.Have {
		case "":
			return d.Path + ": the block tailor merges is not there"
		case "twice":
			return d.Path + ": the block tailor merges is there twice (install.sh refuses the file until one is removed)"
		case "unnamed":
			return d.Path + ": the block tailor merges is there between the markers of an earlier install.sh, which install.sh renames"
		case "unnamed, other":
			return d.Path + ": the merged block differs, between the markers of an earlier install.sh, which install.sh renames"
		}
		return d.Path + ": the merged block differs"
	case "setting":
		if d.Have == "" {
			return d.Path + ": " + d.Want + " is not set"
		}
		return d.Path + ": " + d.Want + " is set otherwise"
	case "removed":
		return d.Path + ": still there (the tutorial removes it)"
	case "outside":
		return d.Path + ": not compared: " + d.Have
	case "unknown":
		return d.Path + ": not compared: it holds " + d.Want + ", which tailor generates on the first build and no build has kept yet (tailor build keeps it beside the values file, in .tailor-state/)"
	case "unreadable":
		return d.Path + ": cannot be read (" + d.Have + ")"
	}
	return fmt.Sprintf("%s: %s is %s, want %s", d.Path, d.What, d.Have, d.Want)
}

// Diff compares a client's build (a Result of a build, a dry run does)
// with the system whose root directory is root on sys: every file,
// fragment, directory and link of its manifest, with the modes, owners
// and groups the manifest gives. It only reads. No drift shows a secret
// value of the client: each is masked as the docs mask it. Owners and groups are
// compared by the names in root/etc/passwd and root/etc/group, when sys
// says who owns a file.
func Diff(r *Result, sys afero.Fs, root string) ([]Drift, error) {
	var m manifest.Manifest
	if err := json.Unmarshal(r.Files["manifest.json"], &m); err != nil {
		return nil, fmt.Errorf("the build has no manifest: %v", err)
	}
	root = path.Clean(root)
	ids := &idNames{sys: sys, root: root}
	var out []Drift
	// stat finds what is at p under root, links followed (the last one
	// too unless it is the link itself that matters), never out of root.
	stat := func(p string, last bool) (string, fs.FileInfo, *Drift) {
		real, err := within(sys, root, p, last)
		if err != nil {
			return "", nil, &Drift{Path: p, What: "outside", Have: err.Error()}
		}
		var fi fs.FileInfo
		if last {
			fi, err = sys.Stat(real)
		} else if lst, ok := sys.(afero.Lstater); ok {
			fi, _, err = lst.LstatIfPossible(real)
		} else {
			fi, err = sys.Stat(real)
		}
		if err != nil {
			return real, nil, &Drift{Path: p, What: "missing"}
		}
		return real, fi, nil
	}
	for _, d := range m.Dirs {
		_, fi, drift := stat(d.Path, true)
		switch {
		case drift != nil:
			out = append(out, *drift)
			continue
		case !fi.IsDir():
			out = append(out, Drift{Path: d.Path, What: "type", Want: "a directory", Have: kindOf(fi)})
			continue
		}
		out = append(out, attrDrift(d.Path, fi, d.Mode, d.Owner, d.Group, ids)...)
	}
	for _, f := range m.Files {
		real, fi, drift := stat(f.Path, true)
		switch {
		case drift != nil && drift.What == "missing" && r.pendingIn(f.Path) != "":
			out = append(out, Drift{Path: f.Path, What: "unknown", Want: r.pendingIn(f.Path)})
			continue
		case drift != nil:
			out = append(out, *drift)
			continue
		case !fi.Mode().IsRegular():
			out = append(out, Drift{Path: f.Path, What: "type", Want: "a file", Have: kindOf(fi)})
			continue
		}
		out = append(out, r.known(f, contentDrift(r, &m, f, sys, real))...)
		out = append(out, attrDrift(f.Path, fi, f.Mode, f.Owner, f.Group, ids)...)
	}
	for _, l := range m.Links {
		real, fi, drift := stat(l.Path, false)
		switch {
		case drift != nil:
			out = append(out, *drift)
			continue
		case fi.Mode()&fs.ModeSymlink == 0:
			out = append(out, Drift{Path: l.Path, What: "type", Want: "a symbolic link", Have: kindOf(fi)})
			continue
		}
		reader, ok := sys.(afero.LinkReader)
		if !ok {
			return nil, errors.New("this file system cannot read symbolic links")
		}
		target, err := reader.ReadlinkIfPossible(real)
		if err != nil {
			out = append(out, Drift{Path: l.Path, What: "unreadable", Have: fserr.Why(err)})
			continue
		}
		if target != l.Target {
			out = append(out, Drift{Path: l.Path, What: "link", Want: l.Target, Have: target})
		}
	}
	for _, rm := range m.Removed {
		if _, _, drift := stat(rm.Path, false); drift == nil {
			out = append(out, Drift{Path: rm.Path, What: "removed", Have: "there"})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	// A drift shows no secret value, whether in a path, an owner or a
	// line that the system has and the build has not.
	for i := range out {
		d := &out[i]
		d.Path, d.Want, d.Have = maskSecrets(d.Path, r.secrets), maskSecrets(d.Want, r.secrets), maskSecrets(d.Have, r.secrets)
		for k, l := range d.Lines {
			d.Lines[k] = maskSecrets(l, r.secrets)
		}
	}
	return out, nil
}

// maxShown bounds the files whose lines a drift shows: a bigger one is
// compared as it is read, never held whole in memory.
const maxShown = 1 << 20

// pendingIn returns the generated values that s holds and no build has
// kept yet, as "$NAME, $OTHER", or "".
func (r *Result) pendingIn(s string) string {
	var names []string
	for _, v := range r.pending {
		if strings.Contains(s, v.Text) {
			names = append(names, "$"+v.Name)
		}
	}
	return strings.Join(names, ", ")
}

// known returns the drifts of the content of f, but when that content
// holds a generated value that no build has kept yet: then the build's
// content is not what a build would write, and one drift says that it
// is not compared.
func (r *Result) known(f manifest.File, drift []Drift) []Drift {
	if len(drift) == 0 || len(r.pending) == 0 {
		return drift
	}
	want := r.Files["rootfs"+f.Path]
	if f.Kind != manifest.KindFile {
		want = r.Files["fragments"+f.Path]
	}
	names := r.pendingIn(string(want))
	if names == "" {
		return drift
	}
	var out []Drift
	for _, d := range drift {
		switch d.What {
		case "content", "block", "setting":
		default:
			out = append(out, d)
		}
	}
	return append(out, Drift{Path: f.Path, What: "unknown", Want: names})
}

// contentDrift compares what a file or fragment holds with the build.
func contentDrift(r *Result, m *manifest.Manifest, f manifest.File, sys afero.Fs, real string) []Drift {
	file, err := sys.Open(real)
	if err != nil {
		return []Drift{{Path: f.Path, What: "unreadable", Have: fserr.Why(err)}}
	}
	defer file.Close()
	if f.Kind == manifest.KindEdit {
		return editDrift(r, f, file)
	}
	if f.Kind == manifest.KindFragment {
		want := r.Files["fragments"+f.Path]
		begin, end := manifest.Markers(f.Comment, m.Label())
		block, where, err := findBlock(file, begin, end, len(want)+maxShown)
		unnamed := false
		if err == nil && where == blockMissing && m.Label() != "" {
			// the one block an earlier install.sh merged, which install.sh
			// takes over
			if _, err = file.Seek(0, io.SeekStart); err == nil {
				begin, end = manifest.Markers(f.Comment, "")
				block, where, err = findBlock(file, begin, end, len(want)+maxShown)
				unnamed = where != blockMissing
			}
		}
		if err != nil {
			return []Drift{{Path: f.Path, What: "unreadable", Have: fserr.Why(err)}}
		}
		if where == blockFound && !unnamed && block != nil && bytes.Equal(block, want) {
			return nil
		}
		d := Drift{Path: f.Path, What: "block", Secret: f.Secret}
		switch {
		case where == blockTwice:
			d.Have = "twice"
		case unnamed && block != nil && bytes.Equal(block, want):
			d.Have = "unnamed"
		case where == blockFound:
			d.Have = "other"
			if unnamed {
				d.Have = "unnamed, other"
			}
			if !f.Secret {
				if block == nil {
					d.Lines = []string{"(the merged block is too large to compare line by line)"}
				} else {
					d.Lines = lineDiff(string(want), string(block))
				}
			}
		}
		return []Drift{d}
	}
	want := r.Files["rootfs"+f.Path]
	same, have, err := compareContent(file, want)
	if err != nil {
		return []Drift{{Path: f.Path, What: "unreadable", Have: fserr.Why(err)}}
	}
	if same {
		return nil
	}
	d := Drift{Path: f.Path, What: "content", Secret: f.Secret}
	switch {
	case f.Secret:
	case have == nil:
		d.Lines = []string{fmt.Sprintf("(the file is larger than %s: too large to compare line by line)", limit.Size(maxShown))}
	default:
		d.Lines = lineDiff(string(want), string(have))
	}
	return []Drift{d}
}

// compareContent reports whether what r reads is want, reading it a
// piece at a time. It returns what it read when that is no more than
// maxShown bytes, else nil.
func compareContent(r io.Reader, want []byte) (bool, []byte, error) {
	var head []byte
	kept, same := true, true
	rest := want
	buf := make([]byte, 64<<10)
	for kept || same {
		n, err := r.Read(buf)
		if same {
			same = n <= len(rest) && bytes.Equal(buf[:n], rest[:n])
			rest = rest[min(n, len(rest)):]
		}
		if kept = kept && len(head)+n <= maxShown; kept {
			head = append(head, buf[:n]...)
		} else {
			head = nil
		}
		if err == io.EOF {
			return same && len(rest) == 0, head, nil
		}
		if err != nil {
			return false, nil, err
		}
	}
	return false, nil, nil // differs, and too big to show
}

// Where a fragment's markers are in a file.
const (
	blockMissing = iota
	blockFound
	blockTwice // install.sh refuses such a file
)

// findBlock returns the lines between the marker line begin and the next
// end (compared without surrounding blanks, as install.sh does), each
// with a line feed (a carriage return before it is not part of the
// line), reading r one line at a time, and whether the markers are
// there once, twice or not at all. block is nil when it holds more than
// max bytes.
func findBlock(r io.Reader, begin, end string, max int) (block []byte, where int, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	in := false
	var b bytes.Buffer
	tooBig := false
	for {
		line, long, err := readLine(br)
		if err != nil && err != io.EOF {
			return nil, blockMissing, err
		}
		t := ""
		if !long {
			t = strings.TrimSpace(string(line))
		}
		switch {
		case !in && t == begin:
			if where == blockFound {
				return nil, blockTwice, nil
			}
			in = true
		case in && t == end:
			in, where = false, blockFound
		case in && (long || b.Len()+len(line)+1 > max):
			tooBig = true
		case in:
			b.Write(bytes.TrimSuffix(line, []byte("\r")))
			b.WriteByte('\n')
		}
		if err == io.EOF {
			break
		}
	}
	if where != blockFound || tooBig {
		return nil, where, nil
	}
	return b.Bytes(), where, nil
}

// readLine reads a line without its line feed. A line longer than the
// reader's buffer is read to its end but returned cut, with long set:
// no marker is that long. At the end of r, err is io.EOF.
func readLine(br *bufio.Reader) (line []byte, long bool, err error) {
	line, err = br.ReadSlice('\n')
	for err == bufio.ErrBufferFull {
		long = true
		_, err = br.ReadSlice('\n')
	}
	if err == nil {
		line = line[:len(line)-1]
	} else if err == io.EOF && len(line) == 0 && !long {
		return nil, false, io.EOF
	}
	return line, long, err
}

// errLoop: symbolic links that lead to each other.
var errLoop = errors.New("too many levels of symbolic links")

// within resolves the absolute path p under root as the system the root
// is for would, following symbolic links (the last one only when last is
// set): an absolute link names a place under root, and one that climbs
// out of root with ".." is refused.
func within(sys afero.Fs, root, p string, last bool) (string, error) {
	lst, ok := sys.(afero.Lstater)
	reader, canRead := sys.(afero.LinkReader)
	if !ok || !canRead {
		return path.Join(root, p), nil
	}
	split := func(s string) []string {
		var out []string
		for _, c := range strings.Split(s, "/") {
			if c != "" && c != "." {
				out = append(out, c)
			}
		}
		return out
	}
	inRoot := func(q string) bool { return root == "/" || q == root || strings.HasPrefix(q, root+"/") }
	parts := split(p)
	cur := root
	hops := 0
	for i := 0; i < len(parts); i++ {
		next := path.Join(cur, parts[i])
		if parts[i] == ".." {
			if !inRoot(next) {
				return "", errors.New("it leads out of the root")
			}
			cur = next
			continue
		}
		if i == len(parts)-1 && !last {
			return next, nil
		}
		fi, _, err := lst.LstatIfPossible(next)
		if err != nil {
			return path.Join(append([]string{next}, parts[i+1:]...)...), nil // missing from here on
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		if hops++; hops > 40 {
			return "", errLoop
		}
		target, err := reader.ReadlinkIfPossible(next)
		if err != nil {
			return "", err
		}
		abs := path.Join(cur, target)
		if path.IsAbs(target) {
			abs = path.Join(root, target) // as on the system the root is for
		}
		if !inRoot(abs) {
			return "", fmt.Errorf("a symbolic link leads it out of the root, to %s", abs)
		}
		parts = append(split(strings.TrimPrefix(abs, root)), parts[i+1:]...)
		cur, i = root, -1
	}
	return cur, nil
}

func kindOf(fi fs.FileInfo) string {
	switch m := fi.Mode(); {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a file"
}

// attrDrift compares the mode, owner and group of an installed file with
// those the manifest gives (an empty one is not compared).
func attrDrift(p string, fi fs.FileInfo, mode, owner, group string, ids *idNames) []Drift {
	var out []Drift
	if mode != "" {
		have := fi.Mode().Perm()
		if fi.Mode()&fs.ModeSetuid != 0 {
			have |= 0o4000
		}
		if fi.Mode()&fs.ModeSetgid != 0 {
			have |= 0o2000
		}
		if fi.Mode()&fs.ModeSticky != 0 {
			have |= 0o1000
		}
		want, err := strconv.ParseUint(mode, 8, 32)
		if err == nil && uint64(have) != want {
			out = append(out, Drift{Path: p, What: "mode", Want: fmt.Sprintf("%04o", want), Have: fmt.Sprintf("%04o", uint64(have))})
		}
	}
	uid, gid, ok := fileOwner(fi)
	if !ok {
		return out // this file system does not say who owns files
	}
	if owner != "" {
		if have := ids.name("passwd", uid); have != owner && strconv.Itoa(uid) != owner {
			out = append(out, Drift{Path: p, What: "owner", Want: owner, Have: have})
		}
	}
	if group != "" {
		if have := ids.name("group", gid); have != group && strconv.Itoa(gid) != group {
			out = append(out, Drift{Path: p, What: "group", Want: group, Have: have})
		}
	}
	return out
}

// idNames names user and group ids by root/etc/passwd and root/etc/group.
type idNames struct {
	sys   afero.Fs
	root  string
	names map[string]map[int]string
}

// name returns the name of id in db ("passwd" or "group"), or the id.
func (n *idNames) name(db string, id int) string {
	if n.names == nil {
		n.names = map[string]map[int]string{}
	}
	m, ok := n.names[db]
	if !ok {
		m = map[int]string{}
		if data, err := limit.ReadFile(n.sys, path.Join(n.root, "etc", db), limit.MaxPage); err == nil {
			sc := bufio.NewScanner(bytes.NewReader(data))
			for sc.Scan() {
				f := strings.Split(sc.Text(), ":")
				if len(f) < 3 {
					continue
				}
				if i, err := strconv.Atoi(f[2]); err == nil {
					if _, dup := m[i]; !dup {
						m[i] = f[0]
					}
				}
			}
		}
		n.names[db] = m
	}
	if s, ok := m[id]; ok {
		return s
	}
	return strconv.Itoa(id)
}

// maxEdits bounds the line edits lineDiff looks for: beyond it, two
// texts are too different to show line by line.
const maxEdits = 1000

// lineDiff returns the lines of want and have with "-" for lines only in
// want, "+" for lines only in have and " " for common ones, keeping two
// lines of context around each change. It finds the fewest edits
// (Myers' algorithm), in time and memory that grow with their number.
func lineDiff(want, have string) []string {
	a := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	b := strings.Split(strings.TrimSuffix(have, "\n"), "\n")
	all, ok := myers(a, b)
	if !ok {
		return []string{fmt.Sprintf("(%d lines against %d: too different to compare line by line)", len(a), len(b))}
	}
	const context = 2
	keep := make([]bool, len(all))
	for k, l := range all {
		if l[0] != ' ' {
			for c := max(0, k-context); c <= min(len(all)-1, k+context); c++ {
				keep[c] = true
			}
		}
	}
	var out []string
	skipped := false
	for k, l := range all {
		if !keep[k] {
			skipped = true
			continue
		}
		if skipped && len(out) > 0 {
			out = append(out, "…")
		}
		skipped = false
		out = append(out, l)
	}
	return out
}

// myers returns the lines of a and b as a shortest edit script, or false
// when it takes more than maxEdits edits. Round d keeps only the
// diagonals it can reach, so memory grows with the square of the edits,
// not with the length of the texts.
func myers(a, b []string) ([]string, bool) {
	n, m := len(a), len(b)
	offset := n + m + 1
	v := make([]int, 2*offset+1)
	// trace[d] holds v before round d, for diagonals -d-1..d+1
	var trace [][]int
	get := func(d, k int) int { return trace[d][k+d+1] }
	found := false
	for d := 0; d <= n+m && d <= maxEdits && !found; d++ {
		trace = append(trace, append([]int(nil), v[offset-d-1:offset+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[offset+k-1] < v[offset+k+1] {
				x = v[offset+k+1] // down: a line of b
			} else {
				x = v[offset+k-1] + 1 // right: a line of a
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[offset+k] = x
			if x >= n && y >= m {
				found = true
				break
			}
		}
	}
	if !found {
		return nil, false
	}
	// Walk back from the end through the rounds.
	var out []string
	x, y := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		k := x - y
		var pk int
		if k == -d || k != d && get(d, k-1) < get(d, k+1) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := 0
		if d > 0 {
			px = get(d, pk)
		}
		py := px - pk
		for x > px && y > py {
			x--
			y--
			out = append(out, " "+a[x])
		}
		if d > 0 {
			if x == px {
				y--
				out = append(out, "+"+b[y])
			} else {
				x--
				out = append(out, "-"+a[x])
			}
		}
	}
	slices.Reverse(out)
	return out, true
}

// editDrift compares the settings an edit sets with those the file has:
// each key must be set by the lines the build gives.
func editDrift(r *Result, f manifest.File, file io.Reader) []Drift {
	data, err := io.ReadAll(io.LimitReader(file, maxShown+1))
	if err != nil {
		return []Drift{{Path: f.Path, What: "unreadable", Have: fserr.Why(err)}}
	}
	if len(data) > maxShown {
		return []Drift{{Path: f.Path, What: "unreadable", Have: "larger than " + limit.Size(maxShown) + ", too large to read its settings"}}
	}
	have := strings.Split(strings.TrimSuffix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n"), "\n")
	want := strings.Split(strings.TrimSuffix(string(r.Files["fragments"+f.Path]), "\n"), "\n")
	var out []Drift
	for _, e := range f.Edits {
		if len(want) < e.Lines {
			break
		}
		lines := want[:e.Lines]
		want = want[e.Lines:]
		got, set, _ := tree.Setting(have, tree.Format(f.Format), e.Section, e.Key)
		if set && sameSetting(got, lines) {
			continue
		}
		d := Drift{Path: f.Path, What: "setting", Want: e.Key, Secret: f.Secret}
		if e.Section != "" {
			d.Want = "[" + e.Section + "] " + e.Key
		}
		if set {
			d.Have = "other"
			if !f.Secret {
				d.Lines = lineDiff(strings.Join(lines, "\n")+"\n", strings.Join(got, "\n")+"\n")
			}
		}
		out = append(out, d)
	}
	return out
}

// sameSetting reports whether the lines a file has set a key as the
// build's do, indentation aside.
func sameSetting(have, want []string) bool {
	if len(have) != len(want) {
		return false
	}
	for i := range have {
		if strings.TrimSpace(have[i]) != strings.TrimSpace(want[i]) {
			return false
		}
	}
	return true
}
