package site

import (
	"strconv"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/tailordocs/tailor/internal/lexers"

	"github.com/tailordocs/tailor/content"
)

// plainLangs are languages shown without highlighting.
var plainLangs = map[string]bool{
	"": true, "text": true, "none": true, "guess": true,
	"plain": true, "plaintext": true, "txt": true, "output": true,
}

// sphinxDefault is Sphinx's default highlight_language: Python, shown
// without highlighting when the text does not read as Python.
const sphinxDefault = "default"

// lexers maps a lower-case language to its chroma lexer, or to nil when
// chroma does not know the language. Looking up an unknown name scans
// every lexer, so answers are kept, up to maxLexerCache of them.
var lexerCache struct {
	sync.Mutex
	m map[string]chroma.Lexer
}

const maxLexerCache = 256

// lexerFor returns the lexer for a language, nil for plain text.
func lexerFor(lang string) chroma.Lexer {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if plainLangs[lang] {
		return nil
	}
	lexerCache.Lock()
	l, ok := lexerCache.m[lang]
	lexerCache.Unlock()
	if ok {
		return l
	}
	name := lang
	if name == sphinxDefault {
		name = "python"
	}
	l = lexers.Get(name)
	lexerCache.Lock()
	if lexerCache.m == nil {
		lexerCache.m = map[string]chroma.Lexer{}
	}
	if len(lexerCache.m) < maxLexerCache {
		lexerCache.m[lang] = l
	}
	lexerCache.Unlock()
	return l
}

// tokenTags holds the opening tag of each token type that has a CSS
// class of its own. It is read-only after initialization.
var tokenTags = func() map[chroma.TokenType]string {
	m := map[chroma.TokenType]string{}
	for t, class := range chroma.StandardTypes {
		switch t {
		case chroma.Text, chroma.Whitespace, chroma.Error, chroma.Background, chroma.PreWrapper,
			chroma.Line, chroma.LineNumbers, chroma.LineNumbersTable, chroma.LineHighlight,
			chroma.LineTable, chroma.LineTableTD, chroma.LineLink, chroma.CodeLine:
			continue
		}
		if class != "" {
			m[t] = `<span class="` + class + `">`
		}
	}
	return m
}()

// tokenTag returns the opening tag for a token type, looking up its
// parent types as chroma's HTML formatter does; "" for none.
func tokenTag(t chroma.TokenType) string {
	for {
		if tag, ok := tokenTags[t]; ok {
			return tag
		}
		if _, ok := chroma.StandardTypes[t]; ok || t == 0 {
			return ""
		}
		t = t.Parent()
	}
}

// codeMarks returns the marks of a code block's text in lang: a
// session's prompts and output, or the highlighted tokens. Sphinx's
// default language highlights only text that reads as Python, without
// an error token.
func codeMarks(lang, text string) []mark {
	if k := sessionOf(lang, text); k != noSession {
		return sessionMarks(k, text)
	}
	marks, failed := tokenMarks(lang, text)
	if failed && strings.EqualFold(strings.TrimSpace(lang), sphinxDefault) {
		return nil
	}
	return marks
}

// highlight returns the token marks of text in a language: one mark per
// token that has a CSS class. It returns nil for plain text, and when
// the lexer's tokens do not add up to the text.
func highlight(lang, text string) []mark {
	marks, _ := tokenMarks(lang, text)
	return marks
}

// tokenMarks returns the marks of highlight, and whether the lexer found
// an error in the text.
func tokenMarks(lang, text string) (marks []mark, failed bool) {
	l := lexerFor(lang)
	if l == nil || text == "" {
		return nil, false
	}
	raw, err := l.Tokenise(&chroma.TokeniseOptions{State: "root"}, text)
	if err != nil {
		return nil, true
	}
	stuck := false
	it := coalesce(raw, &stuck)
	pos := 0
	for t := it(); t != chroma.EOF; t = it() {
		failed = failed || t.Type == chroma.Error
		v := t.Value
		end := pos + len(v)
		switch {
		case end <= len(text) && text[pos:end] == v:
		case pos <= len(text) && v == text[pos:]+"\n":
			// The lexer's own final newline.
			end = len(text)
		default:
			return nil, failed
		}
		if tag := tokenTag(t.Type); tag != "" && end > pos {
			marks = append(marks, mark{pos, end, tag, "</span>"})
		}
		pos = end
	}
	if stuck {
		return nil, true
	}
	if pos != len(text) {
		return nil, failed
	}
	return marks, failed
}

// maxEmptyTokens is how many empty tokens in a row a lexer may give
// before it is taken to be stuck: some of chroma's lexers give empty
// tokens without end on some input (JSONata's on "echo x | grep").
const maxEmptyTokens = 10000

// coalesce is chroma.Coalesce over the tokens of it, which joins runs of
// tokens of one type, but stops, setting *stuck, where the lexer gives
// maxEmptyTokens empty tokens in a row.
func coalesce(it chroma.Iterator, stuck *bool) chroma.Iterator {
	var prev chroma.Token
	return func() chroma.Token {
		empty := 0
		for token := it(); token != chroma.EOF; token = it() {
			if len(token.Value) == 0 {
				if empty++; empty > maxEmptyTokens {
					*stuck = true
					return chroma.EOF
				}
				continue
			}
			empty = 0
			if prev == chroma.EOF {
				prev = token
			} else {
				if prev.Type == token.Type && len(prev.Value) < 8192 {
					prev.Value += token.Value
				} else {
					out := prev
					prev = token
					return out
				}
			}
		}
		out := prev
		prev = chroma.EOF
		return out
	}
}

// lineOptions reads the line-number options of a code block: Sphinx's
// :linenos:, :lineno-start: and :emphasize-lines:, or Hugo's linenos,
// linenostart and hl_lines attributes. It returns nil when lines need no
// wrapper.
func (r *renderer) lineOptions(c *content.Code, text string) *lineStyle {
	ls := &lineStyle{first: 1}
	for _, o := range c.Options {
		switch o.Name {
		case "linenos":
			ls.numbers = o.Value != "false" && o.Value != "none"
		case "lineno-start", "linenostart":
			if n, err := strconv.Atoi(strings.TrimSpace(o.Value)); err == nil {
				ls.first = n
				ls.numbers = true
			}
		case "emphasize-lines", "hl_lines":
			ls.emphasis = r.lineSet(c, o)
		}
	}
	if !ls.numbers && len(ls.emphasis) == 0 {
		return nil
	}
	lines := strings.Count(text, "\n") + 1
	ls.width = len(strconv.Itoa(ls.first + lines - 1))
	return ls
}

// lineSet parses a list of lines and ranges ("1,3-5", or "1 3-5").
func (r *renderer) lineSet(c *content.Code, o content.Option) map[int]bool {
	set := map[int]bool{}
	lines := strings.Count(c.Text, "\n") + 1
	for _, f := range strings.FieldsFunc(o.Value, func(r rune) bool { return r == ',' || r == ' ' }) {
		lo, hi, isRange := strings.Cut(f, "-")
		a, err1 := strconv.Atoi(strings.TrimSpace(lo))
		b, err2 := a, error(nil)
		if isRange {
			b, err2 = strconv.Atoi(strings.TrimSpace(hi))
		}
		if err1 != nil || err2 != nil || a < 1 || b < a {
			r.warn(c, "invalid line range %q in :%s: (want numbers and ranges such as \"1,3-5\")", f, o.Name)
			continue
		}
		for i := a; i <= min(b, lines); i++ {
			set[i] = true
		}
	}
	return set
}

func (r *renderer) code(c *content.Code) {
	if len(c.Inlines) > 0 {
		// a parsed-literal: preformatted text with its inline markup
		r.w(`<div class="highlight"><pre class="parsed-literal"`)
		if c.Name != "" {
			r.idAttr(anchorID("code", c.Name))
		}
		r.w("><code>")
		r.inlines(c.Inlines)
		r.w("</code></pre></div>\n")
		return
	}
	text, fl := r.b.fill(c, c.Text)
	lang := r.codeLang(c)
	r.w(`<figure class="code"`)
	switch {
	case c.Name != "":
		r.idAttr(anchorID("code", c.Name))
	case r.b.blockIDs[c] != "":
		r.idAttr(r.b.blockIDs[c])
	}
	r.w(">\n")
	if c.Caption != "" {
		r.w("<figcaption>")
		r.number(c)
		r.text(c, c.Caption)
		r.w("</figcaption>\n")
	}
	if r.b.opts.Note != nil {
		if note := r.b.opts.Note(c); note != "" {
			r.w(`<p class="code-note">`)
			if id := r.b.blockEntry[c]; id != "" {
				r.w(`<a title="How to install it"`)
				attr(r.out, "href", hrefTo(r.p.Path, r.b.filesPage, id))
				r.w(">")
				escapeText(r.out, note)
				r.w("</a>")
			} else {
				escapeText(r.out, note)
			}
			r.w("</p>\n")
		}
	}
	ls := r.lineOptions(c, text)
	r.w(`<div class="highlight"><pre class="chroma`)
	if ls != nil {
		r.w(" lines")
	}
	r.w(`"><code`)
	if l := classSafe(lang); l != "" && lang != sphinxDefault {
		attr(r.out, "class", "language-"+l)
	}
	r.w(">")
	writeMarked(r.out, text, fl, r.b.marks(c, lang, text), ls)
	r.w("</code></pre></div>\n</figure>\n")
}

// rstCode are the reST directives whose language, when they give none,
// is the one of the last highlight directive or Sphinx's
// highlight_language: a literal block and Sphinx's code directives.
var rstCode = map[string]bool{"::": true, "code-block": true, "sourcecode": true, "code": true}

// codeLang returns the language a code block is shown in.
func (r *renderer) codeLang(c *content.Code) string {
	return codeLang(c, r.lang, r.b.opts.HighlightLanguage)
}

// codeLang returns the language of code block c on a page whose last
// highlight directive so far gave pageLang, in a site whose default is
// siteLang (Options.HighlightLanguage).
func codeLang(c *content.Code, pageLang, siteLang string) string {
	switch {
	case c.Lang != "" || !rstCode[c.Directive]:
		return c.Lang
	case pageLang != "":
		return pageLang
	case siteLang != "":
		return siteLang
	}
	return sphinxDefault
}
