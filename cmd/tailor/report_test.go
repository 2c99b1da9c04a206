package main

import (
	"encoding/json"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestCheckJSON: a page with a typo gives the diagnostic with its
// position as JSON, and exit status 1.
func TestCheckJSON(t *testing.T) {
	dir := project(t, map[string]string{"page.rst": page, "clients/acme.toml": "DOMAIN = \"acme.example\"\n"})
	code, stdout, stderr := tailor(t, nil, "check", "-C", dir, "--json")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if stderr != "" {
		t.Errorf("stderr: %q", stderr)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	want := jsonDiag{
		File: filepath.ToSlash(filepath.Join(dir, "page.rst")), Line: 9, Column: 20, Severity: "error",
		Message: "undefined placeholder $DOMAN (did you mean $DOMAIN?)", Clients: []string{"acme"},
	}
	found := false
	for _, d := range rep.Diagnostics {
		found = found || d.File == want.File && d.Line == want.Line && d.Column == want.Column &&
			d.Severity == want.Severity && d.Message == want.Message && strings.Join(d.Clients, ",") == "acme"
	}
	if !found {
		t.Errorf("diagnostics %+v, want %+v", rep.Diagnostics, want)
	}
	if rep.OK || len(rep.Clients) != 1 || rep.Clients[0].Name != "acme" || rep.Clients[0].Status != "failed" || len(rep.Clients[0].Files) != 0 {
		t.Errorf("report: %+v", rep)
	}
}

func TestBuildJSON(t *testing.T) {
	dir := project(t, map[string]string{
		"page.rst":          strings.Replace(page, "$DOMAN", "$DOMAIN", 1),
		"clients/acme.toml": "DOMAIN = \"acme.example\"\nUNUSED = \"x\"\n",
	})
	out := filepath.Join(dir, "o")
	code, stdout, stderr := tailor(t, nil, "build", "-C", dir, "--out", out, "--json")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if !rep.OK || len(rep.Clients) != 1 {
		t.Fatalf("report: %+v", rep)
	}
	c := rep.Clients[0]
	if c.Status != "ok" || c.Dir != filepath.ToSlash(filepath.Join(out, "acme")) || !contains(c.Files, "rootfs/etc/nginx/sites-available/acme.example") || !contains(c.Files, "manifest.json") {
		t.Errorf("client: %+v", c)
	}
	if len(rep.Diagnostics) != 1 || rep.Diagnostics[0].Severity != "warning" || rep.Diagnostics[0].Line != 2 || rep.Diagnostics[0].Column != 1 {
		t.Errorf("diagnostics: %+v", rep.Diagnostics)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestFormatGitHub(t *testing.T) {
	dir := project(t, map[string]string{"page.rst": page, "clients/acme.toml": "DOMAIN = \"acme.example\"\n"})
	code, stdout, _ := tailor(t, nil, "check", "-C", dir, "--format", "github")
	want := "::error file=" + filepath.ToSlash(filepath.Join(dir, "page.rst")) + ",line=9,col=20::undefined placeholder $DOMAN (did you mean $DOMAIN?) [acme]\n"
	if code != 1 || !strings.Contains(stdout, want) {
		t.Errorf("exit %d, stdout:\n%s\nwant a line\n%s", code, stdout, want)
	}
	if got := escapeProperty("a:b,c%d\ne"); got != "a%3Ab%2Cc%25d%0Ae" {
		t.Errorf("escapeProperty = %q", got)
	}
	if code, _, stderr := tailor(t, nil, "check", "-C", dir, "--format", "xml"); code != 2 || !strings.Contains(stderr, `--format "xml"`) {
		t.Errorf("--format xml: exit %d\n%s", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, stdout, _ := tailor(t, nil, args...)
		if code != 0 || !strings.HasPrefix(stdout, "tailor ") {
			t.Errorf("%q: exit %d, %q", args, code, stdout)
		}
	}
	info := &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Path: "github.com/tailordocs/tailor", Version: "v1.2.3"}}
	if got := versionLine(info, true); got != "tailor v1.2.3, built with go1.26.1\n" {
		t.Errorf("installed: %q", got)
	}
	info.Main.Version = "(devel)"
	info.Settings = []debug.BuildSetting{{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.time", Value: "2026-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: "true"}}
	if got := versionLine(info, true); got != "tailor (devel) revision 0123abcd of 2026-01-02T03:04:05Z (modified), built with go1.26.1\n" {
		t.Errorf("from a clone: %q", got)
	}
}

// TestHelp: every command has --help, in the --flag spelling of the
// README, with its exit statuses; "tailor help COMMAND" says the same.
func TestHelp(t *testing.T) {
	for _, cmd := range commandOrder {
		code, stdout, stderr := tailor(t, nil, cmd, "--help")
		if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "usage: tailor "+cmd) || !strings.Contains(stdout, "Exit status: ") {
			t.Errorf("%s --help: exit %d\n%s%s", cmd, code, stdout, stderr)
		}
		if cmd != "version" && (!strings.Contains(stdout, "  -C DIR ") || !strings.Contains(stdout, "  --values FILE ")) {
			t.Errorf("%s --help lists its flags otherwise:\n%s", cmd, stdout)
		}
		_, again, _ := tailor(t, nil, "help", cmd)
		if again != stdout {
			t.Errorf("help %s differs from %s --help:\n%s", cmd, cmd, again)
		}
	}
	_, stdout, _ := tailor(t, nil, "build", "--help")
	for _, want := range []string{"  --out DIR ", "  --json ", "  --format FORMAT ", "0 every client built, 1 errors"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("build --help has no %q:\n%s", want, stdout)
		}
	}
	if code, _, _ := tailor(t, nil, "help", "frobnicate"); code != 2 {
		t.Errorf("help frobnicate: exit %d, want 2", code)
	}
}
