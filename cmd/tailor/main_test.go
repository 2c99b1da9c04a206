package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// project writes files into a temporary directory and returns it.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func tailor(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr, func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	return code, stdout.String(), stderr.String()
}

const page = `Web server
==========

Create file ` + "``/etc/nginx/sites-available/$DOMAIN``" + ` with the following contents:

.. code-block:: nginx

   server {
       server_name $DOMAN;
   }
`

func TestCheckReportsTypo(t *testing.T) {
	dir := project(t, map[string]string{"page.rst": page, "v.toml": "DOMAIN = \"acme.example\"\n"})
	code, _, stderr := tailor(t, nil, "check", "-C", dir, "--values", filepath.Join(dir, "v.toml"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := "page.rst:9:20: error: undefined placeholder $DOMAN (did you mean $DOMAIN?)\n"
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr:\n%s\nwant a line\n%s", stderr, want)
	}
	code, _, _ = tailor(t, nil, "build", "-C", dir, "--values", filepath.Join(dir, "v.toml"))
	if code != 1 {
		t.Errorf("build exit %d, want 1", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("build wrote output despite the error: %v", err)
	}
}

func TestBuildAndPlan(t *testing.T) {
	dir := project(t, map[string]string{
		"page.rst":          strings.Replace(page, "$DOMAN", "$DOMAIN", 1),
		"clients/acme.toml": "DOMAIN = \"acme.example\"\n",
	})
	code, stdout, stderr := tailor(t, nil, "build", "-C", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "acme: ") {
		t.Errorf("stdout: %q", stdout)
	}
	conf, err := os.ReadFile(filepath.Join(dir, "out/acme/rootfs/etc/nginx/sites-available/acme.example"))
	if err != nil || !strings.Contains(string(conf), "server_name acme.example;") {
		t.Errorf("built file: %q, %v", conf, err)
	}

	code, stdout, _ = tailor(t, nil, "plan", "-C", dir, "--values", filepath.Join(dir, "clients/acme.toml"), "--json")
	if code != 0 {
		t.Fatalf("plan exit %d", code)
	}
	var rep struct {
		Docs []struct {
			Path     string
			Title    string
			Sections []struct {
				Title string
				Level int
			}
			Blocks []struct {
				Line           int
				Lang, Text, Op string
				Target, By     string
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("plan --json: %v\n%s", err, stdout)
	}
	if len(rep.Docs) != 1 || rep.Docs[0].Path != "page.rst" || rep.Docs[0].Title != "Web server" {
		t.Fatalf("plan: %+v", rep)
	}
	b := rep.Docs[0].Blocks[0]
	if b.Line != 8 || b.Lang != "nginx" || b.Op != "create" || b.Target != "/etc/nginx/sites-available/acme.example" ||
		!strings.HasPrefix(b.Text, "server {\n    server_name $DOMAIN;") || !strings.HasPrefix(b.By, "inferred: ") {
		t.Errorf("block: %+v", b)
	}
	code, stdout, _ = tailor(t, nil, "plan", "-C", dir)
	if code != 0 || !strings.Contains(stdout, "8  nginx    create /etc/nginx/sites-available/$DOMAIN  (inferred: Create file with the following contents)") {
		t.Errorf("plan text (exit %d):\n%s", code, stdout)
	}
}

func TestUsage(t *testing.T) {
	tests := [][]string{
		{},
		{"frobnicate"},
		{"build", "--nope"},
		{"build", "extra"},
	}
	for _, args := range tests {
		if code, _, _ := tailor(t, nil, args...); code != 2 {
			t.Errorf("tailor %q: exit %d, want 2", args, code)
		}
	}
	if code, _, stderr := tailor(t, nil, "check", "--out", "x"); code != 2 || !strings.HasPrefix(stderr, "tailor check: unknown flag --out\n") {
		t.Errorf("check --out: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := tailor(t, nil, "-C"); code != 2 || !strings.Contains(stderr, "-C needs a directory") {
		t.Errorf("-C alone: exit %d\n%s", code, stderr)
	}
	// -C before the command, as git and make take it
	dir := project(t, map[string]string{"page.md": "# T\n\nCreate file `/etc/x.conf` with the following contents:\n\n```ini\nx = 1\n```\n"})
	if code, stdout, stderr := tailor(t, nil, "-C", dir, "plan"); code != 0 || !strings.Contains(stdout, "create /etc/x.conf") {
		t.Errorf("-C DIR plan: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, stdout, _ := tailor(t, nil, "help"); code != 0 || !strings.Contains(stdout, "tailor build") {
		t.Errorf("help: exit %d\n%s", code, stdout)
	}
}

func TestBadInput(t *testing.T) {
	dir := project(t, map[string]string{
		"page.md":  "# T\n\nAdd the following to `/etc/x.conf`:\n\n```ini\nname = $NAME\n```\n",
		"bad.toml": "NAME = \"x\"\nPORT = = 3\n",
		"ok.toml":  "NAME = \"x\"\nNMAE = \"y\"\n",
	})
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"check", "-C", dir, "--values", filepath.Join(dir, "bad.toml")}, 1, "bad.toml:2:8: error: invalid TOML: expected value but found '=' instead"},
		{[]string{"check", "-C", dir, "--values", filepath.Join(dir, "ok.toml")}, 0, "ok.toml:2:1: warning: NMAE is not used by the tutorial (did you mean NAME?)"},
		{[]string{"check", "-C", filepath.Join(dir, "nope"), "--values", filepath.Join(dir, "ok.toml")}, 1, "error: project directory " + filepath.ToSlash(filepath.Join(dir, "nope")) + " does not exist"},
		{[]string{"check", "-C", dir, "--values", filepath.Join(dir, "none*.toml")}, 1, "error: no values file matches"},
	}
	for _, tt := range tests {
		code, _, stderr := tailor(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("tailor %q: exit %d, stderr:\n%s\nwant exit %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}

func TestInit(t *testing.T) {
	dir := project(t, map[string]string{
		"tailor.toml": "[placeholders.DOMAIN]\ndescription = \"Where the site is\"\nexample = \"shop.example\"\n",
		"page.md":     "# T\n\nAdd the following to `/etc/x.conf`:\n\n```ini\nname = $DOMAIN\npass = $DB_PASSWORD\n```\n\n<!-- only: nginx or (apache and not html) -->\nOn $DOMAIN and $DOMAIN.\n<!-- end only -->\n",
		"have.toml":   "DOMAIN = \"a.example\"\n",
	})
	code, stdout, _ := tailor(t, nil, "init", "-C", dir)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"# Where the site is\n", "# used at page.md:6, page.md:11\n", "\n# DOMAIN = \"shop.example\"  # an example\n", "\n# DB_PASSWORD = { env = \"DB_PASSWORD\" }\n",
		"# Tags choose the tutorial's conditional content; it uses apache, nginx.\n# tags = []\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("init output lacks %q:\n%s", want, stdout)
		}
	}
	// The skeleton as it is builds nothing: every value is to be given.
	skeleton := filepath.Join(dir, "skeleton.toml")
	if err := os.WriteFile(skeleton, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := tailor(t, nil, "check", "-C", dir, "--values", skeleton)
	if code != 1 || !strings.Contains(stderr, "undefined placeholder $DOMAIN") || !strings.Contains(stderr, "undefined placeholder $DB_PASSWORD") {
		t.Errorf("check of the skeleton as it is: exit %d\n%s", code, stderr)
	}
	_, stdout, _ = tailor(t, nil, "init", "-C", dir, "--values", filepath.Join(dir, "have.toml"))
	if strings.Contains(stdout, "DOMAIN =") || !strings.Contains(stdout, "DB_PASSWORD = { env") || !strings.Contains(stdout, "# Missing from ") {
		t.Errorf("init with values:\n%s", stdout)
	}
}

func TestValidate(t *testing.T) {
	page := "# Site\n\n```nginx {file=\"/etc/nginx/conf.d/$DOMAIN.conf\" validate=\"grep -q WANT %s\"}\nserver { server_name $DOMAIN; }\n```\n"
	for _, tt := range []struct {
		want string
		code int
	}{{"server_name", 0}, {"listen", 1}} {
		dir := project(t, map[string]string{
			"page.md":           strings.Replace(page, "WANT", tt.want, 1),
			"clients/acme.toml": "DOMAIN = \"acme.example\"\n",
		})
		code, _, stderr := tailor(t, nil, "check", "-C", dir)
		if code != tt.code {
			t.Errorf("validate grep -q %s: exit %d, want %d\n%s", tt.want, code, tt.code, stderr)
		}
		if tt.code == 1 && !strings.Contains(stderr, `page.md:3:10: error: /etc/nginx/conf.d/acme.example.conf does not pass "grep -q listen %s": exit status 1`) {
			t.Errorf("stderr:\n%s", stderr)
		}
	}
}

// TestFailedRebuild: a client whose rebuild fails keeps its earlier
// output, whole, and the message says so.
func TestFailedRebuild(t *testing.T) {
	dir := project(t, map[string]string{
		"page.md":           "# T\n\nCreate file `/etc/x.conf` with the following contents:\n\n```ini\nname = $NAME\n```\n",
		"clients/acme.toml": "NAME = \"x\"\n",
	})
	if code, _, stderr := tailor(t, nil, "build", "-C", dir); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "clients/acme.toml"), []byte("NAME = = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := tailor(t, nil, "build", "-C", dir)
	want := "failed: nothing written for it; " + filepath.ToSlash(filepath.Join(dir, "out", "acme")) + " still holds an earlier build"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d\n%s\nwant %q", code, stderr, want)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "out/acme/rootfs/etc/x.conf")); err != nil || string(data) != "name = x\n" {
		t.Errorf("earlier output: %q, %v", data, err)
	}
}

// TestDiffCommandPending: before a build has kept a generated value,
// diff says which files it could not compare, and does not call the
// system the same.
func TestDiffCommandPending(t *testing.T) {
	dir := project(t, map[string]string{
		"tailor.toml":       "[placeholders.API_TOKEN]\ngenerate = \"hex:16\"\n",
		"page.md":           "# T\n\nCreate file `/etc/x.conf` with the following contents:\n\n```ini\nname = $NAME\n```\n\nCreate file `/etc/t.conf` with the following contents:\n\n```ini\ntoken = $API_TOKEN\n```\n",
		"clients/acme.toml": "NAME = \"x\"\n",
	})
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "etc"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"etc/x.conf": "name = x\n", "etc/t.conf": "token = 0123\n"} {
		if err := os.WriteFile(filepath.Join(root, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := tailor(t, nil, "diff", "-C", dir, "--values", filepath.Join(dir, "clients/acme.toml"), "--root", root)
	want := "/etc/t.conf: not compared: it holds $API_TOKEN, which tailor generates on the first build and no build has kept yet (tailor build keeps it beside the values file, in .tailor-state/)\n" +
		"acme: no difference with " + root + " in what was compared; 1 file not compared until a build keeps the values tailor generates\n"
	if code != 1 || stdout != want {
		t.Errorf("exit %d\n%s\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
}

func TestDiffCommand(t *testing.T) {
	dir := project(t, map[string]string{
		"page.md":           "# T\n\nCreate file `/etc/x.conf` with the following contents:\n\n```ini\nname = $NAME\n```\n",
		"clients/acme.toml": "NAME = \"x\"\n",
	})
	root := t.TempDir()
	values := filepath.Join(dir, "clients/acme.toml")
	if err := os.MkdirAll(filepath.Join(root, "etc"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "etc/x.conf"), []byte("name = x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := tailor(t, nil, "diff", "-C", dir, "--values", values, "--root", root)
	if code != 0 || stdout != "acme: "+root+" is as tailor builds it\n" {
		t.Errorf("same: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if err := os.WriteFile(filepath.Join(root, "etc/x.conf"), []byte("name = y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = tailor(t, nil, "diff", "-C", dir, "--values", values, "--root", root)
	if want := "/etc/x.conf: content differs\n    -name = x\n    +name = y\nacme: 1 difference with " + root + "\n"; code != 1 || stdout != want {
		t.Errorf("drift: exit %d\n%s\nwant:\n%s", code, stdout, want)
	}
	code, stdout, _ = tailor(t, nil, "diff", "-C", dir, "--values", values, "--root", root, "--json")
	if code != 1 || !strings.Contains(stdout, `"same": false`) || !strings.Contains(stdout, `"what": "content"`) {
		t.Errorf("drift, JSON: exit %d\n%s", code, stdout)
	}
	for _, args := range [][]string{
		{"diff", "-C", dir, "--values", values},
		{"diff", "-C", dir, "--root", root},
		{"diff", "-C", dir, "--values", values, "--root", filepath.Join(root, "nope")},
	} {
		if code, _, _ := tailor(t, nil, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}

// TestPlainTextPlaceholder: a values key written like the tutorial's
// plain-text stand-in (your_domain) says how to make it a placeholder.
func TestPlainTextPlaceholder(t *testing.T) {
	dir := project(t, map[string]string{
		"p.md":    "# T\n\nCreate file `/etc/nginx/sites-available/your_domain` with the following contents (the domain of the site):\n\n```nginx\nserver_name your_domain;\n```\n",
		"v.toml":  "your_domain = \"a.example\"\n",
		"v2.toml": "domain = \"a.example\"\n",
	})
	_, _, stderr := tailor(t, nil, "check", "-C", dir, "--values", filepath.Join(dir, "v.toml"))
	if !strings.Contains(stderr, "the tutorial writes your_domain 2 times as plain text: write it $YOUR_DOMAIN there to make it a placeholder, and YOUR_DOMAIN here") {
		t.Errorf("stderr:\n%s", stderr)
	}
	_, _, stderr = tailor(t, nil, "check", "-C", dir, "--values", filepath.Join(dir, "v2.toml"))
	if !strings.Contains(stderr, "(did you mean DOMAIN?)") {
		t.Errorf("a word of the prose, not a stand-in: stderr:\n%s", stderr)
	}
}

// TestValuesRelativeToProjectHint: --values names a file from the current
// directory; one that exists only in the -C directory gets a hint.
func TestValuesRelativeToProjectHint(t *testing.T) {
	dir := project(t, map[string]string{
		"page.rst":          strings.Replace(page, "$DOMAN", "$DOMAIN", 1),
		"clients/acme.toml": "DOMAIN = \"acme.example\"\n",
	})
	code, _, stderr := tailor(t, nil, "check", "-C", dir, "--values", "clients/acme.toml")
	want := "clients/acme.toml: error: no values file matches clients/acme.toml (--values is relative to the current directory: did you mean " + filepath.ToSlash(filepath.Join(dir, "clients/acme.toml")) + "?)"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant a line\n%s", code, stderr, want)
	}
}

func TestFlagBeforeCommand(t *testing.T) {
	code, _, stderr := tailor(t, nil, "--values", "x.toml", "build")
	want := `tailor: --values goes after the command, as in "tailor build --values x.toml"`
	if code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant %s", code, stderr, want)
	}
}

// TestInitLeavesShellVariables: a variable a shell block assigns is the
// shell's, not a value for the client to give.
func TestInitLeavesShellVariables(t *testing.T) {
	dir := project(t, map[string]string{
		"page.md": "# B\n\nCreate `/usr/local/bin/backup.sh`:\n\n```bash\n#!/bin/sh\nDUMPDIR=/var/backups/$APP\nmkdir -p \"$DUMPDIR\"\n```\n",
	})
	_, stdout, _ := tailor(t, nil, "init", "-C", dir)
	if !strings.Contains(stdout, "# APP = \"\"") || strings.Contains(stdout, "DUMPDIR") {
		t.Errorf("init:\n%s", stdout)
	}
}

func TestPlanRules(t *testing.T) {
	dir := project(t, map[string]string{"page.md": "# Site\n\nAdd the following to `/etc/hosts`:\n\n```text\n127.0.0.1 a\n```\n\n" +
		"For example, add this to `/etc/hosts`:\n\n```text\n10.0.0.1 b\n```\n"})
	code, stdout, stderr := tailor(t, nil, "plan", "-C", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"append /etc/hosts  (inferred: Add the following to)  [add.to-path]", "[veto.example]"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("plan does not show %q:\n%s", want, stdout)
		}
	}
	code, stdout, _ = tailor(t, nil, "plan", "-C", dir, "--json", "--rules")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var rep struct {
		Docs []struct {
			Blocks []struct {
				Rule      string   `json:"rule"`
				Also      []string `json:"also"`
				Overruled []string `json:"overruled"`
			} `json:"blocks"`
		} `json:"docs"`
		Rules []struct {
			ID        string `json:"id"`
			Hits      int    `json:"hits"`
			Overruled int    `json:"overruled"`
		} `json:"rules"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	b := rep.Docs[0].Blocks
	if b[0].Rule != "add.to-path" || b[1].Rule != "veto.example" || len(b[1].Overruled) != 1 || b[1].Overruled[0] != "add.to-path" {
		t.Errorf("blocks: %+v", b)
	}
	hits := map[string][2]int{}
	for _, r := range rep.Rules {
		hits[r.ID] = [2]int{r.Hits, r.Overruled}
	}
	if hits["add.to-path"] != [2]int{1, 1} || hits["veto.example"] != [2]int{1, 0} {
		t.Errorf("counts: add.to-path %v, veto.example %v", hits["add.to-path"], hits["veto.example"])
	}
	if _, ok := hits["veto.session"]; !ok {
		t.Error("--rules leaves out rules that never fired")
	}
	code, stdout, _ = tailor(t, nil, "plan", "-C", dir, "--rules")
	if code != 0 || !strings.Contains(stdout, "veto.session") {
		t.Errorf("plan --rules: exit %d\n%s", code, stdout)
	}
}
