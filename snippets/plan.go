package snippets

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/snippets/shell"
)

// Op is what a code block does to its target file.
type Op string

// The operations of SPEC section 4.
const (
	OpNone   Op = "none"
	OpCreate Op = "create"
	OpAppend Op = "append"
	OpInsert Op = "insert"
	OpCheck  Op = "check"
	OpSkip   Op = "skip"
)

// A Step is the decision for one code block.
type Step struct {
	Doc  *content.Doc
	File *content.File // the file holding the block (an included file inside an include)
	Code *content.Code
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
	// Subst is false when the annotation turns substitution off.
	Subst bool
}

// Pos returns the position of the block's first content line.
func (s *Step) Pos() content.Position {
	return content.Position{Filename: s.File.Name, Line: s.Code.Line, Column: s.Code.Indent + 1}
}

// A Line is one line of a generated file, with where it came from.
type Line struct {
	Text  string
	Subst bool // fill placeholders in it
	Lang  string
	File  *content.File
	Line  int // 1-based line in File
	// Col is the 1-based source column of Text[Pad]: the first Pad bytes
	// of Text are indentation an insert added, not from the source.
	Col int
	Pad int
}

// A Source is a step that contributed to a file, directory or link.
type Source struct {
	Step *Step
	Op   Op
	By   string
	// Line is the source line of a shell command; 0 means the block's
	// first line.
	Line int
}

// A File is a file the tutorial creates (Whole) or adds to (a fragment
// merged into a file that exists on the system already). Paths and lines
// keep their placeholders.
type File struct {
	Path  string
	Whole bool
	Lines []Line
	Lang  string
	Mode  string // octal, "" when the tutorial sets none
	Owner string
	Group string
	// Before and After anchor a fragment inserted into a system file.
	Before, After string
	// Validate is a command that checks the finished file, "%s" standing
	// for its path ("nginx -t -c %s"), from an annotation; "" for none.
	Validate string
	// ValidatePos is where the command is given.
	ValidatePos content.Position
	Sources     []Source
}

// A Dir is a directory the tutorial creates or whose mode or owner it sets.
type Dir struct {
	Path    string
	Mode    string
	Owner   string
	Group   string
	Sources []Source
}

// A Link is a symbolic link the tutorial makes.
type Link struct {
	Path    string
	Target  string
	Sources []Source
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
}

// Analyze decides what every code block of docs does, in page order, and
// simulates the result. docs must already hold only the content that
// applies (conditional content filtered). Diagnostics are sorted.
func Analyze(docs []*content.Doc) (*Plan, content.Diagnostics) {
	a := &analyzer{
		plan:  &Plan{},
		files: map[string]*File{},
		dirs:  map[string]*Dir{},
		links: map[string]*Link{},
		known: map[string]bool{},
		empty: map[string]bool{},
	}
	for _, d := range docs {
		a.doc(d)
	}
	a.danglingLinks()
	a.diags.Sort()
	return a.plan, a.diags
}

// danglingLinks warns about links to a client's own file (its path holds
// a placeholder, so no system has it already) that the tutorial does not
// make: installed, such a link points at nothing (nginx will not start
// with a dangling sites-enabled link).
func (a *analyzer) danglingLinks() {
	for _, l := range a.plan.Links {
		t := l.Target
		if !strings.HasPrefix(t, "/") {
			t = path.Join(path.Dir(l.Path), t)
		}
		t = path.Clean(t)
		if len(placeholder.Scan(t)) == 0 || a.files[t] != nil || a.dirs[t] != nil || a.known[t] || len(l.Sources) == 0 {
			continue
		}
		if !strings.HasPrefix(t, "/etc/") || strings.HasPrefix(t, "/etc/letsencrypt/") {
			continue // files that tools make (certbot), or not configuration
		}
		src := l.Sources[len(l.Sources)-1]
		line := src.Line
		if line == 0 {
			line = src.Step.Code.Line
		}
		f := src.Step.File
		a.diags.Warnf(f.Position(f.LineStart(line)+src.Step.Code.Indent), "%s links to %s, which the tutorial does not make: installed, the link would point at nothing", l.Path, t)
	}
}

type mention struct {
	tok   token
	isDir bool
	sent  sentence
	para  int // the paragraph it is in, counted from the start
}

type analyzer struct {
	plan  *Plan
	diags content.Diagnostics
	files map[string]*File
	dirs  map[string]*Dir
	links map[string]*Link
	known map[string]bool // directories known to exist
	// empty holds the files a sentence creates without a block ("Create
	// the file X."): what is added to them next makes a whole file
	empty map[string]bool
	// paras counts the paragraphs read so far; paraAtCode is the count
	// when the last code block was read, lastCode that block
	paras, paraAtCode int
	lastCode          *content.Code
	// opened is the file an editor command opened ("sudo nano X"), in
	// the code block openedCode
	opened     string
	openedCode *content.Code
	cur        *content.Code // the block being read
	lastFile   string        // the file of the page's last file operation
	openedNew  bool          // the text before the editor command creates the file

	doc0     *content.Doc
	file     *content.File
	shell    shell.State
	shellSec int // section counter when the directory was last set
	section  int
	secTitle string
	mentions []mention
	sents    []sentence
	prev     *Step
}

func (a *analyzer) pos(off int) content.Position { return a.file.Position(off) }

func (a *analyzer) doc(d *content.Doc) {
	a.doc0, a.file = d, d.File
	a.shell = shell.State{}
	a.lastFile = ""
	a.enterSection("")
	a.blocks(d.Blocks)
}

func (a *analyzer) enterSection(title string) {
	a.section++
	a.secTitle = title
	a.mentions = a.mentions[:0]
	a.sents = a.sents[:0]
	a.prev = nil
}

// blocks walks a sequence of sibling blocks.
func (a *analyzer) blocks(bs []content.Block) {
	for i, b := range bs {
		switch n := b.(type) {
		case *content.Section:
			a.enterSection(content.PlainText(n.Title))
			a.blocks(n.Blocks)
		case *content.Paragraph:
			a.paras++
			a.paragraph(n.Inlines)
		case *content.Code:
			a.code(n, introOf(bs, i))
			a.lastCode, a.paraAtCode = n, a.paras
		case *content.Include:
			saved := a.file
			if n.File != nil {
				a.file = n.File
			}
			a.blocks(n.Blocks)
			a.file = saved
		default:
			for _, p := range content.Parts(b) {
				a.blocks(p)
			}
		}
	}
}

// introOf returns the paragraph that introduces bs[i]: the sibling right
// before it, comments and targets skipped.
func introOf(bs []content.Block, i int) *content.Paragraph {
	for j := i - 1; j >= 0; j-- {
		switch n := bs[j].(type) {
		case *content.Comment, *content.Target:
			continue
		case *content.Paragraph:
			return n
		}
		return nil
	}
	return nil
}

// paragraph records the paths a paragraph mentions.
func (a *analyzer) paragraph(inlines []content.Inline) {
	for _, s := range sentences(tokenize(inlines)) {
		a.sents = append(a.sents, s)
		a.mentionsOf(s)
		if len(s) > 0 && s[len(s)-1].text == "." {
			// "Create the file X." introduces no block: X starts empty
			if in := parseIntent(s); in != nil && in.op == OpCreate && in.target != nil && !in.describes {
				if p := a.absolute(in.target.text); p != "" && !strings.HasSuffix(in.target.text, "/") {
					a.empty[p] = true
				}
			}
		}
	}
}

func (a *analyzer) mentionsOf(s sentence) {
	for i, t := range s {
		named := i > 0 && !s[i-1].literal && (fileNouns[s[i-1].lower] || dirNouns[s[i-1].lower])
		if classifyPath(t, named) == notPath {
			continue
		}
		isDir := strings.HasSuffix(t.text, "/")
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			if !s[k].literal && dirNouns[s[k].lower] {
				isDir = true
			}
		}
		if p := a.absolute(t.text); p != "" && a.known[p] {
			isDir = true
		}
		a.mentions = append(a.mentions, mention{tok: t, isDir: isDir, sent: s, para: a.paras})
	}
}

// shellMention records a path a shell step makes or changes, for the
// prose after it: "that file", "it", "that directory".
func (a *analyzer) shellMention(p string, isDir bool) {
	a.mentions = append(a.mentions, mention{tok: token{text: p, lower: strings.ToLower(p), literal: true, pos: -1}, isDir: isDir, para: a.paras})
}

// absolute returns a cleaned absolute template path, or "" when t is not
// absolute.
func (a *analyzer) absolute(p string) string {
	if !strings.HasPrefix(p, "/") {
		return ""
	}
	return path.Clean(p)
}

// annotation keys and their meaning are checked here; the readers only
// check the syntax.
var annotationKeys = []string{"after", "before", "file", "group", "mode", "op", "owner", "subst", "validate"}

type annot struct {
	file, op, mode, owner, group, before, after, validate string
	subst                                                 bool
}

func (a *analyzer) readAnnotation(c *content.Code) (*annot, bool) {
	ann := c.Annotation
	if ann == nil {
		return nil, true
	}
	at := a.pos(ann.Pos)
	r := &annot{subst: true}
	ok := true
	for _, kv := range ann.Attrs {
		switch kv.Name {
		case "file":
			if strings.TrimSpace(kv.Value) == "" {
				a.diags.Errorf(at, "file= in tailor annotation is empty: give the file's path")
				ok = false
			}
			r.file = kv.Value
		case "op":
			switch Op(kv.Value) {
			case OpCreate, OpAppend, OpInsert, OpCheck, OpSkip:
				r.op = kv.Value
			default:
				a.diags.Errorf(at, "unknown op %q in tailor annotation: use create, append, insert, check or skip", kv.Value)
				ok = false
			}
		case "mode":
			if _, err := shell.ApplyMode(kv.Value, 0o644, false); err != nil {
				a.diags.Errorf(at, "bad mode %q in tailor annotation: %v", kv.Value, err)
				ok = false
			}
			r.mode = kv.Value
		case "owner":
			r.owner = kv.Value
			if o, g, ok := strings.Cut(kv.Value, ":"); ok { // chown's user:group
				r.owner, r.group = o, g
			}
		case "group":
			r.group = kv.Value
		case "before":
			r.before = kv.Value
		case "after":
			r.after = kv.Value
		case "validate":
			r.validate = kv.Value
		case "subst":
			switch kv.Value {
			case "on", "true", "yes":
				r.subst = true
			case "off", "false", "no":
				r.subst = false
			default:
				a.diags.Errorf(at, "subst=%q in tailor annotation: use on or off", kv.Value)
				ok = false
			}
		case "class", "id", "title", "linenos", "hl_lines", "caption":
			// Markdown info-string attributes that are not tailor's
		default:
			hint := ""
			if s := placeholder.Suggest(kv.Name, annotationKeys); s != "" {
				hint = fmt.Sprintf(" (did you mean %s?)", s)
			}
			a.diags.Errorf(at, "unknown key %q in tailor annotation%s; known keys: %s", kv.Name, hint, strings.Join(annotationKeys, ", "))
			ok = false
		}
	}
	if r.before != "" && r.after != "" {
		a.diags.Errorf(at, "tailor annotation has both before and after: keep one")
		ok = false
	}
	return r, ok
}

// nonFileLangs are languages of blocks that are never files.
var nonFileLangs = map[string]bool{
	"console": true, "shell-session": true, "pycon": true, "doscon": true,
	"pwsh-session": true, "ps1con": true, "psql": true, "output": true,
}

func (a *analyzer) code(c *content.Code, intro *content.Paragraph) {
	st := &Step{Doc: a.doc0, File: a.file, Code: c, Op: OpNone, Subst: true}
	a.plan.Steps = append(a.plan.Steps, st)
	a.cur = c
	lang := strings.ToLower(c.Lang)

	ann, ok := a.readAnnotation(c)
	if !ok {
		st.Note = "annotation has errors"
		return
	}
	if ann != nil {
		st.Subst = ann.subst
		if ann.op == string(OpSkip) {
			st.By = "annotation"
			st.Note = "skipped by annotation"
			return
		}
	}

	// The intent of the prose, if any.
	var in *intent
	var introSents []sentence
	if intro != nil {
		introSents = sentences(tokenize(intro.Inlines))
		if n := len(introSents); n > 0 {
			var opened *token
			if n > 1 {
				opened = openedIn(introSents[n-2])
			}
			in = parseIntentIn(introSents[n-1], opened)
			// key is the sentence that introduces the block: the last,
			// or one before sentences that only explain ("Paste in the
			// following. It runs three workers as sammy.")
			key := n - 1
			commands := shell.IsShell(lang) || (lang == "" || lang == "text" || lang == "none") && shell.LooksLikeShell(c.Text)
			if in == nil && !commands {
				for k := n - 2; k >= 0 && explains(introSents[k+1:]); k-- {
					var op *token
					if k > 0 {
						op = openedIn(introSents[k-1])
					}
					if cand := parseIntentIn(introSents[k], op); cand != nil {
						in, key = cand, k
						break
					}
					if asks, strong := asksToType(introSents[k]); asks && strong {
						key = k
						break
					}
				}
			}
			if in != nil && in.near && (key < 1 || !mentionsFile(introSents[key-1])) {
				if in.op == OpAppend && continues(introSents[key]) {
					// "Edit it again and add:": the file of the block just before, if any
					in.ref, in.near = refContinue, false
				} else {
					in = nil // "It should look like this" about no file named just before
				}
			}
			switch {
			case a.openedCode == nil || a.openedCode != a.lastCode || a.paras-a.paraAtCode > 1:
			case a.opened == "" || closesEditor(introSents):
				// "crontab -e", then "Add this line:"; "Close it without
				// changes. Then ...": not the file of an editor command
				if in != nil && in.target == nil {
					in = nil
				}
			default:
				// "sudo nano X", then "Paste in the following:" or "Add
				// this at the end of the file:": into X
				asks, strong := asksToType(introSents[key])
				lines := !shell.IsShell(lang) && !nonFileLangs[lang] && lang != "none" &&
					(strong || !shell.LooksLikeShell(c.Text)) && !startsWithCommand(c.Text) // "type the following" over a command
				if strong && langOfPath(a.opened) == "sh" && !nonFileLangs[lang] {
					lines = true // "sudo nano deploy.sh", "Add the following:": commands are the script's lines
				}
				if placesIt(introSents[key]) || !a.mayAppendTo(a.opened, lang, c.Text) {
					// "Just before the </VirtualHost> line, add:": a place in
					// the file that the text does not name so tailor can find it
					lines = false
				}
				switch {
				case in == nil && asks && lines:
					in = &intent{op: OpAppend, ref: refOpened, by: phrase(introSents[key], 0, nil)}
				case in != nil && in.target == nil && (in.ref == refContinue || in.ref == refThatFile) && lines:
					in.ref = refOpened
				}
				if in != nil && in.ref == refOpened && in.op == OpAppend && a.files[a.opened] == nil && (a.openedNew || strings.HasPrefix(c.Text, "#!")) {
					in.op = OpCreate // a new file, or a script from its first line: the block is all of it
				}
			}
		}
	}
	if in != nil && isSession(c.Text) {
		// ">>> import app", "postgres=# SELECT ...": typed at a prompt
		in = nil
		st.Note = "an interactive session, not lines of a file"
	}
	if in != nil {
		for _, d := range in.dirs {
			if p := a.absolute(d.text); p != "" {
				a.known[p] = true
			}
		}
	}

	target, op, by := "", OpNone, ""
	switch {
	case ann != nil && ann.file != "":
		if strings.HasSuffix(ann.file, "/") {
			a.diags.Errorf(a.pos(c.Annotation.Pos), "file=%q in tailor annotation names a directory, not a file", ann.file)
			st.Note = "annotation names a directory"
			return
		}
		target = a.resolveName(ann.file)
		if target == "" {
			a.diags.Errorf(a.pos(c.Annotation.Pos), "file=%q in tailor annotation: give an absolute path", ann.file)
			st.Note = "annotation names a relative file"
			return
		}
		op, by = OpCreate, "annotation"
		if in != nil && in.op != OpNone && in.op != "" {
			op = in.op
		}
	case captionPath(c.Caption) != "":
		target = a.resolveName(captionPath(c.Caption))
		if target == "" {
			st.Note = fmt.Sprintf("caption %q: cannot tell which directory it is in", captionPath(c.Caption))
			break
		}
		op, by = OpCreate, "caption"
		if in != nil && in.op != OpNone && in.op != "" {
			op = in.op
		}
	case !a.scriptGoesOn(in) && (in != nil && in.ref == refContinue && (shell.IsShell(lang) || (lang == "" || lang == "text") && shell.LooksLikeShell(c.Text)) ||
		in != nil && in.ref == refOpened && shell.IsShell(lang)):
		// "To make it permanent, add the following:" over commands
		st.Note = "commands, not lines of the file before"
	case in != nil && in.op != OpNone && !nonFileLangs[lang]:
		var why string
		target, why = a.resolveIntent(in, introSents, lang)
		if target == "" {
			st.Note = why
			if in.op == OpInsert {
				a.diags.Warnf(st.Pos(), "nothing inserted: %s", why)
			}
			break
		}
		op, by = in.op, "inferred: "+in.by
		if in.op == OpCheck && a.files[target] == nil && !in.describes && in.target != nil {
			// "Now, X should look like this" of a file not made yet: the
			// whole file, for a reader who starts here
			op = OpCreate
		}
		if in.copula && op == OpCreate && a.files[target] != nil && a.files[target].Whole {
			// "X should contain:" of a file the tutorial has made: what it
			// holds by now, not a new file in its place
			op = OpCheck
		}
		if in.describes {
			if a.files[target] == nil {
				st.Note = fmt.Sprintf("the text says what %s holds, and the tutorial has not made it: an excerpt, not written", target)
				target, op, by = "", OpNone, ""
				break
			}
			op = OpCheck
		}
		if shell.IsShell(lang) && a.shellWrites(c.Text, lang, target) {
			// "Create X:" over "cat > X <<EOF": the commands make X.
			target, op, by = "", OpNone, ""
		}
	}
	if ann != nil && ann.op != "" {
		op = Op(ann.op)
		if target == "" {
			a.diags.Errorf(a.pos(c.Annotation.Pos), "op=%s in tailor annotation needs a file: add file=PATH", ann.op)
			return
		}
	}
	if ann != nil && (ann.before != "" || ann.after != "") {
		op = OpInsert
		in = &intent{op: OpInsert, anchor: ann.before, where: beforeLine}
		if ann.after != "" {
			in.anchor, in.where = ann.after, afterLine
		}
	}

	if target == "" {
		if shell.IsShell(lang) || (lang == "" || lang == "text" || lang == "none") && shell.LooksLikeShell(c.Text) {
			a.shellBlock(st, lang, len(introSents) > 0 && offersChoice(introSents[len(introSents)-1]))
			if a.openedCode == c {
				// "Create a new unit file:" over "sudo nano X": X is new
				a.openedNew = len(introSents) > 0 && asksToCreate(introSents[len(introSents)-1])
			}
			return
		}
		if st.Note == "" && in == nil && intro == nil {
			st.Note = "no text introduces the block"
		} else if st.Note == "" && len(introSents) > 0 && editsInPlace(introSents[len(introSents)-1]) {
			st.Note = "the text asks to change lines in place, which tailor does not do: not written"
		} else if st.Note == "" {
			st.Note = "the text before the block asks for no file"
		}
		return
	}
	if strings.ContainsRune(target, 0) {
		a.diags.Errorf(st.Pos(), "target path contains a NUL byte")
		return
	}
	if v := shellVariable(target); v != "" && by != "annotation" {
		// "/home/$USER/.vimrc", "/etc/$1.conf": a file of the reader's, or
		// of a loop, not one tailor can name
		st.Note = fmt.Sprintf("%s holds the shell variable %s: no file of its own", target, v)
		return
	}
	if strings.HasSuffix(target, "/") || target == "/" {
		a.diags.Errorf(st.Pos(), "target %s names a directory, not a file", target)
		return
	}
	target = a.follow(target) // "add to sites-enabled/app": the file it links to
	if by != "annotation" && op != OpCheck && elided(c.Text, langOr(lang, langOfPath(target))) {
		// "global\n    ...\nfrontend www": an excerpt with lines left out
		st.Note = fmt.Sprintf("the block leaves lines out (...): not written to %s", target)
		return
	}
	st.Target, st.Op, st.By = target, op, by
	if op == OpCreate && a.files[target] != nil && a.files[target].Whole && isSummary(a.secTitle) {
		st.Op = OpCheck
	}
	a.apply(st, lang, in, ann)
	a.prev = st
	if st.Target != "" && st.Op != OpCheck {
		a.lastFile = st.Target
	}
}

// shellVariable returns the first "$..." of a path that is not a
// placeholder a client can fill ($1, $user, $HOME, $(cmd)), or "".
func shellVariable(p string) string {
	refs := placeholder.Scan(p)
	k := 0
	for i := 0; i < len(p); i++ {
		if p[i] != '$' {
			continue
		}
		for k < len(refs) && refs[k].End <= i {
			k++
		}
		if k < len(refs) && refs[k].Start == i {
			if name := refs[k].Name; readerVars[name] {
				return "$" + name
			}
			i = refs[k].End - 1
			continue
		}
		end := i + 1
		if end < len(p) && p[end] == '{' {
			if j := strings.IndexByte(p[end:], '}'); j > 0 {
				return p[i : end+j+1]
			}
		}
		for end < len(p) && (p[end] == '_' || p[end] >= '0' && p[end] <= '9' || p[end] >= 'a' && p[end] <= 'z' || p[end] >= 'A' && p[end] <= 'Z') {
			end++
			if p[i+1] >= '0' && p[i+1] <= '9' {
				break // $1
			}
		}
		if end == i+1 && end < len(p) {
			end++ // $(, $$
		}
		return p[i:end]
	}
	return ""
}

// readerVars are environment variables of the reader's shell, never values
// of a client.
var readerVars = map[string]bool{"HOME": true, "USER": true, "LOGNAME": true, "PWD": true, "OLDPWD": true, "SHELL": true, "TMPDIR": true, "HOSTNAME": true, "UID": true}

// captionPath returns a caption that names a file ("/etc/hosts", or the
// same in an inline literal), or "".
func captionPath(c string) string {
	c = strings.TrimSpace(c)
	if strings.HasPrefix(c, "``") && strings.HasSuffix(c, "``") && len(c) > 4 {
		c = c[2 : len(c)-2]
	} else if strings.HasPrefix(c, "`") && strings.HasSuffix(c, "`") && len(c) > 2 {
		c = c[1 : len(c)-1]
	}
	if c == "" || classifyPath(token{text: c, literal: true}, true) == notPath {
		return ""
	}
	return c
}

// isSummary reports whether a section title names a summary, whose blocks
// restate what the tutorial did.
func isSummary(title string) bool {
	t := strings.ToLower(title)
	for _, w := range []string{"summary", "recap", "cheat sheet", "cheatsheet", "in short", "tl;dr"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// resolveName resolves a path as written to an absolute template path, or
// "" when it cannot: relative names resolve against the known files with
// that base name, then against the shell's directory set in this section.
func (a *analyzer) resolveName(p string) string {
	if strings.HasPrefix(p, "/") || strings.HasPrefix(p, "$") && strings.Contains(p, "/") && !userDirRef(p) {
		return path.Clean(p) // "$CONF_DIR/app.ini" is checked once filled in
	}
	if strings.HasPrefix(p, "~") {
		return ""
	}
	var match []string
	for _, f := range a.plan.Files {
		if strings.HasSuffix(f.Path, "/"+p) {
			match = append(match, f.Path)
		}
	}
	if len(match) == 1 {
		return match[0]
	}
	if len(match) == 0 && !strings.Contains(p, "/") {
		// "Open /etc/postgresql/15/main/postgresql.conf." then "add ...
		// at the end of postgresql.conf": the one path of the section
		// with that name
		seen := map[string]bool{}
		for _, m := range a.mentions {
			if abs := a.absolute(m.tok.text); abs != "" && path.Base(abs) == p && !seen[abs] {
				seen[abs] = true
				match = append(match, abs)
			}
		}
		if len(match) == 1 {
			return match[0]
		}
	}
	if a.shell.Dir != "" && a.shellSec == a.section {
		return path.Join(a.shell.Dir, p)
	}
	return ""
}

// resolveIntent finds the file an intent is about. It returns "" and the
// reason when it cannot tell.
func (a *analyzer) resolveIntent(in *intent, sents []sentence, lang string) (string, string) {
	if in.target != nil {
		name := in.target.text
		if strings.HasPrefix(name, "~") || userDirRef(name) {
			return "", fmt.Sprintf("%s is a file of the reader's own home directory, not of the server", name)
		}
		if in.dir != nil && !strings.HasPrefix(name, "/") {
			if d := a.absolute(in.dir.text); d != "" {
				return path.Join(d, name), ""
			}
		}
		if in.sameDir && !strings.HasPrefix(name, "/") {
			// "in the same directory": the one of the file or directory
			// named last
			for i := len(a.mentions) - 1; i >= 0; i-- {
				m := a.mentions[i]
				if m.tok.pos == in.target.pos {
					continue
				}
				d := a.absolute(m.tok.text)
				if !m.isDir && d != "" {
					d = path.Dir(d)
				}
				if d != "" {
					return path.Join(d, name), ""
				}
			}
			return "", fmt.Sprintf("%q is in the same directory as a file the text does not name", name)
		}
		if in.inDir && !strings.HasPrefix(name, "/") {
			for i := len(in.dirs) - 1; i >= 0; i-- {
				if d := a.absolute(in.dirs[i].text); d != "" {
					return path.Join(d, name), ""
				}
			}
			for i := len(a.mentions) - 1; i >= 0; i-- {
				if m := a.mentions[i]; m.isDir {
					if d := a.absolute(m.tok.text); d != "" {
						return path.Join(d, name), ""
					}
				}
			}
			if a.shell.Dir != "" && a.shellSec == a.section {
				return path.Join(a.shell.Dir, name), "" // the one the shell is in
			}
			return "", fmt.Sprintf("%q is inside a directory the text does not name", name)
		}
		if p := a.resolveName(name); p != "" {
			return p, ""
		}
		return "", fmt.Sprintf("relative name %q: cannot tell which directory it is in", name)
	}
	switch in.ref {
	case refOpened:
		return a.opened, ""
	case refContinue:
		// the file of the block just before, when only this block's
		// introduction, a sentence of its own, comes between them; else
		// one that this paragraph or the one before creates or opens
		// ("Create the file X." "Add:"). "Then add the following:" alone
		// goes on only when both blocks are marked as the same language:
		// after a password file, a line for main.cf may follow.
		if a.prev != nil && a.prev.Target != "" && a.prev.Code == a.lastCode && a.paras-a.paraAtCode <= 1 && len(sents) == 1 &&
			(continues(sents[0]) || sameFileLang(a.prev.Code.Lang, lang) && !isSession(a.cur.Text)) {
			return a.prev.Target, ""
		}
		for i := len(a.mentions) - 1; i >= 0; i-- {
			m := a.mentions[i]
			if m.para < a.paras-1 {
				break
			}
			if m.isDir {
				continue
			}
			if len(m.sent) == 0 || m.sent[len(m.sent)-1].text == ":" {
				continue // that sentence introduced a block of its own
			}
			opened := openedIn(m.sent)
			made := parseIntent(m.sent)
			if opened != nil && opened.pos == m.tok.pos || made != nil && made.op == OpCreate && made.target != nil && made.target.pos == m.tok.pos {
				if p := a.resolveName(m.tok.text); p != "" {
					return p, ""
				}
			}
		}
		return "", "the text names no file it is working on"
	case refThatFile:
		// the last file-like path mentioned before, in this sentence,
		// this paragraph, then this section; a bare "it" reaches back
		// one paragraph only ("Start it: systemctl start app", "add the
		// following to it" is not about a file named before that)
		it := false
		if n := len(sents); n > 0 {
			last := sents[n-1]
			it = last.hasWords("it") && !last.hasWords("that", "file") && !last.hasWords("this", "file") && !last.hasWords("same", "file")
		}
		for i := len(a.mentions) - 1; i >= 0; i-- {
			m := a.mentions[i]
			if it && m.para < a.paras-1 {
				break
			}
			if m.isDir {
				continue
			}
			if p := a.resolveName(m.tok.text); p != "" {
				return p, ""
			}
		}
		if n := len(sents); n > 0 && a.lastFile != "" && sents[n-1].hasWords("same", "file") {
			return a.lastFile, "" // "Add this to the same file:" in the next section
		}
		return "", "\"that file\": no file is named before"
	case refNounPhrase:
		np := strings.Join(in.np, " ")
		for i := len(a.sents) - 1; i >= 0; i-- {
			s := a.sents[i]
			if !strings.Contains(s.lowerText(), np) {
				continue
			}
			var paths []string
			for _, t := range s {
				if classifyPath(t, false) != notPath {
					if p := a.resolveName(t.text); p != "" {
						paths = append(paths, p)
					}
				}
			}
			if len(paths) == 1 {
				return paths[0], ""
			}
		}
		return "", fmt.Sprintf("%q: no earlier sentence of the section names its file", np)
	case refAnchor:
		return a.fileWithAnchor(in)
	}
	return "", "no file named"
}

// fileWithAnchor finds the file that holds the place an insert names (a
// line, or a block) exactly once: the file of the block before if it
// does, else the most recently made whole file that does.
func (a *analyzer) fileWithAnchor(in *intent) (string, string) {
	holds := func(f *File) bool {
		if f == nil || !f.Whole {
			return false
		}
		if in.where == blockEnd {
			_, _, n := findBlock(f.Lines, in.block)
			return n == 1
		}
		return len(matchLines(f.Lines, in.anchor)) == 1
	}
	if a.prev != nil && holds(a.files[a.prev.Target]) {
		return a.prev.Target, ""
	}
	for i := len(a.plan.Files) - 1; i >= 0; i-- {
		if f := a.plan.Files[i]; holds(f) {
			return f.Path, ""
		}
	}
	if in.where == blockEnd {
		return "", fmt.Sprintf("no file made so far has one %s block", in.block)
	}
	return "", fmt.Sprintf("no file made so far holds the line %q", in.anchor)
}

// blockLines turns a code block into file lines.
func blockLines(c *content.Code, f *content.File, lang string, subst bool) []Line {
	if c.Text == "" {
		return nil
	}
	texts := strings.Split(c.Text, "\n")
	lines := make([]Line, len(texts))
	for i, t := range texts {
		lines[i] = Line{Text: strings.TrimRight(t, " \t"), Subst: subst, Lang: lang, File: f, Line: c.Line + i, Col: c.Indent + 1}
	}
	return lines
}

func (a *analyzer) fileFor(p string) *File {
	f := a.files[p]
	if f == nil {
		f = &File{Path: p}
		a.files[p] = f
		a.plan.Files = append(a.plan.Files, f)
	}
	return f
}

// apply performs a file operation on the simulated file system.
func (a *analyzer) apply(st *Step, lang string, in *intent, ann *annot) {
	if lang == "" || lang == "text" || lang == "none" {
		if guess := langOfPath(st.Target); guess != "" {
			lang = guess // a "::" block added to settings.py is Python
		}
	}
	lines := blockLines(st.Code, st.File, lang, st.Subst)
	src := Source{Step: st, Op: st.Op, By: st.By}
	f := a.files[st.Target]
	if (st.Op == OpAppend || st.Op == OpInsert) && (f == nil || !f.Whole) && commentLeader(lang, st.Target) == "" {
		a.diags.Warnf(st.Pos(), "%s is a file the system has, and its format has no comments to mark what tailor adds: nothing merged; give the whole file instead", st.Target)
		st.Note = "cannot merge into a format without comments"
		return
	}
	switch st.Op {
	case OpCreate:
		f = a.fileFor(st.Target)
		f.Whole = true
		f.Lines = lines
		f.Before, f.After = "", ""
		if lang != "" {
			f.Lang = lang
		}
	case OpAppend:
		if f != nil && f.Whole {
			if ins, ok := a.insideBlock(f, st, lines); ok {
				f.Lines = ins
				src.Op = OpInsert
				break
			}
		}
		if f != nil && !f.Whole && (f.Before != "" || f.After != "") {
			a.oneBlock(st, f, "at the end")
		}
		f = a.fileFor(st.Target)
		if len(f.Sources) == 0 && a.empty[st.Target] {
			f.Whole = true // created empty by the text before
		}
		f.Lines = append(f.Lines, lines...)
		if f.Lang == "" {
			f.Lang = lang
		}
	case OpInsert:
		if in == nil {
			a.diags.Errorf(st.Pos(), "op=insert needs to know where: add before=LINE or after=LINE to the annotation, or say where in the text")
			st.Note = "insert without a place"
			return
		}
		if f == nil || !f.Whole {
			if in.where != beforeLine && in.where != afterLine {
				a.diags.Warnf(st.Pos(), "cannot insert into %s: the tutorial does not make that file, and only \"before\" or \"after\" a line can be merged into a file on the system; nothing inserted", st.Target)
				st.Note = "nothing inserted into " + st.Target + ", a file the tutorial does not make"
				st.Op, st.Target = OpNone, ""
				return
			}
			if f != nil && len(f.Lines) > 0 {
				where := "after the line " + strconv.Quote(in.anchor)
				if in.where == beforeLine {
					where = "before the line " + strconv.Quote(in.anchor)
				}
				if in.where == beforeLine && f.Before != in.anchor || in.where == afterLine && f.After != in.anchor {
					a.oneBlock(st, f, where)
				}
				f.Lines = append(f.Lines, lines...)
				break
			}
			f = a.fileFor(st.Target)
			if in.where == beforeLine {
				f.Before = in.anchor
			} else {
				f.After = in.anchor
			}
			f.Lines = append(f.Lines, lines...)
			if f.Lang == "" {
				f.Lang = lang
			}
			break
		}
		out, err := insertLines(f.Lines, lines, in)
		if err != "" {
			a.diags.Warnf(st.Pos(), "%s in %s; nothing inserted", err, st.Target)
			st.Note = "nothing inserted into " + st.Target + ": " + err
			st.Op, st.Target = OpNone, ""
			return
		}
		f.Lines = out
	case OpCheck:
		if f == nil {
			a.diags.Warnf(st.Pos(), "this block restates %s, which the tutorial has not made at this point", st.Target)
			return
		}
		last := st // the last step that wrote the file
		for _, s := range f.Sources {
			if s.Op != OpCheck {
				last = s.Step
			}
		}
		if !f.Whole {
			// the lines the tutorial adds to a file of the system must
			// be among those the summary shows
			if msg := missingLines(f.Lines, lines); msg != "" {
				a.diags.Warnf(st.Pos(), "this block restates %s but lacks lines the tutorial adds to it at %s: %s", st.Target, last.Pos(), msg)
			}
		} else if msg := compareLines(f.Lines, lines); msg != "" {
			a.diags.Warnf(st.Pos(), "this block restates %s but differs from the file made at %s: %s", st.Target, last.Pos(), msg)
		}
		f.Sources = append(f.Sources, src)
		return
	}
	f.Sources = append(f.Sources, src)
	if ann != nil {
		if ann.mode != "" {
			m, _ := shell.ApplyMode(ann.mode, modeOf(f.Mode, 0o644), false)
			f.Mode = shell.FormatMode(m)
		}
		if ann.owner != "" {
			f.Owner = ann.owner
		}
		if ann.group != "" {
			f.Group = ann.group
		}
		if ann.validate != "" {
			f.Validate, f.ValidatePos = ann.validate, a.pos(st.Code.Annotation.Pos)
		}
	}
	a.known[path.Dir(st.Target)] = true
}

// insideBlock handles "add this to FILE" when FILE is one nginx "{ }"
// block or one Apache "<Tag>" section and the snippet belongs inside it
// (a location block added "to" a file whose only content is a server
// block): it inserts at the end of that block and warns.
func (a *analyzer) insideBlock(f *File, st *Step, lines []Line) ([]Line, bool) {
	if len(lines) == 0 {
		return nil, false
	}
	first := strings.TrimSpace(lines[0].Text)
	lang := f.Lang
	var outer string
	switch {
	case lang == "nginx" || strings.HasPrefix(f.Path, "/etc/nginx/"):
		tops := topBraceBlocks(f.Lines)
		if len(tops) != 1 {
			return nil, false
		}
		outer = tops[0]
		if firstWord(first) == outer {
			return nil, false
		}
	case lang == "apache" || lang == "apacheconf" || strings.HasPrefix(f.Path, "/etc/apache2/") || strings.HasPrefix(f.Path, "/etc/httpd/"):
		tops := topTagBlocks(f.Lines)
		if len(tops) != 1 {
			return nil, false
		}
		outer = tops[0]
		if strings.HasPrefix(strings.ToLower(first), "<"+strings.ToLower(outer)) {
			return nil, false
		}
	default:
		return nil, false
	}
	out, err := insertLines(f.Lines, lines, &intent{where: blockEnd, block: outer})
	if err != "" {
		return nil, false
	}
	a.diags.Warnf(st.Pos(), "the text adds this to %s, but it belongs inside the %s block there: inserted at the end of that block", st.Target, outer)
	st.Op = OpInsert
	st.Note = "inserted at the end of the " + outer + " block"
	return out, true
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " \t{"); i >= 0 {
		return s[:i]
	}
	return s
}

// modeOf parses an octal mode as a manifest writes it ("0640", "2750"),
// or returns def.
func modeOf(s string, def fs.FileMode) fs.FileMode {
	v, err := strconv.ParseUint(s, 8, 32)
	if err != nil {
		return def
	}
	m := fs.FileMode(v & 0o777)
	if v&0o4000 != 0 {
		m |= fs.ModeSetuid
	}
	if v&0o2000 != 0 {
		m |= fs.ModeSetgid
	}
	if v&0o1000 != 0 {
		m |= fs.ModeSticky
	}
	return m
}

// editsInPlace reports whether a sentence asks to change some lines of a
// file where they are: "find the line X and change it to", "uncomment
// the line", "change the line to this".
func editsInPlace(s sentence) bool {
	for i, t := range s {
		if t.literal || negated(s, i) {
			continue
		}
		switch t.lower {
		case "uncomment", "find", "locate", "search":
			return true
		case "change", "replace", "edit", "modify", "set":
			for _, w := range s[i+1:] {
				if !w.literal && (w.lower == "line" || w.lower == "lines" || w.lower == "value" || w.lower == "setting" || w.lower == "it") {
					return true
				}
			}
		}
	}
	return false
}

// elided reports whether a block leaves lines out: a line that is only
// "...", "…" or such an ellipsis after a comment sign.
//
// In Python ("..." is a statement) and YAML (it ends a document), a bare
// "..." is code; only a commented one or "…" leaves lines out.
func elided(text, lang string) bool {
	bareIsCode := false
	switch strings.ToLower(lang) {
	case "python", "py", "python3", "yaml", "yml":
		bareIsCode = true
	}
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if t == "..." && bareIsCode {
			continue
		}
		t = strings.TrimSpace(strings.TrimLeft(t, "#;/"))
		switch t {
		case "...", "…", "[...]", "[…]", "(...)", "<...>":
			return true
		}
	}
	return false
}

// langOr returns lang, or def when lang says nothing.
func langOr(lang, def string) string {
	if lang == "" || lang == "text" || lang == "none" {
		return def
	}
	return lang
}

// placesIt reports whether a sentence puts the text somewhere in a file
// ("before the closing brace", "under the [mysqld] section", "to the
// location block", "at the end of the <Directory> block"), not at its end:
// a place tailor can follow only as an anchor it reads.
func placesIt(s sentence) bool {
	for i, t := range s {
		if t.literal {
			continue
		}
		switch t.lower {
		case "inside", "within":
			// "Inside, you will create ...", "inside the file": the
			// file, not a place in it
			if i+1 < len(s) && (s[i+1].isPunct() || s.wordsAt(i+1, "it") || s.wordsAt(i+1, "the", "file") || s.wordsAt(i+1, "this", "file")) {
				continue
			}
			return true
		case "before", "after", "above", "below", "under", "between", "beneath", "closing", "opening",
			"top", "beginning", "start":
			return true
		case "end", "bottom":
			// "at the end of the file" is the end; "of the X block" is not
			if !s.wordsAt(i+1, "of", "the", "file") && !s.wordsAt(i+1, "of", "it") && !s.wordsAt(i+1, "of", "this", "file") &&
				!s.wordsAt(i+1, "of", "that", "file") && i+1 < len(s) && !s[i+1].isPunct() {
				return true
			}
		case "to", "into", "in", "of":
			// "to the location / block", but not "in the following block"
			for k := i + 1; k < len(s) && k <= i+4; k++ {
				if !s[k].literal && s[k].lower == "following" {
					break
				}
				if !s[k].literal && (s[k].lower == "block" || s[k].lower == "section" || s[k].lower == "context") {
					return true
				}
			}
		}
	}
	return false
}

// mayAppendTo reports whether the text may go at the end of the file p
// that an editor opened: a file of the tutorial's or of the client's own
// (its path holds a placeholder), or one whose format is lines of
// settings. At the end of an nginx or Apache configuration only whole
// blocks fit: a server block in a site file, a <Directory> section;
// there a lone directive belongs inside a block the text does not name.
func (a *analyzer) mayAppendTo(p, lang, text string) bool {
	if f := a.files[p]; f != nil && f.Whole || len(placeholder.Scan(p)) > 0 {
		return true
	}
	first := ""
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			first = line
			break
		}
	}
	switch langOr(lang, langOfPath(p)) {
	case "nginx":
		if path.Base(p) == "nginx.conf" {
			return false // its top level is not where server blocks go
		}
		word, _, _ := strings.Cut(first, " ")
		switch word {
		case "server", "upstream", "map", "geo", "split_clients":
			return true // files under sites-available and conf.d are read inside http { }
		}
		return false
	case "apache", "apacheconf":
		return strings.HasPrefix(first, "<") && !strings.HasPrefix(first, "</")
	}
	return true
}

// startsWithCommand reports whether a block begins with a command a
// reader runs (sudo, systemctl, ...) rather than a line of a file.
func startsWithCommand(text string) bool {
	first := strings.Fields(strings.TrimLeft(text, "$# "))
	if len(first) == 0 {
		return false
	}
	switch first[0] {
	case "sudo", "systemctl", "service", "apt", "apt-get", "yum", "dnf", "cd", "ls", "cat", "echo", "curl", "wget",
		"chmod", "chown", "mkdir", "cp", "mv", "rm", "ln", "git", "pip", "pip3", "npm", "docker", "certbot",
		"apachectl", "a2ensite", "a2enmod", "ufw", "journalctl", "tail", "nano", "vim", "vi":
		return true
	}
	return false
}

// asksToCreate reports whether a sentence asks to create a file: "Create a
// new unit file:", "Make a new configuration file".
func asksToCreate(s sentence) bool {
	for i, t := range s {
		if !t.literal && !negated(s, i) && (verbsCreate[t.lower] || t.lower == "new" && s.hasWords("file")) {
			return true
		}
	}
	return false
}

// scriptGoesOn reports whether the text asks to add to a shell script it
// is working on (opened in an editor, or made by the block just before),
// where commands are the file's lines.
func (a *analyzer) scriptGoesOn(in *intent) bool {
	switch {
	case in == nil:
		return false
	case in.ref == refOpened:
		return langOfPath(a.opened) == "sh"
	case in.ref == refContinue:
		return a.prev != nil && a.prev.Code == a.lastCode && langOfPath(a.prev.Target) == "sh"
	}
	return false
}

// sameFileLang reports whether two blocks are marked as the same language
// of a file, one whose files are of one kind (Python source, an nginx or
// Apache site): not INI, YAML or JSON, which many unrelated files share,
// nor text or commands.
func sameFileLang(a, b string) bool {
	b = strings.ToLower(b)
	switch b {
	case "python", "py", "python3", "nginx", "apache", "apacheconf", "php", "ruby", "rb", "perl", "lua", "javascript", "js", "css":
		return strings.ToLower(a) == b
	}
	return false
}

// isSession reports whether a block is an interactive session, whose
// prompts and output are never lines of a file: ">>> ", "In [1]:",
// "postgres=# ", "mysql> ".
func isSession(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, ">>> "), t == ">>>", strings.HasPrefix(t, "In ["), strings.HasPrefix(t, "Out["),
			strings.HasPrefix(t, "mysql> "), strings.HasPrefix(t, "redis> "), strings.HasPrefix(t, "irb("):
			return true
		}
		if i := strings.Index(t, "=# "); i > 0 && i < 30 && !strings.ContainsAny(t[:i], " \t") {
			return true // psql: "postgres=# SELECT ..."
		}
		if i := strings.Index(t, "=> "); i > 0 && i < 30 && psqlName(t[:i]) {
			return true
		}
	}
	return false
}

// psqlName reports whether s is a database name as psql shows it in its
// prompt.
func psqlName(s string) bool {
	for _, r := range s {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// continues reports whether a sentence says it goes on with the file
// before: "Then append these lines too:", "Also add:", "Add more:",
// "Open it again and add:".
func continues(s sentence) bool {
	for i, t := range s {
		if t.literal {
			continue
		}
		switch t.lower {
		case "too", "also", "more", "another", "additional", "further", "well":
			return true
		case "open", "edit", "reopen":
			if s.wordsAt(i+1, "it") {
				return true // "Edit it again and add:"
			}
		}
	}
	return len(s) <= 3 // "Add:", "Append:"
}

// endsWithColon reports whether a sentence ends with ":", as one that
// introduces a block does.
func endsWithColon(s sentence) bool {
	return len(s) > 0 && s[len(s)-1].text == ":"
}

// explains reports whether sentences only explain what came before them:
// none asks for anything of its own (a command to run, something to see),
// and only the last may end with ":".
func explains(sents []sentence) bool {
	for j, s := range sents {
		if endsWithColon(s) && j < len(sents)-1 {
			return false
		}
		for i, t := range s {
			if t.literal {
				continue
			}
			switch t.lower {
			case "run", "execute", "type", "enter", "command", "commands", "output", "restart", "reload", "check",
				"test", "see", "verify", "save", "close", "exit", "instead", "otherwise", "example", "instance":
				return false
			}
			if i == 0 && (verbsCreate[t.lower] || verbsAdd[t.lower] || verbsChange[t.lower] || verbsSave[t.lower] || t.lower == "open" || t.lower == "edit") {
				return false // an instruction of its own
			}
		}
	}
	return true
}

// closesEditor reports whether the text says to leave the editor without
// typing into it: "Close it without changes."
func closesEditor(sents []sentence) bool {
	for _, s := range sents {
		if (s.hasWords("close") || s.hasWords("exit") || s.hasWords("quit")) && (s.hasWords("without", "changes") || s.hasWords("without", "saving") || s.hasWords("without", "changing")) {
			return true
		}
	}
	return false
}

// asksToType reports whether a sentence asks the reader to type or paste
// text (after an editor command, into the file it opened), and whether
// it says to add it ("add", "paste": text for the file whatever it looks
// like) rather than only to type it ("type", "enter": maybe a command).
func asksToType(s sentence) (asks, strong bool) {
	for i, t := range s {
		if t.literal {
			continue
		}
		switch t.lower {
		case "command", "commands", "output", "terminal", "run", "execute", "prompt":
			return false, false // a step in the shell, not in the editor
		}
		if negated(s, i) {
			continue
		}
		switch t.lower {
		case "add", "paste", "put", "insert", "append", "adding", "pasting":
			asks, strong = true, true
		case "enter", "type", "copy", "write":
			asks = true
		case "create":
			// "Inside, you will create a [Unit] section ...:", but not
			// "create a new server block file": another file
			if !slices.ContainsFunc(s[i+1:], func(t token) bool { return !t.literal && (t.lower == "file" || t.lower == "files") }) {
				asks = true
			}
		}
	}
	return asks, strong
}

// mentionsFile reports whether a sentence names a file.
func mentionsFile(s sentence) bool {
	for i, t := range s {
		named := i > 0 && !s[i-1].literal && fileNouns[s[i-1].lower]
		if classifyPath(t, named) != notPath && !strings.HasSuffix(t.text, "/") {
			return true
		}
	}
	return false
}

// shellWrites reports whether the shell commands of a block write the
// file p, without changing the analysis state.
func (a *analyzer) shellWrites(text, lang, p string) bool {
	st := shell.State{Dir: a.shell.Dir, Dirs: maps.Clone(a.shell.Dirs), Vars: maps.Clone(a.shell.Vars)}
	effects, _ := shell.Analyze(text, lang, &st)
	for _, e := range effects {
		if (e.Kind == shell.Write || e.Kind == shell.Append || e.Kind == shell.Install && !e.IsDir) && path.Clean(e.Path) == p {
			return true
		}
		if e.Kind == shell.Open && e.Path != "" {
			return true // "Create the file X:" over "sudo nano X": the text comes next
		}
	}
	return false
}

// shellBlock applies what a shell block does. optional is set when the
// text offers it as a choice ("If you ever need to, rename the file:"):
// moves, edits and removals are not applied then.
func (a *analyzer) shellBlock(st *Step, lang string, optional bool) {
	effects, notes := shell.Analyze(st.Code.Text, lang, &a.shell)
	st.Effects = effects
	var summary []string
	for _, n := range notes {
		summary = append(summary, n.Msg)
	}
	switch {
	case len(summary) > 0:
		st.Note = strings.Join(summary, "; ")
	case len(effects) == 0:
		st.Note = "commands that change no file"
	}
	var dirs []string
	for _, e := range effects {
		if e.Kind == shell.Cd {
			a.shellSec = a.section
		}
		switch {
		case e.Kind == shell.Open && e.Path == "":
			// "crontab -e", "systemctl edit app": what the reader types
			// next goes there
			a.opened, a.openedCode = "", st.Code
			continue
		case optional && (e.Kind == shell.Move || e.Kind == shell.Edit || e.Kind == shell.Remove):
			a.noteEffect(st, "%s %s: the text makes it a choice (\"If ...\"), not applied", e.Kind, e.Path)
			continue
		}
		a.effect(st, e)
		// what the prose after the block may call "that file", "it",
		// "that directory"
		switch e.Kind {
		case shell.Write, shell.Append, shell.Touch, shell.Move, shell.Open, shell.Untracked, shell.Edit, shell.Chmod, shell.Chown:
			if !backupName(e.Path) && (e.Kind != shell.Chmod && e.Kind != shell.Chown || a.files[e.Path] != nil) {
				a.shellMention(e.Path, false)
			}
		case shell.Mkdir:
			dirs = append(dirs, e.Path)
		case shell.Install:
			if e.IsDir {
				dirs = append(dirs, e.Path)
			} else {
				a.shellMention(e.Path, false)
			}
		}
	}
	// "that directory" is the one directory the block makes (with its
	// parents); after several, it is not known
	var leaves []string
	for _, d := range dirs {
		leaf := true
		for _, o := range dirs {
			if strings.HasPrefix(o, d+"/") {
				leaf = false
			}
		}
		if leaf && !slices.Contains(leaves, d) {
			leaves = append(leaves, d)
		}
	}
	if len(leaves) == 1 {
		a.shellMention(leaves[0], true)
	}
}

// offersChoice reports whether a sentence offers what follows as a
// choice rather than a step: "If you ever need to take the site offline,
// rename the file:", "Optionally, ...", "To undo this, ...".
func offersChoice(s sentence) bool {
	if len(s) == 0 || s[0].literal {
		return false
	}
	switch s[0].lower {
	case "if", "optionally", "alternatively", "should", "whenever":
		return true
	}
	return s.wordsAt(0, "in", "case") || s.wordsAt(0, "to", "undo") || s.wordsAt(0, "to", "revert") ||
		s.wordsAt(0, "to", "disable") || s.wordsAt(0, "to", "remove") || s.wordsAt(0, "later") || s.wordsAt(0, "when", "you")
}

// backupName reports whether a path names a backup copy ("sshd_config.bak",
// "nginx.conf.orig"): what the prose after "cp X X.bak" works on is X.
func backupName(p string) bool {
	for _, suf := range []string{".bak", ".orig", ".old", ".backup", ".save", ".dist", "~", ".original"} {
		if strings.HasSuffix(strings.ToLower(p), suf) {
			return true
		}
	}
	return false
}

func (a *analyzer) effectPos(st *Step, e shell.Effect) (*content.File, int, int) {
	return st.File, st.Code.Line + e.Line - 1, st.Code.Indent + e.Col
}

func (a *analyzer) dirFor(p string) *Dir {
	d := a.dirs[p]
	if d == nil {
		d = &Dir{Path: p}
		a.dirs[p] = d
		a.plan.Dirs = append(a.plan.Dirs, d)
	}
	return d
}

func (a *analyzer) effect(st *Step, e shell.Effect) {
	if e.Path == "" {
		return
	}
	if e.Conditional && e.Kind != shell.Mkdir && e.Kind != shell.Cd {
		// "grep -q X F || echo X >> F", "if ...; then ...; else ...; fi":
		// whether it runs depends on the system; a directory made only if
		// missing is there either way
		a.noteEffect(st, "%s runs only under a condition: not applied", e.Kind)
		return
	}
	switch e.Kind {
	case shell.Symlink, shell.Remove:
	case shell.Move:
		// mv replaces a link at its destination, and moves what a link
		// leads to from its source
		e.Path = path.Join(a.follow(path.Dir(e.Path)), path.Base(e.Path))
		e.Target = a.follow(e.Target)
	case shell.Edit:
		if a.links[e.Path] != nil {
			// sed -i replaces the link with a file of its own
			a.warnEffect(st, e, "sed -i on the link %s replaces the link with a file: tailor does not follow it", e.Path)
			return
		}
		e.Path = a.follow(e.Path)
	default:
		e.Path = a.follow(e.Path) // through the links the tutorial made
	}
	src := Source{Step: st, By: "shell: " + e.Cmd, Line: st.Code.Line + e.Line - 1}
	switch e.Kind {
	case shell.Mkdir:
		_, existed := a.dirs[e.Path]
		d := a.dirFor(e.Path)
		src.Op = "mkdir"
		d.Sources = append(d.Sources, src)
		switch {
		case existed:
			// mkdir -p of a directory already made changes nothing
		case e.Mode == "?":
			a.noteEffect(st, "%s: its mode depends on a umask that is not known", e.Path)
		case e.Mode != "":
			// mkdir -m applies a symbolic mode to a=rwx, as GNU mkdir does
			if m, err := shell.ApplyMode(e.Mode, 0o777, true); err == nil {
				d.Mode = shell.FormatMode(m)
			}
		}
		if e.Owner != "" && !existed {
			d.Owner, d.Group = e.Owner, "" // "sudo -u USER mkdir"
		}
		for p := e.Path; p != "/" && p != "."; p = path.Dir(p) {
			a.known[p] = true
		}
	case shell.Chmod, shell.Chown:
		// on a file or a directory the tutorial makes; others are the
		// system's, which the manifest does not describe. With -R, also
		// on what the tutorial made inside it.
		a.setAttrs(st, e, e.Path, src)
		if e.Recursive {
			prefix := strings.TrimSuffix(e.Path, "/") + "/"
			var inside []string
			for p := range a.files {
				if strings.HasPrefix(p, prefix) {
					inside = append(inside, p)
				}
			}
			for p := range a.dirs {
				if strings.HasPrefix(p, prefix) {
					inside = append(inside, p)
					// and the directories between, which "mkdir -p" made
					for q := path.Dir(p); strings.HasPrefix(q, prefix) && a.dirs[q] == nil && !slices.Contains(inside, q); q = path.Dir(q) {
						inside = append(inside, q)
					}
				}
			}
			sort.Strings(inside)
			for _, p := range inside {
				a.setAttrs(st, e, p, src)
			}
		}
	case shell.Symlink:
		l := a.links[e.Path]
		if l == nil {
			l = &Link{Path: e.Path}
			a.links[e.Path] = l
			a.plan.Links = append(a.plan.Links, l)
		}
		l.Target = e.Target
		src.Op = "symlink"
		l.Sources = append(l.Sources, src)
	case shell.Open:
		a.opened, a.openedCode = e.Path, st.Code
	case shell.Touch:
		a.known[e.Path] = true // made, if empty: a link to it points at something
		// touch makes sure a file exists and leaves what it holds: not a
		// file for tailor to write (an empty one would truncate a log)
	case shell.Write, shell.Append:
		file, line, col := a.effectPos(st, e)
		var lines []Line
		text := strings.TrimSuffix(e.Content, "\n")
		if e.Content != "" {
			for i, t := range strings.Split(text, "\n") {
				lines = append(lines, Line{Text: t, Subst: st.Subst, Lang: langOfPath(e.Path), File: file, Line: line + 1 + i, Col: col})
			}
		}
		f := a.fileFor(e.Path)
		if e.Kind == shell.Write {
			if !f.Whole && len(f.Sources) == 0 {
				// a new file: the umask and the user of sudo -u decide
				switch e.Mode {
				case "":
				case "?":
					a.noteEffect(st, "%s: its mode depends on a umask that is not known", e.Path)
				default:
					f.Mode = e.Mode
				}
				if e.Owner != "" {
					f.Owner, f.Group = e.Owner, ""
				}
			}
			f.Whole = true
			f.Lines = lines
			src.Op = OpCreate
		} else {
			f.Lines = append(f.Lines, lines...)
			src.Op = OpAppend
		}
		if f.Lang == "" {
			f.Lang = langOfPath(e.Path)
		}
		f.Sources = append(f.Sources, src)
		if st.Op == OpNone {
			st.Op, st.Target, st.By = src.Op, e.Path, src.By
		}
	case shell.Install:
		if e.IsDir {
			d := a.dirFor(e.Path)
			if e.Mode != "" {
				// install -m applies a symbolic mode to a=rwx for directories
				if m, err := shell.ApplyMode(e.Mode, 0o777, true); err == nil {
					d.Mode = shell.FormatMode(m)
				}
			}
			setOwner(&d.Owner, &d.Group, e)
			src.Op = "mkdir"
			d.Sources = append(d.Sources, src)
			return
		}
		// a copy of /dev/null or of a file the tutorial made is a file
		// tailor can write; any other source it cannot see
		var lines []Line
		switch from := a.files[e.Target]; {
		case e.Target == "/dev/null":
		case from != nil && from.Whole:
			lines = append(lines, from.Lines...)
		default:
			a.noteEffect(st, "install copies %s, which tailor cannot see: %s is not in the manifest", e.Target, e.Path)
			return
		}
		f := a.fileFor(e.Path)
		f.Whole, f.Lines = true, lines
		if e.Mode != "" {
			// install -m applies a symbolic mode to a=rw for files
			if m, err := shell.ApplyMode(e.Mode, 0o666, false); err == nil {
				f.Mode = shell.FormatMode(m)
			}
		} else {
			f.Mode = "0755" // install's default
		}
		setOwner(&f.Owner, &f.Group, e)
		src.Op = OpCreate
		f.Sources = append(f.Sources, src)
	case shell.Remove:
		a.remove(e.Path, e.Recursive)
	case shell.Move:
		if e.Path == e.Target {
			break // "mv X ./" in X's directory
		}
		f := a.files[e.Target]
		if f == nil || a.dirs[e.Path] != nil || a.links[e.Path] != nil || a.links[e.Target] != nil {
			a.known[e.Path] = true // something is there, made on the server
			if a.dirs[e.Target] != nil || a.links[e.Target] != nil || a.files[e.Path] != nil {
				a.warnEffect(st, e, "mv changes %s in a way tailor does not follow: the generated files may not match what the tutorial leaves", e.Path)
			}
			break
		}
		// "cat > /tmp/app.service <<EOF", "sudo mv /tmp/app.service
		// /etc/systemd/system/": the file, under its new name
		a.remove(e.Path, false)
		delete(a.files, e.Target)
		f.Path = e.Path
		a.files[e.Path] = f
		src.Op = "move"
		f.Sources = append(f.Sources, src)
		a.known[e.Path] = true
	case shell.Edit:
		f := a.files[e.Path]
		if f == nil || !f.Whole {
			// a file of the system: the server's sed makes the change
			a.known[e.Path] = true
			if f != nil {
				a.warnEffect(st, e, "sed changes %s, of which the tutorial writes only some lines: the generated lines may not match what the tutorial leaves", e.Path)
			}
			break
		}
		// "sudo sed -i 's/8000/9000/' /etc/app.ini" after the tutorial
		// wrote it: the file as sed leaves it
		changed := false
		f.Lines = append([]Line(nil), f.Lines...)
		for i, l := range f.Lines {
			if t, ok := e.Edit.Apply(l.Text); ok && t != l.Text {
				f.Lines[i].Text, changed = t, true
			}
		}
		if !changed {
			a.noteEffect(st, "%s changes nothing in %s", e.Edit.Script, e.Path)
		}
		src.Op = "edit"
		f.Sources = append(f.Sources, src)
	case shell.Untracked:
		a.known[e.Path] = true // cp, mv: something is there, made on the server
		if a.files[e.Path] != nil || a.dirs[e.Path] != nil || a.links[e.Path] != nil {
			a.warnEffect(st, e, "%s changes %s in a way tailor does not follow: the generated files may not match what the tutorial leaves", strings.Fields(e.Cmd + " ?")[0], e.Path)
		}
	}
}

// oneBlock warns that a block meant to go elsewhere in a file of the
// system joins the block already merged into it: install.sh merges one
// block per file, between its markers.
func (a *analyzer) oneBlock(st *Step, f *File, where string) {
	from := ""
	if len(f.Sources) > 0 {
		from = " (from " + f.Sources[0].Step.Pos().String() + ")"
	}
	at := "at its end"
	switch {
	case f.Before != "":
		at = "before the line " + strconv.Quote(f.Before)
	case f.After != "":
		at = "after the line " + strconv.Quote(f.After)
	}
	a.diags.Warnf(st.Pos(), "%s gets one merged block, placed %s%s: this block, meant %s, joins it; give the whole file to place each", f.Path, at, from, where)
	st.Note = "joins the block merged " + at
}

// setAttrs applies a chmod or chown to p when the tutorial makes it.
func (a *analyzer) setAttrs(st *Step, e shell.Effect, p string, src Source) {
	f := a.files[p]
	isDir := f == nil && (a.dirs[p] != nil || a.known[p])
	if f == nil && !isDir {
		if p == e.Path {
			a.noteEffect(st, "%s %s: the tutorial does not make it, so install.sh leaves it as it is; run it on the server", e.Kind, p)
		}
		return
	}
	var mode, owner, group *string
	var sources *[]Source
	if isDir {
		var cur string
		if d := a.dirs[p]; d != nil {
			cur = d.Mode
		}
		if e.Kind == shell.Chmod {
			if _, err := shell.ApplyMode(e.Mode, modeOf(cur, 0o755), true); err != nil {
				a.warnEffect(st, e, "%v", err)
				return
			}
		}
		d := a.dirFor(p)
		mode, owner, group, sources = &d.Mode, &d.Owner, &d.Group, &d.Sources
	} else {
		mode, owner, group, sources = &f.Mode, &f.Owner, &f.Group, &f.Sources
	}
	if e.Kind == shell.Chmod {
		base := fs.FileMode(0o644)
		if isDir {
			base = 0o755
		}
		m, err := shell.ApplyMode(e.Mode, modeOf(*mode, base), isDir)
		if err != nil {
			a.warnEffect(st, e, "%v", err)
			return
		}
		*mode = shell.FormatMode(m)
	} else {
		setOwner(owner, group, e)
	}
	src.Op = effectOp(e.Kind)
	*sources = append(*sources, src)
}

// remove forgets a file, link or directory the tutorial removes again.
func (a *analyzer) remove(p string, recursive bool) {
	under := func(x string) bool { return x == p || recursive && strings.HasPrefix(x, p+"/") }
	if l := a.links[p]; l != nil {
		delete(a.links, p)
		a.plan.Links = removeLink(a.plan.Links, l)
	}
	var files []*File
	for _, f := range a.plan.Files {
		if under(f.Path) {
			delete(a.files, f.Path)
			continue
		}
		files = append(files, f)
	}
	a.plan.Files = files
	var dirs []*Dir
	for _, d := range a.plan.Dirs {
		if under(d.Path) {
			delete(a.dirs, d.Path)
			continue
		}
		dirs = append(dirs, d)
	}
	a.plan.Dirs = dirs
}

// noteEffect adds to the note of a shell block.
func (a *analyzer) noteEffect(st *Step, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if st.Note != "" {
		st.Note += "; "
	}
	st.Note += msg
}

func effectOp(k shell.Kind) Op {
	if k == shell.Chmod {
		return "chmod"
	}
	return "chown"
}

func removeLink(ls []*Link, l *Link) []*Link {
	out := ls[:0]
	for _, x := range ls {
		if x != l {
			out = append(out, x)
		}
	}
	return out
}

func setOwner(owner, group *string, e shell.Effect) {
	if e.Owner != "" {
		*owner = e.Owner
	}
	if e.Group != "" {
		*group = e.Group
	}
	if e.LoginGroup {
		*group = "" // the owner's login group: not known, so not set
	}
}

// follow returns p with the links the tutorial made on its way followed,
// as the system would: writing to sites-enabled/app writes to the file in
// sites-available it links to.
func (a *analyzer) follow(p string) string {
	for hops := 0; hops < 40; hops++ {
		changed := false
		for q := p; q != "/" && q != "."; q = path.Dir(q) {
			l := a.links[q]
			if l == nil || l.Target == "" || strings.Contains(l.Target, "$(") {
				continue
			}
			t := l.Target
			if !strings.HasPrefix(t, "/") {
				t = path.Join(path.Dir(q), t)
			}
			p = path.Clean(t + strings.TrimPrefix(p, q))
			changed = true
			break
		}
		if !changed {
			break
		}
	}
	return p
}

func (a *analyzer) warnEffect(st *Step, e shell.Effect, format string, args ...any) {
	file, line, col := a.effectPos(st, e)
	a.diags.Warnf(file.Position(file.LineStart(line)+col-1), format, args...)
}
