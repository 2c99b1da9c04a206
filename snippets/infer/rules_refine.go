package infer

import (
	"fmt"
	"path"
	"strings"

	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/shell"
	"github.com/tailordocs/tailor/snippets/tree"
)

// nameRules resolve a name as written to an absolute path, in order.
var nameRules = []*Rule{
	{
		ID: "name.absolute", Phase: Discourse, hook: hookName,
		Doc:      "an absolute path, or one starting with a placeholder (\"$CONF_DIR/app.ini\"), is itself",
		Examples: []string{"Add the following to `/etc/hosts`:", "Create file `$CONF_DIR/app.ini` with the following contents:"},
		Counter:  []string{"Add the following to `hosts`:", "Create `~/.profile` with the following contents:"},
		Match: func(v *View) *Verdict {
			p := v.name
			if strings.HasPrefix(p, "/") || strings.HasPrefix(p, "$") && strings.Contains(p, "/") && !prose.UserDirRef(p) {
				return &Verdict{Target: path.Clean(p)} // "$CONF_DIR/app.ini" is checked once filled in
			}
			return nil
		},
	},
	{
		ID: "name.home", Phase: Discourse, hook: hookName,
		Doc:      "a path in the reader's home (\"~/x\") names no file of the server",
		Examples: []string{"```ini title=\"~/.config/a.ini\"\na = 1\n```\n", "```ini {file=\"~/.b.ini\"}\nb = 1\n```\n"},
		Counter:  []string{"```ini title=\"/etc/a.ini\"\na = 1\n```\n", "Add the following to `/root/.profile`:"},
		Match: func(v *View) *Verdict {
			if strings.HasPrefix(v.name, "~") {
				return &Verdict{}
			}
			return nil
		},
	},
	{
		ID: "name.restated", Phase: Discourse, hook: hookName,
		Doc: "a relative name restated in parentheses by its full path (\"`config/database.yml` (that is, `/var/www/app/shared/config/database.yml`)\"): that path",
		Examples: []string{
			"Create `shared/config/database.yml` (that is, `/var/www/app/shared/config/database.yml`):",
			"Add the following to `jail.local` (full path: `/etc/fail2ban/jail.local`):",
		},
		Counter: []string{
			"Create `database.yml`, not `/etc/app/database.yml`:",
			"Create `shared/config/database.yml` (see `/var/www/app/shared/config/README`):",
		},
		Match: func(v *View) *Verdict {
			if strings.Contains(v.name, "$") || strings.HasPrefix(v.name, "/") {
				return nil
			}
			if p := restated(v.Last(), v.name); p != "" {
				return &Verdict{Target: p}
			}
			return nil
		},
	},
	{
		ID: "name.known-file", Phase: Discourse, hook: hookName,
		Doc: "a relative name (\"settings.py\") that ends the path of one file the tutorial made, or copied into place: that file",
		Examples: []string{
			"Create `/etc/opt/app/settings.py`:\n\n```python\nA = 1\n```\n\nAdd the following to `settings.py`:\n\n```python\nB = 2\n```\n",
			"Create `/srv/app/conf/main.ini`:\n\n```ini\na = 1\n```\n\nAdd this to `conf/main.ini`:\n\n```ini\nb = 2\n```\n",
		},
		Counter: []string{"Add the following to `settings.py`:", "Add the following to `/etc/settings.py`:"},
		Match: func(v *View) *Verdict {
			if m := knownWithName(v, v.name); len(m) == 1 {
				return &Verdict{Target: m[0]}
			}
			return nil
		},
	},
	{
		ID: "name.named-in-section", Phase: Discourse, hook: hookName,
		Doc:      "\"Open /etc/postgresql/15/main/postgresql.conf.\" then \"at the end of postgresql.conf\": the one path of the section with that name",
		Examples: []string{"Open `/etc/postgresql/15/main/postgresql.conf`. Add the following at the end of `postgresql.conf`:", "The jail is `/etc/fail2ban/jail.local`. Create `jail.local` with the following contents:"},
		Counter:  []string{"Add the following at the end of `postgresql.conf`:", "Open `/etc/a/x.conf` and `/etc/b/x.conf`. Add the following at the end of `x.conf`:"},
		Match: func(v *View) *Verdict {
			p := v.name
			if strings.Contains(p, "/") || len(knownWithName(v, p)) > 0 {
				return nil
			}
			if abs := v.s.namedIn(p); abs != "" {
				return &Verdict{Target: abs}
			}
			return nil
		},
	},
	{
		ID: "name.well-known", Phase: Discourse, hook: hookName,
		Doc: "a well-known file named by its base name (pg_hba.conf, sshd_config, main.cf) where the tutorial installs its server or names its directory: its home on Debian",
		Examples: []string{
			"In `/etc/postgresql/16/main/postgresql.conf` set:\n\n```\nport = 5432\n```\n\nAdd a line for it at the end of `pg_hba.conf`:\n\n```\nhost all all 10.0.0.2/32 scram-sha-256\n```\n",
			"```bash\nsudo apt install -y openssh-server\n```\n\nIn `sshd_config` set:\n\n```\nPasswordAuthentication no\n```\n",
		},
		Counter: []string{
			"Add a line for it at the end of `pg_hba.conf`:",
			"In `/etc/postgresql/15/main/a.conf` and `/etc/postgresql/16/main/a.conf` alike, add this to `pg_hba.conf`:",
		},
		Match: func(v *View) *Verdict {
			if strings.Contains(v.name, "/") {
				return nil
			}
			if p := v.s.wellKnown(v.name); p != "" {
				return &Verdict{Target: p}
			}
			return nil
		},
	},
	{
		ID: "name.there", Phase: Discourse, hook: hookName,
		Doc: "\"Scripts in /etc/app/hooks run at boot. Save this one there as x.sh:\": a relative name put \"there\", in the directory named last",
		Examples: []string{
			"Scripts in `/etc/letsencrypt/renewal-hooks/deploy` run after each renewal. Save this one there as `reload.sh`:\n\n```bash\n#!/bin/sh\nsystemctl reload nginx\n```\n",
			"Drop-in files go in `/etc/systemd/system/app.service.d/`. Create `limits.conf` there:\n\n```ini\n[Service]\nLimitNOFILE=65536\n```\n",
		},
		Counter: []string{
			"There is a file for it. Create `limits.conf` with the following contents:\n\n```ini\n[Service]\nLimitNOFILE=65536\n```\n",
			"The unit is `/etc/systemd/system/app.service`. Save this one there as `reload.sh`:\n\n```bash\n#!/bin/sh\nsystemctl reload nginx\n```\n",
		},
		Match: func(v *View) *Verdict {
			if strings.Contains(v.name, "/") || !saysThere(v.Last()) {
				return nil
			}
			for i := len(v.s.mentions) - 1; i >= 0; i-- {
				m := v.s.mentions[i]
				abs := absolute(m.tok.Text)
				if abs == "" || m.tok.Text == v.name {
					continue
				}
				if m.isDir || !strings.Contains(path.Base(abs), ".") && !v.s.files.HasFile(abs) {
					return &Verdict{Target: path.Join(abs, v.name)}
				}
				return nil
			}
			return nil
		},
	},
	{
		ID: "name.shell-directory", Phase: Discourse, hook: hookName,
		Doc: "a relative name after a `cd` in the same section: in the shell's directory",
		Examples: []string{
			"```bash\nsudo mkdir -p /srv/app\ncd /srv/app\n```\n\nCreate `app.ini` with the following contents:\n\n```ini\na = 1\n```\n",
			"```bash\ncd /etc/nginx\n```\n\nAdd the following to `conf.d/gzip.conf`:\n\n```nginx\ngzip on;\n```\n",
		},
		Counter: []string{
			"# A\n\n```bash\ncd /srv/app\n```\n\n## B\n\nCreate `app.ini` with the following contents:\n\n```ini\na = 1\n```\n",
			"Create `app.ini` with the following contents:",
		},
		Match: func(v *View) *Verdict {
			if d := v.Cwd(); d != "" {
				return &Verdict{Target: path.Join(d, v.name)}
			}
			return nil
		},
	},
}

// runsIn returns the directory a sentence ending "in DIR:" names, ""
// when it ends otherwise or names a file.
func runsIn(s prose.Sentence) string {
	n := len(s)
	if n < 3 || !s.EndsWithColon() || !s[n-3].Word("in", "inside", "within") || !s[n-2].Literal {
		return ""
	}
	t := s[n-2].Text
	p := absolute(t)
	if p == "" || !strings.HasSuffix(t, "/") && strings.Contains(path.Base(p), ".") {
		return ""
	}
	return p
}

// restated returns the absolute path a parenthesis right after name
// gives for it ("(that is, X)", "(full path: X)"), "" for none.
func restated(s prose.Sentence, name string) string {
	for i, t := range s {
		if !t.Literal || t.Text != name || i+1 >= len(s) || s[i+1].Text != "(" {
			continue
		}
		for k := i + 2; k < len(s) && k < i+7; k++ {
			if s[k].Text == ")" {
				return ""
			}
			if !s[k].Literal {
				continue
			}
			if p := absolute(s[k].Text); p != "" && strings.HasSuffix(p, "/"+strings.TrimPrefix(name, "./")) {
				return p
			}
			return ""
		}
	}
	return ""
}

// saysThere reports whether a sentence puts something "there" (not
// "there is", "there are").
func saysThere(s prose.Sentence) bool {
	for i, t := range s {
		if t.Word("there") && !s.WordsAt(i+1, "is") && !s.WordsAt(i+1, "are") && !s.WordsAt(i+1, "was") && !s.WordsAt(i+1, "were") && !(i+1 < len(s) && s[i+1].Text == "'s") {
			return true
		}
	}
	return false
}

// knownWithName returns the files made so far, or copied into place by
// a step, whose path ends with "/"+name.
func knownWithName(v *View, name string) []string { return v.s.files.Named(name) }

// refineRules settle the operation once the file is known.
var refineRules = []*Rule{
	{
		ID: "create.unmade-restated", Phase: Discourse, hook: hookRefine,
		Doc:      "\"Now, X should look like this\" of a file not made yet: the whole file, for a reader who starts here",
		Examples: []string{"After these changes, `/etc/app.conf` should look like this:", "The final `/etc/haproxy/haproxy.cfg` should look like this:"},
		Counter: []string{
			"Create `/etc/app.conf`:\n\n```ini\na = 1\n```\n\nAfter these changes, `/etc/app.conf` should look like this:\n\n```ini\na = 1\n```\n",
			"`/etc/app.conf` should look like this:",
		},
		Match: func(v *View) *Verdict {
			in := v.in
			if v.op == tree.Check && !v.s.files.HasFile(v.target) && !in.Describes && in.Target != nil {
				return &Verdict{Op: tree.Create}
			}
			return nil
		},
	},
	{
		ID: "check.made-restated", Phase: Discourse, hook: hookRefine,
		Doc: "\"X should contain:\" of a file the tutorial has made whole: what it holds by now, a check",
		Examples: []string{
			"Create `/etc/app.conf`:\n\n```ini\na = 1\n```\n\n`/etc/app.conf` should contain:\n\n```ini\na = 1\n```\n",
			"Create `/etc/b.conf`:\n\n```ini\nb = 1\n```\n\nThe file should look like this:\n\n```ini\nb = 1\n```\n",
		},
		Counter: []string{"`/etc/app.conf` should contain:", "Create `/etc/app.conf` with the following contents:"},
		Match: func(v *View) *Verdict {
			if v.in.Copula && v.op == tree.Create && v.s.files.IsWhole(v.target) {
				return &Verdict{Op: tree.Check}
			}
			return nil
		},
	},
	{
		ID: "edit.keyed", Phase: Discourse, hook: hookRefine,
		Doc: "\"Change X to the following\", \"In X set:\" of a file the tutorial does not make, over settings of its format: set in place, the rest of X kept",
		Examples: []string{
			"Change `/etc/redis/redis.conf` to the following:\n\n```\nmaxmemory 1gb\n```\n",
			"In `/etc/postgresql/16/main/postgresql.conf` set:\n\n```\nport = 5433\n```\n",
		},
		Counter: []string{
			"Replace the contents of `/etc/redis/redis.conf` with:\n\n```\nmaxmemory 1gb\n```\n",
			"Change `/etc/nginx/sites-available/default` to the following:\n\n```nginx\nserver {\n    return 444;\n}\n```\n",
		},
		Match: func(v *View) *Verdict {
			if !setsSettings(v.in.Rule) || v.in.Whole || v.s.files.IsWhole(v.target) || !keyed(v.lang, v.target, v.b.Code.Text) {
				return nil
			}
			return &Verdict{Op: tree.Edit}
		},
	},
	{
		ID: "create.new-drop-in", Phase: Discourse, hook: hookRefine,
		Doc: "\"In X set:\" over what is not settings, X a new file of a directory of drop-ins (sites-available, conf.d, *.d): all of X",
		Examples: []string{
			"In `/etc/nginx/sites-enabled/app.conf` set:\n\n```nginx\nserver {\n    listen 80;\n}\n```\n",
			"In `/etc/apache2/conf-available/app.conf` set:\n\n```apache\n<Directory /srv/app>\n</Directory>\n```\n",
		},
		Counter: []string{
			"In `/etc/postgresql/16/main/pg_hba.conf` set:\n\n```text\nhost all all 127.0.0.1/32 md5\nhost all all ::1/128 md5\n```\n",
			"In `/etc/nginx/nginx.conf` set:\n\n```nginx\nhttp {\n}\n```\n",
		},
		Match: func(v *View) *Verdict {
			if v.in.Rule != "set.in-path" || v.op != tree.Edit || v.s.files.HasFile(v.target) || keyed(v.lang, v.target, v.b.Code.Text) || !dropIn(v.target) {
				return nil
			}
			return &Verdict{Op: tree.Create}
		},
	},
	{
		ID: "veto.describes-unmade", Phase: Veto, hook: hookRefine,
		Doc:      "\"X contains the following\" of a file the tutorial has not made: an excerpt of a file of the system, never written",
		Examples: []string{"By default, `/etc/nginx/nginx.conf` contains the following:", "A typical error in `/var/log/nginx/error.log` looks like this:"},
		Counter: []string{
			"Create `/etc/app.conf`:\n\n```ini\na = 1\n```\n\n`/etc/app.conf` contains the following:\n\n```ini\na = 1\n```\n",
			"Make sure `/etc/hosts` has these contents:",
		},
		Match: func(v *View) *Verdict {
			if v.in.Describes && !v.s.files.HasFile(v.target) {
				return &Verdict{Why: fmt.Sprintf("the text says what %s holds, and the tutorial has not made it: an excerpt, not written", v.target)}
			}
			return nil
		},
	},
	{
		ID: "check.described", Phase: Discourse, hook: hookRefine,
		Doc: "\"X contains the following\" of a file the tutorial has made: a check of what it holds",
		Examples: []string{
			"Create `/etc/app.conf`:\n\n```ini\na = 1\n```\n\n`/etc/app.conf` contains the following:\n\n```ini\na = 1\n```\n",
			"Create `/etc/b.conf`:\n\n```ini\nb = 1\n```\n\nThat file now looks like this:\n\n```ini\nb = 1\n```\n",
		},
		Counter: []string{"By default, `/etc/nginx/nginx.conf` contains the following:", "Make sure `/etc/hosts` has these contents:"},
		Match: func(v *View) *Verdict {
			if v.in.Describes {
				return &Verdict{Op: tree.Check}
			}
			return nil
		},
	},
	{
		ID: "shell.writes-target", Phase: Veto, hook: hookRefine,
		Doc: "\"Create X:\" over commands that write X (cat > X <<EOF, sudo nano X): the commands make X",
		Examples: []string{
			"Create `/etc/motd`:\n\n```bash\ncat > /etc/motd <<EOF\nhello\nEOF\n```\n",
			"Create the file `/etc/a.conf`:\n\n```bash\nsudo nano /etc/a.conf\n```\n",
		},
		Counter: []string{
			"Create `/etc/motd`:\n\n```text\nhello\n```\n",
			"Create `/etc/b.conf`:\n\n```bash\necho hello\n```\n",
		},
		Match: func(v *View) *Verdict {
			if lang.IsShell(v.lang) && shellWrites(v, v.target) {
				return &Verdict{}
			}
			return nil
		},
	},
	{
		ID: "veto.shell-variable", Phase: Veto, hook: hookCheck,
		Doc:      "a path with a shell variable (/home/$USER/x, /etc/$1.conf) is a file of the reader or of a loop, not one tailor can name",
		Examples: []string{"Add the following to `/home/$USER/.profile`:", "Create `/etc/$1.conf` with the following contents:"},
		Counter:  []string{"Add the following to `/home/$APP_USER/.profile`:", "```ini {file=\"/etc/$x.conf\"}\na = 1\n```\n"},
		Match: func(v *View) *Verdict {
			if v.b.Annotation != nil && v.b.Annotation.File != "" {
				return nil
			}
			if sv := shellVariable(v.target); sv != "" {
				return &Verdict{Why: fmt.Sprintf("%s holds the shell variable %s: no file of its own", v.target, sv)}
			}
			return nil
		},
	},
	{
		ID: "veto.excerpt", Phase: Veto, hook: hookFollowed,
		Doc:      "a block with lines left out (\"...\") is an excerpt, never written",
		Examples: []string{"Add the following to `/etc/haproxy/haproxy.cfg`:\n\n```text\nglobal\n    ...\nfrontend www\n```\n", "Create `/etc/a.ini`:\n\n```ini\n[a]\n# ...\nb = 1\n```\n"},
		Counter:  []string{"Add the following to `/etc/a.py`:\n\n```python\ndef f():\n    ...\n```\n", "Create `/etc/a.ini`:\n\n```ini\n[a]\nb = 1\n```\n"},
		Match: func(v *View) *Verdict {
			annotated := v.b.Annotation != nil && v.b.Annotation.File != ""
			if !annotated && v.op != tree.Check && elided(v.b.Code.Text, lang.Or(v.lang, lang.OfPath(v.target))) {
				return &Verdict{Why: fmt.Sprintf("the block leaves lines out (...): not written to %s", v.target)}
			}
			return nil
		},
	},
	{
		ID: "check.summary-section", Phase: Discourse, hook: hookFollowed,
		Doc: "a block of a summary section (\"Summary\", \"Recap\") that gives a file the tutorial made: a check",
		Examples: []string{
			"# A\n\nCreate `/etc/a.conf`:\n\n```ini\na = 1\n```\n\n## Summary\n\nCreate `/etc/a.conf`:\n\n```ini\na = 1\n```\n",
			"# B\n\nCreate `/etc/b.conf`:\n\n```ini\nb = 1\n```\n\n## Recap\n\nCreate `/etc/b.conf` with the following contents:\n\n```ini\nb = 1\n```\n",
		},
		Counter: []string{
			"# A\n\n## Summary\n\nCreate `/etc/a.conf`:\n\n```ini\na = 1\n```\n",
			"# B\n\nCreate `/etc/b.conf`:\n\n```ini\nb = 1\n```\n\n## Next\n\nCreate `/etc/b.conf`:\n\n```ini\nb = 2\n```\n",
		},
		Match: func(v *View) *Verdict {
			if v.op == tree.Create && v.s.files.IsWhole(v.target) && isSummary(v.s.secTitle) {
				return &Verdict{Op: tree.Check}
			}
			return nil
		},
	},
}

// shellWrites reports whether the shell commands of the block write the
// file p (or open it in an editor), without changing the story.
func shellWrites(v *View, p string) bool {
	st := v.s.Shell.Clone()
	effects, _ := shell.Analyze(v.b.Code.Text, v.lang, &st)
	for _, e := range effects {
		if (e.Kind == shell.Write || e.Kind == shell.Append || e.Kind == shell.Install && !e.IsDir) && path.Clean(e.Path) == p {
			return true
		}
		if e.Kind == shell.Open && e.Path != "" {
			return true // "Create the file X:" over "sudo nano X": the text comes next
		}
	}
	return false
}

// hypotheticalP are the words of commands shown for what they would do.
var hypotheticalP = prose.Compile(
	"would delete|remove|erase|wipe|destroy|overwrite|reset|drop|run|type|execute|enter",
	"could delete|remove|erase|wipe|destroy|overwrite|reset|drop|run|type|execute|enter")

// noneRules say why a block makes no file.
var noneRules = []*Rule{
	{
		ID: "veto.hypothetical", Phase: Veto, hook: hookNone,
		Doc: "commands the text shows to explain what they would do (\"This would delete the whole directory:\", \"you would run\"): not steps",
		Examples: []string{
			"Be careful: this would delete the whole directory:\n\n```bash\nrm -rf /etc/nginx/sites-available\n```\n",
			"To give the file to another user, you would run:\n\n```bash\nchown www-data /etc/app.conf\n```\n",
		},
		Counter: []string{
			"If you would like to enable the site, run:\n\n```bash\nln -s /etc/nginx/sites-available/a /etc/nginx/sites-enabled/a\n```\n",
			"Remove the default site, which would otherwise answer first:\n\n```bash\nrm /etc/nginx/sites-enabled/default\n```\n",
		},
		Match: func(v *View) *Verdict {
			if v.b.Annotation != nil || !v.Commands() {
				return nil
			}
			if key := v.Key(); key != nil && hypotheticalP.In(key) {
				return &Verdict{Why: "the text shows what the commands would do, it does not ask for them: not applied"}
			}
			return nil
		},
	},
	{
		ID: "shell.runs-in", Phase: Discourse, hook: hookNone,
		Doc: "commands the text says run in a directory (\"Copy it into place, in /var/www/app:\") where no cd says where the shell is: their relative paths are in that directory",
		Examples: []string{
			"Copy the example into place, still as `www-data` in `/var/www/app`:\n\n```console\n(venv)$ cp config_example.py instance/config.py\n```\n",
			"Run these in `/opt/app/`:\n\n```bash\nmkdir -p data\n```\n",
		},
		Counter: []string{
			"```bash\ncd /srv\n```\n\nCopy the example into place, in `/var/www/app`:\n\n```bash\ncp a.py b.py\n```\n",
			"Copy the example into `/var/www/app/config.py`:\n\n```bash\ncp a.py /var/www/app/config.py\n```\n",
		},
		Match: func(v *View) *Verdict {
			if !v.Commands() || v.s.Shell.Dir != "" {
				return nil
			}
			if d := runsIn(v.Last()); d != "" {
				return &Verdict{Shell: true, Optional: offersChoice(v.Last()), Cwd: d}
			}
			return nil
		},
	},
	{
		ID: "shell.commands", Phase: Discourse, hook: hookNone,
		Doc:      "commands: what they do to the file system (mkdir, chmod, chown, ln -s, writes) is applied",
		Examples: []string{"Run:\n\n```bash\nsudo mkdir -p /srv/app\n```\n", "Make the directory:\n\n```\nsudo mkdir -p /srv/app\nsudo chown www-data /srv/app\n```\n"},
		Counter:  []string{"Add the following to `/etc/a.conf`:", "Run:\n\n```text\nHello world\n```\n"},
		Match: func(v *View) *Verdict {
			if v.Commands() {
				return &Verdict{Shell: true, Optional: len(v.sents) > 0 && offersChoice(v.Last())}
			}
			return nil
		},
	},
	{
		ID: "none.no-intro", Phase: Discourse, hook: hookNone,
		Doc:      "no paragraph introduces the block: it makes no file",
		Examples: []string{"# A\n\n```ini\na = 1\n```\n", "- a list item\n\n```ini\na = 1\n```\n"},
		Counter:  []string{"Add the following to `/etc/a.conf`:", "This is what it prints:"},
		Match: func(v *View) *Verdict {
			if v.in == nil && v.b.Intro == nil {
				return &Verdict{Why: "no text introduces the block"}
			}
			return nil
		},
	},
	{
		ID: "none.edit-in-place", Phase: Discourse, hook: hookNone,
		Doc:      "\"find the line and change it to\", \"uncomment\": a change of lines where they are",
		Examples: []string{"Find the line `Port 22` and change it to:", "Search for the `[mysqld]` section and change it so that it reads:"},
		Counter:  []string{"Add the following to `/etc/ssh/sshd_config`:", "This is what it prints:"},
		Match: func(v *View) *Verdict {
			if len(v.sents) > 0 && editsInPlace(v.Last()) {
				return &Verdict{Why: "the text asks to change lines in place, which tailor does not do: not written"}
			}
			return nil
		},
	},
	{
		ID: "none.asks-nothing", Phase: Discourse, hook: hookNone,
		Doc:      "the text before the block asks for no file",
		Examples: []string{"This is the result:", "Here it is:"},
		Counter:  []string{"Add the following to `/etc/a.conf`:", "Find the line `Port 22` and change it to:"},
		Match: func(v *View) *Verdict {
			return &Verdict{Why: "the text before the block asks for no file"}
		},
	},
}

// setsSettings reports whether the rule id reads a sentence that gives a
// file settings rather than asking to create it.
func setsSettings(id string) bool {
	switch id {
	case "change.path", "change.that-file", "change.noun-phrase", "set.in-path", "edit.setting", "edit.uncomment":
		return true
	}
	return false
}

// dropIn reports whether p is a file of a directory of drop-ins, of
// which a tutorial adds its own: sites-available, conf.d, *.d.
func dropIn(p string) bool {
	dir := parentDir(p)
	base := lastPart(dir)
	switch base {
	case "sites-available", "sites-enabled", "conf-available", "conf-enabled", "mods-available", "snippets":
		return true
	}
	return strings.HasSuffix(base, ".d")
}
