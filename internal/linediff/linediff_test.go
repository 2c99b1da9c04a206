package linediff

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestLineDiff(t *testing.T) {
	long := strings.Repeat("same\n", 5000)
	for _, tc := range []struct {
		want, have string
		out        []string
	}{
		{"a\nb\nc\n", "a\nb\nc\n", nil},
		{"a\nb\nc\n", "a\nB\nc\n", []string{" a", "-b", "+B", " c"}},
		{"1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\n5\n6\n7\nx\n", []string{" 6", " 7", "-8", "+x"}},
		{"x\n" + long + "y\n", "X\n" + long + "Y\n", []string{"-x", "+X", " same", " same", "…", " same", " same", "-y", "+Y"}},
		{long + "end\n", long + long + "end\n", []string{"(5001 lines against 10001: too different to compare line by line)"}},
		{"", "new\n", []string{"-", "+new"}},
		{"a\nb\n", "b\na\n", []string{"-a", " b", "+a"}},
	} {
		got := Lines(tc.want, tc.have)
		if strings.Join(got, "|") != strings.Join(tc.out, "|") {
			t.Errorf("Lines(%.20q, %.20q) = %q, want %q", tc.want, tc.have, got, tc.out)
		}
	}
}

// TestMyers checks the edit script on random texts: it rebuilds both
// texts, and its edits are as few as the longest common subsequence
// allows.
func TestMyers(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "b", "c", "d"}
	for i := 0; i < 2000; i++ {
		a := make([]string, rng.IntN(12))
		b := make([]string, rng.IntN(12))
		for j := range a {
			a[j] = words[rng.IntN(len(words))]
		}
		for j := range b {
			b[j] = words[rng.IntN(len(words))]
		}
		out, ok := myers(a, b)
		if !ok {
			t.Fatalf("%q %q: no script", a, b)
		}
		var ra, rb []string
		edits := 0
		for _, l := range out {
			switch l[0] {
			case ' ':
				ra, rb = append(ra, l[1:]), append(rb, l[1:])
			case '-':
				ra = append(ra, l[1:])
				edits++
			case '+':
				rb = append(rb, l[1:])
				edits++
			}
		}
		if !slices.Equal(ra, a) || !slices.Equal(rb, b) {
			t.Fatalf("%q %q: script %q rebuilds %q %q", a, b, out, ra, rb)
		}
		if want := len(a) + len(b) - 2*lcsLen(a, b); edits != want {
			t.Fatalf("%q %q: %d edits, want %d", a, b, edits, want)
		}
	}
}

func lcsLen(a, b []string) int {
	l := make([][]int, len(a)+1)
	for i := range l {
		l[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	return l[0][0]
}
