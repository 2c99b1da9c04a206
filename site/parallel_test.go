package site

import (
	"sync/atomic"
	"testing"
)

func TestForEach(t *testing.T) {
	for _, jobs := range []int{0, 1, 3, 50} {
		var calls [40]atomic.Int32
		forEach(len(calls), jobs, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if n := calls[i].Load(); n != 1 {
				t.Errorf("jobs %d: do(%d) called %d times", jobs, i, n)
			}
		}
	}
}

// TestForEachPanic checks that a panic on another goroutine reaches the
// caller, where a build's recover reports it, after the other calls.
func TestForEachPanic(t *testing.T) {
	var done atomic.Int32
	defer func() {
		if e := recover(); e != "page 7" {
			t.Errorf("recovered %v, want the panic of call 7", e)
		}
		if n := done.Load(); n != 39 {
			t.Errorf("%d calls done before the panic was raised again, want 39", n)
		}
	}()
	forEach(40, 4, func(i int) {
		if i == 7 {
			panic("page 7")
		}
		done.Add(1)
	})
}
