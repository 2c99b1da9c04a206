package content

import (
	"reflect"
	"testing"
)

func TestPosition(t *testing.T) {
	f := NewFile("a.rst", []byte("ab\ncdé\n\nx"))
	tests := []struct {
		off  int
		want string
	}{
		{0, "a.rst:1:1"},
		{2, "a.rst:1:3"},
		{3, "a.rst:2:1"},
		{7, "a.rst:2:4"}, // after the two-byte é
		{8, "a.rst:3:1"},
		{9, "a.rst:4:1"},
		{99, "a.rst:4:2"},
	}
	for _, tt := range tests {
		if got := f.Position(tt.off).String(); got != tt.want {
			t.Errorf("Position(%d) = %s, want %s", tt.off, got, tt.want)
		}
	}
	if got := f.Line(2); got != "cdé" {
		t.Errorf("Line(2) = %q", got)
	}
	last := NewFile("b", []byte("one\r\ntwo\n"))
	if got := last.Line(2); got != "two" {
		t.Errorf("last line = %q", got)
	}
	if f.LineCount() != 4 {
		t.Errorf("LineCount = %d, want 4", f.LineCount())
	}
	if got := (Position{}).String(); got != "-" {
		t.Errorf("zero Position = %q", got)
	}
}

func TestListSortAndErr(t *testing.T) {
	var l Diagnostics
	if l.Err() != nil {
		t.Fatal("zero List has an error")
	}
	l.Warnf(Position{Filename: "b.rst", Line: 1, Column: 1}, "w")
	if l.Err() != nil {
		t.Fatal("a warning alone is an error")
	}
	l.Errorf(Position{Filename: "a.rst", Line: 9, Column: 2}, "undefined placeholder %s", "$X")
	l.Errorf(Position{Filename: "a.rst", Line: 2, Column: 5}, "e1")
	l.Errorf(Position{Filename: "a.rst", Line: 2, Column: 5}, "e1")
	l.Sort()
	want := "a.rst:2:5: error: e1\na.rst:9:2: error: undefined placeholder $X\nb.rst:1:1: warning: w\n"
	if got := l.String(); got != want {
		t.Errorf("sorted list:\n%s\nwant:\n%s", got, want)
	}
	if got := l.Err().Error(); got != "a.rst:2:5: error: e1 (and 1 more errors)" {
		t.Errorf("Err() = %q", got)
	}
}

func TestParseAttrs(t *testing.T) {
	tests := []struct {
		in   string
		want []Option
		err  string
	}{
		{`file=/etc/postfix/smtp_auth op=create mode=0640`, []Option{{"file", "/etc/postfix/smtp_auth"}, {"op", "create"}, {"mode", "0640"}}, ""},
		{`{file="/etc/x y" op=append}`, []Option{{"file", "/etc/x y"}, {"op", "append"}}, ""},
		{`{.python #settings title="a \"b\""}`, []Option{{"class", "python"}, {"id", "settings"}, {"title", `a "b"`}}, ""},
		{`mode=u=rw,g=r,o= owner=root`, []Option{{"mode", "u=rw,g=r,o="}, {"owner", "root"}}, ""},
		{`before='ProxyPass /'`, []Option{{"before", "ProxyPass /"}}, ""},
		{`file="/etc/x`, nil, "unterminated quoted value for file"},
		{`{op=create`, []Option{{"op", "create"}}, "missing } at the end of the attribute list"},
		{`=x`, nil, `expected an attribute name, found "="`},
		{`é=x`, nil, `expected an attribute name, found "é"`},
	}
	for _, tt := range tests {
		got, err := ParseAttrs(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseAttrs(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseAttrs(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseAttrs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCutAnnotation(t *testing.T) {
	attrs, off, ok := CutAnnotation(" tailor: file=/x op=create")
	if !ok || attrs != " file=/x op=create" || off != 8 {
		t.Errorf("CutAnnotation = %q, %d, %v", attrs, off, ok)
	}
	if _, _, ok := CutAnnotation("just a comment about tailor: no"); ok {
		t.Error("a comment that merely mentions tailor: is an annotation")
	}
}

func TestTagExpr(t *testing.T) {
	tags := map[string]bool{"nginx": true, "debian": true}
	tests := []struct {
		expr string
		want bool
		err  string
	}{
		{"nginx", true, ""},
		{"apache", false, ""},
		{"not apache", true, ""},
		{"nginx and not debian", false, ""},
		{"apache or nginx and debian", true, ""},
		{"(apache or nginx) and not (ubuntu)", true, ""},
		{"not not nginx", true, ""},
		{"", false, "empty tag expression"},
		{"nginx and", false, `tag expression "nginx and" ends too early`},
		{"(nginx", false, `missing ) in tag expression "(nginx"`},
		{"nginx apache", false, `unexpected "apache" in tag expression "nginx apache"`},
	}
	for _, tt := range tests {
		e, err := ParseTagExpr(tt.expr)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseTagExpr(%q) error = %v, want %q", tt.expr, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseTagExpr(%q): %v", tt.expr, err)
			continue
		}
		if got := e.Eval(tags); got != tt.want {
			t.Errorf("%q = %v, want %v", tt.expr, got, tt.want)
		}
	}
	e, _ := ParseTagExpr("(b or a) and not b")
	if got := e.Names(); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("Names = %q", got)
	}
}

func TestMakeID(t *testing.T) {
	tests := map[string]string{
		"Setting up Django":            "setting-up-django",
		"  Secret key  ":               "secret-key",
		"1. Intro":                     "intro",
		"Café & crème":                 "cafe-creme",
		"Configuring nginx for django": "configuring-nginx-for-django",
		"$DOMAIN settings":             "domain-settings",
	}
	for in, want := range tests {
		if got := MakeID(in); got != want {
			t.Errorf("MakeID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFileText: Text, Slice and Line give the bytes of Src, for a File
// that NewFile made and for one written as a literal, from one string
// made once.
func TestFileText(t *testing.T) {
	src := []byte("first line\r\nsecond\rthird\n\nlast é")
	for _, f := range []*File{NewFile("a.rst", src), {Name: "b.rst", Src: src}} {
		if got := f.Text(); got != string(src) {
			t.Errorf("%s: Text() = %q", f.Name, got)
		}
		for start := 0; start <= len(src); start++ {
			for end := start; end <= len(src); end++ {
				if got := f.Slice(start, end); got != string(src[start:end]) {
					t.Fatalf("%s: Slice(%d, %d) = %q, want %q", f.Name, start, end, got, src[start:end])
				}
			}
		}
	}
	f := NewFile("a.rst", src)
	f.Text()
	if n := testing.AllocsPerRun(10, func() { f.Slice(2, 9); f.Line(2); f.Text() }); n != 0 {
		t.Errorf("reading parts of the text again allocates %v times, want none: it is made once", n)
	}
	for i, want := range []string{"first line", "second", "third", "", "last é", ""} {
		if got := f.Line(i + 1); got != want {
			t.Errorf("Line(%d) = %q, want %q", i+1, got, want)
		}
	}
}
