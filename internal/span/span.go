package span

import "sort"

// A Cursor finds the innermost of a list of spans that holds an offset,
// for offsets asked in increasing order. An offset smaller than the one
// before starts over from the first span. A Cursor is not safe for
// concurrent use.
type Cursor[T any] struct {
	spans  []T
	bounds func(T) (start, end int)
	next   int   // the first span not yet opened
	open   []int // spans opened and maybe still holding the offset, innermost last
	last   int
}

// New returns a cursor over spans, which it sorts by start (stably: of
// two that start together, the later one is inner). bounds gives a
// span's start and end offsets; a span holds the offsets from its
// start up to, not including, its end.
func New[T any](spans []T, bounds func(T) (int, int)) *Cursor[T] {
	sort.SliceStable(spans, func(i, j int) bool {
		a, _ := bounds(spans[i])
		b, _ := bounds(spans[j])
		return a < b
	})
	return &Cursor[T]{spans: spans, bounds: bounds}
}

// At returns the innermost span holding off: of those that start at or
// before off and end after it, the last in sorted order. It returns
// false when no span holds off.
func (c *Cursor[T]) At(off int) (T, bool) {
	if off < c.last {
		c.next, c.open = 0, c.open[:0]
	}
	c.last = off
	for c.next < len(c.spans) {
		start, _ := c.bounds(c.spans[c.next])
		if start > off {
			break
		}
		for len(c.open) > 0 {
			if _, end := c.bounds(c.spans[c.open[len(c.open)-1]]); end > start {
				break
			}
			c.open = c.open[:len(c.open)-1] // ends before this one starts
		}
		c.open = append(c.open, c.next)
		c.next++
	}
	for len(c.open) > 0 {
		if _, end := c.bounds(c.spans[c.open[len(c.open)-1]]); end > off {
			return c.spans[c.open[len(c.open)-1]], true
		}
		c.open = c.open[:len(c.open)-1]
	}
	var zero T
	return zero, false
}
