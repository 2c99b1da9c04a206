package infer

import (
	"path"
	"strings"

	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

// A focus is the file a passage of the tutorial works on: named once
// ("Open `configuration.py` with your preferred editor", "Define the
// parameters below in `ldap_config.py`", a heading that is its path), it
// takes the blocks of its kind that follow, across subsections and
// admonitions, until the text names another file to work on, leaves the
// section, or shows a block of another kind.
type focus struct {
	path    string // the file, resolved
	by      string // the sentence that put it in focus
	create  bool   // the text says to create it
	level   int    // the level of the section it was named in
	rule    string // the rule that put it in focus
	written int    // blocks written to it while in focus
}

// setFocus asks the rules of hook h whether the sentences put a file in
// focus.
func (s *Story) setFocus(sents []prose.Sentence, h hook) {
	for _, sent := range sents {
		if len(sent) == 0 {
			continue
		}
		v := &View{s: s, sent: sent}
		for _, rule := range byHook[h] {
			vd := rule.Match(v)
			if vd == nil || vd.Target == "" {
				continue
			}
			s.focus = &focus{path: vd.Target, create: vd.Op == tree.Create, level: s.level, rule: rule.ID, by: sent.Phrase(0, nil)}
			break
		}
	}
}

// Focus returns the file in focus, "" for none.
func (v *View) Focus() string {
	if v.s.focus == nil {
		return ""
	}
	return v.s.focus.path
}

var (
	// verbs of a sentence saying where settings go: "Define all of the
	// parameters below in X", "the options are defined in the file X"
	definedInW = prose.NewWords("define defined configure configured set go goes belong belongs placed kept")
	// verbs opening a file to work on
	workOnW = prose.NewWords("open edit")
)

// focusRules put a file in focus, from a sentence or a heading.
var focusRules = []*Rule{
	{
		ID: "focus.open", Phase: Discourse, hook: hookFocus,
		Doc: "\"Open X with your preferred editor\", \"Then edit X to:\": X is in focus for the blocks of its kind that follow",
		Examples: []string{
			"Open `/etc/app/config.py` with your preferred editor to begin.\n\n## Hosts\n\nThe hosts it answers to:\n\n```python\nHOSTS = ['a']\n```\n",
			"# Redis\n\nEdit `/etc/redis/redis.conf`; the settings that matter are:\n\n```\nmaxmemory 256mb\n```\n",
		},
		Counter: []string{
			"Open a terminal on the server.\n\n```python\nHOSTS = ['a']\n```\n",
			"Open `/etc/app/config.py` with your preferred editor.\n\n# Next chapter\n\n```python\nHOSTS = ['a']\n```\n",
		},
		Match: func(v *View) *Verdict {
			for i, t := range v.sent {
				if !t.Is(workOnW) || v.sent.Negated(i) {
					continue
				}
				if tok, _, isDir := v.sent.PathAt(i + 1); tok != nil && !isDir && !userPath(tok.Text) {
					return focusOn(v, tok.Text, false)
				}
			}
			return nil
		},
	},
	{
		ID: "focus.defined-in", Phase: Discourse, hook: hookFocus,
		Doc: "\"Define all of the parameters required below in X\", \"the options are defined in the file X\": X is in focus",
		Examples: []string{
			"Define all of the parameters below in `/opt/app/local.py`.\n\n## Server\n\n```python\nSERVER = 'a'\n```\n",
			"The configuration options are defined in the file `/etc/app/app.ini`.\n\n```ini\n[main]\nport = 80\n```\n",
		},
		Counter: []string{
			"The password is stored in `/etc/app/secret`.\n\n```ini\nport = 80\n```\n",
			"Logs go to `/var/log/app.log`.\n\n```ini\nport = 80\n```\n",
		},
		Match: func(v *View) *Verdict {
			s := v.sent
			for i, t := range s {
				if !t.Is(definedInW) || s.Negated(i) {
					continue
				}
				for k := i + 1; k < len(s) && k <= i+8; k++ {
					if !s[k].Word("in", "into", "inside") {
						continue
					}
					if tok, _, isDir := s.PathAt(k + 1); tok != nil && !isDir && !userPath(tok.Text) {
						return focusOn(v, tok.Text, false)
					}
				}
			}
			return nil
		},
	},
	{
		ID: "focus.settings-in", Phase: Discourse, hook: hookFocus,
		Doc: "\"The server's settings are in X\", \"Grafana reads X\", \"PHP reads your settings (on Debian, X)\": X is in focus",
		Examples: []string{
			"The server's settings are in `/etc/mysql/mariadb.conf.d/50-server.cnf`.\n\n## Memory\n\nThe buffer pool:\n\n```ini\ninnodb_buffer_pool_size = 1G\n```\n",
			"PHP-FPM reads your PHP settings (on Debian, `/etc/php/8.2/fpm/php.ini`; the command line uses another file).\n\n```ini\nmemory_limit = 256M\n```\n",
		},
		Counter: []string{
			"The password is in `/etc/app/secret`.\n\n```ini\nport = 80\n```\n",
			"The script reads `/etc/passwd` to find the users.\n\n```text\nroot:x:0:0\n```\n",
		},
		Match: func(v *View) *Verdict {
			s := v.sent
			for i, t := range s {
				var tok *prose.Token
				switch {
				case t.Word("are", "is", "live", "lives") && settingsBefore(s, i) && s.WordsAt(i+1, "in"):
					tok, _, _ = s.PathAt(i + 2)
				case t.Word("reads", "loads", "uses"):
					if tok, _, _ = s.PathAt(i + 1); tok == nil {
						tok = hedgedPath(s, i+1)
					}
					if tok != nil && !settingsFile(tok.Text) {
						tok = nil
					}
				}
				if tok != nil && !strings.HasSuffix(tok.Text, "/") && !userPath(tok.Text) {
					return focusOn(v, tok.Text, false)
				}
			}
			return nil
		},
	},
	{
		ID: "focus.create", Phase: Discourse, hook: hookFocus,
		Doc: "\"Next, create a file in the same directory as X named Y.\": Y is in focus, and the first block of it is all of it",
		Examples: []string{
			"Create `/etc/app/local.py` with the following contents:\n\n```python\nA = 1\n```\n\nNext, create a file in the same directory as `local.py` named `ldap.py`.\n\n## Server\n\n```python\nSERVER = 'a'\n```\n",
			"# Setup\n\nCreate a file named `extra.py` in the `/opt/app` directory.\n\n## Options\n\nThe first:\n\n```python\nA = 1\n```\n",
		},
		Counter: []string{
			"Create a file for the application.\n\n```python\nA = 1\n```\n",
			"Create a user named `app`.\n\n```python\nA = 1\n```\n",
		},
		Match: func(v *View) *Verdict {
			name, dir := createdNamed(v.sent)
			if name == nil {
				return nil
			}
			p := ""
			if d := dirOf(v, dir); d != "" && !strings.HasPrefix(name.Text, "/") {
				p = path.Join(d, name.Text)
			} else {
				p, _ = v.resolveName(name.Text)
			}
			if p == "" {
				return nil
			}
			return &Verdict{Target: p, Op: tree.Create}
		},
	},
	{
		ID: "focus.heading", Phase: Discourse, hook: hookHeading,
		Doc: "a heading that is a file's path puts that file in focus for its section",
		Examples: []string{
			"## `/etc/app/app.ini`\n\nThe main settings:\n\n```ini\n[main]\nport = 80\n```\n",
			"## /etc/redis/redis.conf\n\nThe memory limits:\n\n```\nmaxmemory 256mb\n```\n",
			"### `/etc/systemd/system/backup.timer`\n\n```ini\n[Timer]\nOnCalendar=daily\n```\n",
		},
		Counter: []string{
			"## Settings\n\nThe main settings:\n\n```ini\n[main]\nport = 80\n```\n",
			"## `/etc/app/app.ini`\n\n## Other\n\nThe main settings:\n\n```ini\n[main]\nport = 80\n```\n",
		},
		Match: func(v *View) *Verdict {
			var found *prose.Token
			for i := range v.sent {
				if t := &v.sent[i]; t.IsPath(false) && !strings.HasSuffix(t.Text, "/") && !userPath(t.Text) {
					if found != nil {
						return nil
					}
					found = t
				}
			}
			if found == nil || len(v.sent) > 6 {
				return nil
			}
			return focusOn(v, found.Text, false)
		},
	},
}

// focusOn resolves a file named as the one the text works on: never a
// directory.
func focusOn(v *View, name string, create bool) *Verdict {
	p, via := v.resolveName(name)
	if p == "" || v.s.files.IsDir(p) || !fileLike(p) {
		return nil
	}
	vd := &Verdict{Target: p, Via: via}
	if create {
		vd.Op = tree.Create
	}
	return vd
}

// createdNamed reads "create a file ... named NAME" and its directory:
// "in the same directory as X", "in the DIR directory", "(typically
// DIR)".
func createdNamed(s prose.Sentence) (*prose.Token, *prose.Token) {
	if !s.EndsWithPeriod() {
		return nil, nil
	}
	for i, t := range s {
		if !t.Is(prose.CreateVerbs) || s.Negated(i) || !s.WordsAt(i+1, "a", "file") && !s.WordsAt(i+1, "a", "new", "file") {
			continue
		}
		for k := i + 2; k+1 < len(s); k++ {
			if s[k].Word("named", "called") && s[k+1].Literal && s[k+1].IsPath(true) {
				return &s[k+1], dirHint(s, i, k)
			}
		}
	}
	return nil, nil
}

// dirHint returns the directory a sentence puts a new file (named at n)
// in: "(typically `/opt/app/`)", "in the `/srv/app` directory", "in the
// same directory as `X`".
func dirHint(s prose.Sentence, v, n int) *prose.Token {
	for k := v; k < len(s); k++ {
		if k != n && s[k].Literal && strings.HasPrefix(s[k].Text, "/") &&
			(k > 0 && s[k-1].Word("typically", "usually", "normally", "in", "directory", "under", "the") || s.WordsAt(k+1, "directory")) {
			return &s[k]
		}
	}
	for k := v; k+4 < len(s); k++ {
		if s.WordsAt(k, "the", "same", "directory", "as") && s[k+4].Literal {
			return &s[k+4]
		}
	}
	return nil
}

// dirOf returns the absolute directory a hint names: a directory, or the
// directory of a file the reader knows.
func dirOf(v *View, hint *prose.Token) string {
	if hint == nil {
		return ""
	}
	if d := absolute(hint.Text); d != "" {
		if strings.HasSuffix(hint.Text, "/") || v.s.files.Known(d) {
			return d
		}
		if !strings.Contains(lastPart(d), ".") {
			return d
		}
		return parentDir(d)
	}
	if p, _ := v.resolveName(hint.Text); p != "" {
		return parentDir(p)
	}
	return ""
}

func lastPart(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }

func parentDir(p string) string {
	if i := strings.LastIndexByte(p, '/'); i > 0 {
		return p[:i]
	}
	return "/"
}

// sameKind reports whether a block of language block may be lines of the
// file p: of its language, of a language that says nothing, or, for a
// file whose name does not tell its language, of a language of settings.
func sameKind(p, block string) bool {
	if lang.IsNone(block) {
		return true
	}
	fl := lang.OfPath(p)
	fb := lang.FamilyOf(block)
	if fl == "" {
		return fb == lang.Plain || fb == lang.INI
	}
	ff := lang.FamilyOf(fl)
	return ff == fb || iniLike(ff) && iniLike(fb) // a unit shown as ini
}

// iniLike reports whether files of family f are written as INI files:
// systemd units are.
func iniLike(f lang.Family) bool { return f == lang.INI || f == lang.Systemd }

// examplesW in a section's title make its blocks examples.
var examplesW = prose.NewWords("example examples sample samples template templates")

// focusBlockRules decide a block of the file in focus that no sentence
// asks anything of.
var focusBlockRules = []*Rule{
	{
		ID: "veto.choice", Phase: Veto, hook: hookFocusBlock,
		Doc: "a block of the file in focus that the text offers as a choice (\"If you are not sure, you can set this to ...\") is not a step",
		Examples: []string{
			"Open `/etc/app/config.py` in your editor.\n\n```python\nHOSTS = ['a']\n```\n\nIf you are not sure yet, you can set it to a wildcard:\n\n```python\nHOSTS = ['*']\n```\n",
			"Open `/etc/app/app.ini` in your editor.\n\nOptionally, raise the limit:\n\n```ini\nlimit = 9\n```\n",
		},
		Counter: []string{
			"Open `/etc/app/config.py` in your editor.\n\nThe hosts it answers to:\n\n```python\nHOSTS = ['a']\n```\n",
			"If you are not sure yet, you can set it to a wildcard:\n\n```python\nHOSTS = ['*']\n```\n",
		},
		Match: func(v *View) *Verdict {
			if len(v.sents) > 0 && offersChoice(v.Key()) {
				return &Verdict{Why: "the text offers it as a choice: not written to " + v.s.focus.path}
			}
			return nil
		},
	},
	{
		ID: "veto.shown", Phase: Veto, hook: hookFocusBlock,
		Doc: "a block of the file in focus that the text only shows (\"its output looks like the following\", \"rather than pasting it in\"): not written",
		Examples: []string{
			"Open `/etc/app/app.ini` in your editor.\n\nA generator prints settings. Its output looks like the following:\n\n```ini\nlimit = 9\n```\n",
			"Open `/etc/app/app.ini` in your editor.\n\nCompare it with the values above rather than pasting it in:\n\n```ini\nlimit = 9\n```\n",
			"The default configuration is in `/etc/nginx/sites-enabled/default`. It is the default through a parameter in these two lines:\n\n```nginx\nlisten 80 default_server;\n```\n",
		},
		Counter: []string{
			"Open `/etc/app/app.ini` in your editor.\n\nThe limit it needs:\n\n```ini\nlimit = 9\n```\n",
			"Open `/etc/app/app.ini` in your editor.\n\nRaise the limit, which is too low by default:\n\n```ini\nlimit = 9\n```\n",
		},
		Match: func(v *View) *Verdict {
			key := v.Key()
			if key == nil {
				return nil
			}
			_, indicative := copula(key, len(key))
			if indicative || negatesPutting(key) || quotesLinesP.In(key) {
				return &Verdict{Why: "the text shows it, it does not ask for it: not written to " + v.s.focus.path}
			}
			return nil
		},
	},
	{
		ID: "veto.example-section", Phase: Veto, hook: hookFocusBlock,
		Doc: "a block of the file in focus in a section titled as an example or a template shows it, it is not a step",
		Examples: []string{
			"# Setup\n\nOpen `/etc/app/config.py` in your editor.\n\n## Example configuration\n\n```python\nHOSTS = ['a']\n```\n",
			"# Setup\n\nOpen `/etc/app/app.ini` in your editor.\n\n## A complete sample\n\n```ini\nlimit = 9\n```\n",
		},
		Counter: []string{
			"# Setup\n\nOpen `/etc/app/config.py` in your editor.\n\n## Hosts\n\n```python\nHOSTS = ['a']\n```\n",
			"## Example configuration\n\nCreate `/etc/app/app.ini` with the following contents:\n\n```ini\nlimit = 9\n```\n",
		},
		Match: func(v *View) *Verdict {
			for _, w := range strings.Fields(strings.ToLower(v.s.secTitle)) {
				if examplesW[strings.Trim(w, ".,:;()")] {
					return &Verdict{Why: "an example of " + v.s.focus.path + " (the section says so): not written"}
				}
			}
			return nil
		},
	},
	{
		ID: "focus.block", Phase: Discourse, hook: hookFocusBlock,
		Doc:      "a block of the kind of the file in focus, that no sentence asks anything of: the file's next lines (its settings, set in place, in a file of the system)",
		Examples: ruleExamples("focus.open"),
		Counter: []string{
			"Open `/etc/app/config.py` in your editor.\n\nRestart the service:\n\n```bash\nsudo systemctl restart app\n```\n",
			"Open `/etc/app/config.py` in your editor.\n\nThe proxy in front of it:\n\n```nginx\nserver { listen 80; }\n```\n",
		},
		Match: func(v *View) *Verdict {
			if v.Commands() || lang.NeverFile(v.lang) || isSession(v.b.Code.Text) {
				return nil
			}
			f := v.s.focus
			op, why := focusOp(v, f)
			if op == tree.None {
				return &Verdict{Why: why}
			}
			return &Verdict{Intent: &Intent{Op: op, Ref: RefFocus, By: f.by}}
		},
	},
}

// focusOp is what a block does to the file in focus: the first block of
// a file the text creates is all of it; the next ones go at its end; in
// a file of the system they set its settings in place, when they are
// settings.
func focusOp(v *View, f *focus) (tree.Op, string) {
	files := v.s.files
	switch {
	case files.IsWhole(f.path):
		return tree.Append, ""
	case (f.create || f.rule == "focus.heading" && newFile(files, f.path)) && !files.HasFile(f.path):
		return tree.Create, ""
	}
	if keyed(v.lang, f.path, v.b.Code.Text) {
		return tree.Edit, ""
	}
	return tree.None, "the block is not settings tailor can set in " + f.path + ", a file the tutorial does not make: not written"
}

// keyed reports whether a block's text is settings of the file p, each
// line setting a key.
func keyed(name, p, text string) bool {
	var lines []tree.Line
	for _, l := range strings.Split(text, "\n") {
		lines = append(lines, tree.Line{Text: l})
	}
	_, ok := tree.Entries(lines, tree.FormatOf(name, p, lines))
	return ok
}

// quotesLinesP: "the parameter in these two lines:": lines of the file
// quoted, not given.
var quotesLinesP = prose.Compile("in these lines", "in these two lines", "in this line", "in the following lines",
	"in the following line", "of these lines", "of this line")

// negatesPutting reports whether a sentence says not to put the block
// in: "rather than pasting it in", "do not copy this".
func negatesPutting(s prose.Sentence) bool {
	for i, t := range s {
		if (t.Is(prose.PasteVerbs) || t.Is(prose.TypeVerbs) || t.Is(prose.SaveVerbs)) && (s.Negated(i) || i >= 2 && s.WordsAt(i-2, "rather", "than")) {
			return true
		}
	}
	return false
}

// settingsBefore reports whether a word for settings comes shortly
// before i: "The server's settings are in X".
func settingsBefore(s prose.Sentence, i int) bool {
	for k := max(i-4, 0); k < i; k++ {
		if s[k].Is(settingNouns) || s[k].Word("configuration", "config") {
			return true
		}
	}
	return false
}

// hedgedPath returns the path a parenthesis after from names as the
// usual one: "(on Debian, X)", "(typically X)", "(usually X)".
func hedgedPath(s prose.Sentence, from int) *prose.Token {
	for k := from; k < len(s); k++ {
		if s[k].Text != "(" {
			continue
		}
		j := k + 1
		for j < len(s) && j <= k+4 && !s[j].Literal {
			j++
		}
		if j < len(s) && s[j].Literal && s[j].IsPath(false) && hedgeW.Is(s[k+1:j]) {
			return &s[j]
		}
	}
	return nil
}

// hedgeW are the words that say a path is the usual one, not the only
// one: "on Debian", "typically".
var hedgeW = prose.Compile("on debian", "on ubuntu", "typically", "usually", "normally", "by default", "on most systems", "on debian ,", "on ubuntu ,", "by default ,")

// settingsFile reports whether a path names a file of settings: its
// extension says so, or it is a well-known one.
func settingsFile(p string) bool {
	switch ext := strings.ToLower(path.Ext(p)); ext {
	case ".ini", ".conf", ".cnf", ".cfg", ".yml", ".yaml", ".toml", ".env", ".properties", ".json":
		return true
	}
	return lang.OfPath(p) != "" && strings.HasPrefix(p, "/etc/")
}

// newFile reports whether p is a file of the tutorial's own that no step
// has made yet, rather than a file of the system: a drop-in (a site, a
// conf.d file), a systemd unit, a script, a name with a placeholder.
func newFile(files Files, p string) bool {
	base := lastPart(p)
	if files.Known(p) || homes[base].dir != "" || tree.WellKnown(base) {
		return false
	}
	return dropIn(p) || strings.Contains(base, "$") || newFileDir(p)
}

// fileLike reports whether a path names a file rather than a directory:
// it has an extension, is a well-known file, or is in a directory of
// files (a drop-in directory, /usr/local/bin, /etc/systemd/system).
func fileLike(p string) bool {
	base := lastPart(p)
	return strings.Contains(strings.TrimPrefix(base, "."), ".") || strings.HasPrefix(base, ".") ||
		prose.FileNames[base] || homes[base].dir != "" || dropIn(p) || newFileDir(p)
}

// newFileDir reports whether p is in a directory that holds the files a
// tutorial adds: units, scripts, cron and logrotate files.
func newFileDir(p string) bool {
	for _, d := range []string{"/etc/systemd/system/", "/usr/local/bin/", "/usr/local/sbin/", "/etc/cron.d/", "/etc/logrotate.d/", "/etc/sudoers.d/"} {
		if strings.HasPrefix(p, d) {
			return true
		}
	}
	return false
}
