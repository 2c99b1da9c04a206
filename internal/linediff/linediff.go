package linediff

import (
	"fmt"
	"slices"
	"strings"
)

// MaxEdits bounds the line edits Lines looks for: beyond it, two texts
// are too different to show line by line.
const MaxEdits = 1000

// context is the number of common lines kept around each change.
const context = 2

// Lines returns the lines of want and have with "-" for lines only in
// want, "+" for lines only in have and " " for common ones, keeping two
// lines of context around each change and "…" where it leaves lines
// out. Two equal texts give nil; two texts that take more than MaxEdits
// edits give one line that says so.
func Lines(want, have string) []string {
	a := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	b := strings.Split(strings.TrimSuffix(have, "\n"), "\n")
	all, ok := myers(a, b)
	if !ok {
		return []string{fmt.Sprintf("(%d lines against %d: too different to compare line by line)", len(a), len(b))}
	}
	keep := make([]bool, len(all))
	for k, l := range all {
		if l[0] != ' ' {
			for c := max(0, k-context); c <= min(len(all)-1, k+context); c++ {
				keep[c] = true
			}
		}
	}
	var out []string
	skipped := false
	for k, l := range all {
		if !keep[k] {
			skipped = true
			continue
		}
		if skipped && len(out) > 0 {
			out = append(out, "…")
		}
		skipped = false
		out = append(out, l)
	}
	return out
}

// myers returns the lines of a and b as a shortest edit script, or false
// when it takes more than MaxEdits edits. Round d keeps only the
// diagonals it can reach, so memory grows with the square of the edits,
// not with the length of the texts.
func myers(a, b []string) ([]string, bool) {
	trace, found := forward(a, b)
	if !found {
		return nil, false
	}
	return backward(a, b, trace), true
}

// forward runs the rounds of Myers' algorithm until one reaches the end
// of both texts, and returns for each round d the furthest x of the
// diagonals -d-1..d+1 before it, and whether the end was reached within
// MaxEdits rounds.
func forward(a, b []string) (trace [][]int, found bool) {
	n, m := len(a), len(b)
	offset := n + m + 1
	v := make([]int, 2*offset+1)
	for d := 0; d <= n+m && d <= MaxEdits && !found; d++ {
		trace = append(trace, append([]int(nil), v[offset-d-1:offset+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[offset+k-1] < v[offset+k+1] {
				x = v[offset+k+1] // down: a line of b
			} else {
				x = v[offset+k-1] + 1 // right: a line of a
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[offset+k] = x
			if x >= n && y >= m {
				found = true
				break
			}
		}
	}
	return trace, found
}

// backward walks back from the end through the rounds that forward
// traced, and returns the edit script.
func backward(a, b []string, trace [][]int) []string {
	get := func(d, k int) int { return trace[d][k+d+1] }
	var out []string
	x, y := len(a), len(b)
	for d := len(trace) - 1; d >= 0; d-- {
		k := x - y
		var pk int
		if k == -d || k != d && get(d, k-1) < get(d, k+1) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := 0
		if d > 0 {
			px = get(d, pk)
		}
		py := px - pk
		for x > px && y > py {
			x--
			y--
			out = append(out, " "+a[x])
		}
		if d > 0 {
			if x == px {
				y--
				out = append(out, "+"+b[y])
			} else {
				x--
				out = append(out, "-"+a[x])
			}
		}
	}
	slices.Reverse(out)
	return out
}
