// Package generator is tailor's pipeline: it loads a project (settings
// and pages, parsed once), loads each client's values, and builds each
// client's output: the personalized site and source, the files to install
// (rootfs/, fragments/), manifest.json and install.sh.
//
// It wires the other packages together: content/rst and content/markdown
// read the pages, snippets decides what each code block does, site renders
// the pages, values gives placeholders their values. It reads and writes
// only through an afero.Fs, so that tests run in memory.
//
// A client's output is written whole or not at all, never outside
// OUT/<client>/, and two builds of the same input give the same bytes.
package generator
