package site

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/tailordocs/tailor/content"
)

// theme holds the page template, the base stylesheet and the script.
//
//go:generate go test -run TestChromaStylesheet -update
//go:embed theme
var theme embed.FS

// script is the site's script: the menu on narrow screens, the search
// box and the copy buttons. Without it the pages read the same.
var script, _ = theme.ReadFile("theme/tailor.js")

// A Theme is the page template: tailor's own, with the parts a
// project's layouts replace. The template executes "page.html" with a
// *PageData. A Theme is safe for concurrent use.
type Theme struct {
	t *template.Template
}

// blocks are the parts of the page that a layout file named after one
// (layouts/footer.html) replaces, or that a layout defines with
// {{define "footer"}}.
var blocks = []string{"head", "header", "sidebar", "breadcrumbs", "pager", "footer"}

// baseTheme parses tailor's own template.
func baseTheme() (*template.Template, error) {
	return template.ParseFS(theme, "theme/page.html")
}

// defaultTheme is tailor's own theme.
var defaultTheme = sync.OnceValue(func() *Theme {
	t, err := baseTheme()
	if err != nil {
		panic(err) // the embedded template is tested
	}
	return &Theme{t: t}
})

// templateError finds the line in a template error: "template:
// footer.html:3: unexpected ...".
var templateError = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^template: [^:]*:(\d+):(?:\d+:)? ?(.*)$`) })

// ParseTheme returns tailor's theme with a project's layouts: a file
// named page.html replaces the whole page; a file named after a part of
// it (head, header, sidebar, breadcrumbs, pager, footer: footer.html)
// replaces that part; any other file may replace parts with {{define
// "footer"}} ... {{end}}. Layouts are html/template text executed with a
// *PageData, parsed in the order given, File.Path naming them in
// diagnostics. A layout that does not parse is reported at its line and
// left out.
func ParseTheme(layouts []File) (*Theme, content.Diagnostics) {
	var diags content.Diagnostics
	t, err := baseTheme()
	if err != nil {
		diags.Errorf(content.Position{}, "tailor's page template: %v", err)
		return defaultTheme(), diags
	}
	for _, f := range layouts {
		base := path.Base(f.Path)
		name := strings.TrimSuffix(base, path.Ext(base))
		isBlock := false
		for _, b := range blocks {
			isBlock = isBlock || b == name
		}
		if !isBlock || strings.Contains(string(f.Data), "{{define") || strings.Contains(string(f.Data), "{{- define") {
			name = base
		}
		trial, err := t.Clone()
		switch {
		case err != nil:
		case name == "page.html":
			_, err = trial.Parse(string(f.Data)) // the page itself
		default:
			_, err = trial.New(name).Parse(string(f.Data))
		}
		if err != nil {
			pos := content.Position{Filename: f.Path}
			msg := err.Error()
			if m := templateError().FindStringSubmatch(msg); m != nil {
				pos.Line, _ = strconv.Atoi(m[1])
				msg = m[2]
			}
			diags.Errorf(pos, "layout does not parse: %s", msg)
			continue
		}
		t = trial
	}
	return &Theme{t: t}, diags
}

// execute writes the page of d.
func (th *Theme) execute(w io.Writer, d *PageData) error {
	if err := th.t.ExecuteTemplate(w, "page.html", d); err != nil {
		return fmt.Errorf("%v", strings.TrimPrefix(err.Error(), "template: "))
	}
	return nil
}

// stylesheet returns the site's stylesheet: the theme's rules, then
// chroma's rules for code, made from its styles by "go generate" (see
// TestChromaStylesheet), so that a run does not load every chroma style
// to use two. It is the same for every build.
var stylesheet = sync.OnceValue(func() []byte {
	base, _ := theme.ReadFile("theme/tailor.css")
	code, _ := theme.ReadFile("theme/chroma.css")
	return append(append(base[:len(base):len(base)], '\n'), code...)
})
