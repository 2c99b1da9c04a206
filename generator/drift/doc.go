// Package drift compares an installed system with a client's build, for
// tailor diff: the last step of the pipeline, run after a build (a dry
// run does) against the root directory of a live system or of an image.
//
// [Compare] reads the build's manifest.json and checks, for every file,
// fragment, edit, directory, link and removal it lists, what the system
// holds: content (whole files compared as they are read, never held
// whole when large; a fragment's block between the markers install.sh
// writes; the keyed lines an edit sets), mode, owner and group (named by
// the system's own etc/passwd and etc/group), and the file's type. Each
// difference is a [Drift]; no drift shows a secret value.
//
// It only reads, through an afero.Fs, and never outside the root: a
// symbolic link is followed as the system the root is for would follow
// it, and one that leads out of the root is reported, not read.
//
// Where things go: the line diff a drift shows is internal/linediff; the
// markers and the manifest's format are snippets/manifest; how a keyed
// line is found in a file is snippets/tree. The generator wires a
// build's result to Compare (generator.Diff).
package drift
