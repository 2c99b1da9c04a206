package site

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSpaceWriter: what a spaceWriter holds is strings.Fields of all its
// pieces joined by spaces, for white space of every kind, for text that
// is not UTF-8, and wherever a character boundary splits the pieces.
func FuzzSpaceWriter(f *testing.F) {
	for _, s := range []string{"", " ", "a", "  two\twords\n", "a\u00a0b\u0085c\u2028d\u3000", "\xff \xfe\tx", "é  è\v\f\r"} {
		f.Add(s, uint(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, s string, cut uint) {
		k := int(cut % uint(len(s)+1))
		for k < len(s) && !utf8.RuneStart(s[k]) {
			k++
		}
		var w spaceWriter
		w.write(s[:k])
		w.write(s[k:])
		if got, want := w.b.String(), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("%q then %q: %q, want %q", s[:k], s[k:], got, want)
		}
	})
}

// FuzzAppendJSON: a string is written as encoding/json writes it, for
// every byte: quotes, controls, HTML's <, > and &, U+2028 and U+2029,
// and bytes that are not UTF-8.
func FuzzAppendJSON(f *testing.F) {
	for _, s := range []string{"", "plain", "\"q\" \\ </script> & co", "\x00\x1f\b\f\n\r\t\x7f", "\u2028\u2029 é", "\xff\xfe a \xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSON([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("%q: %s, want %s", s, got[1:], want)
		}
	})
}

// TestSearchScript: the index of pages rendered apart, each its sections
// in JSON, is what encoding/json writes of all the pages and sections
// at once, empty sections left out, and with no page at all.
func TestSearchScript(t *testing.T) {
	words := []string{"", "a", "two words", "<b>&amp;</b>", "\"q\"", "é\u2028"}
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 3))
		var ix searchIndex
		var pages [][2]string
		sections := [][4]any{}
		for page := range r.IntN(4) {
			path, title := words[r.IntN(len(words))], words[r.IntN(len(words))]
			pages = append(pages, [2]string{path, title})
			var entries []*searchEntry
			for range r.IntN(4) {
				e := &searchEntry{page: page, anchor: words[r.IntN(len(words))]}
				e.title.write(words[r.IntN(len(words))])
				e.text.write(words[r.IntN(len(words))])
				entries = append(entries, e)
				if e.anchor != "" || e.title.b.Len() > 0 || e.text.b.Len() > 0 {
					sections = append(sections, [4]any{page, e.anchor, e.title.b.String(), e.text.b.String()})
				}
			}
			ix.add(path, title, sectionsJSON(entries))
		}
		var b bytes.Buffer
		b.WriteString("window.tailorSearch = ")
		_ = json.NewEncoder(&b).Encode(struct {
			Pages    [][2]string `json:"pages"`
			Sections [][4]any    `json:"sections"`
		}{pages, sections})
		want := strings.TrimSuffix(b.String(), "\n") + ";\n"
		if got := string(ix.script()); got != want {
			t.Fatalf("seed %d:\n%s\nwant\n%s", seed, got, want)
		}
	}
}
