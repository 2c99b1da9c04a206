//go:build unix

package manifest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// shells returns the POSIX shells to run install.sh with: dash and bash
// when present, else sh.
func shells(t *testing.T) []string {
	t.Helper()
	var out []string
	seen := make(map[string]bool)
	for _, name := range []string{"dash", "bash"} {
		p, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		if r, err := filepath.EvalSymlinks(p); err == nil && !seen[r] {
			seen[r] = true
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		if p, err := exec.LookPath("sh"); err == nil {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		t.Skip("no sh")
	}
	return out
}

func isRoot() bool { return os.Geteuid() == 0 }

// A bundle is what tailor writes for a client: rootfs/, fragments/ and
// install.sh, in dir.
type bundle struct {
	dir string
	m   *Manifest
}

// newBundle writes the manifest's files, whose contents are given by path,
// and install.sh, filling in the digests.
func newBundle(t *testing.T, m *Manifest, contents map[string]string) *bundle {
	t.Helper()
	dir := t.TempDir()
	for i := range m.Files {
		f := &m.Files[i]
		data, ok := contents[f.Path]
		if !ok {
			t.Fatalf("no content for %s", f.Path)
		}
		sum := sha256.Sum256([]byte(data))
		f.SHA256 = hex.EncodeToString(sum[:])
		sub := "rootfs"
		if f.Kind == KindFragment {
			sub = "fragments"
		}
		p := filepath.Join(dir, sub, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "install.sh"), m.InstallScript(), 0o755); err != nil {
		t.Fatal(err)
	}
	return &bundle{dir: dir, m: m}
}

// run runs install.sh with a shell and returns its output and exit status.
func (b *bundle) run(t *testing.T, sh string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	// a script that waits forever (reading a named pipe) fails the test
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, sh, append([]string{filepath.Join(b.dir, "install.sh")}, args...)...)
	cmd.Dir = t.TempDir() // not beside the script: it must find its files anyway
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// newRoot makes an install root with its own users and groups and the given
// files.
func newRoot(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	base := map[string]string{
		"/etc/passwd": "root:x:0:0:root:/root:/bin/sh\ntailorapp:x:4243:4242::/srv:/usr/sbin/nologin\n",
		"/etc/group":  "root:x:0:\ntailormail:x:4242:\ntailorapp:x:4243:\n",
	}
	for p, c := range files {
		base[p] = c
	}
	for p, c := range base {
		writeFile(t, filepath.Join(root, p), c)
	}
	return root
}

func writeFile(t *testing.T, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// snapshot describes every file under root: type, mode, owner, content or
// link target.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := make(map[string]string)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		s := fmt.Sprintf("%v", fi.Mode())
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			s += fmt.Sprintf(" %d:%d", st.Uid, st.Gid)
		}
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			s += " -> " + target
		case fi.Mode().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			s += " " + fmt.Sprintf("%q", data)
		}
		rel, _ := filepath.Rel(root, p)
		out[rel] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func diffSnapshots(a, b map[string]string) string {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var d strings.Builder
	for _, k := range keys {
		if a[k] != b[k] {
			fmt.Fprintf(&d, "%s:\n  before: %s\n  after:  %s\n", k, a[k], b[k])
		}
	}
	return d.String()
}

func checkMode(t *testing.T, p string, want fs.FileMode) {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky); got != want {
		t.Errorf("%s: mode %v, want %v", p, got, want)
	}
}

// checkOwnerIDs checks uid and gid when the tests run as root: otherwise the
// script does not set them.
func checkOwnerIDs(t *testing.T, p string, uid, gid int) {
	t.Helper()
	if !isRoot() {
		return
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	if int(st.Uid) != uid || int(st.Gid) != gid {
		t.Errorf("%s: owner %d:%d, want %d:%d", p, st.Uid, st.Gid, uid, gid)
	}
}

const oddPath = "/srv/it's a \"dir\"/$HOME `id` \\n\nline"

// fullManifest has one of each kind of entry.
func fullManifest() (*Manifest, map[string]string) {
	m := &Manifest{
		Project: "shop",
		Client:  "acme",
		Files: []File{
			{Path: "/etc/postfix/smtp_auth", Kind: KindFile, Mode: "0640", Owner: "root", Group: "tailormail"},
			{Path: "/etc/opt/acme/settings.py", Kind: KindFile},
			{Path: "/etc/motd", Kind: KindFile},
			{Path: "/etc/postfix/main.cf", Kind: KindFragment, Comment: "#"},
			{Path: "/etc/ssh/sshd_config", Kind: KindFragment, Before: "Match User backup"},
			{Path: "/etc/hosts.allow", Kind: KindFragment, After: "# local"},
			{Path: "/etc/app.ini", Kind: KindFragment, Comment: ";", After: "[no such section]"},
			{Path: "/var/www/acme/index.html", Kind: KindFragment, Comment: "<!--", Mode: "0644", Owner: "tailorapp", Group: "tailorapp"},
			{Path: oddPath, Kind: KindFile, Mode: "600"},
		},
		Dirs: []Dir{
			{Path: "/etc/opt/acme", Mode: "0750", Owner: "root", Group: "tailorapp"},
			{Path: "/var/opt/acme/media", Mode: "2770", Owner: "tailorapp", Group: "tailorapp"},
		},
		Links: []Link{
			{Path: "/etc/nginx/sites-enabled/acme.example", Target: "../sites-available/acme.example"},
			{Path: "/etc/nginx/sites-enabled/default", Target: "../sites-available/acme.example"},
		},
	}
	contents := map[string]string{
		"/etc/postfix/smtp_auth":    "smtp.example.com acme:s3cret\n",
		"/etc/opt/acme/settings.py": "DEBUG = False\nALLOWED_HOSTS = ['acme.example']\n",
		"/etc/motd":                 "Welcome to acme.\n",
		"/etc/postfix/main.cf":      "relayhost = [smtp.example.com]:587\nsmtp_tls_security_level = encrypt\n",
		"/etc/ssh/sshd_config":      "PasswordAuthentication no\n",
		"/etc/hosts.allow":          "sshd: 10.0.0.0/8\n",
		"/etc/app.ini":              "debug = false\n",
		"/var/www/acme/index.html":  "<p>acme</p>\n",
		oddPath:                     "odd\n",
	}
	return m, contents
}

// existing is what the install root holds before the first run.
var existing = map[string]string{
	"/etc/motd":                 "An old message.\n",
	"/etc/postfix/main.cf":      "# main.cf\nmyhostname = mail\ninet_interfaces = all", // no final newline
	"/etc/ssh/sshd_config":      "Port 22\n\n  Match User backup  \n    ForceCommand internal-sftp\n",
	"/etc/hosts.allow":          "# local\nALL: 127.0.0.1\n",
	"/etc/app.ini":              "[main]\nname = app\n",
	"/etc/nginx/sites-enabled/": "",
}

func TestInstallScript(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m, contents := fullManifest()
			b := newBundle(t, m, contents)
			files := make(map[string]string)
			for p, c := range existing {
				if !strings.HasSuffix(p, "/") {
					files[p] = c
				}
			}
			root := newRoot(t, files)
			if err := os.MkdirAll(filepath.Join(root, "etc/nginx/sites-enabled"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("../sites-available/default", filepath.Join(root, "etc/nginx/sites-enabled/default")); err != nil {
				t.Fatal(err)
			}

			out, errOut, code := b.run(t, sh, "--root", root)
			if code != 0 {
				t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
			}
			wantOut := `created directory /etc/opt (0755)
created directory /etc/opt/acme (0750 root:tailorapp)
created directory /srv (0755)
created directory /srv/it's a "dir" (0755)
created directory /var (0755)
created directory /var/opt (0755)
created directory /var/opt/acme (0755)
created directory /var/opt/acme/media (2770 tailorapp:tailorapp)
created directory /var/www (0755)
created directory /var/www/acme (0755)
backup /etc/motd -> /var/backups/tailor/etc/motd
replaced /etc/motd (0644)
created /etc/opt/acme/settings.py (0644)
created /etc/postfix/smtp_auth (0640 root:tailormail)
created ` + oddPath + ` (0600)
backup /etc/app.ini -> /var/backups/tailor/etc/app.ini
merged into /etc/app.ini
backup /etc/hosts.allow -> /var/backups/tailor/etc/hosts.allow
merged into /etc/hosts.allow
backup /etc/postfix/main.cf -> /var/backups/tailor/etc/postfix/main.cf
merged into /etc/postfix/main.cf
backup /etc/ssh/sshd_config -> /var/backups/tailor/etc/ssh/sshd_config
merged into /etc/ssh/sshd_config
created /var/www/acme/index.html with only the merged block (0644 tailorapp:tailorapp)
linked /etc/nginx/sites-enabled/acme.example -> ../sites-available/acme.example
linked /etc/nginx/sites-enabled/default -> ../sites-available/acme.example (was -> ../sites-available/default)
`
			if out != wantOut {
				t.Errorf("stdout:\n%s\nwant:\n%s", out, wantOut)
			}
			wantErr := "install.sh: warning: /etc/app.ini has no line \"[no such section]\": the block goes at the end\n"
			if !isRoot() {
				wantErr += "install.sh: warning: not running as root: owners and groups not set\n"
			}
			if errOut != wantErr {
				t.Errorf("stderr:\n%s\nwant:\n%s", errOut, wantErr)
			}

			r := func(p string) string { return filepath.Join(root, p) }
			// Whole files.
			if got := readFile(t, r("/etc/postfix/smtp_auth")); got != contents["/etc/postfix/smtp_auth"] {
				t.Errorf("smtp_auth = %q", got)
			}
			checkMode(t, r("/etc/postfix/smtp_auth"), 0o640)
			checkOwnerIDs(t, r("/etc/postfix/smtp_auth"), 0, 4242)
			checkMode(t, r("/etc/opt/acme/settings.py"), 0o644)
			checkMode(t, r(oddPath), 0o600)
			if got := readFile(t, r(oddPath)); got != "odd\n" {
				t.Errorf("odd path = %q", got)
			}
			if got := readFile(t, r("/etc/motd")); got != contents["/etc/motd"] {
				t.Errorf("motd = %q", got)
			}
			if got := readFile(t, r("/var/backups/tailor/etc/motd")); got != existing["/etc/motd"] {
				t.Errorf("motd backup = %q", got)
			}
			checkMode(t, r("/var/backups/tailor"), 0o700)
			// Directories.
			checkMode(t, r("/etc/opt/acme"), 0o750)
			checkOwnerIDs(t, r("/etc/opt/acme"), 0, 4243)
			checkMode(t, r("/var/opt/acme/media"), 0o770|fs.ModeSetgid)
			checkOwnerIDs(t, r("/var/opt/acme/media"), 4243, 4243)
			// Fragments.
			for p, want := range map[string]string{
				"/etc/postfix/main.cf": "# main.cf\nmyhostname = mail\ninet_interfaces = all\n" +
					"# BEGIN tailor shop/acme\nrelayhost = [smtp.example.com]:587\nsmtp_tls_security_level = encrypt\n# END tailor shop/acme\n",
				"/etc/ssh/sshd_config": "Port 22\n\n# BEGIN tailor shop/acme\nPasswordAuthentication no\n# END tailor shop/acme\n" +
					"  Match User backup  \n    ForceCommand internal-sftp\n",
				"/etc/hosts.allow":         "# local\n# BEGIN tailor shop/acme\nsshd: 10.0.0.0/8\n# END tailor shop/acme\nALL: 127.0.0.1\n",
				"/etc/app.ini":             "[main]\nname = app\n; BEGIN tailor shop/acme\ndebug = false\n; END tailor shop/acme\n",
				"/var/www/acme/index.html": "<!-- BEGIN tailor shop/acme -->\n<p>acme</p>\n<!-- END tailor shop/acme -->\n",
			} {
				if got := readFile(t, r(p)); got != want {
					t.Errorf("%s =\n%q\nwant\n%q", p, got, want)
				}
			}
			checkOwnerIDs(t, r("/var/www/acme/index.html"), 4243, 4243)
			// Links.
			for p, want := range map[string]string{
				"/etc/nginx/sites-enabled/acme.example": "../sites-available/acme.example",
				"/etc/nginx/sites-enabled/default":      "../sites-available/acme.example",
			} {
				if got, err := os.Readlink(r(p)); err != nil || got != want {
					t.Errorf("%s -> %q (%v), want %q", p, got, err, want)
				}
			}

			// A second run changes nothing and says so.
			before := snapshot(t, root)
			out, _, code = b.run(t, sh, "--root", root)
			if code != 0 || out != "up to date\n" {
				t.Errorf("second run: exit %d, stdout:\n%s", code, out)
			}
			if d := diffSnapshots(before, snapshot(t, root)); d != "" {
				t.Errorf("second run changed:\n%s", d)
			}

			// Edits by hand are set right again, and only they; the edit
			// inside the block is kept in a backup.
			edited := strings.Replace(readFile(t, r("/etc/postfix/main.cf")), "encrypt", "may", 1)
			writeFile(t, r("/etc/postfix/main.cf"), edited)
			if err := os.Chmod(r("/etc/postfix/smtp_auth"), 0o644); err != nil {
				t.Fatal(err)
			}
			out, _, code = b.run(t, sh, "--root="+root)
			want := "changed /etc/postfix/smtp_auth (0640 root:tailormail)\n" +
				"backup /etc/postfix/main.cf -> /var/backups/tailor/etc/postfix/main.cf.~1~\nmerged into /etc/postfix/main.cf\n"
			if code != 0 || out != want {
				t.Errorf("after edits: exit %d, stdout:\n%s\nwant:\n%s", code, out, want)
			}
			if got := readFile(t, r("/var/backups/tailor/etc/postfix/main.cf.~1~")); got != edited {
				t.Errorf("the backup of the edited file holds %q, want %q", got, edited)
			}
			after := snapshot(t, root)
			delete(after, "var/backups/tailor/etc/postfix/main.cf.~1~")
			if d := diffSnapshots(before, after); d != "" {
				t.Errorf("after edits, the tree differs from the first install:\n%s", d)
			}
		})
	}
}

func TestInstallScriptDryRun(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m, contents := fullManifest()
			b := newBundle(t, m, contents)
			files := make(map[string]string)
			for p, c := range existing {
				if !strings.HasSuffix(p, "/") {
					files[p] = c
				}
			}
			root := newRoot(t, files)
			before := snapshot(t, root)
			dry, _, code := b.run(t, sh, "--dry-run", "--root", root)
			if code != 0 {
				t.Fatalf("exit %d", code)
			}
			if d := diffSnapshots(before, snapshot(t, root)); d != "" {
				t.Errorf("--dry-run changed:\n%s", d)
			}
			real, _, code := b.run(t, sh, "--root", root)
			if code != 0 {
				t.Fatalf("exit %d", code)
			}
			// The dry run says what the real run does.
			if !strings.HasPrefix(dry, "dry run: created directory /etc/nginx (0755)\n") ||
				strings.ReplaceAll(dry, "dry run: ", "") != real {
				t.Errorf("--dry-run printed:\n%s\nthe install printed:\n%s", dry, real)
			}
			dry, _, _ = b.run(t, sh, "-n", "--root", root)
			if dry != "up to date\n" {
				t.Errorf("--dry-run after install printed:\n%s", dry)
			}
		})
	}
}

func TestInstallScriptRefuses(t *testing.T) {
	file := func(p, owner, group string) *Manifest {
		return &Manifest{Files: []File{{Path: p, Kind: KindFile, Owner: owner, Group: group}}}
	}
	for _, sh := range shells(t) {
		for _, c := range []struct {
			name    string
			m       *Manifest
			edit    func(t *testing.T, b *bundle, root string)
			wantErr string
		}{
			{
				name:    "missing user",
				m:       file("/etc/x/y", "nosuchuser", ""),
				wantErr: `install.sh: user "nosuchuser" does not exist in ROOT/etc/passwd (needed by /etc/x/y)`,
			},
			{
				name:    "missing group",
				m:       &Manifest{Dirs: []Dir{{Path: "/etc/x", Group: "nosuchgroup"}}, Files: []File{{Path: "/etc/x/y", Kind: KindFile}}},
				wantErr: `install.sh: group "nosuchgroup" does not exist in ROOT/etc/group (needed by /etc/x)`,
			},
			{
				name: "edited source",
				m:    file("/etc/x/y", "", ""),
				edit: func(t *testing.T, b *bundle, root string) {
					writeFile(t, filepath.Join(b.dir, "rootfs/etc/x/y"), "edited\n")
				},
				wantErr: "install.sh: rootfs/etc/x/y: sha256 is not the one in the manifest (changed after tailor made it?)",
			},
			{
				name: "missing source",
				m:    &Manifest{Files: []File{{Path: "/etc/x/y", Kind: KindFragment}}},
				edit: func(t *testing.T, b *bundle, root string) {
					if err := os.Remove(filepath.Join(b.dir, "fragments/etc/x/y")); err != nil {
						t.Fatal(err)
					}
				},
				wantErr: "install.sh: missing fragments/etc/x/y beside install.sh (needed for /etc/x/y)",
			},
			{
				name: "directory in the way",
				m:    file("/etc/x/y", "", ""),
				edit: func(t *testing.T, b *bundle, root string) {
					if err := os.MkdirAll(filepath.Join(root, "etc/x/y"), 0o755); err != nil {
						t.Fatal(err)
					}
				},
				wantErr: "install.sh: /etc/x/y is a directory (a file or link is needed there)",
			},
			{
				name: "file in the way",
				m:    file("/etc/x/y", "", ""),
				edit: func(t *testing.T, b *bundle, root string) {
					writeFile(t, filepath.Join(root, "etc/x"), "")
				},
				wantErr: "install.sh: /etc/x is not a directory (a directory is needed there)",
			},
			{
				name: "begin marker without end",
				m:    &Manifest{Files: []File{{Path: "/etc/x/y", Kind: KindFragment}}},
				edit: func(t *testing.T, b *bundle, root string) {
					writeFile(t, filepath.Join(root, "etc/x/y"), "a\n# BEGIN tailor\nb\n")
				},
				wantErr: `install.sh: /etc/x/y has a line "# BEGIN tailor" without its "# END tailor": fix it by hand`,
			},
		} {
			t.Run(filepath.Base(sh)+"/"+c.name, func(t *testing.T) {
				contents := make(map[string]string)
				for _, f := range c.m.Files {
					contents[f.Path] = "content\n"
				}
				b := newBundle(t, c.m, contents)
				root := newRoot(t, nil)
				if c.edit != nil {
					c.edit(t, b, root)
				}
				before := snapshot(t, root)
				out, errOut, code := b.run(t, sh, "--root", root)
				if code != 1 {
					t.Errorf("exit %d, want 1", code)
				}
				if out != "" {
					t.Errorf("stdout: %q", out)
				}
				want := strings.ReplaceAll(c.wantErr, "ROOT", root) + "\ninstall.sh: nothing changed\n"
				if errOut != want {
					t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
				}
				if d := diffSnapshots(before, snapshot(t, root)); d != "" {
					t.Errorf("changed:\n%s", d)
				}
			})
		}
	}
}

func TestInstallScriptUsage(t *testing.T) {
	m := &Manifest{}
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			b := newBundle(t, m, nil)
			for _, c := range []struct {
				args      []string
				code      int
				stdout    bool // usage on stdout
				errPrefix string
			}{
				{[]string{"--help"}, 0, true, ""},
				{[]string{"--frobnicate"}, 2, false, "install.sh: unknown option --frobnicate\nusage: install.sh [--root DIR]"},
				{[]string{"extra"}, 2, false, "install.sh: unknown option extra\nusage:"},
				{[]string{"--root"}, 2, false, "install.sh: --root needs a directory\nusage:"},
				{[]string{"--root", ""}, 2, false, "install.sh: --root needs a directory\nusage:"},
				{[]string{"--root="}, 2, false, "install.sh: --root needs a directory\nusage:"},
				{[]string{"--root", "/no/such/dir"}, 1, false, "install.sh: --root /no/such/dir: no such directory\n"},
			} {
				out, errOut, code := b.run(t, sh, c.args...)
				if code != c.code {
					t.Errorf("%v: exit %d, want %d", c.args, code, c.code)
				}
				if c.stdout != strings.HasPrefix(out, "usage: install.sh [--root DIR] [--dry-run] [--help]\n") {
					t.Errorf("%v: stdout %q", c.args, out)
				}
				if !strings.HasPrefix(errOut, c.errPrefix) {
					t.Errorf("%v: stderr %q, want it to start with %q", c.args, errOut, c.errPrefix)
				}
			}
			// An empty manifest installs nothing.
			root := t.TempDir()
			if out, _, code := b.run(t, sh, "--root", root); code != 0 || out != "up to date\n" {
				t.Errorf("empty manifest: exit %d, stdout %q", code, out)
			}
		})
	}
}

func TestInstallScriptBackups(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{Files: []File{{Path: "/etc/x.conf", Kind: KindFile, Mode: "0600"}}}
			b := newBundle(t, m, map[string]string{"/etc/x.conf": "new\n"})
			root := newRoot(t, map[string]string{"/etc/x.conf": "old\n"})
			p := filepath.Join(root, "etc/x.conf")
			step := func(want string) {
				t.Helper()
				out, errOut, code := b.run(t, sh, "--root", root)
				if code != 0 || out != want {
					t.Errorf("exit %d, stdout:\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
				}
			}
			step("backup /etc/x.conf -> /var/backups/tailor/etc/x.conf\nreplaced /etc/x.conf (0600)\n")
			// Edited again: the first backup stays, a second is made.
			writeFile(t, p, "edited\n")
			step("backup /etc/x.conf -> /var/backups/tailor/etc/x.conf.~1~\nreplaced /etc/x.conf (0600)\n")
			// Back to the content of a backup: no new backup.
			writeFile(t, p, "old\n")
			step("replaced /etc/x.conf (0600)\n")
			step("up to date\n")
			if got := readFile(t, p); got != "new\n" {
				t.Errorf("x.conf = %q", got)
			}
			backups := filepath.Join(root, "var/backups/tailor")
			checkMode(t, backups, 0o700)
			checkMode(t, filepath.Join(backups, "etc"), 0o700)
			want := map[string]string{
				"etc/x.conf": fmt.Sprintf("%v %q", fs.FileMode(0o644), "old\n"), "etc/x.conf.~1~": fmt.Sprintf("%v %q", fs.FileMode(0o600), "edited\n"),
			}
			got := make(map[string]string)
			for name, s := range snapshot(t, backups) {
				if !strings.HasPrefix(s, "d") {
					// mode and content, not the owner
					mode, rest, _ := strings.Cut(s, " ")
					_, content, _ := strings.Cut(rest, " ")
					got[name] = mode + " " + content
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("backups: %q, want %q", got, want)
			}
			// Nothing is left beside the file: a directory whose files are
			// all read (conf.d/*) gets no extra file.
			entries, _ := os.ReadDir(filepath.Join(root, "etc"))
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if w := []string{"group", "passwd", "x.conf"}; !reflect.DeepEqual(names, w) {
				t.Errorf("etc holds %q, want %q", names, w)
			}
		})
	}
}

// TestInstallScriptHostUsers installs with owners looked up on the host,
// as without --root (the root has no etc/passwd).
func TestInstallScriptHostUsers(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{Files: []File{{Path: "/etc/x", Kind: KindFile, Owner: "root", Group: "root", Mode: "0600"}}}
			b := newBundle(t, m, map[string]string{"/etc/x": "x\n"})
			root := t.TempDir()
			out, errOut, code := b.run(t, sh, "--root", root)
			if code != 0 || !strings.Contains(out, "created /etc/x (0600 root:root)\n") {
				t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
			}
			checkOwnerIDs(t, filepath.Join(root, "etc/x"), 0, 0)
		})
	}
}

// TestInstallScriptFragmentThroughLink merges into a file that a link
// names: the link stays, the file it points to gets the block.
func TestInstallScriptFragmentThroughLink(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{Files: []File{{Path: "/etc/resolv.conf", Kind: KindFragment}}}
			b := newBundle(t, m, map[string]string{"/etc/resolv.conf": "options edns0\n"})
			root := newRoot(t, map[string]string{"/run/resolv.conf": "nameserver 10.0.0.1\n"})
			if err := os.Symlink("../run/resolv.conf", filepath.Join(root, "etc/resolv.conf")); err != nil {
				t.Fatal(err)
			}
			out, _, code := b.run(t, sh, "--root", root)
			if code != 0 || out != "backup /etc/resolv.conf -> /var/backups/tailor/etc/resolv.conf\nmerged into /etc/resolv.conf\n" {
				t.Errorf("exit %d, stdout %q", code, out)
			}
			if target, err := os.Readlink(filepath.Join(root, "etc/resolv.conf")); err != nil || target != "../run/resolv.conf" {
				t.Errorf("link: %q, %v", target, err)
			}
			want := "nameserver 10.0.0.1\n# BEGIN tailor\noptions edns0\n# END tailor\n"
			if got := readFile(t, filepath.Join(root, "run/resolv.conf")); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
			if out, _, _ := b.run(t, sh, "--root", root); out != "up to date\n" {
				t.Errorf("second run: %q", out)
			}
		})
	}
}

func TestShQuote(t *testing.T) {
	for _, sh := range shells(t) {
		for _, s := range []string{
			"", "plain", "it's", `"double"`, "$HOME", "`id`", "$(id)", "a\nb", `back\slash`, "'", "''", " lead", "tab\t",
		} {
			out, err := exec.Command(sh, "-c", "printf '%s' "+shQuote(s)).Output()
			if err != nil || string(out) != s {
				t.Errorf("%s: %q quoted as %s gives %q (%v)", sh, s, shQuote(s), out, err)
			}
		}
	}
}

func TestShellcheck(t *testing.T) {
	sc, err := exec.LookPath("shellcheck")
	if err != nil {
		t.Skip("no shellcheck")
	}
	m, contents := fullManifest()
	b := newBundle(t, m, contents)
	out, err := exec.Command(sc, "-s", "sh", filepath.Join(b.dir, "install.sh")).CombinedOutput()
	if err != nil {
		t.Errorf("shellcheck: %v\n%s", err, out)
	}
}

// TestInstallScriptStaysUnderRoot: with --root, a symbolic link that leads
// a path out of the root (an absolute one names a place on the host) is
// refused before anything changes; relative links inside the root are
// followed.
func TestInstallScriptStaysUnderRoot(t *testing.T) {
	const out = "leads out of ROOT through a symbolic link"
	const missing = "is a symbolic link into a directory that does not exist"
	const absDir = "/etc/app is an absolute symbolic link, which this system would follow out of ROOT"
	for _, tc := range []struct {
		name string
		link string // at /etc/app in the root; OUT is a directory outside it
		m    *Manifest
		want string // ROOT is the root
	}{
		{"dir through absolute link", "OUT", &Manifest{Dirs: []Dir{{Path: "/etc/app/conf.d"}}}, absDir},
		{"file through absolute link", "OUT", &Manifest{Files: []File{{Path: "/etc/app/x.conf", Kind: KindFile}}}, absDir},
		{"file through absolute link to nothing", "/nonexistent/dir", &Manifest{Files: []File{{Path: "/etc/app/x.conf", Kind: KindFile}}}, absDir},
		{"file through relative link to nothing", "../nowhere", &Manifest{Files: []File{{Path: "/etc/app/x.conf", Kind: KindFile}}}, "/etc/app is a symbolic link to nothing"},
		{"file through relative link", "../../out", &Manifest{Files: []File{{Path: "/etc/app/x.conf", Kind: KindFile}}}, out},
		// an absolute link at the path names a place under the root
		{"fragment at absolute link", "OUT/x.conf", &Manifest{Files: []File{{Path: "/etc/app", Kind: KindFragment}}}, missing},
		{"file at absolute link", "OUT/x.conf", &Manifest{Files: []File{{Path: "/etc/app", Kind: KindFile}}}, missing},
		{"file at relative link out", "../../out/x.conf", &Manifest{Files: []File{{Path: "/etc/app", Kind: KindFile}}}, out},
		{"file at absolute link climbing out", "/../out/x.conf", &Manifest{Files: []File{{Path: "/etc/app", Kind: KindFile}}}, out},
		{"link in linked dir", "OUT", &Manifest{Links: []Link{{Path: "/etc/app/l", Target: "x"}}}, absDir},
	} {
		for _, sh := range shells(t) {
			t.Run(tc.name+"/"+filepath.Base(sh), func(t *testing.T) {
				contents := make(map[string]string)
				for _, f := range tc.m.Files {
					contents[f.Path] = "x = 1\n"
				}
				b := newBundle(t, tc.m, contents)
				parent := t.TempDir()
				root := filepath.Join(parent, "root")
				outside := filepath.Join(parent, "out") // beside the root
				if err := os.Mkdir(outside, 0o755); err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(root, "etc/passwd"), "root:x:0:0::/:/bin/sh\n")
				if err := os.Symlink(strings.Replace(tc.link, "OUT", outside, 1), filepath.Join(root, "etc/app")); err != nil {
					t.Fatal(err)
				}
				before, beforeRoot := snapshot(t, outside), snapshot(t, root)
				out, errOut, code := b.run(t, sh, "--root", root)
				if code != 1 || !strings.Contains(errOut, strings.Replace(tc.want, "ROOT", root, 1)) || !strings.Contains(errOut, "nothing changed") {
					t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
				}
				if d := diffSnapshots(before, snapshot(t, outside)); d != "" {
					t.Errorf("outside the root changed:\n%s", d)
				}
				if d := diffSnapshots(beforeRoot, snapshot(t, root)); d != "" {
					t.Errorf("the root changed:\n%s", d)
				}
			})
		}
	}
}

// TestInstallScriptFileThroughLink replaces a whole file that a relative
// link inside the root names: the link stays, the file it names gets the
// content, and the old content is backed up.
func TestInstallScriptFileThroughLink(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{Files: []File{{Path: "/etc/nginx/sites-enabled/app", Kind: KindFile, Mode: "0640"}}}
			b := newBundle(t, m, map[string]string{"/etc/nginx/sites-enabled/app": "server {}\n"})
			root := newRoot(t, map[string]string{"/etc/nginx/sites-available/app": "old\n"})
			link := filepath.Join(root, "etc/nginx/sites-enabled/app")
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("../sites-available/app", link); err != nil {
				t.Fatal(err)
			}
			out, errOut, code := b.run(t, sh, "--root", root)
			want := "backup /etc/nginx/sites-enabled/app -> /var/backups/tailor/etc/nginx/sites-enabled/app\n" +
				"replaced /etc/nginx/sites-enabled/app (0640)\n"
			if code != 0 || out != want {
				t.Errorf("exit %d, stdout:\n%s\nwant:\n%s\nstderr:\n%s", code, out, want, errOut)
			}
			if target, err := os.Readlink(link); err != nil || target != "../sites-available/app" {
				t.Errorf("link: %q, %v", target, err)
			}
			real := filepath.Join(root, "etc/nginx/sites-available/app")
			if got := readFile(t, real); got != "server {}\n" {
				t.Errorf("linked file = %q", got)
			}
			checkMode(t, real, 0o640)
			if got := readFile(t, filepath.Join(root, "var/backups/tailor/etc/nginx/sites-enabled/app")); got != "old\n" {
				t.Errorf("backup = %q", got)
			}
			if out, _, _ := b.run(t, sh, "--root", root); out != "up to date\n" {
				t.Errorf("second run: %q", out)
			}
		})
	}
}

// TestInstallScriptNewFragmentFiles: a fragment that makes a new file gets
// the tutorial's mode, else 0600 when it holds a secret, else 0644; markers
// follow the file's comment syntax.
func TestInstallScriptNewFragmentFiles(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{Files: []File{
				{Path: "/etc/app/secret.env", Kind: KindFragment, Secret: true},
				{Path: "/etc/app/plain.env", Kind: KindFragment},
				{Path: "/etc/app/mode.env", Kind: KindFragment, Secret: true, Mode: "0640"},
				{Path: "/etc/app/site.css", Kind: KindFragment, Comment: "/*"},
				{Path: "/etc/vim/vimrc.local", Kind: KindFragment, Comment: `"`},
			}}
			b := newBundle(t, m, map[string]string{
				"/etc/app/secret.env":  "KEY=s3cret\n",
				"/etc/app/plain.env":   "DEBUG=0\n",
				"/etc/app/mode.env":    "KEY=s3cret\n",
				"/etc/app/site.css":    "body { margin: 0 }\n",
				"/etc/vim/vimrc.local": "set nocompatible\n",
			})
			root := newRoot(t, map[string]string{
				"/etc/app/site.css":    "p { color: red }\n",
				"/etc/vim/vimrc.local": "syntax on\n",
			})
			r := func(p string) string { return filepath.Join(root, p) }
			out, errOut, code := b.run(t, sh, "--root", root)
			if code != 0 {
				t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
			}
			checkMode(t, r("/etc/app/secret.env"), 0o600)
			checkMode(t, r("/etc/app/plain.env"), 0o644)
			checkMode(t, r("/etc/app/mode.env"), 0o640)
			for p, want := range map[string]string{
				"/etc/app/secret.env":  "# BEGIN tailor\nKEY=s3cret\n# END tailor\n",
				"/etc/app/site.css":    "p { color: red }\n/* BEGIN tailor */\nbody { margin: 0 }\n/* END tailor */\n",
				"/etc/vim/vimrc.local": "syntax on\n\" BEGIN tailor\nset nocompatible\n\" END tailor\n",
			} {
				if got := readFile(t, r(p)); got != want {
					t.Errorf("%s = %q, want %q", p, got, want)
				}
			}
			writeFile(t, r("/etc/app/site.css"), strings.Replace(readFile(t, r("/etc/app/site.css")), "margin: 0", "margin: 1em", 1))
			out, _, _ = b.run(t, sh, "--root", root)
			if out != "backup /etc/app/site.css -> /var/backups/tailor/etc/app/site.css.~1~\nmerged into /etc/app/site.css\n" {
				t.Errorf("after an edit: %q", out)
			}
			if got, want := readFile(t, r("/etc/app/site.css")), "p { color: red }\n/* BEGIN tailor */\nbody { margin: 0 }\n/* END tailor */\n"; got != want {
				t.Errorf("site.css merged again = %q, want %q", got, want)
			}
			if out, _, _ := b.run(t, sh, "--root", root); out != "up to date\n" {
				t.Errorf("third run: %q", out)
			}
		})
	}
}

// TestInstallScriptDanglingLinks: a link to nothing where a directory goes,
// or to a file in a directory that does not exist, is a problem found
// before anything changes; a link to a missing file in an existing
// directory makes that file.
func TestInstallScriptDanglingLinks(t *testing.T) {
	for _, tc := range []struct {
		name, link, target string
		m                  *Manifest
		want               string // on stderr; "" for success
	}{
		{"dir", "/etc/app", "missing", &Manifest{Dirs: []Dir{{Path: "/etc/app"}}},
			"/etc/app is a symbolic link to nothing (a directory is needed there)"},
		{"file in missing dir", "/etc/app.conf", "missing/app.conf", &Manifest{Files: []File{{Path: "/etc/app.conf", Kind: KindFile}}},
			"/etc/app.conf is a symbolic link into a directory that does not exist"},
		{"file", "/etc/app.conf", "../srv/app.conf", &Manifest{Files: []File{{Path: "/etc/app.conf", Kind: KindFile}}}, ""},
	} {
		for _, sh := range shells(t) {
			t.Run(tc.name+"/"+filepath.Base(sh), func(t *testing.T) {
				contents := make(map[string]string)
				for _, f := range tc.m.Files {
					contents[f.Path] = "x = 1\n"
				}
				b := newBundle(t, tc.m, contents)
				root := newRoot(t, map[string]string{"/srv/README": "srv\n"})
				if err := os.Symlink(tc.target, filepath.Join(root, tc.link)); err != nil {
					t.Fatal(err)
				}
				before := snapshot(t, root)
				out, errOut, code := b.run(t, sh, "--root", root)
				if tc.want == "" {
					if code != 0 || readFile(t, filepath.Join(root, "srv/app.conf")) != "x = 1\n" {
						t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
					}
					return
				}
				if code != 1 || !strings.Contains(errOut, tc.want) {
					t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant %q", code, out, errOut, tc.want)
				}
				if d := diffSnapshots(before, snapshot(t, root)); d != "" {
					t.Errorf("the root changed:\n%s", d)
				}
			})
		}
	}
}

// TestInstallScriptRefusesBeforeChanging: things in the way that only
// the checks can see, so that nothing changes.
func TestInstallScriptRefusesBeforeChanging(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, root, outside string)
		want  string
	}{
		{"backups through a link out of the root", func(t *testing.T, root, outside string) {
			mkdirAll(t, filepath.Join(root, "var/backups/tailor"))
			symlink(t, outside, filepath.Join(root, "var/backups/tailor/etc"))
		}, "/var/backups/tailor/etc is an absolute symbolic link"},
		{"backups under a link to nothing", func(t *testing.T, root, outside string) {
			mkdirAll(t, filepath.Join(root, "var"))
			symlink(t, "nowhere", filepath.Join(root, "var/backups"))
		}, "/var/backups is a symbolic link to nothing, where backups go"},
		{"backups under a file", func(t *testing.T, root, outside string) {
			writeFile(t, filepath.Join(root, "var/backups"), "x\n")
		}, "/var/backups is not a directory, where backups go"},
		{"file at a link to a directory", func(t *testing.T, root, outside string) {
			mkdirAll(t, filepath.Join(root, "srv/d"))
			symlink(t, "../srv/d", filepath.Join(root, "etc/other.conf"))
		}, "/etc/other.conf is a symbolic link to a directory"},
		// reading any of these to compare, back up or merge would wait
		// forever or never end, after the changes made before it
		{"named pipe where a file goes", func(t *testing.T, root, outside string) {
			os.Remove(filepath.Join(root, "etc/app.conf"))
			mkfifo(t, filepath.Join(root, "etc/app.conf"))
		}, "/etc/app.conf is a named pipe (a file is needed there)"},
		{"named pipe to merge into", func(t *testing.T, root, outside string) {
			mkfifo(t, filepath.Join(root, "etc/other.conf"))
		}, "/etc/other.conf is a named pipe (a file is needed there)"},
		{"link to a named pipe", func(t *testing.T, root, outside string) {
			mkfifo(t, filepath.Join(root, "etc/pipe"))
			symlink(t, "pipe", filepath.Join(root, "etc/other.conf"))
		}, "/etc/other.conf is a named pipe (a file is needed there)"},
		{"named pipe where a link goes", func(t *testing.T, root, outside string) {
			mkfifo(t, filepath.Join(root, "etc/link"))
		}, "/etc/link is a named pipe (a link is needed there)"},
		{"socket to merge into", func(t *testing.T, root, outside string) {
			l, err := net.Listen("unix", filepath.Join(root, "etc/other.conf"))
			if err != nil {
				t.Skipf("no unix socket: %v", err)
			}
			t.Cleanup(func() { l.Close() })
		}, "/etc/other.conf is a socket (a file is needed there)"},
		{"device where a file goes", func(t *testing.T, root, outside string) {
			os.Remove(filepath.Join(root, "etc/app.conf"))
			if err := syscall.Mknod(filepath.Join(root, "etc/app.conf"), syscall.S_IFCHR|0o644, 0x0103); err != nil {
				t.Skipf("cannot make a device: %v", err)
			}
		}, "/etc/app.conf is a device (a file is needed there)"},
		{"the block twice", func(t *testing.T, root, outside string) {
			writeFile(t, filepath.Join(root, "etc/other.conf"), "# BEGIN tailor\na\n# END tailor\n# BEGIN tailor\nb\n# END tailor\n")
		}, "/etc/other.conf has the line \"# BEGIN tailor\" twice: remove one of the two blocks by hand"},
	} {
		for _, sh := range shells(t) {
			t.Run(tc.name+"/"+filepath.Base(sh), func(t *testing.T) {
				m := &Manifest{Files: []File{
					{Path: "/etc/app.conf", Kind: KindFile},
					{Path: "/etc/other.conf", Kind: KindFragment},
				}, Dirs: []Dir{{Path: "/srv/new"}}, Links: []Link{{Path: "/etc/link", Target: "app.conf"}}}
				b := newBundle(t, m, map[string]string{"/etc/app.conf": "new\n", "/etc/other.conf": "x = 1\n"})
				parent := t.TempDir()
				root, outside := filepath.Join(parent, "root"), filepath.Join(parent, "out")
				mkdirAll(t, outside)
				writeFile(t, filepath.Join(root, "etc/app.conf"), "old\n")
				tc.setup(t, root, outside)
				before, beforeOut := snapshot(t, root), snapshot(t, outside)
				out, errOut, code := b.run(t, sh, "--root", root, "--dry-run")
				if code != 1 || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "nothing changed") {
					t.Errorf("dry run: exit %d\nstdout:\n%s\nstderr:\n%s\nwant %q", code, out, errOut, tc.want)
				}
				out, errOut, code = b.run(t, sh, "--root", root)
				if code != 1 || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "nothing changed") {
					t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant %q", code, out, errOut, tc.want)
				}
				if d := diffSnapshots(before, snapshot(t, root)); d != "" {
					t.Errorf("the root changed:\n%s", d)
				}
				if d := diffSnapshots(beforeOut, snapshot(t, outside)); d != "" {
					t.Errorf("outside the root changed:\n%s", d)
				}
			})
		}
	}
}

// TestInstallScriptSetIDParent: a directory made under a set-group-ID
// parent inherits the bit; the mode the tutorial gives clears it once,
// and the second run changes nothing.
func TestInstallScriptSetIDParent(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{Dirs: []Dir{{Path: "/etc/app", Mode: "0750"}, {Path: "/srv/shared", Mode: "2770"}}}
			b := newBundle(t, m, nil)
			root := newRoot(t, nil)
			mkdirAll(t, filepath.Join(root, "srv"))
			for _, d := range []string{"etc", "srv"} {
				if err := os.Chmod(filepath.Join(root, d), 0o755|fs.ModeSetgid); err != nil {
					t.Fatal(err)
				}
			}
			if out, errOut, code := b.run(t, sh, "--root", root); code != 0 {
				t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
			}
			checkMode(t, filepath.Join(root, "etc/app"), 0o750)
			checkMode(t, filepath.Join(root, "srv/shared"), 0o770|fs.ModeSetgid)
			if out, _, _ := b.run(t, sh, "--root", root); out != "up to date\n" {
				t.Errorf("second run: %q", out)
			}
		})
	}
}

// TestInstallScriptThroughLink runs the script through a symbolic link to
// it, from elsewhere: it finds rootfs/ beside the script itself.
func TestInstallScriptThroughLink(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{Files: []File{{Path: "/etc/x", Kind: KindFile}}}
			b := newBundle(t, m, map[string]string{"/etc/x": "x\n"})
			links := t.TempDir()
			symlink(t, filepath.Join(b.dir, "install.sh"), filepath.Join(links, "install-acme"))
			symlink(t, "install-acme", filepath.Join(links, "install"))
			root := newRoot(t, nil)
			cmd := exec.Command(sh, filepath.Join(links, "install"), "--root", root)
			cmd.Dir = t.TempDir()
			out, err := cmd.CombinedOutput()
			if err != nil || string(out) != "created /etc/x (0644)\n" {
				t.Errorf("%v: %s", err, out)
			}
			// "sh install" in the link's directory, the link relative
			rel, err := filepath.Rel(links, filepath.Join(b.dir, "install.sh"))
			if err != nil {
				t.Fatal(err)
			}
			symlink(t, rel, filepath.Join(links, "rel"))
			cmd = exec.Command(sh, "rel", "--root", root)
			cmd.Dir = links
			out, err = cmd.CombinedOutput()
			if err != nil || string(out) != "up to date\n" {
				t.Errorf("through a relative link: %v: %s", err, out)
			}
		})
	}
}

func mkdirAll(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	mkdirAll(t, filepath.Dir(p))
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("no named pipe: %v", err)
	}
}

func symlink(t *testing.T, target, p string) {
	t.Helper()
	if err := os.Symlink(target, p); err != nil {
		t.Fatal(err)
	}
}

// TestInstallScriptDryRunMissingOwners: a dry run on a root without the
// users and groups still shows what it would do, names what is missing,
// and exits 1: a real run would change nothing.
func TestInstallScriptDryRunMissingOwners(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{Files: []File{{Path: "/etc/app/x.conf", Kind: KindFile, Mode: "0640", Owner: "nosuchuser", Group: "nosuchgroup"}}}
			b := newBundle(t, m, map[string]string{"/etc/app/x.conf": "x\n"})
			root := newRoot(t, nil)
			before := snapshot(t, root)
			out, errOut, code := b.run(t, sh, "--dry-run", "--root", root)
			if code != 1 || !strings.Contains(out, "dry run: created /etc/app/x.conf (0640 nosuchuser:nosuchgroup)\n") ||
				!strings.Contains(errOut, `user "nosuchuser" does not exist`) || !strings.Contains(errOut, `group "nosuchgroup" does not exist`) ||
				!strings.Contains(errOut, "a real run would change nothing until those users and groups exist") {
				t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
			}
			if d := diffSnapshots(before, snapshot(t, root)); d != "" {
				t.Errorf("the dry run changed:\n%s", d)
			}
			if _, errOut, code := b.run(t, sh, "--root", root); code != 1 || !strings.Contains(errOut, "nothing changed") {
				t.Errorf("real run: exit %d\n%s", code, errOut)
			}
		})
	}
}

// TestInstallScriptAbsoluteLinkInRoot: in an image's root, an absolute
// link names a place under the root, as on the system the image is for:
// Debian's sites-enabled/default -> /etc/nginx/sites-available/default.
func TestInstallScriptAbsoluteLinkInRoot(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{Files: []File{{Path: "/etc/nginx/sites-enabled/default", Kind: KindFile}}}
			b := newBundle(t, m, map[string]string{"/etc/nginx/sites-enabled/default": "server { return 444; }\n"})
			root := newRoot(t, map[string]string{"/etc/nginx/sites-available/default": "server { listen 80; }\n"})
			mkdirAll(t, filepath.Join(root, "etc/nginx/sites-enabled"))
			symlink(t, "/etc/nginx/sites-available/default", filepath.Join(root, "etc/nginx/sites-enabled/default"))
			out, errOut, code := b.run(t, sh, "--root", root)
			if code != 0 || !strings.Contains(out, "replaced /etc/nginx/sites-enabled/default") {
				t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
			}
			if got := readFile(t, filepath.Join(root, "etc/nginx/sites-available/default")); got != "server { return 444; }\n" {
				t.Errorf("the file the link names: %q", got)
			}
			if target, _ := os.Readlink(filepath.Join(root, "etc/nginx/sites-enabled/default")); target != "/etc/nginx/sites-available/default" {
				t.Errorf("link: %q", target)
			}
			if out, _, _ := b.run(t, sh, "--root", root); out != "up to date\n" {
				t.Errorf("second run: %q", out)
			}
		})
	}
}

// TestInstallScriptRootIDsStayInRoot: the root's etc/group is read only
// when it is a file of the root; a link out of it is refused.
func TestInstallScriptRootIDsStayInRoot(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{Files: []File{{Path: "/etc/x", Kind: KindFile, Group: "tailormail"}}}
			b := newBundle(t, m, map[string]string{"/etc/x": "x\n"})
			parent := t.TempDir()
			root := filepath.Join(parent, "root")
			writeFile(t, filepath.Join(root, "etc/passwd"), "root:x:0:0::/:/bin/sh\n")
			writeFile(t, filepath.Join(parent, "group"), "tailormail:x:4343:\n")
			symlink(t, "../../group", filepath.Join(root, "etc/group"))
			before := snapshot(t, root)
			_, errOut, code := b.run(t, sh, "--root", root)
			if code != 1 || !strings.Contains(errOut, "/etc/group in "+root+" is no file of the root") || strings.Contains(errOut, "does not exist") {
				t.Errorf("exit %d\n%s", code, errOut)
			}
			if d := diffSnapshots(before, snapshot(t, root)); d != "" {
				t.Errorf("the root changed:\n%s", d)
			}
		})
	}
}

// TestInstallScriptBackupLink: a link where a backup would go is neither
// compared nor written through: the backup takes the next name.
func TestInstallScriptBackupLink(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{Files: []File{{Path: "/etc/shop/env", Kind: KindFile}}}
			b := newBundle(t, m, map[string]string{"/etc/shop/env": "new\n"})
			parent := t.TempDir()
			root := filepath.Join(parent, "root")
			writeFile(t, filepath.Join(parent, "canary"), "old\n")
			writeFile(t, filepath.Join(root, "etc/shop/env"), "old\n")
			mkdirAll(t, filepath.Join(root, "var/backups/tailor/etc/shop"))
			symlink(t, filepath.Join(parent, "canary"), filepath.Join(root, "var/backups/tailor/etc/shop/env"))
			out, errOut, code := b.run(t, sh, "--root", root)
			if code != 0 || !strings.Contains(out, "backup /etc/shop/env -> /var/backups/tailor/etc/shop/env.~1~") {
				t.Errorf("exit %d\n%s\n%s", code, out, errOut)
			}
			if got := readFile(t, filepath.Join(root, "var/backups/tailor/etc/shop/env.~1~")); got != "old\n" {
				t.Errorf("backup %q", got)
			}
			if got := readFile(t, filepath.Join(parent, "canary")); got != "old\n" {
				t.Errorf("canary %q", got)
			}
		})
	}
}

// TestInstallScriptRootNames: a root whose name ends in a line break or
// starts with "-" is that directory, not another.
func TestInstallScriptRootNames(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{Files: []File{{Path: "/etc/x", Kind: KindFile}}}
			b := newBundle(t, m, map[string]string{"/etc/x": "x\n"})
			parent := t.TempDir()
			for _, name := range []string{"r\n", "-r"} {
				root := filepath.Join(parent, name)
				mkdirAll(t, root)
				cmd := exec.Command(sh, filepath.Join(b.dir, "install.sh"), "--root", name)
				cmd.Dir = parent
				out, err := cmd.CombinedOutput()
				if name == "r\n" {
					if err == nil || !strings.Contains(string(out), "ends in a line break is not supported") {
						t.Errorf("%q: %v\n%s", name, err, out)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%q: %v\n%s", name, err, out)
				}
				if got := readFile(t, filepath.Join(root, "etc/x")); got != "x\n" {
					t.Errorf("%q: %q", name, got)
				}
			}
			if _, err := os.Stat(filepath.Join(parent, "r")); err == nil {
				t.Error("installed into r, not r<newline>")
			}
		})
	}
}

// TestInstallScriptTwoProjects: the blocks of two tutorials merged into
// one file are told apart by their markers: each run replaces its own,
// and keeps a backup when a hand edit inside it is set right.
func TestInstallScriptTwoProjects(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			shop := newBundle(t, &Manifest{Project: "shop", Client: "acme", Files: []File{{Path: "/etc/hosts", Kind: KindFragment}}},
				map[string]string{"/etc/hosts": "10.0.0.1 db\n"})
			blog := newBundle(t, &Manifest{Project: "blog", Client: "acme", Files: []File{{Path: "/etc/hosts", Kind: KindFragment}}},
				map[string]string{"/etc/hosts": "10.0.0.2 cms\n"})
			root := newRoot(t, map[string]string{"/etc/hosts": "127.0.0.1 localhost\n"})
			hosts := filepath.Join(root, "etc/hosts")
			for _, b := range []*bundle{shop, blog, shop, blog} {
				if out, errOut, code := b.run(t, sh, "--root", root); code != 0 {
					t.Fatalf("exit %d\n%s%s", code, out, errOut)
				}
			}
			want := "127.0.0.1 localhost\n# BEGIN tailor shop/acme\n10.0.0.1 db\n# END tailor shop/acme\n" +
				"# BEGIN tailor blog/acme\n10.0.0.2 cms\n# END tailor blog/acme\n"
			if got := readFile(t, hosts); got != want {
				t.Fatalf("got %q, want %q", got, want)
			}
			edited := strings.Replace(want, "10.0.0.1 db", "10.0.0.9 db", 1)
			writeFile(t, hosts, edited)
			out, _, code := shop.run(t, sh, "--root", root)
			if code != 0 || out != "backup /etc/hosts -> /var/backups/tailor/etc/hosts.~2~\nmerged into /etc/hosts\n" {
				t.Errorf("after an edit: exit %d, %q", code, out)
			}
			if got := readFile(t, hosts); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
			if got := readFile(t, filepath.Join(root, "var/backups/tailor/etc/hosts.~2~")); got != edited {
				t.Errorf("backup %q, want the edited file %q", got, edited)
			}
		})
	}
}

// TestInstallScriptCRLF: a block merged into a file whose lines end in
// CRLF ends its lines so too, and the next run finds it up to date.
func TestInstallScriptCRLF(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			b := newBundle(t, &Manifest{Files: []File{
				{Path: "/srv/app.ini", Kind: KindFragment, Comment: ";"},
				{Path: "/srv/hosts", Kind: KindFragment, Before: "b"},
			}}, map[string]string{"/srv/app.ini": "x = 1\ny = 2\n", "/srv/hosts": "c\n"})
			root := newRoot(t, map[string]string{"/srv/app.ini": "[main]\r\nname = app\r\n", "/srv/hosts": "a\r\nb\r\n"})
			for i := 0; i < 2; i++ {
				if out, errOut, code := b.run(t, sh, "--root", root); code != 0 || i == 1 && out != "up to date\n" {
					t.Fatalf("run %d: exit %d\n%s%s", i+1, code, out, errOut)
				}
			}
			for p, want := range map[string]string{
				"/srv/app.ini": "[main]\r\nname = app\r\n; BEGIN tailor\r\nx = 1\r\ny = 2\r\n; END tailor\r\n",
				"/srv/hosts":   "a\r\n# BEGIN tailor\r\nc\r\n# END tailor\r\nb\r\n",
			} {
				if got := readFile(t, filepath.Join(root, p)); got != want {
					t.Errorf("%s = %q, want %q", p, got, want)
				}
			}
		})
	}
}

// TestInstallScriptMasksSecrets: what the script prints, its own
// messages and those of the commands it runs, shows no secret value of
// its paths, and its exit status is the script's.
func TestInstallScriptMasksSecrets(t *testing.T) {
	const secret = `Tok\en"42'x`
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			m := &Manifest{
				Files: []File{{Path: "/etc/app/" + secret + ".conf", Kind: KindFile}},
				Links: []Link{{Path: "/etc/app/current", Target: secret + ".conf"}},
				Masks: []Mask{{Value: secret, Shown: "‹secret API_TOKEN›"}},
			}
			b := newBundle(t, m, map[string]string{"/etc/app/" + secret + ".conf": "x\n"})
			root := newRoot(t, nil)
			out, errOut, code := b.run(t, sh, "--root", root, "--dry-run")
			want := "dry run: created directory /etc/app (0755)\ndry run: created /etc/app/‹secret API_TOKEN›.conf (0644)\ndry run: linked /etc/app/current -> ‹secret API_TOKEN›.conf\n"
			if code != 0 || out != want {
				t.Errorf("dry run: exit %d\n%s%s\nwant\n%s", code, out, errOut, want)
			}
			mkdirAll(t, filepath.Join(root, "etc/app", secret+".conf"))
			out, errOut, code = b.run(t, sh, "--root", root)
			if code != 1 || !strings.Contains(errOut, "/etc/app/‹secret API_TOKEN›.conf is a directory") || strings.Contains(out+errOut, secret) {
				t.Errorf("refused: exit %d\n%s%s", code, out, errOut)
			}
			os.Remove(filepath.Join(root, "etc/app", secret+".conf"))
			out, errOut, code = b.run(t, sh, "--root", root)
			if code != 0 || strings.Contains(out+errOut, secret) || !strings.Contains(out, "created /etc/app/‹secret API_TOKEN›.conf") {
				t.Errorf("exit %d\n%s%s", code, out, errOut)
			}
			if got := readFile(t, filepath.Join(root, "etc/app", secret+".conf")); got != "x\n" {
				t.Errorf("installed %q", got)
			}
		})
	}
}

// TestInstallScriptOldMarkers: a block that an earlier install.sh merged
// between markers naming nothing becomes the named block, once, with a
// backup of the file as it was; a file with two such blocks, or one
// without its end, is refused before anything changes.
func TestInstallScriptOldMarkers(t *testing.T) {
	for _, sh := range shells(t) {
		t.Run(filepath.Base(sh), func(t *testing.T) {
			b := newBundle(t, &Manifest{Project: "shop", Client: "acme", Files: []File{
				{Path: "/etc/hosts", Kind: KindFragment},
				{Path: "/srv/app.ini", Kind: KindFragment, Comment: ";"},
			}}, map[string]string{"/etc/hosts": "10.0.0.1 db\n", "/srv/app.ini": "x = 1\n"})
			hostsOld := "127.0.0.1 localhost\n# BEGIN tailor\n10.0.0.9 db # by hand\n# END tailor\n::1 localhost\n"
			iniOld := "[main]\r\n; BEGIN tailor\r\nx = 0\r\n; END tailor\r\n"
			root := newRoot(t, map[string]string{"/etc/hosts": hostsOld, "/srv/app.ini": iniOld})
			out, errOut, code := b.run(t, sh, "--root", root)
			if code != 0 {
				t.Fatalf("exit %d\n%s%s", code, out, errOut)
			}
			for _, want := range []string{
				"backup /etc/hosts -> /var/backups/tailor/etc/hosts\nmerged into /etc/hosts\n",
				"backup /srv/app.ini -> /var/backups/tailor/srv/app.ini\nmerged into /srv/app.ini\n",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			if !strings.Contains(errOut, `/etc/hosts: the block between "# BEGIN tailor" and "# END tailor", merged by an earlier install.sh, becomes the one between "# BEGIN tailor shop/acme" and "# END tailor shop/acme"`) {
				t.Errorf("no word of the earlier block: %q", errOut)
			}
			for p, want := range map[string]string{
				"/etc/hosts":                      "127.0.0.1 localhost\n# BEGIN tailor shop/acme\n10.0.0.1 db\n# END tailor shop/acme\n::1 localhost\n",
				"/srv/app.ini":                    "[main]\r\n; BEGIN tailor shop/acme\r\nx = 1\r\n; END tailor shop/acme\r\n",
				"/var/backups/tailor/etc/hosts":   hostsOld,
				"/var/backups/tailor/srv/app.ini": iniOld,
			} {
				if got := readFile(t, filepath.Join(root, p)); got != want {
					t.Errorf("%s = %q, want %q", p, got, want)
				}
			}
			if out, errOut, code := b.run(t, sh, "--root", root); code != 0 || out != "up to date\n" || errOut != "" {
				t.Errorf("second run: exit %d, %q, %q", code, out, errOut)
			}

			// beside a named block, an unnamed one is another's: left as it is
			other := "# BEGIN tailor\nkept\n# END tailor\n# BEGIN tailor shop/acme\n10.0.0.1 db\n# END tailor shop/acme\n"
			root = newRoot(t, map[string]string{"/etc/hosts": other, "/srv/app.ini": "[main]\n"})
			if out, errOut, code := b.run(t, sh, "--root", root); code != 0 || strings.Contains(out, "/etc/hosts") || errOut != "" {
				t.Errorf("beside a named block: exit %d, %q, %q", code, out, errOut)
			}
			if got := readFile(t, filepath.Join(root, "etc/hosts")); got != other {
				t.Errorf("beside a named block: %q", got)
			}

			for name, c := range map[string]struct{ file, msg string }{
				"two":    {"# BEGIN tailor\na\n# END tailor\n# BEGIN tailor\nb\n# END tailor\n", `/etc/hosts has the line "# BEGIN tailor" of an earlier install.sh more than once, and no "# BEGIN tailor shop/acme"`},
				"no end": {"# BEGIN tailor\na\n", `/etc/hosts has a line "# BEGIN tailor" without its "# END tailor"`},
			} {
				root := newRoot(t, map[string]string{"/etc/hosts": c.file, "/srv/app.ini": "[main]\n"})
				before := snapshot(t, root)
				out, errOut, code := b.run(t, sh, "--root", root)
				if code == 0 || !strings.Contains(errOut, c.msg) {
					t.Errorf("%s: exit %d, %q, %q", name, code, out, errOut)
				}
				if d := diffSnapshots(before, snapshot(t, root)); d != "" {
					t.Errorf("%s: changed %s", name, d)
				}
			}
		})
	}
}
