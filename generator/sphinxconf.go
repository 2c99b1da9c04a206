package generator

import (
	"regexp"
	"strings"
	"sync"
)

// sphinxConfig is what tailor reads of a Sphinx book's conf.py: the
// settings that change how pages read, taken from plain string
// assignments only (conf.py is Python, which tailor does not run).
type sphinxConfig struct {
	// subst are the substitutions Sphinx defines for every page:
	// |version|, |release| and, when conf.py sets it, |today|.
	subst map[string]string
	// prolog is rst_prolog and rst_epilog: reST read with every page.
	prolog string
	// highlight is highlight_language, "" when conf.py does not set it.
	highlight string
}

// confAssign finds "name = " followed by a string literal at the start of
// a line.
var confAssign = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^(version|release|today|rst_prolog|rst_epilog|highlight_language)[ \t]*=[ \t]*([rRuU]?)("""|'''|"|')`)
})

// readSphinxConf reads the string settings of conf.py that tailor uses.
func readSphinxConf(src []byte) sphinxConfig {
	c := sphinxConfig{subst: map[string]string{}}
	s := string(src)
	for _, m := range confAssign().FindAllStringSubmatchIndex(s, -1) {
		name, raw, quote := s[m[2]:m[3]], s[m[4]:m[5]] != "", s[m[6]:m[7]]
		val, ok := pyString(s[m[1]:], quote, raw)
		if !ok {
			continue
		}
		switch name {
		case "rst_prolog", "rst_epilog":
			c.prolog += val + "\n"
		case "highlight_language":
			c.highlight = strings.TrimSpace(val)
		default:
			c.subst[name] = val
		}
	}
	return c
}

// pyString reads a Python string literal's body up to its closing quote,
// with the common escapes of a string that is not raw.
func pyString(s, quote string, raw bool) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.HasPrefix(s[i:], quote) {
			return b.String(), true
		}
		c := s[i]
		if c == '\n' && len(quote) == 1 {
			return "", false
		}
		if c == '\\' && i+1 < len(s) {
			i++
			if raw {
				b.WriteByte('\\')
				b.WriteByte(s[i])
				continue
			}
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case '\n':
				// a line continued
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(c)
	}
	return "", false
}
