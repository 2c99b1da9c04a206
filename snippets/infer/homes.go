package infer

import (
	"path"
	"strings"
)

// A home is where Debian keeps a well-known file: its directory, "*"
// standing for a version ("/etc/postgresql/*/main"), and the packages
// that bring it (none: every system has it).
type home struct {
	dir      string
	packages []string
}

// homes are the well-known files of servers on Debian, by base name: a
// tutorial that installs the server, or names a path in its directory,
// may name them by their base name alone.
var homes = map[string]home{
	"pg_hba.conf":           {"/etc/postgresql/*/main", []string{"postgresql"}},
	"postgresql.conf":       {"/etc/postgresql/*/main", []string{"postgresql"}},
	"pg_ident.conf":         {"/etc/postgresql/*/main", []string{"postgresql"}},
	"sshd_config":           {"/etc/ssh", []string{"openssh-server"}},
	"ssh_config":            {"/etc/ssh", []string{"openssh-client"}},
	"nginx.conf":            {"/etc/nginx", []string{"nginx", "nginx-core", "nginx-full", "nginx-light"}},
	"apache2.conf":          {"/etc/apache2", []string{"apache2"}},
	"ports.conf":            {"/etc/apache2", []string{"apache2"}},
	"main.cf":               {"/etc/postfix", []string{"postfix"}},
	"master.cf":             {"/etc/postfix", []string{"postfix"}},
	"dovecot.conf":          {"/etc/dovecot", []string{"dovecot-core", "dovecot-imapd"}},
	"redis.conf":            {"/etc/redis", []string{"redis-server", "redis"}},
	"jail.local":            {"/etc/fail2ban", []string{"fail2ban"}},
	"jail.conf":             {"/etc/fail2ban", []string{"fail2ban"}},
	"php.ini":               {"/etc/php/*/fpm", nil},
	"my.cnf":                {"/etc/mysql", []string{"mariadb-server", "mysql-server"}},
	"50-server.cnf":         {"/etc/mysql/mariadb.conf.d", []string{"mariadb-server"}},
	"mysqld.cnf":            {"/etc/mysql/mysql.conf.d", []string{"mysql-server"}},
	"grafana.ini":           {"/etc/grafana", []string{"grafana"}},
	"prometheus.yml":        {"/etc/prometheus", []string{"prometheus"}},
	"50unattended-upgrades": {"/etc/apt/apt.conf.d", []string{"unattended-upgrades"}},
	"sysctl.conf":           {"/etc", nil},
	"fstab":                 {"/etc", nil},
	"hosts":                 {"/etc", nil},
	"crontab":               {"/etc", nil},
	"sudoers":               {"/etc", nil},
	"mailname":              {"/etc", nil},
	"environment":           {"/etc", nil},
}

// wellKnown returns the home of the well-known file name: its directory
// as the tutorial names it (with the version it names), when the tutorial
// installs its server or names a path in that directory; "" otherwise.
func (s *Story) wellKnown(name string) string {
	h, ok := homes[name]
	if !ok {
		return ""
	}
	if !strings.Contains(h.dir, "*") {
		if s.seenDirs[h.dir] || h.packages == nil || s.installedAny(h.packages) {
			return path.Join(h.dir, name)
		}
		return ""
	}
	var match []string
	for d := range s.seenDirs {
		if ok, _ := path.Match(h.dir, d); ok {
			match = append(match, d)
		}
	}
	if len(match) != 1 {
		return "" // none, or several versions: not clear
	}
	return path.Join(match[0], name)
}

func (s *Story) installedAny(pkgs []string) bool {
	for _, p := range pkgs {
		if s.installed[p] {
			return true
		}
	}
	return false
}
