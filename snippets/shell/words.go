package shell

import (
	"slices"
	"strings"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"

	"github.com/tailordocs/tailor/placeholder"
)

// A tmpl builds a template: literal text with placeholders written "$NAME",
// or "${NAME}" when a name character follows.
type tmpl struct {
	b  []byte
	ph int // start of a "$NAME" ending b, or -1
}

func newTmpl() tmpl { return tmpl{ph: -1} }

func (t *tmpl) text(s string) {
	if s == "" {
		return
	}
	if t.ph >= 0 && isNameByte(s[0]) {
		name := string(t.b[t.ph+1:])
		t.b = append(t.b[:t.ph], "${"+name+"}"...)
	}
	t.ph = -1
	t.b = append(t.b, s...)
}

func (t *tmpl) placeholder(name string) {
	// "$" is not a name character: a placeholder right after another
	// needs no braces.
	t.ph = len(t.b)
	t.b = append(t.b, '$')
	t.b = append(t.b, name...)
}

// template appends a template made elsewhere (a variable's value), keeping
// track of a placeholder that ends it.
func (t *tmpl) template(s string) {
	if s == "" {
		return
	}
	t.text(s)
	refs := placeholder.Scan(s)
	if n := len(refs); n > 0 && refs[n-1].End == len(s) && !refs[n-1].Braced {
		t.ph = len(t.b) - len(s) + refs[n-1].Start
	}
}

func (t *tmpl) String() string { return string(t.b) }

func isNameByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// systemVars are variables that the shell or the system sets: they are
// never placeholders, and their values are not known.
var systemVars = map[string]bool{
	"HOME": true, "USER": true, "LOGNAME": true, "SHELL": true, "PATH": true,
	"TMPDIR": true, "HOSTNAME": true, "HOSTTYPE": true, "UID": true, "EUID": true,
	"GROUPS": true, "RANDOM": true, "SECONDS": true, "LINENO": true, "IFS": true,
	"PS1": true, "PS2": true, "PPID": true, "BASH": true, "BASH_SOURCE": true,
	"LANG": true, "LC_ALL": true, "TERM": true, "EDITOR": true, "VISUAL": true,
	"PAGER": true, "MAIL": true, "OSTYPE": true, "MACHTYPE": true, "SUDO_USER": true,
	"XDG_CONFIG_HOME": true, "XDG_DATA_HOME": true, "XDG_RUNTIME_DIR": true,
	"VIRTUAL_ENV": true, "PYTHONPATH": true, "REPLY": true, "OPTARG": true, "OPTIND": true,
}

// word expands w into a template. Unquoted parameter expansions whose
// value holds blanks are not known unless noSplit is set (an assignment, a
// here-string), since the shell would split them into several words.
func (a *analyzer) word(w *syntax.Word, noSplit bool) value {
	if w == nil {
		return value{ok: true}
	}
	t := newTmpl()
	v := value{ok: true}
	for i, part := range w.Parts {
		if why := a.wordPart(&t, &v, part, i == 0, false, noSplit); why != "" {
			return value{why: why}
		}
	}
	v.s = t.String()
	return v
}

// wordPart adds one part of a word to t; it returns why the part is not
// known, or "".
func (a *analyzer) wordPart(t *tmpl, v *value, part syntax.WordPart, first, quoted, noSplit bool) string {
	switch p := part.(type) {
	case *syntax.Lit:
		if quoted {
			t.text(unescapeDouble(p.Value))
			return ""
		}
		s := p.Value
		if first && strings.HasPrefix(s, "~") {
			home, rest, ok := a.tilde(s)
			if !ok {
				return `starts with "~", the home directory`
			}
			t.text(home)
			s = rest
		}
		lit, glob := unescapeBare(s)
		if glob {
			v.glob = true
		}
		t.text(lit)
	case *syntax.SglQuoted:
		if p.Dollar && strings.Contains(p.Value, `\`) {
			return "uses $'...' escapes"
		}
		t.text(p.Value)
	case *syntax.DblQuoted:
		for _, q := range p.Parts {
			if why := a.wordPart(t, v, q, false, true, noSplit); why != "" {
				return why
			}
		}
	case *syntax.ParamExp:
		return a.param(t, p, quoted || noSplit)
	case *syntax.CmdSubst:
		return "holds a command substitution"
	case *syntax.ArithmExp:
		return "holds an arithmetic expansion"
	case *syntax.ProcSubst:
		return "holds a process substitution"
	case *syntax.ExtGlob:
		v.glob = true
		t.text(a.text(p))
	case *syntax.BraceExp:
		return "holds a brace expansion"
	default:
		return "holds an expansion that is not understood"
	}
	return ""
}

// param adds a parameter expansion to t.
func (a *analyzer) param(t *tmpl, p *syntax.ParamExp, quoted bool) string {
	if p.Param == nil || p.Excl || p.Length || p.Width || p.IsSet || p.Index != nil ||
		p.Slice != nil || p.Repl != nil || p.Names != 0 || p.Exp != nil ||
		p.Flags != nil || p.NestedParam != nil || len(p.Modifiers) > 0 ||
		p.Split != syntax.OptUnset || p.GlobSubst != syntax.OptUnset || p.RcExpand != syntax.OptUnset {
		return "uses " + quote(a.text(p))
	}
	name := p.Param.Value
	if v, ok := a.getVar(name); ok {
		if !v.ok {
			return v.why
		}
		if !quoted && strings.ContainsAny(v.s, " \t\n*?[") {
			return "uses $" + name + " unquoted, which the shell splits or globs"
		}
		t.template(v.s)
		return ""
	}
	switch {
	case name == "PWD":
		if a.st.Dir == "" {
			return "uses $PWD and the current directory is not known"
		}
		t.template(a.st.Dir)
		return ""
	case name == "OLDPWD":
		if a.oldDir == "" {
			return "uses $OLDPWD, which is not known"
		}
		t.template(a.oldDir)
		return ""
	case systemVars[name]:
		return "uses $" + name + ", which depends on the system"
	case placeholder.IsName(name):
		t.placeholder(name)
		return ""
	case name != "" && (name[0] >= 'a' && name[0] <= 'z' || name[0] == '_'):
		return "uses $" + name + ", which this block does not set"
	}
	return "uses " + quote(a.text(p))
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// unescapeBare removes the backslashes of an unquoted literal and reports
// whether it holds an unescaped glob character.
func unescapeBare(s string) (string, bool) {
	if !strings.ContainsAny(s, `\*?[`) {
		return s, false
	}
	var b strings.Builder
	glob := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) {
				i++
				if s[i] != '\n' {
					b.WriteByte(s[i])
				}
			}
			continue
		case '*', '?', '[':
			glob = true
		}
		b.WriteByte(c)
	}
	return b.String(), glob
}

// unescapeDouble removes the backslashes that quote within double quotes:
// before $, `, ", \ and newline.
func unescapeDouble(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '$', '`', '"', '\\':
				b.WriteByte(s[i+1])
				i++
				continue
			case '\n':
				i++
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// fields expands w into the words the shell makes of it: several for a
// brace expansion ("/srv/{www,logs}"), else one.
func (a *analyzer) fields(w *syntax.Word) []value {
	if !slices.ContainsFunc(w.Parts, func(p syntax.WordPart) bool {
		l, ok := p.(*syntax.Lit)
		return ok && strings.Contains(l.Value, "{")
	}) {
		return []value{a.word(w, false)}
	}
	c := &syntax.Word{Parts: slices.Clone(w.Parts)}
	if !syntax.SplitBraces(c) {
		return []value{a.word(w, false)}
	}
	var out []value
	for x, err := range expand.BracesSeq(nil, c) {
		if err != nil || len(out) >= maxBraceWords {
			return []value{unknown("makes too many words by brace expansion")}
		}
		out = append(out, a.word(x, false))
	}
	return out
}

// hdocRange returns the offsets in src of the body of a here-document
// and of the line after its closing delimiter.
func (a *analyzer) hdocRange(r *syntax.Redirect) (start, end int, ok bool) {
	if r.Hdoc == nil || len(r.Hdoc.Parts) == 0 {
		return 0, 0, false
	}
	off := min(int(r.Hdoc.Pos().Offset()), len(a.src))
	start = strings.LastIndexByte(a.src[:off], '\n') + 1
	delim, _ := a.hdocDelim(r)
	dash := r.Op == syntax.DashHdoc
	for i := start; i < len(a.src); {
		j := strings.IndexByte(a.src[i:], '\n')
		next := len(a.src)
		line := a.src[i:]
		if j >= 0 {
			line, next = a.src[i:i+j], i+j+1
		}
		if dash {
			line = strings.TrimLeft(line, "\t")
		}
		if line == delim {
			return start, i, true
		}
		i = next
	}
	return start, len(a.src), true
}

// hdocDelim returns a here-document's delimiter and whether it is quoted
// (then the body is not expanded).
func (a *analyzer) hdocDelim(r *syntax.Redirect) (string, bool) {
	var b strings.Builder
	quoted := false
	for _, p := range r.Word.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			s, _ := unescapeBare(p.Value)
			if s != p.Value {
				quoted = true
			}
			b.WriteString(s)
		case *syntax.SglQuoted:
			quoted = true
			b.WriteString(p.Value)
		case *syntax.DblQuoted:
			quoted = true
			for _, q := range p.Parts {
				if l, ok := q.(*syntax.Lit); ok {
					b.WriteString(l.Value)
				} else {
					b.WriteString(a.text(q))
				}
			}
		default:
			b.WriteString(a.text(p))
		}
	}
	return b.String(), quoted
}

// hdocBody returns the text a here-document gives: its body as written,
// without the leading tabs of <<-, and, when the delimiter is not quoted,
// with the shell's backslash escapes removed and the block's own variables
// expanded. Placeholders and other expansions are kept as written.
func (a *analyzer) hdocBody(r *syntax.Redirect) stream {
	start, end, ok := a.hdocRange(r)
	if !ok {
		return stream{ok: true}
	}
	_, quoted := a.hdocDelim(r)
	dash := r.Op == syntax.DashHdoc
	var b strings.Builder
	lineStart := true
	raw := func(s string) {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if lineStart && dash && c == '\t' {
				continue
			}
			lineStart = false
			if !quoted && c == '\\' && i+1 < len(s) {
				switch s[i+1] {
				case '$', '`', '\\':
					b.WriteByte(s[i+1])
					i++
					continue
				case '\n':
					i++
					continue
				}
			}
			b.WriteByte(c)
			if c == '\n' {
				lineStart = true
			}
		}
	}
	at := start
	if !quoted {
		for _, p := range r.Hdoc.Parts {
			ps, pe := int(p.Pos().Offset()), int(p.End().Offset())
			if ps < at || pe > end || ps >= pe {
				continue
			}
			rep, keep := a.hdocPart(p)
			if keep {
				continue
			}
			raw(a.src[at:ps])
			b.WriteString(rep)
			lineStart = false
			at = pe
		}
	}
	raw(a.src[at:end])
	return stream{data: b.String(), ok: true}
}

// hdocPart returns what an expansion in the body of an unquoted
// here-document becomes: the value of a variable the block sets, or, when
// keep is set, the expansion as written (with a note when the shell would
// expand it to something else).
func (a *analyzer) hdocPart(p syntax.WordPart) (rep string, keep bool) {
	switch p := p.(type) {
	case *syntax.Lit:
		return "", true
	case *syntax.ParamExp:
		if p.Param != nil && !p.Excl && !p.Length && p.Index == nil && p.Slice == nil &&
			p.Repl == nil && p.Exp == nil && p.Names == 0 {
			name := p.Param.Value
			v, set := a.getVar(name)
			switch {
			case set && v.ok:
				return v.s, false
			case !set && placeholder.IsName(name) && !systemVars[name]:
				return "", true // a placeholder
			}
		}
		a.note("here-document body: the shell expands %q, kept as written; quote the delimiter (<<'EOF') to keep it as it is", a.text(p))
	case *syntax.CmdSubst:
		a.note("here-document body: the shell runs %q, kept as written; quote the delimiter (<<'EOF') to keep it as it is", a.text(p))
	case *syntax.ArithmExp:
		a.note("here-document body: the shell computes %q, kept as written; quote the delimiter (<<'EOF') to keep it as it is", a.text(p))
	}
	return "", true
}

// tilde expands the "~" or "~user" that starts s: the home directory of
// the user the tutorial's login shell runs as, or of the user named,
// when the tutorial made it (or it is root). It returns the home, the
// rest of s, and whether the home is known.
func (a *analyzer) tilde(s string) (string, string, bool) {
	end := strings.IndexByte(s, '/')
	if end < 0 {
		end = len(s)
	}
	user := s[1:end]
	if user == "" {
		user = a.st.User
	}
	home := a.st.home(user)
	return home, s[end:], home != ""
}
