package htmlcheck

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	const doc = "<!doctype html>\n"
	tests := []struct{ html, want string }{
		{doc + `<p id="a">fine &amp; <a href="#a">well</a></p>`, ""},
		{doc + `<p>open`, "p:2: unclosed <p>"},
		{doc + `<p><div></div></p>`, "p:2: <div> inside <p>"},
		{doc + `<p id="a"></p><p id="a"></p>`, `p:2: id "a" used twice`},
		{doc + `<a href="x"><a href="y"></a></a>`, "p:2: link inside a link"},
		{doc + `<li></li>`, "p:2: <li> inside <>, want one of [ul ol]"},
		{doc + `<p>a & b</p>`, `p:2: unescaped & in "!doctype html>\n<p>a & b</p>"`},
		{doc + `<br class=x>`, `p:2: unquoted attribute class in "<!doctype html>\n<br class=x>"` + "\n" + `p:2: unescaped > in text "pe html>\n<br class=x>"`},
		{`<p></p>`, "p:1: no doctype"},
	}
	for _, tt := range tests {
		_, problems := Check("p", tt.html)
		if got := strings.Join(problems, "\n"); got != tt.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.html, got, tt.want)
		}
	}
}

func TestSite(t *testing.T) {
	files := map[string][]byte{
		"index.html":    []byte("<!doctype html>\n<a href=\"guide/a.html#top\">a</a> <a href=\"guide/a.html#nope\">b</a> <img src=\"img.png\" alt=\"\"> <a href=\"missing.html\">c</a> <a href=\"https://example.org/\">d</a>"),
		"guide/a.html":  []byte("<!doctype html>\n<h1 id=\"top\">A</h1><link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><a href=\"../index.html\">home</a>"),
		"_static/x.css": nil,
	}
	pages, problems := Site(files, []string{"img.png"})
	want := `index.html: link "guide/a.html#nope": no id "nope" in guide/a.html` + "\n" +
		`index.html: link "missing.html": no file missing.html in the site`
	if got := strings.Join(problems, "\n"); got != want {
		t.Errorf("problems:\n%s\nwant\n%s", got, want)
	}
	if got := pages["guide/a.html"].Resources; len(got) != 1 || got[0] != "https://cdn.example/x.css" {
		t.Errorf("resources of guide/a.html: %q", got)
	}
}
