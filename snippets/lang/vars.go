package lang

import "strings"

// Vars are the "$NAME"s a language gives values to itself: a systemd
// unit's $MAINPID, an Apache site's ${APACHE_LOG_DIR}, a PHP file's
// $CONFIG. They look like placeholders but are the program's, so they
// are left as written.
type Vars struct {
	// Names are always the language's own.
	Names []string
	// Prefixes: a name that starts with one is the language's own.
	Prefixes []string
	// Defines returns the names that a line of a block defines for the
	// block ("Environment=PORT=8000", "Define SITE example").
	Defines func(line string) []string
	// Sigil is set when every $Name outside a quoted string is a
	// variable of the language (PHP, Perl): a placeholder there stands
	// inside quotes.
	Sigil bool
}

// The variables of the languages that have their own, beside the
// environment's ($HOME, $PATH: package values knows those everywhere).
var systemdVars = &Vars{
	Names: []string{
		"MAINPID", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "NOTIFY_SOCKET", "WATCHDOG_USEC",
		"WATCHDOG_PID", "SERVICE_RESULT", "EXIT_CODE", "EXIT_STATUS", "MONITOR_SERVICE_RESULT",
		"MONITOR_EXIT_CODE", "MONITOR_EXIT_STATUS", "MONITOR_INVOCATION_ID", "MONITOR_UNIT",
		"RUNTIME_DIRECTORY", "STATE_DIRECTORY", "CACHE_DIRECTORY", "LOGS_DIRECTORY",
		"CONFIGURATION_DIRECTORY", "CREDENTIALS_DIRECTORY", "INVOCATION_ID", "JOURNAL_STREAM",
		"PIDFILE", "TRIGGER_UNIT", "TRIGGER_PATH", "TRIGGER_TIMER_REALTIME_USEC",
		"TRIGGER_TIMER_MONOTONIC_USEC", "SYSTEMD_EXEC_PID", "MANAGERPID",
	},
	Defines: systemdDefines,
}

var (
	apacheVars  = &Vars{Prefixes: []string{"APACHE_"}, Defines: apacheDefines}
	crontabVars = &Vars{Defines: crontabDefines}
	sigilVars   = &Vars{Sigil: true}
)

// VarsOf returns the variables of language l, nil when it has none.
func VarsOf(l string) *Vars {
	if ln := Lookup(l); ln != nil {
		return ln.Vars
	}
	return nil
}

// Owns reports whether $name, at byte col of line (a line of a block of
// the language), is a variable of the language rather than a
// placeholder; defined are the names the block defines (see Defined).
func (v *Vars) Owns(name, line string, col int, defined map[string]bool) bool {
	if v == nil {
		return false
	}
	for _, n := range v.Names {
		if n == name {
			return true
		}
	}
	for _, p := range v.Prefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return v.Sigil && !inQuotes(line[:col]) || defined[name]
}

// Defined returns the names the lines of text define for themselves.
func (v *Vars) Defined(text string) map[string]bool {
	if v == nil || v.Defines == nil {
		return nil
	}
	out := map[string]bool{}
	for _, ln := range strings.Split(text, "\n") {
		for _, n := range v.Defines(ln) {
			out[n] = true
		}
	}
	return out
}

// inQuotes reports whether the end of s is inside a quoted string: an
// odd count of unescaped ' or " opened before it.
func inQuotes(s string) bool {
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0 && c == '\\':
			i++
		case q != 0 && c == q:
			q = 0
		case q == 0 && (c == '\'' || c == '"'):
			q = c
		}
	}
	return q != 0
}

// systemdDefines returns the names an Environment= line sets:
// "Environment=A=1 B=2" and "Environment="A=1" "B=two words"".
func systemdDefines(line string) []string {
	t := strings.TrimSpace(line)
	rest, ok := strings.CutPrefix(t, "Environment=")
	if !ok {
		return nil
	}
	var out []string
	for _, f := range strings.Fields(rest) {
		f = strings.Trim(f, `"'`)
		if k, _, ok := strings.Cut(f, "="); ok && k != "" {
			out = append(out, k)
		}
	}
	return out
}

// apacheDefines returns the name a "Define NAME [value]" line defines.
func apacheDefines(line string) []string {
	f := strings.Fields(line)
	if len(f) >= 2 && strings.EqualFold(f[0], "Define") {
		return f[1:2]
	}
	return nil
}

// crontabDefines returns the name a crontab's "NAME=value" line sets for
// the commands after it.
func crontabDefines(line string) []string {
	k, _, ok := strings.Cut(strings.TrimSpace(line), "=")
	k = strings.TrimSpace(k)
	if !ok || k == "" || strings.ContainsAny(k, " \t*") {
		return nil
	}
	return []string{k}
}
