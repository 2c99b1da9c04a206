package main

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"html"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

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
	srv := &siteServer{dir: dir, values: vals, getenv: getenv, log: stderr}
	if files, _ := srv.current(); files == nil {
		fmt.Fprintln(stderr, "tailor serve: the build failed; the site shows why until it is fixed")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "tailor serve: %v\n", err)
		return exitFail
	}
	name := srv.client
	if name == "" {
		name = "the client"
	}
	fmt.Fprintf(stdout, "serving %s's runbook at http://%s/ (Ctrl-C stops)\n", name, ln.Addr())
	if err := http.Serve(ln, srv); err != nil {
		fmt.Fprintf(stderr, "tailor serve: %v\n", err)
		return exitFail
	}
	return exitOK
}

// A siteServer serves one client's site from memory, built again when a
// file of the project or the values file has changed since the last
// request: edit a page, reload the browser, see it.
type siteServer struct {
	dir    string // the project directory
	values []string
	getenv func(string) (string, bool)
	log    io.Writer

	mu     sync.Mutex
	stamp  uint64
	client string
	files  map[string][]byte // the client's output; nil when the build failed
	failed []byte            // the page shown when it failed
}

func (s *siteServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	files, failed := s.current()
	if files == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(failed)
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
	w.Header().Set("Cache-Control", "no-store") // a page changes as its source does
	w.Write(data)
}

// current returns the client's output, built again when the project has
// changed, or nil and a page that lists the errors.
func (s *siteServer) current() (map[string][]byte, []byte) {
	stamp := s.fingerprint()
	s.mu.Lock()
	defer s.mu.Unlock()
	if (s.files != nil || s.failed != nil) && stamp == s.stamp {
		return s.files, s.failed
	}
	s.stamp = stamp
	s.files, s.failed = nil, nil
	proj, diags := generator.Load(afero.NewOsFs(), filepath.ToSlash(s.dir))
	if proj == nil {
		printDiags(s.log, nil, diags, nil)
		s.failed = failurePage(diags)
		return nil, s.failed
	}
	run := proj.Build(generator.Options{Values: s.values, Getenv: s.getenv, DryRun: true})
	all := append(content.Diagnostics{}, diags...)
	all.Append(run.Diags)
	printDiags(s.log, proj, all, run.Clients)
	for _, c := range run.Clients {
		all.Append(c.Diags)
	}
	if len(run.Clients) != 1 || run.Failed() {
		s.failed = failurePage(all)
		return nil, s.failed
	}
	s.client = run.Clients[0].Client
	s.files = run.Clients[0].Files
	fmt.Fprintf(s.log, "built %s's runbook\n", s.client)
	return s.files, nil
}

// fingerprint sums the names, sizes and times of the project's files (but
// for hidden ones and output directories) and of the values files.
func (s *siteServer) fingerprint() uint64 {
	h := fnv.New64a()
	add := func(p string, fi fs.FileInfo) {
		fmt.Fprintf(h, "%s\x00%d\x00%d\n", p, fi.Size(), fi.ModTime().UnixNano())
	}
	var names []string
	filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && p != s.dir && (strings.HasPrefix(d.Name(), ".") || d.Name() == "out" || d.Name() == "_build" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	for _, v := range s.values {
		if m, err := filepath.Glob(v); err == nil {
			names = append(names, m...)
		}
	}
	sort.Strings(names)
	for _, p := range names {
		if fi, err := os.Stat(p); err == nil {
			add(p, fi)
		}
	}
	return h.Sum64()
}

// failurePage lists the diagnostics of a build that failed.
func failurePage(diags content.Diagnostics) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>tailor: the build failed</title></head>\n<body>\n<h1>The build failed</h1>\n<pre>")
	for _, d := range diags {
		b.WriteString(html.EscapeString(d.String()))
		b.WriteByte('\n')
	}
	b.WriteString("</pre>\n<p>Fix the source and reload this page.</p>\n</body>\n</html>\n")
	return b.Bytes()
}
