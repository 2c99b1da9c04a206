// Package manifest holds the description of a client's ready-to-install
// files (manifest.json) and writes the install script that puts them on a
// system (install.sh).
//
// A Manifest is made by package snippets from the tutorial's code blocks
// and shell steps, after the client's values are filled in. Its JSON form
// is described by schema/manifest.schema.json; the install script reads
// the files it lists from the rootfs/ and fragments/ directories beside
// it.
package manifest

import (
	"bytes"
	"encoding/json"
)

// Kinds of file entries.
const (
	// KindFile is a whole file, installed from rootfs/.
	KindFile = "file"
	// KindFragment is text merged into an existing file from fragments/.
	KindFragment = "fragment"
	// KindEdit is settings set in place in an existing file: the lines
	// of its file in fragments/ replace the lines that set the same keys.
	KindEdit = "edit"
)

// A Manifest lists everything the tutorial makes on the system for one
// client. Entries are sorted by path.
type Manifest struct {
	// Project names the tutorial, Client the client: together they name
	// the blocks install.sh merges into files (see Markers), so that the
	// blocks of two tutorials or two clients in one file are told apart.
	Project string `json:"project,omitempty"`
	Client  string `json:"client"`
	Files   []File `json:"files"`
	Dirs    []Dir  `json:"dirs"`
	Links   []Link `json:"links"`
	// Removed are files and links of the system the tutorial removes for
	// good ("remove the default site"): install.sh removes them, keeping
	// a backup.
	Removed []Removed `json:"removed,omitempty"`
	// Masks are the secret values that its paths, owners, groups, anchors
	// or link targets hold, each with what to show instead: the install
	// script prints none of them. They are not part of the JSON.
	Masks []Mask `json:"-"`
}

// A Mask is a secret value and what is shown in its place.
type Mask struct {
	Value, Shown string
}

// A File is a whole file or a fragment.
type File struct {
	// Path is the absolute path on the target system.
	Path string `json:"path"`
	// Kind is KindFile or KindFragment.
	Kind string `json:"kind"`
	// Mode is the octal mode ("0640"), present only when the tutorial
	// sets it or when a whole file holds a secret (then "0600").
	Mode  string `json:"mode,omitempty"`
	Owner string `json:"owner,omitempty"`
	Group string `json:"group,omitempty"`
	// SHA256 is the hex digest of the content in rootfs/ or fragments/.
	SHA256 string `json:"sha256"`
	// Secret is true when the content holds a secret value.
	Secret bool `json:"secret,omitempty"`
	// Comment is, for a fragment, the comment syntax of the target file
	// used for the BEGIN/END tailor markers: "#", "//", ";", "--", `"`
	// (Vim), "<!--" (closed by " -->") or "/*" (closed by " */").
	Comment string `json:"comment,omitempty"`
	// Before and After, for a fragment, name the line (compared with
	// surrounding white space removed) that the merged text goes
	// before or after the first time it is merged. Without them it goes
	// at the end of the file.
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
	// Format and Edits are, for an edit, the keyed format of the file
	// (python, ini, key=value, directive, nginx, apache, apt) and its
	// settings, in the order of their lines in fragments/.
	Format string `json:"format,omitempty"`
	Edits  []Edit `json:"edits,omitempty"`
	// MadeBy is, for an edit, the step of the tutorial that makes the
	// file on the server, when one does: install.sh names it when the file
	// is not there.
	MadeBy *Source `json:"made_by,omitempty"`
	// Sources are the code blocks that made the content, in order.
	Sources []Source `json:"sources"`
}

// An Edit is one setting an edit sets: its key, in its INI section, and
// how many lines of the edit's file set it.
type Edit struct {
	Section string `json:"section,omitempty"`
	Key     string `json:"key"`
	Lines   int    `json:"lines"`
}

// A Source is one code block (or shell step) that contributed to a file.
type Source struct {
	Doc  string `json:"doc"`
	Line int    `json:"line"`
	Op   string `json:"op"`
	By   string `json:"by"`
}

// A Dir is a directory the tutorial creates or changes.
type Dir struct {
	Path  string `json:"path"`
	Mode  string `json:"mode,omitempty"`
	Owner string `json:"owner,omitempty"`
	Group string `json:"group,omitempty"`
}

// A Removed is a file or link install.sh removes, and the steps that do.
type Removed struct {
	Path    string   `json:"path"`
	Sources []Source `json:"sources"`
}

// A Link is a symbolic link; Target is written as the tutorial gives it
// (often relative to the link's directory).
type Link struct {
	Path   string `json:"path"`
	Target string `json:"target"`
}

// JSON returns the manifest as indented JSON with a final newline. Empty
// lists are written as [] rather than null.
func (m *Manifest) JSON() []byte {
	c := *m
	if c.Files == nil {
		c.Files = []File{}
	}
	if c.Dirs == nil {
		c.Dirs = []Dir{}
	}
	if c.Links == nil {
		c.Links = []Link{}
	}
	for i := range c.Files {
		if c.Files[i].Sources == nil {
			c.Files[i].Sources = []Source{}
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(c) // strings, ints and bools only: encoding cannot fail
	return b.Bytes()
}
