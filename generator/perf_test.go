package generator

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/values"
)

// perfSizes are the tutorials the throughput benchmarks build, from a
// page of a few steps to a book of twenty chapters.
var perfSizes = []struct {
	name string
	s    scale
}{
	{"small", scale{pages: 1, blocks: 5, names: 10}},
	{"medium", scale{pages: 5, blocks: 8, names: 40, rows: 40}},
	{"large", scale{pages: 20, blocks: 10, names: 100, rows: 100}},
}

// perfClients are the numbers of clients each tutorial is built for.
var perfClients = []int{1, 10, 100, 1000}

// perfProject writes a tutorial of size s with n clients, each with its
// own values for every placeholder, into a memory file system. It
// returns the file system and the size of the tutorial in bytes.
func perfProject(tb testing.TB, s scale, n int) (afero.Fs, int64) {
	tb.Helper()
	fsys := scaleProject(tb, s)
	fsys.Remove("/p/clients/c.toml")
	for c := 0; c < n; c++ {
		var vals strings.Builder
		fmt.Fprintf(&vals, "DB_PASSWORD = \"Kq7-zz-secret-%04d\"\n", c)
		for i := 0; i < s.names; i++ {
			fmt.Fprintf(&vals, "NAME_%d = \"value-%d-c%04d\"\n", i, i, c)
		}
		afero.WriteFile(fsys, fmt.Sprintf("/p/clients/c%04d.toml", c), []byte(vals.String()), 0o644)
	}
	var size int64
	for _, pattern := range []string{"/p/*.md", "/p/*.rst"} {
		pages, _ := afero.Glob(fsys, pattern)
		for _, page := range pages {
			if st, err := fsys.Stat(page); err == nil {
				size += st.Size()
			}
		}
	}
	return fsys, size
}

// benchBuild loads the project in fsys and builds every client in
// memory (DryRun, with Lean as the command line sets it), once per
// iteration. Nothing is written: a memory file system's Rename takes
// time in proportion to every file it holds, which would make the time
// per client grow with the clients built before; tools/compare times
// builds that write to disk. It reports the time and the bytes allocated
// per client; b.SetBytes counts the tutorial once per client, so that
// MB/s is the rate at which tutorial text turns into output.
func benchBuild(b *testing.B, fsys afero.Fs, clients int, size int64) {
	b.Helper()
	b.SetBytes(size * int64(clients))
	b.ReportAllocs()
	var before, after runtime.MemStats
	var alloc uint64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		runtime.ReadMemStats(&before)
		b.StartTimer()
		p, diags := Load(fsys, "/p")
		if p == nil {
			b.Fatal(diags)
		}
		run := p.Build(Options{DryRun: true, Lean: true})
		b.StopTimer()
		runtime.ReadMemStats(&after)
		alloc += after.TotalAlloc - before.TotalAlloc
		if run.Failed() || len(run.Clients) != clients {
			b.Fatalf("%d clients built of %d; diagnostics: %.500v", len(run.Clients), clients, run.Diags)
		}
		b.StartTimer()
	}
	b.StopTimer()
	per := float64(b.N) * float64(clients)
	b.ReportMetric(float64(b.Elapsed().Microseconds())/per, "µs/client")
	b.ReportMetric(float64(alloc)/per, "B/client")
}

// BenchmarkClients builds a small, a medium and a large tutorial for 1,
// 10, 100 and 1,000 clients (1,000 not under -short). The time and the
// memory per client should stay about the same as clients are added.
func BenchmarkClients(b *testing.B) {
	for _, size := range perfSizes {
		for _, n := range perfClients {
			b.Run(fmt.Sprintf("%s/clients=%d", size.name, n), func(b *testing.B) {
				if n >= 1000 && testing.Short() {
					b.Skip("1,000 clients: not under -short")
				}
				fsys, bytes := perfProject(b, size.s, n)
				benchBuild(b, fsys, n, bytes)
			})
		}
	}
}

// perfPage returns a Markdown page of at least size bytes: steps of
// prose with placeholders, a command to run and a file to create, each
// file its own, the values of names placeholders NAME_0... spread over
// them.
func perfPage(size, names int) []byte {
	var b strings.Builder
	b.Grow(size + 1024)
	b.WriteString("# A long page\n\n")
	for k := 0; b.Len() < size; k++ {
		n1, n2, n3 := k%names, (k+1)%names, (k+2)%names
		fmt.Fprintf(&b, "## Step %d\n\n", k)
		fmt.Fprintf(&b, "The service of step %d answers for $NAME_%d and keeps its data under `/var/lib/$NAME_%d`. "+
			"Its logs go to `/var/log/app/step%d.log`, which the rotation of the system keeps for a week; "+
			"the administrator of ${NAME_%d} reads them when a request fails.\n\n", k, n1, n2, k, n3)
		fmt.Fprintf(&b, "```bash\nsudo install -d -o $NAME_%d /var/lib/$NAME_%d/step%d\n```\n\n", n1, n2, k)
		fmt.Fprintf(&b, "Create file `/etc/app/step%d.conf` with the following contents:\n\n", k)
		fmt.Fprintf(&b, "```ini\n[main]\nname = $NAME_%d\npassword = $DB_PASSWORD\nhost = $NAME_%d\nport = %d\n```\n\n", n1, n2, 8000+k%1000)
	}
	return []byte(b.String())
}

// perfPageProject writes one page of the given size and one client.
func perfPageProject(size int) (afero.Fs, int64) {
	const names = 50
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/p/tailor.toml", []byte("title = \"Page\"\n"), 0o644)
	var vals strings.Builder
	vals.WriteString("DB_PASSWORD = \"Kq7-zz-secret-value\"\n")
	for i := 0; i < names; i++ {
		fmt.Fprintf(&vals, "NAME_%d = \"value-%d\"\n", i, i)
	}
	afero.WriteFile(fsys, "/p/clients/c.toml", []byte(vals.String()), 0o644)
	page := perfPage(size, names)
	afero.WriteFile(fsys, "/p/page.md", page, 0o644)
	return fsys, int64(len(page))
}

// BenchmarkPage builds one page of 1, 4 and 16 MB for one client. The
// time per MB should not grow with the size of the page.
func BenchmarkPage(b *testing.B) {
	for _, mb := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("MB=%d", mb), func(b *testing.B) {
			if mb >= 16 && testing.Short() {
				b.Skip("16 MB: not under -short")
			}
			fsys, size := perfPageProject(mb << 20)
			benchBuild(b, fsys, 1, size)
		})
	}
}

// perfShell returns lines of shell, size bytes in all, with placeholders
// bare, in double quotes, in single quotes and in a here-string.
func perfShell(size, names int) []string {
	var lines []string
	for n, k := 0, 0; n < size; k++ {
		a, c, d := k%names, (k+1)%names, (k+2)%names
		line := fmt.Sprintf("install -d -o $NAME_%d \"/var/lib/$NAME_%d/step%d\" && echo 'user $NAME_%d' >>/etc/app/users; grep -q $DB_PASSWORD <<<\"$NAME_%d\"\n", a, c, k, d, a)
		lines = append(lines, line)
		n += len(line)
	}
	return lines
}

// BenchmarkSubstitute fills the placeholders of a large text, without
// parsing it: the bare scan and replace of package placeholder, the
// docs' fill (secrets masked, spans kept) of a page, and a shell file's
// fill (each value quoted for where it lands) line by line, of as many
// bytes.
func BenchmarkSubstitute(b *testing.B) {
	const names = 50
	m := map[string]string{"DB_PASSWORD": "Kq7-zz-secret-value"}
	for i := 0; i < names; i++ {
		m[fmt.Sprintf("NAME_%d", i)] = fmt.Sprintf("value-%d with 'quotes' and $dollars", i)
	}
	vals, diags := values.FromMap("c", m, values.Options{})
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	fill := newFiller(vals, nil)
	for _, mb := range []int{1, 4, 16} {
		text := string(perfPage(mb<<20, names))
		shell := perfShell(len(text), names)
		for _, way := range []struct {
			name string
			fill func(s string) string
		}{
			{"replace", func(s string) string {
				return placeholder.Replace(s, func(r placeholder.Ref) (string, bool) {
					v, ok := m[r.Name]
					return v, ok
				})
			}},
			{"docs", func(s string) string { out, _ := fill.Docs(s); return out }},
			{"shell", func(s string) string {
				var b strings.Builder
				b.Grow(2 * len(s)) // the lines' fill is measured, not this builder's growth
				var diags content.Diagnostics
				for _, line := range shell {
					out, _ := fill.Text(line, "sh", content.Position{Filename: "install.sh"}, &diags)
					b.WriteString(out)
				}
				return b.String()
			}},
		} {
			b.Run(fmt.Sprintf("%s/MB=%d", way.name, mb), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					if out := way.fill(text); len(out) < len(text)/2 {
						b.Fatalf("filled text of %d bytes from %d", len(out), len(text))
					}
				}
			})
		}
	}
}
