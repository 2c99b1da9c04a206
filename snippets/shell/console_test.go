package shell

import (
	"reflect"
	"testing"
)

func TestConsole(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "dollar prompt and output", lang: "console", text: "$ mkdir /a\n$ ls /\na  bin  etc\n", want: `
1:3 mkdir /a
`},
		{name: "root prompt", lang: "console", text: "# mkdir /a\n#\n# touch /b", want: `
1:3 mkdir /a
3:3 touch /b
`},
		{name: "user at host", lang: "shell-session", text: "alice@web1:~/src$ touch /a\nroot@web1:/etc/nginx# touch b\n[root@web1 nginx]# touch c", dir: "/etc/nginx", want: `
1:19 touch /a
2:23 touch /etc/nginx/b
3:20 touch /etc/nginx/c
`},
		{name: "virtualenv prompt", lang: "console", text: "(venv) $ touch /a\n(venv) alice@host:~$ touch /b", want: `
1:10 touch /a
2:22 touch /b
`},
		{name: "zsh prompt", lang: "console", text: "% touch /a", want: `
1:3 touch /a
`},
		{name: "output is not a command", lang: "console", text: "$ cat /etc/hostname\nmkdir /not/a/command\n$ touch /a", want: `
3:3 touch /a
`},
		{name: "continuation prompts", lang: "console", text: "$ echo 'a b' |\n> sudo tee -a /etc/motd\na b\n", want: `
1:3 append /etc/motd "a b\n"
`},
		{name: "backslash continuation", lang: "console", text: "$ mkdir -p \\\n>   /a\n$ touch /b", want: `
1:3 mkdir /a parents
3:3 touch /b
`},
		{name: "heredoc with continuation prompts", lang: "console", text: "$ cat > /a <<EOF\n> x = 1\n>\n> EOF\n$ touch /b", want: `
1:3 write /a "x = 1\n\n"
5:3 touch /b
`},
		{name: "heredoc without continuation prompts", lang: "console", text: "$ cat > /a <<'EOF'\nx = $y\nEOF\nsome output\n$ touch /b", want: `
1:3 write /a "x = $y\n"
5:3 touch /b
`},
		{name: "bash block written with prompts", lang: "bash", text: "$ mkdir /a\nmkdir: created directory '/a'\n$ touch /a/b\n", want: `
1:3 mkdir /a
3:3 touch /a/b
`},
		{name: "untagged block with prompts", lang: "", text: "$ touch /a", want: `
1:3 touch /a
`},
		{name: "no prompt at all", lang: "console", text: "touch /a\n", want: ""},
		{name: "parse error position", lang: "console", text: "some output\nuser@host:~$ echo 'unclosed\n", want: `
note 2:19: shell syntax: reached EOF without closing quote ` + "`'`" + `
`},
	})
}

func TestParseErrors(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "unclosed quote", text: "mkdir /a\necho 'x", want: `
note 2:6: shell syntax: reached EOF without closing quote ` + "`'`" + `
`},
		{name: "unclosed if", text: "if true; then\n  touch /a\n", want: `
note 1:1: shell syntax: ` + "`if` statement must end with `fi`" + `
`},
		{name: "bad token", text: "touch /a\n(\n", want: `
note 2:1: shell syntax: ` + "`(` must be followed by a statement list" + `
`},
		{name: "config file", text: "server {\n  listen 80;\n}\n", want: `
note 3:1: shell syntax: ` + "`}`" + ` can only be used to close a block
`},
	})
	t.Run("dir after an error", func(t *testing.T) {
		st := &State{Dir: "/x"}
		Analyze("cd /a\necho 'oops", "bash", st)
		if st.Dir != "" {
			t.Errorf("Dir = %q after a broken block with cd, want unknown", st.Dir)
		}
		st = &State{Dir: "/x"}
		Analyze("server {\n listen 80;\n}", "bash", st)
		if st.Dir != "/x" {
			t.Errorf("Dir = %q after a broken block without cd, want /x", st.Dir)
		}
	})
}

func TestStateAcrossBlocks(t *testing.T) {
	st := new(State)
	blocks := []struct{ lang, text string }{
		{"bash", "cd /etc/nginx/sites-available"},
		{"console", "$ touch $DOMAIN\n$ cd ../sites-enabled"},
		{"sh", "ln -s ../sites-available/$DOMAIN ."},
		{"bash", "mkdir -p /srv/$DOMAIN/bin"},
		{"bash", "ln -s /opt/tool /srv/$DOMAIN/bin"},
	}
	var got []string
	for _, b := range blocks {
		effs, notes := Analyze(b.text, b.lang, st)
		for _, n := range notes {
			t.Errorf("unexpected note %s", n)
		}
		for _, e := range effs {
			got = append(got, e.String())
		}
	}
	want := []string{
		"cd /etc/nginx/sites-available",
		"touch /etc/nginx/sites-available/$DOMAIN",
		"cd /etc/nginx/sites-enabled",
		"symlink /etc/nginx/sites-enabled/$DOMAIN -> ../sites-available/$DOMAIN",
		"mkdir /srv/$DOMAIN/bin parents",
		"symlink /srv/$DOMAIN/bin/tool -> /opt/tool",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if st.Dir != "/etc/nginx/sites-enabled" {
		t.Errorf("Dir = %q", st.Dir)
	}
	if !st.Dirs["/srv/$DOMAIN"] || !st.Dirs["/srv"] {
		t.Errorf("Dirs = %v, want the parents of /srv/$DOMAIN/bin", st.Dirs)
	}
}

func TestNilState(t *testing.T) {
	effs, _ := Analyze("mkdir /a", "bash", nil)
	if len(effs) != 1 {
		t.Fatalf("got %d effects", len(effs))
	}
}

func TestCmd(t *testing.T) {
	for _, c := range []struct{ name, lang, text, want string }{
		{"simple", "bash", "chmod u=rw,g=r,o= /etc/postfix/smtp_auth", "chmod u=rw,g=r,o= /etc/postfix/smtp_auth"},
		{"list", "bash", "cd /a; mkdir b && touch c", "touch c"},
		{"semicolon", "bash", "touch /a; ls", "touch /a"},
		{"continued", "bash", "install -m 640 \\\n    /tmp/a \\\n    /etc/a", "install -m 640 /tmp/a /etc/a"},
		{"heredoc", "bash", "cat > /a <<EOF\nline one\nline two\nEOF", "cat > /a <<EOF"},
		{"pipeline", "bash", "echo x |\n  sudo tee /a", "echo x | sudo tee /a"},
		{"console", "console", "$ echo x \\\n> > /a", "echo x > /a"},
		{"sh -c", "bash", "sudo sh -c 'cd /x; touch y'", "touch y"},
	} {
		t.Run(c.name, func(t *testing.T) {
			effs, _ := Analyze(c.text, c.lang, nil)
			if len(effs) == 0 {
				t.Fatal("no effects")
			}
			if got := effs[len(effs)-1].Cmd; got != c.want {
				t.Errorf("Cmd = %q, want %q", got, c.want)
			}
		})
	}
}

func TestPromptLen(t *testing.T) {
	for _, c := range []struct {
		line string
		n    int
		ok   bool
	}{
		{"$ ls", 2, true},
		{"$", 1, true},
		{"# ls", 2, true},
		{"% ls", 2, true},
		{"user@host:~$ ls", 13, true},
		{"root@host:/etc/nginx# ls", 22, true},
		{"[root@host nginx]# ls", 19, true},
		{"(venv) $ ls", 9, true},
		{"(venv)$ ls", 8, true},
		{"(venv) user@h:~$ ls", 17, true},
		{"(see below) $ x", 0, false},
		{"(my-env) user@h:~/p$ x", 21, true},
		{"host$ ls", 6, true},
		{"$HOME/bin", 0, false},
		{"#comment", 0, false},
		{"total 12", 0, false},
		{"drwxr-xr-x 2 root root", 0, false},
		{"", 0, false},
		{"a b$ c", 0, false},
	} {
		n, ok := promptLen(c.line)
		if n != c.n || ok != c.ok {
			t.Errorf("promptLen(%q) = %d, %v; want %d, %v", c.line, n, ok, c.n, c.ok)
		}
	}
}

func TestIsShell(t *testing.T) {
	for lang, want := range map[string]bool{
		"bash": true, "sh": true, "shell": true, "zsh": true, "console": true,
		"shell-session": true, "Bash": true, " SH ": true, "ksh": true,
		"python": false, "": false, "ini": false, "nginx": false, "text": false,
	} {
		if got := IsShell(lang); got != want {
			t.Errorf("IsShell(%q) = %v, want %v", lang, got, want)
		}
	}
}

func TestLooksLikeShell(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"apt install nginx-core\n", true},
		{"service nginx reload", true},
		{"sudo apt-get update && sudo apt-get install -y postfix", true},
		{"cd /etc/nginx\nln -s ../sites-available/x .", true},
		{"/etc/init.d/nginx reload", true},
		{"DIR=/srv\nmkdir -p $DIR", true},
		{"$ systemctl restart nginx\n", true},
		{"for s in a b; do a2ensite $s; done", true},
		{"DEBUG = False\n", false},
		{"from django.conf import settings\n", false},
		{"server {\n    listen 80;\n}\n", false},
		{"smtp_tls_security_level = encrypt\n", false},
		{"1.2.3.4 example.com www.example.com\n", false},
		{"drwxr-xr-x 2 root root 4096 Jan 1 00:00 etc\n", false},
		{"print('hello')\n", false},
		{"", false},
		{"# just a comment\n", false},
		{"X=1\n", false},
		{"frobnicate --all\n", false},
		{"$ frobnicate --all\nDone.\n", true},
		{"f() { mkdir /a; }\n", false},
	} {
		if got := LooksLikeShell(c.text); got != c.want {
			t.Errorf("LooksLikeShell(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestDollarPromptDetection(t *testing.T) {
	for text, want := range map[string]bool{
		"$ ls":                   true,
		"\n\nalice@host:~$ ls":   true,
		"(venv) $ pip install x": true,
		"# install nginx\napt x": false,
		"[root@h ~]# ls":         true,
		"root@server:~# ls":      true,
		"# ls":                   false,
		"$HOME/bin/tool":         false,
		"mkdir /a\n$ ls":         false,
		"":                       false,
	} {
		if got := startsWithDollarPrompt(text); got != want {
			t.Errorf("startsWithDollarPrompt(%q) = %v, want %v", text, got, want)
		}
	}
	if LooksLikeShell("# apt install nginx\nsome output line") {
		t.Error("a comment line was taken for a root prompt")
	}
}
