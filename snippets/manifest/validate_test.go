package manifest

import (
	"strings"
	"testing"
)

const zeroSum = "0000000000000000000000000000000000000000000000000000000000000000"

func TestValidate(t *testing.T) {
	good := func() *Manifest {
		return &Manifest{
			Client: "acme",
			Files: []File{
				{Path: "/etc/postfix/smtp_auth", Kind: KindFile, Mode: "0640", Owner: "root", Group: "postfix", SHA256: zeroSum},
				{Path: "/etc/postfix/main.cf", Kind: KindFragment, SHA256: zeroSum, Comment: "#", After: "# TLS"},
				{Path: "/srv/it's a \"dir\"/$x `y`\nz", Kind: KindFile, SHA256: zeroSum},
			},
			Dirs:  []Dir{{Path: "/etc/opt/acme", Mode: "750", Owner: "root", Group: "acme"}},
			Links: []Link{{Path: "/etc/nginx/sites-enabled/acme", Target: "../sites-available/acme"}},
		}
	}
	if err := good().Validate(); err != nil {
		t.Fatalf("valid manifest: %v", err)
	}
	for _, c := range []struct {
		name string
		edit func(m *Manifest)
		want string
	}{
		{"relative path", func(m *Manifest) { m.Files[0].Path = "etc/x" },
			`manifest: file "etc/x": is not absolute`},
		{"dot dot", func(m *Manifest) { m.Files[0].Path = "/etc/../x" },
			`manifest: file "/etc/../x": has a ".." segment`},
		{"dot", func(m *Manifest) { m.Dirs[0].Path = "/etc/./x" },
			`manifest: directory "/etc/./x": has a "." segment`},
		{"double slash", func(m *Manifest) { m.Links[0].Path = "/etc//x" },
			`manifest: link "/etc//x": has an empty segment (a double or final slash)`},
		{"final slash", func(m *Manifest) { m.Dirs[0].Path = "/etc/x/" },
			`manifest: directory "/etc/x/": has an empty segment (a double or final slash)`},
		{"root", func(m *Manifest) { m.Files[0].Path = "/" },
			`manifest: file "/": is the root directory`},
		{"NUL", func(m *Manifest) { m.Files[0].Path = "/etc/a\x00b" },
			`manifest: file "/etc/a\x00b": holds a NUL byte`},
		{"kind", func(m *Manifest) { m.Files[0].Kind = "dir" },
			`manifest: file "/etc/postfix/smtp_auth": kind "dir" is not "file", "fragment" or "edit"`},
		{"digest", func(m *Manifest) { m.Files[0].SHA256 = "abc" },
			`manifest: file "/etc/postfix/smtp_auth": sha256 "abc" is not 64 hex digits`},
		{"mode", func(m *Manifest) { m.Files[0].Mode = "u=rw" },
			`manifest: file "/etc/postfix/smtp_auth": mode "u=rw" is not octal, such as "0640"`},
		{"dir mode", func(m *Manifest) { m.Dirs[0].Mode = "99" },
			`manifest: directory "/etc/opt/acme": mode "99" is not octal, such as "0750"`},
		{"owner", func(m *Manifest) { m.Files[0].Owner = "root; rm -rf /" },
			`manifest: file "/etc/postfix/smtp_auth": owner "root; rm -rf /" is not a user name`},
		{"group", func(m *Manifest) { m.Dirs[0].Group = "-g" },
			`manifest: directory "/etc/opt/acme": group "-g" is not a group name`},
		{"anchor with newline", func(m *Manifest) { m.Files[1].After = "a\nb" },
			`manifest: fragment "/etc/postfix/main.cf": after "a\nb" holds a NUL byte or a line break`},
		{"both anchors", func(m *Manifest) { m.Files[1].Before = "x" },
			`manifest: fragment "/etc/postfix/main.cf": has both before "x" and after "# TLS"; give one`},
		{"anchor on a whole file", func(m *Manifest) { m.Files[0].Before = "x" },
			`manifest: file "/etc/postfix/smtp_auth": comment, before and after are for fragments only`},
		{"empty target", func(m *Manifest) { m.Links[0].Target = "" },
			`manifest: link "/etc/nginx/sites-enabled/acme": has no target`},
		{"target with newline", func(m *Manifest) { m.Links[0].Target = "a\nb" },
			`manifest: link "/etc/nginx/sites-enabled/acme": target "a\nb" holds a NUL byte or a line break`},
		{"same path twice", func(m *Manifest) { m.Links[0].Path = "/etc/postfix/main.cf" },
			`manifest: link "/etc/postfix/main.cf": already listed as a fragment`},
		{"inside a file", func(m *Manifest) { m.Dirs[0].Path = "/etc/postfix/smtp_auth/d" },
			`manifest: directory "/etc/postfix/smtp_auth/d": is inside "/etc/postfix/smtp_auth", which is a file`},
		{"several problems", func(m *Manifest) { m.Files[0].Path = "x"; m.Links[0].Target = "" },
			"manifest: file \"x\": is not absolute\nmanifest: link \"/etc/nginx/sites-enabled/acme\": has no target"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := good()
			c.edit(m)
			err := m.Validate()
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != c.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, c.want)
			}
		})
	}
}

func TestInvalidManifestScript(t *testing.T) {
	m := &Manifest{Files: []File{{Path: "etc/x", Kind: KindFile, SHA256: zeroSum}}}
	s := string(m.InstallScript())
	if !strings.Contains(s, `printf '%s\n' 'install.sh: manifest: file "etc/x": is not absolute' >&2`) ||
		!strings.HasSuffix(s, "exit 1\n") || strings.Contains(s, "install_file") {
		t.Errorf("script for an invalid manifest:\n%s", s)
	}
}

func TestMarkers(t *testing.T) {
	for _, c := range []struct{ comment, label, begin, end string }{
		{"", "shop/acme", "# BEGIN tailor shop/acme", "# END tailor shop/acme"},
		{"#", "acme", "# BEGIN tailor acme", "# END tailor acme"},
		{"//", "shop/acme", "// BEGIN tailor shop/acme", "// END tailor shop/acme"},
		{";", "shop/acme", "; BEGIN tailor shop/acme", "; END tailor shop/acme"},
		{"--", "shop/acme", "-- BEGIN tailor shop/acme", "-- END tailor shop/acme"},
		{"<!--", "shop/acme", "<!-- BEGIN tailor shop/acme -->", "<!-- END tailor shop/acme -->"},
		{"/*", "shop/acme", "/* BEGIN tailor shop/acme */", "/* END tailor shop/acme */"},
		{"#", "", "# BEGIN tailor", "# END tailor"},
	} {
		b, e := Markers(c.comment, c.label)
		if b != c.begin || e != c.end {
			t.Errorf("Markers(%q, %q) = %q, %q; want %q, %q", c.comment, c.label, b, e, c.begin, c.end)
		}
	}
}

func TestLabel(t *testing.T) {
	for _, c := range []struct{ project, client, want string }{
		{"deploying-django", "acme", "deploying-django/acme"},
		{"", "acme", "acme"},
		{"a b", "c*/ -->d", "a-b/c------d"},
	} {
		m := &Manifest{Project: c.project, Client: c.client}
		if got := m.Label(); got != c.want {
			t.Errorf("Label of %q, %q = %q, want %q", c.project, c.client, got, c.want)
		}
	}
}

func TestIsMarker(t *testing.T) {
	for _, c := range []struct {
		line, comment string
		want          bool
	}{
		{"# BEGIN tailor", "#", true},
		{"  # END tailor other/x ", "#", true},
		{"<!-- BEGIN tailor a/b -->", "<!--", true},
		{"# BEGIN tailored", "#", false},
		{"# BEGIN tailor", ";", false},
		{"<!-- BEGIN tailor a/b", "<!--", false},
		{"x = 1 # BEGIN tailor", "#", false},
	} {
		if got := IsMarker(c.line, c.comment); got != c.want {
			t.Errorf("IsMarker(%q, %q) = %v", c.line, c.comment, got)
		}
	}
}

func TestOctal4(t *testing.T) {
	for in, want := range map[string]string{"": "", "640": "0640", "0640": "0640", "2750": "2750", "750": "0750"} {
		if got := octal4(in); got != want {
			t.Errorf("octal4(%q) = %q, want %q", in, got, want)
		}
	}
}
