package generator

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// A scale is the size of a synthetic tutorial: Markdown pages, code
// blocks per page (each one file to create), distinct placeholders in
// all, and rows of a Markdown table and of a reST grid table.
type scale struct {
	pages, blocks, names, rows int
}

// scaleProject writes a tutorial of the given size, and a values file
// that sets every placeholder, into a memory file system.
func scaleProject(tb testing.TB, s scale) afero.Fs {
	tb.Helper()
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/p/tailor.toml", []byte("title = \"Scale\"\n"), 0o644)
	var vals strings.Builder
	vals.WriteString("DB_PASSWORD = \"Kq7-zz-secret-value\"\n")
	for i := 0; i < s.names; i++ {
		fmt.Fprintf(&vals, "NAME_%d = \"value-%d\"\n", i, i)
	}
	afero.WriteFile(fsys, "/p/clients/c.toml", []byte(vals.String()), 0o644)
	name := 0
	next := func() string {
		if s.names == 0 {
			return "DB_PASSWORD"
		}
		name = (name + 1) % s.names
		return fmt.Sprintf("NAME_%d", name)
	}
	for p := 0; p < s.pages; p++ {
		var b strings.Builder
		fmt.Fprintf(&b, "# Page %d\n\n", p)
		for k := 0; k < s.blocks; k++ {
			fmt.Fprintf(&b, "## Step %d\n\nThe service answers for $%s and keeps its data under `/var/lib/$%s`.\n\n", k, next(), next())
			fmt.Fprintf(&b, "Create file `/etc/app/p%d/f%d.conf` with the following contents:\n\n", p, k)
			fmt.Fprintf(&b, "```ini\n[main]\nname = $%s\npassword = $DB_PASSWORD\nhost = $%s\n```\n\n", next(), next())
		}
		if p == 0 {
			// every name once, so that all are used whatever the blocks
			for i := 0; i < s.names; i++ {
				fmt.Fprintf(&b, "Set $NAME_%d.\n\n", i)
			}
			if s.rows > 0 {
				b.WriteString("| key | value |\n| --- | --- |\n")
				for r := 0; r < s.rows; r++ {
					fmt.Fprintf(&b, "| row %d | $%s |\n", r, next())
				}
				b.WriteString("\n")
			}
		}
		afero.WriteFile(fsys, fmt.Sprintf("/p/page%04d.md", p), []byte(b.String()), 0o644)
	}
	if s.rows > 0 {
		// a reST grid table too, whose cells the personalized source redraws
		var b strings.Builder
		b.WriteString("Table\n=====\n\n+------------+--------------------+\n| key        | value              |\n+============+====================+\n")
		for r := 0; r < s.rows; r++ {
			fmt.Fprintf(&b, "| row %-6d | %-18s |\n+------------+--------------------+\n", r, "$"+next())
		}
		afero.WriteFile(fsys, "/p/table.rst", []byte(b.String()), 0o644)
	}
	return fsys
}

func buildScale(tb testing.TB, fsys afero.Fs) {
	p, diags := Load(fsys, "/p")
	if p == nil {
		tb.Fatal(diags)
	}
	run := p.Build(Options{DryRun: true})
	if run.Failed() {
		all := append(run.Diags, run.Clients[0].Diags...)
		if len(all) > 5 {
			all = all[:5]
		}
		tb.Fatal(all)
	}
}

// BenchmarkScale builds tutorials that double in one dimension at a
// time, the others small: the time and memory per operation of each
// size should be about twice those of the one before.
func BenchmarkScale(b *testing.B) {
	for _, dim := range []struct {
		name string
		base scale
		grow func(*scale, int)
	}{
		{"pages", scale{pages: 40, blocks: 5, names: 20}, func(s *scale, f int) { s.pages *= f }},
		{"blocks", scale{pages: 2, blocks: 100, names: 20}, func(s *scale, f int) { s.blocks *= f }},
		{"names", scale{pages: 2, blocks: 5, names: 2000}, func(s *scale, f int) { s.names *= f }},
		{"rows", scale{pages: 1, blocks: 1, names: 20, rows: 5000}, func(s *scale, f int) { s.rows *= f }},
	} {
		for _, f := range []int{1, 2, 4} {
			s := dim.base
			dim.grow(&s, f)
			fsys := scaleProject(b, s)
			b.Run(fmt.Sprintf("%s=x%d", dim.name, f), func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					buildScale(b, fsys)
				}
			})
		}
	}
}

// TestAllocationsGrowLinearly builds tutorials twice the size of each
// other in each dimension and checks that the number of allocations
// (a count, unlike time, the same from run to run) about doubles: a loop
// over every pair of names, blocks or rows would make it four times.
func TestAllocationsGrowLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large tutorials")
	}
	base := scale{pages: 2, blocks: 5, names: 1000, rows: 1000}
	for _, dim := range []string{"pages", "blocks", "names", "rows"} {
		t.Run(dim, func(t *testing.T) {
			allocs := func(f int) float64 {
				s := base
				switch dim {
				case "pages":
					s.pages *= f
				case "blocks":
					s.blocks *= f
				case "names":
					s.names *= f
				case "rows":
					s.rows *= f
				}
				fsys := scaleProject(t, s)
				return testing.AllocsPerRun(1, func() { buildScale(t, fsys) })
			}
			small, large := allocs(2), allocs(4)
			t.Logf("%s: %.2f", dim, large/small)
			if ratio := large / small; ratio > 2.5 {
				t.Errorf("twice the %s: %.2f times the allocations (%.0f, then %.0f)", dim, ratio, small, large)
			}
		})
	}
}

// TestManyRefsInALine: a line of a file with thousands of placeholders
// is filled, each value quoted for where it lands as if it were alone on
// the line, in the file and in the personalized source.
func TestManyRefsInALine(t *testing.T) {
	const n = 3000
	unit := `a='$V' b="$V" c=$V; `
	line := strings.Repeat(unit, n)
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/p/page.md", []byte("# T\n\nCreate file `/etc/a.sh` with the following contents:\n\n```sh\n"+line+"\n```\n"), 0o644)
	afero.WriteFile(fsys, "/p/clients/c.toml", []byte("V = \"it's $x\"\n"), 0o644)
	p, _ := Load(fsys, "/p")
	r := p.Build(Options{DryRun: true}).Clients[0]
	if r.Failed() {
		t.Fatal(r.Diags)
	}
	want := strings.TrimSuffix(strings.Repeat(`a='it'\''s $x' b="it's \$x" c='it'\''s $x'; `, n), " ") + "\n" // a block's lines end with no blank
	if got := string(r.Files["rootfs/etc/a.sh"]); got != want {
		t.Errorf("the file is %d bytes, want %d:\n%.200q", len(got), len(want), got)
	}
	if src := string(r.Files["source/page.md"]); !strings.Contains(src, strings.TrimSuffix(want, "\n")) {
		t.Errorf("the source lacks the line as the file has it")
	}
}

// pageShapes write one page of about size bytes, each a way a page can
// be large: many short steps, one long shell block (whose commands touch
// paths it does not make, each a note in the plan), one long file, one
// line of a file with many values, one section of many files each named
// by its path then by its name alone, one section of many blocks each
// added to "the config file", one long paragraph, a long list.
var pageShapes = []struct {
	name  string
	write func(b *strings.Builder, size int, next func() string)
}{
	{"steps", func(b *strings.Builder, size int, next func() string) {
		for k := 0; b.Len() < size; k++ {
			fmt.Fprintf(b, "## Step %d\n\nThe service answers for $%s. Create file `/etc/app/s%d.conf` with the following contents:\n\n```ini\n[main]\nname = $%s\n```\n\n", k, next(), k, next())
		}
	}},
	{"shell", func(b *strings.Builder, size int, next func() string) {
		b.WriteString("Run the following commands:\n\n```bash\n")
		for k := 0; b.Len() < size; k++ {
			fmt.Fprintf(b, "mkdir -p /var/lib/$%s/d%d\nchown $%s /srv/$%s/d%d\n", next(), k, next(), next(), k)
		}
		b.WriteString("```\n\n")
	}},
	{"file", func(b *strings.Builder, size int, next func() string) {
		b.WriteString("Create file `/etc/app/big.conf` with the following contents:\n\n```ini\n[main]\n")
		for k := 0; b.Len() < size; k++ {
			fmt.Fprintf(b, "key%d = $%s and \"$%s\" # $%s\n", k, next(), next(), next())
		}
		b.WriteString("```\n\n")
	}},
	{"line", func(b *strings.Builder, size int, next func() string) {
		b.WriteString("Create file `/etc/app/line.conf` with the following contents:\n\n```ini\nk = ")
		for b.Len() < size {
			fmt.Fprintf(b, "$%s,\"a$%s\" ", next(), next())
		}
		b.WriteString("\n```\n\n")
	}},
	{"names", func(b *strings.Builder, size int, next func() string) {
		for k := 0; b.Len() < size; k++ {
			fmt.Fprintf(b, "Open `/etc/app/d%d/a%d.conf`. Add the following at the end of `a%d.conf`:\n\n```ini\nk = $%s\n```\n\n", k, k, k, next())
		}
	}},
	{"phrase", func(b *strings.Builder, size int, next func() string) {
		b.WriteString("The Redis config file is `/etc/redis/redis.conf`.\n\n")
		for k := 0; b.Len() < size; k++ {
			fmt.Fprintf(b, "Check `/etc/a/x%d.conf` and `/etc/b/y%d.conf` for $%s. Scroll to the bottom of the config file and add:\n\n```ini\nk%d = 1\n```\n\n", k, k, next(), k)
		}
	}},
	{"paragraph", func(b *strings.Builder, size int, next func() string) {
		for k := 0; b.Len() < size; k++ {
			fmt.Fprintf(b, "Make sure that the user $%s exists and add the line to `/etc/app/x%d.conf` at the end of the file. ", next(), k%30)
		}
		b.WriteString("\n\n")
	}},
	{"list", func(b *strings.Builder, size int, next func() string) {
		for k := 0; b.Len() < size; k++ {
			fmt.Fprintf(b, "- Edit `/etc/app/x%d.conf` and set `name` to $%s.\n", k, next())
		}
		b.WriteString("\n")
	}},
}

// pageProject writes a tutorial of one page of the shape, of about size
// bytes, and a values file of 50 names into a memory file system.
func pageProject(tb testing.TB, write func(*strings.Builder, int, func() string), size int) afero.Fs {
	tb.Helper()
	const names = 50
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/p/tailor.toml", []byte("title = \"Page\"\n"), 0o644)
	var vals, b strings.Builder
	b.WriteString("# Page\n\n")
	for i := 0; i < names; i++ {
		fmt.Fprintf(&vals, "NAME_%d = \"value-%d\"\n", i, i)
		fmt.Fprintf(&b, "Set $NAME_%d.\n\n", i)
	}
	afero.WriteFile(fsys, "/p/clients/c.toml", []byte(vals.String()), 0o644)
	k := 0
	write(&b, b.Len()+size, func() string { k = (k + 7) % names; return fmt.Sprintf("NAME_%d", k) })
	afero.WriteFile(fsys, "/p/page.md", []byte(b.String()), 0o644)
	return fsys
}

// TestAllocationsGrowWithPage builds pages twice the size of each other
// in each shape and checks that the number of allocations and the bytes
// allocated about double: a pass that goes over the page, a block or a
// line once per thing in it (or copies a growing text once per addition)
// makes them four times.
func TestAllocationsGrowWithPage(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large pages")
	}
	for _, shape := range pageShapes {
		t.Run(shape.name, func(t *testing.T) {
			measure := func(size int) (allocs, bytes float64) {
				fsys := pageProject(t, shape.write, size)
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				buildScale(t, fsys)
				runtime.ReadMemStats(&after)
				return float64(after.Mallocs - before.Mallocs), float64(after.TotalAlloc - before.TotalAlloc)
			}
			a1, b1 := measure(200_000)
			a2, b2 := measure(400_000)
			t.Logf("%s: %.2f times the allocations, %.2f times the bytes", shape.name, a2/a1, b2/b1)
			if a2/a1 > 2.5 || b2/b1 > 2.5 {
				t.Errorf("twice the page: %.2f times the allocations (%.0f, then %.0f), %.2f times the bytes (%.0f, then %.0f)",
					a2/a1, a1, a2, b2/b1, b1, b2)
			}
		})
	}
}
