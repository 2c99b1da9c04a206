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
		// "user@host:~/dir$ ", "host$ " or nothing; the directory may
		// hold a placeholder ("root@host:/opt/$APP# ").
		j := i
		for j < len(line) {
			if isPromptByte(line[j]) {
				j++
			} else if k := placeholderEnd(line, j); k > j && strings.Contains(line[i:j], ":") {
				j = k
			} else {
				break
			}
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

// placeholderEnd returns the end of the placeholder ("$NAME", "${NAME}")
// at line[j], or j when there is none.
func placeholderEnd(line string, j int) int {
	if j+1 >= len(line) || line[j] != '$' {
		return j
	}
	k := j + 1
	braced := line[k] == '{'
	if braced {
		k++
	}
	if k >= len(line) || line[k] < 'A' || line[k] > 'Z' {
		return j
	}
	for k < len(line) && (line[k] == '_' || line[k] >= 'A' && line[k] <= 'Z' || line[k] >= 'a' && line[k] <= 'z' || line[k] >= '0' && line[k] <= '9') {
		k++
	}
	if braced {
		if k >= len(line) || line[k] != '}' {
			return j
		}
		k++
	}
	return k
}

// promptDir returns the directory a prompt shows: "/srv/app" for
// "user@host:/srv/app$", "~user/src" for "user@host:~/src$", and a last
// name alone ("app" for "[user@host app]$"); "" when it shows none.
func promptDir(prompt string) string {
	p := strings.TrimSpace(prompt)
	if strings.HasPrefix(p, "(") {
		if i := strings.IndexByte(p, ')'); i >= 0 {
			p = strings.TrimSpace(p[i+1:])
		}
	}
	p = strings.TrimRight(p, "$#% \t")
	at := strings.IndexByte(p, '@')
	if at < 0 {
		return ""
	}
	user, d := p[:at], ""
	if strings.HasPrefix(p, "[") && strings.HasSuffix(p, "]") {
		// "[user@host dir]"
		f := strings.Fields(p[1 : len(p)-1])
		if len(f) != 2 {
			return ""
		}
		user, d = user[1:], f[1]
	} else if colon := strings.IndexByte(p[at:], ':'); colon >= 0 {
		d = p[at+colon+1:]
	}
	if d == "~" || strings.HasPrefix(d, "~/") {
		return "~" + user + d[1:] // the home of the prompt's user
	}
	return d
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
	dirs map[int]string  // the directory the prompt of a line shows, by 1-based line
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
				if d := promptDir(body[:n]); d != "" {
					if r.dirs == nil {
						r.dirs = map[int]string{}
					}
					r.dirs[r.n+1] = d
				}
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
