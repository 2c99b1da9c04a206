package shell

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tailordocs/tailor/internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata (the chmod table by running GNU chmod)")

// The chmod table: modes and starting modes whose results GNU chmod gave.
var (
	tableSpecs = []string{
		"640", "0640", "750", "0750", "00750", "2755", "02750", "4755", "1777", "7777", "000", "0",
		"u=rw,g=r,o=", "u=rwx,g=rx,o=", "+x", "-x", "+w", "-w", "=r", "=", "+rwxst",
		"a+rX,go-w", "a+X", "u=rwX,go=rX", "u+x", "g+s", "u+s", "+t", "o+t", "u+t", "g-s", "a-s",
		"o-rwx", "a=r", "ug=rw", "g=u", "o=g", "u=o", "go=u-w", "g+w,o+r", "u+rw-x", "a=rwx,o-w",
		"u=", "=755", "+644", "-022", "u=rw,u+x", "a=rw,g=u", "go=", "g=rs", "o=t",
		// Invalid.
		"", "abc", "u+z", "8", "0999", "u+x,", ",u+x", "017777", "u", "rwx", "u=755", "a+r,g",
	}
	tableBases = []uint32{0o644, 0o755, 0o600, 0o000, 0o640, 0o711, 0o2750, 0o4755, 0o1777, 0o6755, 0o7777}
)

func TestApplyMode(t *testing.T) {
	path := filepath.Join("testdata", "chmod.txtar")
	if *update {
		writeChmodTable(t, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := txtar.Parse(data)
	table, ok := a.Get("table")
	if !ok {
		t.Fatal("no table in chmod.txtar")
	}
	n := 0
	for line := range strings.Lines(string(table)) {
		f := strings.Fields(line)
		if len(f) == 3 {
			f = append([]string{""}, f...) // the empty mode
		}
		if len(f) != 4 {
			t.Fatalf("bad line %q", line)
		}
		spec := f[0]
		if spec == `""` {
			spec = ""
		}
		b, _ := strconv.ParseUint(f[1], 8, 32)
		isDir := f[2] == "d"
		base := fromUnix(uint32(b))
		if isDir {
			base |= fs.ModeDir
		}
		got, err := ApplyMode(spec, base, isDir)
		n++
		if f[3] == "invalid" {
			var me *ModeError
			if !errors.As(err, &me) || got != base {
				t.Errorf("ApplyMode(%q, %s, %v) = %v, %v; want the base and a *ModeError", spec, f[1], isDir, got, err)
			}
			continue
		}
		want, _ := strconv.ParseUint(f[3], 8, 32)
		wantMode := fromUnix(uint32(want))
		if isDir {
			wantMode |= fs.ModeDir
		}
		if err != nil || got != wantMode {
			t.Errorf("ApplyMode(%q, %s, dir=%v) = %04o (%v), %v; GNU chmod gives %s", spec, f[1], isDir, toUnix(got), got, err, f[3])
		}
	}
	if n < len(tableSpecs)*len(tableBases)*2 {
		t.Errorf("table has %d cases, want %d", n, len(tableSpecs)*len(tableBases)*2)
	}
}

// writeChmodTable runs GNU chmod on temporary files and directories to
// build the table.
func writeChmodTable(t *testing.T, path string) {
	if _, err := exec.LookPath("chmod"); err != nil {
		t.Skip("no chmod")
	}
	version, err := exec.Command("chmod", "--version").Output()
	if err != nil || !bytes.Contains(version, []byte("GNU coreutils")) {
		t.Skip("chmod is not GNU chmod")
	}
	version, _, _ = bytes.Cut(version, []byte("\n"))
	dir := t.TempDir()
	var b strings.Builder
	for _, spec := range tableSpecs {
		for _, base := range tableBases {
			for _, kind := range []string{"f", "d"} {
				p := filepath.Join(dir, "x")
				os.RemoveAll(p)
				if kind == "d" {
					err = os.Mkdir(p, 0o700)
				} else {
					err = os.WriteFile(p, nil, 0o600)
				}
				if err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(p, fromUnix(base)); err != nil {
					t.Fatal(err)
				}
				out, err := exec.Command("sh", "-c", `umask 022; chmod -- "$1" "$2"`, "sh", spec, p).CombinedOutput()
				result := ""
				switch {
				case err != nil && bytes.Contains(out, []byte("invalid mode")):
					result = "invalid"
				case err != nil && !bytes.Contains(out, []byte("new permissions are")):
					t.Fatalf("chmod %s: %v: %s", spec, err, out)
				default:
					fi, err := os.Stat(p)
					if err != nil {
						t.Fatal(err)
					}
					result = fmt.Sprintf("%04o", toUnix(fi.Mode()))
				}
				s := spec
				if s == "" {
					s = `""`
				}
				fmt.Fprintf(&b, "%s %04o %s %s\n", s, base, kind, result)
			}
		}
	}
	a := &txtar.Archive{
		Comment: []byte("What " + string(version) + " gives, run as root under umask 022:\n" +
			"mode, starting mode, f (file) or d (directory), resulting mode or \"invalid\".\n" +
			"Made by go test -run TestApplyMode -update.\n"),
		Files: []txtar.File{{Name: "table", Data: []byte(b.String())}},
	}
	if err := os.WriteFile(path, txtar.Format(a), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestApplyModeExamples(t *testing.T) {
	for _, c := range []struct {
		spec  string
		base  fs.FileMode
		isDir bool
		want  fs.FileMode
	}{
		{"u=rw,g=r,o=", 0o644, false, 0o640},
		{"0640", 0o600, false, 0o640},
		{"+x", 0o644, false, 0o755},
		{"a+rX,go-w", 0o600, false, 0o644},
		{"a+rX,go-w", 0o700, true, 0o755},
		{"755", 0o750 | fs.ModeSetgid, true, 0o755 | fs.ModeSetgid},
		{"00755", 0o750 | fs.ModeSetgid, true, 0o755},
		{"755", 0o750 | fs.ModeSetgid, false, 0o755},
		{"g+s", 0o750 | fs.ModeDir, true, 0o750 | fs.ModeDir | fs.ModeSetgid},
		{"+t", 0o777, true, 0o777 | fs.ModeSticky},
	} {
		got, err := ApplyMode(c.spec, c.base, c.isDir)
		if err != nil || got != c.want {
			t.Errorf("ApplyMode(%q, %v, %v) = %v, %v; want %v", c.spec, c.base, c.isDir, got, err, c.want)
		}
	}
	if _, err := ApplyMode("u+q", 0o644, false); err == nil || err.Error() != `invalid mode "u+q"` {
		t.Errorf("ApplyMode(u+q) error = %v", err)
	}
}

func TestFormatMode(t *testing.T) {
	for _, c := range []struct {
		m    fs.FileMode
		want string
	}{
		{0o640, "0640"},
		{0o750 | fs.ModeSetgid | fs.ModeDir, "2750"},
		{0o755 | fs.ModeSetuid, "4755"},
		{0o777 | fs.ModeSticky, "1777"},
		{0, "0000"},
	} {
		if got := FormatMode(c.m); got != c.want {
			t.Errorf("FormatMode(%v) = %q, want %q", c.m, got, c.want)
		}
	}
}
