package shell

import (
	"os/exec"
	"strings"
	"testing"
)

func TestMkdir(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "plain", text: "mkdir /etc/opt/x", want: `
1:1 mkdir /etc/opt/x
`},
		{name: "parents", text: "mkdir -p /var/opt/$DJANGO_PROJECT/media", want: `
1:1 mkdir /var/opt/$DJANGO_PROJECT/media parents
`},
		{name: "several", text: "mkdir /a /b", want: `
1:1 mkdir /a
1:1 mkdir /b
`},
		{name: "mode cluster", text: "mkdir -pm 0750 /a", want: `
1:1 mkdir /a mode=0750 parents
`},
		{name: "mode apart", text: "mkdir -m u=rwx,g=rx,o= /a", want: `
1:1 mkdir /a mode=u=rwx,g=rx,o=
`},
		{name: "long options", text: "mkdir --parents --mode=750 /a", want: `
1:1 mkdir /a mode=750 parents
`},
		{name: "long option prefix", text: "mkdir --par --mo 750 /a", want: `
1:1 mkdir /a mode=750 parents
`},
		{name: "option after operand", text: "mkdir /a -p", want: `
1:1 mkdir /a parents
`},
		{name: "double dash", dir: "/x", text: "mkdir -- -p", want: `
1:1 mkdir /x/-p
`},
		{name: "relative", dir: "/srv", text: "mkdir www ../log ./a/../b", want: `
1:1 mkdir /srv/www
1:1 mkdir /log
1:1 mkdir /srv/b
`},
		{name: "unknown option", text: "mkdir -Q /a", want: `
note 1:1: mkdir: unknown option "-Q": command skipped
`},
		{name: "unknown long option", text: "mkdir --frobnicate /a", want: `
note 1:1: mkdir: unknown option "--frobnicate": command skipped
`},
		{name: "missing mode", text: "mkdir /a -m", want: `
note 1:1: mkdir: option "-m" needs a value: command skipped
`},
		{name: "invalid mode", text: "mkdir -m 0999 /a", want: `
note 1:1: mkdir: invalid mode "0999"
`},
		{name: "placeholder mode", text: "mkdir -m $MODE /a", want: `
note 1:1: mkdir: mode "$MODE" not known: it uses a placeholder
`},
		{name: "verbose", text: "mkdir -v /a", want: `
1:1 mkdir /a
`},
		{name: "brace expansion", text: "mkdir -p /srv/{www,log}/$DOMAIN", want: `
1:1 mkdir /srv/www/$DOMAIN parents
1:1 mkdir /srv/log/$DOMAIN parents
`},
		{name: "brace sequence", text: "mkdir /d{1..3}", want: `
1:1 mkdir /d1
1:1 mkdir /d2
1:1 mkdir /d3
`},
		{name: "brace explosion", text: "mkdir /d{1..99999}", want: `
note 1:1: mkdir: path "/d{1..99999}" not known: it makes too many words by brace expansion
`},
	})
}

func TestChmod(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "symbolic", text: "chmod u=rw,g=r,o= /etc/postfix/smtp_auth", want: `
1:1 chmod /etc/postfix/smtp_auth mode=u=rw,g=r,o=
`},
		{name: "octal", text: "chmod 640 /a /b", want: `
1:1 chmod /a mode=640
1:1 chmod /b mode=640
`},
		{name: "octal with zero", text: "chmod 0750 /etc/opt/$DJANGO_PROJECT", want: `
1:1 chmod /etc/opt/$DJANGO_PROJECT mode=0750
`},
		{name: "recursive", text: "chmod -R g+w /var/www", want: `
1:1 chmod /var/www mode=g+w recursive
`},
		{name: "recursive long", text: "chmod --recursive a+rX,go-w /var/www", want: `
1:1 chmod /var/www mode=a+rX,go-w recursive
`},
		{name: "plus x", text: "chmod +x /usr/local/bin/backup", want: `
1:1 chmod /usr/local/bin/backup mode=+x
`},
		{name: "dash mode", text: "chmod -x /a", want: `
1:1 chmod /a mode=-x
`},
		{name: "dash mode after R", text: "chmod -R -rwx /a", want: `
1:1 chmod /a mode=-rwx recursive
`},
		{name: "verbose cluster", text: "chmod -Rv 600 /a", want: `
1:1 chmod /a mode=600 recursive
`},
		{name: "reference", text: "chmod --reference=/b /a", want: `
note 1:1: chmod --reference: mode not known: command skipped
`},
		{name: "invalid mode", text: "chmod u+z /a", want: `
note 1:1: chmod: invalid mode "u+z"
`},
		{name: "mode not known", text: "chmod $(stat -c %a /b) /a", want: `
note 1:1: chmod: mode "$(stat -c %a /b)" not known: it holds a command substitution
`},
		{name: "glob", text: "chmod 600 /etc/ssl/private/*", want: `
note 1:1: chmod: path "/etc/ssl/private/*" not known: it is a glob pattern
`},
		{name: "quoted glob is a name", text: "chmod 600 '/etc/a*b'", want: `
1:1 chmod /etc/a*b mode=600
`},
		{name: "missing mode", text: "chmod", want: `
note 1:1: chmod: missing mode
`},
	})
}

func TestChown(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "owner", text: "chown $DJANGO_USER /var/opt/$DJANGO_PROJECT", want: `
1:1 chown /var/opt/$DJANGO_PROJECT owner=$DJANGO_USER
`},
		{name: "owner and group", text: "chown root:postfix /etc/postfix/smtp_auth", want: `
1:1 chown /etc/postfix/smtp_auth owner=root group=postfix
`},
		{name: "dot", text: "chown root.postfix /a", want: `
1:1 chown /a owner=root group=postfix
`},
		{name: "group only", text: "chown :www-data /a", want: `
1:1 chown /a group=www-data
`},
		{name: "login group", text: "chown www-data: /a", want: `
1:1 chown /a owner=www-data group=(login group)
note 1:1: chown "www-data:" also sets the group to the login group of "www-data", which is not known
`},
		{name: "login group, old syntax", text: "chown www-data. /a", want: `
1:1 chown /a owner=www-data group=(login group)
note 1:1: chown "www-data." also sets the group to the login group of "www-data", which is not known
`},
		{name: "recursive", text: "chown -R www-data:www-data /var/www/$DOMAIN", want: `
1:1 chown /var/www/$DOMAIN owner=www-data group=www-data recursive
`},
		{name: "placeholders", text: `chown "$DJANGO_USER:$DJANGO_GROUP" /a`, want: `
1:1 chown /a owner=$DJANGO_USER group=$DJANGO_GROUP
`},
		{name: "no-dereference", text: "chown -h root /a", want: `
1:1 chown /a owner=root
`},
		{name: "empty spec", text: "chown : /a", want: `
note 1:1: chown: ":" names no owner or group
`},
		{name: "unknown owner", text: "chown $user /a", want: `
note 1:1: chown: owner "$user" not known: it uses $user, which this block does not set
`},
		{name: "reference", text: "chown --reference=/b /a", want: `
note 1:1: chown --reference: owner not known: command skipped
`},
		{name: "chgrp", text: "chgrp $DJANGO_GROUP /etc/opt/$DJANGO_PROJECT", want: `
1:1 chown /etc/opt/$DJANGO_PROJECT group=$DJANGO_GROUP
`},
		{name: "chgrp recursive", text: "chgrp -R adm /var/log/x", want: `
1:1 chown /var/log/x group=adm recursive
`},
	})
}

func TestLn(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "relative", text: "ln -sr /etc/app/x.conf /srv/rel\nln -s -r x.conf /srv/app/", dir: "/etc/app", want: `
1:1 symlink /srv/rel -> ../etc/app/x.conf
2:1 symlink /srv/app/x.conf -> ../../etc/app/x.conf
`},
		{name: "target and link", text: "ln -s /etc/nginx/sites-available/$DOMAIN /etc/nginx/sites-enabled/$DOMAIN", want: `
1:1 symlink /etc/nginx/sites-enabled/$DOMAIN -> /etc/nginx/sites-available/$DOMAIN
`},
		{name: "into dot", dir: "/etc/nginx/sites-enabled", text: "ln -s ../sites-available/$DOMAIN .", want: `
1:1 symlink /etc/nginx/sites-enabled/$DOMAIN -> ../sites-available/$DOMAIN
`},
		{name: "named by placeholder", dir: "/etc/nginx/sites-enabled", text: "ln -s ../sites-available/$DOMAIN $DOMAIN", want: `
1:1 symlink /etc/nginx/sites-enabled/$DOMAIN -> ../sites-available/$DOMAIN
`},
		{name: "no link name", dir: "/usr/local/bin", text: "ln -s /opt/x/bin/tool", want: `
1:1 symlink /usr/local/bin/tool -> /opt/x/bin/tool
`},
		{name: "no link name, unknown dir", text: "ln -s /opt/x/bin/tool", want: `
note 1:1: ln: link "tool" would be made in the current directory, which is not known
`},
		{name: "into well-known dir", text: "ln -sf /etc/nginx/sites-available/x /etc/nginx/sites-enabled", want: `
1:1 symlink /etc/nginx/sites-enabled/x -> /etc/nginx/sites-available/x
`},
		{name: "into dir with slash", text: "ln -sfn /opt/app/current /srv/links/", want: `
1:1 symlink /srv/links/current -> /opt/app/current
`},
		{name: "no-target-directory", text: "ln -sT /opt/app/releases/2 /usr/local/bin", want: `
1:1 symlink /usr/local/bin -> /opt/app/releases/2
`},
		{name: "target-directory", text: "ln -s -t /usr/local/bin /opt/a/bin/x /opt/a/bin/y", want: `
1:1 symlink /usr/local/bin/x -> /opt/a/bin/x
1:1 symlink /usr/local/bin/y -> /opt/a/bin/y
`},
		{name: "several targets", text: "ln -s /opt/a /opt/b /srv/l", want: `
1:1 symlink /srv/l/a -> /opt/a
1:1 symlink /srv/l/b -> /opt/b
`},
		{name: "long options", text: "ln --symbolic --force --no-dereference /a /b", want: `
1:1 symlink /b -> /a
`},
		{name: "hard link", text: "ln /a /b", want: `
note 1:1: ln: hard links are not tracked: command skipped
`},
		{name: "dir made earlier", text: "mkdir -p /srv/bin\nln -s /opt/x/tool /srv/bin", want: `
1:1 mkdir /srv/bin parents
2:1 symlink /srv/bin/tool -> /opt/x/tool
`},
		{name: "target kept as written", dir: "/srv", text: "ln -s ./a/../b//c link", want: `
1:1 symlink /srv/link -> ./a/../b//c
`},
		{name: "target not known", text: "ln -s $(pwd)/x /a", want: `
note 1:1: ln: "$(pwd)/x" not known: it holds a command substitution
`},
	})
}

func TestTouchInstallRm(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "touch", text: "touch /var/log/x.log /var/log/y.log", want: `
1:1 touch /var/log/x.log
1:1 touch /var/log/y.log
`},
		{name: "touch no-create", text: "touch -c /a", want: ""},
		{name: "touch date", text: "touch -d '2020-01-01 00:00' /a", want: `
1:1 touch /a
`},
		{name: "install file", text: "install -m 0640 -o root -g postfix smtp_auth.in /etc/postfix/smtp_auth", dir: "/root", want: `
1:1 install /etc/postfix/smtp_auth from /root/smtp_auth.in mode=0640 owner=root group=postfix
`},
		{name: "install source as written", text: "install -m 755 backup.sh /usr/local/bin/backup", want: `
1:1 install /usr/local/bin/backup from backup.sh mode=755
`},
		{name: "install into dir", text: "install /opt/x/tool /usr/local/bin/", want: `
1:1 install /usr/local/bin/tool from /opt/x/tool
`},
		{name: "install into well-known dir", text: "install -m 644 /tmp/x.service /etc/systemd/system", want: `
1:1 install /etc/systemd/system/x.service from /tmp/x.service mode=644
`},
		{name: "install -t", text: "install -t /usr/local/bin /opt/a /opt/b", want: `
1:1 install /usr/local/bin/a from /opt/a
1:1 install /usr/local/bin/b from /opt/b
`},
		{name: "install -D", text: "install -D /tmp/a /etc/x/y/a", want: `
1:1 install /etc/x/y/a from /tmp/a parents
`},
		{name: "install -d", text: "install -d -m 0750 -o root -g $DJANGO_GROUP /etc/opt/$DJANGO_PROJECT /var/x", want: `
1:1 install /etc/opt/$DJANGO_PROJECT dir mode=0750 owner=root group=$DJANGO_GROUP parents
1:1 install /var/x dir mode=0750 owner=root group=$DJANGO_GROUP parents
`},
		{name: "install long", text: "install --directory --mode=u=rwx,go= /a", want: `
1:1 install /a dir mode=u=rwx,go= parents
`},
		{name: "install missing dest", text: "install /a", want: `
note 1:1: install: missing destination
`},
		{name: "install owner unknown", text: "install -o $(id -un) /a /b", want: `
note 1:1: install: owner or group "$(id -un)" not known: it holds a command substitution
`},
		{name: "rm", text: "rm /etc/nginx/sites-enabled/default", want: `
1:1 remove /etc/nginx/sites-enabled/default
`},
		{name: "rm recursive", text: "rm -rf /var/www/html", want: `
1:1 remove /var/www/html recursive
`},
		{name: "rm separate flags", text: "rm -r -f /a; rm -R /b; rm --recursive --force /c", want: `
1:1 remove /a recursive
1:14 remove /b recursive
1:24 remove /c recursive
`},
		{name: "rm glob", text: "rm -f /var/www/html/*", want: `
note 1:1: rm: path "/var/www/html/*" not known: it is a glob pattern
`},
	})
}

func TestCd(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "absolute", text: "cd /etc/nginx\nmkdir conf.d", want: `
1:1 cd /etc/nginx
2:1 mkdir /etc/nginx/conf.d
`},
		{name: "relative", dir: "/etc", text: "cd nginx/sites-available && touch x", want: `
1:1 cd /etc/nginx/sites-available
1:29 touch /etc/nginx/sites-available/x
`},
		{name: "dot dot", dir: "/etc/nginx", text: "cd ..; touch x", want: `
1:1 cd /etc
1:8 touch /etc/x
`},
		{name: "dash", text: "cd /a\ncd /b\ncd -\ntouch x", want: `
1:1 cd /a
2:1 cd /b
3:1 cd /a
4:1 touch /a/x
`},
		{name: "dash unknown", text: "cd -\ntouch x", want: `
note 1:1: cd -: the previous directory is not known
note 2:1: touch: path "x" not known: it is relative and the current directory is not known
`},
		{name: "home", dir: "/etc", text: "cd\ntouch x", want: `
note 1:1: cd: the home directory is not known: current directory not known
note 2:1: touch: path "x" not known: it is relative and the current directory is not known
`},
		{name: "tilde", dir: "/etc", text: "cd ~\ntouch x", want: `
note 1:1: cd: path "~" not known: it starts with "~", the home directory
note 2:1: touch: path "x" not known: it is relative and the current directory is not known
`},
		{name: "tilde quoted is a name", dir: "/etc", text: "cd '~'", want: `
1:1 cd /etc/~
`},
		{name: "unknown dir", text: "cd $DJANGO_PROJECT", want: `
note 1:1: cd: path "$DJANGO_PROJECT" not known: it is relative and the current directory is not known
`},
		{name: "placeholder that names a path", dir: "/srv", text: "cd $APP_DIR", want: `
note 1:1: cd: path "$APP_DIR" not known: it starts with a placeholder that may hold an absolute path
`},
		{name: "placeholder relative", dir: "/opt", text: "cd $DJANGO_PROJECT && touch x", want: `
1:1 cd /opt/$DJANGO_PROJECT
1:23 touch /opt/$DJANGO_PROJECT/x
`},
		{name: "pwd variable", dir: "/srv", text: `mkdir "$PWD/x"`, want: `
1:1 mkdir /srv/x
`},
		{name: "pushd popd", text: "pushd /tmp\ntouch a\npopd\ntouch b", want: `
1:1 cd /tmp
2:1 touch /tmp/a
note 3:1: popd: current directory not known
note 4:1: touch: path "b" not known: it is relative and the current directory is not known
`},
		{name: "subshell keeps dir", dir: "/x", text: "(cd /a && mkdir b); mkdir c", want: `
1:2 cd /a
1:11 mkdir /a/b
1:21 mkdir /x/c
`},
		{name: "pipeline keeps dir", dir: "/x", text: "cd /a | cat\nmkdir c", want: `
1:1 cd /a
2:1 mkdir /x/c
`},
		{name: "cd in if", dir: "/x", text: "if test -d /a; then cd /a; fi\nmkdir c", want: `
1:21 cd /a (conditional)
note 1:1: current directory not known after a cd inside "if"
note 1:1: commands inside "if" run only when its condition holds
note 2:1: mkdir: path "c" not known: it is relative and the current directory is not known
`},
		{name: "exit", dir: "/x", text: "exit\nmkdir c", want: `
note 1:1: exit: the shell it returns to is not known: current directory not known
note 2:1: mkdir: path "c" not known: it is relative and the current directory is not known
`},
		{name: "ssh", dir: "/x", text: "ssh root@example.com\nmkdir c", want: `
note 1:1: ssh: logs in to a home directory: current directory not known
note 2:1: mkdir: path "c" not known: it is relative and the current directory is not known
`},
		{name: "ssh with a command", dir: "/x", text: "ssh -p 22 root@example.com uptime\nmkdir c", want: `
2:1 mkdir /x/c
`},
	})
}

func TestApache(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "a2ensite", text: "a2ensite $DOMAIN", want: `
1:1 symlink /etc/apache2/sites-enabled/$DOMAIN.conf -> ../sites-available/$DOMAIN.conf
`},
		{name: "a2ensite with .conf", text: "a2ensite -q example.conf", want: `
1:1 symlink /etc/apache2/sites-enabled/example.conf -> ../sites-available/example.conf
`},
		{name: "a2enmod", text: "a2enmod proxy proxy_http", want: `
note 1:1: a2enmod proxy: run it on the server; the links it makes depend on the modules installed there
note 1:1: a2enmod proxy_http: run it on the server; the links it makes depend on the modules installed there
`},
		{name: "a2enconf", text: "a2enconf security", want: `
1:1 symlink /etc/apache2/conf-enabled/security.conf -> ../conf-available/security.conf
`},
		{name: "a2dissite", text: "a2dissite 000-default", want: `
1:1 remove /etc/apache2/sites-enabled/000-default.conf
`},
		{name: "a2dismod", text: "a2dismod -f mpm_event", want: `
note 1:1: a2dismod mpm_event: run it on the server; the links it makes depend on the modules installed there
`},
		{name: "a2disconf", text: "a2disconf charset", want: `
1:1 remove /etc/apache2/conf-enabled/charset.conf
`},
		{name: "not a name", text: "a2ensite ../x", want: `
note 1:1: a2ensite: "../x" is not a name
`},
		{name: "systemctl is no file effect", text: "systemctl enable $DJANGO_PROJECT\nsystemctl daemon-reload\nservice nginx reload", want: ""},
	})
}

func TestWrappers(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "sudo", text: "sudo mkdir -p /a", want: `
1:1 mkdir /a parents
`},
		{name: "sudo user", text: "sudo -u www-data mkdir /a", want: `
1:1 mkdir /a owner=www-data group=(login group)
`},
		{name: "sudo options", text: "sudo -E -H --user=www-data -- touch /a", want: `
1:1 touch /a owner=www-data group=(login group)
`},
		{name: "umask in a subshell", text: "(umask 077 && echo s > /a)\nsh -c 'umask 077; echo t > /b'\necho u > /c", want: `
1:15 write /a mode=0600 "s\n"
2:1 write /b mode=0600 "t\n"
3:1 write /c "u\n"
`},
		{name: "umask", text: "umask 077\necho s > /a\nmkdir /b\ntouch /c\nmkdir -m 0755 /d\numask 0022\necho t > /e\numask u=rwx\necho u > /f", want: `
2:1 write /a mode=0600 "s\n"
3:1 mkdir /b mode=0700
4:1 touch /c mode=0600
5:1 mkdir /d mode=0755
7:1 write /e "t\n"
9:1 write /f mode=? "u\n"
note 8:1: umask "u=rwx": only an octal mask is followed: the modes of what follows are not known
`},
		{name: "sudo chdir", text: "sudo -D /srv touch a\ntouch b", dir: "/x", want: `
1:1 touch /srv/a
2:1 touch /x/b
`},
		{name: "sudo -i", dir: "/x", text: "sudo -i\nmkdir a", want: `
2:1 mkdir /root/a
`},
		{name: "sudo -iu a user the tutorial did not make", dir: "/x", text: "sudo -iu deploy\nmkdir a", want: `
note 1:1: sudo -i: starts a login shell in a home directory: current directory not known
note 2:1: mkdir: path "a" not known: it is relative and the current directory is not known
`},
		{name: "su - a user the tutorial made", text: "adduser --disabled-password mastodon\nsu - mastodon\ngit clone x live && cd live\necho 'eval' >> ~/.bashrc\necho x > ~mastodon/.profile\nexit\ntouch ~/b", want: `
3:21 cd /home/mastodon/live
4:1 append /home/mastodon/.bashrc "eval\n"
5:1 write /home/mastodon/.profile owner=mastodon group=(login group) "x\n"
note 6:1: exit: the shell it returns to is not known: current directory not known
note 7:1: touch: path "~/b" not known: it starts with "~", the home directory
`},
		{name: "useradd -m and -d", text: "useradd -m -s /bin/bash app\nuseradd -d /srv/svc svc\nuseradd tmp\nadduser --system sysu\nsu - app\ntouch ~/a\nsu - svc\ntouch ~/b ~tmp/c ~sysu/d", want: `
6:1 touch /home/app/a owner=app group=(login group)
8:1 touch /srv/svc/b owner=svc group=(login group)
note 8:1: touch: path "~tmp/c" not known: it starts with "~", the home directory
note 8:1: touch: path "~sysu/d" not known: it starts with "~", the home directory
`},
		{name: "sudo -s keeps the dir", dir: "/x", text: "sudo -s\nmkdir a", want: `
2:1 mkdir /x/a
`},
		{name: "su -c", text: `su - postgres -c "mkdir /var/lib/x"`, want: `
1:1 mkdir /var/lib/x
`},
		{name: "sudo sh -c", text: `sudo sh -c 'echo "$DOMAIN" > /etc/mailname'`, want: `
1:1 write /etc/mailname "$DOMAIN\n"
`},
		{name: "sh -c does not keep cd", dir: "/x", text: `bash -c 'cd /a && touch b'; touch c`, want: `
1:1 cd /a
1:1 touch /a/b
1:29 touch /x/c
`},
		{name: "sh -c script not known", text: `sh -c "$SCRIPT_$(date)"`, want: `
note 1:1: sh -c: script "\"$SCRIPT_$(date)\"" not known: it holds a command substitution
`},
		{name: "sh -c parse error", text: `sh -c 'echo "x'`, want: `
note 1:1: sh -c: shell syntax: reached EOF without closing quote ` + "`\"`" + `
`},
		{name: "sh reading a here-document", text: "sudo sh <<'EOF'\nmkdir /a\nEOF", want: `
1:1 mkdir /a
`},
		{name: "nested sh -c", text: `sh -c "sh -c 'sh -c \"touch /a\"'"`, want: `
note 1:1: sh -c: script nested too deep: not analysed
`},
		{name: "env", text: "env -i FOO=1 BAR=2 mkdir /a", want: `
1:1 mkdir /a
`},
		{name: "nohup and nice", text: "nohup nice -n 10 touch /a", want: `
1:1 touch /a
`},
		{name: "command", text: "command mkdir /a; command -v mkdir", want: `
1:1 mkdir /a
`},
		{name: "time", text: "time mkdir /a", want: `
1:1 mkdir /a
`},
	})
}

func TestUntracked(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "cp", text: "cp -p /etc/a /etc/b", want: `
1:1 untracked /etc/b
`},
		{name: "cp into a directory", text: "mkdir -p /etc/app\ncp app.conf.example /srv/x/b.conf /etc/app\nsudo cp -r tpl /etc/nginx/conf.d/", want: `
1:1 mkdir /etc/app parents
2:1 untracked /etc/app/app.conf.example
2:1 untracked /etc/app/b.conf
3:1 untracked /etc/nginx/conf.d/tpl
`},
		{name: "mv relative", dir: "/etc", text: "mv teed moved", want: `
1:1 move /etc/moved from /etc/teed
`},
		{name: "mv into a directory", text: "sudo mv -f /tmp/app.service /etc/systemd/system/", want: `
1:1 move /etc/systemd/system/app.service from /tmp/app.service
`},
		{name: "mv -T", text: "mv -T /tmp/a /etc/systemd/system", want: `
1:1 move /etc/systemd/system from /tmp/a
`},
		{name: "mv many", text: "mv /tmp/a /tmp/b /etc/app/", want: `
1:1 untracked /tmp/a
1:1 untracked /tmp/b
1:1 untracked /etc/app
`},
		{name: "sed with a script of two commands", text: "sed -i 's/a/b/;s/c/d/' /etc/quoted", want: `
1:1 untracked /etc/quoted
`},
		{name: "sed with two -e", text: "sed -i.bak -e 's/a/b/' -e 's/c/d/' /etc/x", want: `
1:1 untracked /etc/x
`},
		{name: "sed to stdout", text: "sed 's/a/b/' /etc/quoted", want: ``},
		{name: "perl in place", text: "perl -pi -e 's/a/b/' /etc/y", want: `
1:1 untracked /etc/y
`},
	})
}

func TestSed(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "in place", text: "sed -i 's/8000/9000/' /etc/app.ini", want: `
1:1 edit /etc/app.ini s/8000/9000/
`},
		{name: "expression and suffix", text: "sudo sed -i.bak -e 's|^#Port 22|Port 2222|g' /etc/ssh/sshd_config", want: `
1:1 edit /etc/ssh/sshd_config s|^#Port 22|Port 2222|g
`},
		{name: "back reference", text: "sed -i 's/\\(a\\)\\1/b/' /etc/x", want: `
1:1 untracked /etc/x
`},
		{name: "placeholder in the pattern", text: "sed -i \"s/$OLD/new/\" /etc/x", want: `
1:1 untracked /etc/x
`},
		{name: "a delete", text: "sed -i '/^#/d' /etc/x", want: `
1:1 untracked /etc/x
`},
		{name: "to stdout", text: "sed 's/a/b/' /etc/x", want: ``},
	})
}

func TestSubstitutionApply(t *testing.T) {
	for _, c := range []struct {
		script, ext, line, want string
	}{
		{"s/8000/9000/", "", "port = 8000 8000", "port = 9000 8000"},
		{"s/8000/9000/g", "", "port = 8000 8000", "port = 9000 9000"},
		{"s/^#\\(Port\\) 22/\\1 2222/", "", "#Port 22", "Port 2222"},
		{"s/a+b/[&]/", "", "a+b aab", "[a+b] aab"},
		{"s/a+b/[&]/", "E", "a+b aab", "a+b [aab]"},
		{"s/127.0.0.1/0.0.0.0/", "", "bind 127.0.0.1", "bind 0.0.0.0"},
		{"s,/var/www,/srv/$APP,", "", "root /var/www;", "root /srv/$APP;"},
		{"s/debug/info/I", "", "level = DEBUG", "level = info"},
		{"s/[[:space:]]*$//", "", "x = 1   ", "x = 1"},
	} {
		sub := parseSubstitution(c.script, c.ext == "E")
		if sub == nil {
			t.Errorf("%s: not read", c.script)
			continue
		}
		if got, _ := sub.Apply(c.line); got != c.want {
			t.Errorf("%s on %q: got %q, want %q", c.script, c.line, got, c.want)
		}
	}
}

// TestSubstitutionAsGNUSed applies sed scripts with tailor and with the
// sed of this machine (skipped without GNU sed): where tailor takes a
// script, the line must come out the same; scripts it refuses stay
// untracked.
func TestSubstitutionAsGNUSed(t *testing.T) {
	out, err := exec.Command("sed", "--version").Output()
	if err != nil || !strings.Contains(string(out), "GNU") {
		t.Skip("no GNU sed here")
	}
	lines := []string{"port = 8080 80", "a.c abc a^b cost$5 *a", "aaa ab abcd", "x = 1   ", "Listen 127.0.0.1:80", "level = DEBUG"}
	for _, tc := range []struct{ script, flags string }{
		{"s/80/90/", ""}, {"s/80/90/g", ""}, {"s/a.c/X/g", ""}, {"s/a^b/X/", ""}, {"s/cost$5/X/", ""},
		{"s/^\\(Listen\\) .*/\\1 8080/", ""}, {"s/[[:space:]]*$//", ""}, {"s/(80|8080)/9000/", "-E"},
		{"s/80\\|8080/9000/", ""}, {"s/a\\{2\\}/X/", ""}, {"s/a\\{,2\\}b/X/", ""}, {"s/a{,2}b/X/", "-E"},
		{"s/a+b/X/", "-E"}, {"s/a\\+/X/g", ""}, {"s/a+/X/", ""}, {"s/debug/info/I", ""}, {"s/ /\\t/", ""},
		{"s/\\(^*a\\)/X/", ""}, {"s/[ab]*/<&>/", ""}, {"s/b*/X/g", ""}, {"s|127\\.0\\.0\\.1|0.0.0.0|", ""},
		{"s/a/\\&/", ""}, {"s/\\(a\\)\\(b\\)/\\2\\1/g", ""}, {"s/(a)(b)?c/[\\1\\2]/g", "-E"},
	} {
		ext := tc.flags == "-E"
		sub := parseSubstitution(tc.script, ext)
		if sub == nil {
			continue // refused: left to the server
		}
		for _, line := range lines {
			args := []string{tc.script}
			if ext {
				args = []string{"-E", tc.script}
			}
			cmd := exec.Command("sed", args...)
			cmd.Stdin = strings.NewReader(line + "\n")
			want, err := cmd.Output()
			if err != nil {
				t.Errorf("sed %s: %v (tailor took it)", tc.script, err)
				continue
			}
			if got, _ := sub.Apply(line); got+"\n" != string(want) {
				t.Errorf("%s %s on %q: tailor %q, GNU sed %q", tc.flags, tc.script, line, got, strings.TrimSuffix(string(want), "\n"))
			}
		}
	}
}

func TestEditorsElsewhere(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "crontab", text: "crontab -e", want: `
1:1 open an editor on what tailor does not make
`},
		{name: "systemctl edit", text: "sudo systemctl edit app", want: `
1:1 open an editor on what tailor does not make
`},
		{name: "crontab -l", text: "crontab -l", want: ``},
		{name: "visudo", text: "sudo visudo", want: `
1:1 open an editor on what tailor does not make
`},
		{name: "visudo -c", text: "sudo visudo -cf /etc/sudoers.d/app", want: ``},
		{name: "systemctl start", text: "sudo systemctl start app", want: ``},
	})
}
