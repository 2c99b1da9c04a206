// Package linediff shows how two texts differ, line by line, as a
// reader of a unified diff expects: "-" for a line only in the first,
// "+" for a line only in the second, " " for a line of both, with a few
// lines of context around each change.
//
// It finds the fewest edits (Myers' algorithm) in time and memory that
// grow with the number of edits, not with the length of the texts, and
// gives up, saying so in one line, when the texts are too different to
// be worth showing line by line. tailor diff uses it to show how a file
// on a system differs from the build.
package linediff
