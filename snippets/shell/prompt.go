package shell

import (
	"io"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// promptLen returns the length of the shell prompt that starts line, such
// as "$ ", "# ", "% ", "user@host:~/src$ ", "[root@host etc]# " or
// "(venv) $ ", and whether there is one. A prompt alone on its line has
// the length of the line.
func promptLen(line string) (int, bool) {
	i := 0
	if strings.HasPrefix(line, "(") {
		// A virtualenv or conda prefix: "(venv) $ ", "(venv)$ ".
		j := strings.IndexByte(line, ')')
		if j < 0 || j > 64 || strings.ContainsAny(line[1:j], " \t(") {
			return 0, false
		}
		i = j + 1
		for i < len(line) && line[i] == ' ' {
			i++
		}
	}
	if i < len(line) && line[i] == '[' {
		// "[user@host dir]$ "
		j := strings.IndexByte(line[i:], ']')
		if j < 0 || j > 128 {
			return 0, false
		}
		i += j + 1
	} else {
		// "user@host:~/dir$ ", "host$ " or nothing.
		j := i
		for j < len(line) && isPromptByte(line[j]) {
			j++
		}
		if j-i > 128 {
			return 0, false
		}
		i = j
	}
	if i >= len(line) {
		return 0, false
	}
	switch line[i] {
	case '$', '#', '%':
	default:
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

func isPromptByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		strings.IndexByte("@:~/._-+", c) >= 0
}

// startsWithDollarPrompt reports whether the first non-blank line of text
// starts with a user's prompt ending in "$" ("$ ", "user@host:~$ ",
// "(venv) $ ") or root's with its host ("root@host:~# "): a shell block
// written as a console session. A bare "# " is not enough outside console
// blocks: it reads as a comment.
func startsWithDollarPrompt(text string) bool {
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		n, ok := promptLen(line)
		p := strings.TrimRight(line[:n], " \t")
		// "$ ", "user@host:~$ "; a root prompt only with its user@host
		return ok && (strings.HasSuffix(p, "$") || strings.HasSuffix(p, "#") && strings.Contains(p, "@"))
	}
	return false
}

// consoleReader feeds a console session to the parser one line at a time:
// a line with a prompt, without the prompt; while the parser is in the
// middle of a command, the next line without its "> " continuation
// prompt; any other line (output) as an empty line, so that line numbers
// stay those of the block. cols records, for each line, the number of
// bytes removed from its start.
type consoleReader struct {
	p    *syntax.Parser
	text string
	off  int    // where the next line of text starts
	rest string // what is left of the line being read
	n    int    // lines handed out
	cols []int
	src  strings.Builder // all that was given to the parser
}

func (r *consoleReader) Read(b []byte) (int, error) {
	if r.rest == "" {
		if r.off >= len(r.text) {
			return 0, io.EOF
		}
		line := r.text[r.off:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i+1]
		}
		r.off += len(line)
		body := strings.TrimSuffix(line, "\n")
		cut := 0
		switch {
		case r.n > 0 && r.p.Incomplete():
			switch {
			case strings.HasPrefix(body, "> "):
				cut = 2
			case body == ">":
				cut = 1
			}
		default:
			if n, ok := promptLen(body); ok {
				cut = n
			} else {
				cut = len(body) // output
			}
		}
		r.cols = append(r.cols, cut)
		r.n++
		r.rest = line[cut:]
		if r.rest == "" {
			r.rest = "\n" // last line without a newline, all cut
		}
		r.src.WriteString(r.rest)
	}
	n := copy(b, r.rest)
	r.rest = r.rest[n:]
	return n, nil
}
