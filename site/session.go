package site

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// Prompts and output lines of a session (a console or a Python
// interpreter shown with its prompts) are marked with chroma's classes for
// them, gp and go, so that a copy button can leave them out and copy the
// commands alone.
const (
	promptOpen = `<span class="gp">`
	outputOpen = `<span class="go">`
)

// consoleLangs are the languages of shell sessions: prompts, commands and
// their output.
var consoleLangs = map[string]bool{
	"console": true, "shell-session": true, "sh-session": true, "bash-session": true,
	"shellsession": true, "terminal": true, "doscon": true,
}

// shellLangs are shell languages whose blocks are sometimes written as
// sessions ("$ apt install nginx").
var shellLangs = map[string]bool{"bash": true, "sh": true, "shell": true, "zsh": true, "ksh": true}

// pythonLangs are the names of Python for which Sphinx reads a block that
// starts with ">>>" as an interpreter session.
var pythonLangs = map[string]bool{"python": true, "py": true, "python3": true, "py3": true, "default": true}

// sessionKind tells how a session's lines start.
type sessionKind int

const (
	noSession sessionKind = iota
	shellSession
	pythonSession
)

// sessionOf returns the kind of session a code block of lang holds: a
// console block always; a shell or plain block whose first line starts
// with a user's prompt ("$ ", "user@host:~$ "), since "# " there reads as
// a comment; a Python block that starts with ">>>", as Sphinx reads it.
func sessionOf(lang, text string) sessionKind {
	l := strings.ToLower(strings.TrimSpace(lang))
	switch {
	case consoleLangs[l]:
		return shellSession
	case l == "pycon" || l == "python-console" || pythonLangs[l] && strings.HasPrefix(text, ">>>"):
		return pythonSession
	case shellLangs[l] || plainLangs[l] || l == sphinxDefault:
		if n, ok := shellPrompt(firstLine(text)); ok && strings.HasSuffix(strings.TrimRight(firstLine(text)[:n], " \t"), "$") {
			return shellSession
		}
	}
	return noSession
}

func firstLine(text string) string {
	for line := range strings.Lines(text) {
		if strings.TrimSpace(line) != "" {
			return strings.TrimRight(line, "\r\n")
		}
	}
	return ""
}

// shellPrompt returns the length of the shell prompt that starts line,
// and whether there is one: "$ ", "# ", "% ", "user@host:~/src$ ",
// "[root@host etc]# ", "(venv) $ ". That is: an optional "(name)" of 1
// to 64 characters other than parentheses, space, tab, newline, form
// feed and carriage return, and an optional space; then "[...]" of 1 to
// 128 characters other than "]" and newline, or 0 to 128 of
// [A-Za-z0-9@:~/._+-]; then $, # or %, and a space, a tab or the end.
func shellPrompt(line string) (int, bool) {
	i := 0
	if strings.HasPrefix(line, "(") {
		n := runesWhile(line[1:], 64, func(r rune) bool {
			return r != '(' && r != ')' && r != ' ' && r != '\t' && r != '\n' && r != '\f' && r != '\r'
		})
		if n <= 0 || !strings.HasPrefix(line[1+n:], ")") {
			return 0, false
		}
		i = 1 + n + 1
		if strings.HasPrefix(line[i:], " ") {
			i++
		}
	}
	if strings.HasPrefix(line[i:], "[") {
		n := runesWhile(line[i+1:], 128, func(r rune) bool { return r != ']' && r != '\n' })
		if n <= 0 || !strings.HasPrefix(line[i+1+n:], "]") {
			return 0, false
		}
		i += 1 + n + 1
	} else {
		n := runesWhile(line[i:], 128, func(r rune) bool {
			return r < utf8.RuneSelf && (isAlnum(byte(r)) || strings.IndexByte("@:~/._+-", byte(r)) >= 0)
		})
		if n < 0 {
			return 0, false
		}
		i += n
	}
	if i == len(line) || strings.IndexByte("$#%", line[i]) < 0 {
		return 0, false
	}
	i++
	switch {
	case i == len(line):
		return i, true
	case line[i] == ' ' || line[i] == '\t':
		return i + 1, true
	}
	return 0, false
}

// runesWhile returns the length in bytes of the characters that start s
// and that ok holds, when there are at most max of them; -1 when there
// are more. A byte that is not UTF-8 is one character.
func runesWhile(s string, max int, ok func(rune) bool) int {
	i, n := 0, 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !ok(r) {
			break
		}
		if n++; n > max {
			return -1
		}
		i += size
	}
	return i
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// pythonPrompt returns the length of the ">>> " or "... " prompt that
// starts line, and whether there is one.
func pythonPrompt(line string) (int, bool) {
	for _, p := range []string{">>>", "..."} {
		if rest, ok := strings.CutPrefix(line, p); ok && (rest == "" || rest[0] == ' ') {
			return min(len(line), len(p)+1), true
		}
	}
	return 0, false
}

// heredocRE finds the delimiter of a here-document that a command line
// opens: <<EOF, <<-EOF, << 'EOF', <<"EOF".
var heredocRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`<<-?\s*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][A-Za-z0-9_]*))`)
})

// sessionMarks returns the marks of a session: each prompt as gp, each
// output line (with its newline) as go, and the commands highlighted in
// the session's language. A line continues the command before it after a
// trailing backslash or inside a here-document; a continuation prompt
// ("> ", "... ") is a prompt too.
func sessionMarks(kind sessionKind, text string) []mark {
	lang := "bash"
	prompt := shellPrompt
	if kind == pythonSession {
		lang, prompt = "python", pythonPrompt
	}
	var marks []mark
	command := func(start, end int) {
		for _, m := range highlight(lang, text[start:end]) {
			m.start += start
			m.end += start
			marks = append(marks, m)
		}
	}
	heredoc := "" // the delimiter that ends the open here-document
	cont := false // the previous line continues on this one
	off := 0
	for line := range strings.Lines(text) {
		start := off
		off += len(line)
		body := strings.TrimRight(line, "\r\n")
		switch {
		case heredoc != "":
			if strings.TrimLeft(body, "\t") == heredoc {
				heredoc = ""
			}
			continue // text, as the command gives it
		case cont:
			n := 0
			if kind == shellSession && (strings.HasPrefix(body, "> ") || body == ">") {
				n = min(2, len(body))
			} else if kind == pythonSession {
				n, _ = pythonPrompt(body)
			}
			if n > 0 {
				marks = append(marks, mark{start, start + n, promptOpen, "</span>"})
			}
			command(start+n, start+len(body))
			cont = strings.HasSuffix(body, `\`)
		default:
			n, ok := prompt(body)
			if !ok {
				if body != "" {
					marks = append(marks, mark{start, off, outputOpen, "</span>"})
				}
				continue
			}
			marks = append(marks, mark{start, start + n, promptOpen, "</span>"})
			command(start+n, start+len(body))
			cont = strings.HasSuffix(body, `\`)
			if kind == pythonSession {
				// the lines of a block open on the next prompts
				cont = false
			}
		}
		if kind == shellSession {
			if m := heredocRE().FindStringSubmatch(body); m != nil {
				heredoc = m[1] + m[2] + m[3]
			}
		}
	}
	return marks
}
