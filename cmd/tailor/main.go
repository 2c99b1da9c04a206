// Command tailor turns a deployment tutorial into each client's runbook and
// the config files the runbook describes.
//
// Usage:
//
//	tailor build [-C DIR] [--values FILE]... [--out DIR] [--json | --format FORMAT]
//	tailor check [-C DIR] [--values FILE]... [--json | --format FORMAT]
//	tailor plan  [-C DIR] [--values FILE] [--json] [--rules]
//	tailor init  [-C DIR] [--values FILE]
//	tailor diff  [-C DIR] --values FILE --root DIR [--json]
//	tailor serve [-C DIR] --values FILE [--addr HOST:PORT]
//	tailor version
//	tailor help COMMAND
//
// Diagnostics go to standard error as "path:line:col: error|warning:
// message"; build and check print them as JSON with --json, and as GitHub
// Actions annotations with --format github. The exit status is 0 on
// success, 1 when there are errors (for diff: when the system drifted),
// 2 for a usage error.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/generator"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.LookupEnv))
}

// exit statuses
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// run is the whole command, testable: it returns the exit status.
func run(args []string, stdout, stderr io.Writer, getenv func(string) (string, bool)) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, usage())
		return exitOK
	case "-version", "--version":
		args = []string{"version"}
	case "help":
		if len(args) == 1 {
			fmt.Fprint(stdout, usage())
			return exitOK
		}
		if _, ok := commands[args[1]]; !ok || len(args) > 2 {
			fmt.Fprintf(stderr, "tailor help: no command %q\n\n%s", strings.Join(args[1:], " "), usage())
			return exitUsage
		}
		return run([]string{args[1], "--help"}, stdout, stderr, getenv)
	}
	// "tailor -C DIR build", as git and make take it
	var global []string
	for len(args) > 0 {
		switch a := args[0]; {
		case a == "-C" || a == "--C":
			if len(args) < 2 {
				fmt.Fprintf(stderr, "tailor: %s needs a directory\n", a)
				return exitUsage
			}
			global, args = append(global, "-C", args[1]), args[2:]
			continue
		case strings.HasPrefix(a, "-C=") || strings.HasPrefix(a, "--C="):
			global, args = append(global, a), args[1:]
			continue
		}
		break
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return exitUsage
	}
	if strings.HasPrefix(args[0], "-") {
		example := "tailor COMMAND " + strings.Join(args, " ")
		for i, a := range args {
			switch a {
			case "build", "check", "plan", "init", "diff", "serve":
				rest := append(append([]string{}, args[:i]...), args[i+1:]...)
				example = "tailor " + a + " " + strings.Join(rest, " ")
			}
		}
		fmt.Fprintf(stderr, "tailor: %s goes after the command, as in \"%s\"\n\n%s", args[0], example, usage())
		return exitUsage
	}
	cmd, args := args[0], append(global, args[1:]...)
	fs := flag.NewFlagSet("tailor "+cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dir := fs.String("C", ".", "the project `DIR`")
	var vals multiFlag
	fs.Var(&vals, "values", "values `FILE` or glob (repeatable)")
	var out, root, addr, format *string
	var asJSON, rules *bool
	var cpuProfile, memProfile *string
	switch cmd {
	case "serve":
		addr = fs.String("addr", "127.0.0.1:8080", "`HOST:PORT` to serve the site on")
	case "diff":
		root = fs.String("root", "", "the installed system's root `DIR` (/ for this one)")
		asJSON = fs.Bool("json", false, "print JSON")
	case "build", "check":
		if cmd == "build" {
			out = fs.String("out", "", "output `DIR` (default: out in the project directory)")
		}
		asJSON = fs.Bool("json", false, "print the diagnostics, and each client's status and files, as JSON (--format json)")
		format = fs.String("format", "text", "print diagnostics as `FORMAT`: text, json, or github (GitHub Actions annotations)")
		cpuProfile = fs.String("cpuprofile", "", "write a CPU profile of the run to `FILE` (for go tool pprof)")
		memProfile = fs.String("memprofile", "", "write a heap profile at the end of the run to `FILE`")
	case "init":
	case "version":
		fs = flag.NewFlagSet("tailor version", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
	case "plan":
		asJSON = fs.Bool("json", false, "print JSON")
		rules = fs.Bool("rules", false, "list every rule with its hit count on this tutorial")
	default:
		fmt.Fprintf(stderr, "tailor: unknown command %q\n\n%s", cmd, usage())
		return exitUsage
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printHelp(stdout, cmd, fs)
			return exitOK
		}
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
			msg = fmt.Sprintf("unknown flag --%s", strings.TrimPrefix(name, "-"))
		}
		fmt.Fprintf(stderr, "tailor %s: %s\nusage: %s\n(\"tailor %s --help\" tells more)\n", cmd, msg, commands[cmd].usage, cmd)
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "tailor %s: unexpected argument %q\nusage: %s\n", cmd, fs.Arg(0), commands[cmd].usage)
		return exitUsage
	}
	if cmd == "version" {
		fmt.Fprint(stdout, versionLine(debug.ReadBuildInfo()))
		return exitOK
	}
	if format != nil {
		if *asJSON {
			*format = "json"
		}
		switch *format {
		case "text", "json", "github":
		default:
			fmt.Fprintf(stderr, "tailor %s: --format %q: want text, json or github\n", cmd, *format)
			return exitUsage
		}
	}
	if cpuProfile != nil {
		stop, err := startProfiles(*cpuProfile, *memProfile)
		if err != nil {
			fmt.Fprintf(stderr, "tailor %s: %v\n", cmd, err)
			return exitFail
		}
		defer func() {
			if err := stop(); err != nil {
				fmt.Fprintf(stderr, "tailor %s: %v\n", cmd, err)
			}
		}()
	}
	osfs := afero.NewOsFs()
	proj, diags := generator.Load(osfs, filepath.ToSlash(*dir))
	if proj == nil {
		if format != nil && *format != "text" {
			report(stdout, *format, nil, diags, &generator.Run{})
		} else {
			printDiags(stderr, nil, diags, nil)
		}
		return exitFail
	}
	switch cmd {
	case "build", "check":
		return build(proj, diags, vals, out, *format, cmd == "check", stdout, stderr, getenv)
	case "plan":
		return plan(proj, diags, vals, *asJSON, *rules, stdout, stderr, getenv)
	case "init":
		return initValues(proj, diags, vals, stdout, stderr, getenv)
	case "diff":
		return diff(proj, diags, vals, *root, *asJSON, stdout, stderr, getenv)
	case "serve":
		if files, _ := proj.ValuesFiles(vals); len(files) != 1 {
			fmt.Fprintf(stderr, "tailor serve: --values matches %d files; give the values file of one client\n", len(files))
			return exitUsage
		}
		return serve(*dir, vals, *addr, stdout, stderr, getenv)
	}
	return exitUsage
}

func build(proj *generator.Project, diags content.Diagnostics, vals []string, out *string, format string, check bool, stdout, stderr io.Writer, getenv func(string) (string, bool)) int {
	opts := generator.Options{Values: vals, Getenv: getenv, DryRun: check, Validate: validate, Lean: true}
	if out != nil && *out != "" {
		opts.Out = filepath.ToSlash(*out)
	}
	if isTerminal(stderr) {
		opts.Progress = func(done, total int) {
			if total >= 20 {
				fmt.Fprintf(stderr, "\r%d/%d clients", done, total)
				if done == total {
					fmt.Fprint(stderr, "\r\033[K")
				}
			}
		}
	}
	r := proj.Build(opts)
	all := append(content.Diagnostics{}, diags...)
	all.Append(r.Diags)
	if format == "json" {
		if !report(stdout, format, proj, diags, r) {
			return exitFail
		}
		return exitOK
	}
	if format == "github" {
		report(stdout, format, proj, diags, r)
	} else {
		printDiags(stderr, proj, all, r.Clients)
	}
	failed := 0
	for _, c := range r.Clients {
		if c.Failed() {
			failed++
			name := c.Client
			if name == "" {
				name = strings.TrimSuffix(filepath.Base(c.Values), filepath.Ext(c.Values))
			}
			stale := ""
			if c.Stale != "" {
				stale = fmt.Sprintf("; %s still holds an earlier build", c.Stale)
			}
			fmt.Fprintf(stderr, "tailor: client %s (%s) failed: nothing written for it%s\n", name, c.Values, stale)
		}
	}
	if !check {
		for _, c := range r.Clients {
			if !c.Failed() && c.Dir != "" {
				fmt.Fprintf(stdout, "%s: %d files in %s\n", c.Client, len(c.Files), c.Dir)
			}
		}
	}
	if !succeeded(all, r) {
		if len(r.Clients) > 1 {
			fmt.Fprintf(stderr, "tailor: %d of %d clients failed\n", failed, len(r.Clients))
		}
		return exitFail
	}
	return exitOK
}

// printDiags prints the project's diagnostics, then the clients', each
// diagnostic once: when several clients have the same one, it says which.
func printDiags(w io.Writer, proj *generator.Project, project content.Diagnostics, clients []*generator.Result) {
	many := len(clients) > 1
	for _, e := range collectDiags(proj, project, clients) {
		line := e.d.String()
		if many && len(e.clients) > 0 {
			line += " [" + clientList(e.clients, len(clients)) + "]"
		}
		fmt.Fprintln(w, line)
	}
}

func clientList(names []string, total int) string {
	if len(names) == total && total > 1 {
		return "all clients"
	}
	sort.Strings(names)
	if len(names) <= 3 {
		if len(names) == 1 {
			return "client " + names[0]
		}
		return "clients " + strings.Join(names, ", ")
	}
	return fmt.Sprintf("clients %s and %d more", strings.Join(names[:3], ", "), len(names)-3)
}

func plan(proj *generator.Project, diags content.Diagnostics, vals []string, asJSON, rules bool, stdout, stderr io.Writer, getenv func(string) (string, bool)) int {
	if len(vals) > 1 {
		fmt.Fprintln(stderr, "tailor plan: give at most one --values file")
		return exitUsage
	}
	v, code := oneValues(proj, &diags, vals, stderr, getenv)
	if code != exitOK {
		return code
	}
	rep, ds := proj.Plan(v)
	diags.Append(ds)
	diags.Sort()
	printDiags(stderr, proj, diags, nil)
	if rules {
		rep.Rules = rep.RuleCounts()
	}
	switch {
	case asJSON:
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		enc.Encode(rep)
	case rules:
		fmt.Fprint(stdout, generator.RulesText(rep.Rules))
	default:
		fmt.Fprint(stdout, rep.Text())
	}
	return exitOK
}

// diff compares one client's build with an installed system: exit 0 when
// they agree, 1 when they drift (or the build fails).
func diff(proj *generator.Project, diags content.Diagnostics, vals []string, root string, asJSON bool, stdout, stderr io.Writer, getenv func(string) (string, bool)) int {
	if len(vals) != 1 || root == "" {
		fmt.Fprintln(stderr, "tailor diff: give one --values FILE and the installed system's --root DIR (/ for this one)")
		return exitUsage
	}
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "tailor diff: --root %s: no such directory\n", root)
		return exitUsage
	}
	// links are judged against the root's real path
	real, err := filepath.Abs(root)
	if err == nil {
		real, err = filepath.EvalSymlinks(real)
	}
	if err != nil {
		fmt.Fprintf(stderr, "tailor diff: --root %s: %v\n", root, err)
		return exitUsage
	}
	r := proj.Build(generator.Options{Values: vals, Getenv: getenv, DryRun: true})
	all := append(content.Diagnostics{}, diags...)
	all.Append(r.Diags)
	printDiags(stderr, proj, all, r.Clients)
	if len(r.Clients) != 1 {
		if len(r.Clients) > 1 {
			fmt.Fprintln(stderr, "tailor diff: --values names several clients; give one")
			return exitUsage
		}
		return exitFail
	}
	c := r.Clients[0]
	if all.HasErrors() || c.Failed() {
		fmt.Fprintf(stderr, "tailor: client %s (%s) failed: nothing to compare\n", c.Client, c.Values)
		return exitFail
	}
	drift, err := generator.Diff(c, afero.NewOsFs(), filepath.ToSlash(real))
	if err != nil {
		fmt.Fprintf(stderr, "tailor diff: %v\n", err)
		return exitFail
	}
	if asJSON {
		if drift == nil {
			drift = []generator.Drift{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		enc.Encode(struct {
			Client string            `json:"client"`
			Root   string            `json:"root"`
			Same   bool              `json:"same"`
			Drift  []generator.Drift `json:"drift"`
		}{c.Client, root, len(drift) == 0, drift})
	} else {
		for _, d := range drift {
			fmt.Fprintln(stdout, d)
			for _, l := range d.Lines {
				fmt.Fprintln(stdout, "    "+l)
			}
		}
		unknown := 0
		for _, d := range drift {
			if d.What == "unknown" {
				unknown++
			}
		}
		switch n := len(drift) - unknown; {
		case len(drift) == 0:
			fmt.Fprintf(stdout, "%s: %s is as tailor builds it\n", c.Client, root)
		case unknown == 0:
			fmt.Fprintf(stdout, "%s: %s with %s\n", c.Client, count(n, "difference"), root)
		case n == 0:
			fmt.Fprintf(stdout, "%s: no difference with %s in what was compared; %s not compared until a build keeps the values tailor generates\n", c.Client, root, count(unknown, "file"))
		default:
			fmt.Fprintf(stdout, "%s: %s with %s; %s not compared until a build keeps the values tailor generates\n", c.Client, count(n, "difference"), root, count(unknown, "file"))
		}
	}
	if len(drift) > 0 {
		return exitFail
	}
	return exitOK
}

// count says how many things there are: "1 file", "2 files".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// isTerminal reports whether w is a terminal, for the progress line.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func initValues(proj *generator.Project, diags content.Diagnostics, vals []string, stdout, stderr io.Writer, getenv func(string) (string, bool)) int {
	if len(vals) > 1 {
		fmt.Fprintln(stderr, "tailor init: give at most one --values file")
		return exitUsage
	}
	v, code := oneValues(proj, &diags, vals, stderr, getenv)
	if code != exitOK {
		return code
	}
	printDiags(stderr, proj, diags, nil)
	fmt.Fprint(stdout, proj.Skeleton(v))
	return exitOK
}

// oneValues loads the one values file that plan and init take, if given.
func oneValues(proj *generator.Project, diags *content.Diagnostics, vals []string, stderr io.Writer, getenv func(string) (string, bool)) (*generator.Values, int) {
	if len(vals) == 0 {
		return nil, exitOK
	}
	files, ds := proj.ValuesFiles(vals)
	diags.Append(ds)
	if len(files) > 1 {
		fmt.Fprintln(stderr, "tailor: --values matches more than one file")
		return nil, exitUsage
	}
	var v *generator.Values
	if len(files) == 1 {
		v, ds = proj.LoadValues(files[0], getenv)
		diags.Append(ds)
	}
	if v == nil {
		printDiags(stderr, proj, *diags, nil)
		return nil, exitFail
	}
	return v, exitOK
}
