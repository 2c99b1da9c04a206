package quote

import (
	"strings"
	"testing"
)

// TestLines finds the lines of a file whose values land in a
// here-document or a YAML block scalar.
func TestLines(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       []string // the language of each line, "" for lang itself
	}{
		{"sh", "cat > /a <<EOF\nx=$V\nEOF\necho $V", []string{"", Heredoc, "", ""}},
		{"bash", "cat > /a <<'EOF'\nx=$V\nEOF", []string{"", QuotedHeredoc, ""}},
		{"sh", "cat <<-\\END\n\tx\n\tEND\ny", []string{"", QuotedHeredoc, "", ""}},
		{"sh", "# not <<EOF\nx", []string{"", ""}},
		{"yaml", "a: |\n  $V\n  more\nb: >-\n  $V\n\nc: $V", []string{"", YAMLBlock, YAMLBlock, "", YAMLBlock, YAMLBlock, ""}},
		{"yaml", "- |\n  x\n- y", []string{"", YAMLBlock, ""}},
		{"ini", "a = <<EOF\nb", []string{"", ""}},
		{"yaml", "steps:\n  - run: |\n      $V\n    name: $V", []string{"", "", YAMLBlock, ""}},
		{"dash", "cat > /a <<EOF\nx=$V\nEOF", []string{"", Heredoc, ""}},
		{"python", "A = \"\"\"\n$V\n\"\"\"\nB = '\"\"\"' # \"\"\"\nC = 1", []string{"", PyTriple2, PyTriple2, "", ""}},
	} {
		got := Lines(strings.Split(tc.text, "\n"), tc.lang)
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
