package site

import (
	"bytes"
	"embed"
	"html/template"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// theme holds the page template and the base stylesheet.
//
//go:embed theme
var theme embed.FS

// Code highlighting styles: one for light pages (and print), one for
// browsers that prefer a dark scheme.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// layoutClasses are chroma's classes for lines and line numbers, as
// opposed to tokens.
var layoutClasses = map[string]bool{
	"line": true, "cl": true, "ln": true, "lnt": true, "hl": true,
	"lntable": true, "lntd": true, "lnlinks": true,
}

// pageTemplate returns the parsed page template.
var pageTemplate = sync.OnceValues(func() (*template.Template, error) {
	return template.ParseFS(theme, "theme/page.html")
})

// stylesheet returns the site's stylesheet: the theme's rules, then
// chroma's rules for the light style and, for a dark color scheme on
// screen, the dark style. It is made once and is the same for every
// build.
var stylesheet = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	base, _ := theme.ReadFile("theme/tailor.css")
	b.Write(base)
	f := html.New(html.WithClasses(true), html.WithCSSComments(false))
	var light, dark bytes.Buffer
	_ = f.WriteCSS(&light, styles.Get(lightStyle))
	_ = f.WriteCSS(&dark, styles.Get(darkStyle))
	b.WriteString("\n/* Code highlighting: chroma style " + lightStyle + " */\n\n")
	b.Write(light.Bytes())
	b.WriteString("\n/* Code highlighting: chroma style " + darkStyle + " */\n\n")
	b.WriteString("@media screen and (prefers-color-scheme: dark) {\n")
	// Tokens that the light style colors and the dark one does not must
	// not keep their light colors: reset them all first.
	var tokens []string
	for _, line := range strings.Split(light.String(), "\n") {
		sel, _, ok := strings.Cut(line, " {")
		if class, isToken := strings.CutPrefix(sel, ".chroma ."); ok && isToken && !layoutClasses[class] {
			tokens = append(tokens, sel)
		}
	}
	if len(tokens) > 0 {
		b.WriteString("  " + strings.Join(tokens, ", ") + " {\n")
		b.WriteString("    color: inherit; background-color: transparent; font-weight: inherit; font-style: inherit; text-decoration: inherit;\n  }\n")
	}
	for _, line := range strings.Split(strings.TrimRight(dark.String(), "\n"), "\n") {
		b.WriteString("  " + line + "\n")
	}
	b.WriteString("}\n")
	return b.Bytes()
})
