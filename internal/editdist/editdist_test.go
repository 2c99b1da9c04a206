package editdist

import (
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	long := strings.Repeat("x", 100)
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"DOMAIN", "DOMAIN", 0},
		{"DOMAN", "DOMAIN", 1},
		{"DOMIAN", "DOMAIN", 1}, // a swap is one edit
		{"code-blcok", "code-block", 1},
		{"", "abc", 3},
		{"abc", "", 3},
		{"ca", "abc", 3}, // each substring edited once
		{long, long + "y", 1},
		{"y" + long, long, 1},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := Distance(tc.b, tc.a); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.b, tc.a, got, tc.want)
		}
	}
}
