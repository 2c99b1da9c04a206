package infer

import (
	"strings"

	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/tree"
)

// intentRules settle what the text asks once its sentences are read:
// "it" with no file before it, text typed into an editor, sessions and
// commands that are no file's lines.
var intentRules = []*Rule{
	{
		ID: "add.edit-it-again", Phase: Intro, hook: hookNear,
		Doc: "\"Edit it again and add:\" with no file named just before: the file of the block before",
		Examples: []string{
			"Create `/etc/app.conf`:\n\n```ini\na = 1\n```\n\nEdit it again and add:\n\n```ini\nb = 2\n```\n",
			"Create `/etc/b.conf`:\n\n```ini\na = 1\n```\n\nOpen it again and add these lines too:\n\n```ini\nb = 2\n```\n",
		},
		Counter: []string{
			"The file is `/etc/c.conf`. Open it and add:",
			"Create `/etc/d.conf`:\n\n```ini\na = 1\n```\n\nAdd these lines to `/etc/d.conf`:\n\n```ini\nb = 2\n```\n",
		},
		Match: func(v *View) *Verdict {
			if !itNamesNothing(v) || v.in.Op != tree.Append || !continues(v.Key()) {
				return nil
			}
			in := *v.in
			in.Ref, in.Near = RefContinue, false
			return &Verdict{Intent: &in}
		},
	},
	{
		ID: "veto.it-names-nothing", Phase: Veto, hook: hookNear,
		Doc: "\"it should look like this\", \"open it and add\" with no file named in the sentence before: about no file",
		Examples: []string{
			"Restart the service. It should look like this:",
			"Install the package. It should contain the following:",
		},
		Counter: []string{
			"The file is `/etc/c.conf`. Open it and add:",
			"The settings are in `/etc/app.ini`. It should look like this:",
		},
		Match: func(v *View) *Verdict {
			if itNamesNothing(v) {
				return &Verdict{}
			}
			return nil
		},
	},
	{
		ID: "veto.editor-elsewhere", Phase: Veto, hook: hookEditor,
		Doc: "after an editor on what tailor does not make (crontab -e), or \"close it without changes\": what the text adds is not a file's",
		Examples: []string{
			"Open the crontab:\n\n```bash\ncrontab -e\n```\n\nAdd this line:\n\n```text\n0 3 * * * /usr/local/bin/backup\n```\n",
			"Look at the file:\n\n```bash\nsudo nano /etc/a.conf\n```\n\nClose it without changes. Then add the following to the file:\n\n```ini\na = 1\n```\n",
		},
		Counter: []string{
			"Open the file:\n\n```bash\nsudo nano /etc/a.conf\n```\n\nAdd this line:\n\n```ini\na = 1\n```\n",
			"Open the crontab:\n\n```bash\ncrontab -e\n```\n\nThen add the following to `/etc/b.conf`:\n\n```ini\nb = 1\n```\n",
		},
		Match: func(v *View) *Verdict {
			if !v.editorOpen() || len(v.sents) == 0 || v.s.opened != "" && !closesEditor(v.sents) {
				return nil
			}
			if v.in != nil && v.in.Target == nil {
				return &Verdict{}
			}
			return nil
		},
	},
	{
		ID: "editor.type-into", Phase: Discourse, hook: hookEditor,
		Doc: "\"sudo nano X\", then \"Paste in the following:\": added at the end of X",
		Examples: []string{
			"Open the file:\n\n```bash\nsudo nano /etc/a.conf\n```\n\nPaste in the following:\n\n```ini\na = 1\n```\n",
			"```bash\nsudo vim /etc/b.conf\n```\n\nType the following:\n\n```ini\nb = 1\n```\n",
		},
		Counter: []string{
			"```bash\nsudo nano /etc/a.conf\n```\n\nRun the following command:\n\n```bash\nsudo systemctl restart a\n```\n",
			"```bash\nsudo nano /etc/nginx/nginx.conf\n```\n\nJust before the closing brace, add:\n\n```nginx\ngzip on;\n```\n",
		},
		Match: func(v *View) *Verdict {
			asks, lines, ok := typesIntoEditor(v)
			if !ok || v.in != nil || !asks || !lines {
				return nil
			}
			return &Verdict{Intent: &Intent{Op: tree.Append, Ref: RefOpened, By: v.Key().Phrase(0, nil)}}
		},
	},
	{
		ID: "editor.that-file", Phase: Discourse, hook: hookEditor,
		Doc: "\"sudo nano X\", then \"Add the following to the file:\": X",
		Examples: []string{
			"```bash\nsudo nano /etc/a.conf\n```\n\nAdd the following to the file:\n\n```ini\na = 1\n```\n",
			"```bash\nsudo nano /etc/b.conf\n```\n\nThen add these lines too:\n\n```ini\nb = 1\n```\n",
		},
		Counter: []string{
			"```bash\nsudo nano /etc/a.conf\n```\n\nAdd the following to `/etc/c.conf`:\n\n```ini\na = 1\n```\n",
			"Add the following to the file:",
		},
		Match: func(v *View) *Verdict {
			_, lines, ok := typesIntoEditor(v)
			in := v.in
			if !ok || in == nil || in.Target != nil || in.Ref != RefContinue && in.Ref != RefThatFile || !lines {
				return nil
			}
			c := *in
			c.Ref = RefOpened
			return &Verdict{Intent: &c}
		},
	},
	{
		ID: "editor.new-file", Phase: Discourse, hook: hookEditor,
		Doc: "an editor opens a file the text says to create, or the text starts with \"#!\": the block is all of it",
		Examples: []string{
			"Create a new unit file:\n\n```bash\nsudo nano /etc/systemd/system/app.service\n```\n\nPaste in the following:\n\n```ini\n[Unit]\nDescription=app\n```\n",
			"```bash\nsudo nano /usr/local/bin/backup.sh\n```\n\nAdd the following:\n\n```bash\n#!/bin/sh\ntar czf /var/backups/etc.tgz /etc\n```\n",
		},
		Counter: []string{
			"Open the unit file:\n\n```bash\nsudo nano /etc/systemd/system/app.service\n```\n\nPaste in the following:\n\n```ini\n[Service]\nUser=app\n```\n",
			"```bash\nsudo nano /etc/a.conf\n```\n\nAdd the following:\n\n```ini\na = 1\n```\n",
		},
		Match: func(v *View) *Verdict {
			_, _, ok := typesIntoEditor(v)
			in := v.in
			if !ok || in == nil || in.Ref != RefOpened || in.Op != tree.Append || v.s.files.HasFile(v.s.opened) ||
				!v.s.openedNew && !strings.HasPrefix(v.b.Code.Text, "#!") {
				return nil
			}
			c := *in
			c.Op = tree.Create
			return &Verdict{Intent: &c}
		},
	},
	{
		ID: "veto.session", Phase: Veto, hook: hookIntent,
		Doc: "an interactive session (>>>, psql, mysql>) is typed at a prompt, never lines of a file",
		Examples: []string{
			"Add the following to `/etc/a.py`:\n\n```python\n>>> import a\n```\n",
			"Add this to `/etc/b.sql`:\n\n```sql\npostgres=# SELECT 1;\n```\n",
		},
		Counter: []string{
			"Add the following to `/etc/a.py`:\n\n```python\nimport a\n```\n",
			"Add this to `/etc/b.sql`:\n\n```sql\nSELECT 1;\n```\n",
		},
		Match: func(v *View) *Verdict {
			if v.in != nil && isSession(v.b.Code.Text) {
				return &Verdict{Why: "an interactive session, not lines of a file"}
			}
			return nil
		},
	},
	{
		ID: "veto.commands-after-file", Phase: Veto, hook: hookTarget,
		Doc: "\"To make it permanent, add the following:\" over commands, after a file that is no script: commands, not lines of the file",
		Examples: []string{
			"Create `/etc/a.conf`:\n\n```ini\na = 1\n```\n\nThen add the following:\n\n```bash\nsudo systemctl restart a\n```\n",
			"```bash\nsudo nano /etc/b.conf\n```\n\nAdd the following:\n\n```bash\nsudo systemctl reload b\n```\n",
		},
		Counter: []string{
			"Create `/usr/local/bin/run.sh`:\n\n```bash\n#!/bin/sh\necho a\n```\n\nThen add the following:\n\n```bash\necho b\n```\n",
			"Create `/etc/a.conf`:\n\n```ini\na = 1\n```\n\nThen add the following:\n\n```ini\nb = 2\n```\n",
		},
		Match: func(v *View) *Verdict {
			in := v.in
			if in == nil || scriptGoesOn(v) {
				return nil
			}
			commands := lang.IsShell(v.lang) || lang.IsNone(v.lang) && v.lang != "none" && v.looksLikeShell()
			if in.Ref == RefContinue && commands || in.Ref == RefOpened && lang.IsShell(v.lang) {
				return &Verdict{Why: "commands, not lines of the file before"}
			}
			return nil
		},
	},
	{
		ID: "veto.never-file", Phase: Veto, hook: hookTarget,
		Doc: "a block marked as a session or output (console, pycon, psql, output) is never a file's lines",
		Examples: []string{
			"Add the following to `/etc/a.py`:\n\n```pycon\nimport a\n```\n",
			"Create `/etc/b.txt` with the following contents:\n\n```output\nok\n```\n",
		},
		Counter: []string{
			"Add the following to `/etc/a.py`:\n\n```python\nimport a\n```\n",
			"Create `/etc/b.txt` with the following contents:\n\n```text\nok\n```\n",
		},
		Match: func(v *View) *Verdict {
			if v.in.asks() && lang.NeverFile(v.lang) {
				return &Verdict{}
			}
			return nil
		},
	},
}

// itNamesNothing reports whether the intent's "it" must name a file of
// the sentence before and none does.
func itNamesNothing(v *View) bool {
	return v.in != nil && v.in.Near && (v.key < 1 || !v.sents[v.key-1].MentionsFile())
}

// typesIntoEditor tells, when the block before opened an editor on a
// file (ok), whether the text asks to type into it and whether the block
// reads as lines of that file.
func typesIntoEditor(v *View) (asks, lines, ok bool) {
	if !v.editorOpen() || len(v.sents) == 0 || v.s.opened == "" || closesEditor(v.sents) {
		return false, false, false
	}
	key := v.Key()
	asks, strong := asksToType(key)
	l := v.lang
	lines = !lang.IsShell(l) && !lang.NeverFile(l) && l != "none" && (strong || !v.looksLikeShell()) && !startsWithCommand(v.b.Code.Text)
	if strong && lang.OfPath(v.s.opened) == "sh" && !lang.NeverFile(l) {
		lines = true // "sudo nano deploy.sh", "Add the following:": commands are the script's lines
	}
	if placesIt(key) || !mayAppendTo(v.s.files, v.s.opened, l, v.b.Code.Text) {
		// "Just before the </VirtualHost> line, add:": a place in the
		// file that the text does not name so tailor can find it
		lines = false
	}
	return asks, lines, true
}

// scriptGoesOn reports whether the text asks to add to a shell script it
// is working on (opened in an editor, or made by the block just before),
// where commands are the file's lines.
func scriptGoesOn(v *View) bool {
	s := v.s
	switch v.in.Ref {
	case RefOpened:
		return lang.OfPath(s.opened) == "sh"
	case RefContinue:
		return s.prev != nil && s.prev.code == s.lastCode && lang.OfPath(s.prev.target) == "sh"
	}
	return false
}
