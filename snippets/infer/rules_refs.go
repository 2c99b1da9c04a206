package infer

import (
	"fmt"
	"path"
	"strings"

	"github.com/tailordocs/tailor/snippets/lang"
	"github.com/tailordocs/tailor/snippets/tree"
)

// refRules find the file an intent is about: the path it names,
// resolved, or the file it refers to.
var refRules = []*Rule{
	{
		ID: "veto.home-file", Phase: Veto, hook: hookRef,
		Doc:      "a file in the reader's home directory (~/.bashrc, $HOME/.vimrc) is not the server's",
		Examples: []string{"Add the following to `~/.bashrc`:", "Create `$HOME/.vimrc` with the following contents:"},
		Counter:  []string{"Add the following to `/root/.bashrc`:", "Create `/etc/vim/vimrc.local` with the following contents:"},
		Match: func(v *View) *Verdict {
			if t := v.in.Target; t != nil && userPath(t.Text) {
				return &Verdict{Why: fmt.Sprintf("%s is a file of the reader's own home directory, not of the server", t.Text)}
			}
			return nil
		},
	},
	{
		ID: "dir.named", Phase: Discourse, hook: hookRef,
		Doc:      "\"create NAME in /srv/app\": the directory the sentence names",
		Examples: []string{"Create `docker-compose.yml` in `/srv/app`:", "Save the following as `wsgi.py` in `/home/$APP_USER/myproject`:"},
		Counter:  []string{"Create `/srv/app/docker-compose.yml`:", "Create `docker-compose.yml` in the project directory:"},
		Match: func(v *View) *Verdict {
			in := v.in
			if in.Target == nil || in.Dir == nil || strings.HasPrefix(in.Target.Text, "/") {
				return nil
			}
			if d := absolute(in.Dir.Text); d != "" {
				return &Verdict{Target: path.Join(d, in.Target.Text)}
			}
			return nil
		},
	},
	{
		ID: "dir.same-as-last", Phase: Discourse, hook: hookRef,
		Doc:      "\"in the same directory, create NAME\": beside the file or in the directory named last",
		Examples: ruleExamples("create.in-same-directory"),
		Counter:  []string{"Create `y.conf` in `/etc/app`:", "Create `/etc/y.conf` with the following contents:"},
		Match: func(v *View) *Verdict {
			in := v.in
			if in.Target == nil || !in.SameDir || strings.HasPrefix(in.Target.Text, "/") {
				return nil
			}
			name := in.Target.Text
			for i := len(v.s.mentions) - 1; i >= 0; i-- {
				m := v.s.mentions[i]
				if m.tok.Pos == in.Target.Pos {
					continue
				}
				d := absolute(m.tok.Text)
				if !m.isDir && d != "" {
					d = path.Dir(d)
				}
				if d != "" {
					return &Verdict{Target: path.Join(d, name)}
				}
			}
			return &Verdict{Why: fmt.Sprintf("%q is in the same directory as a file the text does not name", name)}
		},
	},
	{
		ID: "dir.that-directory", Phase: Discourse, hook: hookRef,
		Doc:      "\"inside that directory create a file NAME\": in the directory named or made last, or the shell's",
		Examples: ruleExamples("create.in-that-directory"),
		Counter:  []string{"In the same directory, create `robots.txt` with the following contents:", "Create `robots.txt` in `/srv/x`:"},
		Match: func(v *View) *Verdict {
			in := v.in
			if in.Target == nil || !in.InDir || strings.HasPrefix(in.Target.Text, "/") {
				return nil
			}
			if d := lastDir(v); d != "" {
				return &Verdict{Target: path.Join(d, in.Target.Text)}
			}
			return &Verdict{Why: fmt.Sprintf("%q is inside a directory the text does not name", in.Target.Text)}
		},
	},
	{
		ID: "name.path", Phase: Discourse, hook: hookRef,
		Doc:      "the path the sentence names, a relative one resolved against what the reader knows",
		Examples: []string{"Add the following to `/etc/hosts`:", "Create `/etc/nginx/sites-available/$DOMAIN` with the following contents:"},
		Counter:  []string{"Add the following to that file:", "Add:"},
		Match: func(v *View) *Verdict {
			t := v.in.Target
			if t == nil {
				return nil
			}
			if p, via := v.resolveName(t.Text); p != "" {
				return &Verdict{Target: p, Via: via}
			}
			return &Verdict{Why: fmt.Sprintf("relative name %q: cannot tell which directory it is in", t.Text)}
		},
	},
	{
		ID: "ref.editor", Phase: Discourse, hook: hookRef,
		Doc:      "the file an editor command opened just before",
		Examples: ruleExamples("editor.type-into"),
		Counter:  []string{"Paste in the following:", "Add the following to `/etc/a.conf`:"},
		Match: func(v *View) *Verdict {
			if v.in.Ref == RefOpened {
				return &Verdict{Target: v.s.opened}
			}
			return nil
		},
	},
	{
		ID: "ref.previous-block", Phase: Discourse, hook: hookRef,
		Doc:      "\"Then add these lines too:\" right after a block: that block's file",
		Examples: ruleExamples(formAddContinue),
		Counter:  []string{"Then add these lines too:", "Create `/etc/a.conf`:\n\n```ini\na = 1\n```\n\nRestart it. Then add the following:\n\n```yaml\nb: 2\n```\n"},
		Match: func(v *View) *Verdict {
			s := v.s
			p := s.prev
			if v.in.Ref != RefContinue || p == nil || p.target == "" || p.code != s.lastCode || s.paras-s.paraAtCode > 1 || len(v.sents) != 1 {
				return nil
			}
			if continues(v.sents[0]) || lang.SameKind(p.code.Lang, v.lang) && !isSession(v.b.Code.Text) {
				return &Verdict{Target: p.target}
			}
			return nil
		},
	},
	{
		ID: "ref.made-or-opened", Phase: Discourse, hook: hookRef,
		Doc:      "\"Create the file X.\" or \"Open X.\", then \"Add:\": X",
		Examples: []string{"Create the file `/etc/a.conf`. Add:", "Open `/etc/b.conf` in your editor. It holds the defaults. Add:"},
		Counter:  []string{"Add the following to `/etc/a.conf`:", "Create the file `/etc/a.conf` with the following contents:"},
		Match: func(v *View) *Verdict {
			if v.in.Ref != RefContinue {
				return nil
			}
			if p := madeOrOpened(v); p != "" {
				return &Verdict{Target: p}
			}
			if v.Focus() != "" {
				return nil
			}
			return &Verdict{Why: "the text names no file it is working on"}
		},
	},
	{
		ID: "ref.that-file", Phase: Discourse, hook: hookRef,
		Doc:      "\"that file\", \"it\": the file named last in the section (\"it\": in this paragraph or the one before)",
		Examples: ruleExamples("create.that-file"),
		Counter:  []string{"Create that file with the following contents:", "Add the following to `/etc/a.conf`:"},
		Match: func(v *View) *Verdict {
			if v.in.Ref != RefThatFile {
				return nil
			}
			if p := lastFileNamed(v); p != "" {
				return &Verdict{Target: p}
			}
			return nil
		},
	},
	{
		ID: "ref.same-file", Phase: Discourse, hook: hookRef,
		Doc: "\"Add this to the same file:\": the file the page wrote last, in another section, or the one the text named by its path since",
		Examples: []string{
			"# A\n\nCreate `/etc/a.conf`:\n\n```ini\na = 1\n```\n\n## B\n\nAdd this to the same file:\n\n```ini\nb = 2\n```\n",
			"# A\n\nAppend this to `/etc/b.conf`:\n\n```ini\na = 1\n```\n\n## B\n\nThen add the following to the same file:\n\n```ini\nb = 2\n```\n",
			"# A\n\nCreate `/etc/a.conf`:\n\n```ini\na = 1\n```\n\n## B\n\nWhat it reads is decided in `/etc/b.conf`.\n\n## C\n\nIn the same file, set:\n\n```ini\nb = 2\n```\n",
		},
		Counter: []string{"Add this to `/etc/a.conf`:", "Then add these lines too:"},
		Match: func(v *View) *Verdict {
			if v.in.Ref != RefThatFile {
				return nil
			}
			if last := v.Last(); last != nil && v.s.lastFile != "" && last.HasWords("same", "file") {
				if v.s.lastNamed != "" {
					return &Verdict{Target: v.s.lastNamed}
				}
				return &Verdict{Target: v.s.lastFile}
			}
			if v.Focus() != "" {
				return nil
			}
			return &Verdict{Why: "\"that file\": no file is named before"}
		},
	},
	{
		ID: "ref.noun-phrase", Phase: Discourse, hook: hookRef,
		Doc: "\"the fallback configuration\": the one path of the latest sentence of the section that says so",
		Examples: []string{
			"The fallback configuration is in `/etc/nginx/sites-available/default`. I change the fallback configuration to the following:",
			"The Redis config file is `/etc/redis/redis.conf`. Scroll to the bottom of the configuration file and add:",
		},
		Counter: []string{"Change `/etc/nginx/sites-available/default` to the following:", "Scroll to the bottom of `/etc/redis/redis.conf` and add:"},
		Match: func(v *View) *Verdict {
			if v.in.Ref != RefNounPhrase {
				return nil
			}
			np := strings.Join(v.in.NP, " ")
			if p := namedWith(v, np); p != "" {
				return &Verdict{Target: p}
			}
			if v.Focus() != "" {
				return nil
			}
			return &Verdict{Why: fmt.Sprintf("%q: no earlier sentence of the section names its file", np)}
		},
	},
	{
		ID: "ref.focus", Phase: Discourse, hook: hookRef,
		Doc: "the file in focus: of a block no sentence asks anything of, or of \"add the following\", \"the file\", \"the configuration file\" when nothing else is named",
		Examples: []string{
			"Open `/etc/app/config.py` in your editor.\n\n## Hosts\n\nThe hosts it answers to:\n\n```python\nHOSTS = ['a']\n```\n",
			"# Setup\n\nCreate a file named `extra.py` in the `/opt/app` directory.\n\n```python\nA = 1\n```\n\n## More\n\nAdd the following:\n\n```python\nB = 2\n```\n",
		},
		Counter: []string{
			"Open `/etc/app/config.py` in your editor.\n\nAdd this to `/etc/app/other.py`:\n\n```python\nB = 2\n```\n",
			"Add the following:",
		},
		Match: func(v *View) *Verdict {
			switch v.in.Ref {
			case RefFocus, RefContinue, RefThatFile, RefNounPhrase:
				if f := v.Focus(); f != "" {
					return &Verdict{Target: f}
				}
			}
			return nil
		},
	},
	{
		ID: "ref.anchor", Phase: Discourse, hook: hookRef,
		Doc: "\"add the following before LINE\", \"to the [Unit] section of the service\": the file made so far (of that kind, when said) that holds LINE once (the block before's first)",
		Examples: []string{
			"Create `/etc/apache2/sites-available/a.conf`:\n\n```apache\n<VirtualHost *:80>\nProxyPass / http://127.0.0.1:8000/\n</VirtualHost>\n```\n\nAdd the following before `ProxyPass /`:\n\n```apache\nProxyPass /static/ !\n```\n",
			"Create `/etc/app.ini`:\n\n```ini\n[main]\na = 1\n```\n\nIn the `[main]` section, add:\n\n```ini\nb = 2\n```\n",
			"## `/etc/systemd/system/b.service`\n\n```ini\n[Unit]\nDescription=b\n```\n\n## `/etc/systemd/system/b.timer`\n\n```ini\n[Unit]\nDescription=b\n```\n\n# Mail\n\nAdd it to the `[Unit]` section of the service:\n\n```ini\n[Unit]\nOnFailure=mail@%n.service\n```\n",
		},
		Counter: []string{"Add the following to `/etc/a.conf`:", "Add the following before `ProxyPass /` in `/etc/b.conf`:"},
		Match: func(v *View) *Verdict {
			if v.in.Ref != RefAnchor {
				return nil
			}
			return fileWithAnchor(v)
		},
	},
}

// lastDir returns the directory a relative name "in that directory" is
// in: the last the sentence creates, the last named, or the shell's.
func lastDir(v *View) string {
	for i := len(v.in.Dirs) - 1; i >= 0; i-- {
		if d := absolute(v.in.Dirs[i].Text); d != "" {
			return d
		}
	}
	if d := v.s.lastDir; d != "" {
		return d
	}
	return v.Cwd()
}

// madeOrOpened returns the file that this paragraph or the one before
// creates or opens ("Create the file X." "Add:"), "" when none.
func madeOrOpened(v *View) string {
	s := v.s
	for i := len(s.mentions) - 1; i >= 0; i-- {
		m := s.mentions[i]
		if m.para < s.paras-1 {
			break
		}
		if m.isDir || len(m.sent) == 0 || m.sent.EndsWithColon() {
			continue // a directory, or a sentence that introduced a block of its own
		}
		opened := OpenedIn(m.sent)
		made := read(m.sent, nil).in
		if opened != nil && opened.Pos == m.tok.Pos || made != nil && made.Op == tree.Create && made.Target != nil && made.Target.Pos == m.tok.Pos {
			if p, _ := v.resolveName(m.tok.Text); p != "" {
				return p
			}
		}
	}
	return ""
}

// lastFileNamed returns the last file-like path named before, in this
// sentence, this paragraph, then this section; a bare "it" reaches back
// one paragraph only ("Start it: systemctl start app", "add the
// following to it" is not about a file named before that).
func lastFileNamed(v *View) string {
	it := false
	if last := v.Last(); last != nil {
		it = last.HasWords("it") && !last.HasWords("that", "file") && !last.HasWords("this", "file") && !last.HasWords("same", "file")
	}
	s := v.s
	for i := len(s.mentions) - 1; i >= 0; i-- {
		m := s.mentions[i]
		if it && m.para < s.paras-1 {
			break
		}
		if m.isDir {
			continue
		}
		if p, _ := v.resolveName(m.tok.Text); p != "" {
			return p
		}
	}
	return ""
}

// namedWith returns the one path of the latest sentence of the section
// that holds the noun phrase np. Only the sentences that name a path and
// hold np are read: a section of many sentences is not read again for
// each question.
func namedWith(v *View, np string) string {
	at := v.s.withPhrase(np)
	for i := len(at) - 1; i >= 0; i-- {
		sent := v.s.pathSents[at[i]].sent
		var paths []string
		for _, t := range sent {
			if t.IsPath(false) {
				if p, _ := v.resolveName(t.Text); p != "" {
					paths = append(paths, p)
				}
			}
		}
		if len(paths) == 1 {
			return paths[0]
		}
	}
	return ""
}

// fileWithAnchor finds the file that holds the place an insert names (a
// line, or a block) exactly once: the file of the block before if it
// does, else the most recently made whole file that does.
func fileWithAnchor(v *View) *Verdict {
	pl, files, kind := v.in.Place, v.s.files, v.in.Kind
	ofKind := func(p string) bool { return kind == "" || strings.HasSuffix(p, "."+kind) }
	if p := v.s.prev; p != nil && ofKind(p.target) && files.Holds(p.target, pl) {
		return &Verdict{Target: p.target}
	}
	paths := files.Paths()
	for i := len(paths) - 1; i >= 0; i-- {
		if ofKind(paths[i]) && files.Holds(paths[i], pl) {
			return &Verdict{Target: paths[i]}
		}
	}
	if pl.Where == tree.BlockEnd {
		return &Verdict{Why: fmt.Sprintf("no file made so far has one %s block", pl.Block)}
	}
	return &Verdict{Why: fmt.Sprintf("no file made so far holds the line %q", pl.Anchor)}
}

// ruleExamples returns the examples of another rule, for a rule that
// decides them too.
func ruleExamples(id string) []string {
	for _, list := range [][]*Rule{verbRules, sentenceRules, intentRules, focusRules} {
		for _, r := range list {
			if r.ID == id {
				return r.Examples
			}
		}
	}
	return nil
}
