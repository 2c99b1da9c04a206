// Package shell tells what the shell code blocks of a tutorial do to the
// file system, without running them.
//
// Tutorials tell the reader to type commands: "mkdir -p /etc/opt/$PROJECT",
// "chmod u=rw,g=r,o= /etc/postfix/smtp_auth", "cat > /etc/x <<EOF ... EOF",
// "ln -s ../sites-available/$DOMAIN .". [Analyze] parses one such block with
// mvdan.cc/sh/v3/syntax and returns, in order, the [Effect] each command
// has: directories made, modes and owners set, links made, files written,
// appended to, installed or removed. The current directory carries over
// from one block to the next in a [State].
//
// Placeholders ("$DOMAIN", "${DOMAIN}") are kept in the paths and contents
// as written, to be filled in per client later; variables the block itself
// assigns (DIR=/etc/x; mkdir $DIR) are expanded. Whatever the analysis cannot
// know for sure (a command substitution, a glob, a relative path while the
// current directory is unknown, an unknown option) is skipped with a [Note]
// saying why: a missing effect is better than a wrong one.
//
// In tailor's pipeline the package sits under package snippets, which turns
// code blocks into file operations: snippets calls Analyze on each shell
// block (those for which [IsShell] holds, and untagged blocks for which
// [LooksLikeShell] holds) and applies the effects to the files that the
// other blocks create, so that the manifest gets the modes, owners and
// symlinks the tutorial gives them. [ApplyMode] computes the mode a chmod
// leaves, as GNU chmod does.
//
// Every command the analysis knows is declared once, in registry.go: its
// names, its options (in the manner of GNU getopt_long) and the handler
// that emits its effects. A new command is a new entry there; a command
// with no handler is one readers type whose effects are not followed
// (it still tells LooksLikeShell that a block is commands).
//
// The package reads no files and keeps no global state; its functions are
// safe for concurrent use, as long as each goroutine uses its own State.
package shell
