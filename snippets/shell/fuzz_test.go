package shell

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tailordocs/tailor/internal/txtar"
)

// fuzzSeeds are blocks that reach most of the analysis.
var fuzzSeeds = []string{
	"mkdir -pm 0750 /a /b/{c,d}\nchmod -R u=rwX,go= /a\nchown -R root:adm /a",
	"cd /etc/nginx/sites-enabled\nln -sfn ../sites-available/$DOMAIN .",
	"cat > /etc/x <<-'EOF'\n\tk = $V\n\tEOF\n",
	"cat >> \"/etc/${DOMAIN}.conf\" <<EOF\n\\$a $b $(c) $((1))\nEOF",
	"echo -e 'a\\tb' | sudo tee -a /etc/y > /dev/null",
	"printf '%s=%d\\n' a 1 b 2 > /z",
	"D=/srv; for s in a b; do install -d -m 2750 -o u -g g $D/$s; done",
	"sudo sh -c 'cd /tmp && touch x' || rm -rf /q",
	"if [ -f /a ]; then cd /b; fi; touch c",
	"a2ensite $DOMAIN; a2dismod mpm_event; a2enconf x",
	"{ echo a; echo b; } > /a 2>&1; (cd /x; touch y)",
	"f() { :; }; case $x in a) touch /a;; esac; while read l; do :; done",
	"tee /a <<< \"$X\"; cat < /b > /c",
	"cd -; cd; cd ~; pushd /a; popd",
	"ln -s -t /usr/local/bin /opt/a /opt/b; install -D -t /x a b",
	"echo 'unterminated",
	"$ cd /a\noutput\nuser@h:~$ cat > b <<EOF\n> x\n> EOF\n",
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "bash", "")
		f.Add(s, "console", "/x")
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "analyze", "*.txtar"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range txtar.Parse(data).Files {
			if _, lang, ok := strings.Cut(af.Name, "."); ok {
				f.Add(string(af.Data), lang, "/srv")
			}
		}
	}
	f.Fuzz(func(t *testing.T, text, lang, dir string) {
		if dir != "" && (!strings.HasPrefix(dir, "/") || path.Clean(dir) != dir) {
			return
		}
		st1 := &State{Dir: dir}
		effs, notes := Analyze(text, lang, st1)
		lines := strings.Count(text, "\n") + 1
		for _, e := range effs {
			if e.Kind < Mkdir || e.Kind > Package {
				t.Errorf("bad kind %d", e.Kind)
			}
			if e.Path == "" && (e.Kind == Open || e.Kind == Package) {
				continue
			}
			if !strings.HasPrefix(e.Path, "/") || path.Clean(e.Path) != e.Path {
				t.Errorf("path %q is not absolute and clean", e.Path)
			}
			if e.Line < 1 || e.Line > lines || e.Col < 1 {
				t.Errorf("effect %v at %d:%d, outside the %d lines of the block", e, e.Line, e.Col, lines)
			}
		}
		for _, n := range notes {
			if n.Line < 1 || n.Line > lines+1 || n.Col < 1 || n.Msg == "" {
				t.Errorf("bad note %v", n)
			}
		}
		// The analysis is deterministic and does not change the tree it
		// reads.
		st2 := &State{Dir: dir}
		effs2, notes2 := Analyze(text, lang, st2)
		if !reflect.DeepEqual(effs, effs2) || !reflect.DeepEqual(notes, notes2) || st1.Dir != st2.Dir {
			t.Errorf("two analyses differ")
		}
		LooksLikeShell(text)
	})
}

func FuzzApplyMode(f *testing.F) {
	for _, s := range tableSpecs {
		f.Add(s, uint32(0o644), false)
		f.Add(s, uint32(0o2750), true)
	}
	f.Fuzz(func(t *testing.T, spec string, base uint32, isDir bool) {
		b := fromUnix(base & allBits)
		got, err := ApplyMode(spec, b, isDir)
		if err != nil {
			if got != b {
				t.Errorf("ApplyMode(%q) = %v with error %v, want the base", spec, got, err)
			}
			return
		}
		if got&^(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky) != 0 {
			t.Errorf("ApplyMode(%q, %v) = %v: bits beyond the mode", spec, b, got)
		}
	})
}
