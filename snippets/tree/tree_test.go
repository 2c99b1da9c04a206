package tree

import (
	"reflect"
	"testing"
)

// TestNamed: the files whose paths end with a name, made ones first in
// the order made, then those copied into place, each once; a file
// removed is not among them, one made again after is.
func TestNamed(t *testing.T) {
	tr := New()
	for _, p := range []string{"/etc/a/app.conf", "/etc/b/app.conf", "/srv/conf/main.ini", "/etc/app.conf.d/x"} {
		tr.fileFor(p)
	}
	tr.copied = append(tr.copied, "/opt/c/app.conf", "/etc/a/app.conf")
	check := func(name string, want ...string) {
		t.Helper()
		if got := tr.Named(name); !reflect.DeepEqual(got, want) {
			t.Errorf("Named(%q) = %q, want %q", name, got, want)
		}
	}
	check("app.conf", "/etc/a/app.conf", "/etc/b/app.conf", "/opt/c/app.conf")
	check("b/app.conf", "/etc/b/app.conf")
	check("conf/main.ini", "/srv/conf/main.ini")
	check("main.ini", "/srv/conf/main.ini")
	check("onf/main.ini")
	check("x", "/etc/app.conf.d/x")
	check("")
	tr.remove("/etc/a", true)
	check("app.conf", "/etc/b/app.conf", "/opt/c/app.conf", "/etc/a/app.conf")
	tr.fileFor("/var/app.conf")
	tr.fileFor("/etc/a/app.conf")
	check("app.conf", "/etc/b/app.conf", "/var/app.conf", "/etc/a/app.conf", "/opt/c/app.conf")
}
