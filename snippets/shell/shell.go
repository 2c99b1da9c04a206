package shell

import (
	"fmt"
	"maps"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/tailordocs/tailor/snippets/lang"
)

// State is what carries over from one shell block to the next: the
// current directory ("" when unknown) and the directories known to exist.
// The zero value is a shell whose directory is unknown and that knows of no
// directory.
type State struct {
	// Dir is the absolute current directory, with placeholders as written,
	// or "" when it is not known.
	Dir string
	// Vars holds the shell variables that earlier blocks set, with their
	// values as templates ("CONF=/etc/$APP"); a value that is not known
	// (set under a condition, from a command) is a NUL byte and why.
	Vars map[string]string
	// Umask is the mask set by umask in an earlier command, in octal
	// ("0077"); "" for the usual 0022, "?" when it is not known.
	Umask string
	// User is the user a login shell of the tutorial's runs as ("su -
	// mastodon", "sudo -i": root), "" for the reader's own shell.
	User string
	// Homes holds the home directories of the users the tutorial made
	// (adduser, useradd -m), and of root: what "~" is for them.
	Homes map[string]string
	// Dirs holds the directories that earlier commands made or entered.
	// It tells whether the last operand of "ln -s TARGET DIR" or
	// "install FILE DIR" is a directory to put the file in. A nil map is
	// empty; Analyze allocates it when it needs to.
	Dirs map[string]bool
}

// Clone returns a copy of st that Analyze can change without changing st.
func (st *State) Clone() State {
	return State{Dir: st.Dir, Vars: maps.Clone(st.Vars), Umask: st.Umask, User: st.User, Homes: maps.Clone(st.Homes), Dirs: maps.Clone(st.Dirs)}
}

// home returns the home directory of user, "" when it is not known.
func (st *State) home(user string) string {
	switch {
	case user == "":
		return ""
	case st.Homes[user] != "":
		return st.Homes[user]
	case user == "root":
		return "/root"
	}
	return ""
}

// login starts a login shell as user: in the user's home, when it is
// known.
func (st *State) login(user string) bool {
	st.User = user
	st.Dir = st.home(user)
	return st.Dir != ""
}

// Kind says what an Effect does. The zero Kind is no effect.
type Kind int

// Kinds of effects.
const (
	// Mkdir makes a directory (mkdir).
	Mkdir Kind = iota + 1
	// Chmod sets the mode of a file or directory (chmod).
	Chmod
	// Chown sets the owner and/or the group (chown, chgrp).
	Chown
	// Symlink makes a symbolic link (ln -s, a2ensite, a2enmod, a2enconf).
	Symlink
	// Touch makes an empty file unless it exists (touch).
	Touch
	// Write creates or truncates a file and writes Content to it (">",
	// tee).
	Write
	// Append adds Content at the end of a file (">>", tee -a).
	Append
	// Install copies a file, or makes a directory when IsDir is set
	// (install).
	Install
	// Cd changes the current directory (cd, pushd).
	Cd
	// Remove removes a file, or a tree when Recursive is set (rm,
	// a2dissite, a2dismod, a2disconf).
	Remove
	// Untracked changes Path in a way the analysis does not follow:
	// copied, moved or edited in place (cp, mv, rsync, sed -i, perl -i,
	// truncate, patch).
	Untracked
	// Open opens Path in a text editor (nano, vim, ...): the prose that
	// follows says what to type into it.
	Open
	// Move renames the file Target to Path (mv SRC DST).
	Move
	// Edit changes the lines of Path as Edit says (sed -i 's/A/B/').
	Edit
	// Package installs the package named Name (apt install, dnf
	// install); it has no Path.
	Package
)

var kindNames = [...]string{
	Mkdir:     "mkdir",
	Chmod:     "chmod",
	Chown:     "chown",
	Symlink:   "symlink",
	Touch:     "touch",
	Write:     "write",
	Append:    "append",
	Install:   "install",
	Cd:        "cd",
	Remove:    "remove",
	Untracked: "untracked",
	Open:      "open",
	Move:      "move",
	Edit:      "edit",
	Package:   "package",
}

// String returns the kind's name in lower case, such as "mkdir".
func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// An Effect is one change that a command makes to the file system. The
// zero Effect, of Kind 0, changes nothing.
type Effect struct {
	// Kind says what the effect does; the other fields that matter
	// depend on it.
	Kind Kind
	// Path is the file or directory changed: absolute, cleaned, with
	// placeholders written "$NAME" (or "${NAME}" when a name character
	// follows).
	Path string
	// Target is, for a Symlink, the link target as written (relative or
	// absolute, not cleaned); for a Move, the file moved, absolute; for
	// an Install of a file, the source,
	// absolute when the current directory is known and as written
	// otherwise.
	Target string
	// Mode is the mode as written for Chmod, and for Mkdir and Install
	// when -m is given ("u=rw,g=r,o=", "0640", "+x"); "" when not given.
	// For Mkdir, Write and Touch under a umask other than 0022, it is the
	// mode the umask gives ("0600"), or "?" when the umask is not known.
	// A symbolic mode is relative: for Chmod to the file's mode before;
	// for Mkdir, as with GNU mkdir, to 0777; for Install, as with GNU
	// install, to 0 ("install -m u+x" gives 0100). ApplyMode computes the
	// result.
	Mode string
	// Owner and Group are the owner and group set by Chown (either may be
	// "") and by Install -o and -g.
	Owner, Group string
	// Parents is set for mkdir -p and install -D, which make the missing
	// parent directories, and for install -d.
	Parents bool
	// Recursive is set for chmod -R, chown -R, chgrp -R and rm -r.
	Recursive bool
	// LoginGroup is set for chown "USER:" and "USER.": the group becomes
	// the user's login group, which is not known.
	LoginGroup bool
	// IsDir is set for install -d: Path is a directory to make.
	IsDir bool
	// Edit is, for an Edit, the substitution made on each line.
	Edit *Substitution
	// Content is, for Write and Append, the data written (a here-document
	// body, the output of echo or printf), with placeholders as written.
	Content string
	// Conditional is set when the command runs only under a condition:
	// inside if, while, until or case, after ||, or in a for loop whose
	// items are not known. (A for loop over known words is analysed once
	// per word, unconditionally.)
	Conditional bool
	// Line and Col are the 1-based position of the command in the block
	// text; Col counts bytes.
	Line, Col int
	// Name is, for a Package, the package's name.
	Name string
	// Cmd is the command as written, on one line, for messages
	// ("chmod u=rw,g=r,o= /etc/postfix/smtp_auth").
	Cmd string
}

// String describes the effect on one line, without its position, such as
// `chmod /etc/postfix/smtp_auth mode=u=rw,g=r,o=` or
// `symlink /etc/nginx/sites-enabled/x -> ../sites-available/x`.
func (e Effect) String() string {
	var b strings.Builder
	if e.Kind == Package {
		return "package " + e.Name
	}
	b.WriteString(e.Kind.String())
	b.WriteString(" ")
	b.WriteString(e.Path)
	if e.Kind == Open && e.Path == "" {
		b.WriteString("an editor on what tailor does not make")
	}
	switch {
	case e.Kind == Symlink:
		b.WriteString(" -> " + e.Target)
	case e.Target != "":
		b.WriteString(" from " + e.Target)
	}
	if e.IsDir {
		b.WriteString(" dir")
	}
	if e.Edit != nil {
		b.WriteString(" " + e.Edit.Script)
	}
	if e.Mode != "" {
		b.WriteString(" mode=" + e.Mode)
	}
	if e.Owner != "" {
		b.WriteString(" owner=" + e.Owner)
	}
	if e.LoginGroup {
		b.WriteString(" group=(login group)")
	}
	if e.Group != "" {
		b.WriteString(" group=" + e.Group)
	}
	if e.Parents {
		b.WriteString(" parents")
	}
	if e.Recursive {
		b.WriteString(" recursive")
	}
	if e.Kind == Write || e.Kind == Append {
		b.WriteString(" " + strconv.Quote(e.Content))
	}
	if e.Conditional {
		b.WriteString(" (conditional)")
	}
	return b.String()
}

// A Note says why something in a block was not understood, or was
// understood only in part. Line and Col are 1-based, in the block text.
type Note struct {
	Line, Col int
	Msg       string
}

// String formats the note as "line:col: msg".
func (n Note) String() string {
	return fmt.Sprintf("%d:%d: %s", n.Line, n.Col, n.Msg)
}

// IsShell reports whether a code block language name is a shell: "bash",
// "sh", "shell", "zsh", "ksh", "console", "shell-session" and the like,
// case-insensitive. The names are those of package snippets/lang.
func IsShell(name string) bool { return lang.IsShell(name) }

// Analyze parses one shell block (its text as shown in the tutorial; name
// is the block's language, such as "bash", "sh", "console" or
// "shell-session", or "" for an untagged block) and returns its effects in
// order, updating st. st may be nil.
//
// In a console block (or any block whose first line starts with a "$"
// prompt such as "$ " or "user@host:~$ ") only the lines with a prompt
// ("$ ", "# ", "user@host:~$ ", "(venv) $ ") are commands, with the
// continuation lines of an unfinished command (written "> " or not); the
// other lines are output.
//
// A block that does not parse is returned as a single Note with the
// parser's position and message; its effects are unknown, and if it seems
// to change directory the current directory becomes unknown.
func Analyze(text, name string, st *State) ([]Effect, []Note) {
	if st == nil {
		st = new(State)
	}
	var res results
	a := newAnalyzer(st, &res)
	console := lang.IsConsole(name) || startsWithDollarPrompt(text)
	f, err := a.parse(text, console)
	if err != nil {
		line, col := a.errPos(err)
		res.notes = append(res.notes, Note{Line: line, Col: col, Msg: errMsg(err)})
		if changesDir(text) {
			st.Dir = ""
		}
		return nil, res.notes
	}
	for _, s := range f.Stmts {
		a.promptDir(s)
		a.stmt(s, stream{ok: true}, false)
	}
	// the variables the next block sees
	for name, v := range a.vars {
		if st.Vars == nil {
			st.Vars = make(map[string]string)
		}
		switch {
		case v.ok && v.cond == 0:
			st.Vars[name] = v.s
		case v.ok:
			st.Vars[name] = "\x00uses $" + name + ", which an earlier block sets inside a conditional command"
		default:
			st.Vars[name] = "\x00" + v.why
		}
	}
	return res.effects, res.notes
}

// errMsg returns the parser's message without its position.
func errMsg(err error) string {
	switch e := err.(type) {
	case syntax.ParseError:
		return "shell syntax: " + e.Text
	case syntax.LangError:
		msg := e.Error()
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
		return "shell syntax: " + msg
	}
	return "shell syntax: " + err.Error()
}

// changesDir reports whether a block that does not parse has, in what the
// parser could recover of it, a command that changes directory.
func changesDir(text string) (found bool) {
	p := syntax.NewParser(syntax.RecoverErrors(8))
	f, _ := p.Parse(strings.NewReader(text), "")
	if f == nil {
		return true
	}
	syntax.Walk(f, func(n syntax.Node) bool {
		if c, ok := n.(*syntax.CallExpr); ok && len(c.Args) > 0 {
			switch c.Args[0].Lit() {
			case "cd", "pushd", "popd":
				found = true
			}
		}
		return !found
	})
	return found
}
