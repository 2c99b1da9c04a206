package lang

// registry lists every language tailor knows. A new language, or a new
// name for one, is an entry here.
var registry = []*Lang{
	// commands
	{Name: "sh", Family: Shell, Comment: "#", Exts: []string{".sh", ".bash"},
		Aliases: []string{"bash", "shell", "zsh", "ksh", "mksh", "dash", "ash", "posix", "shell-script", "shellscript", "bash-script", "sh-script", "bats"}},
	{Name: "console", Family: Console, Comment: "#",
		Aliases: []string{"shell-session", "shellsession", "sh-session", "bash-session", "bashsession", "zsh-session", "terminal", "shell_session"}},
	{Name: "pycon", Family: Session, Comment: "#"},
	{Name: "doscon", Family: Session, Comment: "#"},
	{Name: "pwsh-session", Family: Session, Comment: "#", Aliases: []string{"ps1con"}},
	{Name: "psql", Family: Session, Comment: "--"},
	{Name: "output", Family: Output, Comment: "#"},

	// configuration and code
	{Name: "python", Family: Python, Comment: "#", Exts: []string{".py"}, OneKind: true, BareEllipsis: true,
		Aliases: []string{"py", "python3"}},
	{Name: "django", Family: Python, Comment: "#"},
	{Name: "ini", Family: INI, Comment: ";", Exts: []string{".ini", ".cfg"}, Aliases: []string{"dosini"}},
	{Name: "cfg", Family: INI, Comment: "#", Aliases: []string{"conf"}},
	{Name: "toml", Family: TOML, Comment: "#", Exts: []string{".toml"}},
	{Name: "yaml", Family: YAML, Comment: "#", Exts: []string{".yml", ".yaml"}, BareEllipsis: true, Aliases: []string{"yml"}},
	{Name: "json", Family: JSON, Comment: "", Exts: []string{".json"}},
	{Name: "javascript", Family: JS, Comment: "//", Exts: []string{".js", ".ts"}, OneKind: true, Aliases: []string{"js"}},
	{Name: "typescript", Family: JS, Comment: "//", Aliases: []string{"ts"}},
	{Name: "json5", Family: Code, Comment: "//"},
	{Name: "nginx", Family: Nginx, Comment: "#", OneKind: true},
	{Name: "apache", Family: Apache, Comment: "#", OneKind: true, Vars: apacheVars, Aliases: []string{"apacheconf"}},
	{Name: "systemd", Family: Systemd, Comment: "#", Exts: []string{".service", ".socket", ".timer", ".target", ".mount", ".path"}, Vars: systemdVars},
	{Name: "crontab", Family: Crontab, Comment: "#", Vars: crontabVars},
	{Name: "php", Family: PHP, Comment: "//", Exts: []string{".php"}, OneKind: true, Vars: sigilVars},
	{Name: "html", Family: HTML, Comment: "<!--", Exts: []string{".html", ".htm", ".xml", ".svg"}},
	{Name: "xml", Family: XML, Comment: "<!--", Aliases: []string{"svg"}},
	{Name: "htmldjango", Family: Plain, Comment: "<!--", Aliases: []string{"jinja"}},
	{Name: "markdown", Family: Markdown, Comment: "<!--", Aliases: []string{"md"}},
	{Name: "css", Family: CSS, Comment: "/*", Exts: []string{".css", ".scss"}, OneKind: true},
	{Name: "scss", Family: CSS, Comment: "/*", Aliases: []string{"less"}},
	{Name: "vim", Family: Vim, Comment: `"`, Exts: []string{".vim"}, Aliases: []string{"viml"}},
	{Name: "sql", Family: SQL, Comment: "--", Exts: []string{".sql"}, Aliases: []string{"postgresql", "mysql"}},
	{Name: "lua", Family: Code, Comment: "--", Exts: []string{".lua"}, OneKind: true},
	{Name: "haskell", Family: Code, Comment: "--"},
	{Name: "ruby", Family: Code, Comment: "#", OneKind: true, Aliases: []string{"rb"}},
	{Name: "perl", Family: Code, Comment: "#", OneKind: true, Vars: sigilVars},
	{Name: "c", Family: Code, Comment: "//", Aliases: []string{"cpp", "go", "java", "rust"}},
}

// pathRules tell a file's language from its name or directory when its
// extension does not, in order.
var pathRules = []struct{ base, prefix, lang string }{
	{base: ".vimrc", lang: "vim"},
	{base: "vimrc", lang: "vim"},
	{base: ".gvimrc", lang: "vim"},
	{prefix: "/etc/nginx/", lang: "nginx"},
	{prefix: "/etc/apache2/", lang: "apache"},
	{prefix: "/etc/httpd/", lang: "apache"},
	{prefix: "/etc/systemd/", lang: "systemd"},
	{prefix: "/etc/cron.d/", lang: "crontab"},
	{base: "crontab", lang: "crontab"},
	{prefix: "/var/spool/cron/", lang: "crontab"},
}
