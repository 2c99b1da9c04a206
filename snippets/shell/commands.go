package shell

import (
	"fmt"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

func (a *analyzer) callExpr(c *syntax.CallExpr, in stream) stream {
	if len(c.Args) == 0 {
		for _, as := range c.Assigns {
			a.assign(as)
		}
		return stream{ok: true}
	}
	var args []arg
	for _, w := range c.Args {
		raw := a.text(w)
		for _, v := range a.fields(w) {
			args = append(args, arg{value: v, raw: raw})
		}
	}
	return a.run(args, in)
}

// run analyses a command line whose words are args.
func (a *analyzer) run(args []arg, in stream) stream {
	if len(args) == 0 {
		return stream{ok: true}
	}
	if !args[0].ok {
		return unknownStream("is the output of %q", args[0].raw)
	}
	name := args[0].s
	if strings.Contains(name, "/") && !strings.HasSuffix(name, "/") {
		name = path.Base(name)
	}
	cmd := byName[name]
	if cmd == nil || cmd.run == nil {
		return unknownStream("is the output of %q", name)
	}
	return cmd.run(a, &call{name: name, args: args[1:], in: in, opts: cmd.opts})
}

// nothing is a command that changes nothing and prints nothing: true, ":".
func (a *analyzer) nothing(*call) stream { return stream{ok: true} }

// exit leaves the shell: the one it returns to is not known.
func (a *analyzer) exit(c *call) stream {
	if a.depth > 0 {
		return stream{ok: true}
	}
	if a.st.Dir != "" {
		a.note("%s: the shell it returns to is not known: current directory not known", c.name)
		a.st.Dir = ""
	}
	a.st.User = ""
	return stream{ok: true}
}

// adduser records the home directory of a user the tutorial makes:
// "adduser NAME" and "useradd -m NAME" make /home/NAME, --home and -d
// another; a system user gets none unless it is named.
func (a *analyzer) adduser(c *call) stream {
	var user, home string
	system, create := false, c.name == "adduser"
	for i := 0; i < len(c.args); i++ {
		x := c.args[i]
		if !x.ok {
			return stream{ok: true}
		}
		switch x.s {
		case "--system", "-r":
			system = true
		case "-m", "--create-home":
			create = true
		case "--no-create-home", "-M":
			create = false
		case "--home", "-d", "--home-dir":
			if i+1 < len(c.args) && c.args[i+1].ok {
				home = c.args[i+1].s
			}
			i++
		case "--gecos", "--ingroup", "--shell", "--uid", "--gid", "-s", "-g", "-G", "-u", "-c", "--comment", "--groups", "--firstuid", "--lastuid", "--add-extra-groups", "-k", "-e", "-f", "-p", "-K":
			i++ // the option's value
		default:
			if !strings.HasPrefix(x.s, "-") {
				user = x.s
			}
		}
	}
	if home == "" && create && !system && user != "" && !strings.Contains(user, "$(") {
		home = "/home/" + user
	}
	if user != "" && strings.HasPrefix(home, "/") {
		if a.st.Homes == nil {
			a.st.Homes = map[string]string{}
		}
		a.st.Homes[user] = path.Clean(home)
	}
	return stream{ok: true}
}

// popd goes back to a directory the analysis does not track.
func (a *analyzer) popd(*call) stream {
	a.note("popd: current directory not known")
	a.st.Dir = ""
	return stream{ok: true}
}

// editsOther opens an editor on what tailor does not make (crontab -e,
// systemctl edit), or is a command whose output is not known.
func (a *analyzer) editsOther(c *call) stream {
	if a.editsElsewhere(c.name, c.args) {
		a.emit(Effect{Kind: Open}) // an editor on what tailor does not make
		return stream{ok: true}
	}
	return unknownStream("is the output of %q", c.name)
}

// sedOrUntracked follows sed -i 's/A/B/'; other seds change files in
// ways it does not follow.
func (a *analyzer) sedOrUntracked(c *call) stream {
	if !a.sed(c.args) {
		return a.untracked(c)
	}
	return stream{ok: true}
}

// Wrappers: commands that run another command.

func (a *analyzer) sudo(c *call) stream {
	name, args, in := c.name, c.args, c.in
	opts, ops, ok := a.getopt(name, args, c.opts)
	if !ok {
		return unknownStream("is the output of %q", name)
	}
	for _, k := range []byte("eKklVv") {
		if _, ok := opts[k]; ok {
			return unknownStream("is the output of %q", name)
		}
	}
	if len(ops) == 0 {
		if _, login := opts['i']; login {
			user := "root"
			if u, ok := opts['u']; ok {
				user = u.s
			}
			if !a.st.login(user) {
				a.note("%s -i: starts a login shell in a home directory: current directory not known", name)
			}
		}
		return unknownStream("is the output of %q", name)
	}
	if u, ok := opts['u']; ok {
		// what the command makes belongs to that user
		if !u.ok || strings.HasPrefix(u.s, "#") {
			a.note("%s -u: user %q not known: what it makes has no owner here", name, u.raw)
		} else {
			saved := a.runAs
			a.runAs = u.s
			defer func() { a.runAs = saved }()
		}
	}
	if d, ok := opts['D']; ok {
		var out stream
		a.subshell(func() {
			p, ok := a.path(name+" --chdir", d)
			if !ok {
				p = ""
			}
			a.st.Dir = p
			out = a.run(ops, in)
		})
		return out
	}
	return a.run(ops, in)
}

func (a *analyzer) su(c *call) stream {
	args, in := c.args, c.in
	opts, ops, ok := a.getopt("su", args, c.opts)
	if !ok {
		return unknownStream("is the output of %q", "su")
	}
	_, login := opts['l']
	for _, o := range ops {
		if o.ok && o.s == "-" {
			login = true
		}
	}
	script, hasC := opts['c']
	if !hasC {
		user := "root"
		for _, o := range ops {
			if o.ok && o.s != "-" {
				user = o.s
			}
		}
		if login && !a.st.login(user) {
			a.note("su -: starts a login shell in a home directory: current directory not known")
		}
		a.st.User = user
		return unknownStream("is the output of %q", "su")
	}
	var out stream
	a.subshell(func() {
		if login {
			a.st.Dir = ""
		}
		out = a.script("su -c", script, in)
	})
	return out
}

func (a *analyzer) env(c *call) stream {
	args, in := c.args, c.in
	i := 0
	for i < len(args) {
		x := args[i]
		if !x.ok {
			break
		}
		switch {
		case x.s == "-i" || x.s == "-" || x.s == "--ignore-environment" || x.s == "-0" || x.s == "--null":
		case x.s == "-u" || x.s == "--unset" || x.s == "-C" || x.s == "--chdir":
			if x.s == "-C" || x.s == "--chdir" {
				a.note("env --chdir: command not analysed")
				return unknownStream("is the output of %q", "env")
			}
			i++
		case strings.HasPrefix(x.s, "--unset="):
		case x.s == "--":
			i++
			return a.run(args[i:], in)
		case strings.HasPrefix(x.s, "-"):
			a.note("env: unknown option %q: command skipped", x.s)
			return unknownStream("is the output of %q", "env")
		case strings.Contains(x.s, "=") && !strings.HasPrefix(x.s, "="):
		default:
			return a.run(args[i:], in)
		}
		i++
	}
	if i < len(args) {
		return a.run(args[i:], in)
	}
	return unknownStream("is the output of %q", "env")
}

// wrapper handles commands such as nohup and nice that run their operands
// as a command.
func (a *analyzer) wrapper(c *call) stream {
	name, args, in := c.name, c.args, c.in
	i := 0
	for i < len(args) && args[i].ok && strings.HasPrefix(args[i].s, "-") {
		s := args[i].s
		i++
		if s == "--" {
			break
		}
		switch {
		case name == "command" && (s == "-v" || s == "-V"):
			return unknownStream("is the output of %q", "command -v")
		case name == "nice" && (s == "-n" || s == "--adjustment"),
			name == "ionice" && (s == "-c" || s == "-n" || s == "-p"),
			name == "exec" && s == "-a":
			i++ // the option's value
		case name == "stdbuf" && (s == "-i" || s == "-o" || s == "-e"):
			i++
		}
	}
	if i >= len(args) {
		return unknownStream("is the output of %q", name)
	}
	return a.run(args[i:], in)
}

// shellCmd handles "sh -c SCRIPT" and "sh" reading its script from a
// here-document.
func (a *analyzer) shellCmd(c *call) stream {
	name, args, in := c.name, c.args, c.in
	hasC := false
	i := 0
	for ; i < len(args); i++ {
		x := args[i]
		if !x.ok || x.s == "" || (x.s[0] != '-' && x.s[0] != '+') || x.s == "-" {
			break
		}
		if x.s == "--" {
			i++
			break
		}
		if x.s == "-o" || x.s == "+o" || x.s == "-O" || x.s == "+O" || x.s == "--rcfile" || x.s == "--init-file" {
			i++
			continue
		}
		if !strings.HasPrefix(x.s, "--") && strings.Contains(x.s, "c") {
			hasC = true
		}
	}
	switch {
	case hasC && i < len(args):
		return a.script(name+" -c", args[i], in)
	case !hasC && i >= len(args) && in.ok:
		return a.script(name, arg{value: value{s: in.data, ok: true}, raw: "standard input"}, stream{ok: true})
	}
	return unknownStream("is the output of %q", name)
}

// script analyses a shell script given to a command ("sh -c SCRIPT"),
// reporting its effects and notes at the command's position.
func (a *analyzer) script(what string, s arg, in stream) stream {
	switch {
	case !s.ok:
		a.note("%s: script %q not known: it %s", what, s.raw, s.why)
		return unknownStream("is the output of %q", what)
	case a.depth >= maxDepth:
		a.note("%s: script nested too deep: not analysed", what)
		return unknownStream("is the output of %q", what)
	}
	child := newAnalyzer(a.st, a.res)
	child.depth = a.depth + 1
	child.fixed = true
	child.fixedLine, child.fixedCol = 1, 1
	if a.span != nil {
		child.fixedLine, child.fixedCol = a.pos(a.span.Pos())
	} else if a.fixed {
		child.fixedLine, child.fixedCol = a.fixedLine, a.fixedCol
	}
	child.conds = a.conds[:len(a.conds):len(a.conds)] // appends copy
	child.lastCond = a.lastCond
	defer func() { a.lastCond = child.lastCond }()
	child.unrolling = a.unrolling
	child.oldDir = a.oldDir
	f, err := child.parse(s.s, false)
	if err != nil {
		a.note("%s: %s", what, errMsg(err))
		return unknownStream("is the output of %q", what)
	}
	dir, old, mask := a.st.Dir, a.oldDir, a.st.Umask
	out := child.stmtList(f.Stmts, in, false)
	a.st.Dir, a.oldDir, a.st.Umask = dir, old, mask // sh -c is a shell of its own
	return out
}

// ssh without a remote command logs in elsewhere: what follows runs in a
// home directory on another machine.
func (a *analyzer) ssh(c *call) stream {
	args := c.args
	ops := 0
	for i := 0; i < len(args); i++ {
		x := args[i]
		if x.ok && len(x.s) == 2 && x.s[0] == '-' && strings.IndexByte("BbcDEeFIiJLlmOoPpQRSWw", x.s[1]) >= 0 {
			i++ // the option's value
			continue
		}
		if x.ok && strings.HasPrefix(x.s, "-") {
			continue
		}
		ops++
	}
	if ops == 1 && a.st.Dir != "" && a.depth == 0 {
		a.note("ssh: logs in to a home directory: current directory not known")
		a.st.Dir = ""
	}
	return stream{ok: true}
}

// read sets the variables it names to what it reads.
func (a *analyzer) read(c *call) stream {
	args := c.args
	for i := 0; i < len(args); i++ {
		x := args[i]
		if !x.ok {
			continue
		}
		if strings.HasPrefix(x.s, "-") {
			if len(x.s) == 2 && strings.IndexByte("adinNptu", x.s[1]) >= 0 {
				if x.s[1] == 'a' && i+1 < len(args) && args[i+1].ok {
					a.setVar(args[i+1].s, unknown("uses $%s, which read sets", args[i+1].s))
				}
				i++
			}
			continue
		}
		a.setVar(x.s, unknown("uses $%s, which read sets", x.s))
	}
	return stream{ok: true}
}

// File system commands.

func (a *analyzer) cd(c *call) stream {
	name, args := c.name, c.args
	_, ops, ok := a.getopt(name, args, c.opts)
	old := a.st.Dir
	if !ok {
		a.st.Dir = ""
		return stream{ok: true}
	}
	if len(ops) == 0 {
		a.note("%s: the home directory is not known: current directory not known", name)
		a.st.Dir, a.oldDir = "", old
		return stream{ok: true}
	}
	t := ops[0]
	var p string
	if t.ok && t.s == "-" {
		if a.oldDir == "" {
			a.note("%s -: the previous directory is not known", name)
		}
		p, ok = a.oldDir, a.oldDir != ""
	} else {
		p, ok = a.path(name, t)
	}
	a.oldDir = old
	if !ok {
		a.st.Dir = ""
		return stream{ok: true}
	}
	a.st.Dir = p
	a.addDir(p)
	a.emit(Effect{Kind: Cd, Path: p})
	return stream{ok: true}
}

// path resolves an operand, with a note when it is not known.
func (a *analyzer) path(cmd string, x arg) (string, bool) {
	return a.resolve(cmd, x.raw, x.value)
}

// modeArg checks a mode given to chmod, mkdir -m or install -m.
func (a *analyzer) modeArg(cmd string, m arg) (string, bool) {
	switch {
	case !m.ok:
		a.note("%s: mode %q not known: it %s", cmd, m.raw, m.why)
		return "", false
	case strings.Contains(m.s, "$"):
		a.note("%s: mode %q not known: it uses a placeholder", cmd, m.raw)
		return "", false
	}
	if _, err := compileMode(m.s); err != nil {
		a.note("%s: invalid mode %q", cmd, m.s)
		return "", false
	}
	return m.s, true
}

func (a *analyzer) mkdir(c *call) stream {
	args := c.args
	opts, ops, ok := a.getopt("mkdir", args, c.opts)
	if !ok {
		return stream{ok: true}
	}
	mode := ""
	if m, ok := opts['m']; ok {
		if mode, ok = a.modeArg("mkdir", m); !ok {
			return stream{ok: true}
		}
	}
	_, parents := opts['p']
	for _, x := range ops {
		if p, ok := a.path("mkdir", x); ok {
			a.emit(Effect{Kind: Mkdir, Path: p, Mode: mode, Parents: parents})
			a.addDir(p)
		}
	}
	return stream{ok: true}
}

// isDashMode reports whether a chmod argument that starts with "-" is a
// mode ("-x", "-rwx") rather than an option, as GNU chmod decides.
func isDashMode(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !strings.ContainsRune("rwxXst", rune(s[i])) {
			return false
		}
	}
	return true
}

func (a *analyzer) chmod(c *call) stream {
	args := c.args
	var mode *arg
	rest := make([]arg, 0, len(args))
	for i := range args {
		if mode == nil && args[i].ok && isDashMode(args[i].s) {
			mode = &args[i]
			continue
		}
		rest = append(rest, args[i])
	}
	opts, ops, ok := a.getopt("chmod", rest, c.opts)
	if !ok {
		return stream{ok: true}
	}
	if _, ok := opts['r']; ok {
		a.note("chmod --reference: mode not known: command skipped")
		return stream{ok: true}
	}
	if mode == nil {
		if len(ops) == 0 {
			a.note("chmod: missing mode")
			return stream{ok: true}
		}
		mode, ops = &ops[0], ops[1:]
	}
	m, ok := a.modeArg("chmod", *mode)
	if !ok {
		return stream{ok: true}
	}
	_, rec := opts['R']
	for _, x := range ops {
		if p, ok := a.path("chmod", x); ok {
			a.emit(Effect{Kind: Chmod, Path: p, Mode: m, Recursive: rec})
		}
	}
	return stream{ok: true}
}

func (a *analyzer) chown(c *call) stream {
	cmd, args := c.name, c.args
	opts, ops, ok := a.getopt(cmd, args, c.opts)
	if !ok {
		return stream{ok: true}
	}
	if _, ok := opts['r']; ok {
		a.note("%s --reference: owner not known: command skipped", cmd)
		return stream{ok: true}
	}
	if len(ops) == 0 {
		a.note("%s: missing operand", cmd)
		return stream{ok: true}
	}
	spec := ops[0]
	if !spec.ok {
		a.note("%s: owner %q not known: it %s", cmd, spec.raw, spec.why)
		return stream{ok: true}
	}
	var owner, group string
	login := false
	if cmd == "chgrp" {
		group = spec.s
	} else {
		owner, group = splitOwner(spec.s)
		login = group == "" && owner != "" && (strings.HasSuffix(spec.s, ":") || strings.HasSuffix(spec.s, ".") && !strings.Contains(spec.s, ":"))
		if login {
			a.note("chown %q also sets the group to the login group of %q, which is not known", spec.s, owner)
		}
	}
	if owner == "" && group == "" {
		a.note("%s: %q names no owner or group", cmd, spec.s)
		return stream{ok: true}
	}
	_, rec := opts['R']
	for _, x := range ops[1:] {
		if p, ok := a.path(cmd, x); ok {
			a.emit(Effect{Kind: Chown, Path: p, Owner: owner, Group: group, Recursive: rec, LoginGroup: login})
		}
	}
	return stream{ok: true}
}

// splitOwner splits chown's OWNER[:GROUP] (also OWNER.GROUP, OWNER: and
// :GROUP).
func splitOwner(s string) (owner, group string) {
	if o, g, ok := strings.Cut(s, ":"); ok {
		return o, g
	}
	if o, g, ok := strings.Cut(s, "."); ok && o != "" {
		return o, g // "www-data.www-data", and "user." for the login group
	}
	return s, ""
}

// base returns the last element of a template path, or "" when it has
// none ("/", ".", "..").
func base(s string) string {
	s = strings.TrimRight(s, "/")
	b := path.Base(s)
	switch b {
	case ".", "..", "/", "":
		return ""
	}
	return b
}

func (a *analyzer) ln(c *call) stream {
	args := c.args
	opts, ops, ok := a.getopt("ln", args, c.opts)
	if !ok {
		return stream{ok: true}
	}
	if _, ok := opts['s']; !ok {
		a.note("ln: hard links are not tracked: command skipped")
		return stream{ok: true}
	}
	for _, x := range ops {
		if !x.ok {
			a.note("ln: %q not known: it %s", x.raw, x.why)
			return stream{ok: true}
		}
	}
	_, noDir := opts['T']
	var targets []arg
	var dir string
	switch t, hasT := opts['t']; {
	case hasT:
		p, ok := a.path("ln", t)
		if !ok {
			return stream{ok: true}
		}
		targets, dir = ops, p
	case len(ops) == 0:
		a.note("ln: missing operand")
		return stream{ok: true}
	case len(ops) == 1:
		if a.st.Dir == "" {
			a.note("ln: link %q would be made in the current directory, which is not known", base(ops[0].s))
			return stream{ok: true}
		}
		targets, dir = ops, a.st.Dir
	default:
		last := ops[len(ops)-1]
		p, ok := a.path("ln", last)
		if !ok {
			return stream{ok: true}
		}
		if len(ops) == 2 && (noDir || !a.isDirArg(last.value, p)) {
			a.emit(Effect{Kind: Symlink, Path: p, Target: a.linkTarget(opts, ops[0], p)})
			return stream{ok: true}
		}
		targets, dir = ops[:len(ops)-1], p
	}
	for _, t := range targets {
		b := base(t.s)
		if b == "" {
			a.note("ln: target %q has no name to give the link", t.raw)
			continue
		}
		a.emit(Effect{Kind: Symlink, Path: path.Join(dir, b), Target: a.linkTarget(opts, t, path.Join(dir, b))})
	}
	return stream{ok: true}
}

// linkTarget is the target ln -s writes into the link at link: as given,
// or with -r relative to the link's directory.
func (a *analyzer) linkTarget(opts map[byte]arg, t arg, link string) string {
	if _, rel := opts['r']; !rel {
		return t.s
	}
	abs := t.s
	if !strings.HasPrefix(abs, "/") {
		if a.st.Dir == "" {
			a.note("ln -r: target %q is relative and the current directory is not known: kept as written", t.raw)
			return t.s
		}
		abs = path.Join(a.st.Dir, abs)
	}
	r, err := filepath.Rel(path.Dir(link), abs)
	if err != nil {
		return t.s
	}
	return filepath.ToSlash(r)
}

func (a *analyzer) touch(c *call) stream {
	args := c.args
	opts, ops, ok := a.getopt("touch", args, c.opts)
	if !ok {
		return stream{ok: true}
	}
	if _, ok := opts['c']; ok {
		return stream{ok: true} // changes times only
	}
	for _, x := range ops {
		if p, ok := a.path("touch", x); ok {
			a.emit(Effect{Kind: Touch, Path: p})
		}
	}
	return stream{ok: true}
}

func (a *analyzer) install(c *call) stream {
	args := c.args
	opts, ops, ok := a.getopt("install", args, c.opts)
	if !ok {
		return stream{ok: true}
	}
	e := Effect{Kind: Install}
	if m, ok := opts['m']; ok {
		if e.Mode, ok = a.modeArg("install", m); !ok {
			return stream{ok: true}
		}
	}
	for _, k := range []byte("og") {
		v, ok := opts[k]
		if !ok {
			continue
		}
		if !v.ok {
			a.note("install: owner or group %q not known: it %s", v.raw, v.why)
			return stream{ok: true}
		}
		if k == 'o' {
			e.Owner = v.s
		} else {
			e.Group = v.s
		}
	}
	_, e.Parents = opts['D']
	if _, ok := opts['d']; ok {
		e.IsDir, e.Parents = true, true
		for _, x := range ops {
			if p, ok := a.path("install", x); ok {
				d := e
				d.Path = p
				a.emit(d)
				a.addDir(p)
			}
		}
		return stream{ok: true}
	}
	var srcs []arg
	var dir string
	_, noDir := opts['T']
	switch t, hasT := opts['t']; {
	case hasT:
		p, ok := a.path("install", t)
		if !ok {
			return stream{ok: true}
		}
		srcs, dir = ops, p
	case len(ops) < 2:
		a.note("install: missing destination")
		return stream{ok: true}
	default:
		last := ops[len(ops)-1]
		p, ok := a.path("install", last)
		if !ok {
			return stream{ok: true}
		}
		if len(ops) == 2 && (noDir || !a.isDirArg(last.value, p)) {
			if src, ok := a.source(ops[0]); ok {
				f := e
				f.Path, f.Target = p, src
				a.emit(f)
			}
			return stream{ok: true}
		}
		srcs, dir = ops[:len(ops)-1], p
	}
	for _, s := range srcs {
		src, ok := a.source(s)
		if !ok {
			continue
		}
		b := base(s.s)
		if b == "" {
			a.note("install: source %q has no name", s.raw)
			continue
		}
		f := e
		f.Path, f.Target = path.Join(dir, b), src
		a.emit(f)
	}
	return stream{ok: true}
}

// source returns the source of a copy: absolute when it can be, else as
// written.
func (a *analyzer) source(x arg) (string, bool) {
	switch {
	case !x.ok:
		a.note("install: source %q not known: it %s", x.raw, x.why)
		return "", false
	case x.glob:
		a.note("install: source %q not known: it is a glob pattern", x.raw)
		return "", false
	case strings.HasPrefix(x.s, "/"):
		return path.Clean(x.s), true
	case a.st.Dir != "" && !strings.HasPrefix(x.s, "$"):
		return path.Clean(a.st.Dir + "/" + x.s), true
	}
	return x.s, true
}

func (a *analyzer) rm(c *call) stream {
	args := c.args
	opts, ops, ok := a.getopt("rm", args, c.opts)
	if !ok {
		return stream{ok: true}
	}
	_, r := opts['r']
	_, R := opts['R']
	for _, x := range ops {
		if p, ok := a.path("rm", x); ok {
			a.emit(Effect{Kind: Remove, Path: p, Recursive: r || R})
			delete(a.st.Dirs, p)
		}
	}
	return stream{ok: true}
}

// mv follows "mv SRC DST" and "mv SRC DIR/": the file keeps what it
// holds, its mode and owner, under its new name. Other forms change
// files the analysis does not follow.
func (a *analyzer) mv(c *call) stream {
	args := c.args
	opts, ops, ok := a.getopt("mv", args, c.opts)
	if !ok {
		return stream{ok: true}
	}
	_, hasT := opts['t']
	_, noClobber := opts['n']
	_, update := opts['u']
	_, ask := opts['i']
	if hasT || noClobber || update || ask || len(ops) != 2 || !ops[0].ok || !ops[1].ok {
		// several files, or a move that may not happen (-n, -u, -i)
		return a.untracked(&call{name: "mv", args: args})
	}
	src, ok1 := a.resolve("mv", ops[0].raw, ops[0].value)
	dst, ok2 := a.resolve("mv", ops[1].raw, ops[1].value)
	if !ok1 || !ok2 {
		return stream{ok: true}
	}
	if _, noDir := opts['T']; !noDir && a.isDirArg(ops[1].value, dst) {
		dst = path.Join(dst, path.Base(src))
	}
	a.emit(Effect{Kind: Move, Path: dst, Target: src})
	return stream{ok: true}
}

// untracked reports the files that a command copies, moves or edits in
// place, which the analysis does not follow: the files it names are
// changed in ways the effects do not say.
func (a *analyzer) untracked(c *call) stream {
	cmd, args := c.name, c.args
	inPlace := cmd != "sed" && cmd != "perl"
	script := cmd == "sed" || cmd == "perl"
	for _, x := range args {
		if !x.ok {
			continue
		}
		switch {
		case x.s == "--in-place" || strings.HasPrefix(x.s, "--in-place="):
			inPlace = true
		case len(x.s) > 1 && x.s[0] == '-' && x.s[1] != '-' && strings.ContainsRune(strings.SplitN(x.s, ".", 2)[0], 'i'):
			inPlace = true // -i, -i.bak, perl -pi
		case x.s == "-e" || x.s == "-f" || x.s == "--expression":
			script = false // the script comes with the option
		}
	}
	if !inPlace {
		return stream{ok: true} // sed or perl printing to stdout change no file
	}
	if cmd == "cp" || cmd == "rsync" {
		// only the destination changes: the last operand, or the files
		// of the same names in it when it is a directory
		var ops []arg
		for _, x := range args {
			if !x.ok || !strings.HasPrefix(x.s, "-") {
				ops = append(ops, x)
			}
		}
		if len(ops) < 2 {
			return stream{ok: true}
		}
		dst := ops[len(ops)-1]
		p, ok := a.resolve(cmd, dst.raw, dst.value)
		if !ok {
			return stream{ok: true}
		}
		if !a.isDirArg(dst.value, p) {
			a.emit(Effect{Kind: Untracked, Path: p})
			return stream{ok: true}
		}
		for _, src := range ops[:len(ops)-1] {
			if b := base(src.s); src.ok && b != "" {
				a.emit(Effect{Kind: Untracked, Path: path.Join(p, b)})
			}
		}
		return stream{ok: true}
	}
	for _, x := range args {
		if x.ok && strings.HasPrefix(x.s, "-") {
			continue
		}
		if script {
			script = false // sed's script, not a file
			continue
		}
		if !x.ok || strings.HasPrefix(x.s, "s/") || strings.Contains(x.s, "@") {
			continue
		}
		if p, ok := a.resolve(cmd, x.raw, x.value); ok {
			a.emit(Effect{Kind: Untracked, Path: p})
		}
	}
	return stream{ok: true}
}

// apache handles Debian's a2ensite, a2enmod, a2enconf and their a2dis
// counterparts, which make and remove links in /etc/apache2.
func (a *analyzer) apache(c *call) stream {
	cmd, args := c.name, c.args
	enable := strings.HasPrefix(cmd, "a2en")
	// kind is "site", "mod" or "conf"; the directories are sites-enabled,
	// mods-enabled and conf-enabled.
	kind := strings.TrimPrefix(strings.TrimPrefix(cmd, "a2en"), "a2dis")
	dir := kind + "s"
	if kind == "conf" {
		dir = kind
	}
	for _, x := range args {
		if x.ok && strings.HasPrefix(x.s, "-") {
			continue
		}
		if !x.ok {
			a.note("%s: name %q not known: it %s", cmd, x.raw, x.why)
			continue
		}
		if x.s == "" || strings.Contains(x.s, "/") || x.glob {
			a.note("%s: %q is not a name", cmd, x.raw)
			continue
		}
		if kind == "mod" {
			// which links a module needs (its .conf, the modules it
			// depends on) is known only to the server's a2enmod
			a.note("%s %s: run it on the server; the links it makes depend on the modules installed there", cmd, x.s)
			continue
		}
		names := []string{strings.TrimSuffix(x.s, ".conf") + ".conf"}
		for _, n := range names {
			link := "/etc/apache2/" + dir + "-enabled/" + n
			if enable {
				a.emit(Effect{Kind: Symlink, Path: link, Target: "../" + dir + "-available/" + n})
			} else {
				a.emit(Effect{Kind: Remove, Path: link})
			}
		}
	}
	return stream{ok: true}
}

// Commands that write.

func (a *analyzer) echo(c *call) stream {
	args := c.args
	newline, escapes := true, false
	i := 0
	for ; i < len(args); i++ {
		x := args[i]
		if !x.ok || len(x.s) < 2 || x.s[0] != '-' || strings.Trim(x.s[1:], "neE") != "" {
			break
		}
		for _, c := range x.s[1:] {
			switch c {
			case 'n':
				newline = false
			case 'e':
				escapes = true
			case 'E':
				escapes = false
			}
		}
	}
	parts := make([]string, 0, len(args)-i)
	for _, x := range args[i:] {
		if !x.ok {
			return unknownStream("is the output of echo, and %q %s", x.raw, x.why)
		}
		parts = append(parts, x.s)
	}
	s := strings.Join(parts, " ")
	if escapes {
		var stop bool
		s, stop = backslashEscapes(s, true)
		if stop {
			return stream{data: s, ok: true}
		}
	}
	if newline {
		s += "\n"
	}
	return stream{data: s, ok: true}
}

func (a *analyzer) printf(c *call) stream {
	args := c.args
	if len(args) > 0 && args[0].ok && args[0].s == "-v" {
		if len(args) > 1 && args[1].ok {
			a.setVar(args[1].s, unknown("uses $%s, which printf sets", args[1].s))
		}
		return stream{ok: true}
	}
	if len(args) > 0 && args[0].ok && args[0].s == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		return unknownStream("is the output of printf without a format")
	}
	vals := make([]string, len(args))
	for i, x := range args {
		if !x.ok {
			return unknownStream("is the output of printf, and %q %s", x.raw, x.why)
		}
		vals[i] = x.s
	}
	s, ok := printfFormat(vals[0], vals[1:])
	if !ok {
		return unknownStream("is the output of printf with the format %q", vals[0])
	}
	return stream{data: s, ok: true}
}

func (a *analyzer) cat(c *call) stream {
	args, in := c.args, c.in
	for _, x := range args {
		switch {
		case !x.ok:
			return unknownStream("is the output of cat, and %q %s", x.raw, x.why)
		case x.s == "-" || x.s == "--":
		case strings.HasPrefix(x.s, "-"):
			return unknownStream("is the output of cat %s", x.s)
		default:
			return unknownStream("is the content of %q", x.s)
		}
	}
	return in
}

func (a *analyzer) tee(c *call) stream {
	args, in := c.args, c.in
	opts, ops, ok := a.getopt("tee", args, c.opts)
	if !ok {
		return in
	}
	kind := Write
	if _, ok := opts['a']; ok {
		kind = Append
	}
	for _, x := range ops {
		if x.ok && isDevice(x.s) {
			continue
		}
		p, ok := a.path("tee", x)
		if !ok {
			continue
		}
		if !in.ok {
			a.note("content written to %q not known: it %s", x.raw, in.why)
			continue
		}
		a.emit(Effect{Kind: kind, Path: p, Content: in.data})
	}
	return in
}

// umask sets the mask of the files and directories the next commands
// make, for this block and the next ones.
func (a *analyzer) umask(c *call) stream {
	args := c.args
	if len(args) == 0 {
		return stream{ok: true} // prints the mask
	}
	m := args[len(args)-1]
	v, err := strconv.ParseUint(m.s, 8, 32)
	if !m.ok || strings.HasPrefix(m.s, "-") || err != nil || v > 0o777 {
		a.note("umask %q: only an octal mask is followed: the modes of what follows are not known", m.raw)
		a.st.Umask = "?"
		return stream{ok: true}
	}
	if len(a.conds) > 0 {
		a.note("umask under a condition: the modes of what follows are not known")
		a.st.Umask = "?"
		return stream{ok: true}
	}
	a.st.Umask = fmt.Sprintf("%04o", v)
	return stream{ok: true}
}

// editor records the file a text editor opens: what the reader types
// into it is in the prose and the block that follow.
// editsElsewhere reports whether a command opens an editor on something
// that is not a file tailor writes: "crontab -e", "systemctl edit UNIT",
// visudo.
func (a *analyzer) editsElsewhere(name string, args []arg) bool {
	switch name {
	case "crontab":
		for _, x := range args {
			if x.ok && x.s == "-e" {
				return true
			}
		}
		return false
	case "systemctl":
		for _, x := range args {
			if x.ok && !strings.HasPrefix(x.s, "-") {
				return x.s == "edit"
			}
		}
		return false
	case "visudo":
		for _, x := range args {
			if x.ok && (x.s == "--check" || strings.HasPrefix(x.s, "-") && !strings.HasPrefix(x.s, "--") && strings.ContainsRune(x.s, 'c')) {
				return false // "visudo -cf FILE" checks, edits nothing
			}
		}
	}
	return true
}

func (a *analyzer) editor(c *call) stream {
	name, args := c.name, c.args
	var files []arg
	for _, x := range args {
		if x.ok && (strings.HasPrefix(x.s, "-") || strings.HasPrefix(x.s, "+")) {
			continue // options and "+LINE"
		}
		files = append(files, x)
	}
	if len(files) != 1 {
		return stream{ok: true}
	}
	if p, ok := a.path(name, files[0]); ok {
		a.emit(Effect{Kind: Open, Path: p})
	}
	return stream{ok: true}
}

// pkgInstall records the packages "apt install", "dnf install" and the
// like install: what they name is on the system afterwards.
func (a *analyzer) pkgInstall(c *call) stream {
	install := false
	for _, x := range c.args {
		switch {
		case !x.ok:
		case !install:
			install = x.s == "install" || x.s == "add" && c.name == "apk"
		case !strings.HasPrefix(x.s, "-") && !strings.ContainsAny(x.s, "/=*"):
			a.emit(Effect{Kind: Package, Name: x.s})
		}
	}
	return unknownStream("is the output of %q", c.name)
}
