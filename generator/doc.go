// Package generator is tailor's pipeline, and where a program that embeds
// tailor starts: it loads a tutorial (settings and pages, parsed once),
// takes each client's values, and builds each client's output: the
// personalized site and source, the files to install (rootfs/ for whole
// files, fragments/ for lines to merge into files the system has),
// manifest.json and install.sh.
//
// [Load] reads a project from any afero.Fs: an OS directory, or an
// afero.MemMapFs filled by the program. Then:
//
//   - [Project.Values] (or values.FromMap) takes a client's values from a
//     map, and [Project.BuildValues] builds that client in memory, writing
//     nothing: [Result.Files] holds every output file and
//     [Result.Manifest] lists what it installs;
//   - [Project.Plan] says what each code block becomes, and why;
//   - [Project.Build] builds the clients whose values are TOML files
//     (clients/*.toml by default), in parallel, and writes each one's
//     output to OUT/<client>/ on the project's file system.
//
// Messages are [content.Diagnostics]: positions (file:line:col) in the
// pages or the values, a severity and a message, never a secret value.
// When the tutorial has errors no client is built; when a client's values
// have errors, that client is not built and the others are.
//
// It wires the other packages together: content/rst and content/markdown
// read the pages, snippets decides what each code block does,
// placeholder/check finds the placeholders that are slips or have no
// value, site renders the pages, values gives placeholders their values,
// and generator/drift compares a build with an installed system ([Diff]). It reads and writes
// only through an afero.Fs, so that tests run in memory.
//
// A client's output is written whole or not at all, never outside
// OUT/<client>/, and two builds of the same input give the same bytes.
package generator
