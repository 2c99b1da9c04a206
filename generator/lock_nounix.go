//go:build !unix

package generator

import "time"

func flockFile(name string, wait time.Duration) (func(), error) { return nil, errNoFlock }
