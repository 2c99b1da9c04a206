package generator

import (
	"bytes"
	"html"
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/values"
)

// TestLeaksGuard: the last guard before the docs are written finds a
// secret of letters only and one escaped for HTML, and lets a word of the
// tutorial be.
func TestLeaksGuard(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "c.toml", []byte("WORD_PASSWORD = \"swordfish\"\nDB_PASSWORD = \"a<b&c>d-42\"\n"), 0o644)
	vals, diags := values.Load(fsys, "c.toml", values.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	page := &content.Doc{File: content.NewFile("page.md", []byte("Choose a password, not swordfish.\n"))}
	for _, tc := range []struct {
		name, site, want string
	}{
		{"clean", "<p>Choose a password, not swordfish.</p>", ""},
		{"letters only", "<p>" + sentinel("WORD_PASSWORD") + "</p>", "WORD_PASSWORD"},
		{"escaped for HTML", "<p>" + html.EscapeString("a<b&c>d-42") + "</p>", "DB_PASSWORD"},
	} {
		files := map[string][]byte{"site/page.html": []byte(tc.site)}
		got := leaks(files, vals, []*content.Doc{page}).String()
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, "the secret value of "+tc.want+" would show in site/page.html") {
			t.Errorf("%s: %q", tc.name, got)
		}
	}
}

// TestSecretInPathKeepsScriptPrivate: a secret value in a path makes
// manifest.json, install.sh and the rootfs/ tree that names it readable
// by their owner only, and the script masks it in what it prints; a
// secret in a file's content makes the manifest and the script, which
// hold the file's SHA-256, private, not the tree; a file without a
// secret none of them.
func TestSecretInPathKeepsScriptPrivate(t *testing.T) {
	for _, tc := range []struct {
		page                   string
		manifest, script, tree os.FileMode
		masks                  bool
	}{
		{"Create file `/etc/keys/$API_TOKEN.pub` with the following contents:\n\n```\nkey\n```\n", 0o600, 0o700, 0o700, true},
		{"Create file `/etc/app.conf` with the following contents:\n\n```\ntoken = $API_TOKEN\n```\n", 0o600, 0o700, 0, false},
		{"Add the following to `/etc/app.conf`:\n\n```ini\ntoken = $API_TOKEN\n```\n", 0o600, 0o700, 0, false},
		{"Create file `/etc/app.conf` with the following contents:\n\n```\nname = app\n```\n", 0, 0o755, 0, false},
	} {
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, "page.md", []byte("# Keys\n\n"+tc.page), 0o644)
		afero.WriteFile(fsys, "clients/acme.toml", []byte("API_TOKEN = \"Tq9-private\"\n"), 0o644)
		p, diags := Load(fsys, ".")
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		r := p.Build(Options{DryRun: true}).Clients[0]
		if r.Failed() {
			t.Fatal(r.Diags)
		}
		if r.Modes["manifest.json"] != tc.manifest || r.Modes["install.sh"] != tc.script || r.Modes["rootfs"] != tc.tree {
			t.Errorf("%.40q: manifest.json %o, install.sh %o, rootfs %o; want %o, %o, %o", tc.page, r.Modes["manifest.json"], r.Modes["install.sh"], r.Modes["rootfs"], tc.manifest, tc.script, tc.tree)
		}
		if masks := strings.Contains(string(r.Files["install.sh"]), "tailor_mask"); masks != tc.masks {
			t.Errorf("%.40q: install.sh masks its output: %v", tc.page, masks)
		}
	}
}

// FuzzNeedle: counting a needle by its rarest byte counts as bytes.Count
// does, overlaps and edges included.
func FuzzNeedle(f *testing.F) {
	for _, c := range [][2]string{{"aaaa", "aa"}, {"secret-1 secret-12", "secret-1"}, {"x", "xyz"}, {"tailorsentinelQ", "tailorsentinelQ"}, {"", "a"}, {"abcabc", "cab"}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, s, text string) {
		if text == "" {
			return
		}
		if got, want := newNeedle([]byte(text)).count([]byte(s)), bytes.Count([]byte(s), []byte(text)); got != want {
			t.Errorf("count(%q, %q) = %d, want %d", s, text, got, want)
		}
	})
}
