package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a log written by the server's watcher and read by the
// test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServe serves a client's site from memory, watches the project,
// tells the open page of each new build with a server-sent event, and
// shows the errors while the build fails; only served pages get the
// script that listens.
func TestServe(t *testing.T) {
	dir := project(t, map[string]string{
		"page.md":           "# Hello $NAME\n\nFirst text.\n",
		"clients/acme.toml": "NAME = \"acme\"\nDB_PASSWORD = \"s3cret-value\"\n",
	})
	var log lockedBuffer
	srv, err := newSiteServer(dir, []string{filepath.Join(dir, "clients/acme.toml")}, nil, &log)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
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
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// the page's event stream
	resp, err := http.Get(ts.URL + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	builds := make(chan string)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		event := ""
		for sc.Scan() {
			switch line := sc.Text(); {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && event == "build":
				builds <- strings.TrimPrefix(line, "data: ")
			}
		}
		close(builds)
	}()
	last := ""
	nextBuild := func(what string) {
		t.Helper()
		for {
			select {
			case n, ok := <-builds:
				if !ok {
					t.Fatalf("%s: the event stream ended", what)
				}
				if n != last {
					last = n
					return
				}
			case <-time.After(time.Minute):
				t.Fatalf("%s: no build event", what)
			}
		}
	}
	nextBuild("connecting")

	code, body := get("/page.html")
	if code != 200 || !strings.Contains(body, "First text.") || !strings.Contains(body, "acme") {
		t.Fatalf("GET /page.html: %d\n%s", code, body)
	}
	if !strings.Contains(body, `<script src="`+reloadPath+`"></script>`+"\n</body>") {
		t.Errorf("the served page does not listen for builds:\n%s", body)
	}
	if code, js := get(reloadPath); code != 200 || !strings.Contains(js, "EventSource") {
		t.Errorf("GET %s: %d\n%s", reloadPath, code, js)
	}
	if code, body := get("/"); code != 200 || !strings.Contains(body, `href="page.html"`) {
		t.Errorf("GET /: %d\n%s", code, body)
	}
	if code, _ := get("/../../etc/passwd"); code != 404 {
		t.Errorf("a path out of the site: %d", code)
	}

	write("page.md", "# Hello $NAME\n\nSecond text, a little longer.\n")
	nextBuild("after an edit")
	if code, body := get("/page.html"); code != 200 || !strings.Contains(body, "Second text") {
		t.Errorf("after an edit: %d\n%s", code, body)
	}

	write("page.md", "# Hello $NAME\n\n```ini {file=\"/etc/x\" op=frob}\npw = $DB_PASSWORD\n```\n")
	nextBuild("after a slip")
	code, body = get("/page.html")
	if code != 500 || !strings.Contains(body, "page.md:3:") || !strings.Contains(body, "unknown op") || !strings.Contains(body, reloadPath) {
		t.Errorf("while the build fails: %d\n%s", code, body)
	}
	if strings.Contains(body+log.String(), "s3cret-value") {
		t.Error("a secret reached the failure page or the log")
	}

	write("page.md", "# Hello $NAME\n\nFixed at last, third text.\n")
	nextBuild("after the fix")
	if code, body := get("/page.html"); code != 200 || !strings.Contains(body, "Fixed at last") {
		t.Errorf("after the fix: %d\n%s", code, body)
	}
	srv.mu.Lock()
	for name, data := range srv.files {
		if bytes.Contains(data, []byte(reloadPath)) {
			t.Errorf("the built %s listens for builds", name)
		}
	}
	srv.mu.Unlock()
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
