package main

import (
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// A command's help: how it is called, what it does, its exit statuses.
type commandHelp struct {
	usage string
	doc   string
	exit  string
}

var commands = map[string]commandHelp{
	"build": {
		usage: "tailor build [-C DIR] [--values FILE]... [--out DIR] [--json | --format FORMAT]",
		doc: `Builds each client's runbook and files into OUT/CLIENT/: site/, source/,
rootfs/, fragments/, manifest.json and install.sh. Clients build in
parallel; a client whose values have errors gets nothing written, and the
others are built all the same.`,
		exit: "0 every client built, 1 errors (in the tutorial or a client's values), 2 usage error",
	},
	"check": {
		usage: "tailor check [-C DIR] [--values FILE]... [--json | --format FORMAT]",
		doc: `Reports every error and warning a build would, and writes nothing.
Diagnostics read "path:line:col: error|warning: message".`,
		exit: "0 no errors (warnings allowed), 1 errors, 2 usage error",
	},
	"plan": {
		usage: "tailor plan [-C DIR] [--values FILE] [--json] [--rules]",
		doc: `Shows what each code block becomes (create, append, insert, edit, check
or none), the file it targets, what decided and the rule that did (in
brackets). With --values, targets are filled in and conditional content
follows the client's tags. With --rules, it lists every rule instead, with
how many blocks of this tutorial it decided and how many it was overruled
on, rules that never fired included.`,
		exit: "0 shown, 1 the project or the values cannot be read, 2 usage error",
	},
	"init": {
		usage: "tailor init [-C DIR] [--values FILE]",
		doc: `Prints a values file skeleton: every placeholder the tutorial uses, with
its description, example and where it is used, each line commented out.
With --values, the placeholders that file sets are left out.`,
		exit: "0 printed, 1 the project or the values cannot be read, 2 usage error",
	},
	"diff": {
		usage: "tailor diff [-C DIR] --values FILE --root DIR [--json]",
		doc: `Compares one client's files with an installed system under --root (/ for
this one): every file, merged block, mode, owner and link that differs,
with a line diff (never of a file that holds a secret). A file that holds
a generated value is not compared until a build has kept the value.`,
		exit: "0 the system is as tailor builds it, 1 drift, a file not compared or a failed build, 2 usage error",
	},
	"serve": {
		usage: "tailor serve [-C DIR] --values FILE [--addr HOST:PORT]",
		doc: `Serves one client's site and builds it again whenever a page changes:
reload the browser to see an edit.`,
		exit: "runs until interrupted; 1 the address cannot be listened on, 2 usage error",
	},
	"version": {
		usage: "tailor version",
		doc:   "Prints tailor's module version and the revision it was built from.",
		exit:  "0",
	},
}

// commandOrder is the order commands are listed in.
var commandOrder = []string{"build", "check", "plan", "init", "diff", "serve", "version"}

// usage is what tailor prints for --help and for a usage error without a
// command.
func usage() string {
	var b strings.Builder
	b.WriteString("tailor turns a deployment tutorial into each client's runbook and config files.\n\nUsage:\n")
	for _, name := range commandOrder {
		fmt.Fprintf(&b, "  %s\n", commands[name].usage)
	}
	b.WriteString(`  tailor help COMMAND

-C DIR is the project directory (default .). --values takes files or glob
patterns and may be repeated; without it the project's clients
(tailor.toml "clients", default clients/*.toml) are used.

Exit status: 0 success, 1 errors (or, for diff, drift), 2 usage error.
"tailor help COMMAND" or "tailor COMMAND --help" tells more.
`)
	return b.String()
}

// printHelp writes a command's help, with its flags as the README spells
// them: -C DIR, --values FILE.
func printHelp(w io.Writer, cmd string, fs *flag.FlagSet) {
	h := commands[cmd]
	fmt.Fprintf(w, "usage: %s\n\n%s\n\nFlags:\n", h.usage, h.doc)
	fs.VisitAll(func(f *flag.Flag) {
		arg, text := flag.UnquoteUsage(f)
		name := "--" + f.Name
		if len(f.Name) == 1 {
			name = "-" + f.Name
		}
		if arg != "" && arg != "value" {
			name += " " + arg
		}
		if f.DefValue != "" && f.DefValue != "false" {
			text += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "  %-20s %s\n", name, text)
	})
	fmt.Fprintf(w, "  %-20s %s\n\nExit status: %s.\n", "--help", "show this help", h.exit)
}

// versionLine is what "tailor version" prints: the module version and the
// VCS revision the binary was built from, when the build recorded them.
func versionLine(info *debug.BuildInfo, ok bool) string {
	if !ok {
		return "tailor (unknown version)\n"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	line := "tailor " + v
	if rev != "" {
		line += " revision " + rev
		if when != "" {
			line += " of " + when
		}
		if modified {
			line += " (modified)"
		}
	}
	if info.GoVersion != "" {
		line += ", built with " + info.GoVersion
	}
	return line + "\n"
}
