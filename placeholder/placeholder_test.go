package placeholder

import (
	"reflect"
	"testing"
)

func TestScan(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"noreply@$DOMAIN", []string{"DOMAIN"}},
		{"${DJANGO_PROJECT}_db and $DJANGO_PROJECT.wsgi", []string{"DJANGO_PROJECT", "DJANGO_PROJECT"}},
		{"$SERVER_IPv4_ADDRESS", []string{"SERVER_IPv4_ADDRESS"}},
		{"$http_host $1 $$ $(cmd) ${x} $", nil},
		{"$$DOMAIN", nil},
		{"${DOMAIN:-x} ${DOMAIN", nil},
		{"a$B$C", []string{"B", "C"}},
		{"$A_1b", []string{"A_1b"}},
		{"é$DOMAINé", []string{"DOMAIN"}},
		// password hashes hold no placeholder, whatever their salt
		{"root:$6$Salt$Hash0./:19000:0", nil},
		{"'$2y$10$N9qo8uLOickgx2ZMRZoMye' $DOMAIN", []string{"DOMAIN"}},
		{"{SHA512-CRYPT}$6$Rounds$Xyz user=$USER_NAME", []string{"USER_NAME"}},
		{"$argon2id$v=19$m=65536,t=3,p=4$Salt$Hash", nil},
		{"pbkdf2_sha256$600000$Salt$Hash=", nil},
		// counter-examples: names side by side, and unknown ids
		{"$PREFIX$SUFFIX", []string{"PREFIX", "SUFFIX"}},
		{"/srv/$SITE$ENV", []string{"SITE", "ENV"}},
		{"$9$DOMAIN", []string{"DOMAIN"}},
		{"md5$DOMAIN", []string{"DOMAIN"}},
		{"x$1$DOMAIN", []string{"DOMAIN"}},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range Scan(tt.in) {
			got = append(got, r.Name)
			want := "$" + r.Name
			if r.Braced {
				want = "${" + r.Name + "}"
			}
			if tt.in[r.Start:r.End] != want {
				t.Errorf("Scan(%q): ref %q spans %q", tt.in, r.Name, tt.in[r.Start:r.End])
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Scan(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestScanLower(t *testing.T) {
	refs := ScanLower("$domain and $DOMAIN and ${http_host}")
	if len(refs) != 2 || refs[0].Name != "domain" || refs[1].Name != "http_host" {
		t.Errorf("ScanLower = %+v", refs)
	}
}

func TestReplace(t *testing.T) {
	vals := map[string]string{"DOMAIN": "acme.example", "USER": "x"}
	got := Replace("http://$DOMAIN/${DOMAIN}/$UNKNOWN/$$", func(r Ref) (string, bool) {
		v, ok := vals[r.Name]
		return v, ok
	})
	if want := "http://acme.example/acme.example/$UNKNOWN/$$"; got != want {
		t.Errorf("Replace = %q, want %q", got, want)
	}
}

func TestIsName(t *testing.T) {
	for s, want := range map[string]bool{"DOMAIN": true, "SERVER_IPv4": true, "X": true, "domain": false, "1A": false, "A-B": false, "": false} {
		if IsName(s) != want {
			t.Errorf("IsName(%q) = %v", s, !want)
		}
	}
}

func TestSuggest(t *testing.T) {
	known := []string{"DOMAIN", "EMAIL_HOST_USER", "EMAIL_HOST", "SERVER_IPv4_ADDRESS", "DJANGO_PROJECT", "ADMIN_NAME"}
	tests := map[string]string{
		"DOMAN":             "DOMAIN",
		"domain":            "DOMAIN",
		"EMAIL_USER":        "EMAIL_HOST_USER",
		"SERVER_IP_ADDRESS": "SERVER_IPv4_ADDRESS",
		"DJANGO_PORJECT":    "DJANGO_PROJECT",
		"COMMAND":           "",
		"REPOSITORY_ROOT":   "",
		"ADMIN":             "",
		"DOMAIN":            "",
	}
	for in, want := range tests {
		if got := Suggest(in, known); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSimilar(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"SERVER_IP", "SERVER_IP_ADDRESS", true},
		{"SERVER_IP_ADDRESS", "SERVER_IPv4_ADDRESS", true},
		{"SERVER_IPv4_ADDRESS", "SERVER_IPv6_ADDRESS", false},
		{"EMAIL_HOST", "EMAIL_HOST_USER", false},
		{"DJANGO_USER", "DJANGO_GROUP", false},
		{"ADMIN_NAME", "ADMIN_EMAIL_ADDRESS", false},
		{"DOMAIN", "DOMAIN_NAME", true},
		{"NODE1", "NODE2", false},
		{"DB_PASSWORD", "DB_PASSWROD", true},
		{"DOMAIN", "DOMAIN", false},
	}
	for _, tt := range tests {
		if got := Similar(tt.a, tt.b); got != tt.want {
			t.Errorf("Similar(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
