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
func (a *analyzer) getopt(cmd string, args []arg, spec optSpec) (map[byte]arg, []arg, bool) {
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
var (
	cdOpts = optSpec{short: "LPe@"}

	mkdirOpts = optSpec{short: "pm:vZ", long: map[string]optDef{
		"parents": {'p', noArg}, "mode": {'m', needArg}, "verbose": {'v', noArg},
		"context": {'Z', optionalArg},
	}}

	chmodOpts = optSpec{short: "RcfvHLP", long: map[string]optDef{
		"recursive": {'R', noArg}, "changes": {'c', noArg}, "silent": {'f', noArg},
		"quiet": {'f', noArg}, "verbose": {'v', noArg}, "reference": {'r', needArg},
		"preserve-root": {'p', noArg}, "no-preserve-root": {'n', noArg},
		"dereference": {'d', noArg}, "no-dereference": {'h', noArg},
	}}

	chownOpts = optSpec{short: "RcfvhHLP", long: map[string]optDef{
		"recursive": {'R', noArg}, "changes": {'c', noArg}, "silent": {'f', noArg},
		"quiet": {'f', noArg}, "verbose": {'v', noArg}, "reference": {'r', needArg},
		"from": {'F', needArg}, "dereference": {'d', noArg}, "no-dereference": {'h', noArg},
		"preserve-root": {'p', noArg}, "no-preserve-root": {'n', noArg},
	}}

	lnOpts = optSpec{short: "sfnvrTt:bS:iLPdF", long: map[string]optDef{
		"symbolic": {'s', noArg}, "force": {'f', noArg}, "no-dereference": {'n', noArg},
		"verbose": {'v', noArg}, "relative": {'r', noArg}, "no-target-directory": {'T', noArg},
		"target-directory": {'t', needArg}, "backup": {'b', optionalArg}, "suffix": {'S', needArg},
		"interactive": {'i', noArg}, "logical": {'L', noArg}, "physical": {'P', noArg},
		"directory": {'d', noArg},
	}}

	mvOpts = optSpec{short: "finvuTt:bS:Z", long: map[string]optDef{
		"force": {'f', noArg}, "interactive": {'i', noArg}, "no-clobber": {'n', noArg},
		"verbose": {'v', noArg}, "update": {'u', optionalArg}, "no-target-directory": {'T', noArg},
		"target-directory": {'t', needArg}, "backup": {'b', optionalArg}, "suffix": {'S', needArg},
		"context": {'Z', noArg}, "strip-trailing-slashes": {'s', noArg},
	}}

	touchOpts = optSpec{short: "acmfhd:r:t:", long: map[string]optDef{
		"no-create": {'c', noArg}, "date": {'d', needArg}, "reference": {'r', needArg},
		"time": {'T', needArg}, "no-dereference": {'h', noArg},
	}}

	installOpts = optSpec{short: "bcCdDg:m:o:psS:t:TvZ", long: map[string]optDef{
		"backup": {'b', optionalArg}, "compare": {'C', noArg}, "directory": {'d', noArg},
		"group": {'g', needArg}, "mode": {'m', needArg}, "owner": {'o', needArg},
		"preserve-timestamps": {'p', noArg}, "strip": {'s', noArg},
		"strip-program": {'x', needArg}, "suffix": {'S', needArg},
		"target-directory": {'t', needArg}, "no-target-directory": {'T', noArg},
		"verbose": {'v', noArg}, "preserve-context": {'P', noArg}, "context": {'Z', optionalArg},
	}}

	rmOpts = optSpec{short: "fiIrRdv", long: map[string]optDef{
		"force": {'f', noArg}, "interactive": {'i', optionalArg}, "recursive": {'r', noArg},
		"dir": {'d', noArg}, "verbose": {'v', noArg}, "one-file-system": {'o', noArg},
		"preserve-root": {'p', optionalArg}, "no-preserve-root": {'n', noArg},
	}}

	teeOpts = optSpec{short: "aip", long: map[string]optDef{
		"append": {'a', noArg}, "ignore-interrupts": {'i', noArg},
		"output-error": {'o', optionalArg},
	}}

	sudoOpts = optSpec{inOrder: true, short: "AbEHiKklnPSsVveC:D:g:h:p:R:r:T:t:U:u:", long: map[string]optDef{
		"askpass": {'A', noArg}, "background": {'b', noArg}, "preserve-env": {'E', optionalArg},
		"set-home": {'H', noArg}, "login": {'i', noArg}, "remove-timestamp": {'K', noArg},
		"reset-timestamp": {'k', noArg}, "list": {'l', noArg}, "non-interactive": {'n', noArg},
		"preserve-groups": {'P', noArg}, "stdin": {'S', noArg}, "shell": {'s', noArg},
		"version": {'V', noArg}, "validate": {'v', noArg}, "edit": {'e', noArg},
		"close-from": {'C', needArg}, "chdir": {'D', needArg}, "group": {'g', needArg},
		"host": {'h', needArg}, "prompt": {'p', needArg}, "chroot": {'R', needArg},
		"role": {'r', needArg}, "command-timeout": {'T', needArg}, "type": {'t', needArg},
		"other-user": {'U', needArg}, "user": {'u', needArg},
	}}

	suOpts = optSpec{short: "lc:s:mpfPg:G:w:", long: map[string]optDef{
		"login": {'l', noArg}, "command": {'c', needArg}, "shell": {'s', needArg},
		"preserve-environment": {'m', noArg}, "pty": {'P', noArg}, "group": {'g', needArg},
		"supp-group": {'G', needArg}, "whitelist-environment": {'w', needArg},
		"session-command": {'C', needArg},
	}}
)
