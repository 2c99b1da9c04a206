package generator

import (
	"strings"
	"testing"
)

// TestSameFileError: two output files that a file system holds as one are
// both named, as the tutorial gives them.
func TestSameFileError(t *testing.T) {
	names := []string{"rootfs/etc/Foo.conf", "rootfs/etc/bar.conf", "rootfs/etc/foo.conf"}
	err := sameFileError("rootfs/etc/foo.conf", names).Error()
	if !strings.Contains(err, "rootfs/etc/Foo.conf and rootfs/etc/foo.conf") {
		t.Errorf("%s: want both names", err)
	}
	if err := sameFileError("site/é.html", []string{"site/é.html"}).Error(); !strings.Contains(err, "site/é.html") {
		t.Errorf("%s: want the name", err)
	}
}
