// Package snippets decides what each code block of a tutorial does to the
// file system, and renders the result for one client.
//
// For every code block, in page order, Analyze finds one operation on one
// target file — create, append, insert, edit (settings set in place),
// check, or none — from, strongest first: a tailor annotation, a caption
// that is a path, the sentence that introduces the block ("Create file X
// with the following contents", "Add the following to X", "In X set:"),
// and the story so far ("that file", the file an editor opened, the file
// in focus). Shell blocks are analysed instead: their mkdir, chmod, chown,
// ln -s, rm and writes give the files their modes, owners and links. When
// the text is unclear the block gets no operation and a note: a wrong file
// is worse than a missing one.
//
// Analyze simulates the whole tutorial once, with placeholders as written,
// into a Plan: the files it makes (whole files; fragments and edits for
// files the system already has), directories, links and removals.
// Plan.Render fills in one client's values and returns the manifest and the
// file contents. Package generator calls both: Analyze once per set of
// tags, Render per client.
//
// The work is split among the packages under snippets/: infer decides a
// block by declared rules (a new phrasing is a new rule there), prose
// holds the English those rules read (a new word goes into its lexicon),
// shell follows shell steps (a new command is an entry of its registry),
// lang is the registry of code-block languages (a new language is an entry
// there), quote escapes values per language, tree is the simulated file
// system and manifest writes manifest.json and install.sh.
package snippets
