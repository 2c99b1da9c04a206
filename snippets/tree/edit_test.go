package tree

import (
	"strings"
	"testing"
)

func lines(text string) []Line {
	var out []Line
	for _, t := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		out = append(out, Line{Text: t})
	}
	return out
}

func texts(ls []Line) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(l.Text + "\n")
	}
	return b.String()
}

// TestApplyEdit sets a block of settings in a file as install.sh does:
// each key's line, commented out or not, replaced where it stands; a key
// absent added at the end of its section.
func TestApplyEdit(t *testing.T) {
	for _, tc := range []struct {
		name, path, file, block, want, why string
	}{
		{
			name:  "pg_hba.conf: a record's method, a commented record, a new record",
			path:  "/etc/postgresql/16/main/pg_hba.conf",
			file:  "# TYPE  DATABASE  USER  ADDRESS  METHOD\nlocal   all  postgres  peer\nhost    all  all  127.0.0.1/32  scram-sha-256\n#host   all  all  10.0.0.0 255.0.0.0  md5\n",
			block: "# IPv4 local connections:\nhost    all   all   127.0.0.1/32   md5\nhost all all 10.0.0.0 255.0.0.0 md5\nhost all all 192.168.1.0/24 md5\n",
			want:  "# TYPE  DATABASE  USER  ADDRESS  METHOD\nlocal   all  postgres  peer\nhost    all   all   127.0.0.1/32   md5\nhost all all 10.0.0.0 255.0.0.0 md5\nhost all all 192.168.1.0/24 md5\n",
		},
		{
			name:  "pg_hba.conf: local records are keyed without an address",
			path:  "/etc/postgresql/16/main/pg_hba.conf",
			file:  "local all postgres peer\nlocal all all peer\n",
			block: "local all all md5\n",
			want:  "local all postgres peer\nlocal all all md5\n",
		},
		{
			name:  "sshd_config: the last line set, an absent key added after it",
			path:  "/etc/ssh/sshd_config",
			file:  "UsePAM yes\n#Port 22\n",
			block: "Port 2222\nMaxAuthTries 3\n",
			want:  "UsePAM yes\nPort 2222\nMaxAuthTries 3\n",
		},
		{
			name:  "ini: a key of no section, set in one section only, is set there",
			path:  "/etc/php/8.2/fpm/php.ini",
			file:  "[PHP]\nmemory_limit = 128M\nmax_execution_time = 30\n[Date]\n;date.timezone =\n",
			block: "memory_limit = 256M\n",
			want:  "[PHP]\nmemory_limit = 256M\nmax_execution_time = 30\n[Date]\n;date.timezone =\n",
		},
		{
			name:  "ini: a key of no section, commented out in one section only, is set there",
			path:  "/etc/php/8.2/fpm/php.ini",
			file:  "[PHP]\nmemory_limit = 128M\n[Date]\n;date.timezone =\n",
			block: "date.timezone = Europe/Paris\n",
			want:  "[PHP]\nmemory_limit = 128M\n[Date]\ndate.timezone = Europe/Paris\n",
		},
		{
			name:  "ini: a key of no section set at the top level is set there, not in a section",
			path:  "/etc/app.ini",
			file:  "level = 1\n[main]\nlevel = 2\n",
			block: "level = 3\n",
			want:  "level = 3\n[main]\nlevel = 2\n",
		},
		{
			name:  "ini: a key of no section set in two sections is not clear",
			path:  "/etc/app.ini",
			file:  "[a]\nport = 1\n[b]\nport = 2\n",
			block: "port = 3\n",
			why:   "port is set in [a] and [b]: the text does not say which",
		},
		{
			name:  "ini: a key of no section set nowhere is added before the first section",
			path:  "/etc/app.ini",
			file:  "[a]\nport = 1\n",
			block: "host = x\n",
			want:  "host = x\n[a]\nport = 1\n",
		},
		{
			name:  "a key set twice is not clear",
			path:  "/etc/postgresql/16/main/postgresql.conf",
			file:  "port = 5432\nport = 5433\n",
			block: "port = 5434\n",
			why:   "port is set 2 times",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := FormatOf("", tc.path, lines(tc.block))
			entries, ok := Entries(lines(tc.block), f)
			if !ok {
				t.Fatalf("format %q: the block is not a set of settings", f)
			}
			got, why := applyEdit(lines(tc.file), entries, f)
			if why != tc.why {
				t.Fatalf("why = %q, want %q", why, tc.why)
			}
			if why == "" && texts(got) != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", texts(got), tc.want)
			}
		})
	}
}

// TestHBANotSettings: lines of pg_hba.conf that are not records set no
// key, so a block holding them is not a set of settings.
func TestHBANotSettings(t *testing.T) {
	for _, block := range []string{
		"include_dir conf.d\n",
		"host all all\n",
		"hostx all all 127.0.0.1/32 md5\n",
	} {
		if _, ok := Entries(lines(block), HBAKeys); ok {
			t.Errorf("%q read as settings of pg_hba.conf", block)
		}
	}
}
