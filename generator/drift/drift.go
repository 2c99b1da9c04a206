package drift

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/internal/fserr"
	"github.com/tailordocs/tailor/snippets/manifest"
	"github.com/tailordocs/tailor/values"
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
	// empty for content, which Compare gives in Lines. For a block, Have is
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

// A Build is what a client's build says the system holds. Its zero
// value is a build without a manifest, which Compare refuses.
type Build struct {
	// Files are the build's output files by name, as a client's output
	// directory holds them: manifest.json, rootfs/PATH for each whole
	// file and fragments/PATH for each fragment and edit it lists.
	Files map[string][]byte
	// Pending are the values that tailor generates and no build has
	// kept yet: a file that holds one, or whose path does, is not
	// compared, as the build does not know what it should hold.
	Pending []*values.Value
	// Mask masks the secret values of the client in a text: every path,
	// owner and line a drift shows goes through it. nil shows them as
	// they are.
	Mask func(string) string
}

// Compare compares a client's build with the system whose root
// directory is root on sys: every file, fragment, directory and link
// of its manifest, with the modes, owners and groups the manifest gives.
// It only reads. Owners and groups are compared by the names in
// root/etc/passwd and root/etc/group, when sys says who owns a file.
// The drifts come sorted by path.
func Compare(b *Build, sys afero.Fs, root string) ([]Drift, error) {
	c := &comparer{b: b, sys: sys, root: path.Clean(root)}
	if err := json.Unmarshal(b.Files["manifest.json"], &c.m); err != nil {
		return nil, fmt.Errorf("the build has no manifest: %v", err)
	}
	c.ids = &idNames{sys: sys, root: c.root}
	c.dirs()
	c.files()
	if err := c.links(); err != nil {
		return nil, err
	}
	c.removed()
	out := c.out
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	if b.Mask != nil {
		// A drift shows no secret value, whether in a path, an owner or
		// a line that the system has and the build has not.
		for i := range out {
			d := &out[i]
			d.Path, d.Want, d.Have = b.Mask(d.Path), b.Mask(d.Want), b.Mask(d.Have)
			for k, l := range d.Lines {
				d.Lines[k] = b.Mask(l)
			}
		}
	}
	return out, nil
}

// A comparer gathers the drifts of one system from one build.
type comparer struct {
	b    *Build
	m    manifest.Manifest
	sys  afero.Fs
	root string
	ids  *idNames
	out  []Drift
}

// stat finds what is at p under root, links followed (the last one too
// unless it is the link itself that matters), never out of root.
func (c *comparer) stat(p string, last bool) (string, fs.FileInfo, *Drift) {
	real, err := within(c.sys, c.root, p, last)
	if err != nil {
		return "", nil, &Drift{Path: p, What: "outside", Have: err.Error()}
	}
	var fi fs.FileInfo
	if last {
		fi, err = c.sys.Stat(real)
	} else if lst, ok := c.sys.(afero.Lstater); ok {
		fi, _, err = lst.LstatIfPossible(real)
	} else {
		fi, err = c.sys.Stat(real)
	}
	if err != nil {
		return real, nil, &Drift{Path: p, What: "missing"}
	}
	return real, fi, nil
}

// dirs compares the directories of the manifest.
func (c *comparer) dirs() {
	for _, d := range c.m.Dirs {
		_, fi, drift := c.stat(d.Path, true)
		switch {
		case drift != nil:
			c.out = append(c.out, *drift)
			continue
		case !fi.IsDir():
			c.out = append(c.out, Drift{Path: d.Path, What: "type", Want: "a directory", Have: kindOf(fi)})
			continue
		}
		c.out = append(c.out, attrDrift(d.Path, fi, d.Mode, d.Owner, d.Group, c.ids)...)
	}
}

// files compares the files, fragments and edits of the manifest.
func (c *comparer) files() {
	for _, f := range c.m.Files {
		real, fi, drift := c.stat(f.Path, true)
		switch {
		case drift != nil && drift.What == "missing" && c.b.pendingIn(f.Path) != "":
			c.out = append(c.out, Drift{Path: f.Path, What: "unknown", Want: c.b.pendingIn(f.Path)})
			continue
		case drift != nil:
			c.out = append(c.out, *drift)
			continue
		case !fi.Mode().IsRegular():
			c.out = append(c.out, Drift{Path: f.Path, What: "type", Want: "a file", Have: kindOf(fi)})
			continue
		}
		c.out = append(c.out, c.b.known(f, contentDrift(c.b, &c.m, f, c.sys, real))...)
		c.out = append(c.out, attrDrift(f.Path, fi, f.Mode, f.Owner, f.Group, c.ids)...)
	}
}

// links compares the symbolic links of the manifest. It fails when the
// file system cannot read links.
func (c *comparer) links() error {
	for _, l := range c.m.Links {
		real, fi, drift := c.stat(l.Path, false)
		switch {
		case drift != nil:
			c.out = append(c.out, *drift)
			continue
		case fi.Mode()&fs.ModeSymlink == 0:
			c.out = append(c.out, Drift{Path: l.Path, What: "type", Want: "a symbolic link", Have: kindOf(fi)})
			continue
		}
		reader, ok := c.sys.(afero.LinkReader)
		if !ok {
			return errors.New("this file system cannot read symbolic links")
		}
		target, err := reader.ReadlinkIfPossible(real)
		if err != nil {
			c.out = append(c.out, Drift{Path: l.Path, What: "unreadable", Have: fserr.Why(err)})
			continue
		}
		if target != l.Target {
			c.out = append(c.out, Drift{Path: l.Path, What: "link", Want: l.Target, Have: target})
		}
	}
	return nil
}

// removed reports the paths the manifest removes that are there.
func (c *comparer) removed() {
	for _, rm := range c.m.Removed {
		if _, _, drift := c.stat(rm.Path, false); drift == nil {
			c.out = append(c.out, Drift{Path: rm.Path, What: "removed", Have: "there"})
		}
	}
}

// pendingIn returns the generated values that s holds and no build has
// kept yet, as "$NAME, $OTHER", or "".
func (b *Build) pendingIn(s string) string {
	var names []string
	for _, v := range b.Pending {
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
func (b *Build) known(f manifest.File, drift []Drift) []Drift {
	if len(drift) == 0 || len(b.Pending) == 0 {
		return drift
	}
	want := b.Files["rootfs"+f.Path]
	if f.Kind != manifest.KindFile {
		want = b.Files["fragments"+f.Path]
	}
	names := b.pendingIn(string(want))
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
