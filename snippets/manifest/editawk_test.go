package manifest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// edit runs editAwk on file with the settings given, one "SECTION\tKEY"
// line and its value lines each.
func edit(t *testing.T, format, file string, settings [][]string) (string, int, string) {
	t.Helper()
	awk, err := exec.LookPath("awk")
	if err != nil {
		t.Skip("no awk")
	}
	dir := t.TempDir()
	var spec, vals strings.Builder
	for _, s := range settings {
		sec, key, _ := strings.Cut(s[0], "\t")
		spec.WriteString(sec + "\t" + key + "\t" + strconv.Itoa(len(s)-1) + "\n")
		for _, v := range s[1:] {
			vals.WriteString(v + "\n")
		}
	}
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cmd := exec.Command(awk, editAwk, write("file", file))
	cmd.Env = append(os.Environ(), "TFMT="+format, "TSPEC="+write("spec", spec.String()), "TVAL="+write("vals", vals.String()))
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	code := 0
	if e, ok := err.(*exec.ExitError); ok {
		code = e.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), code, strings.TrimSpace(errb.String())
}

func TestEditAwk(t *testing.T) {
	for _, tc := range []struct {
		name, format, file string
		settings           [][]string
		want               string
		code               int
	}{
		{
			name: "python: a commented-out key, a multi-line one, an absent one", format: "python",
			file: "import os\n# ALLOWED_HOSTS = []\nDATABASES = {\n    'default': {\n        'NAME': 'x',\n    }\n}\nDEBUG = True\n",
			settings: [][]string{
				{"\tALLOWED_HOSTS", "ALLOWED_HOSTS = ['a']"},
				{"\tDATABASES", "DATABASES = {", "    'default': {'NAME': 'y'},", "}"},
				{"\tSECRET_KEY", "SECRET_KEY = 's'"},
			},
			want: "import os\nALLOWED_HOSTS = ['a']\nDATABASES = {\n    'default': {'NAME': 'y'},\n}\nDEBUG = True\nSECRET_KEY = 's'\n",
		},
		{
			name: "ini: keys in sections, a new section", format: "ini",
			file: "[server]\n;http_addr =\nhttp_port = 3000\n\n[security]\nadmin_user = admin\n",
			settings: [][]string{
				{"server\thttp_addr", "http_addr = 127.0.0.1"},
				{"security\tcookie_secure", "cookie_secure = true"},
				{"smtp\tenabled", "enabled = true"},
			},
			want: "[server]\nhttp_addr = 127.0.0.1\nhttp_port = 3000\n\n[security]\nadmin_user = admin\ncookie_secure = true\n\n[smtp]\nenabled = true\n",
		},
		{
			name: "directive: commented default, indentation kept", format: "directive",
			file: "#Port 22\n  #PasswordAuthentication yes\nUsePAM yes\n",
			settings: [][]string{
				{"\tPort", "Port 2222"},
				{"\tPasswordAuthentication", "PasswordAuthentication no"},
			},
			want: "Port 2222\n  PasswordAuthentication no\nUsePAM yes\n",
		},
		{
			name: "nginx: a commented directive in a block", format: "nginx",
			file:     "server {\n    listen 443 ssl;\n    # ssl_certificate /x/fullchain.pem;\n}\n",
			settings: [][]string{{"\tssl_certificate", "ssl_certificate /etc/le/a.pem;"}},
			want:     "server {\n    listen 443 ssl;\n    ssl_certificate /etc/le/a.pem;\n}\n",
		},
		{
			name: "nginx: absent, never added", format: "nginx",
			file: "server {\n}\n", settings: [][]string{{"\tgzip", "gzip on;"}}, code: 5,
		},
		{
			name: "hba: a record's method changed, a commented one set, a new one added", format: "hba",
			file: "# TYPE  DATABASE  USER  ADDRESS  METHOD\nlocal   all  postgres  peer\nhost    all  all  127.0.0.1/32  scram-sha-256\n#host   all  all  10.0.0.0 255.0.0.0  md5\n",
			settings: [][]string{
				{"\thost all all 127.0.0.1/32", "host    all             all             127.0.0.1/32            md5"},
				{"\thost all all 10.0.0.0 255.0.0.0", "host all all 10.0.0.0 255.0.0.0 md5"},
				{"\thost all all 192.168.1.0/24", "host all all 192.168.1.0/24 md5"},
			},
			want: "# TYPE  DATABASE  USER  ADDRESS  METHOD\nlocal   all  postgres  peer\nhost    all             all             127.0.0.1/32            md5\nhost all all 10.0.0.0 255.0.0.0 md5\nhost all all 192.168.1.0/24 md5\n",
		},
		{
			name: "directive: the last line set, an absent key added after it", format: "directive",
			file:     "UsePAM yes\n#Port 22\n",
			settings: [][]string{{"\tPort", "Port 2222"}, {"\tMaxAuthTries", "MaxAuthTries 3"}},
			want:     "UsePAM yes\nPort 2222\nMaxAuthTries 3\n",
		},
		{
			name: "ini: a key of no section, set in one section only, is set there", format: "ini",
			file:     "[PHP]\nmemory_limit = 128M\nmax_execution_time = 30\n[Date]\n;date.timezone =\n",
			settings: [][]string{{"\tmemory_limit", "memory_limit = 256M"}, {"\tdate.timezone", "date.timezone = UTC"}},
			want:     "[PHP]\nmemory_limit = 256M\nmax_execution_time = 30\n[Date]\ndate.timezone = UTC\n",
		},
		{
			name: "ini: a key of no section set at the top level is set there", format: "ini",
			file: "level = 1\n[main]\nlevel = 2\n", settings: [][]string{{"\tlevel", "level = 3"}},
			want: "level = 3\n[main]\nlevel = 2\n",
		},
		{
			name: "ini: a key of no section in two sections: not clear", format: "ini",
			file: "[a]\nport = 1\n[b]\nport = 2\n", settings: [][]string{{"\tport", "port = 3"}}, code: 6,
		},
		{
			name: "ini: a key of no section twice in one section: not clear", format: "ini",
			file: "[a]\nport = 1\nport = 2\n", settings: [][]string{{"\tport", "port = 3"}}, code: 3,
		},
		{
			name: "ini: a key of no section set nowhere goes before the first section", format: "ini",
			file: "[a]\nport = 1\n", settings: [][]string{{"\thost", "host = x"}},
			want: "host = x\n[a]\nport = 1\n",
		},
		{
			name: "a key set twice: not clear", format: "key=value",
			file: "a = 1\na = 2\n", settings: [][]string{{"\ta", "a = 3"}}, code: 3,
		},
		{
			name: "twice the same: unchanged", format: "key=value",
			file: "listen_addresses = 'x'\nport = 5432\n", settings: [][]string{{"\tport", "port = 5432"}},
			want: "listen_addresses = 'x'\nport = 5432\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, code, stderr := edit(t, tc.format, tc.file, tc.settings)
			if code != tc.code {
				t.Fatalf("exit %d (%s), want %d", code, stderr, tc.code)
			}
			if code == 0 && got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
