package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schema compiles one of the JSON Schemas that ship in schema/.
func schema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	path, err := filepath.Abs(filepath.Join("..", "..", "schema", name))
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(path)
	if err != nil {
		t.Fatalf("schema %s: %v", name, err)
	}
	return s
}

// conforms reports why data does not follow the schema s, nil if it does.
func conforms(s *jsonschema.Schema, data []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// exampleCopy copies the bundled example into a temporary directory, so
// that a build, which keeps generated values beside the clients' files,
// leaves the checkout as it found it.
func exampleCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"tailor.toml", "tutorial", "clients"} {
		from := filepath.Join("..", "..", name)
		info, err := os.Stat(from)
		if err != nil {
			t.Fatal(err)
		}
		if !info.IsDir() {
			data, err := os.ReadFile(from)
			if err == nil {
				err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			continue
		}
		sub, err := os.OpenRoot(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(filepath.Join(dir, name), sub.FS()); err != nil {
			t.Fatal(err)
		}
		sub.Close()
	}
	return dir
}

// TestSchemas builds the bundled example and checks every client's
// manifest.json, and the plan as `tailor plan --json` prints it, with and
// without values, against the schemas that ship with tailor.
func TestSchemas(t *testing.T) {
	manifest, plan := schema(t, "manifest.schema.json"), schema(t, "plan.schema.json")
	out, project := t.TempDir(), exampleCopy(t)
	code, stdout, stderr := tailor(t, nil, "build", "-C", project, "--out", out)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	found, _ := filepath.Glob(filepath.Join(out, "*", "manifest.json"))
	if len(found) < 2 {
		t.Fatalf("manifests: %q, want one for each example client", found)
	}
	for _, f := range found {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := conforms(manifest, data); err != nil {
			t.Errorf("%s does not follow its schema: %v", f, err)
		}
		var m struct{ Files []any }
		if json.Unmarshal(data, &m) != nil || len(m.Files) == 0 {
			t.Errorf("%s lists no files", f)
		}
	}
	for _, args := range [][]string{
		{"plan", "-C", project, "--json"},
		{"plan", "-C", project, "--json", "--values", filepath.Join(project, "clients", "acme.toml")},
	} {
		code, stdout, stderr := tailor(t, nil, args...)
		if code != 0 {
			t.Fatalf("%q: exit %d\n%s", args, code, stderr)
		}
		if err := conforms(plan, []byte(stdout)); err != nil {
			t.Errorf("%q does not follow its schema: %v", args, err)
		}
	}

	// the schemas are not so loose that anything passes
	for _, bad := range []struct {
		s    *jsonschema.Schema
		data string
	}{
		{manifest, `{"schema": 2, "client": "a", "files": [], "dirs": [], "links": []}`},
		{manifest, `{"schema": 1, "client": "a", "files": [{"path": "etc/x", "kind": "file", "sha256": "", "sources": []}], "dirs": [], "links": []}`},
		{plan, `{"docs": [{"path": "a.md", "title": "", "sections": [], "blocks": [{"line": 1, "lang": "", "text": "", "op": "move"}]}]}`},
		{plan, `{"docs": [{"path": "a.md", "title": "", "sections": [], "blocks": [{"line": 1, "lang": "", "text": "", "op": "none", "rule": 3}]}]}`},
	} {
		if conforms(bad.s, []byte(bad.data)) == nil {
			t.Errorf("passed: %s", bad.data)
		}
	}
	ruled := `{"docs": [{"path": "a.md", "title": "", "sections": [], "blocks": [{"line": 1, "lang": "", "text": "", "op": "append", "target": "/etc/a", "by": "inferred: Add the following to", "rule": "add.to-path"}]}]}`
	if err := conforms(plan, []byte(ruled)); err != nil {
		t.Errorf("a block with its rule: %v", err)
	}
}
