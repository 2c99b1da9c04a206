package shell

import (
	"fmt"
	"io/fs"
)

// Unix mode bits, as in <sys/stat.h>.
const (
	sISUID  = 0o4000
	sISGID  = 0o2000
	sISVTX  = 0o1000
	sIRWXU  = 0o700
	sIRWXG  = 0o070
	sIRWXO  = 0o007
	allBits = 0o7777
	rBits   = 0o444
	wBits   = 0o222
	xBits   = 0o111
)

// Umask is the file mode creation mask that ApplyMode assumes: a clause
// that names no "who" ("+x", "=r") does not change the bits it masks, as
// with GNU chmod run under this umask.
const Umask = 0o022

type modeFlag int

const (
	ordinaryChange modeFlag = iota
	xIfAnyX                 // "X": execute only for directories and executables
	copyExisting            // "g=u": copy the permissions of u, g or o
)

// A modeChange is one operation of a compiled mode, as in GNU's
// lib/modechange.c.
type modeChange struct {
	op        byte // '=', '+' or '-'
	flag      modeFlag
	affected  uint32 // bits of the "who" (u, g, o, a); 0 when none is named
	value     uint32 // bits to set or clear
	mentioned uint32 // bits the clause names explicitly
}

// A ModeError reports a mode that chmod would refuse.
type ModeError struct {
	Mode string // the mode as given
}

// Error returns `invalid mode "..."`.
func (e *ModeError) Error() string { return fmt.Sprintf("invalid mode %q", e.Mode) }

// compileMode parses a chmod mode: octal ("640", "02750") or symbolic
// ("u=rw,g=r,o=", "+x", "a+rX,go-w", "g=u").
func compileMode(s string) ([]modeChange, error) {
	bad := &ModeError{Mode: s}
	if s == "" {
		return nil, bad
	}
	isOctal := func(c byte) bool { return c >= '0' && c <= '7' }
	if isOctal(s[0]) {
		var oct uint32
		i := 0
		for ; i < len(s) && isOctal(s[i]); i++ {
			oct = oct*8 + uint32(s[i]-'0')
			if oct > allBits {
				return nil, bad
			}
		}
		if i < len(s) {
			return nil, bad
		}
		mentioned := uint32(allBits)
		if i < 5 {
			// A directory keeps its set-user/group-ID bits unless the mode
			// sets them or has five digits.
			mentioned = oct&(sISUID|sISGID) | sISVTX | 0o777
		}
		return []modeChange{{op: '=', flag: ordinaryChange, affected: allBits, value: oct, mentioned: mentioned}}, nil
	}
	var out []modeChange
	p := 0
	for {
		var affected uint32
	who:
		for ; p < len(s); p++ {
			switch s[p] {
			case 'u':
				affected |= sISUID | sIRWXU
			case 'g':
				affected |= sISGID | sIRWXG
			case 'o':
				affected |= sISVTX | sIRWXO
			case 'a':
				affected |= allBits
			case '=', '+', '-':
				break who
			default:
				return nil, bad
			}
		}
		if p >= len(s) {
			return nil, bad
		}
		for {
			op := s[p]
			p++
			var value, mentioned uint32
			flag := copyExisting
			switch {
			case p < len(s) && isOctal(s[p]):
				var oct uint32
				for ; p < len(s) && isOctal(s[p]); p++ {
					oct = oct*8 + uint32(s[p]-'0')
					if oct > allBits {
						return nil, bad
					}
				}
				if affected != 0 || p < len(s) && s[p] != ',' {
					return nil, bad
				}
				mentioned, affected = allBits, allBits
				value, flag = oct, ordinaryChange
			case p < len(s) && s[p] == 'u':
				value = sIRWXU
				p++
			case p < len(s) && s[p] == 'g':
				value = sIRWXG
				p++
			case p < len(s) && s[p] == 'o':
				value = sIRWXO
				p++
			default:
				flag = ordinaryChange
			perms:
				for ; p < len(s); p++ {
					switch s[p] {
					case 'r':
						value |= rBits
					case 'w':
						value |= wBits
					case 'x':
						value |= xBits
					case 'X':
						flag = xIfAnyX
					case 's':
						value |= sISUID | sISGID
					case 't':
						value |= sISVTX
					default:
						break perms
					}
				}
			}
			if mentioned == 0 {
				if affected != 0 {
					mentioned = affected & value
				} else {
					mentioned = value
				}
			}
			out = append(out, modeChange{op: op, flag: flag, affected: affected, value: value, mentioned: mentioned})
			if p >= len(s) || s[p] != '=' && s[p] != '+' && s[p] != '-' {
				break
			}
		}
		if p >= len(s) {
			return out, nil
		}
		if s[p] != ',' {
			return nil, bad
		}
		p++
	}
}

// adjustMode applies compiled changes to a mode, as GNU's mode_adjust.
func adjustMode(old uint32, dir bool, umask uint32, changes []modeChange) uint32 {
	mode := old & allBits
	for _, c := range changes {
		var omit uint32
		if dir {
			omit = (sISUID | sISGID) &^ c.mentioned
		}
		value := c.value
		switch c.flag {
		case copyExisting:
			value &= mode
			var v uint32
			if value&rBits != 0 {
				v |= rBits
			}
			if value&wBits != 0 {
				v |= wBits
			}
			if value&xBits != 0 {
				v |= xBits
			}
			value |= v
		case xIfAnyX:
			if mode&xBits != 0 || dir {
				value |= xBits
			}
		}
		mask := ^umask
		if c.affected != 0 {
			mask = c.affected
		}
		value &= mask &^ omit
		switch c.op {
		case '=':
			preserved := omit
			if c.affected != 0 {
				preserved |= ^c.affected
			}
			mode = mode&preserved | value
		case '+':
			mode |= value
		case '-':
			mode &^= value
		}
	}
	return mode & allBits
}

func toUnix(m fs.FileMode) uint32 {
	u := uint32(m.Perm())
	if m&fs.ModeSetuid != 0 {
		u |= sISUID
	}
	if m&fs.ModeSetgid != 0 {
		u |= sISGID
	}
	if m&fs.ModeSticky != 0 {
		u |= sISVTX
	}
	return u
}

func fromUnix(u uint32) fs.FileMode {
	m := fs.FileMode(u & 0o777)
	if u&sISUID != 0 {
		m |= fs.ModeSetuid
	}
	if u&sISGID != 0 {
		m |= fs.ModeSetgid
	}
	if u&sISVTX != 0 {
		m |= fs.ModeSticky
	}
	return m
}

// ApplyMode returns the mode that the chmod mode spec gives a file (or,
// when isDir is set, a directory) whose mode was base, as GNU chmod does
// under the umask [Umask]. spec is octal ("640", "0750", "02750") or
// symbolic ("u=rw,g=r,o=", "+x", "a+rX,go-w", "g=u", comma lists). The
// set-user-ID, set-group-ID and sticky bits are fs.ModeSetuid,
// fs.ModeSetgid and fs.ModeSticky; the type bits of base (fs.ModeDir, ...)
// are kept. As with GNU chmod, a directory keeps its set-user-ID and
// set-group-ID bits unless spec names them or is an octal mode of five
// digits. An invalid spec returns base and a *ModeError.
func ApplyMode(spec string, base fs.FileMode, isDir bool) (fs.FileMode, error) {
	changes, err := compileMode(spec)
	if err != nil {
		return base, err
	}
	u := adjustMode(toUnix(base), isDir, Umask, changes)
	keep := base &^ (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	return keep | fromUnix(u), nil
}

// FormatMode writes the permission bits of m, with the set-user-ID,
// set-group-ID and sticky bits, as four octal digits, as in a manifest:
// "0640", "2750", "1777". The type bits of m are ignored.
func FormatMode(m fs.FileMode) string {
	return fmt.Sprintf("%04o", toUnix(m))
}
