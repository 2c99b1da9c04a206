// Package check finds the slips of a tutorial's placeholders, for
// tailor check and every build: it reads the pages after they are
// parsed and the code blocks' operations are decided, and before any
// client's output is written.
//
//   - [Undefined] reports, for one client, the placeholders that have no
//     value: an error where a wrong value would reach a file or a
//     command, a warning in prose, where the author may mean a name the
//     reader fills in. A name that a code block's own language gives a
//     value ($MAINPID in a systemd unit, a shell variable an earlier
//     block assigns) is not a placeholder.
//   - [NearMisses] reports, once per project, what looks like a
//     placeholder typed wrong: "$domain" for $DOMAIN, DJANGO_PROJECT
//     without its "$" in a code block, two names that look like one.
//
// Both read a page as [Regions]: prose, code blocks (those that make a
// file apart), and what the check skips (conditional content the client
// does not see, subst=off blocks, comments).
//
// Where things go: how a placeholder is written and scanned, and which
// names look alike, is package placeholder; what a language calls its
// own variables is snippets/lang; the walk over pages and the files they
// include is content.Sources. The generator runs these checks and adds
// their diagnostics to the client's.
package check
