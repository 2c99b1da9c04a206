package infer

import (
	"fmt"
	"testing"
)

func TestOneLeaf(t *testing.T) {
	for _, tc := range []struct {
		dirs []string
		want string
	}{
		{nil, ""},
		{[]string{"/srv/app"}, "/srv/app"},
		{[]string{"/srv", "/srv/app", "/srv/app/static"}, "/srv/app/static"},
		{[]string{"/srv/app/static", "/srv/app", "/srv/app/static"}, "/srv/app/static"},
		{[]string{"/srv/app", "/srv/app-data"}, ""}, // two leaves: "-" sorts before "/"
		{[]string{"/srv/app", "/srv/app-data/x", "/srv/app/y"}, ""},
		{[]string{"/srv/app", "/srv/apps"}, ""},
		{[]string{"/a", "/a/b", "/a/c"}, ""},
	} {
		if got := oneLeaf(tc.dirs); got != tc.want {
			t.Errorf("oneLeaf(%q) = %q, want %q", tc.dirs, got, tc.want)
		}
	}
}

// TestOneLeafMany: of thousands of directories, each with one under it,
// none is the one leaf; with only the first and one under its child, that
// one is.
func TestOneLeafMany(t *testing.T) {
	var dirs []string
	for i := 0; i < 5000; i++ {
		dirs = append(dirs, fmt.Sprintf("/srv/d%d", i), fmt.Sprintf("/srv/d%d/x", i))
	}
	if got := oneLeaf(dirs); got != "" {
		t.Errorf("oneLeaf of many = %q, want none", got)
	}
	if got := oneLeaf(append(dirs[:1:1], "/srv/d0/x/y")); got != "/srv/d0/x/y" {
		t.Errorf("got %q", got)
	}
}
