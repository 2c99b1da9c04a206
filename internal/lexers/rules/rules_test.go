package rules

import "testing"

// TestStartsOf: what an expression can start a match with, as regexp2
// works it out; ok is false when a match may start with anything.
func TestStartsOf(t *testing.T) {
	for _, tc := range []struct {
		expr     string
		ok       bool
		may, not string
	}{
		{`\G(?m)(?:select)`, true, "s", "Sxa"},
		{`\G(?mi)(?:select)`, true, "sS", "xa"},
		{`\G(?:(?i)k|[0-9]+|\$\{)`, true, "kK09$", "a{ "},
		{`\G(?:a?b)`, true, "ab", "c"},
		{`\G(?=x)(?:x|y)`, true, "x", ""},
		{`\G(?:\s+)`, true, " \t\n\v\f\r", "a"},
		{`\G(?:x*)`, false, "", ""}, // may match nothing
		{`\G(?:.)`, false, "", ""},  // regexp2 keeps no set for "not a newline"
		{`\G(?s)(?:.)`, true, "a\n~", ""},
	} {
		s, ok := StartsOf(tc.expr)
		if ok != tc.ok {
			t.Errorf("StartsOf(%q): ok %v, want %v", tc.expr, ok, tc.ok)
			continue
		}
		for _, r := range tc.may {
			if ok && !s.Has(r) {
				t.Errorf("StartsOf(%q) has no %q", tc.expr, r)
			}
		}
		for _, r := range tc.not {
			if s.Has(r) {
				t.Errorf("StartsOf(%q) has %q", tc.expr, r)
			}
		}
		if !s.Has('é') {
			t.Errorf("StartsOf(%q): a character beyond ASCII must be let through", tc.expr)
		}
	}
}
