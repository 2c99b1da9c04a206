package generator

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/afero"
)

const smallTutorial = `title = "Small"

[placeholders.DOMAIN]
pattern = '^[a-z0-9.-]+$'

[placeholders.SESSION_KEY]
generate = "hex:16"
`

const smallPage = `Small
=====

Create file ` + "``/etc/app/$DOMAIN.conf``" + ` with the following contents::

    domain = $DOMAIN
    password = $DB_PASSWORD
    session = $SESSION_KEY
`

// manyClients makes a project with n clients; client 17 has a value that
// breaks the DOMAIN pattern.
func manyClients(t testing.TB, n int) afero.Fs {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/p/tailor.toml", []byte(smallTutorial), 0o644)
	afero.WriteFile(fsys, "/p/page.rst", []byte(smallPage), 0o644)
	for i := 0; i < n; i++ {
		domain := fmt.Sprintf("c%03d.example", i)
		if i == 17 {
			domain = "Bad Domain"
		}
		body := fmt.Sprintf("DOMAIN = %q\nDB_PASSWORD = { env = \"DB_PASSWORD_%d\" }\n", domain, i)
		afero.WriteFile(fsys, fmt.Sprintf("/p/clients/c%03d.toml", i), []byte(body), 0o644)
	}
	return fsys
}

func envFor(n int) func(string) (string, bool) {
	return func(k string) (string, bool) {
		var i int
		if _, err := fmt.Sscanf(k, "DB_PASSWORD_%d", &i); err == nil && i < n {
			return fmt.Sprintf("db-secret-%03d-xyz", i), true
		}
		return "", false
	}
}

func TestManyClients(t *testing.T) {
	const n = 200
	fsys := manyClients(t, n)
	proj, diags := Load(fsys, "/p")
	if proj == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	run := proj.Build(Options{Out: "/out", Getenv: envFor(n), Jobs: 8})
	if !run.Failed() {
		t.Error("a client's invalid value did not fail the run")
	}
	var failed []*Result
	for _, c := range run.Clients {
		if c.Failed() {
			failed = append(failed, c)
		}
	}
	if len(failed) != 1 || failed[0].Client != "c017" {
		t.Fatalf("failed clients: %v", failed)
	}
	want := `/p/clients/c017.toml:1:10: error: value of DOMAIN "Bad Domain" does not match its pattern ^[a-z0-9.-]+$`
	if got := failed[0].Diags.String(); strings.TrimSpace(got) != want {
		t.Errorf("diagnostics of the broken client:\n%s\nwant\n%s", got, want)
	}
	dirs, _ := afero.ReadDir(fsys, "/out")
	var names []string
	for _, d := range dirs {
		names = append(names, d.Name())
	}
	if len(names) != n-1 {
		t.Errorf("%d output directories, want %d: %v", len(names), n-1, names)
	}
	if ok, _ := afero.DirExists(fsys, "/out/c017"); ok {
		t.Error("the broken client has an output directory")
	}
	for _, name := range names {
		if strings.HasPrefix(name, ".") {
			t.Errorf("leftover %s in the output directory", name)
		}
	}

	// The secret from the environment is in the file, nowhere in the docs.
	conf, err := afero.ReadFile(fsys, "/out/c042/rootfs/etc/app/c042.example.conf")
	if err != nil || !bytes.Contains(conf, []byte("password = db-secret-042-xyz")) {
		t.Fatalf("c042's file: %q, %v", conf, err)
	}
	walkFiles(t, fsys, "/out/c042", func(p string, data []byte) {
		if bytes.Contains(data, []byte("db-secret-042")) && !strings.HasPrefix(p, "/out/c042/rootfs/") && !strings.HasPrefix(p, "/out/c042/fragments/") {
			t.Errorf("the secret shows in %s", p)
		}
	})

	// A generated secret is the same after a second build.
	key := func() string {
		data, _ := afero.ReadFile(fsys, "/out/c042/rootfs/etc/app/c042.example.conf")
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, "session = ") {
				return l
			}
		}
		return ""
	}
	first := key()
	if len(first) != len("session = ")+32 {
		t.Fatalf("generated key line %q", first)
	}
	snap := treeOf(t, fsys, "/out")
	run2 := proj.Build(Options{Out: "/out", Getenv: envFor(n)})
	if len(run2.Clients) != n {
		t.Fatal("second run lost clients")
	}
	if got := key(); got != first {
		t.Errorf("second build generated %q, first %q", got, first)
	}
	if again := treeOf(t, fsys, "/out"); again != snap {
		t.Error("two builds of the same input differ")
	}
}

func walkFiles(t testing.TB, fsys afero.Fs, root string, fn func(p string, data []byte)) {
	t.Helper()
	var paths []string
	afero.Walk(fsys, root, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			paths = append(paths, p)
		}
		return err
	})
	sort.Strings(paths)
	for _, p := range paths {
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			t.Fatal(err)
		}
		fn(p, data)
	}
}

// treeOf lists every file under root with its content's digest.
func treeOf(t testing.TB, fsys afero.Fs, root string) string {
	var b strings.Builder
	walkFiles(t, fsys, root, func(p string, data []byte) {
		fmt.Fprintf(&b, "%s %d %x\n", path.Clean(p), len(data), data)
	})
	return b.String()
}

// TestDuplicateClientNames: two values files with one base name would write
// one directory; both are errors and neither is written.
func TestDuplicateClientNames(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/p/page.md", []byte("# P\n\nCreate file `/etc/x.conf` with the following contents:\n\n```ini\nv = $V\n```\n"), 0o644)
	afero.WriteFile(fsys, "/a/acme.toml", []byte("V = \"from-a\"\n"), 0o644)
	afero.WriteFile(fsys, "/b/acme.toml", []byte("V = \"from-b\"\n"), 0o644)
	afero.WriteFile(fsys, "/b/other.toml", []byte("V = \"other\"\n"), 0o644)
	p, _ := Load(fsys, "/p")
	run := p.Build(Options{Values: []string{"/a/*.toml", "/b/*.toml"}, Out: "/out"})
	var failed []string
	for _, c := range run.Clients {
		if c.Failed() {
			failed = append(failed, c.Diags.String())
		}
	}
	want := []string{
		"/a/acme.toml: error: client name acme is also the name of /b/acme.toml: rename one of the values files\n",
		"/b/acme.toml: error: client name acme is also the name of /a/acme.toml: rename one of the values files\n",
	}
	if strings.Join(failed, "") != strings.Join(want, "") {
		t.Errorf("failures:\n%s", strings.Join(failed, ""))
	}
	if ok, _ := afero.DirExists(fsys, "/out/acme"); ok {
		t.Error("a duplicated client was written")
	}
	if ok, _ := afero.DirExists(fsys, "/out/other"); !ok {
		t.Error("the other client was not written")
	}
}

// TestOutputSafety: a directory tailor did not write is never replaced,
// and what an interrupted build left behind is cleaned up.
func TestOutputSafety(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/p/page.md", []byte("# P\n\nCreate file `/etc/x.conf` with the following contents:\n\n```ini\nv = $V\n```\n"), 0o644)
	afero.WriteFile(fsys, "/p/clients/tutorial.toml", []byte("V = \"1\"\n"), 0o644)
	afero.WriteFile(fsys, "/out/tutorial/precious.txt", []byte("keep me"), 0o644)
	afero.WriteFile(fsys, "/out/.tailor-new-tutorial-0123456789ab/rootfs/etc/x.conf", []byte("half"), 0o600)
	p, _ := Load(fsys, "/p")
	run := p.Build(Options{Out: "/out"})
	if !run.Failed() {
		t.Fatal("replacing a directory tailor did not write was not refused")
	}
	if got := run.Clients[0].Diags.String(); !strings.Contains(got, "/out/tutorial exists and is not an output of tailor") {
		t.Errorf("diagnostics: %s", got)
	}
	if data, _ := afero.ReadFile(fsys, "/out/tutorial/precious.txt"); string(data) != "keep me" {
		t.Error("the existing directory was touched")
	}
	fsys.RemoveAll("/out/tutorial")
	if run := p.Build(Options{Out: "/out"}); run.Failed() {
		t.Fatal(run.Clients[0].Diags)
	}
	if ok, _ := afero.Exists(fsys, "/out/.tailor-new-tutorial-0123456789ab"); ok {
		t.Error("the interrupted build's tree was left")
	}
	if run := p.Build(Options{Out: "/out"}); run.Failed() {
		t.Errorf("rebuilding over tailor's own output: %v", run.Clients[0].Diags)
	}
}

// TestGeneratedOnceAcrossBuilds runs builds of a new client at the same
// time: each generates a session key, one keeps it, and every output has
// that one, not a key nobody kept.
func TestGeneratedOnceAcrossBuilds(t *testing.T) {
	fsys := manyClients(t, 1)
	proj, diags := Load(fsys, "/p")
	if proj == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	const builds = 8
	done := make(chan *Run, builds)
	for i := 0; i < builds; i++ {
		go func(i int) {
			done <- proj.Build(Options{Out: fmt.Sprintf("/out%d", i), Getenv: envFor(1)})
		}(i)
	}
	for i := 0; i < builds; i++ {
		if run := <-done; run.Failed() {
			t.Fatalf("a build failed: %v", run.Clients[0].Diags)
		}
	}
	state, err := afero.ReadFile(fsys, "/p/clients/.tailor-state/c000.toml")
	if err != nil {
		t.Fatal(err)
	}
	_, kept, _ := strings.Cut(string(state), `SESSION_KEY = "`)
	kept, _, _ = strings.Cut(kept, `"`)
	for i := 0; i < builds; i++ {
		conf, err := afero.ReadFile(fsys, fmt.Sprintf("/out%d/c000/rootfs/etc/app/c000.example.conf", i))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(conf, []byte("session = "+kept+"\n")) {
			t.Errorf("build %d has a session key that was not kept (%q):\n%s", i, kept, conf)
		}
	}
	if ok, _ := afero.Exists(fsys, "/p/clients/.tailor-state/c000.toml.lock"); ok {
		t.Error("the lock file is left behind")
	}
}

// TestStaleLock takes over a lock a killed build left, and gives up on a
// lock that cannot be removed instead of spinning.
func TestStaleLock(t *testing.T) {
	fsys := afero.NewMemMapFs()
	old := time.Now().Add(-2 * time.Minute)
	afero.WriteFile(fsys, "/s/a.toml.lock", []byte("dead"), 0o600)
	fsys.Chtimes("/s/a.toml.lock", old, old)
	if err := writeState(fsys, "/s/a.toml", nil, []byte("K = \"v\"\n")); err != nil {
		t.Fatalf("stale lock: %v", err)
	}
	if ok, _ := afero.Exists(fsys, "/s/a.toml.lock"); ok {
		t.Error("lock left behind")
	}
	fsys.MkdirAll("/s/b.toml.lock/x", 0o700)
	fsys.Chtimes("/s/b.toml.lock", old, old)
	defer func(n int) { lockTries = n }(lockTries)
	lockTries = 4
	if err := writeState(fsys, "/s/b.toml", nil, []byte("K = \"v\"\n")); err == nil {
		t.Error("a directory in the lock's place was taken for a lock")
	}
}

// TestOutputRecovered: a build killed between moving the earlier tree
// away and putting the new one in place (where the system cannot swap
// them in one step) leaves the earlier tree aside: the next build puts
// it back before anything else, and a tree of another client whose name
// starts alike is left alone.
func TestOutputRecovered(t *testing.T) {
	fsys := afero.NewMemMapFs()
	for _, f := range []string{"manifest.json", "install.sh", "site/index.html"} {
		afero.WriteFile(fsys, "/out/.tailor-old-c-0123456789ab/"+f, []byte("earlier"), 0o644)
	}
	afero.WriteFile(fsys, "/out/.tailor-new-c-abcdef012345/manifest.json", []byte("half"), 0o644)
	afero.WriteFile(fsys, "/out/.tailor-new-c-d-abcdef012345/manifest.json", []byte("another client's"), 0o644)
	var stale staleTrees
	recoverStale(fsys, "/out", "c", stale.of(fsys, "/out", "c"))
	if data, _ := afero.ReadFile(fsys, "/out/c/site/index.html"); string(data) != "earlier" {
		t.Errorf("the earlier tree is not back: %q", data)
	}
	for p, want := range map[string]bool{
		"/out/.tailor-old-c-0123456789ab":   false,
		"/out/.tailor-new-c-abcdef012345":   false,
		"/out/.tailor-new-c-d-abcdef012345": true,
	} {
		if ok, _ := afero.Exists(fsys, p); ok != want {
			t.Errorf("%s exists: %v, want %v", p, ok, want)
		}
	}
}

// TestMemoryDoesNotGrowWithClients: what a lean build keeps of four
// times as many clients is about the same (their names and
// diagnostics), not four times their files.
func TestMemoryDoesNotGrowWithClients(t *testing.T) {
	kept := func(n int) uint64 {
		fsys := manyClients(t, n)
		p, _ := Load(fsys, "/p")
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		run := p.Build(Options{Getenv: envFor(n), DryRun: true, Lean: true})
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(run)
		return after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc)
	}
	small, large := kept(50), kept(200)
	t.Logf("kept %d KiB for 50 clients, %d KiB for 200", small>>10, large>>10)
	if large > 2*small+(1<<20) {
		t.Errorf("a build keeps %d KiB for 50 clients and %d KiB for 200", small>>10, large>>10)
	}
}

// opens counts how often each name is opened.
type opens struct {
	afero.Fs
	mu sync.Mutex
	n  map[string]int
}

func (o *opens) Open(name string) (afero.File, error) {
	o.mu.Lock()
	o.n[name]++
	o.mu.Unlock()
	return o.Fs.Open(name)
}

// TestOutputListedOnce: a run reads the output directory once for what
// builds cut short left there, not once per client (which grew as the
// square of the clients), and still cleans every client's leftovers.
func TestOutputListedOnce(t *testing.T) {
	const n = 30
	fsys := &opens{Fs: manyClients(t, n), n: map[string]int{}}
	afero.WriteFile(fsys, "/out/.tailor-new-c003-abcdef012345/manifest.json", []byte("half"), 0o644)
	afero.WriteFile(fsys, "/out/.tailor-new-c020-0123456789ab/manifest.json", []byte("half"), 0o644)
	afero.WriteFile(fsys, "/out/.tailor-new-c020-x-0123456789ab/manifest.json", []byte("not a client of this run"), 0o644)
	proj, diags := Load(fsys, "/p")
	if proj == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	proj.Build(Options{Out: "/out", Getenv: envFor(n), Jobs: 4})
	if got := fsys.n["/out"]; got != 1 {
		t.Errorf("the output directory was read %d times for %d clients", got, n)
	}
	for p, want := range map[string]bool{
		"/out/.tailor-new-c003-abcdef012345":   false,
		"/out/.tailor-new-c020-0123456789ab":   false,
		"/out/.tailor-new-c020-x-0123456789ab": true,
		"/out/c003/manifest.json":              true,
	} {
		if ok, _ := afero.Exists(fsys, p); ok != want {
			t.Errorf("%s exists: %v, want %v", p, ok, want)
		}
	}
}

func TestStaleClient(t *testing.T) {
	for name, want := range map[string]string{
		".tailor-new-c-0123456789ab":   "c",
		".tailor-old-a-b-0123456789ab": "a-b",
		".tailor-new--0123456789ab":    "",
		".tailor-new-c-0123456789aB":   "",
		".tailor-new-c-0123456789a":    "",
		".tailor-lock-c":               "",
		"c":                            "",
		".tailor-new-c_0123456789ab":   "",
		".tailor-old-ü-abcdefabcdef":   "ü",
	} {
		got, ok := staleClient(name)
		if ok != (want != "") || got != want {
			t.Errorf("staleClient(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}
