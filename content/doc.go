// Package content is tailor's format-neutral document model.
//
// A tutorial page, whether written in reStructuredText or Markdown, is read
// into a [Doc]: a tree of [Block] and [Inline] nodes that keep the byte
// offsets of the text they came from. The readers live in the sub-packages
// content/rst and content/markdown; the HTML renderer (package site) and the
// code-block analysis (package snippets) consume the tree.
//
// The package also holds what every stage shares: source files with their
// line tables ([File], [Position]), the diagnostic list ([Diagnostics]), tailor
// annotations ([Annotation]) and Sphinx tag expressions ([TagExpr]).
//
// content sits at the bottom of tailor's import graph and imports none of
// its other packages.
package content
