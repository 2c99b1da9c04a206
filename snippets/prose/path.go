package prose

import (
	"strings"
	"unicode"
)

// PathKind says whether a token names a file or directory, and how.
type PathKind int

// Kinds of paths.
const (
	NotPath  PathKind = iota
	AbsPath           // "/etc/hosts", or "$CONF_DIR/app.ini", absolute once filled in
	RelPath           // "conf/app.ini", "settings.py", ".env"
	HomePath          // "~/.bashrc", "$HOME/.vimrc": the reader's own
)

// ClassifyPath says whether a token looks like a path. Plain words must
// have a slash or an extension to count; literals may be bare names when
// named is true (right after "file", "named", ...).
func ClassifyPath(t Token, named bool) PathKind {
	switch {
	case t.paths&classified == 0:
		return classifyPath(t, named)
	case named:
		return PathKind(t.paths >> 2 & 3)
	}
	return PathKind(t.paths & 3)
}

// classified marks a token whose path kinds are kept in it.
const classified = 0x80

func classifyPath(t Token, named bool) PathKind {
	s := t.Text
	switch {
	case s == "" || hasAny(s, &notInPaths) || strings.Contains(s, "://"):
		return NotPath
	case strings.HasPrefix(s, "~") || UserDirRef(s):
		return HomePath
	case strings.HasPrefix(s, "$") && strings.Contains(s, "/"):
		return AbsPath // "$CONF_DIR/app.ini": absolute once filled in, which Render checks
	case strings.HasPrefix(s, "/"):
		if len(s) < 2 {
			return NotPath
		}
		return AbsPath
	case strings.HasPrefix(s, "-") || strings.HasPrefix(s, "$(") || strings.ContainsAny(s, "=@") || allDigitsDots(s):
		return NotPath
	}
	if relative(s) || t.Literal && (named || FileNames[s]) && isWordish(s) {
		return RelPath
	}
	return NotPath
}

// relative reports whether s has the shape of a relative path: a slash, a
// dot file, or a name with an extension.
func relative(s string) bool {
	if strings.Contains(s, "/") {
		return true
	}
	if strings.HasPrefix(s, ".") && len(s) > 1 && isWordish(s[1:]) {
		return true // dotfile
	}
	dot := strings.LastIndexByte(s, '.')
	return dot > 0 && dot < len(s)-1 && isWordish(s[dot+1:]) && isWordish(strings.ReplaceAll(s[:dot], ".", ""))
}

// pathMarks are the bytes of which a word that is not a literal holds one
// at least to be a path: the start of a home, absolute or variable path,
// a slash, a dot.
var pathMarks = byteSet("~$/.")

// notInPaths are the bytes no path of a tutorial's prose holds.
var notInPaths = byteSet(" \t\n<>|*?{}[]\"'`,;()")

func byteSet(chars string) (set [256]bool) {
	for i := 0; i < len(chars); i++ {
		set[chars[i]] = true
	}
	return set
}

// hasAny reports whether s holds a byte of the set.
func hasAny(s string, set *[256]bool) bool {
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return true
		}
	}
	return false
}

// IsPath reports whether the token names a path.
func (t Token) IsPath(named bool) bool { return ClassifyPath(t, named) != NotPath }

var userDirVars = []string{"$HOME", "${HOME}", "$PWD", "${PWD}", "$OLDPWD", "$XDG_CONFIG_HOME", "$TMPDIR"}

// UserDirRef reports whether a path starts with a variable that names
// the reader's own directories ($HOME, $PWD, ...): no file of the server.
func UserDirRef(s string) bool {
	if !strings.HasPrefix(s, "$") {
		return false
	}
	for _, v := range userDirVars {
		if rest, ok := strings.CutPrefix(s, v); ok && (rest == "" || rest[0] == '/') {
			return true
		}
	}
	return false
}

func allDigitsDots(s string) bool {
	for _, r := range s {
		if r != '.' && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isWordish(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r == '-' || r == '$' || r == '{' || r == '}' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}
