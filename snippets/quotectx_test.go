package snippets

import (
	"strings"
	"testing"
)

// TestLineLangs finds the lines of a file whose values land in a
// here-document or a YAML block scalar.
func TestLineLangs(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []string // the language of each line, "" for lang itself
	}{
		{"sh", "cat > /a <<EOF\nx=$V\nEOF\necho $V", []string{"", LangHeredoc, "", ""}},
		{"bash", "cat > /a <<'EOF'\nx=$V\nEOF", []string{"", LangQuotedHeredoc, ""}},
		{"sh", "cat <<-\\END\n\tx\n\tEND\ny", []string{"", LangQuotedHeredoc, "", ""}},
		{"sh", "# not <<EOF\nx", []string{"", ""}},
		{"yaml", "a: |\n  $V\n  more\nb: >-\n  $V\n\nc: $V", []string{"", LangYAMLBlock, LangYAMLBlock, "", LangYAMLBlock, LangYAMLBlock, ""}},
		{"yaml", "- |\n  x\n- y", []string{"", LangYAMLBlock, ""}},
		{"ini", "a = <<EOF\nb", []string{"", ""}},
		{"yaml", "steps:\n  - run: |\n      $V\n    name: $V", []string{"", "", LangYAMLBlock, ""}},
		{"python", "A = \"\"\"\n$V\n\"\"\"\nB = '\"\"\"' # \"\"\"\nC = 1", []string{"", LangPyTriple2, LangPyTriple2, "", ""}},
	} {
		var lines []Line
		for _, l := range strings.Split(tc.text, "\n") {
			lines = append(lines, Line{Text: l})
		}
		got := lineLangs(lines, tc.lang)
		for i := range got {
			if got[i] == tc.lang {
				got[i] = ""
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s %q: %q, want %q", tc.lang, tc.text, got, tc.want)
		}
	}
}
