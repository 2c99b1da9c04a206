//go:build unix

package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestPlaceholderTargetConfined builds, on the system's file system, a
// tutorial whose target is only a placeholder, for clients whose values
// try to leave their output directory, and into an output whose earlier
// tree holds a link out of it: a client either fails with a message
// naming the annotation, never the value, or writes under out/CLIENT/
// only, and nothing reaches the directory outside.
func TestPlaceholderTargetConfined(t *testing.T) {
	base := t.TempDir()
	proj, out, outside := filepath.Join(base, "proj"), filepath.Join(base, "out"), filepath.Join(base, "outside")
	write := func(name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(proj, "tailor.toml"), "[placeholders.TARGET]\nsecret = true\n")
	write(filepath.Join(proj, "page.rst"), "Title\n=====\n\n.. tailor: file=$TARGET op=create\n\n::\n\n   a = 1\n")
	hostile := map[string]string{
		"climb":    "../../outside/x.conf",
		"rooted":   "/../../outside/x.conf",
		"inside":   "/etc/../../../outside/x.conf",
		"nul":      `/etc/x\u0000/../../../outside/x.conf`,
		"newline":  `/etc/x\n/../outside/x.conf`,
		"indirect": "$UP/outside/x.conf",
		"dir":      "/etc/",
	}
	for client, v := range hostile {
		write(filepath.Join(proj, "clients", client+".toml"), "TARGET = \""+v+"\"\nUP = \"../..\"\n")
	}
	write(filepath.Join(proj, "clients", "acme.toml"), "TARGET = \"/etc/app.conf\"\nUP = \"..\"\n")
	// an earlier tree of acme whose rootfs/etc leads outside
	write(filepath.Join(out, "acme", "manifest.json"), "{}\n")
	write(filepath.Join(out, "acme", "install.sh"), "#!/bin/sh\n")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(out, "acme", "rootfs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "acme", "rootfs", "etc")); err != nil {
		t.Fatal(err)
	}

	p, diags := Load(afero.NewOsFs(), proj)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	run := p.Build(Options{Out: out})
	for _, c := range run.Clients {
		msg := c.Diags.String()
		if c.Client == "acme" {
			if c.Failed() {
				t.Errorf("acme: %s", msg)
			}
			continue
		}
		if !c.Failed() {
			t.Errorf("%s: built with TARGET = %q", c.Client, hostile[c.Client])
		}
		if strings.Contains(msg, "outside") || strings.Contains(msg, "/etc/") {
			t.Errorf("%s: the message shows the value: %s", c.Client, msg)
		}
		if !strings.Contains(msg, "clients/"+c.Client+".toml") && !strings.Contains(msg, "page.rst:4:11: error: path $TARGET") {
			t.Errorf("%s: not reported at the annotation: %s", c.Client, msg)
		}
	}
	entries, err := os.ReadDir(outside)
	if err != nil || len(entries) > 0 {
		t.Errorf("the directory outside holds %v (%v)", entries, err)
	}
	fi, err := os.Lstat(filepath.Join(out, "acme", "rootfs", "etc", "app.conf"))
	if err != nil || !fi.Mode().IsRegular() {
		t.Fatalf("acme's file: %v, %v", fi, err)
	}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if rel, _ := filepath.Rel(out, p); rel != "." && !strings.HasPrefix(rel, "acme") && !strings.HasPrefix(rel, ".tailor-lock-") {
			t.Errorf("written outside a client's tree: %s", rel)
		}
		if d.Type()&fs.ModeSymlink != 0 {
			t.Errorf("a link in the output: %s", p)
		}
		return nil
	})
}
