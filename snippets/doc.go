// Package snippets decides what each code block of a tutorial does to the
// file system, and renders the result for one client.
//
// For every code block, in page order, Analyze finds one operation on one
// target file — create, append, insert, check, or none — from, strongest
// first: a tailor annotation, a caption that is a path, or the sentence
// that introduces the block ("Create file X with the following contents",
// "Add the following to X", "Create that file", "add the following before
// LINE", "X should be like this"). Shell blocks are analysed with package
// snippets/shell instead: their mkdir, chmod, chown, ln -s and writes give
// the files their modes, owners and links. When the prose is unclear the
// block gets no operation and a note: a wrong file is worse than a missing
// one.
//
// Analyze simulates the whole tutorial once, with placeholders as written,
// into a Plan: the files it makes (whole files, and fragments for files the
// system already has), directories and links. Plan.Render fills in one
// client's values and returns the manifest and the file contents. Package
// generator calls both: Analyze once per set of tags, Render per client.
package snippets
