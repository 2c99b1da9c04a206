package span

import "testing"

type sp struct{ start, end int }

// TestCursor asks about every offset of nested and adjacent spans, in
// order and then again from the start.
func TestCursor(t *testing.T) {
	spans := []sp{{10, 20}, {0, 30}, {12, 15}, {20, 25}, {12, 14}}
	c := New(spans, func(s sp) (int, int) { return s.start, s.end })
	innermost := func(off int) (sp, bool) {
		var best sp
		found := false
		for _, s := range spans { // sorted by New: the later one is inner
			if s.start <= off && off < s.end {
				best, found = s, true
			}
		}
		return best, found
	}
	for round := 0; round < 2; round++ {
		for off := 0; off < 35; off++ {
			got, ok := c.At(off)
			want, wantOK := innermost(off)
			if got != want || ok != wantOK {
				t.Fatalf("round %d: At(%d) = %v, %v; want %v, %v", round, off, got, ok, want, wantOK)
			}
		}
	}
}
