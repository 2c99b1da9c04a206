package placeholder

import (
	"fmt"
	"math/rand"
	"testing"
)

// TestLookalikesFindSimilar checks the index against every pair: each
// name Similar to another is among its candidates.
func TestLookalikesFindSimilar(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	words := []string{"SERVER", "IP", "ADDRESS", "DB", "PASSWORD", "HOST", "NAME", "USER", "DJANGO", "PROJECT", "IPV4", "PORT"}
	seen := map[string]bool{}
	var names []string
	for len(names) < 400 {
		n := words[r.Intn(len(words))]
		for k := r.Intn(3); k > 0; k-- {
			n += "_" + words[r.Intn(len(words))]
		}
		b := []byte(n)
		switch r.Intn(4) { // a slip: a letter changed, dropped or swapped
		case 0:
			b[r.Intn(len(b))] = byte('A' + r.Intn(26))
		case 1:
			i := r.Intn(len(b))
			b = append(b[:i], b[i+1:]...)
		case 2:
			if i := r.Intn(len(b) - 1); i >= 0 {
				b[i], b[i+1] = b[i+1], b[i]
			}
		}
		if len(b) == 0 || b[0] < 'A' || b[0] > 'Z' {
			continue
		}
		if r.Intn(5) == 0 {
			b = append(b, byte('0'+r.Intn(10)))
		}
		if !seen[string(b)] {
			seen[string(b)] = true
			names = append(names, string(b))
		}
	}
	l := NewLookalikes(names)
	pairs := 0
	for _, a := range names {
		got := map[string]bool{}
		l.Candidates(a, func(b string) { got[b] = true })
		for _, b := range names {
			if !Similar(a, b) {
				continue
			}
			pairs++
			if !got[b] {
				t.Errorf("%s is Similar to %s but not a candidate", b, a)
			}
		}
	}
	if pairs < 100 {
		t.Fatalf("only %d similar pairs: the names are too far apart to test the index", pairs)
	}
}

func TestSuggesterBound(t *testing.T) {
	var names []string
	for i := 0; i < 2000; i++ {
		names = append(names, fmt.Sprintf("NAME_%d_HOST", i))
	}
	s := NewSuggester(names)
	if got := s.Suggest("NAME_7_HOTS"); got != "NAME_7_HOST" {
		t.Fatalf("Suggest = %q, want NAME_7_HOST", got)
	}
	n := 0
	for i := 0; i < 2000; i++ {
		if s.Suggest(fmt.Sprintf("NAME_%d_HOTS", i)) != "" {
			n++
		}
	}
	if n == 2000 {
		t.Error("the suggester made every suggestion: it has no bound")
	}
}
