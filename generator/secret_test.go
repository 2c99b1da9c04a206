package generator

import (
	"html"
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
