package values

import (
	"fmt"
	"strings"
	"testing"
)

func TestFromMap(t *testing.T) {
	def := "$PROJECT"
	decls := map[string]*Decl{
		"USER":   {Name: "USER", Default: &def},
		"DOMAIN": {Name: "DOMAIN", Pattern: `^[a-z.]+$`},
		"KEY":    {Name: "KEY", Generate: "hex:8"},
	}
	tests := []struct {
		name   string
		m      map[string]string
		want   map[string]string // name -> value, "secret:" before a secret one
		errors string
	}{
		{
			name: "derived, default, dollars and generated",
			m:    map[string]string{"PROJECT": "shop", "DOMAIN": "acme.example", "HASH": "$$6$$x", "DB_PASSWORD": "pw"},
			want: map[string]string{"PROJECT": "shop", "USER": "shop", "DOMAIN": "acme.example", "HASH": "$6$x", "DB_PASSWORD": "secret:pw", "KEY": "secret:0000000000000000"},
		},
		{
			name:   "pattern, undefined and bad names",
			m:      map[string]string{"SITE": "www.$DOMIAN", "DOMAIN": "Acme", "domain": "x"},
			errors: "-: error: the default of USER uses $PROJECT, which the values file does not set\nvalues of acme: error: \"domain\" is not a placeholder name: names start with an upper-case letter and hold letters, digits and _\nvalues of acme: error: value of DOMAIN \"Acme\" does not match its pattern ^[a-z.]+$\nvalues of acme: error: value of SITE uses undefined placeholder $DOMIAN (did you mean $DOMAIN?)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, diags := FromMap("acme", tt.m, Options{Decls: decls, Rand: strings.NewReader(strings.Repeat("\x00", 64))})
			var msgs []string
			for _, d := range diags {
				msgs = append(msgs, d.String())
			}
			if got := strings.Join(msgs, "\n"); got != tt.errors {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tt.errors)
			}
			for name, want := range tt.want {
				x, ok := v.Get(name)
				if !ok {
					t.Errorf("%s has no value", name)
					continue
				}
				got := x.Text
				if x.Secret {
					got = "secret:" + got
				}
				if got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			if file, data := v.State(); file != "" || data != nil {
				t.Errorf("values in memory keep a state file: %q", file)
			}
		})
	}
}

func TestFromMapBadClient(t *testing.T) {
	v, diags := FromMap("../x", map[string]string{"A": "b"}, Options{})
	if v != nil || !diags.HasErrors() {
		t.Fatalf("client ../x accepted: %v", diags)
	}
}

func ExampleFromMap() {
	vals, diags := FromMap("acme", map[string]string{
		"DJANGO_PROJECT": "acmeshop",
		"DJANGO_USER":    "$DJANGO_PROJECT",
		"DB_PASSWORD":    "s3cret",
	}, Options{})
	if err := diags.Err(); err != nil {
		fmt.Println(err)
		return
	}
	for _, name := range vals.Names() {
		v, _ := vals.Get(name)
		fmt.Printf("%s = %q secret=%v\n", name, v.Text, v.Secret)
	}
	// Output:
	// DB_PASSWORD = "s3cret" secret=true
	// DJANGO_PROJECT = "acmeshop" secret=false
	// DJANGO_USER = "acmeshop" secret=false
}
