package snippets

import (
	"regexp"
	"strings"
	"sync"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/snippets/infer"
)

// altTitle matches the title of a section that is one of several ways
// to do a step: "Option A: Download a Release Archive", "Method 2",
// "Alternative 1 — with Docker".
var altTitle = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*(option|alternative|method|variant|approach|way)\s+([a-z]|\d+)\b`)
})

// alternativesOf finds, among sibling blocks, those that are
// alternatives to each other: two or more sections whose titles say so
// ("Option A: ...", "Option B: ..."), or a run of two or more tabs (the
// "tab" directives of MkDocs content tabs and of sphinx-tabs). Each is
// marked chosen when the tags choose it.
func alternativesOf(bs []content.Block, tags map[string]bool) map[content.Block]*infer.Alternative {
	m := map[content.Block]*infer.Alternative{}
	var secs []content.Block
	for _, b := range bs {
		if s, ok := b.(*content.Section); ok && altTitle().MatchString(content.PlainText(s.Title)) {
			secs = append(secs, b)
		}
	}
	group(m, secs, tags)
	var run []content.Block
	for _, b := range append(bs, nil) {
		if tabLabel(b) != "" {
			run = append(run, b)
			continue
		}
		group(m, run, tags)
		run = nil
	}
	return m
}

// group marks the blocks of bs as alternatives to each other, when there
// are two or more.
func group(m map[content.Block]*infer.Alternative, bs []content.Block, tags map[string]bool) {
	if len(bs) < 2 {
		return
	}
	labels := make([]string, len(bs))
	for i, b := range bs {
		labels[i] = altLabel(b)
	}
	for i, b := range bs {
		m[b] = &infer.Alternative{Label: labels[i], Group: labels, Chosen: chosenBy(labels[i], labels, tags)}
	}
}

// altLabel is the label of an alternative: a section's title, a tab's.
func altLabel(b content.Block) string {
	if s, ok := b.(*content.Section); ok {
		return strings.TrimSpace(content.PlainText(s.Title))
	}
	return tabLabel(b)
}

// tabLabel returns the label of a tab ("tab", "group-tab" or "code-tab"
// directive), "" for another block. A code-tab's first word is its
// language.
func tabLabel(b content.Block) string {
	d, ok := b.(*content.Directive)
	if !ok {
		return ""
	}
	switch d.Name {
	case "tab", "group-tab":
		return strings.TrimSpace(d.Args)
	case "code-tab":
		if _, label, ok := strings.Cut(strings.TrimSpace(d.Args), " "); ok {
			return strings.TrimSpace(label)
		}
		return strings.TrimSpace(d.Args)
	}
	return ""
}

func chosenBy(label string, group []string, tags map[string]bool) bool {
	if len(tags) == 0 {
		return false
	}
	if tags[slug(label)] {
		return true
	}
	if m := altTitle().FindString(label); m != "" && tags[slug(m)] {
		return true
	}
	others := map[string]bool{}
	for _, g := range group {
		if g != label {
			for _, w := range words(g) {
				others[w] = true
			}
		}
	}
	for _, w := range words(label) {
		if tags[w] && !others[w] {
			return true
		}
	}
	return false
}

// slug is a label as a tag: lower case, runs of other characters than
// letters and digits made one "-".
func slug(s string) string {
	return strings.Join(words(s), "-")
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}
