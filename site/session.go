package site

import (
	"regexp"
	"strings"
	"sync"
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

// shellPromptRE matches a shell prompt at the start of a line: "$ ",
// "# ", "% ", "user@host:~/src$ ", "[root@host etc]# ", "(venv) $ ".
var shellPromptRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:\([^()\s]{1,64}\) ?)?(?:\[[^\]\n]{1,128}\]|[A-Za-z0-9@:~/._+-]{0,128})[$#%](?: |\t|$)`)
})

// shellPrompt returns the length of the prompt that starts line, and
// whether there is one.
func shellPrompt(line string) (int, bool) {
	m := shellPromptRE().FindStringIndex(line)
	if m == nil {
		return 0, false
	}
	return m[1], true
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
