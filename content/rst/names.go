package rst

import "github.com/tailordocs/tailor/content"

// A nameEntry is what a reference name stands for: an internal id, an
// external URL, or another name (an indirect target).
type nameEntry struct {
	id       string
	url      string
	refname  string
	explicit bool
	dup      bool // defined twice: cannot be used as a unique reference
	file     *content.File
	off      int
}

// noteImplicit records the implicit target of a section title. Explicit
// targets win over it; two implicit targets with one name cancel out, as
// in docutils.
func (p *parser) noteImplicit(name, id string) {
	if name == "" {
		return
	}
	old, ok := p.names[name]
	switch {
	case !ok:
		setMap(p, p.names, name, &nameEntry{id: id})
	case !old.explicit:
		dup := *old
		dup.dup = true
		setMap(p, p.names, name, &dup)
	}
}

// noteExplicit records an explicit target.
func (p *parser) noteExplicit(name string, e *nameEntry, f *content.File, off int) {
	if name == "" {
		return
	}
	e.explicit = true
	e.file, e.off = f, off
	old, ok := p.names[name]
	switch {
	case !ok || !old.explicit:
		setMap(p, p.names, name, e)
	case old.url != "" && old.url == e.url:
		// The same URL again: fine.
	default:
		if !old.dup {
			p.warnOff(f, off, "duplicate explicit target name %s; rename one of the targets", quote(name))
		}
		dup := *old
		dup.dup = true
		setMap(p, p.names, name, &dup)
	}
}
