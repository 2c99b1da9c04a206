package generator

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestBuildValues builds a client given in memory: the output is all in
// the result, nothing is written, and a missing value fails the client
// with a message at the page.
func TestBuildValues(t *testing.T) {
	fsys := afero.NewMemMapFs()
	page := "Create file `/etc/app.conf` with the following contents:\n\n```\nuser = $APP_USER\nkey = $API_TOKEN\n```\n"
	afero.WriteFile(fsys, "t/app.md", []byte(page), 0o644)
	p, diags := Load(fsys, "t")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	vals, diags := p.Values("acme", map[string]string{"APP_USER": "acme", "API_TOKEN": "tok-1234567890"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	r := p.BuildValues(vals)
	if r.Failed() {
		t.Fatal(r.Diags)
	}
	if got := string(r.Files["rootfs/etc/app.conf"]); got != "user = acme\nkey = tok-1234567890\n" {
		t.Errorf("app.conf = %q", got)
	}
	if !bytes.HasPrefix(r.Files["manifest.json"], []byte("{\n  \"schema\": 1,\n  \"project\": \"tutorial\",\n  \"client\": \"acme\",")) {
		t.Errorf("manifest.json starts %.40q", r.Files["manifest.json"])
	}
	if m := r.Manifest(); m == nil || len(m.Files) != 1 || !m.Files[0].Secret || m.Files[0].Mode != "0600" {
		t.Errorf("manifest: %+v", m)
	}
	if bytes.Contains(r.Files["site/app.html"], []byte("tok-1234567890")) {
		t.Error("the site shows the secret")
	}
	var written []string
	afero.Walk(fsys, "t", func(name string, info fs.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			written = append(written, name)
		}
		return nil
	})
	if len(written) != 1 || written[0] != "t/app.md" {
		t.Errorf("files after the build: %q, want the page only", written)
	}

	vals, _ = p.Values("acme", map[string]string{"API_TOKEN": "tok-1234567890"})
	r = p.BuildValues(vals)
	if !r.Failed() || r.Files != nil || r.Manifest() != nil {
		t.Fatalf("a missing value built: %v", r.Diags)
	}
	if got := r.Diags.Err().Error(); !strings.Contains(got, "app.md:4:8: error: undefined placeholder $APP_USER") {
		t.Errorf("diagnostics:\n%s", got)
	}

	if r := p.BuildValues(nil); !r.Failed() {
		t.Error("nil values built")
	}
}
