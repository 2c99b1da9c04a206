// Package prose is the English of tutorials as tailor reads it: the words
// and inline literals of the paragraph that introduces a code block, cut
// into sentences, and the lexicon of words that matter (verbs of
// creating, adding, changing and saving; the words for a file or a
// directory; determiners; cues that a block is only an example), with a
// small matcher over tokens so that a rule reads like the sentence it
// recognises:
//
//	prose.Compile("at|to the end of")
//
// A new word for an existing meaning goes into lexicon.go; a new kind of
// sentence is a rule of package snippets/infer, written with the
// matchers and readers of this package.
//
// The package keeps no state: its functions are safe for concurrent use.
package prose
