package check

import (
	"strings"

	"github.com/tailordocs/tailor/content"
)

// bareNames warns about placeholder names written without their "$" in a
// code block.
func bareNames(f *content.File, text string, base int, used func(string) bool, diags *content.Diagnostics) {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !(c >= 'A' && c <= 'Z') || i > 0 && isNameByte(text[i-1]) {
			continue
		}
		j := i
		for j < len(text) && isNameByte(text[j]) {
			j++
		}
		name := text[i:j]
		if used(name) && isDistinctive(name) && !(i > 0 && (text[i-1] == '$' || text[i-1] == '{')) && !namesItself(text, i, j, name) {
			diags.Warnf(f.Position(base+i), "%s without its $: did you mean $%s?", name, name)
		}
		i = j
	}
}

// namesItself reports whether the bare name at text[i:j] is a key set to
// its own placeholder, as in "SECRET_KEY = '$SECRET_KEY'": a key followed
// by "=" or ":", or a line that also holds "$NAME".
func namesItself(text string, i, j int, name string) bool {
	k := j
	for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\'' || text[k] == '"') {
		k++
	}
	if k < len(text) && (text[k] == '=' || text[k] == ':') {
		return true
	}
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[j:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += j
	}
	line := text[start:end]
	return strings.Contains(line, "$"+name) || strings.Contains(line, "${"+name+"}")
}

// isDistinctive reports whether a name is unlikely to be an ordinary word
// of code: it has an underscore or is long.
func isDistinctive(name string) bool { return strings.Contains(name, "_") || len(name) >= 8 }

func isNameByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
