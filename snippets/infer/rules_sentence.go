package infer

import (
	"github.com/tailordocs/tailor/snippets/prose"
)

// sentenceRules read a sentence as a whole: what sets it aside, and what
// it asks when no verb of it does.
var sentenceRules = []*Rule{
	{
		ID: "veto.example", Phase: Veto, hook: hookSentence,
		Doc: "a sentence that shows an example, an excerpt, output, something to remove, or lines for another machine asks for no file",
		Examples: []string{
			"For example, add the following to `/etc/hosts`:",
			"On your laptop, create `/etc/wireguard/wg0.conf` with the following contents:",
		},
		Counter: []string{
			"Add the following to `/etc/hosts`:",
			"Create `/etc/wireguard/wg0.conf` on the server with the following contents:",
		},
		Match: func(v *View) *Verdict {
			if prose.NegativeCues.In(v.sent) {
				return &Verdict{}
			}
			return nil
		},
	},
	{
		ID: "veto.negated", Phase: Veto, hook: hookNegation,
		Doc: "a sentence whose verb is negated (\"do not add\", \"instead of creating\") asks for nothing",
		Examples: []string{
			"Do not add the following to `/etc/donot.conf`:",
			"Never append this to `/etc/fstab`:",
		},
		Counter: []string{
			"Add the following to `/etc/do.conf`:",
			"Add the following to `/etc/fstab`, not to `/etc/mtab`:",
		},
		Match: func(v *View) *Verdict {
			s := v.sent
			for i, t := range s {
				if (t.Is(prose.CreateVerbs) || t.Is(prose.AddVerbs) || t.Is(prose.ChangeVerbs) || t.Is(prose.SaveVerbs)) && s.Negated(i) {
					return &Verdict{}
				}
			}
			return nil
		},
	},
	{
		ID: "create.inside-it", Phase: Intro, hook: hookClause,
		Doc: "\"create directory D, and inside it a file F\": F, in the directory named before",
		Examples: []string{
			"Create directory `/opt/app/conf`, and inside it a file `main.ini` with the following contents:",
			"Make the directory `/srv/site`; in it, the file `robots.txt` holds:",
		},
		Counter: []string{
			"Create directory `/opt/app/conf`, and run the installer in it:",
			"Inside the file `/etc/a.conf` you will find:",
		},
		Match: intent(readInside),
	},
	{
		ID: "copula.path", Phase: Intro, hook: hookClause,
		Doc: "\"X should be like this\", \"make sure X has these contents\": X is the block, whole",
		Examples: []string{
			"Afterwards your `/etc/opt/p/settings.py` file should be like this:",
			"Make sure `/etc/hosts` has these contents:",
		},
		Counter: []string{
			"Make sure `/etc/check.conf` contains the following line:",
			"By default, `/etc/nginx/nginx.conf` contains the following:",
		},
		Match: clauseForm(readCopula, "copula.path"),
	},
	{
		ID: "check.path", Phase: Intro, hook: hookClause,
		Doc: "\"the final X should look like this\", \"X should now look like this\": a check of what X has become",
		Examples: []string{
			"The final `/etc/haproxy/haproxy.cfg` should look like this:",
			"After these changes, `/etc/app.conf` should look like this:",
		},
		Counter: []string{
			"`/etc/app.conf` should look like this:",
			"Your `/etc/app.conf` now looks like this:",
		},
		Match: clauseForm(readCopula, "check.path"),
	},
	{
		ID: "describe.path", Phase: Intro, hook: hookClause,
		Doc: "\"X contains the following\", \"X looks like this\": a check when the tutorial made X, else an excerpt, never written",
		Examples: []string{
			"Create `/etc/app.conf`:\n\n```ini\na = 1\n```\n\nNow `/etc/app.conf` contains the following:\n\n```ini\na = 1\n```\n",
			"Create `/etc/b.conf`:\n\n```ini\nb = 1\n```\n\nYour `/etc/b.conf` looks like this:\n\n```ini\nb = 1\n```\n",
		},
		Counter: []string{
			"Make sure `/etc/hosts` has these contents:",
			"`/etc/app.conf` should contain the following:",
		},
		Match: clauseForm(readCopula, "describe.path"),
	},
	{
		ID: "copula.that-file", Phase: Intro, hook: hookClause,
		Doc: "\"It should look like this\", \"The file should contain the following\": the file named just before, whole",
		Examples: []string{
			"Postfix reads `/etc/postfix/relay`. The file should contain the following:",
			"The settings live in `/etc/app/app.ini`. That file should look like this:",
		},
		Counter: []string{
			"The file should contain the following line:",
			"It now looks like this:",
		},
		Match: clauseForm(readCopulaRef, "copula.that-file"),
	},
	{
		ID: "check.that-file", Phase: Intro, hook: hookClause,
		Doc: "\"It should now look like this\": a check of what the file named before has become",
		Examples: []string{
			"Create `/etc/app.ini`:\n\n```ini\na = 1\n```\n\nThe file should now look like this:\n\n```ini\na = 1\n```\n",
			"Create `/etc/b.ini`:\n\n```ini\nb = 1\n```\n\nSo the file should look like this in the end:\n\n```ini\nb = 1\n```\n",
		},
		Counter: []string{
			"The file should contain the following:",
			"That file now looks like this:",
		},
		Match: clauseForm(readCopulaRef, "check.that-file"),
	},
	{
		ID: "describe.that-file", Phase: Intro, hook: hookClause,
		Doc: "\"That file now looks like this\": what the file named before holds, a check",
		Examples: []string{
			"Create `/etc/nginx/nginx.conf`:\n\n```nginx\nuser www;\n```\n\nNginx reads `/etc/nginx/nginx.conf`. That file now looks like this:\n\n```nginx\nuser www;\n```\n",
			"Create `/etc/app.conf`:\n\n```ini\na = 1\n```\n\nOpen `/etc/app.conf`. The file contains the following:\n\n```ini\na = 1\n```\n",
		},
		Counter: []string{
			"The file should contain the following:",
			"That file should look like this:",
		},
		Match: clauseForm(readCopulaRef, "describe.that-file"),
	},
	{
		ID: "add.and-then", Phase: Intro, hook: hookClause,
		Doc: "\"and this line at the end of the VirtualHost section:\": goes on with the instruction before",
		Examples: []string{
			"and this line at the end of the `VirtualHost` section:",
			"Then this one at the end of `/etc/app.conf`:",
		},
		Counter: []string{
			"and that is all.",
			"Then restart the server:",
		},
		Match: func(v *View) *Verdict {
			s := v.sent
			if !s[0].Word("and", "also", "then") {
				return nil
			}
			v.verb = 0
			in := readAdd(s, 0, nil)
			if in == nil {
				return nil
			}
			in.By = s.Phrase(0, in.Target)
			return &Verdict{Intent: in}
		},
	},
}

// intent makes a rule's match function of a reader of whole sentences.
func intent(read func(prose.Sentence) *Intent) func(*View) *Verdict {
	return func(v *View) *Verdict {
		if in := read(v.sent); in != nil {
			return &Verdict{Intent: in}
		}
		return nil
	}
}

// clauseForm makes the match function of the rule id, one of the forms
// read reads.
func clauseForm(read func(prose.Sentence) *Intent, id string) func(*View) *Verdict {
	return func(v *View) *Verdict {
		if in := read(v.sent); in != nil && in.Rule == id {
			return &Verdict{Intent: in}
		}
		return nil
	}
}
