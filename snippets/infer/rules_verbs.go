package infer

import (
	"strings"

	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

// verbRules read a sentence from a verb of creating, adding, changing
// or saving. For each verb, last to first, the rules of its class are
// asked in order.
var verbRules = []*Rule{
	createForm("create.path", "\"Create file X with the following contents\": X, whole",
		[]string{"Create file `/etc/nginx/sites-available/$DOMAIN` with the following contents:", "Next, create the timer unit, `/etc/systemd/system/b.timer`:"},
		[]string{"Create directory `/srv/app`:", "Create the following user as `deploy`:"}),
	createForm("create.that-file", "\"Create that file with the following contents\": the file named just before",
		[]string{"Postfix reads logins from `/etc/postfix/relay_auth`. Create that file with the following contents:", "The unit goes in `/etc/systemd/system/a.service`. Create it:"},
		[]string{"Create file `/etc/a.conf` with the following contents:", "Create a new user for it:"}),
	createForm("create.in-directory", "\"Create NAME in /srv/app\", \"In /srv/app, create NAME\": NAME in that directory",
		[]string{"Create `docker-compose.yml` in `/srv/app`:", "In `/srv/app`, create a file `compose.yaml` with the following contents:"},
		[]string{"Create `/srv/app/compose.yaml`:", "Create `compose.yaml` in that directory:"}),
	createForm("create.in-that-directory", "\"Create a file NAME in that directory\": NAME in the directory named last",
		[]string{"Make a directory for the site:\n\n```bash\nmkdir -p /srv/site\n```\n\nCreate a file named `index.html` in that directory:\n\n```html\n<p>hi</p>\n```\n",
			"Next, create directory `/srv/x`, and inside that directory create a file `robots.txt` with the following contents:"},
		[]string{"Create `robots.txt` in `/srv/x`:", "In the same directory, create `y.conf` with the following contents:"}),
	createForm("create.in-same-directory", "\"In the same directory, create NAME\": NAME beside the file named last",
		[]string{"Create `/etc/app/x.conf` with the following contents:\n\n```ini\na = 1\n```\n\nIn the same directory, create `y.conf` with the following contents:\n\n```ini\nb = 2\n```\n",
			"Create `/etc/a/one.ini` with the following contents:\n\n```ini\na = 1\n```\n\nCreate `two.ini` in the same folder:\n\n```ini\nb = 2\n```\n"},
		[]string{"Create `y.conf` in that directory:", "Create `/etc/app/y.conf` with the following contents:"}),

	changeForm("change.path", "\"Change X to the following\", \"Replace the contents of X with:\": X, whole",
		[]string{"Change `/etc/nginx/sites-available/$DOMAIN` to the following (only the port is new):", "Replace the contents of `/etc/redis/redis.conf` with:"},
		[]string{"Edit `/etc/dovecot/conf.d/10-auth.conf` so it contains:", "Edit `/etc/default/grub` so that it contains the following line:"}),
	changeForm("change.that-file", "\"Replace the contents of that file with:\": the file named just before, whole",
		[]string{"The defaults are in `/etc/a.conf`. Replace the contents of that file with:", "Redis reads `/etc/redis/redis.conf`. Change that file to the following:"},
		[]string{"Find the `location /` block and change it to look like this:", "Uncomment it and change it so that it reads:"}),
	changeForm("change.noun-phrase", "\"Change the fallback configuration to the following\": the file an earlier sentence names so",
		[]string{"I change the fallback configuration to the following, which refuses everything:", "Now change the default site to this:"},
		[]string{"Change the line to this:", "Change it to the following:"}),

	saveForm("save.as-path", "\"Save the following as X\", \"Write this to X\", \"Put the following in X\": X, whole",
		[]string{"Save the following as `/usr/local/bin/backup`:", "Save the following as `wsgi.py` in `/home/$APP_USER/myproject`:", "Save the whole site as `/etc/nginx/sites-available/app`:", "Put the jail in a file of its own, `/etc/fail2ban/jail.d/app.local`, rather than in `jail.local`:"},
		[]string{"Save the file and close the editor.", "Save the following as a draft:", "Save the whole site as a draft in `/srv/drafts`:", "Save your changes, then copy them to `/etc/app.conf`:", "Put the jail in place before the file `/etc/fail2ban/jail.local` is read:"}),
	saveForm("save.that-file", "\"Save this as that file\": the file named just before, whole",
		[]string{"The unit is `/etc/systemd/system/x.service`. Save the following as that file:", "Backups are run by `/usr/local/bin/backup`. Write this to it:"},
		[]string{"Save the following as `/usr/local/bin/backup`:", "Write this down:"}),

	{
		ID: "set.in-path", Phase: Intro, hook: hookVerb, verbs: setVerbs,
		Doc: "\"In X set:\", \"Set in X:\", \"enable ... in X\": the block's settings, set in place in X (a new file of a drop-in directory: all of it)",
		Examples: []string{
			"In `/etc/postgresql/16/main/postgresql.conf` set:\n\n```\nlisten_addresses = 'localhost'\n```\n",
			"First, enable the LDAP backend in `/opt/app/configuration.py`.\n\n```python\nREMOTE_AUTH_BACKEND = 'ldap'\n```\n",
		},
		Counter: []string{
			"Set the password in the web interface:",
			"In the web interface, enable the plugin:",
		},
		Match: func(v *View) *Verdict {
			if in := readSet(v.sent, v.verb); in != nil {
				return &Verdict{Intent: in}
			}
			return nil
		},
	},
	{
		ID: "edit.following-settings", Phase: Intro, hook: hookVerb, verbs: editSettingVerbs,
		Doc: "\"Change the following values in X:\", \"Open X and change these values:\", \"Under [mysqld], set these:\": the block's settings, set in place",
		Examples: []string{
			"Change the following values in `/etc/php/8.2/fpm/php.ini`:\n\n```ini\nmemory_limit = 256M\n```\n",
			"Open `/opt/app/.env` and change these values:\n\n```\nPORT=8080\n```\n",
		},
		Counter: []string{
			"Change the following values in the web interface and save.",
			"Change the password to something long:",
		},
		Match: func(v *View) *Verdict {
			if in := readFollowingSettings(v.sent, v.verb, v.def); in != nil {
				return &Verdict{Intent: in}
			}
			return nil
		},
	},
	{
		ID: "edit.setting", Phase: Intro, hook: hookVerb, verbs: editSettingVerbs,
		Doc: "\"modify the `KEY` option to match the following\", \"set `KEY` to this\": the setting, set in place in the file named or in focus",
		Examples: []string{
			"Open `/opt/app/ldap.py` in your editor.\n\nModify the `USER_SEARCH` option to match the following:\n\n```python\nUSER_SEARCH = 'x'\n```\n",
			"Change the `maxmemory` setting in `/etc/redis/redis.conf` to this:\n\n```\nmaxmemory 1gb\n```\n",
		},
		Counter: []string{
			"Change the password to something long:",
			"Modify `/etc/app.conf` to match the following:",
		},
		Match: func(v *View) *Verdict {
			if in := readSetting(v.sent, v.verb); in != nil {
				return &Verdict{Intent: in}
			}
			return nil
		},
	},
	{
		ID: "add.passive", Phase: Intro, hook: hookVerb, verbs: prose.NewWords("added appended inserted placed put written"),
		Doc: "\"The following settings should be added to X:\", \"These lines must be appended to X\": as \"add the following to X\"",
		Examples: []string{
			"The following settings should be added to `/etc/php/8.2/mods-available/opcache.ini`:\n\n```ini\nopcache.enable=1\n```\n",
			"These lines need to be appended to `/etc/fstab`:\n\n```\n/dev/sdb1 /srv ext4 defaults 0 2\n```\n",
		},
		Counter: []string{
			"The following lines are added to `/etc/fstab` by the installer:\n\n```\n/dev/sdb1 /srv ext4 defaults 0 2\n```\n",
			"`/etc/app.conf` should be added to your backups:\n\n```bash\nrestic backup /etc/app.conf\n```\n",
		},
		Match: func(v *View) *Verdict {
			s, i := v.sent, v.verb
			if !asked(s, i) || !blockSubject(s, i) {
				return nil
			}
			if in := readAdd(s, i, nil); in != nil {
				in.By = s.Phrase(0, in.Target)
				return &Verdict{Intent: in}
			}
			return nil
		},
	},
	{
		ID: "edit.in-path", Phase: Intro, hook: hookVerb, verbs: inPathEditVerbs,
		Doc: "\"In X change it to:\", \"In X, change `KEY` to:\", \"In the same file, uncomment and set:\": the block's settings, set in place in X",
		Examples: []string{
			"The replica must reach it, so `bind-address` must include the private address. In `/etc/mysql/mariadb.conf.d/50-server.cnf` change it to:\n\n```ini\n[mysqld]\nbind-address = 127.0.0.1,10.0.0.2\n```\n",
			"Open `/etc/apt/apt.conf.d/50unattended-upgrades`.\n\nIn the same file, uncomment and set:\n\n```\nUnattended-Upgrade::Automatic-Reboot \"true\";\n```\n",
		},
		Counter: []string{
			"In `/etc/mysql/my.cnf` change it to suit your needs, then restart:\n\n```bash\nsudo systemctl restart mariadb\n```\n",
			"In the web interface, change it to:\n\n```\nadmin\n```\n",
		},
		Match: func(v *View) *Verdict {
			if in := readInPathEdit(v.sent, v.verb); in != nil {
				return &Verdict{Intent: in}
			}
			return nil
		},
	},
	{
		ID: "edit.uncomment", Phase: Intro, hook: hookVerb, verbs: prose.NewWords("uncomment"),
		Doc: "\"Uncomment the ssl_certificate lines:\" over the lines: set where they stand commented out, in the file named or in focus",
		Examples: []string{
			"Then edit `/etc/nginx/sites-available/app` to:\n\n1. Uncomment the `ssl_certificate` line:\n\n    ```nginx\n    ssl_certificate /etc/ssl/a.pem;\n    ```\n",
			"Uncomment the following in `/etc/ssh/sshd_config`:\n\n```\nPasswordAuthentication no\n```\n",
		},
		Counter: []string{
			"Uncomment the line and restart.",
			"Open `/etc/ssh/sshd_config`. Do not uncomment the following:\n\n```\nPermitRootLogin yes\n```\n",
		},
		Match: func(v *View) *Verdict {
			if in := readUncomment(v.sent, v.verb); in != nil {
				return &Verdict{Intent: in}
			}
			return nil
		},
	},
	{
		ID: "add.goes-in", Phase: Intro, hook: hookVerb, verbs: prose.NewWords("go goes belong belongs"),
		Doc: "\"On the server it goes at the end of X:\", \"this belongs in X:\": appended to X",
		Examples: []string{
			"On the server it goes at the end of `/home/app/.ssh/authorized_keys`:",
			"This line belongs in `/etc/hosts`:",
		},
		Counter: []string{
			"Logs go to `/var/log/app.log`:",
			"It goes without saying that `/etc/hosts` matters:",
		},
		Match: func(v *View) *Verdict {
			s, j := v.sent, v.verb+1
			if end, ok := endOfP.At(s, j); ok {
				j = end
			} else if s.WordsAt(j, "in") || s.WordsAt(j, "into") {
				j++
			} else {
				return nil
			}
			tok, next, isDir := s.PathAt(j)
			if tok == nil || isDir || strings.HasSuffix(tok.Text, "/") || next != len(s)-1 || !s.EndsWithColon() {
				return nil
			}
			return &Verdict{Intent: &Intent{Op: tree.Append, Target: tok}}
		},
	},
	addForm(formAddToPath, "\"Add the following to X\", \"Paste this into X\": appended to X",
		[]string{"Time to configure it. Add the following to `/etc/opt/$P/settings.py`:", "Then add these statements to `/etc/opt/$P/settings.py`:"},
		[]string{"Add your SSH key:", "Add the following to your shell profile:"}),
	addForm(formAddEndOfPath, "\"Add the following at the end of X\": appended to X",
		[]string{"To turn on TLS, add the following at the end of `/etc/postfix/main.cf`:", "Put these two lines at the end of `/etc/app/settings.py`:"},
		[]string{"Add the following at the end of the `VirtualHost` section:", "Add the following at the end of the file:"}),
	addForm(formAddThatFile, "\"Add the following to that file\", \"at the end of the file\": the file named just before",
		[]string{"Postfix reads `/etc/postfix/main.cf`. Add the following to that file:", "Postfix reads `/etc/postfix/main.cf`. Add these lines at the end of that file:"},
		[]string{"Add the following to `/etc/postfix/main.cf`:", "Add the following to the file you downloaded earlier:"}),
	addForm(formAddOpened, "\"Open X and add this line\", \"In X, add:\": appended to X",
		[]string{"Open `/etc/ssh/sshd_config` and add this line:", "In `/etc/app/x.conf`, add:"},
		[]string{"Open `/etc/ssh/sshd_config`. Below the `Port` line, add:", "Open a terminal and add your key:"}),
	addForm(formAddContinue, "\"Then append these lines too:\", \"Add:\": to the file the text is working on",
		[]string{"Create `/etc/app.conf`:\n\n```ini\na = 1\n```\n\nThen append these lines too:\n\n```ini\nb = 2\n```\n", "Create `/etc/b.conf`:\n\n```ini\na = 1\n```\n\nAdd:\n\n```ini\nb = 2\n```\n"},
		[]string{"Add this line to `/etc/c.conf`:", "Add your user to the group:"}),
	addForm(formAddNounPhrase, "\"Scroll to the bottom of the configuration file and add:\": the file an earlier sentence calls so",
		[]string{"Scroll to the bottom of the configuration file and add:", "Go to the end of the Redis config file and add these lines:"},
		[]string{"Scroll to the bottom of the page and add:", "Add the following at the end of the file:"}),
	addForm(formAddOpenedThat, "\"Open that file and add:\": the file named just before",
		[]string{"The timer reads `/etc/default/backup`. Open that file and add:", "`/etc/app.conf` is the file. Open it and add:"},
		[]string{"Open `/etc/app.conf` and add:", "Open a shell and add the user:"}),
	addForm(formInsertBefore, "\"Add the following before LINE\": inserted before that line of the file that holds it",
		[]string{"On Apache, add the following before `ProxyPass /`:", "Add this line to `/etc/a.conf`, above `include x;`:"},
		[]string{"Add the following line to `pg_hba.conf`, before the line that starts with `host all all 127.0.0.1/32`:", "Add `gzip on;` before `sendfile on;`:"}),
	addForm(formInsertAfter, "\"Add the following after LINE\": inserted after that line, or after the block it opens",
		[]string{"Add the following after `listen 80;`:", "Add this after the `location /static/` block:"},
		[]string{"Add the following after the line that says `listen`:", "Add `gzip on;` after `sendfile on;`:"}),
	addForm(formInsertBlock, "\"Add the following at the end of the X block\", \"to the [Service] section of X\": at the end of that block",
		[]string{"Add the following to the `[Service]` section of `/etc/systemd/system/x.service`:", "Add this at the end of the `server` block:"},
		[]string{"Add the following at the end of `/etc/a.conf`:", "Add the following to the file:"}),
	addForm(formInsertSection, "\"In the [DEFAULT] section of X, add:\": at the end of that section",
		[]string{"In the `[DEFAULT]` section of `/etc/fail2ban/jail.local`, add:", "In `/etc/mysql/mysqld.cnf`, under the `[mysqld]` section, add:"},
		[]string{"In `/etc/mysql/mysqld.cnf`, add:", "In `/etc/mysql/mysqld.cnf`, add this before `[client]`:"}),
	addForm(formNewFile, "\"Add the upstream and the server block to a new file, X\", \"put this in a file of its own, X\": X, whole",
		[]string{"Add the upstream and the server block to a new file, `/etc/nginx/sites-available/app`:", "Put these settings into a separate file, `/etc/sysctl.d/90-app.conf`:"},
		[]string{"Add the following to `/etc/sysctl.conf` rather than to a new file:", "Add the following to a new file in your home:"}),
	addForm(formInsertStart, "\"Add the following at the beginning of X\": inserted at the top of X",
		[]string{"Add the following at the beginning of `/etc/hosts.allow`:", "Add this at the top of `/etc/app/app.py`:"},
		[]string{"Add the following at the end of `/etc/hosts.allow`:", "At the beginning, add a user:"}),
}

// editSettingVerbs change a setting's value.
var editSettingVerbs = prose.NewWords("modify change set update edit")

// asked reports whether the participle at i is asked for: "should be
// added", "must be added", "needs to be added", "are to be added" (not
// "is added", which tells what happens).
func asked(s prose.Sentence, i int) bool {
	if i < 2 || !s[i-1].Word("be") {
		return false
	}
	return s[i-2].Word("should", "must", "shall") || s[i-2].Word("to") && i >= 3 && s[i-3].Word("need", "needs", "has", "have", "are", "is", "ought")
}

// blockSubject reports whether the subject before the participle at i is
// the block ("the following settings", "these lines", "this"), not a
// file or another thing named.
func blockSubject(s prose.Sentence, i int) bool {
	found := false
	for k := 0; k < i; k++ {
		switch {
		case s[k].Literal:
			return false
		case s[k].Word("following", "these", "this", "below"):
			found = true
		}
	}
	return found
}

// inPathEditVerbs start what "In X, ...:" asks of X's settings.
var inPathEditVerbs = prose.NewWords("modify change set update edit uncomment enable")

// createForm declares a rule for one form of "create" sentences.
func createForm(id, doc string, examples, counter []string) *Rule {
	return &Rule{ID: id, Phase: Intro, hook: hookVerb, verbs: prose.CreateVerbs, Doc: doc, Examples: examples, Counter: counter,
		Match: func(v *View) *Verdict {
			if in := readCreate(v.sent, v.verb); in != nil && createRule(in) == id {
				return &Verdict{Intent: in}
			}
			return nil
		}}
}

// createRule names the form of a "create" intent.
func createRule(in *Intent) string {
	switch {
	case in.Ref == RefThatFile:
		return "create.that-file"
	case in.Dir != nil:
		return "create.in-directory"
	case in.SameDir:
		return "create.in-same-directory"
	case in.InDir:
		return "create.in-that-directory"
	}
	return "create.path"
}

// changeForm declares a rule for one form of "change" sentences.
func changeForm(id, doc string, examples, counter []string) *Rule {
	return &Rule{ID: id, Phase: Intro, hook: hookVerb, verbs: prose.ChangeVerbs, Doc: doc, Examples: examples, Counter: counter,
		Match: func(v *View) *Verdict {
			if in := readChange(v.sent, v.verb); in != nil && in.Rule == id {
				return &Verdict{Intent: in}
			}
			return nil
		}}
}

// saveForm declares a rule for one form of "save" sentences.
func saveForm(id, doc string, examples, counter []string) *Rule {
	return &Rule{ID: id, Phase: Intro, hook: hookVerb, verbs: prose.SaveVerbs, Doc: doc, Examples: examples, Counter: counter,
		Match: func(v *View) *Verdict {
			if in := readSave(v.sent, v.verb); in != nil && in.Rule == id {
				return &Verdict{Intent: in}
			}
			return nil
		}}
}

// addVerbs are the verbs "add" sentences start at: the verbs of adding,
// and "put", "paste", "place" when they say where in a file.
var addVerbs = func() prose.Words {
	w := prose.Words{}
	for k := range prose.AddVerbs {
		w[k] = true
	}
	for k := range prose.PlaceVerbs {
		w[k] = true
	}
	return w
}()

// addForm declares a rule for one form of "add" sentences.
func addForm(id, doc string, examples, counter []string) *Rule {
	return &Rule{ID: id, Phase: Intro, hook: hookVerb, verbs: addVerbs, Doc: doc, Examples: examples, Counter: counter,
		Match: func(v *View) *Verdict {
			if in := v.readAdd(); in != nil && in.Rule == id {
				return &Verdict{Intent: in}
			}
			return nil
		}}
}
