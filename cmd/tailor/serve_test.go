package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServe serves a client's site from memory, built again when a page
// changes, and shows the errors while the build fails.
func TestServe(t *testing.T) {
	dir := project(t, map[string]string{
		"page.md":           "# Hello $NAME\n\nFirst text.\n",
		"clients/acme.toml": "NAME = \"acme\"\nDB_PASSWORD = \"s3cret-value\"\n",
	})
	var log bytes.Buffer
	srv := &siteServer{dir: dir, values: []string{filepath.Join(dir, "clients/acme.toml")}, log: &log}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	get := func(p string) (int, string) {
		t.Helper()
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		// a later time, whatever the file system's resolution
		later := time.Now().Add(time.Duration(len(data)) * time.Second)
		if err := os.Chtimes(p, later, later); err != nil {
			t.Fatal(err)
		}
	}

	if code, body := get("/page.html"); code != 200 || !strings.Contains(body, "First text.") || !strings.Contains(body, "acme") {
		t.Fatalf("GET /page.html: %d\n%s", code, body)
	}
	if code, body := get("/"); code != 200 || !strings.Contains(body, `href="page.html"`) {
		t.Errorf("GET /: %d\n%s", code, body)
	}
	if code, _ := get("/../../etc/passwd"); code != 404 {
		t.Errorf("a path out of the site: %d", code)
	}
	write("page.md", "# Hello $NAME\n\nSecond text, a little longer.\n")
	if code, body := get("/page.html"); code != 200 || !strings.Contains(body, "Second text") {
		t.Errorf("after an edit: %d\n%s", code, body)
	}
	write("page.md", "# Hello $NAME\n\n```ini {file=\"/etc/x\" op=frob}\npw = $DB_PASSWORD\n```\n")
	code, body := get("/page.html")
	if code != 500 || !strings.Contains(body, "unknown op") {
		t.Errorf("while the build fails: %d\n%s", code, body)
	}
	if strings.Contains(body+log.String(), "s3cret-value") {
		t.Error("a secret reached the failure page or the log")
	}
	write("page.md", "# Hello $NAME\n\nFixed at last, third text.\n")
	if code, body := get("/page.html"); code != 200 || !strings.Contains(body, "Fixed at last") {
		t.Errorf("after the fix: %d\n%s", code, body)
	}
}

func TestServeOneClient(t *testing.T) {
	dir := project(t, map[string]string{
		"page.md":           "# Hello\n",
		"clients/acme.toml": "",
		"clients/beta.toml": "",
	})
	code, _, stderr := tailor(t, nil, "serve", "-C", dir, "--values", filepath.Join(dir, "clients/*.toml"))
	if code != 2 || !strings.Contains(stderr, "--values matches 2 files; give the values file of one client") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}
