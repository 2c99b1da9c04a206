package tomlpos

import "testing"

func TestIndex(t *testing.T) {
	src := `# a client
DOMAIN = "acme.example"
  ADMIN_NAME="Ada"
"QUOTED KEY" = 1
EMAIL_HOST_PASSWORD = { env = "ACME_SMTP", x = 'y' }
NOTES = """
FAKE = "not a key"
"""
LIST = [
  "FAKE2 = 1",
]
tags = ["nginx"]

[placeholders.DOMAIN]
pattern = '^[a-z]+$'
[placeholders."SECRET KEY"]
a.b = true
`
	ix := Index([]byte(src))
	tests := map[string]Pos{
		"DOMAIN":                      {2, 1, 2, 10},
		"ADMIN_NAME":                  {3, 3, 3, 14},
		"QUOTED KEY":                  {4, 1, 4, 16},
		"EMAIL_HOST_PASSWORD":         {5, 1, 5, 23},
		"EMAIL_HOST_PASSWORD.env":     {5, 25, 5, 31},
		"EMAIL_HOST_PASSWORD.x":       {5, 44, 5, 48},
		"NOTES":                       {6, 1, 6, 9},
		"LIST":                        {9, 1, 9, 8},
		"tags":                        {12, 1, 12, 8},
		"placeholders.DOMAIN":         {14, 1, 14, 22},
		"placeholders.DOMAIN.pattern": {15, 1, 15, 11},
		"placeholders.SECRET KEY.a.b": {17, 1, 17, 7},
		// tables opened implicitly, where they first appear
		"placeholders":              {14, 1, 14, 22},
		"placeholders.SECRET KEY.a": {17, 1, 17, 1},
	}
	for k, want := range tests {
		if got, ok := ix[k]; !ok || got != want {
			t.Errorf("%s: got %+v (found %v), want %+v", k, got, ok, want)
		}
	}
	for _, k := range []string{"FAKE", "FAKE2"} {
		if _, ok := ix[k]; ok {
			t.Errorf("%s inside a string was indexed", k)
		}
	}
}
