//go:build unix

package generator

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/afero"
)

// TestDiff compares a build with a system made from it by hand, then
// with the ways a system drifts: an edited file, an edited merged block,
// a mode, a link, a missing directory; a secret file's content is never
// shown.
func TestDiff(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "page.rst", []byte(strings.ReplaceAll(`Site
====

Create file ''/etc/app/app.conf'' with the following contents::

    name = $NAME
    port = 80

Add the following to ''/etc/hosts''::

    10.0.0.1 db

Create file ''/etc/app/secret.env'' with the following contents::

    PASSWORD=$DB_PASSWORD

.. code-block:: bash

    mkdir -p /srv/app
    chmod 0640 /etc/app/app.conf
    ln -s /etc/app/app.conf /srv/app/conf
`, "''", "``")), 0o644)
	afero.WriteFile(fsys, "clients/acme.toml", []byte("NAME = \"acme\"\nDB_PASSWORD = \"s3cret-value\"\n"), 0o644)
	p, diags := Load(fsys, ".")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	run := p.Build(Options{DryRun: true})
	if run.Failed() {
		t.Fatal(run.Clients[0].Diags)
	}
	r := run.Clients[0]

	root := t.TempDir()
	put := func(p, data string, mode os.FileMode) {
		t.Helper()
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(full, mode); err != nil {
			t.Fatal(err)
		}
	}
	put("etc/app/app.conf", string(r.Files["rootfs/etc/app/app.conf"]), 0o640)
	put("etc/app/secret.env", string(r.Files["rootfs/etc/app/secret.env"]), 0o600)
	put("etc/hosts", "127.0.0.1 localhost\n# BEGIN tailor site/acme\n10.0.0.1 db\n# END tailor site/acme\n", 0o644)
	if err := os.MkdirAll(filepath.Join(root, "srv/app"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/app/app.conf", filepath.Join(root, "srv/app/conf")); err != nil {
		t.Fatal(err)
	}
	sys := afero.NewOsFs()
	drift, err := Diff(r, sys, root)
	if err != nil || len(drift) != 0 {
		t.Fatalf("a system as built: %v, %v", drift, err)
	}

	put("etc/app/app.conf", "name = acme\nport = 8080\n", 0o644)
	put("etc/app/secret.env", "PASSWORD=other\n", 0o600)
	put("etc/hosts", "127.0.0.1 localhost\n# BEGIN tailor site/acme\n10.0.0.2 db\n# END tailor site/acme\n", 0o644)
	os.Remove(filepath.Join(root, "srv/app/conf"))
	if err := os.Symlink("elsewhere", filepath.Join(root, "srv/app/conf")); err != nil {
		t.Fatal(err)
	}
	drift, err = Diff(r, sys, root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range drift {
		got = append(got, d.String())
		if len(d.Lines) > 0 {
			got = append(got, strings.Join(d.Lines, "|"))
		}
	}
	want := []string{
		"/etc/app/app.conf: content differs",
		" name = acme|-port = 80|+port = 8080",
		"/etc/app/app.conf: mode is 0644, want 0640",
		"/etc/app/secret.env: content differs",
		"/etc/hosts: the merged block differs",
		"-10.0.0.1 db|+10.0.0.2 db",
		"/srv/app/conf: link is elsewhere, want /etc/app/app.conf",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("drift:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, d := range drift {
		if d.Secret && len(d.Lines) > 0 {
			t.Errorf("%s: a secret file's lines are shown", d.Path)
		}
	}

	// a block an earlier install.sh merged, between markers naming nothing
	for _, tc := range []struct{ hosts, want string }{
		{"# BEGIN tailor\n10.0.0.1 db\n# END tailor\n", "/etc/hosts: the block tailor merges is there between the markers of an earlier install.sh, which install.sh renames"},
		{"# BEGIN tailor\n10.0.0.2 db\n# END tailor\n", "/etc/hosts: the merged block differs, between the markers of an earlier install.sh, which install.sh renames|-10.0.0.1 db|+10.0.0.2 db"},
		{"# BEGIN tailor\na\n# END tailor\n# BEGIN tailor\nb\n# END tailor\n", "/etc/hosts: the block tailor merges is there twice (install.sh refuses the file until one is removed)"},
		{"# BEGIN tailor\na\n# END tailor\n# BEGIN tailor site/acme\n10.0.0.1 db\n# END tailor site/acme\n", ""},
	} {
		put("etc/hosts", tc.hosts, 0o644)
		drift, err = Diff(r, sys, root)
		got = got[:0]
		for _, d := range drift {
			if d.Path == "/etc/hosts" {
				got = append(got, strings.Join(append([]string{d.String()}, d.Lines...), "|"))
			}
		}
		if err != nil || strings.Join(got, "\n") != tc.want {
			t.Errorf("%q: %q, %v; want %q", tc.hosts, got, err, tc.want)
		}
	}

	put("etc/hosts", "127.0.0.1 localhost\n", 0o644)
	if err := os.RemoveAll(filepath.Join(root, "srv")); err != nil {
		t.Fatal(err)
	}
	drift, _ = Diff(r, sys, root)
	got = got[:0]
	for _, d := range drift {
		got = append(got, d.String())
	}
	for _, w := range []string{"/etc/hosts: the block tailor merges is not there", "/srv/app: missing", "/srv/app/conf: missing"} {
		if !strings.Contains(strings.Join(got, "\n"), w) {
			t.Errorf("drift lacks %q:\n%s", w, strings.Join(got, "\n"))
		}
	}
}

// TestDiffStaysInRoot: symbolic links that lead out of the root are
// reported, not followed; special files are not read.
func TestDiffStaysInRoot(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "page.md", []byte("# T\n\n```ini {file=\"/etc/a.conf\"}\na = 1\n```\n\n```ini {file=\"/etc/b.conf\"}\nb = 1\n```\n\n```ini {file=\"/srv/d/c.conf\"}\nc = 1\n```\n\n```ini {file=\"/etc/e.conf\"}\ne = 1\n```\n"), 0o644)
	afero.WriteFile(fsys, "clients/acme.toml", nil, 0o644)
	p, diags := Load(fsys, ".")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	run := p.Build(Options{DryRun: true})
	if run.Failed() {
		t.Fatal(run.Clients[0].Diags)
	}
	parent := t.TempDir()
	root, outside := filepath.Join(parent, "root"), filepath.Join(parent, "out")
	for _, d := range []string{filepath.Join(root, "etc"), filepath.Join(root, "srv"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"a.conf", "b.conf", "c.conf"} {
		if err := os.WriteFile(filepath.Join(outside, f), []byte("outside secret\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink(filepath.Join(outside, "a.conf"), filepath.Join(root, "etc/a.conf")) // absolute, out
	os.Symlink("../../out/b.conf", filepath.Join(root, "etc/b.conf"))               // relative, out
	os.Symlink(outside, filepath.Join(root, "srv/d"))                               // a directory out
	if err := syscall.Mkfifo(filepath.Join(root, "etc/e.conf"), 0o644); err != nil {
		t.Fatal(err)
	}
	drift, err := Diff(run.Clients[0], afero.NewOsFs(), root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range drift {
		got = append(got, d.String())
		if strings.Contains(strings.Join(d.Lines, "\n"), "outside secret") {
			t.Errorf("%s: shows a file out of the root", d.Path)
		}
	}
	want := []string{
		// an absolute link names a place under the root: missing there
		"/etc/a.conf: missing",
		"/etc/b.conf: not compared: a symbolic link leads it out of the root, to " + filepath.Join(outside, "b.conf"),
		"/etc/e.conf: type is a named pipe, want a file",
		"/srv/d/c.conf: missing",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("drift:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// diffBuild builds a page that creates /etc/app/app.conf and merges a
// line into /etc/hosts, for one client, in memory.
func diffBuild(t *testing.T) *Result {
	t.Helper()
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "page.rst", []byte(strings.ReplaceAll(`Site
====

Create file ''/etc/app/app.conf'' with the following contents::

    name = $NAME

Add the following to ''/etc/hosts''::

    10.0.0.1 db
`, "''", "``")), 0o644)
	afero.WriteFile(fsys, "clients/acme.toml", []byte("NAME = \"acme\"\n"), 0o644)
	p, diags := Load(fsys, ".")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	run := p.Build(Options{DryRun: true})
	if run.Failed() {
		t.Fatal(run.Clients[0].Diags)
	}
	return run.Clients[0]
}

// TestDiffLargeFiles compares files of 256 MiB (sparse: they take no
// disk) without holding them in memory.
func TestDiffLargeFiles(t *testing.T) {
	r := diffBuild(t)
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "etc/app"), 0o755)
	const size = 256 << 20
	big := func(name string, tail string) {
		f, err := os.Create(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteAt([]byte(tail), size); err != nil {
			t.Skipf("no sparse file: %v", err)
		}
	}
	big("etc/app/app.conf", "x\n")
	big("etc/hosts", "\n"+"# BEGIN tailor site/acme\n10.0.0.1 db\n# END tailor site/acme\n")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	drift, err := Diff(r, afero.NewOsFs(), root)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range drift {
		got = append(got, d.String()+" "+strings.Join(d.Lines, "|"))
	}
	want := "/etc/app/app.conf: content differs (the file is larger than 1 MiB: too large to compare line by line)"
	if strings.Join(got, "\n") != want {
		t.Errorf("drift:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<20 {
		t.Errorf("comparing files of 256 MiB allocated %d MiB", n>>20)
	}
}

// TestDiffHidesSecrets: a line of the system that holds a secret value,
// in a file that holds none in the build, and a path made of one, show
// masked.
func TestDiffHidesSecrets(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "page.rst", []byte(strings.ReplaceAll(`Site
====

Create file ''/etc/app/app.conf'' with the following contents::

    name = $NAME

Create file ''/etc/app/$API_TOKEN.key'' with the following contents::

    key
`, "''", "``")), 0o644)
	afero.WriteFile(fsys, "clients/acme.toml", []byte("NAME = \"acme\"\nAPI_TOKEN = \"Tok<&>en42xyz\"\n"), 0o644)
	p, diags := Load(fsys, ".")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	run := p.Build(Options{DryRun: true})
	if run.Failed() {
		t.Fatal(run.Clients[0].Diags)
	}
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "etc/app"), 0o755)
	os.WriteFile(filepath.Join(root, "etc/app/app.conf"), []byte("name = acme\ntoken = Tok<&>en42xyz\n"), 0o644)
	drift, err := Diff(run.Clients[0], afero.NewOsFs(), root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range drift {
		got = append(got, d.String()+" "+strings.Join(d.Lines, "|"))
	}
	want := "/etc/app/‹secret API_TOKEN›.key: missing \n/etc/app/app.conf: content differs  name = acme|+token = ‹secret API_TOKEN›"
	if strings.Join(got, "\n") != want {
		t.Errorf("drift:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// TestDiffPendingGenerated: before any build has kept a generated value,
// a dry run cannot know it: diff compares the other files and says that
// those holding it are not compared, rather than that they drifted; the
// docs mask such a value even when it is not secret. Once a build has
// kept it, diff compares them.
func TestDiffPendingGenerated(t *testing.T) {
	proj := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(proj, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("tailor.toml", "[placeholders.SECRET_KEY]\ngenerate = \"random:40\"\n\n[placeholders.INSTANCE]\ngenerate = \"hex:8\"\nsecret = false\n")
	write("page.md", "# App\n\nThis is instance `$INSTANCE`.\n\n"+
		"Create file `/etc/app/key.py` with the following contents:\n\n```python\nSECRET_KEY = '$SECRET_KEY'\n```\n\n"+
		"Create file `/etc/app/name.conf` with the following contents:\n\n```ini\nname = $NAME\n```\n")
	write("clients/acme.toml", "NAME = \"acme\"\n")
	root := t.TempDir()
	for p, data := range map[string]string{"etc/app/key.py": "SECRET_KEY = 'kept-by-an-earlier-build-elsewhere'\n", "etc/app/name.conf": "name = acme\n"} {
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, p), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	fsys := afero.NewOsFs()
	p, diags := Load(fsys, proj)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	diffNow := func() []string {
		t.Helper()
		run := p.Build(Options{DryRun: true})
		r := run.Clients[0]
		if run.Failed() {
			t.Fatal(r.Diags)
		}
		drift, err := Diff(r, fsys, root)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range drift {
			got = append(got, d.String())
		}
		return got
	}

	got := diffNow()
	want := []string{"/etc/app/key.py: not compared: it holds $SECRET_KEY, which tailor generates on the first build and no build has kept yet (tailor build keeps it beside the values file, in .tailor-state/)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("before a build kept the values:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	r := p.Build(Options{DryRun: true}).Clients[0]
	if page := string(r.Files["site/page.html"]); !strings.Contains(page, "‹secret INSTANCE›") {
		t.Errorf("a dry run shows a value no build keeps:\n%s", page)
	}
	if _, err := os.Stat(filepath.Join(proj, "clients/.tailor-state/acme.toml")); !os.IsNotExist(err) {
		t.Errorf("a dry run kept the generated values: %v", err)
	}

	if run := p.Build(Options{Out: t.TempDir()}); run.Failed() {
		t.Fatal(run.Clients[0].Diags)
	}
	if got := diffNow(); !reflect.DeepEqual(got, []string{"/etc/app/key.py: content differs"}) {
		t.Errorf("once a build kept them: %q", got)
	}
	r = p.Build(Options{DryRun: true}).Clients[0]
	if page := string(r.Files["site/page.html"]); strings.Contains(page, "‹secret INSTANCE›") {
		t.Errorf("a kept value that is not secret is masked")
	}
}
