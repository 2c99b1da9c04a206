package values

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/spf13/afero"
)

func load(t *testing.T, files map[string]string, decls string, env map[string]string) (*Values, string) {
	t.Helper()
	fsys := afero.NewMemMapFs()
	for name, data := range files {
		if err := afero.WriteFile(fsys, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := Options{
		Getenv: func(k string) (string, bool) { v, ok := env[k]; return v, ok },
		Rand:   bytes.NewReader(bytes.Repeat([]byte{7, 200, 13, 42}, 64)),
		Ignore: map[string]bool{"IGNORED": true},
	}
	var msgs []string
	if decls != "" {
		var tree map[string]any
		if _, err := toml.Decode(decls, &tree); err != nil {
			t.Fatal(err)
		}
		ph, _ := tree["placeholders"].(map[string]any)
		d, diags := ParseDecls(ph, []byte(decls), "tailor.toml")
		for _, x := range diags {
			msgs = append(msgs, x.String())
		}
		opts.Decls = d
	}
	v, diags := Load(fsys, "clients/acme.toml", opts)
	for _, x := range diags {
		msgs = append(msgs, x.String())
	}
	return v, strings.Join(msgs, "\n")
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string
		decls  string
		env    map[string]string
		want   map[string]string // name -> value (prefix "secret:" when secret)
		tags   string
		errors string
	}{
		{
			name: "plain and derived",
			files: map[string]string{"clients/acme.toml": `DOMAIN = "acme.example"
DJANGO_PROJECT = "acmeshop"
DJANGO_USER = "$DJANGO_PROJECT"
URL = "https://${DOMAIN}/$HOME/$IGNORED"
PORT = 8000
DEBUG = false
tags = ["nginx", "debian"]
`},
			want: map[string]string{"DOMAIN": "acme.example", "DJANGO_USER": "acmeshop", "URL": "https://acme.example/$HOME/$IGNORED", "PORT": "8000", "DEBUG": "false"},
			tags: "nginx,debian",
		},
		{
			name:  "secrets by name, env, file and derived",
			files: map[string]string{"clients/acme.toml": "EMAIL_HOST_PASSWORD = \"pw\"\nAPI_KEY = \"k\"\nDB = { env = \"ACME_DB\" }\nCERT = { file = \"secrets/cert\" }\nDSN = \"pg://u:$DB@h\"\nNAME = \"n\"\n", "clients/secrets/cert": "-----CERT-----\n"},
			env:   map[string]string{"ACME_DB": "s3cr$t"},
			want:  map[string]string{"EMAIL_HOST_PASSWORD": "secret:pw", "API_KEY": "secret:k", "DB": "secret:s3cr$t", "CERT": "secret:-----CERT-----", "DSN": "secret:pg://u:s3cr$t@h", "NAME": "n"},
		},
		{
			name:  "$$ for a dollar of the value, not of what it uses",
			files: map[string]string{"clients/acme.toml": "HASH = \"{SHA512-CRYPT}$$6$$Kq7$$abc\"\nRAW = { env = \"ACME_RAW\" }\nBOTH = \"$$RAW=$RAW\"\n"},
			env:   map[string]string{"ACME_RAW": "a$$b"},
			want:  map[string]string{"HASH": "{SHA512-CRYPT}$6$Kq7$abc", "RAW": "secret:a$$b", "BOTH": "secret:$RAW=a$$b"},
		},
		{
			name:   "a dollar left unescaped",
			files:  map[string]string{"clients/acme.toml": "NOTE = \"costs $5 at $Kq7Vx2Lm\"\n"},
			errors: "clients/acme.toml:1:1: error: value of NOTE uses undefined placeholder $Kq7Vx2Lm (write $$ for a $ of the value itself)",
		},
		{
			name:  "a password hash as written, or with its dollars doubled",
			files: map[string]string{"clients/acme.toml": "HASH = \"$6$Kq7Vx2Lm$abc\"\nHASH2 = \"{SHA512-CRYPT}$$6$$Kq7Vx2Lm$$abc\"\n"},
			want:  map[string]string{"HASH": "$6$Kq7Vx2Lm$abc", "HASH2": "{SHA512-CRYPT}$6$Kq7Vx2Lm$abc"},
		},
		{
			name:  "secret through the values made from a secret, up to a public one",
			files: map[string]string{"clients/acme.toml": "A = { env = \"ACME_A\" }\nB = \"b$A\"\nC = \"c$B\"\nD = \"d$C\"\nE = \"e$D\"\nF = \"f\"\n"},
			decls: "[placeholders.D]\nsecret = false\n",
			env:   map[string]string{"ACME_A": "a"},
			want:  map[string]string{"A": "secret:a", "B": "secret:ba", "C": "secret:cba", "D": "dcba", "E": "edcba", "F": "f"},
		},
		{
			name:  "declared public overrides the name",
			files: map[string]string{"clients/acme.toml": "TOKEN_URL = \"https://x\"\n"},
			decls: "[placeholders.TOKEN_URL]\nsecret = false\n",
			want:  map[string]string{"TOKEN_URL": "https://x"},
		},
		{
			name:  "defaults and generated values",
			files: map[string]string{"clients/acme.toml": "DJANGO_PROJECT = \"shop\"\n"},
			decls: "[placeholders.DJANGO_USER]\ndefault = \"$DJANGO_PROJECT\"\n[placeholders.SECRET_KEY]\nsecret = true\ngenerate = \"random:8\"\n",
			want:  map[string]string{"DJANGO_USER": "shop", "SECRET_KEY": "secret:honQhonQ"},
		},
		{
			name:   "cycle",
			files:  map[string]string{"clients/acme.toml": "A = \"$B\"\nB = \"x$A\"\n"},
			errors: "clients/acme.toml:1:1: error: placeholder cycle: $A -> $B -> $A",
		},
		{
			name:   "undefined inside a value",
			files:  map[string]string{"clients/acme.toml": "DOMAIN = \"a\"\nURL = \"http://$DOMIAN\"\n"},
			errors: "clients/acme.toml:2:1: error: value of URL uses undefined placeholder $DOMIAN (did you mean $DOMAIN?)",
		},
		{
			name:   "malformed TOML",
			files:  map[string]string{"clients/acme.toml": "DOMAIN = \"a\"\nPORT = = 3\n"},
			errors: "clients/acme.toml:2:8: error: invalid TOML: expected value but found '=' instead",
		},
		{
			name:   "bad key and type",
			files:  map[string]string{"clients/acme.toml": "domain = \"a\"\nRATIO = 1.5\nX = { envv = \"Y\" }\n"},
			errors: "clients/acme.toml:1:1: error: \"domain\" is not a placeholder name: names start with an upper-case letter and hold letters, digits and _ (did you mean DOMAIN?)\nclients/acme.toml:2:9: error: value of RATIO must be a string, an integer, a boolean, { env = \"VAR\" } or { file = \"path\" }, not a float\nclients/acme.toml:3:7: error: unknown source \"envv\" for X: use env or file (did you mean env?)",
		},
		{
			name:   "a secret with a bad escape is not quoted",
			files:  map[string]string{"clients/acme.toml": "DOMAIN = \"a\"\nSMTP_PASSWORD = \"Hunter2\\users-secret\"\n"},
			errors: "clients/acme.toml:2:18: error: invalid TOML: expected four hexadecimal digits after '\\u', but got \"…\" instead",
		},
		{
			name:   "a number out of range is not echoed",
			files:  map[string]string{"clients/acme.toml": "DOMAIN = \"a\"\nDB_PASSWORD = 12345678901234567890123\n"},
			errors: "clients/acme.toml:2:15: error: invalid TOML: … is out of range for int64",
		},
		{
			name:   "duplicate key",
			files:  map[string]string{"clients/acme.toml": "DOMAIN = \"a\"\nDOMAIN = \"b\"\n"},
			errors: "clients/acme.toml:2:1: error: invalid TOML: DOMAIN is defined twice",
		},
		{
			name:   "a position past the end of its line",
			files:  map[string]string{"clients/acme.toml": "DOMAIN = \"a\"\nFOO = [1, 2\nBAR = 3\n"},
			errors: "clients/acme.toml:3:8: error: invalid TOML: expected a comma (',') or array terminator (']'), but got 'B'",
		},
		{
			name:   "dates and tables",
			files:  map[string]string{"clients/acme.toml": "D = 1979-05-27\nN = { a = 1 }\n"},
			errors: "clients/acme.toml:1:5: error: value of D must be a string, an integer, a boolean, { env = \"VAR\" } or { file = \"path\" }, not a date or time\nclients/acme.toml:2:7: error: unknown source \"a\" for N: use env or file",
		},
		{
			name:   "a cycle is reported once",
			files:  map[string]string{"clients/acme.toml": "DOMAIN = \"$ADMIN.example\"\nADMIN = \"$DOMAIN\"\n"},
			decls:  "[placeholders.DOMAIN]\npattern = '^[a-z.]+$'\n",
			errors: "clients/acme.toml:2:1: error: placeholder cycle: $ADMIN -> $DOMAIN -> $ADMIN",
		},
		{
			name:   "missing env and file",
			files:  map[string]string{"clients/acme.toml": "A_PASSWORD = { env = \"NOPE\" }\nB = { file = \"nope\" }\n"},
			errors: "clients/acme.toml:1:22: error: environment variable NOPE for A_PASSWORD is not set\nclients/acme.toml:2:14: error: cannot read clients/nope for B: no such file",
		},
		{
			name:   "pattern, secret value not shown",
			files:  map[string]string{"clients/acme.toml": "DOMAIN = \"Acme.Example\"\nDB_PASSWORD = \"short\"\n"},
			decls:  "[placeholders.DOMAIN]\npattern = '^[a-z0-9.-]+$'\n[placeholders.DB_PASSWORD]\npattern = '^.{12,}$'\n",
			errors: "clients/acme.toml:1:10: error: value of DOMAIN \"Acme.Example\" does not match its pattern ^[a-z0-9.-]+$\nclients/acme.toml:2:15: error: value of DB_PASSWORD does not match its pattern ^.{12,}$",
		},
		{
			name:   "pattern of a value from the environment",
			files:  map[string]string{"clients/acme.toml": "DOMAIN = { env = \"ACME_DOMAIN\" }\n"},
			decls:  "[placeholders.DOMAIN]\npattern = '^[a-z.]+$'\nsecret = false\n",
			env:    map[string]string{"ACME_DOMAIN": "Bad"},
			errors: "clients/acme.toml:1:10: error: value of DOMAIN \"Bad\" does not match its pattern ^[a-z.]+$",
		},
		{
			name:   "control characters",
			files:  map[string]string{"clients/acme.toml": "A = \"x\\u0000y\"\nB_PASSWORD = \"p\\u202Eq\"\nC = \"tab\\there\"\n"},
			errors: "clients/acme.toml:1:5: error: value of A holds the control character U+0000, which no config file should: remove it\nclients/acme.toml:2:14: error: value of B_PASSWORD holds the bidirectional control U+202E, which no config file should: remove it",
		},
		{
			name:   "bad declarations",
			files:  map[string]string{"clients/acme.toml": ""},
			decls:  "[placeholders.DOMAIN]\npatern = 'x'\n[placeholders.KEY]\npattern = '('\ngenerate = \"rand:3\"\n",
			errors: "tailor.toml:2:1: error: unknown key \"patern\" in placeholders.DOMAIN (did you mean pattern?); known keys: default, description, example, generate, pattern, secret\ntailor.toml:5:12: error: placeholders.KEY.generate \"rand:3\": unknown kind \"rand\" (want random, hex or base64)\ntailor.toml:4:11: error: placeholders.KEY.pattern \"(\" is not a valid regular expression: missing closing ): `(`",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, errs := load(t, tt.files, tt.decls, tt.env)
			if errs != tt.errors {
				t.Fatalf("diagnostics:\n%s\nwant:\n%s", errs, tt.errors)
			}
			if tt.errors != "" {
				return
			}
			for name, want := range tt.want {
				x, ok := v.Get(name)
				if !ok {
					t.Errorf("%s: no value", name)
					continue
				}
				got := x.Text
				if x.Secret {
					got = "secret:" + got
				}
				if got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			if got := strings.Join(v.Tags, ","); got != tt.tags {
				t.Errorf("tags = %q, want %q", got, tt.tags)
			}
		})
	}
}

func TestGeneratedValueIsKept(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "clients/acme.toml", []byte("DOMAIN = \"a\"\nDB_URL = \"db://$USER_NAME:$SECRET_KEY@$DOMAIN\"\nUSER_NAME = \"app\"\n"), 0o644)
	decls := map[string]*Decl{"SECRET_KEY": {Name: "SECRET_KEY", Generate: "random:40"}}
	v1, diags := Load(fsys, "clients/acme.toml", Options{Decls: decls})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if got := v1.Pending(); !slices.Equal(got, []string{"DB_URL", "SECRET_KEY"}) {
		t.Errorf("Pending() = %q before the value is kept", got)
	}
	file, data := v1.State()
	if file != "clients/.tailor-state/acme.toml" || data == nil {
		t.Fatalf("State() = %q, %q", file, data)
	}
	first, _ := v1.Get("SECRET_KEY")
	if len(first.Text) != 40 || !first.Secret {
		t.Fatalf("generated %q (secret %v)", first.Text, first.Secret)
	}
	afero.WriteFile(fsys, file, data, 0o600)
	v2, _ := Load(fsys, "clients/acme.toml", Options{Decls: decls})
	second, _ := v2.Get("SECRET_KEY")
	if second.Text != first.Text {
		t.Errorf("second build generated %q, first %q", second.Text, first.Text)
	}
	if _, data := v2.State(); data != nil {
		t.Errorf("state rewritten although nothing new was generated")
	}
	if got := v2.Pending(); got != nil {
		t.Errorf("Pending() = %q once the value is kept", got)
	}
}

// TestKeptValueChecked reports a kept value of the wrong type as an
// error at its line (a new value would rotate a deployed secret), one
// that its generator would not make, and a state file others can read.
func TestKeptValueChecked(t *testing.T) {
	decls := map[string]*Decl{
		"SECRET_KEY": {Name: "SECRET_KEY", Generate: "random:8"},
		"API_TOKEN":  {Name: "API_TOKEN", Generate: "hex:4"},
	}
	for _, tc := range []struct {
		state string
		mode  os.FileMode
		want  string
	}{
		{"SECRET_KEY = 12345\nAPI_TOKEN = \"0a0b0c0d\"\n", 0o600,
			"clients/.tailor-state/acme.toml:1:1: error: SECRET_KEY must be a string, as tailor generated it; delete the line to generate a new value"},
		{"# kept\nSECRET_KEY = \"\"\n  API_TOKEN = \"0a0b0c0d\"\n", 0o600,
			"clients/.tailor-state/acme.toml:2:1: warning: SECRET_KEY is empty, unlike what \"random:8\" generates: kept as it is"},
		{"SECRET_KEY = \"abcdefgh\"\nAPI_TOKEN = \"0a0b\"\n", 0o644,
			"clients/.tailor-state/acme.toml: warning: mode 0644 lets others read the generated secrets: chmod 600 it\n" +
				"clients/.tailor-state/acme.toml:2:1: warning: API_TOKEN has 4 characters, not 8, unlike what \"hex:4\" generates: kept as it is"},
	} {
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, "clients/acme.toml", []byte("DOMAIN = \"a\"\n"), 0o644)
		afero.WriteFile(fsys, "clients/.tailor-state/acme.toml", []byte(tc.state), tc.mode)
		_, diags := Load(fsys, "clients/acme.toml", Options{Decls: decls})
		if got := strings.TrimSpace(diags.String()); got != tc.want {
			t.Errorf("state %q:\ngot  %s\nwant %s", tc.state, got, tc.want)
		}
	}
}

func TestIsSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"EMAIL_HOST_PASSWORD": true, "SECRET_KEY": true, "API_TOKEN": true, "SSH_KEY": true,
		"DOMAIN": false, "KEYBOARD": false, "DB_PASSWORD_FILE": true,
	} {
		if IsSecretName(name) != want {
			t.Errorf("IsSecretName(%q) = %v", name, !want)
		}
	}
}

func TestValueSizeLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("A = \"$L0\"\n")
	for i := 0; i < 29; i++ {
		fmt.Fprintf(&b, "L%d = \"%s\"\n", i, strings.Repeat(fmt.Sprintf("$L%d", i+1), 10))
	}
	b.WriteString("L29 = \"xxxxxxxxxx\"\n")
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "c.toml", []byte(b.String()), 0o644)
	afero.WriteFile(fsys, "big", bytes.Repeat([]byte("x"), MaxValue+1), 0o644)
	afero.WriteFile(fsys, "d.toml", []byte("K = { file = \"big\" }\n"), 0o644)
	_, diags := Load(fsys, "c.toml", Options{})
	if !diags.HasErrors() || !strings.Contains(diags.String(), "grows past 1048576 bytes") {
		t.Errorf("exponential values: %s", diags)
	}
	_, diags = Load(fsys, "d.toml", Options{})
	if want := "d.toml:1:14: error: big for K is not a regular file of at most 1048576 bytes"; strings.TrimSpace(diags.String()) != want {
		t.Errorf("big file: %s", diags)
	}
}

// TestValuesFileLimits: a values file past a bound is refused before the
// decoder reads it, at the line and column where it passes it.
func TestValuesFileLimits(t *testing.T) {
	nested := "DOMAIN = \"a\"\nA = " + strings.Repeat("{a=", 20000) + "1" + strings.Repeat("}", 20000) + "\n"
	dotted := "DOMAIN = \"a\"\nA" + strings.Repeat(".a", 20000) + " = 1\n"
	big := "DOMAIN = \"a\"\n" + strings.Repeat("# a comment of many lines\n", 200000)
	for _, tc := range []struct {
		name, src, want string
	}{
		{"nested", nested, "c.toml:2:53: error: values file: arrays or inline tables nested more than 16 deep: that is past the limit tailor sets"},
		{"dotted", dotted, "c.toml:2:32: error: values file: a key or table name of more than 16 dotted parts: that is past the limit tailor sets"},
		{"big", big, "c.toml:161320:24: error: values file: the file is larger than the limit of 4 MiB"},
	} {
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, "c.toml", []byte(tc.src), 0o644)
		v, diags := Load(fsys, "c.toml", Options{})
		if got := strings.TrimSpace(diags.String()); v != nil || got != tc.want {
			t.Errorf("%s: %s", tc.name, got)
		}
	}
}

// TestPatternMessageShort: a value that fails its pattern is quoted in
// part, however long it is.
func TestPatternMessageShort(t *testing.T) {
	_, msgs := load(t, map[string]string{"clients/acme.toml": "DOMAIN = \"" + strings.Repeat("Xy", 50000) + "\"\n"},
		"[placeholders.DOMAIN]\npattern = '^[a-z]+$'\n", nil)
	want := "clients/acme.toml:1:10: error: value of DOMAIN \"" + strings.Repeat("Xy", 30) + "\"… does not match its pattern ^[a-z]+$"
	if msgs != want {
		t.Errorf("got  %.200s\nwant %s", msgs, want)
	}
}

// BenchmarkLoadChain loads values each made from the one before, the
// first a secret, for n doubling: the time per value stays about flat.
func BenchmarkLoadChain(b *testing.B) {
	for _, n := range []int{5000, 10000, 20000} {
		var src strings.Builder
		src.WriteString("V0_PASSWORD = \"s3cret\"\nV1 = \"$V0_PASSWORD\"\n")
		for i := 2; i < n; i++ {
			fmt.Fprintf(&src, "V%d = \"$V%d\"\n", i, i-1)
		}
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, "c.toml", []byte(src.String()), 0o644)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, diags := Load(fsys, "c.toml", Options{}); diags.HasErrors() {
					b.Fatal(diags)
				}
			}
		})
	}
}
