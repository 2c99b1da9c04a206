package site

import (
	"testing"

	"github.com/tailordocs/tailor/internal/htmlcheck"
)

// checkHTML checks one page, reporting its problems through t.
func checkHTML(t *testing.T, name, s string) {
	t.Helper()
	_, problems := htmlcheck.Check(name, s)
	for _, p := range problems {
		t.Error(p)
	}
}

// checkSite checks every page of a site and that its links resolve,
// reporting the problems through t.
func checkSite(t *testing.T, s *Site) {
	t.Helper()
	files := map[string][]byte{}
	for _, f := range s.Files {
		files[f.Path] = f.Data
	}
	_, problems := htmlcheck.Site(files, s.Assets)
	for _, p := range problems {
		t.Error(p)
	}
}
