package shell

import (
	"sort"
	"strings"
)

// An arg is one expanded word of a command line.
type arg struct {
	value
	raw string // the word as written, for messages
}

// optSpec describes the options of a command, in the manner of GNU
// getopt_long: short is a list of option letters, each followed by ':'
// when it takes a value; long maps long names to their key letter.
type optSpec struct {
	short string
	long  map[string]optDef
	// inOrder stops at the first operand, as sudo and env do: what
	// follows is the command to run, with its own options.
	inOrder bool
}

// optDef is a long option: the key it sets and whether it takes a value.
type optDef struct {
	key byte
	arg argKind
}

type argKind int

const (
	noArg argKind = iota
	needArg
	optionalArg // only as --name=value
)

// getopt splits args into options and operands, as GNU getopt_long does
// (options may follow operands; "--" ends them). A word that is not known
// is an operand. On an unknown option it adds a note and returns false.
func (a *analyzer) getopt(cmd string, args []arg, spec *optSpec) (map[byte]arg, []arg, bool) {
	opts := make(map[byte]arg)
	var ops []arg
	for i := 0; i < len(args); i++ {
		x := args[i]
		if !x.ok || !strings.HasPrefix(x.s, "-") || x.s == "-" {
			if spec.inOrder {
				ops = append(ops, args[i:]...)
				break
			}
			ops = append(ops, x)
			continue
		}
		if x.s == "--" {
			ops = append(ops, args[i+1:]...)
			break
		}
		if strings.HasPrefix(x.s, "--") {
			name, val, hasVal := strings.Cut(x.s[2:], "=")
			def, ok := lookupLong(spec.long, name)
			if !ok {
				a.note("%s: unknown option %q: command skipped", cmd, "--"+name)
				return nil, nil, false
			}
			switch {
			case hasVal && def.arg == noArg:
				a.note("%s: option %q takes no value: command skipped", cmd, "--"+name)
				return nil, nil, false
			case hasVal:
				opts[def.key] = arg{value: value{s: val, ok: true}, raw: x.raw}
			case def.arg == needArg:
				if i+1 >= len(args) {
					a.note("%s: option %q needs a value: command skipped", cmd, "--"+name)
					return nil, nil, false
				}
				i++
				opts[def.key] = args[i]
			default:
				opts[def.key] = arg{value: value{ok: true}, raw: x.raw}
			}
			continue
		}
		for j := 1; j < len(x.s); j++ {
			c := x.s[j]
			k := strings.IndexByte(spec.short, c)
			if k < 0 || c == ':' {
				a.note("%s: unknown option %q: command skipped", cmd, "-"+string(c))
				return nil, nil, false
			}
			if k+1 < len(spec.short) && spec.short[k+1] == ':' {
				switch {
				case j+1 < len(x.s):
					opts[c] = arg{value: value{s: x.s[j+1:], ok: true}, raw: x.raw}
				case i+1 < len(args):
					i++
					opts[c] = args[i]
				default:
					a.note("%s: option %q needs a value: command skipped", cmd, "-"+string(c))
					return nil, nil, false
				}
				break
			}
			opts[c] = arg{value: value{ok: true}, raw: x.raw}
		}
	}
	return opts, ops, true
}

// lookupLong finds a long option by its name or by a prefix of exactly
// one name, as getopt_long does.
func lookupLong(long map[string]optDef, name string) (optDef, bool) {
	if d, ok := long[name]; ok {
		return d, true
	}
	if name == "" {
		return optDef{}, false
	}
	var found []string
	for n := range long {
		if strings.HasPrefix(n, name) {
			found = append(found, n)
		}
	}
	sort.Strings(found)
	if len(found) == 1 {
		return long[found[0]], true
	}
	return optDef{}, false
}

// Option specifications of the commands the analysis understands, as in
// GNU coreutils.
