package main

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/generator"
)

// serve serves one client's site on addr until the process ends.
func serve(dir string, vals []string, addr string, stdout, stderr io.Writer, getenv func(string) (string, bool)) int {
	if len(vals) != 1 {
		fmt.Fprintln(stderr, "tailor serve: give the --values FILE of one client")
		return exitUsage
	}
	srv, err := newSiteServer(dir, vals, getenv, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "tailor serve: %v\n", err)
		return exitFail
	}
	defer srv.Close()
	srv.mu.Lock()
	failed, name := srv.failed != nil, srv.client
	srv.mu.Unlock()
	if failed {
		fmt.Fprintln(stderr, "tailor serve: the build failed; the site shows why until it is fixed")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "tailor serve: %v\n", err)
		return exitFail
	}
	if name == "" {
		name = "the client"
	}
	fmt.Fprintf(stdout, "serving %s's runbook at http://%s/ (Ctrl-C stops); open pages reload as the project changes\n", name, ln.Addr())
	if err := http.Serve(ln, srv); err != nil {
		fmt.Fprintf(stderr, "tailor serve: %v\n", err)
		return exitFail
	}
	return exitOK
}

// A siteServer serves one client's site from memory. It watches the
// project and the values file, builds again when a file changes, and
// tells the open pages to reload, by server-sent events: a script that
// only the served pages get listens for them.
type siteServer struct {
	dir    string // the project directory
	values []string
	getenv func(string) (string, bool)
	log    io.Writer

	watcher *fsnotify.Watcher
	done    chan struct{} // closed by Close

	mu      sync.Mutex
	client  string
	files   map[string][]byte // the client's output; nil when the build failed
	failed  []byte            // the page shown when it failed
	build   int               // how many builds were made
	waiting map[chan int]bool // the event streams open, told of each build
}

// Paths of the server's own resources, beside the site's.
const (
	eventsPath = "/_tailor/events"
	reloadPath = "/_tailor/reload.js"
)

// reloadScript listens for the server's builds and reloads the page after
// one; after a lost connection (the server restarted) it reloads when the
// build it then hears of is another one.
const reloadScript = `(function () {
  "use strict";
  var seen = null;
  var events = new EventSource("` + eventsPath + `");
  events.addEventListener("build", function (e) {
    if (seen !== null && e.data !== seen) { location.reload(); }
    seen = e.data;
  });
})();
`

// newSiteServer builds the site and starts watching the project.
func newSiteServer(dir string, vals []string, getenv func(string) (string, bool), log io.Writer) (*siteServer, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("cannot watch the project: %v", err)
	}
	s := &siteServer{dir: dir, values: vals, getenv: getenv, log: log, watcher: w, done: make(chan struct{}), waiting: map[chan int]bool{}}
	if err := s.watchTree(dir); err != nil {
		w.Close()
		return nil, fmt.Errorf("cannot watch the project: %v", err)
	}
	for _, v := range vals {
		// the values file may be elsewhere; its directory is watched for
		// its events only (an editor writes a new file and renames it)
		if d := filepath.Dir(v); !s.inProject(d) {
			if err := w.Add(d); err != nil {
				w.Close()
				return nil, fmt.Errorf("cannot watch %s: %v", v, err)
			}
		}
	}
	s.rebuild()
	go s.watch()
	return s, nil
}

// Close stops watching.
func (s *siteServer) Close() error {
	close(s.done)
	return s.watcher.Close()
}

// skipped reports whether a file or directory of the project is not
// watched: hidden ones, outputs and editors' temporary files.
func skipped(name string) bool {
	switch name {
	case "out", "_build", "node_modules", "4913": // 4913: vim's test file
		return true
	}
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx")
}

// inProject reports whether dir is the project directory or inside it.
func (s *siteServer) inProject(dir string) bool {
	rel, err := filepath.Rel(s.dir, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// watchTree watches dir and the directories under it, but for skipped
// ones.
func (s *siteServer) watchTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // gone meanwhile
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && skipped(d.Name()) {
			return filepath.SkipDir
		}
		return s.watcher.Add(p)
	})
}

// relevant reports whether an event is about a file the build reads.
func (s *siteServer) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	for _, v := range s.values {
		if filepath.Clean(ev.Name) == filepath.Clean(v) {
			return true
		}
	}
	if !s.inProject(ev.Name) {
		return false
	}
	rel, _ := filepath.Rel(s.dir, ev.Name)
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if skipped(part) {
			return false
		}
	}
	return true
}

// settle is how long the watcher waits for more changes before it
// builds: an editor's save is often several events.
const settle = 100 * time.Millisecond

// watch builds again after the project changes, until Close.
func (s *siteServer) watch() {
	var timer <-chan time.Time
	for {
		select {
		case <-s.done:
			return
		case ev, ok := <-s.watcher.Events:
			if !ok {
				return
			}
			if !s.relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					s.watchTree(ev.Name)
				}
			}
			timer = time.After(settle)
		case err, ok := <-s.watcher.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(s.log, "tailor serve: watching: %v\n", err)
		case <-timer:
			timer = nil
			s.rebuild()
		}
	}
}

// rebuild builds the client's site, keeps it, and tells the open pages.
func (s *siteServer) rebuild() {
	var files map[string][]byte
	var failed []byte
	client := ""
	proj, diags := generator.Load(afero.NewOsFs(), filepath.ToSlash(s.dir))
	if proj == nil {
		printDiags(s.log, nil, diags, nil)
		failed = failurePage(diags)
	} else {
		run := proj.Build(generator.Options{Values: s.values, Getenv: s.getenv, DryRun: true})
		all := append(content.Diagnostics{}, diags...)
		all.Append(run.Diags)
		printDiags(s.log, proj, all, run.Clients)
		for _, c := range run.Clients {
			all.Append(c.Diags)
		}
		if len(run.Clients) != 1 || run.Failed() {
			failed = failurePage(all)
		} else {
			client, files = run.Clients[0].Client, run.Clients[0].Files
			fmt.Fprintf(s.log, "built %s's runbook\n", client)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files, s.failed = files, failed
	if client != "" {
		s.client = client
	}
	s.build++
	for ch := range s.waiting {
		select {
		case ch <- s.build:
		default: // it has not read the last one yet: it will read this
			select {
			case <-ch:
			default:
			}
			ch <- s.build
		}
	}
}

func (s *siteServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case reloadPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadScript)
		return
	}
	s.mu.Lock()
	files, failed := s.files, s.failed
	s.mu.Unlock()
	w.Header().Set("Cache-Control", "no-store") // a page changes as its source does
	if files == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(withReload(failed))
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	data, ok := files["site/"+name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		w.Header().Set("Content-Type", t)
	}
	if path.Ext(name) == ".html" {
		data = withReload(data)
	}
	w.Write(data)
}

// withReload returns an HTML page with the reload script added: only
// served pages have it, never the built site.
func withReload(page []byte) []byte {
	tag := []byte(`<script src="` + reloadPath + `"></script>` + "\n")
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte(nil), page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// events streams a "build" event with the number of the current build,
// then one after each build, until the page goes away.
func (s *siteServer) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan int, 1)
	s.mu.Lock()
	s.waiting[ch] = true
	ch <- s.build
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.waiting, ch)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case n := <-ch:
			if _, err := io.WriteString(w, "event: build\ndata: "+strconv.Itoa(n)+"\n\n"); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}

// failurePage lists the diagnostics of a build that failed.
func failurePage(diags content.Diagnostics) []byte {
	var b bytes.Buffer
	b.WriteString("<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>tailor: the build failed</title>\n")
	b.WriteString("<style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem;color:#1f2328}pre{padding:1rem;border-left:4px solid #cf222e;background:#ffebe9;white-space:pre-wrap}</style></head>\n")
	b.WriteString("<body>\n<h1>The build failed</h1>\n<pre>")
	for _, d := range diags {
		if d.Severity == content.Note {
			continue
		}
		b.WriteString(html.EscapeString(d.String()))
		b.WriteByte('\n')
	}
	b.WriteString("</pre>\n<p>Fix the source: this page reloads once it builds.</p>\n</body>\n</html>\n")
	return b.Bytes()
}
