package site

import (
	"sync"
	"sync/atomic"
)

// forEach calls do(i) for every i in [0, n), on up to jobs goroutines
// (the caller's one of them), and returns when all are done. A panic in
// any call is raised again in the caller, once the others are done, so
// that whoever recovers from the caller's panics recovers from it.
func forEach(n, jobs int, do func(i int)) {
	var next atomic.Int64
	var panicked atomic.Value
	work := func() {
		defer func() {
			if e := recover(); e != nil {
				panicked.CompareAndSwap(nil, panicValue{e})
			}
		}()
		for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
			do(i)
		}
	}
	var wg sync.WaitGroup
	for range min(jobs, n) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	if p, ok := panicked.Load().(panicValue); ok {
		panic(p.v)
	}
}

// panicValue boxes what a call panicked with, which may be of any type:
// atomic.Value holds one type only.
type panicValue struct{ v any }
