// Package tree is the file system a tutorial builds, simulated: the files
// it creates whole, the fragments it merges into files the system has,
// the directories and links it makes, and the paths known to exist.
//
// Package snippets walks the tutorial in page order and applies each
// code block's operation ([Tree.Apply]: create, append, insert, check)
// and each shell command's effect ([Tree.Effect]: mkdir, chmod, chown,
// ln -s, writes, moves, removals, sed -i) to one Tree. Paths and lines
// keep their placeholders: a Tree is built once per set of tags and
// rendered for each client afterwards. What a change cannot do (an
// anchor that is not there, a merge into JSON) is reported to a [Log] and
// leaves the tree as it was: a wrong file is worse than a missing one.
//
// The inference of package snippets/infer reads a Tree only through its
// own read-only interface.
//
// A Tree is not safe for concurrent use.
package tree
