package quote

import (
	"strconv"
	"strings"
	"testing"

	"github.com/tailordocs/tailor/placeholder"
)

// lineCases are lines whose values land in every context: quotes opened
// and closed between placeholders, escapes right before one, comments,
// Python string prefixes and triple quotes.
var lineCases = []string{
	`a='$V' b="$V" c=$V; d=$V`,
	`x = r'$V' + f"{y} $V" + b'$V' + rb"$V" + '''$V''' + """$V"""`,
	`echo \$V "$V\" $V" '$V'\''$V' # $V '$V`,
	`ExecStart=/bin/app --name "$V" $V '%$V'`,
	`  $V  `,
	`key: $V, other: '$V' # $V`,
	`server_name $V "$V" '$V';`,
	`a = "\\$V" \$V \\$V '\$V'`,
	`"""$V""" $V '''$V $V'''`,
	`#$V $V`,
	`x=1 #$V "$V`,
	`'unclosed $V "$V" $V`,
	`Exec`,
}

var lineLangs = []string{"sh", "python", "toml", "yaml", "ini", "systemd", "nginx", "apache", "js", "php", "crontab", "html", "text", Heredoc, QuotedHeredoc, YAMLBlock, PyTriple2, PyTriple1}

// TestLineReadsOnce: a Line that reads its line once gives each value
// what a Line reading the line anew for that value alone gives.
func TestLineReadsOnce(t *testing.T) {
	for _, line := range lineCases {
		for _, name := range lineLangs {
			checkLine(t, line, name, "it's a \"$x\" \\ %s\n")
		}
	}
}

func checkLine(t *testing.T, line, name, value string) {
	t.Helper()
	once := NewLine(line, name)
	for _, r := range placeholder.Scan(line) {
		got, gotErr := once.Value(value, r.Start, r.End)
		want, wantErr := NewLine(line, name).Value(value, r.Start, r.End)
		if got != want || gotErr != wantErr {
			t.Errorf("%s %q at %d: %q, %q; anew %q, %q", name, line, r.Start, got, gotErr, want, wantErr)
		}
	}
}

func FuzzLine(f *testing.F) {
	for i, line := range lineCases {
		f.Add(line, uint8(i), "it's")
	}
	f.Fuzz(func(t *testing.T, line string, lang uint8, value string) {
		if len(line) > 1000 || strings.Count(line, "$") > 50 {
			return
		}
		checkLine(t, line, lineLangs[int(lang)%len(lineLangs)], value)
	})
}

// BenchmarkLine quotes the values of a line of n placeholders, for n
// doubling: the time per placeholder stays flat when the line is read
// once.
func BenchmarkLine(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000, 8000} {
		line := strings.Repeat(`a='$V' b="$V" c=$V; `, n/3)
		refs := placeholder.Scan(line)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				q := NewLine(line, "sh")
				for _, r := range refs {
					q.Value("it's", r.Start, r.End)
				}
			}
		})
	}
}
