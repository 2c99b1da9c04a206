package values

// builtins are shell and environment variables that are never
// placeholders: "$HOME" in a tutorial means the reader's home, and
// "${APACHE_LOG_DIR}" in an Apache configuration is Debian's, from
// /etc/apache2/envvars.
var builtins = map[string]bool{
	"APACHE_LOCK_DIR": true, "APACHE_LOG_DIR": true, "APACHE_PID_FILE": true,
	"APACHE_RUN_DIR": true, "APACHE_RUN_GROUP": true, "APACHE_RUN_USER": true,
	"BASH": true, "BASHPID": true, "BASH_SOURCE": true, "BASH_VERSION": true,
	"CDPATH": true, "COLUMNS": true, "DISPLAY": true, "EDITOR": true,
	"EUID": true, "GOPATH": true, "GOROOT": true, "GROUPS": true,
	"HISTFILE": true, "HOME": true, "HOSTNAME": true, "HOSTTYPE": true,
	"IFS": true, "JAVA_HOME": true, "LANG": true, "LANGUAGE": true,
	"LC_ALL": true, "LC_CTYPE": true, "LD_LIBRARY_PATH": true,
	"LD_PRELOAD": true, "LINENO": true, "LINES": true, "LOGNAME": true,
	"MAIL": true, "MANPATH": true, "OLDPWD": true, "OPTARG": true,
	"OPTIND": true, "OSTYPE": true, "PAGER": true, "PATH": true,
	"PIPESTATUS": true, "PPID": true, "PS1": true, "PS2": true, "PS4": true,
	"PWD": true, "PYTHONPATH": true, "RANDOM": true, "REPLY": true,
	"SECONDS": true, "SHELL": true, "SHLVL": true, "SSH_AUTH_SOCK": true,
	"SSH_CLIENT": true, "SSH_CONNECTION": true, "SSH_TTY": true,
	"SUDO_GID": true, "SUDO_UID": true, "SUDO_USER": true, "TERM": true,
	"TMPDIR": true, "TZ": true, "UID": true, "USER": true, "VIRTUAL_ENV": true,
	"VISUAL": true, "XDG_CONFIG_HOME": true, "XDG_DATA_HOME": true,
	"XDG_RUNTIME_DIR": true,
}

// IsBuiltin reports whether name is a well-known shell or environment
// variable (HOME, PATH, USER, PWD, ...), which is never a placeholder.
func IsBuiltin(name string) bool { return builtins[name] }
