package generator

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/snippets/manifest"
)

// TestInstallScript builds the bundled example for one client, then runs
// its install.sh twice with a real sh into a temporary root: the installed
// tree must be rootfs/ plus the merged fragments, with the manifest's modes
// and links, and the second run must change nothing.
func TestInstallScript(t *testing.T) {
	seen := map[string]bool{}
	for _, shell := range []string{"dash", "bash", "sh"} {
		sh, err := exec.LookPath(shell)
		if err != nil {
			continue
		}
		if real, err := filepath.EvalSymlinks(sh); err == nil {
			if seen[real] {
				continue // sh is dash or bash here
			}
			seen[real] = true
		}
		t.Run(shell, func(t *testing.T) { testInstall(t, sh) })
	}
	if len(seen) == 0 {
		t.Skip("no sh to run install.sh with")
	}
}

func testInstall(t *testing.T, sh string) {
	out := t.TempDir()
	root := t.TempDir()
	files := exampleOutput(t, "acme")
	for name, data := range files.Files {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		mode := os.FileMode(0o644)
		if m, ok := files.Modes[name]; ok {
			mode = m
		}
		if err := os.WriteFile(p, data, mode); err != nil {
			t.Fatal(err)
		}
	}
	// A system file that the fragments merge into, with content of its own.
	mainCf := filepath.Join(root, "etc/postfix/main.cf")
	os.MkdirAll(filepath.Dir(mainCf), 0o755)
	os.WriteFile(mainCf, []byte("myhostname = mail.acme.example\nrelayhost =\n"), 0o644)
	if os.Getuid() == 0 {
		// the owners and groups the manifest names, in the root's own databases
		os.WriteFile(filepath.Join(root, "etc/passwd"), []byte("root:x:0:0::/root:/bin/sh\nacmeshop:x:999:999::/nonexistent:/usr/sbin/nologin\n"), 0o644)
		os.WriteFile(filepath.Join(root, "etc/group"), []byte("root:x:0:\npostfix:x:998:\nacmeshop:x:999:\n"), 0o644)
	}

	run := func() string {
		cmd := exec.Command(sh, filepath.Join(out, "install.sh"), "--root", root)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("install.sh: %v\n%s%s", err, stdout.String(), stderr.String())
		}
		return stdout.String()
	}
	first := run()
	if !strings.Contains(first, "created /etc/postfix/sasl_passwd") || !strings.Contains(first, "merged into /etc/postfix/main.cf") {
		t.Errorf("first run says:\n%s", first)
	}
	before := snapshot(t, root)

	var m manifest.Manifest
	if err := json.Unmarshal(files.Files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	for _, f := range m.Files {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		got, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s not installed: %v", f.Path, err)
			continue
		}
		if f.Kind == manifest.KindFile {
			if want := files.Files["rootfs"+f.Path]; !bytes.Equal(got, want) {
				t.Errorf("%s: installed\n%s\nwant\n%s", f.Path, got, want)
			}
		} else {
			frag := string(files.Files["fragments"+f.Path])
			begin, end := manifest.Markers(f.Comment, m.Label())
			block := begin + "\n" + frag + end + "\n"
			if !strings.Contains(string(got), block) {
				t.Errorf("%s lacks the merged block:\n%s", f.Path, got)
			}
		}
		if f.Mode != "" {
			st, _ := os.Stat(p)
			want, _ := strconv.ParseUint(f.Mode, 8, 32)
			if st.Mode().Perm() != fs.FileMode(want) {
				t.Errorf("%s: mode %o, want %s", f.Path, st.Mode().Perm(), f.Mode)
			}
		}
	}
	if got, _ := os.ReadFile(mainCf); !strings.HasPrefix(string(got), "myhostname = mail.acme.example\nrelayhost =\n") {
		t.Errorf("main.cf lost its own lines:\n%s", got)
	}
	for _, d := range m.Dirs {
		st, err := os.Stat(filepath.Join(root, filepath.FromSlash(d.Path)))
		if err != nil || !st.IsDir() {
			t.Errorf("directory %s not made", d.Path)
			continue
		}
		if d.Mode != "" {
			want, _ := strconv.ParseUint(d.Mode, 8, 32)
			if st.Mode().Perm() != fs.FileMode(want) {
				t.Errorf("%s: mode %o, want %s", d.Path, st.Mode().Perm(), d.Mode)
			}
		}
	}

	second := run()
	if strings.TrimSpace(second) != "up to date" {
		t.Errorf("second run says:\n%s", second)
	}
	after := snapshot(t, root)
	if before != after {
		t.Errorf("second run changed the tree:\n--- before\n%s--- after\n%s", before, after)
	}
}

// exampleOutput builds the bundled example (the repository's tutorial/ and
// clients/) for one client, in memory, with a fixed generated key.
func exampleOutput(t testing.TB, client string) *Result {
	t.Helper()
	base := afero.NewReadOnlyFs(afero.NewBasePathFs(afero.NewOsFs(), ".."))
	fsys := afero.NewCopyOnWriteFs(base, afero.NewMemMapFs())
	afero.WriteFile(fsys, "/clients/.tailor-state/"+client+".toml", []byte("SECRET_KEY = \"fixed-key-for-the-tests-0123456789abcdef0123456789\"\n"), 0o600)
	proj, diags := Load(fsys, "/")
	if proj == nil || diags.HasErrors() {
		t.Fatalf("loading the example: %v", diags)
	}
	run := proj.Build(Options{Values: []string{"/clients/" + client + ".toml"}, DryRun: true})
	if run.Failed() || len(run.Clients) != 1 {
		t.Fatalf("building the example: %v %v", run.Diags, run.Clients[0].Diags)
	}
	return run.Clients[0]
}

// snapshot lists a tree: paths, modes, link targets and contents.
func snapshot(t *testing.T, root string) string {
	var b strings.Builder
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		info, _ := d.Info()
		rel, _ := filepath.Rel(root, p)
		b.WriteString(rel + " " + info.Mode().String())
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			b.WriteString(" -> " + target)
		case info.Mode().IsRegular():
			data, _ := os.ReadFile(p)
			b.WriteString(" " + strconv.Quote(string(data)))
		}
		b.WriteString("\n")
		return nil
	})
	return b.String()
}
