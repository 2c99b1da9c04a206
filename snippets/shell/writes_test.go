package shell

import "testing"

func TestWrites(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "cat heredoc", text: "cat > /etc/x.conf <<EOF\nserver_name $DOMAIN;\nEOF\n", want: `
1:1 write /etc/x.conf "server_name $DOMAIN;\n"
`},
		{name: "cat heredoc before redirect", text: "cat <<EOF >/etc/x\na\nEOF", want: `
1:1 write /etc/x "a\n"
`},
		{name: "cat append quoted heredoc", text: "cat >> /etc/postfix/main.cf <<'EOF'\nrelayhost = [$EMAIL_HOST]:587\nx = \\$y `z`\nEOF\n", want: `
1:1 append /etc/postfix/main.cf "relayhost = [$EMAIL_HOST]:587\nx = \\$y ` + "`z`" + `\n"
`},
		{name: "double-quoted delimiter", text: "cat > /a <<\"END\"\n$x\nEND", want: `
1:1 write /a "$x\n"
`},
		{name: "escaped delimiter", text: "cat > /a <<\\EOF\n\\$x\nEOF", want: `
1:1 write /a "\\$x\n"
`},
		{name: "unquoted heredoc escapes", text: "cat > /a <<EOF\nprice \\$5 \\\\ back\\\ntick \\`\nEOF",
			want: "\n1:1 write /a \"price $5 \\\\ backtick `\\n\"\n"},
		{name: "unquoted heredoc keeps placeholders", text: "cat > /a <<EOF\n${DOMAIN}_x $DOMAIN\nEOF", want: `
1:1 write /a "${DOMAIN}_x $DOMAIN\n"
`},
		{name: "unquoted heredoc expands the block's variables", text: "PORT=8000\ncat > /a <<EOF\nbind $PORT\nEOF", want: `
2:1 write /a "bind 8000\n"
`},
		{name: "unquoted heredoc with shell expansions", text: "cat > /a <<EOF\nhost $host; date $(date) n $((1+2)) home $HOME\nEOF", want: `
1:1 write /a "host $host; date $(date) n $((1+2)) home $HOME\n"
note 1:1: here-document body: the shell expands "$host", kept as written; quote the delimiter (<<'EOF') to keep it as it is
note 1:1: here-document body: the shell runs "$(date)", kept as written; quote the delimiter (<<'EOF') to keep it as it is
note 1:1: here-document body: the shell computes "$((1+2))", kept as written; quote the delimiter (<<'EOF') to keep it as it is
note 1:1: here-document body: the shell expands "$HOME", kept as written; quote the delimiter (<<'EOF') to keep it as it is
`},
		{name: "dash heredoc strips tabs", text: "if true; then\n\tcat > /a <<-EOF\n\t\tindented\n\t  two\n\tEOF\nfi", want: `
2:2 write /a "indented\n  two\n" (conditional)
note 1:1: commands inside "if" run only when its condition holds
`},
		{name: "empty heredoc", text: "cat > /a <<EOF\nEOF\ntouch /b", want: `
1:1 write /a ""
3:1 touch /b
`},
		{name: "two heredocs", text: "cat > /a <<A; cat > /b <<B\none\nA\ntwo\nB", want: `
1:1 write /a "one\n"
1:15 write /b "two\n"
`},
		{name: "heredoc at end without newline", text: "cat > /a <<EOF\nx\nEOF", want: `
1:1 write /a "x\n"
`},
		{name: "tee heredoc", text: "sudo tee /etc/x >/dev/null <<'EOF'\nk = v\nEOF", want: `
1:1 write /etc/x "k = v\n"
`},
		{name: "cat heredoc into sudo tee", text: "cat <<'EOF' | sudo -u www-data tee /srv/x/.env\nKEY=$SECRET_KEY\nEOF\n", want: `
1:1 write /srv/x/.env owner=www-data group=(login group) "KEY=$SECRET_KEY\n"
`},
		{name: "tee append", text: "tee -a /etc/x <<EOF\nk = v\nEOF", want: `
1:1 append /etc/x "k = v\n"
`},
		{name: "tee several files", text: "echo x | tee /a /b /dev/null", want: `
1:1 write /a "x\n"
1:1 write /b "x\n"
`},
		{name: "echo pipe sudo tee", text: "echo \"$EMAIL_HOST $EMAIL_HOST_USER:$EMAIL_HOST_PASSWORD\" | sudo tee /etc/postfix/smtp_auth", want: `
1:1 write /etc/postfix/smtp_auth "$EMAIL_HOST $EMAIL_HOST_USER:$EMAIL_HOST_PASSWORD\n"
`},
		{name: "printf pipe tee -a", text: "printf 'a\\tb\\n' | sudo tee -a /etc/x > /dev/null", want: `
1:1 append /etc/x "a\tb\n"
`},
		{name: "tee content not known", text: "openssl rand -hex 16 | tee /etc/secret", want: `
note 1:1: content written to "/etc/secret" not known: it is the output of "openssl"
`},
		{name: "echo redirect", text: "echo 'DEBUG = False' >> /etc/opt/x/settings.py", want: `
1:1 append /etc/opt/x/settings.py "DEBUG = False\n"
`},
		{name: "echo words", text: "echo  a   b \"c  d\" > /a", want: `
1:1 write /a "a b c  d\n"
`},
		{name: "echo -n", text: "echo -n x > /a", want: `
1:1 write /a "x"
`},
		{name: "echo -e", text: `echo -e 'a\tb\nc\x41\0101' > /a`, want: `
1:1 write /a "a\tb\ncAA\n"
`},
		{name: "echo -e stop", text: `echo -e 'a\cb' > /a`, want: `
1:1 write /a "a"
`},
		{name: "echo without -e keeps escapes", text: `echo 'a\tb' > /a`, want: `
1:1 write /a "a\\tb\n"
`},
		{name: "echo dash is text", text: `echo -x - > /a`, want: `
1:1 write /a "-x -\n"
`},
		{name: "echo glob is text", text: `echo Ready? > /a`, want: `
1:1 write /a "Ready?\n"
`},
		{name: "echo not known", text: "echo $(hostname) > /etc/mailname", want: `
note 1:1: content written to "/etc/mailname" not known: it is the output of echo, and "$(hostname)" holds a command substitution
`},
		{name: "printf", text: `printf '%s\n' "$DOMAIN" "www.$DOMAIN" > /a`, want: `
1:1 write /a "$DOMAIN\nwww.$DOMAIN\n"
`},
		{name: "printf escapes", text: `printf 'x=%d%%\101\n' 42 > /a`, want: `
1:1 write /a "x=42%A\n"
`},
		{name: "printf %b", text: `printf '%b|%c' 'a\nb' xyz > /a`, want: `
1:1 write /a "a\nb|x"
`},
		{name: "printf width", text: `printf '%5s' x > /a`, want: `
note 1:1: content written to "/a" not known: it is the output of printf with the format "%5s"
`},
		{name: "printf -v", text: `printf -v x '%s' a; echo $x > /a`, want: `
note 1:21: content written to "/a" not known: it is the output of echo, and "$x" uses $x, which printf sets
`},
		{name: "truncate", text: "> /var/log/x.log\n: > /var/log/y.log\ntrue > /z", want: `
1:1 write /var/log/x.log ""
2:1 write /var/log/y.log ""
3:1 write /z ""
`},
		{name: "cat a file", text: "cat /etc/a > /etc/b", want: `
note 1:1: content written to "/etc/b" not known: it is the content of "/etc/a"
`},
		{name: "output of a command", text: "openssl rand -base64 32 > /etc/key", want: `
note 1:1: content written to "/etc/key" not known: it is the output of "openssl"
`},
		{name: "here-string", text: `tee /a <<< "$DOMAIN"`, want: `
1:1 write /a "$DOMAIN\n"
`},
		{name: "block output", text: "{ echo a; echo b; } > /a", want: `
1:1 write /a "a\nb\n"
`},
		{name: "two redirections", text: "echo a > /a > /b", want: `
1:1 write /a ""
1:1 write /b "a\n"
`},
		{name: "output sent elsewhere", text: "echo a > /a >&2", want: `
1:1 write /a ""
`},
		{name: "stderr to a file", text: "echo a 2> /a", want: `
note 1:1: content written to "/a" not known: it is what file descriptor 2 gets
`},
		{name: "stderr to stdout", text: "echo a > /a 2>&1", want: `
1:1 write /a "a\n"
`},
		{name: "all output", text: "echo a &> /a; echo b &>> /b", want: `
1:1 write /a "a\n"
1:15 append /b "b\n"
`},
		{name: "devices are no files", text: "echo 1 > /proc/sys/net/ipv4/ip_forward; echo x > /dev/null", want: ""},
		{name: "relative target", dir: "/etc", text: "echo x > hostname", want: `
1:1 write /etc/hostname "x\n"
`},
		{name: "target not known", text: "echo x > $(mktemp)", want: `
note 1:1: redirection: path "$(mktemp)" not known: it holds a command substitution
`},
		{name: "input from a file", text: "tee /b < /a", want: `
note 1:1: content written to "/b" not known: it reads "/a"
`},
	})
}

func TestQuoting(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "single quotes", text: "mkdir '/srv/a b'", want: `
1:1 mkdir /srv/a b
`},
		{name: "double quotes with placeholder", text: `mkdir "/etc/$DOMAIN"`, want: `
1:1 mkdir /etc/$DOMAIN
`},
		{name: "braced placeholder", text: `touch "/etc/apache2/sites-available/${DOMAIN}.conf"`, want: `
1:1 touch /etc/apache2/sites-available/$DOMAIN.conf
`},
		{name: "braces kept before a name character", text: `touch /etc/${DOMAIN}_backup /etc/$DOMAIN"_x"`, want: `
1:1 touch /etc/${DOMAIN}_backup
1:1 touch /etc/${DOMAIN}_x
`},
		{name: "adjacent placeholders", text: `touch /etc/$A$B`, want: `
1:1 touch /etc/$A$B
`},
		{name: "placeholder in single quotes", text: `touch '/etc/$DOMAIN'`, want: `
1:1 touch /etc/$DOMAIN
`},
		{name: "escapes", text: `touch /a\ b "/c\"d" "/e\f" /g\\h`, want: `
1:1 touch /a b
1:1 touch /c"d
1:1 touch /e\f
1:1 touch /g\h
`},
		{name: "mixed quoting", text: `touch /etc/"$DOMAIN"'.conf'.bak`, want: `
1:1 touch /etc/$DOMAIN.conf.bak
`},
		{name: "dollar single quotes", text: `touch $'/a\tb'`, want: `
note 1:1: touch: path "$'/a\\tb'" not known: it uses $'...' escapes
`},
		{name: "command substitution", text: `touch "$(pwd)/x"`, want: `
note 1:1: touch: path "\"$(pwd)/x\"" not known: it holds a command substitution
`},
		{name: "backquotes", text: "touch /x/`hostname`", want: `
note 1:1: touch: path "/x/` + "`hostname`" + `" not known: it holds a command substitution
`},
		{name: "arithmetic", text: `touch /x/$((1+1))`, want: `
note 1:1: touch: path "/x/$((1+1))" not known: it holds an arithmetic expansion
`},
		{name: "lower-case variable", text: `touch /x/$name`, want: `
note 1:1: touch: path "/x/$name" not known: it uses $name, which this block does not set
`},
		{name: "expansion with an operator", text: `touch /x/${DOMAIN:-example.com}`, want: `
note 1:1: touch: path "/x/${DOMAIN:-example.com}" not known: it uses "${DOMAIN:-example.com}"
`},
		{name: "positional parameter", text: `touch /x/$1`, want: `
note 1:1: touch: path "/x/$1" not known: it uses "$1"
`},
		{name: "system variable", text: `touch $HOME/.profile`, want: `
note 1:1: touch: path "$HOME/.profile" not known: it uses $HOME, which depends on the system
`},
		{name: "assigned variable", text: "DIR=/etc/x; mkdir $DIR; mkdir \"$DIR/y\"", want: `
1:13 mkdir /etc/x
1:25 mkdir /etc/x/y
`},
		{name: "assigned lower-case variable", text: "conf=/etc/x.conf\ntouch $conf", want: `
2:1 touch /etc/x.conf
`},
		{name: "assigned from a placeholder", text: "SITE=$DOMAIN\ntouch /etc/nginx/sites-available/$SITE /etc/${SITE}_x", want: `
2:1 touch /etc/nginx/sites-available/$DOMAIN
2:1 touch /etc/${DOMAIN}_x
`},
		{name: "export", text: "export CONF=/etc/x\ntouch $CONF", want: `
2:1 touch /etc/x
`},
		{name: "append assignment", text: "D=/etc; D+=/x; touch $D", want: `
1:16 touch /etc/x
`},
		{name: "assigned from a command", text: "D=$(pwd)\ntouch $D/x", want: `
note 2:1: touch: path "$D/x" not known: it uses $D, which is set to "$(pwd)"
`},
		{name: "command prefix assignment is not kept", text: "D=/a touch /x\ntouch $D", want: `
1:1 touch /x
note 2:1: touch: path "$D" not known: it is relative and the current directory is not known
`},
		{name: "unquoted value with blanks", text: "D='/a b'\ntouch $D\ntouch \"$D\"", want: `
3:1 touch /a b
note 2:1: touch: path "$D" not known: it uses $D unquoted, which the shell splits or globs
`},
		{name: "read", text: "read -r -p 'name? ' NAME\ntouch /x/$NAME", want: `
note 2:1: touch: path "/x/$NAME" not known: it uses $NAME, which read sets
`},
		{name: "subshell assignment does not outlive it", text: "D=/a; (D=/b; touch $D); touch $D", want: `
1:14 touch /b
1:25 touch /a
`},
		{name: "conditional assignment", text: "D=/a; if true; then D=/b; fi; touch $D", want: `
note 1:31: touch: path "$D" not known: it uses $D, which is set inside a conditional command
`},
		{name: "arithmetic assignment", text: "n=1; ((n++)); touch /x/$n", want: `
note 1:15: touch: path "/x/$n" not known: it uses $n, which is computed
`},
	})
}

func TestControlFlow(t *testing.T) {
	runAnalyzeCases(t, []analyzeCase{
		{name: "and", text: "mkdir /a && touch /a/b", want: `
1:1 mkdir /a
1:13 touch /a/b
`},
		{name: "or", text: "mkdir /a || touch /b", want: `
1:1 mkdir /a
1:13 touch /b (conditional)
note 1:10: commands inside "||" run only when its condition holds
`},
		{name: "if", text: "if [ ! -d /a ]; then\n  mkdir /a\nelif true; then\n  touch /b\nelse\n  touch /c\nfi", want: `
2:3 mkdir /a (conditional)
4:3 touch /b (conditional)
6:3 touch /c (conditional)
note 1:1: commands inside "if" run only when its condition holds
`},
		{name: "if condition runs", text: "if mkdir /a; then :; fi", want: `
1:4 mkdir /a
`},
		{name: "for unrolled", text: "for site in $DOMAIN www.$DOMAIN; do\n  ln -s /etc/nginx/sites-available/$site /etc/nginx/sites-enabled/$site\ndone", want: `
2:3 symlink /etc/nginx/sites-enabled/$DOMAIN -> /etc/nginx/sites-available/$DOMAIN
2:3 symlink /etc/nginx/sites-enabled/www.$DOMAIN -> /etc/nginx/sites-available/www.$DOMAIN
`},
		{name: "for with brace items", text: "for d in /srv/{a,b}; do mkdir $d; done", want: `
1:25 mkdir /srv/a
1:25 mkdir /srv/b
`},
		{name: "for not known", text: "for f in /etc/x/*.conf; do chmod 600 $f; done", want: `
note 1:28: chmod: path "$f" not known: it uses $f, the variable of a loop whose items are not known
`},
		{name: "nested for is not unrolled twice", text: "for a in x y; do for b in 1 2; do touch /$a$b; done; done", want: `
note 1:35: touch: path "/$a$b" not known: it uses $b, the variable of a loop whose items are not known
note 1:35: touch: path "/$a$b" not known: it uses $b, the variable of a loop whose items are not known
`},
		{name: "for without items", text: "for d in; do touch /x; done", want: ""},
		{name: "while", text: "while read -r line; do touch /a; done < /list", want: `
1:24 touch /a (conditional)
note 1:1: commands inside "while" run only when its condition holds
`},
		{name: "case", text: "case $X in a) touch /a;; *) touch /b;; esac", want: `
1:15 touch /a (conditional)
1:29 touch /b (conditional)
note 1:1: commands inside "case" run only when its condition holds
`},
		{name: "function", text: "setup() { mkdir /a; }\nsetup", want: `
note 1:1: function "setup": its body is not analysed
`},
		{name: "background", text: "touch /a &", want: `
1:1 touch /a
`},
		{name: "negated", text: "! touch /a", want: `
1:1 touch /a
`},
		{name: "test clause", text: "[[ -d /a ]] && touch /a/b", want: `
1:16 touch /a/b (conditional)
note 1:13: commands inside "&&" run only when its condition holds
`},
		{name: "grep -q guard", text: "grep -q '^x' /a || echo x >> /a\n[ -f /b ] && echo y > /c\nmkdir -p /d && echo z > /d/e", want: `
1:20 append /a "x\n" (conditional)
2:14 write /c "y\n" (conditional)
3:1 mkdir /d parents
3:16 write /d/e "z\n"
note 1:17: commands inside "||" run only when its condition holds
note 2:11: commands inside "&&" run only when its condition holds
`},
		{name: "comments", text: "# make the dir\nmkdir /a # here", want: `
2:1 mkdir /a
`},
	})
}
