package tree

import (
	"path"
	"strings"

	"github.com/tailordocs/tailor/internal/editdist"
)

// Slips warns about a path that differs by one slip from the paths the
// rest of the tutorial uses: a directory named once
// ("/etc/nginx/site-available/x") where others are in one whose name
// differs by one letter ("/etc/nginx/sites-available"), or a link to a
// file the tutorial does not make beside one it makes with such a name.
// Each slip is reported once, where the path is first used.
func (t *Tree) Slips(log Log) {
	uses := t.pathUses()
	count := map[string]int{}
	byMask := map[string][]string{} // a directory with one part masked: the directories that have it
	for _, u := range uses {
		for d := u.dir(); d != "/" && d != "."; d = path.Dir(d) {
			if count[d] == 0 {
				for _, m := range masks(d) {
					byMask[m] = append(byMask[m], d)
				}
			}
			count[d] += u.weight()
		}
	}
	reported := map[string]bool{}
	for _, u := range uses {
		if dir, ok := t.slipDir(u.dir(), count, byMask); ok && !reported[dir[0]] {
			reported[dir[0]] = true
			log.Warnf(u.src.PosOf(dir[0]), "%s is in %s, which the tutorial uses nowhere else: did you mean %s?", u.path, dir[0], dir[1])
		}
	}
	t.linkSlips(log)
}

// A pathUse is a path the tutorial makes, links or removes, and the step
// that first names it.
type pathUse struct {
	path  string
	src   Source
	isDir bool
	ref   bool // a link's target or a removal: a path named, not made
}

// weight is what a use counts for its directories: a path made counts
// twice a path named, so that of a directory made once and one named
// once, the one named is the slip.
func (u pathUse) weight() int {
	if u.ref {
		return 1
	}
	return 2
}

// dir returns the directory the use is in, or is.
func (u pathUse) dir() string {
	if u.isDir {
		return u.path
	}
	return path.Dir(u.path)
}

// pathUses lists the paths the tutorial makes, links or removes, in the
// order of the tree, each with its first step.
func (t *Tree) pathUses() []pathUse {
	var out []pathUse
	add := func(p string, srcs []Source, isDir, ref bool) {
		if len(srcs) > 0 && strings.HasPrefix(p, "/") {
			out = append(out, pathUse{path.Clean(p), srcs[0], isDir, ref})
		}
	}
	for _, f := range t.Files {
		add(f.Path, f.Sources, false, false)
	}
	for _, d := range t.Dirs {
		add(d.Path, d.Sources, true, false)
	}
	for _, l := range t.Links {
		add(l.Path, l.Sources, false, false)
		add(l.Target, l.Sources, false, true)
	}
	for _, r := range t.Removed {
		add(r.Path, r.Sources, false, true)
	}
	return out
}

// slipDir returns, for a directory d (or one of its parents) that the
// tutorial uses once, the directory it probably means: one used more
// whose path differs in one part by one letter. It returns the slip and
// that directory.
func (t *Tree) slipDir(d string, count map[string]int, byMask map[string][]string) ([2]string, bool) {
	for ; d != "/" && d != "."; d = path.Dir(d) {
		if count[d] > 2 {
			return [2]string{}, false // used again: not a slip
		}
		for _, m := range masks(d) {
			for i, o := range byMask[m] {
				if i == maxSiblings {
					break
				}
				if o != d && count[o] > count[d] && slip(partDiff(d, o)) {
					return [2]string{d, o}, true
				}
			}
		}
	}
	return [2]string{}, false
}

// maxSiblings bounds the directories that differ from one in the same
// part that are compared with it, so that many siblings ("/srv/site1",
// "/srv/site2", ...) take time that grows with their number only.
const maxSiblings = 32

// linkSlips warns about a link to a file that the tutorial does not make
// where it makes one whose name differs by one letter in the same
// directory.
func (t *Tree) linkSlips(log Log) {
	inDir := map[string][]string{}
	for _, f := range t.Files {
		if d := path.Dir(f.Path); f.Whole && len(inDir[d]) < maxSiblings {
			inDir[d] = append(inDir[d], path.Base(f.Path))
		}
	}
	for _, l := range t.Links {
		target := l.Target
		if !strings.HasPrefix(target, "/") {
			target = path.Join(path.Dir(l.Path), target)
		}
		target = path.Clean(target)
		if len(l.Sources) == 0 || t.files[target] != nil || t.dirs[target] != nil || t.known[target] {
			continue
		}
		for _, b := range inDir[path.Dir(target)] {
			if slip(path.Base(target), b) {
				log.Warnf(l.Sources[0].PosOf(l.Target), "%s links to %s, which the tutorial does not make: did you mean %s?", l.Path, target, path.Join(path.Dir(target), b))
				break
			}
		}
	}
}

// masks returns d with each of its parts in turn replaced by "\x00".
func masks(d string) []string {
	parts := strings.Split(strings.TrimPrefix(d, "/"), "/")
	out := make([]string, len(parts))
	for i := range parts {
		old := parts[i]
		parts[i] = "\x00"
		out[i] = strings.Join(parts, "/")
		parts[i] = old
	}
	return out
}

// partDiff returns the parts in which two paths of as many parts differ,
// the first that does.
func partDiff(a, b string) (string, string) {
	pa, pb := strings.Split(a, "/"), strings.Split(b, "/")
	for i := range pa {
		if i < len(pb) && pa[i] != pb[i] {
			return pa[i], pb[i]
		}
	}
	return "", ""
}

// slip reports whether name a is probably name b mistyped: one letter
// added, dropped, changed or two swapped, in names of five letters or
// more that are not numbers apart ("php/8.1", "php/8.2") and hold no
// placeholder.
func slip(a, b string) bool {
	if min(len(a), len(b)) < 5 || strings.Contains(a+b, "$") || stripDigits(a) == stripDigits(b) {
		return false
	}
	return editdist.Distance(a, b) == 1
}

func stripDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, s)
}
