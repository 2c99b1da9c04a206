package infer_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/content/markdown"
	"github.com/tailordocs/tailor/snippets"
	"github.com/tailordocs/tailor/snippets/infer"
)

// TestRuleExamples runs every rule's examples, each of which the rule
// must decide (or help decide), and its counter-examples, which it must
// not.
func TestRuleExamples(t *testing.T) {
	for _, r := range infer.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			if len(r.Examples) < 2 || len(r.Counter) < 2 {
				t.Errorf("%s has %d examples and %d counter-examples; give it at least two of each", r.ID, len(r.Examples), len(r.Counter))
			}
			if r.Doc == "" {
				t.Errorf("%s has no doc", r.ID)
			}
			for _, ex := range r.Examples {
				if got := decidedBy(t, ex); !slices.Contains(got, r.ID) {
					t.Errorf("example not decided by %s but by %v:\n%s", r.ID, got, ex)
				}
			}
			for _, ex := range r.Counter {
				if got := decidedBy(t, ex); slices.Contains(got, r.ID) {
					t.Errorf("counter-example decided by %s (%v):\n%s", r.ID, got, ex)
				}
			}
		})
	}
}

// decidedBy returns the rules that decided the last code block of an
// example (a Markdown page, or a sentence that introduces an INI block),
// and those that read a file's contents from its sentences.
func decidedBy(t *testing.T, ex string) []string {
	t.Helper()
	page := ex
	if !strings.Contains(ex, "```") {
		page = ex + "\n\n```ini\nkey = value\n```\n"
	}
	doc, diags := markdown.Parse(content.NewFile("page.md", []byte(page)))
	if diags.HasErrors() {
		t.Fatalf("example does not parse: %v\n%s", diags, page)
	}
	plan, _ := snippets.Analyze([]*content.Doc{doc})
	if len(plan.Steps) == 0 {
		t.Fatalf("example has no code block:\n%s", page)
	}
	st := plan.Steps[len(plan.Steps)-1]
	rules := append([]string{st.Rule}, st.Also...)
	for _, st := range plan.Steps {
		if st.Prose {
			rules = append(rules, st.Rule)
		}
	}
	return rules
}

func TestRuleIDs(t *testing.T) {
	for _, r := range infer.Rules() {
		if infer.Lookup(r.ID) != r {
			t.Errorf("Lookup(%q) is another rule", r.ID)
		}
		if strings.ToLower(r.ID) != r.ID || !strings.Contains(r.ID, ".") || strings.ContainsAny(r.ID, " _") {
			t.Errorf("rule ID %q: use lower-case words joined by '-', family first (\"add.to-path\")", r.ID)
		}
	}
}
