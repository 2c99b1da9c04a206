package shell

import (
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// LooksLikeShell reports whether an untagged block (reST "::" or a fence
// without a language) is shell commands: it parses as shell (as a console
// session when its first line has a "$" prompt), it has at least one command,
// and every command name is one the analysis knows (see registry.go: apt,
// apt-get, mkdir, chmod, service, systemctl, cd, ln, ...). Config files,
// Python and program output fail one of these tests.
func LooksLikeShell(text string) bool {
	if strings.TrimSpace(text) == "" {
		return false
	}
	var res results
	a := newAnalyzer(new(State), &res)
	session := startsWithDollarPrompt(text)
	f, err := a.parse(text, session)
	if err != nil {
		return false
	}
	if session {
		return true // "$ promtool check config x": a session, whatever the commands
	}
	commands, ok := 0, true
	syntax.Walk(f, func(n syntax.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *syntax.CallExpr:
			if len(n.Args) == 0 {
				return true
			}
			name := n.Args[0].Lit()
			if strings.Contains(name, "/") {
				name = path.Base(name)
			}
			if byName[name] == nil {
				ok = false
				return false
			}
			commands++
		case *syntax.FuncDecl, *syntax.ArithmCmd, *syntax.LetClause, *syntax.CoprocClause:
			ok = false // rare in tutorials, common in misparsed code
		}
		return true
	})
	return ok && commands > 0
}
