//go:build unix

package generator

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// editProject is a tutorial that sets settings in place in a file of the
// system (sshd_config) and in one a step copies on the server (conf.py),
// removes the default site for good, and sets a key of php.ini that the
// text gives without its section ([PHP]).
const editProject = "# Setup\n\n" +
	"Open `/etc/ssh/sshd_config` in your editor.\n\n" +
	"## Passwords\n\nTurn off passwords, and move the port:\n\n```\nPasswordAuthentication no\nPort 2222\n```\n\n" +
	"## The application\n\n```bash\ncd /opt/app\ncp conf_example.py conf.py\n```\n\n" +
	"Open `conf.py` and change these values:\n\n```python\nHOSTS = ['$DOMAIN']\nDATABASES = {\n    'default': {'NAME': 'app'},\n}\n```\n\n" +
	"## The default site\n\nRemove the default site, which would answer instead:\n\n```bash\nsudo rm /etc/nginx/sites-enabled/default\n```\n\n" +
	"## PHP\n\nIn `/etc/php/8.2/fpm/php.ini`, set:\n\n```ini\nmemory_limit = 256M\n```\n"

// TestEditInstall installs a build with edits and a removal into a root
// with each shell: settings are set where they stand (a commented-out key
// replaced in place, a multi-line value replaced whole), the default site
// goes, a second run changes nothing, tailor diff sees a key set back by
// hand, and a missing file stops install.sh before any change, naming the
// step that makes it.
func TestEditInstall(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "page.md", []byte(editProject), 0o644)
	afero.WriteFile(fsys, "clients/acme.toml", []byte("DOMAIN = \"acme.example\"\n"), 0o644)
	p, diags := Load(fsys, ".")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	run := p.Build(Options{DryRun: true})
	if run.Failed() {
		t.Fatal(run.Diags, run.Clients[0].Diags)
	}
	r := run.Clients[0]
	for _, shell := range []string{"dash", "bash"} {
		sh, err := exec.LookPath(shell)
		if err != nil {
			continue
		}
		t.Run(shell, func(t *testing.T) { testEditInstall(t, sh, r) })
	}
	t.Run("files page", func(t *testing.T) {
		page := string(r.Files["site/files.html"])
		for _, want := range []string{`id="kind-edit"`, "/etc/ssh/sshd_config", `id="kind-removed"`, "/etc/nginx/sites-enabled/default", "BEGIN tailor setup/acme"} {
			if !strings.Contains(page, want) {
				t.Errorf("the Files page lacks %q", want)
			}
		}
	})
}

func testEditInstall(t *testing.T, sh string, r *Result) {
	out, root := t.TempDir(), t.TempDir()
	for name, data := range r.Files {
		p := filepath.Join(out, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, data, 0o644)
	}
	write := func(p, data string) {
		p = filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	write("etc/ssh/sshd_config", "#Port 22\n  #PasswordAuthentication yes\nUsePAM yes\n")
	write("opt/app/conf.py", "HOSTS = []\nDATABASES = {\n    'default': {\n        'NAME': 'x',\n    },\n}\nDEBUG = False\n")
	write("etc/nginx/sites-available/default", "server {}\n")
	write("etc/php/8.2/fpm/php.ini", "[PHP]\nmemory_limit = 128M\n[Date]\n;date.timezone =\n")
	os.MkdirAll(filepath.Join(root, "etc/nginx/sites-enabled"), 0o755)
	os.Symlink("../sites-available/default", filepath.Join(root, "etc/nginx/sites-enabled/default"))

	install := func() (string, error) {
		cmd := exec.Command(sh, filepath.Join(out, "install.sh"), "--root", root)
		var b bytes.Buffer
		cmd.Stdout, cmd.Stderr = &b, &b
		err := cmd.Run()
		return b.String(), err
	}
	first, err := install()
	if err != nil {
		t.Fatalf("install.sh: %v\n%s", err, first)
	}
	read := func(p string) string { data, _ := os.ReadFile(filepath.Join(root, p)); return string(data) }
	if got, want := read("etc/ssh/sshd_config"), "Port 2222\n  PasswordAuthentication no\nUsePAM yes\n"; got != want {
		t.Errorf("sshd_config:\n%s\nwant:\n%s", got, want)
	}
	if got, want := read("opt/app/conf.py"), "HOSTS = ['acme.example']\nDATABASES = {\n    'default': {'NAME': 'app'},\n}\nDEBUG = False\n"; got != want {
		t.Errorf("conf.py:\n%s\nwant:\n%s", got, want)
	}
	if got, want := read("etc/php/8.2/fpm/php.ini"), "[PHP]\nmemory_limit = 256M\n[Date]\n;date.timezone =\n"; got != want {
		t.Errorf("php.ini:\n%s\nwant:\n%s", got, want)
	}
	if _, err := os.Lstat(filepath.Join(root, "etc/nginx/sites-enabled/default")); err == nil {
		t.Errorf("the default site is still there:\n%s", first)
	}
	if !strings.Contains(first, "backup /etc/ssh/sshd_config") {
		t.Errorf("no backup of sshd_config:\n%s", first)
	}
	before := snapshot(t, root)
	if second, err := install(); err != nil || strings.TrimSpace(second) != "up to date" {
		t.Errorf("second run: %v\n%s", err, second)
	}
	if after := snapshot(t, root); after != before {
		t.Errorf("second run changed the tree:\n%s\n%s", before, after)
	}

	write("etc/ssh/sshd_config", strings.Replace(read("etc/ssh/sshd_config"), "Port 2222", "Port 22", 1))
	drifts, err := Diff(r, afero.NewOsFs(), root)
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, d := range drifts {
		said = append(said, d.String())
	}
	if strings.Join(said, "\n") != "/etc/ssh/sshd_config: Port is set otherwise" {
		t.Errorf("tailor diff says:\n%s", strings.Join(said, "\n"))
	}

	os.Remove(filepath.Join(root, "opt/app/conf.py"))
	before = snapshot(t, root)
	msg, err := install()
	if err == nil || !strings.Contains(msg, "/opt/app/conf.py is not there to set HOSTS, DATABASES in: it is made by the step at page.md:") || !strings.Contains(msg, "cp conf_example.py conf.py") {
		t.Errorf("a missing file: %v\n%s", err, msg)
	}
	if after := snapshot(t, root); after != before {
		t.Errorf("install.sh changed the tree before refusing:\n%s\n%s", before, after)
	}
}
