package shell

import (
	"regexp"
	"strconv"
	"strings"
)

// A Substitution is a sed command "s/PATTERN/REPLACEMENT/FLAGS" that the
// analysis can apply to a file it knows.
type Substitution struct {
	// Script is the command as written: "s/8000/9000/".
	Script string
	re     *regexp.Regexp
	repl   []replPart
	global bool
}

// A replPart is a piece of a replacement: literal text, or the text a
// group of the pattern matched (0 for the whole match, sed's "&").
type replPart struct {
	lit   string
	group int // -1 for literal text
}

// Apply applies the substitution to one line, as sed does, and reports
// whether it matched.
func (s *Substitution) Apply(line string) (string, bool) {
	var b strings.Builder
	done, matched := 0, false
	for _, m := range s.re.FindAllStringSubmatchIndex(line, -1) {
		if matched && !s.global {
			break
		}
		matched = true
		b.WriteString(line[done:m[0]])
		for _, p := range s.repl {
			if p.group < 0 {
				b.WriteString(p.lit)
			} else if 2*p.group+1 < len(m) && m[2*p.group] >= 0 {
				b.WriteString(line[m[2*p.group]:m[2*p.group+1]])
			}
		}
		done = m[1]
	}
	if !matched {
		return line, false
	}
	b.WriteString(line[done:])
	return b.String(), true
}

// sed follows "sed -i 's/A/B/[g]' FILE...": an edit the analysis can
// apply. Other scripts, and sed without -i, are left to untracked.
func (a *analyzer) sed(args []arg) bool {
	inPlace, extended := false, false
	script, nscripts := "", 0
	var files []arg
	for i := 0; i < len(args); i++ {
		x := args[i]
		if !x.ok {
			return false
		}
		switch {
		case x.s == "-i" || strings.HasPrefix(x.s, "-i") && !strings.ContainsAny(x.s[2:], "-") || x.s == "--in-place" || strings.HasPrefix(x.s, "--in-place="):
			inPlace = true
		case x.s == "-E" || x.s == "-r" || x.s == "--regexp-extended":
			extended = true
		case x.s == "-Ei" || x.s == "-ri" || x.s == "-iE" || x.s == "-ir":
			inPlace, extended = true, true
		case x.s == "-e" || x.s == "--expression":
			if i+1 >= len(args) || !args[i+1].ok {
				return false
			}
			i++
			script = args[i].s
			nscripts++
		case strings.HasPrefix(x.s, "--expression="):
			script = strings.TrimPrefix(x.s, "--expression=")
			nscripts++
		case x.s == "--":
			files = append(files, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(x.s, "-") && x.s != "-":
			return false // -n, -z, -f FILE, -s: not an edit tailor follows
		case nscripts == 0 && script == "":
			script = x.s
			nscripts++
		default:
			files = append(files, x)
		}
	}
	if !inPlace || nscripts != 1 || len(files) == 0 {
		return false
	}
	sub := parseSubstitution(script, extended)
	if sub == nil {
		return false
	}
	var paths []string
	for _, f := range files {
		p, ok := a.resolve("sed", f.raw, f.value)
		if !ok {
			return true // noted by resolve
		}
		paths = append(paths, p)
	}
	for _, p := range paths {
		a.emit(Effect{Kind: Edit, Path: p, Edit: sub})
	}
	return true
}

// parseSubstitution reads "s/PATTERN/REPLACEMENT/FLAGS" with any
// delimiter and the flags g and I; nil for anything else, or for a
// pattern that holds a placeholder (what it matches is not known).
func parseSubstitution(script string, extended bool) *Substitution {
	script = strings.TrimSpace(script)
	if len(script) < 4 || script[0] != 's' {
		return nil
	}
	delim := script[1]
	if delim == '\\' || delim == '\n' || delim == ' ' {
		return nil
	}
	parts, rest, ok := splitDelimited(script[2:], delim, 2)
	if !ok {
		return nil
	}
	global, fold := false, false
	for _, f := range rest {
		switch f {
		case 'g':
			global = true
		case 'I':
			fold = true
		default:
			return nil
		}
	}
	pat := parts[0]
	if hasPlaceholder(pat) || pat == "" {
		return nil
	}
	re := breToRE2(pat, extended)
	if re == "" {
		return nil
	}
	if fold {
		re = "(?i)" + re
	}
	compiled, err := regexp.Compile(re)
	if err != nil {
		return nil
	}
	compiled.Longest() // POSIX: the longest of the leftmost matches
	repl, ok := parseReplacement(parts[1], compiled.NumSubexp())
	if !ok {
		return nil
	}
	return &Substitution{Script: script, re: compiled, repl: repl, global: global}
}

// splitDelimited splits s into n parts ended by delim (a backslash
// escapes it) and returns what follows the last one.
func splitDelimited(s string, delim byte, n int) ([]string, string, bool) {
	var parts []string
	var cur strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && s[i+1] == delim:
			cur.WriteByte(delim)
			i++
			if delim == '&' || strings.IndexByte(".[]*^$+?(){}|", delim) >= 0 {
				return nil, "", false // an escaped delimiter that means something else
			}
		case c == '\\' && i+1 < len(s):
			cur.WriteByte(c)
			cur.WriteByte(s[i+1])
			i++
		case c == delim:
			parts = append(parts, cur.String())
			cur.Reset()
			if len(parts) == n {
				return parts, s[i+1:], true
			}
		case c == '\n':
			return nil, "", false
		default:
			cur.WriteByte(c)
		}
	}
	return nil, "", false
}

// hasPlaceholder reports whether s holds "$NAME" or "${NAME}".
func hasPlaceholder(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '$' && (s[i+1] == '{' || s[i+1] == '_' || s[i+1] >= 'A' && s[i+1] <= 'Z' || s[i+1] >= 'a' && s[i+1] <= 'z') {
			return true
		}
	}
	return false
}

// breToRE2 turns a POSIX basic regular expression (extended when ext is
// set) into Go's syntax, to be compiled for leftmost-longest matching as
// sed matches; "" when it uses what Go lacks (back references), what GNU
// sed would refuse, or what tailor does not translate.
func breToRE2(p string, ext bool) string {
	var b strings.Builder
	atStart := true // where "^" anchors and "*" is literal: the start of the pattern, a group or an alternative
	quant := false  // the last thing written is a quantifier
	for i := 0; i < len(p); i++ {
		c := p[i]
		start, afterQuant := atStart, quant
		atStart, quant = false, false
		quantifier := func(q string) bool {
			if start || afterQuant {
				return false // "^*", "a**": GNU reads them otherwise than Go
			}
			b.WriteString(q)
			quant = true
			return true
		}
		switch {
		case c == '\\':
			if i+1 >= len(p) {
				return ""
			}
			i++
			d := p[i]
			switch {
			case d >= '1' && d <= '9':
				return "" // a back reference
			case !ext && (d == '(' || d == '|'):
				b.WriteByte(d) // GNU BRE: \( opens a group, \| is an alternative
				atStart = true
			case !ext && d == ')':
				b.WriteByte(')')
			case !ext && d == '{':
				j := strings.Index(p[i+1:], `\}`)
				if j < 0 {
					return ""
				}
				iv, ok := interval(p[i+1 : i+1+j])
				if !ok || !quantifier(iv) {
					return ""
				}
				i += j + 2
			case !ext && (d == '+' || d == '?'):
				if !quantifier(string(d)) {
					return ""
				}
			case d == 'n':
				b.WriteString(`\n`)
			case d == 't':
				b.WriteString(`\t`)
			case strings.IndexByte(`.[]*^$\/{}+?|()`, d) >= 0:
				b.WriteByte('\\')
				b.WriteByte(d)
			case d == 's' || d == 'S' || d == 'w' || d == 'W':
				b.WriteByte('\\')
				b.WriteByte(d)
			default:
				if isWordByte(d) {
					return "" // \b, \<, GNU extensions with other meanings
				}
				b.WriteString(regexp.QuoteMeta(string(d)))
			}
		case c == '[':
			// a bracket expression, copied up to its end
			j := i + 1
			if j < len(p) && p[j] == '^' {
				j++
			}
			if j < len(p) && p[j] == ']' {
				j++
			}
			for j < len(p) && p[j] != ']' {
				if p[j] == '[' && j+1 < len(p) && p[j+1] == ':' {
					k := strings.Index(p[j+2:], ":]")
					if k < 0 {
						return ""
					}
					j += k + 4
					continue
				}
				if p[j] == '[' && j+1 < len(p) && (p[j+1] == '=' || p[j+1] == '.') {
					return "" // equivalence classes and collating symbols
				}
				if p[j] == '\\' {
					return "" // a backslash is literal in POSIX brackets, not in Go's
				}
				j++
			}
			if j >= len(p) {
				return ""
			}
			if inner := p[i+1 : j]; len(inner) > 1 && inner[0] == ':' && inner[len(inner)-1] == ':' {
				return "" // "[:space:]": GNU refuses it for [[:space:]]
			}
			b.WriteString(p[i : j+1])
			i = j
		case c == '^':
			if ext || start {
				b.WriteByte('^')
				atStart = true // a star after it is literal in a BRE
			} else {
				b.WriteString(`\^`) // literal inside a BRE
			}
		case c == '$':
			if ext || i == len(p)-1 || strings.HasPrefix(p[i+1:], `\)`) || strings.HasPrefix(p[i+1:], `\|`) {
				b.WriteByte('$')
			} else {
				b.WriteString(`\$`)
			}
		case c == '*':
			switch {
			case start && !ext:
				b.WriteString(`\*`) // a leading star is literal in a BRE
			case !quantifier("*"):
				return ""
			}
		case ext && c == '{':
			j := strings.IndexByte(p[i+1:], '}')
			if j < 0 {
				return ""
			}
			iv, ok := interval(p[i+1 : i+1+j])
			if !ok || !quantifier(iv) {
				return ""
			}
			i += j + 1
		case ext && (c == '+' || c == '?'):
			if !quantifier(string(c)) {
				return ""
			}
		case ext && (c == '(' || c == '|'):
			b.WriteByte(c)
			atStart = true
		case ext && c == ')':
			b.WriteByte(')')
		case !ext && strings.IndexByte("(){}+?|", c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c) // literal in a BRE
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// interval checks the inside of "{N}", "{N,}", "{N,M}" or "{,M}" and
// returns it as Go writes it.
func interval(iv string) (string, bool) {
	lo, hi, comma := strings.Cut(iv, ",")
	digits := func(s string) bool {
		for _, r := range s {
			if r < '0' || r > '9' {
				return false
			}
		}
		return len(s) <= 4
	}
	if !digits(lo) || !digits(hi) || lo == "" && (!comma || hi == "") {
		return "", false
	}
	if lo == "" {
		lo = "0"
	}
	if comma {
		return "{" + lo + "," + hi + "}", true
	}
	return "{" + lo + "}", true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '<' || c == '>' || c == '`' || c == '\''
}

// parseReplacement reads sed's replacement: "&" is the match, "\N" a
// group, "\n" a newline (refused: one line stays one line), "\&" and
// "\\" themselves.
func parseReplacement(r string, groups int) ([]replPart, bool) {
	var parts []replPart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, replPart{lit: lit.String(), group: -1})
			lit.Reset()
		}
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch {
		case c == '&':
			flush()
			parts = append(parts, replPart{group: 0})
		case c == '\\' && i+1 < len(r):
			i++
			d := r[i]
			switch {
			case d >= '0' && d <= '9':
				n, _ := strconv.Atoi(string(d))
				if n > groups {
					return nil, false
				}
				flush()
				parts = append(parts, replPart{group: n})
			case d == 't':
				lit.WriteByte('\t')
			case d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z':
				return nil, false // \n, \r, \x3b, case conversions: not translated
			default:
				lit.WriteByte(d)
			}
		case c == '\\':
			return nil, false
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	return parts, true
}
