package shell

import (
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// LooksLikeShell reports whether an untagged block (reST "::" or a fence
// without a language) is shell commands: it parses as shell (as a console
// session when its first line has a "$" prompt), it has at least one command,
// and every command name is a well-known command (apt, apt-get, mkdir,
// chmod, service, systemctl, cd, ln, ...). Config files, Python and
// program output fail one of these tests.
func LooksLikeShell(text string) bool {
	if strings.TrimSpace(text) == "" {
		return false
	}
	var res results
	a := newAnalyzer(new(State), &res)
	f, err := a.parse(text, startsWithDollarPrompt(text))
	if err != nil {
		return false
	}
	commands, ok := 0, true
	syntax.Walk(f, func(n syntax.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *syntax.CallExpr:
			if len(n.Args) == 0 {
				return true
			}
			name := n.Args[0].Lit()
			if strings.Contains(name, "/") {
				name = path.Base(name)
			}
			if !knownCommands[name] {
				ok = false
				return false
			}
			commands++
		case *syntax.FuncDecl, *syntax.ArithmCmd, *syntax.LetClause, *syntax.CoprocClause:
			ok = false // rare in tutorials, common in misparsed code
		}
		return true
	})
	return ok && commands > 0
}

// knownCommands are the commands a deployment tutorial's reader types.
var knownCommands = func() map[string]bool {
	m := make(map[string]bool)
	for _, c := range strings.Fields(`
		apt apt-get apt-cache apt-key aptitude add-apt-repository dpkg dpkg-reconfigure
		yum dnf rpm zypper pacman apk snap brew
		pip pip3 pipx virtualenv mkvirtualenv workon deactivate python python3 npm npx yarn gem bundle
		cd pushd popd pwd ls ll mkdir rmdir chmod chown chgrp ln cp mv rm touch install
		cat tee echo printf head tail less more grep sed awk find sort uniq wc diff cmp
		sudo su doas env export source . unset set
		service systemctl journalctl update-rc.d invoke-rc.d
		a2ensite a2dissite a2enmod a2dismod a2enconf a2disconf apache2ctl apachectl
		nginx certbot letsencrypt openssl ssh-keygen ssh scp rsync ssh-copy-id
		useradd adduser usermod userdel groupadd addgroup gpasswd passwd id whoami
		git wget curl tar unzip zip gzip gunzip xz
		postmap postfix newaliases postconf mail sendmail
		crontab ufw iptables ip6tables nft
		psql createdb createuser pg_dump mysql mysqladmin mysqldump redis-cli
		docker docker-compose podman kubectl
		nano vi vim editor visudo
		kill killall pkill ps top htop df du free uptime reboot shutdown hostname hostnamectl
		timedatectl localectl locale-gen dig host nslookup ping ss netstat
		mount umount chroot ldconfig make gunicorn uwsgi supervisorctl
		manage.py django-admin
		true false test [ sleep wait exit
	`) {
		m[c] = true
	}
	return m
}()
