//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"text/template"
)

// A secretSet is a client's secret values, by placeholder name.
type secretSet map[string]string

// Two sets of secrets of the same shapes, each colliding with a word or
// a number of the tutorial ("server" and "client", "8080" and "9191"),
// holding what HTML, URLs and JSON escape, of letters only, or part of a
// path and an owner. A secret value shows in an output when it is there
// more often than in the same output made with the other set.
var (
	secretsA = secretSet{
		"DB_PASSWORD":   "server",
		"API_TOKEN":     "8080",
		"SMTP_PASSWORD": `P&ss<w>rd "x" 'y' +/?=%`,
		"LONG_PASSWORD": "swordfishing",
		"DEPLOY_KEY":    "k3y-Path_Part",
		"SVC_USER":      "svcacct7",
	}
	secretsB = secretSet{
		"DB_PASSWORD":   "client",
		"API_TOKEN":     "9191",
		"SMTP_PASSWORD": `Q&rt<y>u "z" 'w' -/!=#`,
		"LONG_PASSWORD": "marlinfishes",
		"DEPLOY_KEY":    "k3y-Other_Part",
		"SVC_USER":      "otheracct9",
	}
	// numbers a values file holds without quotes, which the TOML decoder
	// finds out of range
	brokenA, brokenB = "12345678901234567890123", "98765432109876543210987"
)

const secretsTutorial = `title = "Secrets"
[placeholders.DEPLOY_KEY]
secret = true
[placeholders.SVC_USER]
secret = true
[placeholders.DOMAIN]
pattern = '^[a-z.]+$'
`

const secretsPage1 = "# Mail relay for the server of the client\n\n" +
	"The server listens on port 8080, or 9191. Our relay password is $SMTP_PASSWORD and the token is $API_TOKEN.\n\n" +
	"Use [the dashboard](https://dash.example/?token=$API_TOKEN&pw=$SMTP_PASSWORD) to check; never share $LONG_PASSWORD.\n\n" +
	"| key | value |\n| --- | --- |\n| password | $DB_PASSWORD |\n| token | `$API_TOKEN` |\n| relay | `$SMTP_PASSWORD` |\n\n" +
	"Create file `/etc/app/app.conf` with the following contents:\n\n" +
	"```ini\n[db]\npassword = $DB_PASSWORD\ntoken = \"$API_TOKEN\"\nsmtp = $SMTP_PASSWORD\n```\n\n" +
	"Create file `/etc/keys/$DEPLOY_KEY.pub` with the following contents:\n\n```\nssh-ed25519 AAAA server\n```\n\n" +
	"Create file `/etc/app$API_TOKEN/extra.conf` with the following contents:\n\n```\nextra = 1\n```\n\n" +
	"<!-- tailor: file=/etc/hosts op=insert before=\"# hosts of $DEPLOY_KEY\" -->\n```\n10.0.0.1 server\n```\n\n" +
	"```bash\nmkdir -p /srv/$DEPLOY_KEY\nchown $SVC_USER /srv/$DEPLOY_KEY\nln -s /etc/keys/$DEPLOY_KEY.pub /srv/current.pub\n```\n\n" +
	"> **Note:** the $DB_PASSWORD of $DOMAIN is not $LONG_PASSWORD.\n\n" +
	"## The $DB_PASSWORD heading\n\nThe end, at 8080.\n"

const secretsPage2 = "Web server\n==========\n\n" +
	"The server port is 8080 and the site is $DOMAIN, for the client.\n\n" +
	".. note:: The password is $LONG_PASSWORD; see `the docs <https://docs.example/$API_TOKEN>`_.\n\n" +
	"Create file ``/etc/nginx/sites-available/$DOMAIN`` with the following contents:\n\n" +
	".. code-block:: nginx\n\n   server {\n       listen 8080;\n       server_name $DOMAIN;\n   }\n\n" +
	".. code-block:: python\n   :caption: /etc/app/settings.py\n\n   SECRET = '$SMTP_PASSWORD'\n   DB = \"$DB_PASSWORD\"\n   LONG = r'$LONG_PASSWORD'\n"

// secretOutputs runs every command of tailor that shows something, for
// a client with the given secrets, and returns everything they show and
// write, keyed by where it is, each secret value in the keys replaced by
// its name. Files readable by their owner only are left out: those are
// where secrets belong.
func secretOutputs(t *testing.T, secrets secretSet, broken string) map[string][]byte {
	t.Helper()
	dir := project(t, map[string]string{
		"tailor.toml":          secretsTutorial,
		"page1.md":             secretsPage1,
		"page2.rst":            secretsPage2,
		"clients/secrets/smtp": secrets["SMTP_PASSWORD"] + "\n",
		"clients/acme.toml": fmt.Sprintf("DOMAIN = \"shop.example\"\nDB_PASSWORD = %q\nAPI_TOKEN = %s\nSMTP_PASSWORD = { file = \"secrets/smtp\" }\n"+
			"LONG_PASSWORD = { env = \"ACME_LONG\" }\nDEPLOY_KEY = %q\nSVC_USER = %q\n",
			secrets["DB_PASSWORD"], secrets["API_TOKEN"], secrets["DEPLOY_KEY"], secrets["SVC_USER"]),
		// a values file that the decoder and the checks refuse, quoting
		// what they can
		"broken/acme.toml": fmt.Sprintf("DOMAIN = \"Not A Domain %s\"\nDB_PASSWORD = %s\n", secrets["DB_PASSWORD"], broken),
		"bad/acme.toml":    fmt.Sprintf("DOMAIN = \"Bad %s\"\nDB_PASSWORD = %q\nAPI_TOKEN = %q\n", secrets["API_TOKEN"], secrets["DB_PASSWORD"], secrets["API_TOKEN"]),
	})
	env := map[string]string{"ACME_LONG": secrets["LONG_PASSWORD"]}
	values := filepath.Join(dir, "clients/acme.toml")
	out := map[string][]byte{}
	key := func(s string) string {
		for name, v := range secrets {
			s = strings.ReplaceAll(s, v, "<"+name+">")
		}
		return strings.ReplaceAll(s, dir, "<dir>")
	}
	cli := func(name string, wantCode int, args ...string) {
		t.Helper()
		code, stdout, stderr := tailor(t, env, args...)
		if code != wantCode {
			t.Fatalf("%s: exit %d, want %d\n%s%s", name, code, wantCode, stdout, stderr)
		}
		out[name+" stdout"] = []byte(strings.ReplaceAll(stdout, dir, "<dir>"))
		out[name+" stderr"] = []byte(strings.ReplaceAll(stderr, dir, "<dir>"))
	}

	outDir := filepath.Join(dir, "out")
	cli("build", 0, "build", "-C", dir, "--values", values, "--out", outDir)
	cli("check", 0, "check", "-C", dir, "--values", values)
	cli("build json", 0, "build", "-C", dir, "--values", values, "--out", filepath.Join(t.TempDir(), "o"), "--json")
	cli("check json", 0, "check", "-C", dir, "--values", values, "--json")
	cli("check broken", 1, "check", "-C", dir, "--values", filepath.Join(dir, "broken/acme.toml"))
	cli("check bad", 1, "check", "-C", dir, "--values", filepath.Join(dir, "bad/acme.toml"))
	cli("build bad", 1, "build", "-C", dir, "--values", filepath.Join(dir, "bad/acme.toml"), "--out", filepath.Join(t.TempDir(), "o"))
	cli("plan", 0, "plan", "-C", dir, "--values", values)
	cli("plan json", 0, "plan", "-C", dir, "--values", values, "--json")
	cli("init", 0, "init", "-C", dir, "--values", values)

	// the output tree, but for what only its owner can read
	client := filepath.Join(outDir, "acme")
	filepath.WalkDir(client, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		info, _ := d.Info()
		if info.Mode().Perm()&0o077 == 0 {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(client, p)
			out[key("out/"+rel)] = data
		}
		return nil
	})

	// install.sh: a dry run on a root without the owner, a run that a
	// directory in the way refuses, a run that installs
	root := t.TempDir()
	script := filepath.Join(client, "install.sh")
	sh := func(name string, args ...string) {
		cmd := exec.Command("sh", append([]string{script}, args...)...)
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		cmd.Run()
		out[name+" stdout"] = []byte(strings.ReplaceAll(o.String(), root, "<root>"))
		out[name+" stderr"] = []byte(strings.ReplaceAll(e.String(), root, "<root>"))
	}
	mkdir := func(p string) {
		if err := os.MkdirAll(filepath.Join(root, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, data string) {
		mkdir(filepath.Dir(p))
		if err := os.WriteFile(filepath.Join(root, p), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("etc/hosts", "127.0.0.1 localhost\n# hosts of "+secrets["DEPLOY_KEY"]+"\n")
	sh("install.sh --dry-run", "--root", root, "--dry-run")
	write("etc/passwd", "root:x:0:0::/root:/bin/sh\n"+secrets["SVC_USER"]+":x:1001:1001::/srv:/bin/sh\n")
	write("etc/group", "root:x:0:\n")
	mkdir("etc/keys/" + secrets["DEPLOY_KEY"] + ".pub")
	sh("install.sh refused", "--root", root)
	os.Remove(filepath.Join(root, "etc/keys", secrets["DEPLOY_KEY"]+".pub"))
	sh("install.sh", "--root", root)
	sh("install.sh again", "--root", root)

	// tailor diff, once the system has drifted: a line holding a secret
	// in a file that holds none in the build, a secret file edited
	nginx := filepath.Join(root, "etc/nginx/sites-available/shop.example")
	data, err := os.ReadFile(nginx)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(nginx, append(data, []byte("# pw "+secrets["SMTP_PASSWORD"]+" "+secrets["DB_PASSWORD"]+"\n")...), 0o644)
	os.WriteFile(filepath.Join(root, "etc/app/app.conf"), []byte("password = other\n"), 0o600)
	os.Remove(filepath.Join(root, "srv/current.pub"))
	cli("diff", 1, "diff", "-C", dir, "--values", values, "--root", root)
	cli("diff json", 1, "diff", "-C", dir, "--values", values, "--root", root, "--json")
	for _, name := range []string{"diff stdout", "diff json stdout"} {
		out[name] = bytes.ReplaceAll(out[name], []byte(root), []byte("<root>"))
	}

	// tailor serve: the pages, and the page and log of a failed build
	var log bytes.Buffer
	get := func(s *siteServer, name, urlPath string) {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", urlPath, nil))
		out[name+" "+urlPath] = rec.Body.Bytes()
	}
	getenv := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	good := &siteServer{dir: dir, values: []string{values}, getenv: getenv, log: &log}
	for _, p := range []string{"/", "/page1.html", "/page2.html", "/nothing.html"} {
		get(good, "serve", p)
	}
	for _, v := range []string{"broken", "bad"} {
		bad := &siteServer{dir: dir, values: []string{filepath.Join(dir, v, "acme.toml")}, getenv: getenv, log: &log}
		get(bad, "serve "+v, "/")
	}
	out["serve log"] = bytes.ReplaceAll(log.Bytes(), []byte(dir), []byte("<dir>"))
	return out
}

// forms returns a secret value in the forms an output may hold it in:
// as it is, escaped for HTML, a URL and JSON, Go-quoted.
func forms(v string) []string {
	var out []string
	add := func(f string) {
		for _, g := range out {
			if g == f {
				return
			}
		}
		out = append(out, f)
	}
	add(v)
	add(html.EscapeString(v))
	add(template.HTMLEscapeString(v))
	add(url.QueryEscape(v))
	add(url.PathEscape(v))
	j, _ := json.Marshal(v)
	add(string(j[1 : len(j)-1]))
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	raw := strings.TrimSuffix(b.String(), "\n")
	add(raw[1 : len(raw)-1])
	q := strconv.Quote(v)
	add(q[1 : len(q)-1])
	return out
}

// TestSecretsNeverShown searches every byte tailor shows or writes (the
// site, the personalized source, manifest.json and install.sh when
// others may read them, what install.sh prints, dry run or not, the
// plan, the skeleton, tailor diff as text and JSON, the diagnostics of
// build and check and their JSON reports, the pages and log of tailor
// serve) for each secret value, in each of its forms.
func TestSecretsNeverShown(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	a := secretOutputs(t, secretsA, brokenA)
	b := secretOutputs(t, secretsB, brokenB)
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) < 40 {
		t.Fatalf("only %d outputs: %v", len(keys), keys)
	}
	check := func(mine, others map[string][]byte, secrets secretSet, broken, which string) {
		all := map[string]string{"BROKEN": broken}
		for n, v := range secrets {
			all[n] = v
		}
		for name, v := range all {
			for _, f := range forms(v) {
				for _, k := range keys {
					if _, ok := others[k]; !ok {
						t.Errorf("%s is an output of one build only", k)
						continue
					}
					if n, m := bytes.Count(mine[k], []byte(f)), bytes.Count(others[k], []byte(f)); n > m {
						i := bytes.Index(mine[k], []byte(f))
						t.Errorf("set %s: %s (%q) shows in %s: …%s…", which, name, f, k, mine[k][max(0, i-60):min(len(mine[k]), i+len(f)+60)])
					}
				}
			}
		}
	}
	check(a, b, secretsA, brokenA, "A")
	check(b, a, secretsB, brokenB, "B")
	if !bytes.Contains(a["install.sh stdout"], []byte("‹secret DEPLOY_KEY›")) || !bytes.Contains(a["diff stdout"], []byte("‹secret")) {
		t.Errorf("the outputs do not show the masks they should:\n%s\n%s", a["install.sh stdout"], a["diff stdout"])
	}
}
