// Package infer decides what one code block of a tutorial does to a
// file, the way a careful administrator reads the text around it: which
// file, and whether the block creates it, adds to it, inserts into it,
// sets settings of it in place, restates it, or is no file at all.
//
// The decision is made by declared rules ([Rule]), each an ID that stays
// stable ("add.end-of-path", "create.that-file", "veto.session"), a
// [Phase], one line of documentation, example texts it must decide and
// counter-examples it must not, and a match function that reads a
// read-only [View] of the block and of the [Story] so far. [Decide] asks
// them in a fixed order, phase by phase, and its [Result] says which
// rule decided, which others resolved or refined the decision, and which
// matched but were overruled. [Rules] lists them all, for `tailor plan
// --rules`.
//
// A new phrasing is a new rule, in the file of its kind: rules_verbs.go
// for a sentence read from its verb ("Add the following to X"),
// rules_sentence.go for a sentence read whole, rules_intent.go for what
// an intent means once read, rules_refs.go for what "that file", "it" and
// "the same file" refer to, rules_refine.go for names, the operation once
// the file is known and blocks that make no file, focus.go for the file
// in focus, rules_explicit.go for annotations, captions and vetoes that
// settle a block before its text is read. Its examples run in
// rules_test.go. Words go into package snippets/prose.
//
// The package sees the simulated file system only through [Files]; the
// Story is not safe for concurrent use.
package infer
