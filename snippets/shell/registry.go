package shell

import "strings"

// A command is a command the analysis knows, declared once: its names,
// its options, and what it does to the file system. A command with no
// run is one tutorials' readers type whose effects tailor does not
// follow; its output is not known.
//
// A new command is one entry of commands: its names, its options in the
// manner of GNU getopt_long (when its handler reads them with getopt),
// and a handler that emits the command's effects.
type command struct {
	names string // its names, separated by spaces
	opts  *optSpec
	run   func(a *analyzer, c *call) stream
}

// A call is one command line being analysed: the name it was called by,
// its arguments, what it reads on standard input, and its options.
type call struct {
	name string
	args []arg
	in   stream
	opts *optSpec
}

// commands is every command the analysis knows.
var commands = []command{
	{names: "sudo doas",
		opts: &optSpec{inOrder: true, short: "AbEHiKklnPSsVveC:D:g:h:p:R:r:T:t:U:u:", long: map[string]optDef{
			"askpass": {'A', noArg}, "background": {'b', noArg}, "preserve-env": {'E', optionalArg},
			"set-home": {'H', noArg}, "login": {'i', noArg}, "remove-timestamp": {'K', noArg},
			"reset-timestamp": {'k', noArg}, "list": {'l', noArg}, "non-interactive": {'n', noArg},
			"preserve-groups": {'P', noArg}, "stdin": {'S', noArg}, "shell": {'s', noArg},
			"version": {'V', noArg}, "validate": {'v', noArg}, "edit": {'e', noArg},
			"close-from": {'C', needArg}, "chdir": {'D', needArg}, "group": {'g', needArg},
			"host": {'h', needArg}, "prompt": {'p', needArg}, "chroot": {'R', needArg},
			"role": {'r', needArg}, "command-timeout": {'T', needArg}, "type": {'t', needArg},
			"other-user": {'U', needArg}, "user": {'u', needArg},
		}},
		run: (*analyzer).sudo},
	{names: "su",
		opts: &optSpec{short: "lc:s:mpfPg:G:w:", long: map[string]optDef{
			"login": {'l', noArg}, "command": {'c', needArg}, "shell": {'s', needArg},
			"preserve-environment": {'m', noArg}, "pty": {'P', noArg}, "group": {'g', needArg},
			"supp-group": {'G', needArg}, "whitelist-environment": {'w', needArg},
			"session-command": {'C', needArg},
		}},
		run: (*analyzer).su},
	{names: "env",
		run: (*analyzer).env},
	{names: "command builtin exec nohup time nice ionice stdbuf",
		run: (*analyzer).wrapper},
	{names: "sh bash dash zsh ksh mksh ash",
		run: (*analyzer).shellCmd},
	{names: "cd pushd",
		opts: &optSpec{short: "LPe@"},
		run:  (*analyzer).cd},
	{names: "popd",
		run: (*analyzer).popd},
	{names: "adduser useradd",
		run: (*analyzer).adduser},
	{names: "exit logout",
		run: (*analyzer).exit},
	{names: "umask",
		run: (*analyzer).umask},
	{names: "ssh",
		run: (*analyzer).ssh},
	{names: "mkdir",
		opts: &optSpec{short: "pm:vZ", long: map[string]optDef{
			"parents": {'p', noArg}, "mode": {'m', needArg}, "verbose": {'v', noArg},
			"context": {'Z', optionalArg},
		}},
		run: (*analyzer).mkdir},
	{names: "chmod",
		opts: &optSpec{short: "RcfvHLP", long: map[string]optDef{
			"recursive": {'R', noArg}, "changes": {'c', noArg}, "silent": {'f', noArg},
			"quiet": {'f', noArg}, "verbose": {'v', noArg}, "reference": {'r', needArg},
			"preserve-root": {'p', noArg}, "no-preserve-root": {'n', noArg},
			"dereference": {'d', noArg}, "no-dereference": {'h', noArg},
		}},
		run: (*analyzer).chmod},
	{names: "chown chgrp",
		opts: &optSpec{short: "RcfvhHLP", long: map[string]optDef{
			"recursive": {'R', noArg}, "changes": {'c', noArg}, "silent": {'f', noArg},
			"quiet": {'f', noArg}, "verbose": {'v', noArg}, "reference": {'r', needArg},
			"from": {'F', needArg}, "dereference": {'d', noArg}, "no-dereference": {'h', noArg},
			"preserve-root": {'p', noArg}, "no-preserve-root": {'n', noArg},
		}},
		run: (*analyzer).chown},
	{names: "ln",
		opts: &optSpec{short: "sfnvrTt:bS:iLPdF", long: map[string]optDef{
			"symbolic": {'s', noArg}, "force": {'f', noArg}, "no-dereference": {'n', noArg},
			"verbose": {'v', noArg}, "relative": {'r', noArg}, "no-target-directory": {'T', noArg},
			"target-directory": {'t', needArg}, "backup": {'b', optionalArg}, "suffix": {'S', needArg},
			"interactive": {'i', noArg}, "logical": {'L', noArg}, "physical": {'P', noArg},
			"directory": {'d', noArg},
		}},
		run: (*analyzer).ln},
	{names: "crontab systemctl visudo vipw vigr edquota",
		run: (*analyzer).editsOther},
	{names: "nano vi vim nvim emacs editor sensible-editor sudoedit pico micro mcedit joe ne",
		run: (*analyzer).editor},
	{names: "touch",
		opts: &optSpec{short: "acmfhd:r:t:", long: map[string]optDef{
			"no-create": {'c', noArg}, "date": {'d', needArg}, "reference": {'r', needArg},
			"time": {'T', needArg}, "no-dereference": {'h', noArg},
		}},
		run: (*analyzer).touch},
	{names: "install",
		opts: &optSpec{short: "bcCdDg:m:o:psS:t:TvZ", long: map[string]optDef{
			"backup": {'b', optionalArg}, "compare": {'C', noArg}, "directory": {'d', noArg},
			"group": {'g', needArg}, "mode": {'m', needArg}, "owner": {'o', needArg},
			"preserve-timestamps": {'p', noArg}, "strip": {'s', noArg},
			"strip-program": {'x', needArg}, "suffix": {'S', needArg},
			"target-directory": {'t', needArg}, "no-target-directory": {'T', noArg},
			"verbose": {'v', noArg}, "preserve-context": {'P', noArg}, "context": {'Z', optionalArg},
		}},
		run: (*analyzer).install},
	{names: "rm",
		opts: &optSpec{short: "fiIrRdv", long: map[string]optDef{
			"force": {'f', noArg}, "interactive": {'i', optionalArg}, "recursive": {'r', noArg},
			"dir": {'d', noArg}, "verbose": {'v', noArg}, "one-file-system": {'o', noArg},
			"preserve-root": {'p', optionalArg}, "no-preserve-root": {'n', noArg},
		}},
		run: (*analyzer).rm},
	{names: "mv",
		opts: &optSpec{short: "finvuTt:bS:Z", long: map[string]optDef{
			"force": {'f', noArg}, "interactive": {'i', noArg}, "no-clobber": {'n', noArg},
			"verbose": {'v', noArg}, "update": {'u', optionalArg}, "no-target-directory": {'T', noArg},
			"target-directory": {'t', needArg}, "backup": {'b', optionalArg}, "suffix": {'S', needArg},
			"context": {'Z', noArg}, "strip-trailing-slashes": {'s', noArg},
		}},
		run: (*analyzer).mv},
	{names: "echo",
		run: (*analyzer).echo},
	{names: "printf",
		run: (*analyzer).printf},
	{names: "cat",
		run: (*analyzer).cat},
	{names: "tee",
		opts: &optSpec{short: "aip", long: map[string]optDef{
			"append": {'a', noArg}, "ignore-interrupts": {'i', noArg},
			"output-error": {'o', optionalArg},
		}},
		run: (*analyzer).tee},
	{names: "read",
		run: (*analyzer).read},
	{names: "true : false",
		run: (*analyzer).nothing},
	{names: "a2ensite a2dissite a2enmod a2dismod a2enconf a2disconf",
		run: (*analyzer).apache},
	{names: "sed",
		run: (*analyzer).sedOrUntracked},
	{names: "cp rsync truncate patch perl",
		run: (*analyzer).untracked},
	{names: "apt apt-get aptitude dnf yum zypper apk",
		run: (*analyzer).pkgInstall},

	// commands readers type whose effects on files are not followed
	{names: `apt-cache apt-key add-apt-repository dpkg dpkg-reconfigure
		rpm pacman snap brew
		pip pip3 pipx virtualenv mkvirtualenv workon deactivate python python3 npm npx yarn gem bundle
		pwd ls ll rmdir head tail less more grep awk find sort uniq wc diff cmp
		export source . unset set
		service journalctl update-rc.d invoke-rc.d apache2ctl apachectl
		nginx certbot letsencrypt openssl ssh-keygen scp ssh-copy-id
		usermod userdel groupadd addgroup gpasswd passwd id whoami
		git wget curl tar unzip zip gzip gunzip xz
		postmap postfix newaliases postconf mail sendmail
		ufw iptables ip6tables nft
		psql createdb createuser pg_dump mysql mysqladmin mysqldump redis-cli
		docker docker-compose podman kubectl
		kill killall pkill ps top htop df du free uptime reboot shutdown hostname hostnamectl
		timedatectl localectl locale-gen dig host nslookup ping ss netstat
		mount umount chroot ldconfig make gunicorn uwsgi supervisorctl
		manage.py django-admin test [ sleep wait`},
}

// byName finds a command by any of its names. It is made in init, as
// the handlers ask it.
var byName map[string]*command

func init() {
	byName = map[string]*command{}
	for i := range commands {
		for _, n := range strings.Fields(commands[i].names) {
			if byName[n] != nil {
				panic("shell: command " + n + " declared twice")
			}
			byName[n] = &commands[i]
		}
	}
}
