package site

import (
	"strings"
	"sync"

	"github.com/tailordocs/tailor/content"
)

// A Highlighter keeps the highlighting of code blocks across the builds
// of one run. A block's highlighting depends on its language and its
// personalized text only, not on the client: a block that reads the same
// for every client (one without placeholders, or whose values are the
// same) is highlighted once per run, not once per client. It keeps one
// highlighting per code block, the last one made, so that what it holds
// grows with the tutorial and not with the number of clients. It is safe
// for concurrent use; the zero value is ready to use.
type Highlighter struct {
	mu sync.Mutex
	m  map[*content.Code]highlighted
}

type highlighted struct {
	lang, text string
	marks      []mark
}

// marks returns codeMarks(lang, text) for code block c, from the cache
// when c read the same in an earlier build. The marks returned are
// shared: callers must not change them.
func (h *Highlighter) marks(c *content.Code, lang, text string) []mark {
	if h == nil {
		return codeMarks(lang, text)
	}
	h.mu.Lock()
	e, ok := h.m[c]
	h.mu.Unlock()
	if ok && e.lang == lang && e.text == text {
		return e.marks
	}
	ms := codeMarks(lang, text)
	h.mu.Lock()
	if h.m == nil {
		h.m = map[*content.Code]highlighted{}
	}
	h.m[c] = highlighted{lang, text, ms}
	h.mu.Unlock()
	return ms
}

// Prime highlights ahead of the builds the code blocks of docs that hold
// no placeholder: they read the same for every client, and a build finds
// their highlighting here. It reads the languages as the site does, the
// highlight directives of each page included, with highlightLanguage as
// Options.HighlightLanguage; a block it reads otherwise than a build is
// highlighted again by the build. It may run while other goroutines
// build with h.
func (h *Highlighter) Prime(docs []*content.Doc, highlightLanguage string) {
	for _, d := range docs {
		pageLang := ""
		content.Walk(d.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
			switch n := b.(type) {
			case *content.Directive:
				if n.Name == "highlight" {
					pageLang = strings.TrimSpace(n.Args)
				}
			case *content.Code:
				if len(n.Inlines) == 0 && !strings.Contains(n.Text, "$") {
					h.marks(n, codeLang(n, pageLang, highlightLanguage), n.Text)
				}
			}
			return true
		})
	}
}

// codeKey names a block's highlighting within one build: blocks of the
// same language and text are highlighted alike.
type codeKey struct{ lang, text string }

// marks returns the highlighting of code block c as it reads in this
// build. A text shown again in the same build (a command repeated from
// page to page) is highlighted once; what the builder keeps lives as long
// as the build, one client's pages.
func (b *builder) marks(c *content.Code, lang, text string) []mark {
	k := codeKey{lang, text}
	b.mu.Lock()
	ms, ok := b.highlighted[k]
	b.mu.Unlock()
	if ok {
		return ms
	}
	// two pages showing one text at once may both highlight it: alike
	ms = b.opts.Highlighter.marks(c, lang, text)
	b.mu.Lock()
	if b.highlighted == nil {
		b.highlighted = map[codeKey][]mark{}
	}
	b.highlighted[k] = ms
	b.mu.Unlock()
	return ms
}
