package site

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

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

// chromaStylesheet returns chroma's rules for the light style and, for a
// dark color scheme on screen, the dark style: theme/chroma.css.
func chromaStylesheet() []byte {
	var b bytes.Buffer
	f := html.New(html.WithClasses(true), html.WithCSSComments(false))
	var light, dark bytes.Buffer
	_ = f.WriteCSS(&light, styles.Get(lightStyle))
	_ = f.WriteCSS(&dark, styles.Get(darkStyle))
	b.WriteString("/* Code highlighting: chroma style " + lightStyle + " */\n\n")
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
}

// TestChromaStylesheet checks that theme/chroma.css is what the chroma
// of go.mod makes; -update (or go generate) rewrites it.
func TestChromaStylesheet(t *testing.T) {
	got := chromaStylesheet()
	if *update {
		if err := os.WriteFile("theme/chroma.css", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := theme.ReadFile("theme/chroma.css")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("theme/chroma.css is not what chroma makes: run go generate ./site")
	}
}
