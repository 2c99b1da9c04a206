package generator

import (
	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/generator/drift"
)

// A Drift is one way an installed system differs from a client's build.
type Drift = drift.Drift

// Diff compares a client's build (a Result of a build, a dry run does)
// with the system whose root directory is root on sys: every file,
// fragment, directory and link of its manifest, with the modes, owners
// and groups the manifest gives. It only reads. No drift shows a secret
// value of the client: each is masked as the docs mask it. Owners and groups are
// compared by the names in root/etc/passwd and root/etc/group, when sys
// says who owns a file.
func Diff(r *Result, sys afero.Fs, root string) ([]Drift, error) {
	return drift.Compare(&drift.Build{
		Files:   r.Files,
		Pending: r.pending,
		Mask:    func(s string) string { return maskSecrets(s, r.secrets) },
	}, sys, root)
}
