package generator

import "github.com/tailordocs/tailor/internal/span"

// A spanCursor finds the innermost of a list of spans that holds an
// offset, for offsets asked in increasing order: see span.Cursor.
type spanCursor[T any] struct{ c *span.Cursor[T] }

// newSpanCursor returns a cursor over spans, which it sorts by start.
func newSpanCursor[T any](spans []T, bounds func(T) (int, int)) *spanCursor[T] {
	return &spanCursor[T]{span.New(spans, bounds)}
}

// at returns the innermost span holding off.
func (c *spanCursor[T]) at(off int) (T, bool) { return c.c.At(off) }
