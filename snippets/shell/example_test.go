package shell_test

import (
	"fmt"

	"github.com/tailordocs/tailor/snippets/shell"
)

func ExampleAnalyze() {
	var st shell.State
	block := `cd /etc/nginx/sites-enabled
sudo ln -s ../sites-available/$DOMAIN .
chmod u=rw,g=r,o= /etc/postfix/smtp_auth
cat >> /etc/postfix/main.cf <<'EOF'
smtp_tls_security_level = encrypt
EOF
mkdir $(mktemp -d)/x
`
	effects, notes := shell.Analyze(block, "bash", &st)
	for _, e := range effects {
		fmt.Printf("%d:%d %s\n", e.Line, e.Col, e)
	}
	for _, n := range notes {
		fmt.Println(n)
	}
	fmt.Println("now in", st.Dir)
	// Output:
	// 1:1 cd /etc/nginx/sites-enabled
	// 2:1 symlink /etc/nginx/sites-enabled/$DOMAIN -> ../sites-available/$DOMAIN
	// 3:1 chmod /etc/postfix/smtp_auth mode=u=rw,g=r,o=
	// 4:1 append /etc/postfix/main.cf "smtp_tls_security_level = encrypt\n"
	// 7:1: mkdir: path "$(mktemp -d)/x" not known: it holds a command substitution
	// now in /etc/nginx/sites-enabled
}

func ExampleAnalyze_console() {
	session := `$ echo "$DOMAIN" | sudo tee /etc/mailname
example.com
`
	effects, _ := shell.Analyze(session, "console", nil)
	fmt.Printf("%s %q\n", effects[0].Path, effects[0].Content)
	// Output:
	// /etc/mailname "$DOMAIN\n"
}

func ExampleApplyMode() {
	m, _ := shell.ApplyMode("u=rw,g=r,o=", 0o644, false)
	fmt.Println(m)
	m, _ = shell.ApplyMode("a+rX,go-w", 0o700, true)
	fmt.Println(m)
	_, err := shell.ApplyMode("u+q", 0o644, false)
	fmt.Println(err)
	// Output:
	// -rw-r-----
	// -rwxr-xr-x
	// invalid mode "u+q"
}

func ExampleLooksLikeShell() {
	fmt.Println(shell.LooksLikeShell("apt install nginx-core\nservice nginx reload\n"))
	fmt.Println(shell.LooksLikeShell("DEBUG = False\n"))
	// Output:
	// true
	// false
}
