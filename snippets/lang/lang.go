// Package lang is the registry of the languages a tutorial's code blocks
// are marked with ("bash", "console", "python", "nginx", ...): for each
// one its aliases, its family, the comment that marks what tailor merges
// into a file of it, the file names that are of it, and whether its
// blocks can be lines of a file at all.
//
// Every part of tailor that asks "is this block shell?", "what language
// is /etc/nginx/conf.d/app.conf?" or "how is a comment written in it?"
// asks this package, so that the answers agree. A new language is one
// entry in the list of registry.go.
//
// The package imports nothing of tailor's and keeps no state but the
// registry, which is read-only after init: it is safe for concurrent use.
package lang

import (
	"path"
	"strings"
)

// A Family groups languages whose values are quoted alike and whose
// blocks are read alike.
type Family string

// The families. Plain is the family of text, unknown languages and
// blocks with no language.
const (
	Plain    Family = ""
	Shell    Family = "sh"       // shell scripts: commands, one per line
	Console  Family = "console"  // shell sessions: prompts, commands and their output
	Session  Family = "session"  // other interactive sessions (>>>, psql, PowerShell): never a file
	Output   Family = "output"   // a program's output: never a file
	Python   Family = "python"   // Python source
	INI      Family = "ini"      // INI files: [sections] and key = value
	TOML     Family = "toml"     // TOML
	YAML     Family = "yaml"     // YAML
	JSON     Family = "json"     // JSON: no comments
	JS       Family = "js"       // JavaScript, TypeScript and JSON5
	Nginx    Family = "nginx"    // nginx configuration
	Apache   Family = "apache"   // Apache httpd configuration
	Systemd  Family = "systemd"  // systemd units
	Crontab  Family = "crontab"  // crontab lines
	PHP      Family = "php"      // PHP
	HTML     Family = "html"     // HTML and templates of it
	XML      Family = "xml"      // XML and SVG
	CSS      Family = "css"      // CSS and its dialects
	SQL      Family = "sql"      // SQL
	Vim      Family = "vim"      // Vim script
	Markdown Family = "markdown" // Markdown
	Code     Family = "code"     // other programming languages: C-like comments
)

// A Lang is one language of code blocks.
type Lang struct {
	// Name is the canonical name, in lower case ("python").
	Name string
	// Aliases are other names blocks use for it ("py", "python3").
	Aliases []string
	// Family says how its values are quoted and its blocks read.
	Family Family
	// Comment is the line comment that marks the block tailor merges
	// into a file of this language ("#", "//", "<!--"); "" for a format
	// without comments, into which nothing can be merged.
	Comment string
	// Exts are the file name extensions of its files (".py").
	Exts []string
	// OneKind is set when all files of the language are of one kind (a
	// Python module, an nginx site), so that a second block of it goes on
	// with the file of the first; INI, YAML or JSON blocks may be any of
	// many unrelated files.
	OneKind bool
	// BareEllipsis is set when a line that is only "..." is code (Python's
	// Ellipsis, the end of a YAML document), not lines left out.
	BareEllipsis bool
	// Vars are the $NAMEs the language's programs give values to, left
	// as written; nil for none.
	Vars *Vars
}

// NeverFile reports whether blocks of the language are never lines of a
// file: sessions with prompts and program output.
func (l *Lang) NeverFile() bool {
	return l != nil && (l.Family == Console || l.Family == Session || l.Family == Output)
}

var byName = func() map[string]*Lang {
	m := map[string]*Lang{}
	for _, l := range registry {
		m[l.Name] = l
		for _, a := range l.Aliases {
			m[a] = l
		}
	}
	return m
}()

// Lookup returns the language a block is marked with, case and
// surrounding space ignored, or nil when tailor does not know it (or
// name is empty).
func Lookup(name string) *Lang {
	return byName[strings.ToLower(strings.TrimSpace(name))]
}

// FamilyOf returns the family of the language name, Plain when unknown.
func FamilyOf(name string) Family {
	if l := Lookup(name); l != nil {
		return l.Family
	}
	return Plain
}

// IsNone reports whether a block's language says nothing of what it is:
// none given, "text", "none", or a name that only turns highlighting off
// ("no-highlight", "plaintext").
func IsNone(name string) bool {
	switch strings.ToLower(name) {
	case "", "text", "none", "txt", "plain", "plaintext", "no-highlight", "nohighlight":
		return true
	}
	return false
}

// Or returns name, or def when name says nothing (IsNone).
func Or(name, def string) string {
	if IsNone(name) {
		return def
	}
	return name
}

// IsShell reports whether blocks of the language are shell commands: a
// script ("bash", "sh", "zsh", ...) or a session with prompts ("console",
// "shell-session").
func IsShell(name string) bool {
	f := FamilyOf(name)
	return f == Shell || f == Console
}

// IsConsole reports whether blocks of the language are shell sessions,
// whose lines with a prompt are commands and the others output.
func IsConsole(name string) bool { return FamilyOf(name) == Console }

// NeverFile reports whether blocks of the language are never lines of a
// file (sessions, output).
func NeverFile(name string) bool { return Lookup(name).NeverFile() }

// SameKind reports whether two blocks are marked as the same language,
// one whose files are all of one kind (Lang.OneKind).
func SameKind(a, b string) bool {
	lb := Lookup(b)
	return lb != nil && lb.OneKind && strings.EqualFold(a, b)
}

// OfPath guesses a file's language from its path: its extension, its
// name, or the directory of a server's configuration ("/etc/nginx/"). It
// returns the canonical name, or "" when the path does not tell.
func OfPath(p string) string {
	base := path.Base(p)
	ext := strings.ToLower(path.Ext(base))
	if ext == ".conf" {
		switch {
		case strings.HasPrefix(p, "/etc/apache2/"), strings.HasPrefix(p, "/etc/httpd/"):
			return "apache"
		case strings.HasPrefix(p, "/etc/nginx/"):
			return "nginx"
		}
	}
	if l := byExt[ext]; ext != "" && l != "" {
		return l
	}
	for _, r := range pathRules {
		if r.base != "" && base == r.base || r.prefix != "" && strings.HasPrefix(p, r.prefix) {
			return r.lang
		}
	}
	return ""
}

var byExt = func() map[string]string {
	m := map[string]string{}
	for _, l := range registry {
		for _, e := range l.Exts {
			m[e] = l.Name
		}
	}
	return m
}()

// CommentLeader returns the comment that marks what tailor merges into a
// file of language name at path p (the language of the path when name is
// empty): "#" when neither tells, "" for a format without comments.
func CommentLeader(name, p string) string {
	if name == "" {
		name = OfPath(p)
	}
	l := Lookup(name)
	switch {
	case l == nil:
		return "#"
	case l.Family == INI && l.Comment == ";":
		if strings.HasSuffix(p, ".ini") {
			return ";"
		}
		return "#"
	}
	return l.Comment
}
