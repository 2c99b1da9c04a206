package tree

import (
	"path"
	"strings"

	"github.com/tailordocs/tailor/placeholder"
)

// DanglingLinks warns about links to a client's own file (its path holds
// a placeholder, so no system has it already) that the tutorial does not
// make: installed, such a link points at nothing (nginx will not start
// with a dangling sites-enabled link).
func (t *Tree) DanglingLinks(log Log) {
	for _, l := range t.Links {
		target := l.Target
		if !strings.HasPrefix(target, "/") {
			target = path.Join(path.Dir(l.Path), target)
		}
		target = path.Clean(target)
		if len(placeholder.Scan(target)) == 0 || t.files[target] != nil || t.dirs[target] != nil || t.known[target] || len(l.Sources) == 0 {
			continue
		}
		if !strings.HasPrefix(target, "/etc/") || strings.HasPrefix(target, "/etc/letsencrypt/") {
			continue // files that tools make (certbot), or not configuration
		}
		src := l.Sources[len(l.Sources)-1]
		line := src.Line
		if line == 0 {
			line = src.Block.Code.Line
		}
		log.Warnf(src.Block.At(line, 1), "%s links to %s, which the tutorial does not make: installed, the link would point at nothing", l.Path, target)
	}
}
