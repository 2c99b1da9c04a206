package site

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/tailordocs/tailor/content"
)

// TestParseTheme replaces parts of the page with a project's layouts:
// a file named after a part, a file that defines parts, a whole page;
// a layout that does not parse is reported at its line.
func TestParseTheme(t *testing.T) {
	pages := []Page{page("index.html", doc("index.rst", sec(1, "Home", para("Text."))))}
	tests := []struct {
		name    string
		layouts []File
		want    []string
		diags   string
	}{
		{"a part by its name", []File{{Path: "layouts/footer.html", Data: []byte(`<footer class="mine">{{.SiteTitle}} for {{.Client}}</footer>`)}},
			[]string{`<footer class="mine">Home for acme</footer>`, `<nav class="site-nav"`}, ""},
		{"parts defined", []File{{Path: "layouts/extra.html", Data: []byte(`{{define "head"}}<meta name="robots" content="noindex">{{end}}{{define "sidebar"}}<nav class="mine">{{.Nav}}</nav>{{end}}`)}},
			[]string{`<meta name="robots" content="noindex">`, `<nav class="mine"><ul class="nav">`}, ""},
		{"the whole page", []File{{Path: "layouts/page.html", Data: []byte("<!doctype html>\n<title>{{.Title}}</title>\n{{.Body}}")}},
			[]string{"<!doctype html>\n<title>Home</title>\n<section>"}, ""},
		{"a slip", []File{{Path: "layouts/footer.html", Data: []byte("<footer>\n{{.Client}\n</footer>")}},
			[]string{`<nav class="site-nav"`}, "layouts/footer.html:2: error: layout does not parse: bad character U+007D '}'\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, diags := ParseTheme(tt.layouts)
			if got := diags.String(); got != tt.diags {
				t.Errorf("diagnostics:\n%s\nwant\n%s", got, tt.diags)
			}
			s, diags := Build(pages, Options{Theme: th, Client: "acme"})
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			got, _ := s.File("index.html")
			for _, w := range tt.want {
				if !strings.Contains(string(got), w) {
					t.Errorf("no %q in\n%s", w, got)
				}
			}
		})
	}
}

// TestLookOptions shows a project's stylesheets after tailor's, its logo
// and its footer (personalized), from _static/.
func TestLookOptions(t *testing.T) {
	pages := []Page{
		page("index.html", doc("index.rst", sec(1, "Home", para("Text.")))),
		page("guide/setup.html", doc("guide/setup.rst", sec(1, "Setup", para("Text.")))),
	}
	s, diags := Build(pages, Options{
		Fill:   testFill,
		CSS:    []File{{Path: "theme/acme.css", Data: []byte("body { color: red; }")}},
		Logo:   &File{Path: "images/logo.svg", Data: []byte("<svg/>")},
		Footer: "Made for $DOMAIN",
	})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	checkSite(t, s)
	for path, want := range map[string]string{
		"_static/acme.css": "body { color: red; }",
		"_static/logo.svg": "<svg/>",
	} {
		if got, ok := s.File(path); !ok || string(got) != want {
			t.Errorf("%s: %q", path, got)
		}
	}
	got, _ := s.File("guide/setup.html")
	for _, w := range []string{
		`<link rel="stylesheet" href="../_static/tailor.css">` + "\n" + `<link rel="stylesheet" href="../_static/acme.css">`,
		`<img class="logo" src="../_static/logo.svg" alt="">`,
		`<p>Made for <span class="value" title="value of DOMAIN">acme.example</span></p>`,
	} {
		if !strings.Contains(string(got), w) {
			t.Errorf("no %q in\n%s", w, got)
		}
	}
}

// TestSearchIndex indexes each section of each page with the text a
// reader sees in it, values filled and secrets masked, and links it to
// the section's heading.
func TestSearchIndex(t *testing.T) {
	pages := []Page{
		page("index.html", doc("index.rst", sec(1, "Shop", para("Welcome to $DOMAIN."),
			sec(2, "Keys", para("The key is $SECRET_KEY."), code("bash", "echo $DB_PASSWORD > key")),
		))),
		page("mail/relay.html", doc("mail/relay.rst", sec(1, "Relay", para("Relay mail.")))),
	}
	s, diags := Build(pages, Options{Fill: testFill})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	data, ok := s.File(searchPath)
	if !ok {
		t.Fatal("no search index")
	}
	js, ok := strings.CutPrefix(strings.TrimSuffix(string(data), ";\n"), "window.tailorSearch = ")
	if !ok {
		t.Fatalf("not a script that sets tailorSearch:\n%s", data)
	}
	var ix struct {
		Pages    [][2]string
		Sections [][4]any
	}
	if err := json.Unmarshal([]byte(js), &ix); err != nil {
		t.Fatal(err)
	}
	want := `{"Pages":[["index.html","Shop"],["mail/relay.html","Relay"]],"Sections":[` +
		`[0,"shop","Shop","Welcome to acme.example."],` +
		`[0,"keys","Keys","The key is ••••••. echo •••••• \u003e key"],` +
		`[1,"relay","Relay","Relay mail."]]}`
	got, _ := json.Marshal(ix)
	if string(got) != want {
		t.Errorf("index:\n%s\nwant\n%s", got, want)
	}
	for _, secret := range []string{testValues["SECRET_KEY"], testValues["DB_PASSWORD"]} {
		if strings.Contains(string(data), secret) {
			t.Errorf("a secret in the index: %s", data)
		}
	}
}

// TestFilesPage lists each file, fragment, directory and link with its
// mode, owner and the lines it comes from, linked both ways with its
// code blocks.
func TestFilesPage(t *testing.T) {
	create := code("ini", "[main]\nkey = 1")
	create.Line = 3
	shell := code("bash", "mkdir -p /etc/app\nchmod 0640 /etc/app/app.ini")
	shell.Line = 8
	pages := []Page{page("setup.html", doc("setup.rst", sec(1, "Setup", create, shell)))}
	s, diags := Build(pages, Options{
		Note: func(c *content.Code) string {
			if c == create {
				return "create /etc/app/app.ini"
			}
			return ""
		},
		Install: &Install{Entries: []Installed{
			{Kind: "file", Path: "/etc/app/app.ini", Mode: "0640", Owner: "root", Group: "app", Secret: true,
				Sources: []Source{{Doc: "setup.rst", Line: 3, Op: "create", By: "inferred: Create"}, {Doc: "setup.rst", Line: 9, Op: "chmod", By: "shell: chmod"}}},
			{Kind: "fragment", Path: "/etc/hosts", Sources: []Source{{Doc: "other.rst", Line: 1, Op: "append"}}},
			{Kind: "dir", Path: "/etc/app", Owner: "app's"},
			{Kind: "link", Path: "/etc/app/current", Target: "../app-2"},
		}},
	})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	checkSite(t, s)
	setup, _ := s.File("setup.html")
	files, _ := s.File(filesName)
	for _, w := range []string{
		`<figure class="code" id="block-3">`,
		`<p class="code-note"><a title="How to install it" href="files.html#file-etc-app-app-ini">create /etc/app/app.ini</a></p>`,
		`<figure class="code" id="block-8">`,
		`<li class="nav-files"><a href="files.html">Files</a></li>`,
	} {
		if !strings.Contains(string(setup), w) {
			t.Errorf("setup.html has no %q", w)
		}
	}
	for _, w := range []string{
		`<div class="installed" id="file-etc-app-app-ini">`,
		`holds a secret`,
		`<dt>Set</dt><dd>mode <code>0640</code>, owner <code>root</code>, group <code>app</code></dd>`,
		`<a href="setup.html#block-3">setup.rst:3–4</a> create`,
		`<a href="setup.html#block-8">setup.rst:9</a> chmod`,
		`<code>install -D -m 0640 -o root -g app rootfs/etc/app/app.ini /etc/app/app.ini</code>`,
		`other.rst:1 append`,
		`by <code>install.sh</code>, which merges it`,
		`<code>install -d -o 'app'\''s' /etc/app</code>`,
		`<code>/etc/app/current</code> → <code>../app-2</code>`,
		`<code>ln -sfn ../app-2 /etc/app/current</code>`,
		`<li class="nav-files current"><a href="files.html" aria-current="page">Files</a></li>`,
	} {
		if !strings.Contains(string(files), w) {
			t.Errorf("files.html has no %q", w)
		}
	}
}
