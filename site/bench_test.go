package site

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tailordocs/tailor/content"
)

// benchSite returns a site of six chapters the size of a real tutorial's
// (about 600 source lines each): ten sections per chapter, each with
// prose holding placeholders, two code blocks, a list, an admonition
// every other section and cross-references.
func benchSite() []Page {
	langs := []string{"bash", "nginx", "python", "ini", "console", "apache"}
	snippets := map[string]string{
		"bash":    "mkdir -p /var/opt/$DJANGO_PROJECT\nchown $DJANGO_USER /var/opt/$DJANGO_PROJECT\nfor f in *.conf; do\n  cp \"$f\" /etc/$DJANGO_PROJECT/\ndone\nsystemctl reload nginx",
		"nginx":   "server {\n    listen 80;\n    server_name $DOMAIN www.$DOMAIN;\n    root /var/www/$DOMAIN;\n    location /static/ {\n        alias /var/cache/$DJANGO_PROJECT/static/;\n    }\n}",
		"python":  "DEBUG = False\nALLOWED_HOSTS = ['$DOMAIN']\nDATABASES = {\n    'default': {\n        'NAME': '$DJANGO_PROJECT',\n        'PASSWORD': '$DB_PASSWORD',\n    }\n}\nSECRET_KEY = '$SECRET_KEY'",
		"ini":     "[program:$DJANGO_PROJECT]\ncommand = /opt/$DJANGO_PROJECT/venv/bin/gunicorn\nuser = $DJANGO_USER\nautostart = true\nautorestart = true",
		"console": "$ ssh root@$SERVER_IP\n# apt install nginx\nReading package lists... Done\n# systemctl status nginx",
		"apache":  "<VirtualHost *:80>\n    ServerName $DOMAIN\n    DocumentRoot /var/www/$DOMAIN\n    ProxyPass / http://localhost:8000/\n</VirtualHost>",
	}
	prose := "The web server answers for $DOMAIN and hands dynamic requests to the application, which runs as $DJANGO_USER. " +
		"Each step below changes one file; read it once before typing anything, and keep a copy of what was there before. " +
		"When something fails, the log under /var/log/$DJANGO_PROJECT usually says why in its last lines."
	var pages []Page
	for c := 1; c <= 6; c++ {
		var secs []content.Block
		for s := 1; s <= 10; s++ {
			var blocks []content.Block
			for p := 0; p < 4; p++ {
				blocks = append(blocks, para(prose, " See ", role("ref", fmt.Sprintf("c%d-s%d", c%6+1, s)), " and ", lit("/etc/$DJANGO_PROJECT/settings.py"), "."))
			}
			for k := 0; k < 2; k++ {
				lang := langs[(c+s+k)%len(langs)]
				blocks = append(blocks, code(lang, snippets[lang], opt("caption", "/etc/$DJANGO_PROJECT/"+lang+".conf")))
			}
			blocks = append(blocks, ul(li("First, ", em("stop"), " the service."), li("Then edit ", lit("$DOMAIN.conf"), "."), li("Reload."), li("Check the log.")))
			if s%2 == 0 {
				blocks = append(blocks, note("warning", para(prose)))
			}
			secs = append(secs, labeled(sec(2, fmt.Sprintf("Step %d of chapter %d on $DOMAIN", s, c), blocks...), fmt.Sprintf("c%d-s%d", c, s)))
		}
		pages = append(pages, page(fmt.Sprintf("chapter-%d.html", c), doc(fmt.Sprintf("chapter-%d.rst", c), sec(1, fmt.Sprintf("Chapter %d", c), secs...))))
	}
	return pages
}

func BenchmarkBuild(b *testing.B) {
	pages := benchSite()
	opts := Options{Title: "$DOMAIN runbook", Client: "acme", Fill: testFill}
	var size int64
	for _, p := range pages {
		size += int64(len(p.Doc.File.Src))
	}
	s, _ := Build(pages, opts)
	var out int
	for _, f := range s.Files {
		out += len(f.Data)
	}
	b.ReportAllocs()
	for b.Loop() {
		Build(pages, opts)
	}
	b.ReportMetric(float64(size)/1024, "KiB-in")
	b.ReportMetric(float64(out)/1024, "KiB-out")
}

// BenchmarkHighlight measures highlighting alone, to show it grows
// linearly with the size of a code block.
func BenchmarkHighlight(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		text := strings.Repeat("server {\n    listen 80;\n    server_name example.org;\n}\n", n*10)
		b.Run(fmt.Sprintf("nginx-%dB", len(text)), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				var sb strings.Builder
				writeMarked(&sb, text, nil, highlight("nginx", text), nil)
			}
		})
	}
}
