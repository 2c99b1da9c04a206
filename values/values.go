// Package values reads one client's values file and gives every
// placeholder its value.
//
// A values file is TOML: top-level keys are placeholder names, values are
// strings, integers or booleans, or an inline table naming where a secret
// comes from ({ env = "VAR" } or { file = "path" }). A string value may use
// other placeholders ("$DJANGO_PROJECT"); cycles are errors. The reserved
// key "tags" selects conditional content. Declarations from tailor.toml
// ([Decl]) add defaults, patterns, secrecy and generated values.
//
// In tailor's pipeline, package generator loads every client's values with
// [Load] and hands them to the stages that fill placeholders. [FromMap]
// gives the same values from a map held in memory, for programs that
// build a tutorial without values files.
package values

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/fserr"
	"github.com/tailordocs/tailor/internal/limit"
	"github.com/tailordocs/tailor/internal/tomlpos"
	"github.com/tailordocs/tailor/placeholder"
)

// MaxValue is the largest value, in bytes, once the placeholders it uses
// are filled in, and the largest file a { file = ... } value may read.
const MaxValue = 1 << 20

// Source says where a value comes from.
type Source int

const (
	// FromFile is a value written in the values file.
	FromFile Source = iota
	// FromEnv is a value read from an environment variable.
	FromEnv
	// FromSecretFile is a value read from a file the values file names.
	FromSecretFile
	// Generated is a value tailor made and keeps in the state file.
	Generated
	// FromDefault is the default of the placeholder's declaration.
	FromDefault
)

func (s Source) String() string {
	switch s {
	case FromFile:
		return "values file"
	case FromEnv:
		return "environment"
	case FromSecretFile:
		return "file"
	case Generated:
		return "generated"
	case FromDefault:
		return "default"
	}
	return "unknown"
}

// A Value is one placeholder's value for one client.
type Value struct {
	Name string
	// Text is the value with the placeholders it uses filled in.
	Text string
	// Secret values are written into generated files but masked in the
	// docs and never printed.
	Secret bool
	Source Source
	// Pos is where the value is set: its key in the values file, or the
	// declaration in tailor.toml for a default.
	Pos content.Position
	// Uses lists the placeholders the raw value refers to.
	Uses []string
}

// Values are one client's values. A nil *Values has no values.
type Values struct {
	// Client is the client's name: the values file's base name without
	// its extension.
	Client string
	// File is the values file's path as given to Load.
	File string
	// Tags select conditional content.
	Tags []string

	vals      map[string]*Value
	keyPos    map[string]content.Position
	stateFile string
	stateData []byte
	stateOld  []byte // the state file as read, nil when there was none
	tagsPos   content.Position
	pending   []string // see Pending
}

// Get returns the value of a placeholder.
func (v *Values) Get(name string) (*Value, bool) {
	if v == nil {
		return nil, false
	}
	x, ok := v.vals[name]
	return x, ok
}

// Names returns the names of all values, sorted.
func (v *Values) Names() []string {
	if v == nil {
		return nil
	}
	names := make([]string, 0, len(v.vals))
	for n := range v.vals {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Secrets returns the secret values, sorted by name.
func (v *Values) Secrets() []*Value {
	var out []*Value
	for _, n := range v.Names() {
		if x := v.vals[n]; x.Secret {
			out = append(out, x)
		}
	}
	return out
}

// WithSecrets returns a copy of v in which the text of each secret value
// is replace(its name).
func (v *Values) WithSecrets(replace func(name string) string) *Values {
	if v == nil {
		return nil
	}
	c := *v
	c.vals = make(map[string]*Value, len(v.vals))
	for n, x := range v.vals {
		if x.Secret {
			y := *x
			y.Text = replace(n)
			x = &y
		}
		c.vals[n] = x
	}
	return &c
}

// HasTag reports whether the client has the tag.
func (v *Values) HasTag(tag string) bool {
	if v == nil {
		return false
	}
	for _, t := range v.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

// BuilderTags are the tags Sphinx sets when it builds HTML, as tailor's
// site is: every client has them, so ".. only:: html" is kept and
// ".. only:: latex" is not.
var BuilderTags = []string{"builder_html", "format_html", "html"}

// TagSet returns the client's tags and the BuilderTags as a set.
func (v *Values) TagSet() map[string]bool {
	m := map[string]bool{}
	for _, t := range BuilderTags {
		m[t] = true
	}
	if v != nil {
		for _, t := range v.Tags {
			m[t] = true
		}
	}
	return m
}

// KeyPos returns where a key is written in the values file (the zero
// Position if it is not).
func (v *Values) KeyPos(name string) content.Position {
	if v == nil {
		return content.Position{}
	}
	return v.keyPos[name]
}

// TagsPos returns where the values file gives its tags.
func (v *Values) TagsPos() content.Position {
	if v == nil {
		return content.Position{}
	}
	return v.tagsPos
}

// FileKeys returns the placeholder names written in the values file,
// sorted.
func (v *Values) FileKeys() []string {
	if v == nil {
		return nil
	}
	var out []string
	for k := range v.keyPos {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Pending returns, sorted, the names of the generated values that no
// state file keeps yet (Load made them: a build keeps them; without a
// state file, every Load makes them anew) and of the values made from
// them. Until a build keeps them, they are not the values the files of
// a build hold.
func (v *Values) Pending() []string {
	if v == nil {
		return nil
	}
	return v.pending
}

// WithSecret returns a copy of v in which the values named are secret.
func (v *Values) WithSecret(names []string) *Values {
	if v == nil || len(names) == 0 {
		return v
	}
	c := *v
	c.vals = maps.Clone(v.vals)
	for _, n := range names {
		if x, ok := c.vals[n]; ok && !x.Secret {
			y := *x
			y.Secret = true
			c.vals[n] = &y
		}
	}
	return &c
}

// State returns the state file that keeps generated values, and its new
// content when Load generated a value that the file does not hold yet
// (nil otherwise). The caller writes it, with mode 0600, once the build
// succeeds.
func (v *Values) State() (file string, data []byte) {
	if v == nil {
		return "", nil
	}
	return v.stateFile, v.stateData
}

// StateRead returns the state file as Load read it (nil when there was
// none): the caller replaces it only if no other build changed it since.
func (v *Values) StateRead() []byte {
	if v == nil {
		return nil
	}
	return v.stateOld
}

// Options configure Load. The zero value reads no environment, uses
// crypto/rand for generated values and has no declarations.
type Options struct {
	// Decls are the placeholder declarations of tailor.toml, by name.
	Decls map[string]*Decl
	// Ignore are names that are never placeholders: "$NAME" in a value
	// is kept as written.
	Ignore map[string]bool
	// Getenv looks up an environment variable for { env = "..." }
	// values. nil means no variable is set.
	Getenv func(string) (string, bool)
	// Rand is the source of generated values; nil is crypto/rand.
	Rand io.Reader
	// PlainUses, when not nil, counts how often the tutorial writes a
	// word as plain text (your_domain, not $YOUR_DOMAIN), for the message
	// about a values key that is no placeholder name.
	PlainUses func(word string) int
}

// Load reads the values file at path (slash-separated, on fsys) and
// resolves every value: derived values, env and file sources, defaults
// and generated values. The diagnostics name the values file with lines
// and columns; they never include a secret value. Load returns nil Values
// when the file cannot be used at all.
func Load(fsys afero.Fs, file string, opts Options) (*Values, content.Diagnostics) {
	var diags content.Diagnostics
	src, err := limit.ReadTOML(fsys, file)
	var bound *limit.PosError
	if errors.As(err, &bound) {
		diags.Errorf(bound.Pos, "values file: %s", bound.Msg)
		return nil, diags
	}
	if err != nil {
		diags.Errorf(content.Position{Filename: file}, "cannot read values file: %s", fserr.Why(err))
		return nil, diags
	}
	base := path.Base(file)
	client := strings.TrimSuffix(base, path.Ext(base))
	v := &Values{
		Client: client,
		File:   file,
		vals:   map[string]*Value{},
		keyPos: map[string]content.Position{},
	}
	if err := CheckClientName(client); err != nil {
		diags.Errorf(content.Position{Filename: file}, "%v", err)
		return nil, diags
	}
	var tree map[string]any
	if _, err := toml.Decode(string(src), &tree); err != nil {
		// the decoder quotes what it found, which may be part of a
		// secret written without its quotes: keep the position, not that
		pos, msg := TOMLError(file, src, err)
		diags.Add(pos, content.Error, "%s", msg)
		return nil, diags
	}
	ix := tomlpos.Index(src)
	at := func(key string, value bool) content.Position { return ix.At(file, key, value) }

	raw := map[string]*Value{}
	keys := make([]string, 0, len(tree))
	for k := range tree {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	dir := path.Dir(file)
	for _, k := range keys {
		val := tree[k]
		pos := at(k, false)
		if k == "tags" {
			tags, ok := stringList(val)
			if !ok {
				diags.Errorf(at(k, true), "tags must be an array of strings, like tags = [\"nginx\"]")
				continue
			}
			v.Tags, v.tagsPos = tags, at(k, true)
			continue
		}
		if !placeholder.IsName(k) {
			hint := ""
			if up := strings.ToUpper(k); placeholder.IsName(up) {
				hint = fmt.Sprintf(" (did you mean %s?)", up)
				// a stand-in such as your_domain, not a word of prose such
				// as domain, and not the name of a declared placeholder
				if _, declared := opts.Decls[up]; opts.PlainUses != nil && !declared && strings.Contains(k, "_") {
					if n := opts.PlainUses(k); n > 0 {
						hint = fmt.Sprintf("; the tutorial writes %s %s as plain text: write it $%s there to make it a placeholder, and %s here", k, times(n), up, up)
					}
				}
			}
			diags.Errorf(pos, "%q is not a placeholder name: names start with an upper-case letter and hold letters, digits and _%s", k, hint)
			continue
		}
		v.keyPos[k] = pos
		x := &Value{Name: k, Source: FromFile, Pos: pos}
		switch t := val.(type) {
		case string:
			x.Text = t
		case int64:
			x.Text = strconv.FormatInt(t, 10)
		case bool:
			x.Text = strconv.FormatBool(t)
		case map[string]any:
			text, src, ok := readSource(fsys, dir, k, t, opts, at, &diags)
			if !ok {
				continue
			}
			x.Text, x.Source, x.Secret = text, src, true
		default:
			diags.Errorf(at(k, true), "value of %s must be a string, an integer, a boolean, { env = \"VAR\" } or { file = \"path\" }, not %s", k, tomlType(val))
			continue
		}
		raw[k] = x
	}

	v.complete(raw, fsys, path.Join(dir, ".tailor-state", client+".toml"), opts, at, &diags)
	diags.Sort()
	return v, diags
}

// complete gives the values read (raw) the declarations' defaults and
// generated values, resolves the placeholders they use, decides which are
// secret and checks them. at locates a key (value false) or its value
// (value true) for messages. Generated values are kept in stateFile on
// fsys; with no stateFile they are made anew.
func (v *Values) complete(raw map[string]*Value, fsys afero.Fs, stateFile string, opts Options, at func(key string, value bool) content.Position, diags *content.Diagnostics) {
	// Declarations: defaults and generated values for names the file
	// does not set.
	v.stateFile = stateFile
	var state map[string]any
	var newState []string
	declNames := make([]string, 0, len(opts.Decls))
	for n := range opts.Decls {
		declNames = append(declNames, n)
	}
	sort.Strings(declNames)
	for _, n := range declNames {
		d := opts.Decls[n]
		if _, ok := raw[n]; ok {
			continue
		}
		switch {
		case d.Generate != "":
			if state == nil && stateFile != "" {
				state, v.stateOld = readState(fsys, stateFile, diags)
			}
			if kept, ok := state[n]; ok {
				pos := stateKeyPos(stateFile, v.stateOld, n)
				s, isString := kept.(string)
				if !isString {
					diags.Errorf(pos, "%s must be a string, as tailor generated it; delete the line to generate a new value", n)
					continue
				}
				if why := misfit(d.Generate, s); why != "" {
					diags.Warnf(pos, "%s %s, unlike what %q generates: kept as it is", n, why, d.Generate)
				}
				raw[n] = &Value{Name: n, Text: s, Source: Generated, Secret: true, Pos: pos}
				continue
			}
			text, err := generate(d.Generate, opts.Rand)
			if err != nil {
				diags.Errorf(d.Pos, "cannot generate %s: %v", n, err)
				continue
			}
			v.pending = append(v.pending, n)
			if stateFile == "" {
				raw[n] = &Value{Name: n, Text: text, Source: Generated, Secret: true, Pos: d.Pos}
				continue
			}
			raw[n] = &Value{Name: n, Text: text, Source: Generated, Secret: true, Pos: content.Position{Filename: stateFile}}
			newState = append(newState, n)
		case d.Default != nil:
			raw[n] = &Value{Name: n, Text: *d.Default, Source: FromDefault, Pos: d.Pos}
		}
	}
	if len(newState) > 0 {
		v.stateData = encodeState(state, raw, newState)
	}

	broken := resolve(raw, opts, diags)
	public := map[string]bool{}
	for n, x := range raw {
		d := opts.Decls[n]
		x.Secret = x.Source == FromEnv || x.Source == FromSecretFile || x.Source == Generated || IsSecretName(n)
		if d != nil && d.Secret != nil {
			x.Secret = *d.Secret
			public[n] = !*d.Secret
		}
		v.vals[n] = x
	}
	// A value made from a secret is secret too; only then can a message
	// tell which values it may show.
	taint(v.vals, public)
	v.pending = dependents(v.vals, v.pending)
	for _, n := range v.Names() {
		x := v.vals[n]
		if what := controlChar(x.Text); what != "" {
			p := x.Pos
			if x.Source == FromFile || x.Source == FromEnv || x.Source == FromSecretFile {
				p = at(n, true)
			}
			diags.Errorf(p, "value of %s holds %s, which no config file should: remove it", n, what)
		}
	}
	for _, n := range v.Names() {
		x := v.vals[n]
		d := opts.Decls[n]
		if d == nil || d.Pattern == "" || broken[n] {
			continue
		}
		re := d.re
		if re == nil {
			// a declaration made in Go rather than read by ParseDecls
			var err error
			if re, err = regexp.Compile(d.Pattern); err != nil {
				diags.Errorf(d.Pos, "pattern %q of %s is not a valid regular expression: %s", d.Pattern, n, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
				continue
			}
		}
		if re.MatchString(x.Text) {
			continue
		}
		shown := " " + quoteShort(x.Text)
		if x.Secret {
			shown = ""
		}
		p := x.Pos
		if x.Source == FromFile || x.Source == FromEnv || x.Source == FromSecretFile {
			p = at(n, true)
		}
		diags.Errorf(p, "value of %s%s does not match its pattern %s", n, shown, d.Pattern)
	}
}

// replaceUnescaping is placeholder.Replace for a value written in a
// values file or a default: "$$" stands for "$" there ("{SHA512-CRYPT}
// $$6$$salt$$hash"), outside the values it fills in.
func replaceUnescaping(s string, fn func(r placeholder.Ref) (string, bool)) string {
	if !strings.Contains(s, "$") {
		return s
	}
	var b strings.Builder
	last := 0
	for _, r := range placeholder.Scan(s) {
		v, ok := fn(r)
		if !ok {
			continue
		}
		b.WriteString(strings.ReplaceAll(s[last:r.Start], "$$", "$"))
		b.WriteString(v)
		last = r.End
	}
	b.WriteString(strings.ReplaceAll(s[last:], "$$", "$"))
	return b.String()
}

// controlChar names the first control character of s that a value may
// not hold: those of C0 but tab, line feed and carriage return, DEL, and
// the bidirectional controls that make text read otherwise than it is.
func controlChar(s string) string {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20 || r == 0x7f:
			return fmt.Sprintf("the control character U+%04X", r)
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c:
			return fmt.Sprintf("the bidirectional control U+%04X", r)
		}
	}
	return ""
}

// readSource reads a { env = ... } or { file = ... } value.
func readSource(fsys afero.Fs, dir, key string, t map[string]any, opts Options, at func(string, bool) content.Position, diags *content.Diagnostics) (string, Source, bool) {
	if len(t) != 1 {
		diags.Errorf(at(key, true), "value of %s must hold exactly one of env or file", key)
		return "", 0, false
	}
	for k, val := range t {
		s, ok := val.(string)
		if (k == "env" || k == "file") && (!ok || s == "") {
			diags.Errorf(at(key+"."+k, true), "%s.%s must be a non-empty string", key, k)
			return "", 0, false
		}
		switch k {
		case "env":
			var text string
			found := false
			if opts.Getenv != nil {
				text, found = opts.Getenv(s)
			}
			if !found {
				diags.Errorf(at(key+"."+k, true), "environment variable %s for %s is not set", s, key)
				return "", 0, false
			}
			return text, FromEnv, true
		case "file":
			p := s
			if !path.IsAbs(p) {
				p = path.Join(dir, p)
			}
			data, err := limit.ReadFile(fsys, p, MaxValue)
			var big *limit.TooBigError
			if errors.As(err, &big) || errors.Is(err, limit.ErrNotRegular) {
				diags.Errorf(at(key+"."+k, true), "%s for %s is not a regular file of at most %d bytes", p, key, MaxValue)
				return "", 0, false
			}
			if err != nil {
				diags.Errorf(at(key+"."+k, true), "cannot read %s for %s: %s", p, key, fserr.Why(err))
				return "", 0, false
			}
			return strings.TrimRight(string(data), "\r\n"), FromSecretFile, true
		default:
			hint := ""
			if h := placeholder.Suggest(k, []string{"env", "file"}); h != "" {
				hint = fmt.Sprintf(" (did you mean %s?)", h)
			}
			diags.Errorf(at(key+"."+k, false), "unknown source %q for %s: use env or file%s", k, key, hint)
			return "", 0, false
		}
	}
	return "", 0, false
}

// resolve fills the placeholders used inside values, in place, reporting
// cycles and names without a value. It returns the values it could not
// fill, already reported.
func resolve(raw map[string]*Value, opts Options, diags *content.Diagnostics) map[string]bool {
	broken := map[string]bool{}
	const (
		unvisited = iota
		visiting
		done
	)
	state := map[string]int{}
	names := make([]string, 0, len(raw))
	for n := range raw {
		names = append(names, n)
	}
	sort.Strings(names)
	near := placeholder.NewSuggester(names)
	var stack []string
	var visit func(n string) bool
	visit = func(n string) bool {
		x := raw[n]
		switch state[n] {
		case done:
			return true
		case visiting:
			i := len(stack) - 1
			for i > 0 && stack[i] != n {
				i--
			}
			cycle := append(append([]string(nil), stack[i:]...), n)
			diags.Errorf(x.Pos, "placeholder cycle: $%s", strings.Join(cycle, " -> $"))
			return false
		}
		if x.Source != FromFile && x.Source != FromDefault {
			state[n] = done // env, files and generated values are taken as they are
			return true
		}
		state[n] = visiting
		stack = append(stack, n)
		ok := true
		size := len(x.Text)
		x.Text = replaceUnescaping(x.Text, func(r placeholder.Ref) (string, bool) {
			if !ok {
				return "", false
			}
			if _, defined := raw[r.Name]; opts.Ignore[r.Name] || !defined && IsBuiltin(r.Name) {
				return "", false
			}
			x.Uses = append(x.Uses, r.Name)
			dep, found := raw[r.Name]
			if !found {
				hint := ""
				if s := near.Suggest(r.Name); s != "" {
					hint = fmt.Sprintf(" (did you mean $%s?)", s)
				}
				if x.Source == FromDefault {
					diags.Errorf(x.Pos, "the default of %s uses $%s, which the values file does not set%s", n, r.Name, hint)
				} else {
					if hint == "" {
						hint = " (write $$ for a $ of the value itself)"
					}
					diags.Errorf(x.Pos, "value of %s uses undefined placeholder $%s%s", n, r.Name, hint)
				}
				ok = false
				return "", false
			}
			if !visit(r.Name) {
				ok = false
				return "", false
			}
			if size += len(dep.Text); size > MaxValue {
				diags.Errorf(x.Pos, "value of %s grows past %d bytes once the placeholders it uses are filled in: do its values use each other many times over?", n, MaxValue)
				ok = false
				return "", false
			}
			return dep.Text, true
		})
		if !ok {
			x.Text = "" // a broken value must not feed others
			broken[n] = true
		}
		stack = stack[:len(stack)-1]
		state[n] = done
		return ok
	}
	for _, n := range names {
		visit(n)
	}
	return broken
}

// taint marks as secret every value that uses a secret value, except
// those declared public, each value once.
func taint(vals map[string]*Value, public map[string]bool) {
	users := usersOf(vals)
	var todo []string
	for n, x := range vals {
		if x.Secret {
			todo = append(todo, n)
		}
	}
	for len(todo) > 0 {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for _, u := range users[n] {
			if x := vals[u]; !x.Secret && !public[u] {
				x.Secret = true
				todo = append(todo, u)
			}
		}
	}
}

// usersOf returns, for each name, the names of the values that use it.
func usersOf(vals map[string]*Value) map[string][]string {
	users := map[string][]string{}
	for n, x := range vals {
		for _, u := range x.Uses {
			users[u] = append(users[u], n)
		}
	}
	return users
}

// dependents returns, sorted, the names of names and of the values that
// use them, directly or through others.
func dependents(vals map[string]*Value, names []string) []string {
	if len(names) == 0 {
		return nil
	}
	users := usersOf(vals)
	seen := map[string]bool{}
	todo := append([]string(nil), names...)
	for len(todo) > 0 {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[n] {
			continue
		}
		seen[n] = true
		todo = append(todo, users[n]...)
	}
	return slices.Sorted(maps.Keys(seen))
}

// IsSecretName reports whether a name says it holds a secret: it contains
// PASSWORD, SECRET or TOKEN, or ends in _KEY (case-insensitive).
func IsSecretName(name string) bool {
	u := strings.ToUpper(name)
	return strings.Contains(u, "PASSWORD") || strings.Contains(u, "SECRET") ||
		strings.Contains(u, "TOKEN") || strings.HasSuffix(u, "_KEY")
}

// CheckClientName reports whether a client name can name an output
// directory.
func CheckClientName(name string) error {
	switch {
	case name == "" || name == "." || name == "..":
		return fmt.Errorf("client name %q cannot name a directory", name)
	case strings.ContainsAny(name, "/\\\x00"):
		return fmt.Errorf("client name %q contains a path separator or NUL", name)
	case strings.HasPrefix(name, "."):
		return fmt.Errorf("client name %q starts with a dot", name)
	}
	return nil
}

func stringList(v any) ([]string, bool) {
	arr, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(arr))
	for _, x := range arr {
		s, ok := x.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func tomlType(v any) string {
	switch v.(type) {
	case float64:
		return "a float"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	case int64:
		return "an integer"
	case bool:
		return "a boolean"
	case time.Time:
		return "a date or time"
	}
	return fmt.Sprintf("%T", v)
}

// hideQuoted replaces what a decoder message quotes, when it is three
// characters or more, by "…": the decoder quotes what it found, which
// may be part of a secret. A quote left open hides the rest of the
// message. The name in "Key 'NAME' has already been defined" stays.
func hideQuoted(msg string) string {
	if m := duplicateKey().FindStringSubmatchIndex(msg); m != nil {
		return msg[:m[0]] + msg[m[2]:m[3]] + " is defined twice"
	}
	var b strings.Builder
	for {
		i := strings.IndexAny(msg, `"'`)
		if i < 0 {
			b.WriteString(msg)
			return b.String()
		}
		q := msg[i]
		j := strings.IndexByte(msg[i+1:], q)
		if j < 0 {
			b.WriteString(msg[:i+1])
			b.WriteString("…")
			return b.String()
		}
		inner := msg[i+1 : i+1+j]
		b.WriteString(msg[:i+1])
		if len(inner) >= 3 {
			inner = "…"
		}
		b.WriteString(inner)
		b.WriteByte(q)
		msg = msg[i+j+2:]
	}
}

var duplicateKey = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`Key '([A-Za-z0-9_.-]+)' has already been defined\.?$`)
})

// TOMLError returns where a TOML decoding error of src is and what it
// says, without quoting what it found (which may be part of a secret
// written without its quotes). A key defined twice is shown at its
// second definition; a position past the end of its line or of the file
// is brought back to it.
func TOMLError(file string, src []byte, err error) (content.Position, string) {
	pos := content.Position{Filename: file}
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return pos, hideQuoted(tomlErrorMsg(err))
	}
	pos.Line, pos.Column = pe.Position.Line, pe.Position.Col
	if m := duplicateKey().FindStringSubmatch(pe.Message); m != nil {
		if p, ok := tomlpos.Index(src)[m[1]]; ok {
			pos.Line, pos.Column = p.Line, p.Col
		}
	}
	lines := strings.Split(string(src), "\n")
	if pos.Line > len(lines) {
		pos.Line = len(lines)
	}
	line := ""
	if pos.Line >= 1 {
		line = lines[pos.Line-1]
		if n := len(strings.TrimSuffix(line, "\r")) + 1; pos.Column > n {
			pos.Column = n
		}
	}
	return pos, hideEchoed(hideQuoted(tomlErrorMsg(err)), line)
}

// hideEchoed replaces by "…" each word of msg (a run of three or more
// letters, digits and characters of numbers and dates) that the line
// holds after its "=": the decoder writes some of what it found without
// quotes ("12345678901234567890123 is out of range for int64"), and that
// may be a secret written without its quotes.
func hideEchoed(msg, line string) string {
	if _, value, ok := strings.Cut(line, "="); ok {
		line = value
	}
	isWord := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("_.+-:", c) >= 0
	}
	var b strings.Builder
	for i := 0; i < len(msg); {
		j := i
		for j < len(msg) && isWord(msg[j]) {
			j++
		}
		if j == i {
			b.WriteByte(msg[i])
			i++
			continue
		}
		if w := msg[i:j]; len(w) >= 3 && strings.Contains(line, w) {
			b.WriteString("…")
		} else {
			b.WriteString(w)
		}
		i = j
	}
	return b.String()
}

// tomlErrorMsg returns a TOML decoding error's message without the
// library's prefix.
func tomlErrorMsg(err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return "invalid TOML: " + pe.Message
	}
	return "invalid TOML: " + strings.TrimPrefix(err.Error(), "toml: ")
}

// readState reads the state file of generated values; a missing file is
// an empty state.
func readState(fsys afero.Fs, file string, diags *content.Diagnostics) (map[string]any, []byte) {
	data, err := limit.ReadTOML(fsys, file)
	var bound *limit.PosError
	switch {
	case errors.As(err, &bound):
		diags.Errorf(bound.Pos, "generated values: %s", bound.Msg)
		return map[string]any{}, nil
	case err != nil:
		if !errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(content.Position{Filename: file}, "cannot read the generated values: %s", fserr.Why(err))
		}
		return map[string]any{}, nil
	}
	if st, err := fsys.Stat(file); err == nil && st.Mode().Perm()&0o077 != 0 {
		diags.Warnf(content.Position{Filename: file}, "mode %04o lets others read the generated secrets: chmod 600 it", st.Mode().Perm())
	}
	var st map[string]any
	if _, err := toml.Decode(string(data), &st); err != nil {
		pos, msg := TOMLError(file, data, err)
		diags.Add(pos, content.Error, "%s", hideQuoted(msg))
		return map[string]any{}, data
	}
	return st, data
}

// stateKeyPos is the position of key in the state file, or the file's.
func stateKeyPos(file string, data []byte, key string) content.Position {
	f := content.NewFile(file, data)
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data) - off
		}
		line := string(data[off : off+end])
		if k, _, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) == key {
			return f.Position(off + len(line) - len(strings.TrimLeft(line, " \t")))
		}
		off += end + 1
	}
	return content.Position{Filename: file}
}

// misfit says how a kept generated value differs from what its spec
// makes: empty, or of another length; "" when it fits.
func misfit(spec, s string) string {
	kind, nstr, _ := strings.Cut(spec, ":")
	n, err := strconv.Atoi(nstr)
	if err != nil {
		return ""
	}
	want := n
	switch kind {
	case "hex":
		want = 2 * n
	case "base64":
		want = base64.RawURLEncoding.EncodedLen(n)
	}
	switch {
	case s == "":
		return "is empty"
	case len(s) != want:
		return fmt.Sprintf("has %d characters, not %d", len(s), want)
	}
	return ""
}

// encodeState returns the state file with the newly generated values
// added to what it held.
func encodeState(old map[string]any, vals map[string]*Value, added []string) []byte {
	m := map[string]string{}
	for k, x := range old {
		if s, ok := x.(string); ok {
			m[k] = s
		}
	}
	for _, n := range added {
		m[n] = vals[n].Text
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# Values generated by tailor for this client. Keep this file: the next\n")
	b.WriteString("# build reuses them. It holds secrets: do not publish it.\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "%s = %s\n", k, strconv.Quote(m[k]))
	}
	return []byte(b.String())
}

// generate makes a value for a "generate" declaration: "random:N" (N
// letters and digits), "hex:N" (N random bytes in hex) or "base64:N" (N
// random bytes, URL-safe base64 without padding).
func generate(spec string, r io.Reader) (string, error) {
	kind, nstr, _ := strings.Cut(spec, ":")
	n, err := strconv.Atoi(nstr)
	if err != nil || n <= 0 || n > 4096 {
		return "", fmt.Errorf("generate %q: want random:N, hex:N or base64:N with N from 1 to 4096", spec)
	}
	if r == nil {
		r = rand.Reader
	}
	switch kind {
	case "random":
		const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
		out := make([]byte, 0, n)
		buf := make([]byte, 1)
		for len(out) < n {
			if _, err := io.ReadFull(r, buf); err != nil {
				return "", err
			}
			if int(buf[0]) < 256-256%len(alphabet) { // no modulo bias
				out = append(out, alphabet[int(buf[0])%len(alphabet)])
			}
		}
		return string(out), nil
	case "hex", "base64":
		buf := make([]byte, n)
		if _, err := io.ReadFull(r, buf); err != nil {
			return "", err
		}
		if kind == "hex" {
			return fmt.Sprintf("%x", buf), nil
		}
		return base64.RawURLEncoding.EncodeToString(buf), nil
	}
	return "", fmt.Errorf("generate %q: unknown kind %q (want random, hex or base64)", spec, kind)
}

// quoteShort quotes a value for a message, cut after 60 characters: the
// position says where the rest is.
func quoteShort(s string) string {
	const most = 60
	if utf8.RuneCountInString(s) <= most {
		return strconv.Quote(s)
	}
	i := 0
	for n := 0; n < most; n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return strconv.Quote(s[:i]) + "…"
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}
