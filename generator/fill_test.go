package generator

import (
	"testing"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/snippets/quote"
	"github.com/tailordocs/tailor/values"
)

func TestFillText(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "v.toml", []byte(`Q = "it's \"q\" \\ $5"
NL = "two\nlines"
TQ = "say \"\"\"hi"
WIN = "C:\\dir"
YAMLY = "a: b #c"
TAB = "a\tb"
SP = "a b"
PLAIN = "plain.example"
QN = "it's \"q\" \\"
BR = "a{b}c"
CAFE = "café {z}\t'"
EMPTY = ""
PCT = "50%off"
DOLLAR = "a$b"
DB_PASSWORD = "s3cret"
`), 0o644)
	vals, diags := values.Load(fsys, "v.toml", values.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	f := newFiller(vals, nil)
	tests := []struct {
		lang, line, want, err string
	}{
		{"python", "X = '$Q'", `X = 'it\'s "q" \\ $5'`, ""},
		{"python", `X = "$Q"`, `X = "it's \"q\" \\ $5"`, ""},
		{"python", "X = '''$NL'''", "X = '''two\nlines'''", ""},
		{"python", "X = '$NL'", `X = 'two\nlines'`, ""},
		{"python", `X = """$TQ"""`, `X = """say \"\"\"hi"""`, ""},
		{"toml", "path = '$WIN'", `path = 'C:\dir'`, ""},
		{"toml", "path = '$Q'", `path = 'it's "q" \ $5'`, "value of Q holds a quote or a line break, which a TOML literal string cannot hold"},
		{"toml", `path = "$WIN"`, `path = "C:\\dir"`, ""},
		{"yaml", "k: $YAMLY", "k: 'a: b #c'", ""},
		{"yaml", "k: $PLAIN", "k: plain.example", ""},
		{"json", `{"k": "$TAB"}`, `{"k": "a\tb"}`, ""},
		{"php", "$x = '$NL';", "$x = 'two\nlines';", ""},
		{"python", "# a comment with $Q", `# a comment with it's "q" \ $5`, ""},
		{"bash", "echo '$Q'", `echo 'it'\''s "q" \ $5'`, ""},
		{"bash", `echo "$Q"`, `echo "it's \"q\" \\ \$5"`, ""},
		{"bash", "echo $SP", "echo 'a b'", ""},
		{"dash", "echo $SP", "echo 'a b'", ""},
		{"shell-script", `echo "$Q"`, `echo "it's \"q\" \\ \$5"`, ""},
		{"console", "$ echo $SP", "$ echo 'a b'", ""},
		{"bash", "echo $PLAIN", "echo plain.example", ""},
		{"ini", "name = $Q", `name = it's "q" \ $5`, ""},
		{"ini", "name = $NL", "name = two\nlines", "value of NL holds a line break, which would break this line"},
		{"systemd", `Environment="X=$NL"`, "Environment=\"X=two\nlines\"", "value of NL holds a line break, which would break this line"},
		{"nginx", "server_name $PLAIN;", "server_name plain.example;", ""},
		{"nginx", "server_name $SP;", "server_name a b;", "value of SP holds a space, quote, backslash, ';', '{', '}' or '#', which would break this nginx directive: quote it in the tutorial"},
		{"nginx", "server_name $WIN;", `server_name C:\dir;`, "value of WIN holds a space, quote, backslash, ';', '{', '}' or '#', which would break this nginx directive: quote it in the tutorial"},
		{"nginx", `add_header X "$QN";`, `add_header X "it's \"q\" \\";`, ""},
		{"nginx", `add_header X "$Q";`, `add_header X "it's "q" \ $5";`, "value of Q holds '$', which nginx would read as the start of a variable"},
		{"apache", "ServerName $SP", "ServerName a b", "value of SP holds a space, a quote or a backslash, which would break this Apache directive: quote it in the tutorial"},
		{"apache", "ServerName $WIN", `ServerName C:\dir`, "value of WIN holds a space, a quote or a backslash, which would break this Apache directive: quote it in the tutorial"},
		{"apache", `ServerAdmin "$SP"`, `ServerAdmin "a b"`, ""},
		{"apache", `SetEnv Q "$Q"`, `SetEnv Q "it's "q" \ $5"`, "value of Q holds a backslash, which Apache would read as an escape"},
		{"apache", `SetEnv X "$TQ"`, `SetEnv X "say \"\"\"hi"`, ""},
		{"python", "X = r'$WIN'", `X = r'C:\dir'`, ""},
		{"python", `X = R"$WIN"`, `X = R"C:\dir"`, ""},
		{"python", "X = r'$Q'", `X = r'it's "q" \ $5'`, "value of Q holds a quote or ends with a backslash, which a raw Python string cannot hold"},
		{"python", "X = f'{x}$BR'", "X = f'{x}a{{b}}c'", ""},
		{"python", "X = rf'$BR $WIN'", `X = rf'a{{b}}c C:\dir'`, ""},
		{"python", "X = '$BR'", "X = 'a{b}c'", ""},
		{"python", "number'$BR'", "number'a{b}c'", ""},
		{"python", "X = b'$CAFE'", `X = b'caf\xc3\xa9 {z}\x09\''`, ""},
		{"python", "X = rb'$CAFE'", "X = rb'café {z}\t''", "value of CAFE holds a character other than printable ASCII, which a raw Python bytes literal cannot hold"},
		{"python", "X = rb'$BR'", "X = rb'a{b}c'", ""},
		{quote.Heredoc, "val=$Q", `val=it's "q" \\ \$5`, ""},
		{quote.QuotedHeredoc, "val=$Q", `val=it's "q" \ $5`, ""},
		{quote.YAMLBlock, "  $Q", `  it's "q" \ $5`, ""},
		{quote.YAMLBlock, "  $NL", "  two\nlines", "value of NL holds a line break, which would break this line"},
		{"yaml", "f: plain $YAMLY", "f: plain a: b #c", "value of YAMLY holds \": \" or \" #\", which would break this YAML scalar: quote it in the tutorial"},
		{"yaml", "k: $EMPTY", "k: ''", ""},
		{"yaml", "k: prefix $PLAIN", "k: prefix plain.example", ""},
		{"systemd", `Environment="X=$PCT"`, `Environment="X=50%%off"`, ""},
		{"systemd", "ExecStart=/usr/bin/app --pw $DOLLAR", "ExecStart=/usr/bin/app --pw a$$b", ""},
		{"systemd", "Environment=Y=$DOLLAR", "Environment=Y=a$b", ""},
		{"systemd", "Environment=Y=$SP", "Environment=Y=a b", "value of SP holds a space, a quote or a backslash, which would break this systemd setting: quote it in the tutorial"},
		{"crontab", "0 1 * * * root app --pw '$PCT'", `0 1 * * * root app --pw '50\%off'`, ""},
		{"python", "H = $SP", "H = a b", "value of SP is not a Python number or name, which this line needs: quote it in the tutorial"},
		{"python", "PORT = $PLAIN", "PORT = plain.example", ""},
		{"bash", "# comment $Q", `# comment it's "q" \ $5`, ""},
		{"bash", "echo a#$SP", "echo a#'a b'", ""},
		{"html", "<p>$Q</p>", "<p>it&#39;s &#34;q&#34; \\ $5</p>", ""},
		{"yaml", "k: '$Q'", `k: 'it''s "q" \ $5'`, ""},
		{"", "$NL", "two\nlines", ""},
		{"python", "X = '$UNDEFINED'", "X = '$UNDEFINED'", ""},
	}
	for _, tt := range tests {
		var d content.Diagnostics
		got, _ := f.Text(tt.line, tt.lang, content.Position{Filename: "p.rst", Line: 3, Column: 5}, &d)
		if got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.line, got, tt.want)
		}
		msg := ""
		if len(d) > 0 {
			msg = d[0].Msg
		}
		if msg != tt.err {
			t.Errorf("%s %q: error %q, want %q", tt.lang, tt.line, msg, tt.err)
		}
	}
	var d content.Diagnostics
	if _, secret := f.Text("pw = $DB_PASSWORD", "ini", content.Position{}, &d); !secret {
		t.Error("a secret value went in unnoticed")
	}
	if got, spans := f.Docs("u:$DB_PASSWORD@$PLAIN"); got != "u:‹secret DB_PASSWORD›@plain.example" || len(spans) != 2 || !spans[0].Secret {
		t.Errorf("Docs = %q, %+v", got, spans)
	}
}

// TestReplaceSecret: messages keep their words when a secret is short,
// and lose the secret wherever it stands on its own.
func TestReplaceSecret(t *testing.T) {
	const mask = "‹secret P›"
	for _, tc := range []struct{ msg, secret, want string }{
		{"error: undefined placeholder $ADMIN_NAME", "e", "error: undefined placeholder $ADMIN_NAME"},
		{`value "e" is bad`, "e", `value "‹secret P›" is bad`},
		{"e", "e", "‹secret P›"},
		{"pw=ab1 and ab1x", "ab1", "pw=‹secret P› and ab1x"},
		{"url https://u:s3cr$t@h/", "s3cr$t", "url https://u:‹secret P›@h/"},
		{"xHunter2-long-secretx", "Hunter2-long-secret", "x‹secret P›x"},
		{"!!", "!", "‹secret P›‹secret P›"},
		{"xabab", "ab", "xabab"},
		{"ab ab", "ab", "‹secret P› ‹secret P›"},
	} {
		if got := replaceSecret(tc.msg, tc.secret, mask); got != tc.want {
			t.Errorf("replaceSecret(%q, %q) = %q, want %q", tc.msg, tc.secret, got, tc.want)
		}
	}
}

// TestDocsCode: a code block in the docs shows each value as the file or
// the shell gets it, here-documents included, and each secret masked.
func TestDocsCode(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "v.toml", []byte("Q = \"it's $5\"\nDB_PASSWORD = \"s3cret\"\n"), 0o644)
	vals, diags := values.Load(fsys, "v.toml", values.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	f := newFiller(vals, nil)
	got, spans := f.DocsCode("echo '$Q' \"$DB_PASSWORD\"\ncat > /a <<EOF\n$Q\nEOF", "bash")
	want := "echo 'it'\\''s $5' \"‹secret DB_PASSWORD›\"\ncat > /a <<EOF\nit's \\$5\nEOF"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if len(spans) != 3 || got[spans[0].Start:spans[0].End] != `it'\''s $5` || !spans[1].Secret {
		t.Errorf("spans %+v", spans)
	}
}
