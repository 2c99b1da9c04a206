package infer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

// explicitRules read what the author wrote about the block itself.
var explicitRules = []*Rule{
	{
		ID: "annotation.invalid", Phase: Explicit, hook: hookStop,
		Doc:      "an annotation with errors decides that the block makes no file; the errors say why",
		Examples: []string{"Add this:\n\n```ini {file=\"/etc/a.conf\" op=replace}\na = 1\n```\n", "```ini {fil=\"/etc/a.conf\"}\na = 1\n```\n"},
		Counter:  []string{"```ini {file=\"/etc/a.conf\"}\na = 1\n```\n", "Create file `/etc/a.conf` with the following contents:"},
		Match: func(v *View) *Verdict {
			if v.b.Annotation != nil && !v.b.AnnotationOK {
				return &Verdict{Why: "annotation has errors"}
			}
			return nil
		},
	},
	{
		ID: "annotation.skip", Phase: Explicit, hook: hookStop,
		Doc:      "op=skip: the block makes no file, whatever the text says",
		Examples: []string{"Create file `/etc/a.conf` with the following contents:\n\n```ini {op=skip}\na = 1\n```\n", "```ini {file=\"/etc/a.conf\" op=skip}\na = 1\n```\n"},
		Counter:  []string{"```ini {file=\"/etc/a.conf\" op=create}\na = 1\n```\n", "Skip this step if the following is already in `/etc/a.conf`:"},
		Match: func(v *View) *Verdict {
			if a := v.b.Annotation; a != nil && a.Op == string(tree.Skip) {
				return &Verdict{Why: "skipped by annotation", By: "annotation"}
			}
			return nil
		},
	},
	{
		ID: "veto.alternative", Phase: Veto, hook: hookStop,
		Doc: "a block of one of several alternatives (\"Option A: ...\", \"Option B: ...\") that no tag of the client chooses: not applied",
		Examples: []string{
			"## Option A: with nginx\n\nCreate `/etc/nginx/conf.d/a.conf`:\n\n```nginx\nserver {}\n```\n\n## Option B: with Apache\n\nCreate `/etc/apache2/sites-available/a.conf`:\n\n```apache\n<VirtualHost *:80>\n</VirtualHost>\n```\n",
			"### Method 1\n\n```bash\nsudo ln -s /opt/a-1.0 /opt/a\n```\n\n### Method 2\n\n```bash\nsudo git clone x /opt/a\n```\n",
		},
		Counter: []string{
			"## Option A: with nginx\n\nCreate `/etc/nginx/conf.d/a.conf`:\n\n```nginx\nserver {}\n```\n",
			"## Options of the server\n\nCreate `/etc/a.conf`:\n\n```ini\na = 1\n```\n\n## Options of the client\n\nCreate `/etc/b.conf`:\n\n```ini\nb = 1\n```\n",
		},
		Match: func(v *View) *Verdict {
			if a := v.b.Alternative; a != nil && !a.Chosen {
				return &Verdict{Why: fmt.Sprintf("one of the alternatives %s: not applied (a client chooses one with a tag, such as %s)", strings.Join(quoted(a.Group), ", "), tagFor(a))}
			}
			return nil
		},
	},
	{
		ID: "veto.procedure", Phase: Veto, hook: hookStop,
		Doc: "a block of a recovery, rollback, upgrade or troubleshooting section (the section or one it is in says so): it does not change the configuration the tutorial builds",
		Examples: []string{
			"# Troubleshooting\n\nIf it does not start, add this to `/etc/app.conf`:\n\n```ini\ndebug = 1\n```\n",
			"# Setup\n\n## Rolling back\n\n### The link\n\n```bash\nsudo ln -sfn /opt/app-1.0 /opt/app\n```\n",
		},
		Counter: []string{
			"# Setup\n\nAdd this to `/etc/app.conf`:\n\n```ini\ndebug = 1\n```\n",
			"# Backups\n\nCreate `/usr/local/bin/backup.sh`:\n\n```bash\n#!/bin/sh\ntar czf /var/backups/a.tgz /etc\n```\n",
		},
		Match: func(v *View) *Verdict {
			if v.b.Annotation != nil {
				return nil
			}
			if t := v.s.procedure(); t != "" {
				return &Verdict{Why: fmt.Sprintf("a step of %q, apart from the configuration the tutorial builds: not applied", t)}
			}
			return nil
		},
	},
	{
		ID: "annotation.file", Phase: Explicit, hook: hookTarget,
		Doc:      "file=PATH names the file (a PATH that starts with a placeholder is checked once filled in); the text, or op=, says what to do with it (create by default)",
		Examples: []string{"```ini {file=\"/etc/a.conf\"}\na = 1\n```\n", "Add the following:\n\n```ini {file=\"/etc/b.conf\" op=append}\nb = 2\n```\n"},
		Counter:  []string{"```ini {op=skip file=\"/etc/a.conf\"}\na = 1\n```\n", "```ini {title=\"/etc/a.conf\"}\na = 1\n```\n"},
		Match: func(v *View) *Verdict {
			a := v.b.Annotation
			if a == nil || a.File == "" {
				return nil
			}
			if strings.HasSuffix(a.File, "/") {
				return &Verdict{Why: "annotation names a directory", Err: fmt.Sprintf("file=%q in tailor annotation names a directory, not a file", a.File)}
			}
			p, via := v.resolveName(a.File)
			if p == "" && startsWithPlaceholder(a.File) {
				p = a.File // the whole path, or its start, is a value: checked once filled in
			}
			if p == "" {
				return &Verdict{Why: "annotation names a relative file", Err: fmt.Sprintf("file=%q in tailor annotation: give an absolute path", a.File), Via: via}
			}
			return &Verdict{Target: p, By: "annotation", Via: via}
		},
	},
	{
		ID: "caption.path", Phase: Explicit, hook: hookTarget,
		Doc:      "a caption that is a path names the file; the text says what to do with it (create by default)",
		Examples: []string{"```ini title=\"/etc/a.conf\"\na = 1\n```\n", "Add these lines:\n\n```ini title=\"/etc/b.conf\"\nb = 2\n```\n"},
		Counter:  []string{"```ini title=\"Main settings\"\na = 1\n```\n", "Add these lines to `/etc/a.conf`:\n\n```ini title=\"Main settings\"\na = 1\n```\n"},
		Match: func(v *View) *Verdict {
			c := captionPath(v.b.Code.Caption)
			if c == "" {
				return nil
			}
			p, via := v.resolveName(c)
			if p == "" {
				return &Verdict{Why: fmt.Sprintf("caption %q: cannot tell which directory it is in", c), Via: via}
			}
			return &Verdict{Target: p, By: "caption", Via: via}
		},
	},
	{
		ID: "comment.path", Phase: Explicit, hook: hookTarget,
		Doc:      "a block whose first line is a comment holding only a path (\"# /etc/systemd/system/app.service\") is that file; the text says what to do with it (create by default)",
		Examples: []string{"Create the unit file:\n\n```ini\n# /etc/systemd/system/app.service\n[Unit]\nDescription=app\n```\n", "```nginx\n# /etc/nginx/conf.d/gzip.conf\ngzip on;\n```\n"},
		Counter:  []string{"```ini\n# /etc/hosts is read first\n[a]\n```\n", "Run:\n\n```bash\n# /etc/motd\ncat /etc/motd\n```\n"},
		Match: func(v *View) *Verdict {
			c := commentPath(v.b.Code.Text, v.lang)
			if c == "" || v.Commands() {
				return nil
			}
			p, via := v.resolveName(c)
			if p == "" {
				return nil
			}
			return &Verdict{Target: p, By: "first-line comment", Via: via}
		},
	},
	{
		ID: "annotation.op", Phase: Explicit, hook: hookOverride,
		Doc:      "op= says what the block does to its file, whatever the text says",
		Examples: []string{"Create file `/etc/a.conf` with the following contents:\n\n```ini {op=append}\na = 1\n```\n", "```ini {file=\"/etc/a.conf\" op=check}\na = 1\n```\n"},
		Counter:  []string{"```ini {file=\"/etc/a.conf\"}\na = 1\n```\n", "Append the following to `/etc/a.conf`:"},
		Match: func(v *View) *Verdict {
			a := v.b.Annotation
			if a == nil || a.Op == "" {
				return nil
			}
			if v.target == "" {
				return &Verdict{Err: fmt.Sprintf("op=%s in tailor annotation needs a file: add file=PATH", a.Op)}
			}
			return &Verdict{Op: tree.Op(a.Op)}
		},
	},
	{
		ID: "annotation.place", Phase: Explicit, hook: hookOverride,
		Doc:      "before=LINE or after=LINE inserts the block next to that line",
		Examples: []string{"```nginx {file=\"/etc/nginx/a.conf\" before=\"include x;\"}\ninclude y;\n```\n", "Add this:\n\n```nginx {file=\"/etc/nginx/b.conf\" after=\"listen 80;\"}\nlisten 443;\n```\n"},
		Counter:  []string{"```nginx {file=\"/etc/nginx/a.conf\"}\ninclude y;\n```\n", "Add this before `include x;` in `/etc/nginx/a.conf`:"},
		Match: func(v *View) *Verdict {
			a := v.b.Annotation
			if a == nil || a.Before == "" && a.After == "" {
				return nil
			}
			in := &Intent{Op: tree.Insert, Place: tree.Place{Where: tree.BeforeLine, Anchor: a.Before}}
			if a.After != "" {
				in.Place = tree.Place{Where: tree.AfterLine, Anchor: a.After}
			}
			return &Verdict{Op: tree.Insert, Intent: in}
		},
	},
}

// captionPath returns a caption that names a file ("/etc/hosts", or the
// same in an inline literal), or "".
func captionPath(c string) string {
	c = strings.TrimSpace(c)
	if strings.HasPrefix(c, "``") && strings.HasSuffix(c, "``") && len(c) > 4 {
		c = c[2 : len(c)-2]
	} else if strings.HasPrefix(c, "`") && strings.HasSuffix(c, "`") && len(c) > 2 {
		c = c[1 : len(c)-1]
	}
	if c == "" || !prose.Literal(c).IsPath(true) {
		return ""
	}
	return c
}

// startsWithPlaceholder reports whether p starts with a placeholder
// ("$TARGET", "${CONF}.d/x"): its value may well be an absolute path,
// unless it is the reader's own directory ($HOME).
func startsWithPlaceholder(p string) bool {
	refs := placeholder.Scan(p)
	return len(refs) > 0 && refs[0].Start == 0 && !prose.UserDirRef(p)
}

func quoted(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strconv.Quote(s)
	}
	return out
}

// tagFor is a tag that chooses an alternative: its label in lower case,
// words joined by "-".
func tagFor(a *Alternative) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(a.Label), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), "-")
}

// commentPath returns the path a block's first line names in a comment
// of its own ("# /etc/x.conf", "// /etc/x.js", "; /etc/php.ini"), "" for
// none.
func commentPath(text, name string) string {
	first, _, _ := strings.Cut(text, "\n")
	t := strings.TrimSpace(first)
	for _, c := range []string{"#", "//", ";", "--"} {
		if rest, ok := strings.CutPrefix(t, c); ok {
			p := strings.TrimSpace(rest)
			if strings.HasPrefix(p, "/") && prose.Literal(p).IsPath(true) {
				return p
			}
			return ""
		}
	}
	return ""
}
