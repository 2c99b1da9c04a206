package snippets

import (
	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/snippets/shell"
	"github.com/tailordocs/tailor/snippets/tree"
)

// Op is what a code block does to its target file.
type Op = tree.Op

// The operations of code blocks.
const (
	OpNone   = tree.None
	OpCreate = tree.Create
	OpAppend = tree.Append
	OpInsert = tree.Insert
	OpEdit   = tree.Edit
	OpCheck  = tree.Check
	OpSkip   = tree.Skip
)

// The simulated file system's parts: see package snippets/tree.
type (
	Line   = tree.Line
	File   = tree.File
	Dir    = tree.Dir
	Link   = tree.Link
	Source = tree.Source
)

// A Step is the decision for one code block.
type Step struct {
	tree.Block // the block, and whether its values are filled in
	Doc        *content.Doc
	// Op is the operation; OpNone for blocks that make no file (shell
	// blocks record their effects instead).
	Op Op
	// Target is the file's absolute path with placeholders as written;
	// "" when Op is OpNone.
	Target string
	// By says what decided: "annotation", "caption", "inferred: Add the
	// following to", "shell: cat > /etc/motd".
	By string
	// Note explains a decision: why a block is not a file operation, or
	// what was adjusted.
	Note string
	// Effects are what a shell block does to the file system.
	Effects []shell.Effect
	// Rule is the ID of the rule that decided (package snippets/infer);
	// Also the rules that resolved or refined the decision, Overruled
	// those that applied but were overruled.
	Rule      string
	Also      []string
	Overruled []string
	// Prose is set for a file whose whole contents a sentence gives:
	// Code is then the literal that is its one line, not a code block of
	// the page.
	Prose bool
}

// A Plan is what the tutorial does, block by block, and the files,
// directories and links that result, with placeholders as written. Make
// it once per set of tags and render it for each client with
// [Plan.Render].
type Plan struct {
	Steps []*Step
	Files []*File // in the order they were first made
	Dirs  []*Dir
	Links []*Link
	// Removed are the files and links of the system the tutorial
	// removes for good.
	Removed []*tree.Removal
}
