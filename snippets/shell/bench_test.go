package shell

import (
	"strconv"
	"strings"
	"testing"
)

// benchBlock returns a block of n commands of the kinds tutorials have.
func benchBlock(n int) string {
	parts := []string{
		"cd /etc/nginx/sites-enabled",
		"sudo ln -s ../sites-available/$DOMAIN .",
		"mkdir -p /var/opt/$DJANGO_PROJECT/{media,static}",
		"chown -R $DJANGO_USER:$DJANGO_GROUP /var/opt/$DJANGO_PROJECT",
		"chmod u=rwx,g=rx,o= /etc/opt/$DJANGO_PROJECT",
		"echo \"$EMAIL_HOST $EMAIL_HOST_USER:$EMAIL_HOST_PASSWORD\" | sudo tee /etc/postfix/smtp_auth > /dev/null",
		"cat >> /etc/postfix/main.cf <<'EOF'\nsmtp_tls_security_level = encrypt\nsmtp_sasl_auth_enable = yes\nEOF",
		"apt-get install -y postfix && systemctl reload postfix",
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(parts[i%len(parts)])
		b.WriteByte('\n')
	}
	return b.String()
}

func BenchmarkAnalyze(b *testing.B) {
	for _, n := range []int{10, 1000, 10000} {
		text := benchBlock(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Analyze(text, "bash", new(State))
			}
		})
	}
}

func BenchmarkAnalyzeConsole(b *testing.B) {
	// Each command with a prompt, continuation prompts and a line of
	// output.
	var t strings.Builder
	for cmd := range strings.SplitSeq(strings.TrimSuffix(benchBlock(1000), "\n"), "\n") {
		if strings.HasPrefix(cmd, "smtp") || cmd == "EOF" {
			t.WriteString("> " + cmd + "\n")
			continue
		}
		t.WriteString("output line\n$ " + cmd + "\n")
	}
	text := t.String()
	if effs, notes := Analyze(text, "console", new(State)); len(effs) == 0 || len(notes) > 0 {
		b.Fatalf("%d effects, notes %v", len(effs), notes)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Analyze(text, "console", new(State))
	}
}

func BenchmarkLongHeredoc(b *testing.B) {
	text := "cat > /etc/x <<EOF\n" + strings.Repeat("key = $VALUE and some text\n", 100000) + "EOF\n"
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Analyze(text, "bash", new(State))
	}
}
