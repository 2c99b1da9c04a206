package manifest

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tailordocs/tailor/internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestInstallScriptGolden compares the script made for each
// testdata/install/*.txtar "manifest.json" with its "install.sh".
// go test -update rewrites "install.sh".
func TestInstallScriptGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "install", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(data)
			mj, ok := a.Get("manifest.json")
			if !ok {
				t.Fatal("no manifest.json")
			}
			var m Manifest
			if err := json.Unmarshal(mj, &m); err != nil {
				t.Fatal(err)
			}
			got := m.InstallScript()
			if *update {
				set := false
				for i := range a.Files {
					if a.Files[i].Name == "install.sh" {
						a.Files[i].Data, set = got, true
					}
				}
				if !set {
					a.Files = append(a.Files, txtar.File{Name: "install.sh", Data: got})
				}
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, ok := a.Get("install.sh")
			if !ok {
				t.Fatal(`no "install.sh" (run go test -update)`)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("install.sh differs from %s (run go test -update and review the diff)\ngot:\n%s", file, got)
			}
		})
	}
}
