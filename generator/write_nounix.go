//go:build !unix

package generator

import "os"

func writeNewOS(name string, data []byte, mode os.FileMode) error { return errNoRawWrite }
