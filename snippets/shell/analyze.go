package shell

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/tailordocs/tailor/placeholder"
)

// Limits that keep the analysis linear in the size of its input.
const (
	maxUnroll     = 32 // items of a for loop analysed one by one
	maxBraceWords = 64 // words a brace expansion may make
	maxDepth      = 2  // nesting of "sh -c" scripts
)

// results collects what an analysis finds, shared by nested "sh -c"
// analyses.
type results struct {
	effects []Effect
	notes   []Note
}

// An analyzer walks the syntax tree of one block (or of one "sh -c"
// script) and records its effects.
type analyzer struct {
	st  *State
	res *results

	src   string // the text given to the parser
	lines []int  // offsets in src where lines start
	cols  []int  // bytes cut from the start of each line (prompts); nil for none
	// promptDirs are the directories the prompts show, by line: the
	// shell is there when the command of that line runs
	promptDirs map[int]string

	// fixed, when set, is the position every effect and note gets: that of
	// the "sh -c" command whose script this analyzer reads.
	fixed      bool
	fixedLine  int
	fixedCol   int
	depth      int
	unrolling  bool
	oldDir     string
	runAs      string // the user of "sudo -u USER cmd", while cmd runs
	vars       map[string]value
	subshells  []*scope     // innermost last
	conds      []int        // ids of the conditional commands inside which the analysis is
	lastCond   int          // the last id given to a conditional command
	closed     map[int]bool // ids of the conditional commands that ended
	span       *syntax.Stmt // the statement effects are reported at
	spanText   string
	spanTextOK bool
}

// A value is the result of expanding a word: its template, or why it is
// not known.
type value struct {
	s    string
	ok   bool
	why  string // when !ok: why, as a phrase to follow "it"
	glob bool   // an unquoted glob character: fine as text, not as a path
	cond int    // for a variable: the conditional command that set it, or 0
}

func unknown(format string, args ...any) value {
	return value{why: fmt.Sprintf(format, args...)}
}

// A stream is what a command reads or writes: data, or why it is not
// known.
type stream struct {
	data string
	ok   bool
	why  string
}

func unknownStream(format string, args ...any) stream {
	return stream{why: fmt.Sprintf(format, args...)}
}

// A scope records the variables set inside a subshell, to restore them
// at its end.
type scope struct {
	saved []savedVar
}

type savedVar struct {
	name string
	v    value
	had  bool
}

func newAnalyzer(st *State, res *results) *analyzer {
	a := &analyzer{st: st, res: res, vars: make(map[string]value)}
	for name, v := range st.Vars {
		if why, unknown := strings.CutPrefix(v, "\x00"); unknown {
			a.vars[name] = value{why: why}
		} else {
			a.vars[name] = value{s: v, ok: true}
		}
	}
	return a
}

// parse parses text, as a console session when console is set, and sets
// up the analyzer's position tables.
func (a *analyzer) parse(text string, console bool) (*syntax.File, error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	p := syntax.NewParser(syntax.Variant(syntax.LangBash))
	var (
		f   *syntax.File
		err error
	)
	if console {
		r := &consoleReader{p: p, text: text}
		f, err = p.Parse(r, "")
		a.src = r.src.String()
		a.cols, a.promptDirs = r.cols, r.dirs
	} else {
		f, err = p.Parse(strings.NewReader(text), "")
		a.src = text
	}
	a.lines = lineStarts(a.src)
	return f, err
}

// promptDir moves the shell to the directory the prompt of the line of
// s shows; when the prompt shows one that cannot be told (a home not
// known, a last name that is not the shell's), the directory is not known.
func (a *analyzer) promptDir(s *syntax.Stmt) {
	d, ok := a.promptDirs[int(s.Pos().Line())]
	switch {
	case !ok:
	case strings.HasPrefix(d, "/"):
		a.st.Dir = path.Clean(d)
	case strings.HasPrefix(d, "~"):
		home, rest, known := a.tilde(d)
		a.st.Dir = ""
		if known {
			a.st.Dir = path.Clean(home + rest)
		}
	case path.Base(a.st.Dir) != d:
		a.st.Dir = ""
	}
}

func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// posAt returns the 1-based line and column in the block text of an
// offset in src.
func (a *analyzer) posAt(off int) (int, int) {
	if a.fixed {
		return a.fixedLine, a.fixedCol
	}
	i := sort.Search(len(a.lines), func(i int) bool { return a.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	col := off - a.lines[i] + 1
	if i < len(a.cols) {
		col += a.cols[i]
	}
	return i + 1, col
}

func (a *analyzer) pos(p syntax.Pos) (int, int) {
	return a.posAt(int(p.Offset()))
}

// errPos returns the block position of a parse error.
func (a *analyzer) errPos(err error) (int, int) {
	var pe syntax.ParseError
	var le syntax.LangError
	var p syntax.Pos
	switch {
	case errors.As(err, &pe):
		p = pe.Pos
	case errors.As(err, &le):
		p = le.Pos
	default:
		return 1, 1
	}
	if !p.IsValid() {
		return 1, 1
	}
	off := int(p.Offset())
	if off > len(a.src) {
		off = len(a.src)
	}
	return a.posAt(off)
}

// text returns the source text of a node.
func (a *analyzer) text(n syntax.Node) string {
	s, e := int(n.Pos().Offset()), int(n.End().Offset())
	if s < 0 || e > len(a.src) || s > e {
		return ""
	}
	return a.src[s:e]
}

// note records a note at the current statement.
func (a *analyzer) note(format string, args ...any) {
	line, col := 1, 1
	if a.span != nil {
		line, col = a.pos(a.span.Pos())
	} else if a.fixed {
		line, col = a.fixedLine, a.fixedCol
	}
	a.noteAt(line, col, format, args...)
}

func (a *analyzer) noteAt(line, col int, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	a.res.notes = append(a.res.notes, Note{Line: line, Col: col, Msg: msg})
}

// emit records an effect of the current statement.
// user returns the user a command runs as, when it is not the reader
// nor root: "sudo -u USER cmd", or a login shell as USER.
func (a *analyzer) user() string {
	if a.runAs != "" {
		return a.runAs
	}
	if a.st.User != "root" {
		return a.st.User
	}
	return ""
}

func (a *analyzer) emit(e Effect) {
	if a.span != nil {
		e.Line, e.Col = a.pos(a.span.Pos())
		e.Cmd = a.cmdText()
	} else {
		e.Line, e.Col = a.fixedLine, a.fixedCol
	}
	e.Conditional = len(a.conds) > 0
	switch e.Kind {
	case Mkdir, Write, Touch:
		if user := a.user(); user != "" && e.Owner == "" {
			e.Owner, e.LoginGroup = user, true
		}
		if e.Mode == "" && a.st.Umask != "" && a.st.Umask != "0022" {
			e.Mode = createMode(e.Kind, a.st.Umask)
		}
	}
	a.res.effects = append(a.res.effects, e)
}

// cmdText returns the current statement as written, on one line, without
// the bodies of its here-documents.
func (a *analyzer) cmdText() string {
	if a.spanTextOK {
		return a.spanText
	}
	s := a.span
	start := int(s.Pos().Offset())
	end := start
	var cuts [][2]int
	syntax.Walk(s, func(n syntax.Node) bool {
		switch n := n.(type) {
		case nil:
			return true
		case *syntax.Redirect:
			if n.Op == syntax.Hdoc || n.Op == syntax.DashHdoc {
				if n.Word != nil {
					end = max(end, int(n.Word.End().Offset()))
				}
				if bs, be, ok := a.hdocRange(n); ok {
					cuts = append(cuts, [2]int{bs, be})
				}
				return false
			}
		case *syntax.Stmt, *syntax.BinaryCmd:
			// Their ends include the bodies of here-documents.
			return true
		}
		end = max(end, int(n.End().Offset()))
		return true
	})
	end = min(end, len(a.src))
	var b strings.Builder
	at := start
	for _, c := range cuts {
		if c[0] >= at && c[1] <= end {
			b.WriteString(a.src[at:c[0]])
			at = c[1]
		}
	}
	if at < end {
		b.WriteString(a.src[at:end])
	}
	a.spanText = strings.TrimSuffix(strings.TrimSpace(oneLine(b.String())), ";")
	a.spanTextOK = true
	return a.spanText
}

// oneLine joins the lines of a command: a backslash-newline and the
// indentation after it become one space, as does a newline after a word
// or operator that continues the command ("|", "&&", "do", "then"); other
// newlines become "; ".
func oneLine(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) && s[i+1] == '\n' {
			i++
			for i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\t') {
				i++
			}
			if t := b.String(); t != "" && t[len(t)-1] != ' ' && t[len(t)-1] != '\t' {
				b.WriteByte(' ')
			}
			continue
		}
		if c == '\n' {
			for i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\t' || s[i+1] == '\n') {
				i++
			}
			if i+1 < len(s) {
				if continues(strings.TrimRight(b.String(), " \t")) {
					b.WriteByte(' ')
				} else {
					b.WriteString("; ")
				}
			}
			continue
		}
		b.WriteByte(c)
	}
	return strings.TrimSpace(b.String())
}

// continues reports whether a command that ends in s goes on on the next
// line.
func continues(s string) bool {
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '|', '&', ';', '(', '{':
		return true
	}
	for _, kw := range []string{"do", "then", "else", "in"} {
		if strings.HasSuffix(s, kw) && (len(s) == len(kw) || s[len(s)-len(kw)-1] == ' ' || s[len(s)-len(kw)-1] == '\t') {
			return true
		}
	}
	return false
}

func (a *analyzer) setSpan(s *syntax.Stmt) func() {
	prev, prevText, prevOK := a.span, a.spanText, a.spanTextOK
	a.span, a.spanText, a.spanTextOK = s, "", false
	return func() { a.span, a.spanText, a.spanTextOK = prev, prevText, prevOK }
}

// Variables and scopes.

// setVar sets a variable of the block. In a subshell, the old value is
// saved, to be restored at its end; in a conditional command, the value
// is tagged with the command, after whose end it is not known.
func (a *analyzer) setVar(name string, v value) {
	if n := len(a.subshells); n > 0 {
		old, had := a.vars[name]
		top := a.subshells[n-1]
		top.saved = append(top.saved, savedVar{name: name, v: old, had: had})
	}
	if n := len(a.conds); n > 0 {
		v.cond = a.conds[n-1]
	}
	a.vars[name] = v
}

// getVar returns a variable of the block.
func (a *analyzer) getVar(name string) (value, bool) {
	v, ok := a.vars[name]
	if ok && v.cond != 0 && a.closed[v.cond] {
		return unknown("uses $%s, which is set inside a conditional command", name), true
	}
	return v, ok
}

// subshell runs fn in a subshell: directory and variable changes do not
// outlive it.
func (a *analyzer) subshell(fn func()) {
	dir, old, mask := a.st.Dir, a.oldDir, a.st.Umask
	a.subshells = append(a.subshells, new(scope))
	fn()
	top := a.subshells[len(a.subshells)-1]
	a.subshells = a.subshells[:len(a.subshells)-1]
	for i := len(top.saved) - 1; i >= 0; i-- {
		s := top.saved[i]
		if s.had {
			a.vars[s.name] = s.v
		} else {
			delete(a.vars, s.name)
		}
	}
	a.st.Dir, a.oldDir, a.st.Umask = dir, old, mask
}

// conditional runs fn as commands that may or may not run.
func (a *analyzer) conditional(what string, at syntax.Pos, fn func()) {
	n := len(a.res.effects)
	dir, old := a.st.Dir, a.oldDir
	a.lastCond++
	id := a.lastCond
	a.conds = append(a.conds, id)
	fn()
	a.conds = a.conds[:len(a.conds)-1]
	if a.closed == nil {
		a.closed = make(map[int]bool)
	}
	a.closed[id] = true
	if a.st.Dir != dir {
		line, col := a.pos(at)
		a.noteAt(line, col, "current directory not known after a cd inside %q", what)
		a.st.Dir = ""
	}
	if a.oldDir != old {
		a.oldDir = ""
	}
	if len(a.res.effects) > n {
		line, col := a.pos(at)
		a.noteAt(line, col, "commands inside %q run only when its condition holds", what)
	}
}

// Statements.

// stmtList analyses a list of statements and returns their joined output.
func (a *analyzer) stmtList(list []*syntax.Stmt, in stream, sameSpan bool) stream {
	out := stream{ok: true}
	for _, s := range list {
		o := a.stmt(s, in, sameSpan)
		out = joinStreams(out, o)
	}
	return out
}

func joinStreams(x, y stream) stream {
	switch {
	case !x.ok:
		return x
	case !y.ok:
		return y
	}
	return stream{data: x.data + y.data, ok: true}
}

// An outRedir is an output redirection of a statement.
type outRedir struct {
	op     syntax.RedirOperator
	path   string // "" when ignored (a device) or not known
	fd     int
	append bool
	word   string
}

// stmt analyses a statement with the given standard input and returns its
// standard output. Its effects are reported at the statement, unless
// sameSpan is set (inside a pipeline): then at the enclosing statement.
func (a *analyzer) stmt(s *syntax.Stmt, in stream, sameSpan bool) stream {
	if !sameSpan {
		defer a.setSpan(s)()
	}
	stdin := in
	var outs []outRedir
	for _, r := range s.Redirs {
		fd := -1
		if r.N != nil {
			n, ok := fdNumber(r.N.Value)
			if !ok {
				continue // {var}> and the like
			}
			fd = n
		}
		switch r.Op {
		case syntax.Hdoc, syntax.DashHdoc:
			if fd <= 0 {
				stdin = a.hdocBody(r)
			}
		case syntax.WordHdoc:
			if fd <= 0 {
				v := a.word(r.Word, true)
				if v.ok {
					stdin = stream{data: v.s + "\n", ok: true}
				} else {
					stdin = unknownStream("%q %s", a.text(r.Word), v.why)
				}
			}
		case syntax.RdrIn, syntax.RdrInOut:
			if fd <= 0 {
				stdin = unknownStream("reads %q", a.text(r.Word))
			}
		case syntax.DplIn:
			if fd <= 0 {
				stdin = unknownStream("reads file descriptor %s", a.text(r.Word))
			}
		case syntax.DplOut:
			if fd < 0 {
				fd = 1
			}
			w := r.Word.Lit()
			if _, isFD := fdNumber(w); isFD || w == "-" {
				if fd == 1 {
					// ">&2": the output goes elsewhere.
					outs = append(outs, outRedir{op: r.Op, fd: 1})
				}
				continue
			}
			// ">& file" is "&> file".
			outs = append(outs, a.outTarget(r, syntax.RdrAll, 1))
		case syntax.RdrOut, syntax.RdrClob, syntax.AppOut, syntax.AppClob,
			syntax.RdrAll, syntax.RdrAllClob, syntax.AppAll, syntax.AppAllClob:
			if fd < 0 {
				fd = 1
			}
			outs = append(outs, a.outTarget(r, r.Op, fd))
		}
	}

	out := a.command(s.Cmd, stdin, sameSpan)

	if len(outs) == 0 {
		return out
	}
	last := -1
	for i, o := range outs {
		if o.fd == 1 || o.op == syntax.RdrAll || o.op == syntax.AppAll ||
			o.op == syntax.RdrAllClob || o.op == syntax.AppAllClob {
			last = i
		}
	}
	for i, o := range outs {
		if o.path == "" {
			continue
		}
		kind := Write
		if o.append {
			kind = Append
		}
		switch {
		case i == last:
			if !out.ok {
				a.note("content written to %q not known: it %s", o.word, out.why)
				continue
			}
			a.emit(Effect{Kind: kind, Path: o.path, Content: out.data})
		case o.fd == 1:
			// A redirection of the output that a later one overrides only
			// creates or truncates its file.
			if kind == Write {
				a.emit(Effect{Kind: Write, Path: o.path})
			}
		default:
			a.note("content written to %q not known: it is what file descriptor %d gets", o.word, o.fd)
		}
	}
	if last >= 0 {
		return stream{ok: true}
	}
	return out
}

func fdNumber(s string) (int, bool) {
	if s == "" || len(s) > 2 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// outTarget resolves the file of an output redirection.
func (a *analyzer) outTarget(r *syntax.Redirect, op syntax.RedirOperator, fd int) outRedir {
	o := outRedir{op: op, fd: fd, word: a.text(r.Word)}
	o.append = op == syntax.AppOut || op == syntax.AppClob || op == syntax.AppAll || op == syntax.AppAllClob
	v := a.word(r.Word, false)
	if v.ok && isDevice(v.s) {
		return o
	}
	if p, ok := a.resolve("redirection", a.text(r.Word), v); ok {
		o.path = p
	}
	return o
}

func isDevice(p string) bool {
	return strings.HasPrefix(p, "/dev/") || strings.HasPrefix(p, "/proc/") || strings.HasPrefix(p, "/sys/")
}

// command analyses one command with the given standard input and returns
// its standard output.
func (a *analyzer) command(cmd syntax.Command, in stream, sameSpan bool) stream {
	switch c := cmd.(type) {
	case nil:
		return stream{ok: true}
	case *syntax.CallExpr:
		return a.callExpr(c, in)
	case *syntax.BinaryCmd:
		switch c.Op {
		case syntax.Pipe, syntax.PipeAll:
			var mid, out stream
			a.subshell(func() { mid = a.stmt(c.X, in, true) })
			a.subshell(func() { out = a.stmt(c.Y, mid, true) })
			return out
		case syntax.AndStmt:
			x := a.stmt(c.X, in, sameSpan)
			if isTest(c.X) {
				// "[ -f F ] && cmd": cmd runs only when the test holds
				a.conditional("&&", c.OpPos, func() { a.stmt(c.Y, in, sameSpan) })
				return unknownStream("is the output of a test and a command")
			}
			y := a.stmt(c.Y, in, sameSpan)
			return joinStreams(x, y)
		case syntax.OrStmt:
			a.stmt(c.X, in, sameSpan)
			a.conditional("||", c.OpPos, func() { a.stmt(c.Y, in, sameSpan) })
			return unknownStream("is the output of a command list with ||")
		}
	case *syntax.Subshell:
		var out stream
		a.subshell(func() { out = a.stmtList(c.Stmts, in, sameSpan) })
		return out
	case *syntax.Block:
		return a.stmtList(c.Stmts, in, sameSpan)
	case *syntax.IfClause:
		a.ifClause(c, in, sameSpan)
		return unknownStream("is the output of an if command")
	case *syntax.WhileClause:
		what := "while"
		if c.Until {
			what = "until"
		}
		a.conditional(what, c.WhilePos, func() {
			a.stmtList(c.Cond, in, sameSpan)
			a.stmtList(c.Do, in, sameSpan)
		})
		return unknownStream("is the output of a loop")
	case *syntax.ForClause:
		return a.forClause(c, in, sameSpan)
	case *syntax.CaseClause:
		a.conditional("case", c.Case, func() {
			for _, it := range c.Items {
				a.stmtList(it.Stmts, in, sameSpan)
			}
		})
		return unknownStream("is the output of a case command")
	case *syntax.FuncDecl:
		name := ""
		if c.Name != nil {
			name = c.Name.Value
		}
		a.note("function %q: its body is not analysed", name)
		return stream{ok: true}
	case *syntax.DeclClause:
		for _, as := range c.Args {
			if as.Name != nil && !as.Naked {
				a.assign(as)
			}
		}
		return stream{ok: true}
	case *syntax.TimeClause:
		if c.Stmt != nil {
			return a.stmt(c.Stmt, in, true)
		}
		return stream{ok: true}
	case *syntax.CoprocClause:
		a.note("coprocess not analysed")
		return unknownStream("is the output of a coprocess")
	case *syntax.LetClause, *syntax.ArithmCmd:
		a.forgetArithmVars(c)
		return stream{ok: true}
	case *syntax.TestClause, *syntax.TestDecl:
		return stream{ok: true}
	}
	return unknownStream("is the output of %q", a.text(cmd))
}

// forgetArithmVars marks the variables an arithmetic command assigns as
// unknown.
func (a *analyzer) forgetArithmVars(n syntax.Node) {
	syntax.Walk(n, func(n syntax.Node) bool {
		var x syntax.ArithmExpr
		switch e := n.(type) {
		case *syntax.BinaryArithm:
			switch e.Op {
			case syntax.Assgn, syntax.AddAssgn, syntax.SubAssgn, syntax.MulAssgn,
				syntax.QuoAssgn, syntax.RemAssgn, syntax.AndAssgn, syntax.OrAssgn,
				syntax.XorAssgn, syntax.ShlAssgn, syntax.ShrAssgn, syntax.AndBoolAssgn,
				syntax.OrBoolAssgn, syntax.XorBoolAssgn, syntax.PowAssgn:
				x = e.X
			}
		case *syntax.UnaryArithm:
			if e.Op == syntax.Inc || e.Op == syntax.Dec {
				x = e.X
			}
		}
		if w, ok := x.(*syntax.Word); ok {
			if name := w.Lit(); name != "" {
				a.setVar(name, unknown("uses $%s, which is computed", name))
			}
		}
		return true
	})
}

func (a *analyzer) ifClause(c *syntax.IfClause, in stream, sameSpan bool) {
	// The first condition always runs; the rest may not.
	a.stmtList(c.Cond, in, sameSpan)
	a.conditional("if", c.Position, func() {
		a.stmtList(c.Then, in, sameSpan)
		for e := c.Else; e != nil; e = e.Else {
			a.stmtList(e.Cond, in, sameSpan)
			a.stmtList(e.Then, in, sameSpan)
		}
	})
}

func (a *analyzer) forClause(c *syntax.ForClause, in stream, sameSpan bool) stream {
	it, ok := c.Loop.(*syntax.WordIter)
	if !ok {
		a.conditional("for", c.ForPos, func() { a.stmtList(c.Do, in, sameSpan) })
		return unknownStream("is the output of a loop")
	}
	name := it.Name.Value
	var items []value
	known := it.InPos.IsValid() && !a.unrolling && !c.Select
	for _, w := range it.Items {
		if !known {
			break
		}
		for _, v := range a.fields(w) {
			if !v.ok || v.glob || len(items) >= maxUnroll {
				known = false
				break
			}
			items = append(items, v)
		}
	}
	if known {
		a.unrolling = true
		out := stream{ok: true}
		for _, v := range items {
			a.setVar(name, v)
			out = joinStreams(out, a.stmtList(c.Do, in, sameSpan))
		}
		a.unrolling = false
		return out
	}
	a.setVar(name, unknown("uses $%s, the variable of a loop whose items are not known", name))
	a.conditional("for", c.ForPos, func() { a.stmtList(c.Do, in, sameSpan) })
	return unknownStream("is the output of a loop")
}

// assign records a variable assignment of the block.
func (a *analyzer) assign(as *syntax.Assign) {
	name := as.Name.Value
	switch {
	case as.Array != nil || as.Index != nil:
		a.setVar(name, unknown("uses $%s, an array", name))
	case as.Append:
		old, ok := a.getVar(name)
		v := a.assignValue(as)
		if ok && old.ok && v.ok {
			a.setVar(name, value{s: old.s + v.s, ok: true})
		} else {
			a.setVar(name, unknown("uses $%s, which is not known", name))
		}
	default:
		v := a.assignValue(as)
		if !v.ok {
			v = unknown("uses $%s, which is set to %q", name, a.text(as.Value))
		}
		a.setVar(name, v)
	}
}

func (a *analyzer) assignValue(as *syntax.Assign) value {
	if as.Value == nil {
		return value{ok: true}
	}
	v := a.word(as.Value, true)
	v.glob = false // no globbing in assignments
	return v
}

// resolve returns the absolute, cleaned path that a word (written raw,
// expanded to v) names, or false after a note saying why it is not known. what names
// the command or construct for the note.
func (a *analyzer) resolve(what, raw string, v value) (string, bool) {
	switch {
	case !v.ok:
		a.note("%s: path %q not known: it %s", what, raw, v.why)
		return "", false
	case v.glob:
		a.note("%s: path %q not known: it is a glob pattern", what, raw)
		return "", false
	case v.s == "":
		a.note("%s: path %q is empty", what, raw)
		return "", false
	case strings.ContainsRune(v.s, 0):
		a.note("%s: path %q holds a NUL byte", what, raw)
		return "", false
	case strings.HasPrefix(v.s, "/"):
		return path.Clean(v.s), true
	case strings.HasPrefix(v.s, "$") && pathLikeStart(v.s):
		a.note("%s: path %q not known: it starts with a placeholder that may hold an absolute path", what, raw)
		return "", false
	case a.st.Dir == "":
		a.note("%s: path %q not known: it is relative and the current directory is not known", what, raw)
		return "", false
	}
	return path.Clean(a.st.Dir + "/" + v.s), true
}

// pathLikeStart reports whether a template starts with a placeholder
// whose name says it holds a path ($APP_DIR, $REPOSITORY_ROOT, $CONF_FILE),
// which may be absolute. Other placeholders ($DOMAIN, $DJANGO_PROJECT)
// name a file or directory relative to the current directory.
func pathLikeStart(s string) bool {
	refs := placeholder.Scan(s)
	if len(refs) == 0 || refs[0].Start != 0 {
		return true
	}
	for _, w := range strings.Split(refs[0].Name, "_") {
		switch strings.ToUpper(w) {
		case "DIR", "DIRECTORY", "PATH", "ROOT", "HOME", "PREFIX", "FOLDER", "LOCATION",
			"BASE", "DEST", "DESTINATION", "TARGET", "FILE", "FILENAME", "SRC", "SOURCE", "PWD":
			return true
		}
		if strings.HasSuffix(w, "DIR") || strings.HasSuffix(w, "PATH") {
			return true
		}
	}
	return false
}

// addDir records that a directory and its parents exist.
func (a *analyzer) addDir(p string) {
	if a.st.Dirs == nil {
		a.st.Dirs = make(map[string]bool)
	}
	for p != "/" && p != "." && p != "" && !a.st.Dirs[p] {
		a.st.Dirs[p] = true
		p = path.Dir(p)
	}
}

// isDirArg reports whether an operand names a directory: written with a
// final slash, ".", "..", the current directory, a directory known to
// exist, or a well-known system directory.
func (a *analyzer) isDirArg(v value, p string) bool {
	s := v.s
	if strings.HasSuffix(s, "/") || s == "." || s == ".." || strings.HasSuffix(s, "/.") || strings.HasSuffix(s, "/..") {
		return true
	}
	return p == a.st.Dir || a.st.Dirs[p] || wellKnownDirs[p] || strings.HasSuffix(p, "-enabled") || strings.HasSuffix(p, "-available")
}

// wellKnownDirs are directories that exist on any system a tutorial
// deploys to, into which "ln -s" and "install" often put files.
var wellKnownDirs = map[string]bool{
	"/": true, "/bin": true, "/sbin": true, "/usr/bin": true, "/usr/sbin": true,
	"/usr/local/bin": true, "/usr/local/sbin": true, "/usr/local/lib": true,
	"/usr/local/share": true, "/usr/lib": true, "/usr/share": true,
	"/etc": true, "/etc/default": true, "/etc/init.d": true, "/etc/cron.d": true,
	"/etc/cron.daily": true, "/etc/cron.hourly": true, "/etc/cron.weekly": true,
	"/etc/cron.monthly": true, "/etc/logrotate.d": true, "/etc/profile.d": true,
	"/etc/sudoers.d": true, "/etc/systemd/system": true, "/lib/systemd/system": true,
	"/usr/lib/systemd/system": true, "/etc/apt/sources.list.d": true,
	"/etc/apt/trusted.gpg.d": true, "/etc/ssl/certs": true, "/etc/ssl/private": true,
	"/etc/nginx/conf.d": true, "/etc/apache2/conf.d": true, "/etc/php": true,
	"/etc/opt": true, "/opt": true, "/srv": true, "/var/www": true, "/var/opt": true,
	"/var/log": true, "/var/lib": true, "/var/cache": true, "/tmp": true, "/root": true,
	"/home": true, "/usr/local/etc": true,
}

// isTest reports whether a statement tests something rather than does
// it: "[ ... ]", "[[ ... ]]", test, grep -q, command -v, id, getent, a
// negation.
func isTest(st *syntax.Stmt) bool {
	if st == nil {
		return false
	}
	if st.Negated {
		return true
	}
	switch c := st.Cmd.(type) {
	case *syntax.TestClause:
		return true
	case *syntax.CallExpr:
		if len(c.Args) == 0 {
			return false
		}
		switch name := c.Args[0].Lit(); name {
		case "[", "test", "command", "which", "type", "id", "getent", "pgrep", "cmp", "diff":
			return true
		case "grep", "egrep", "fgrep":
			for _, w := range c.Args[1:] {
				if l := w.Lit(); strings.HasPrefix(l, "-") && !strings.HasPrefix(l, "--") && strings.ContainsAny(l, "qs") {
					return true
				}
			}
		}
	}
	return false
}

// createMode is the mode a new file or directory gets under umask mask
// ("?" when the mask is not known: then "?").
func createMode(k Kind, mask string) string {
	m, err := strconv.ParseUint(mask, 8, 32)
	if err != nil {
		return "?"
	}
	base := uint64(0o666)
	if k == Mkdir {
		base = 0o777
	}
	return fmt.Sprintf("%04o", base&^m)
}
