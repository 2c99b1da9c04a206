package tree

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// keyedLines are lines of every format, some keyed in several, some
// section headers, some commented out.
var keyedLines = []string{
	"", "# a note", "; a note", "[main]", "[other]", " [ main ] ", "[]",
	"k1 = a", "k1=b", "k2 = c", "#k1 = old", "; k2 = old", "# k3 = old", "k3: d",
	"K1 value", "#K1 value", "K2 value", "  k1 = indented",
	"k1 v;", "#k1 v;", "server {", "}", "<Directory />", "</Directory>",
	"K1 = [", "    1,", "]", "# K1 = 0", "K2 = 2",
	"host all all 127.0.0.1/32 md5", "APT::Key \"1\";",
}

var keyedFormats = []Format{INIKeys, KeyEquals, KeySpace, NginxKeys, ApacheKeys, PyAssign, HBAKeys, AptKeys}

// randomLines returns n lines drawn from keyedLines.
func randomLines(r *rand.Rand, n int) []Line {
	out := make([]Line, n)
	for i := range out {
		out[i] = Line{Text: keyedLines[r.IntN(len(keyedLines))], Line: i + 1}
	}
	return out
}

// randomEntries returns entries to set: keys that the lines may or may
// not set, in sections that may or may not be there, of one line or
// two, some lines setting another key than the entry's or starting a
// section.
func randomEntries(r *rand.Rand) []Entry {
	keys := []string{"k1", "k2", "k3", "K1", "K2", "k4"}
	sections := []string{"", "", "main", "other", "new"}
	out := make([]Entry, 1+r.IntN(3))
	for i := range out {
		k := keys[r.IntN(len(keys))]
		e := Entry{Section: sections[r.IntN(len(sections))], Key: k}
		switch r.IntN(8) {
		case 0:
			e.Lines = randomLines(r, 2)
		case 1:
			e.Lines = randomLines(r, 1)
		default:
			e.Lines = []Line{{Text: fmt.Sprintf("%s = v%d", k, r.IntN(100))}}
		}
		out[i] = e
	}
	return out
}

// TestSetKeys sets keys in files of every format, one block after
// another, with File.setKeys, which edits in place with a key index, and
// with applyEdit, which copies the lines and reads them all for each
// key: the same lines, and the same reasons when a key is not clear. The
// lines of the block the file was made from never change, and other
// changes to the file's lines between the edits are seen.
func TestSetKeys(t *testing.T) {
	for seed := range uint64(100 * len(keyedFormats)) {
		r := rand.New(rand.NewPCG(seed, 1))
		format := keyedFormats[seed%uint64(len(keyedFormats))]
		// room after the block's lines, as a block read line by line has
		block := slices.Grow(randomLines(r, r.IntN(30)), 4)
		kept := append([]Line(nil), block...)
		want := block
		f := &File{Path: "/etc/x.conf", Whole: true, Lines: block}
		for step := range 60 {
			switch r.IntN(10) {
			case 0: // lines appended, as a block that adds to the end
				add := randomLines(r, 1+r.IntN(2))
				want = append(append([]Line(nil), want...), add...)
				f.Lines = append(f.Lines, add...)
			case 1: // the file made again
				want = randomLines(r, r.IntN(30))
				f.Lines = append([]Line(nil), want...)
			case 2, 3: // lines inserted, as a block that adds after a line
				at, add := r.IntN(len(want)+1), randomLines(r, 1+r.IntN(3))
				want = splice(want, at, 0, add)
				f.insertLines(at, add)
			}
			entries := randomEntries(r)
			out, wantWhy := applyEdit(want, entries, format)
			if wantWhy == "" {
				want = out
			}
			if why := f.setKeys(entries, format); why != wantWhy {
				t.Fatalf("seed %d step %d (%s): reason %q, want %q", seed, step, format, why, wantWhy)
			}
			if !reflect.DeepEqual(f.Lines, want) && len(f.Lines)+len(want) > 0 {
				t.Fatalf("seed %d step %d (%s):\n%s\nwant\n%s", seed, step, format, texts(f.Lines), texts(want))
			}
			if got, want := f.formatOf(f.Path), FormatOf("", f.Path, f.Lines); got != want {
				t.Fatalf("seed %d step %d: format %q, want %q", seed, step, got, want)
			}
		}
		if !reflect.DeepEqual(block, kept) && len(block) > 0 {
			t.Fatalf("seed %d: the block's lines changed", seed)
		}
	}
}

// BenchmarkSetKeys sets each key of a file of n lines, a block each, as a
// tutorial that walks through a configuration file would: the time per
// key does not grow with n.
func BenchmarkSetKeys(b *testing.B) {
	for _, n := range []int{1000, 4000, 16000} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			lines := make([]Line, n)
			entries := make([][]Entry, n)
			for i := range lines {
				k := fmt.Sprintf("key%d", i)
				lines[i] = Line{Text: k + " = old"}
				entries[i] = []Entry{{Key: k, Lines: []Line{{Text: k + " = new"}}}}
			}
			b.ResetTimer()
			for b.Loop() {
				f := &File{Path: "/etc/app.conf", Whole: true, Lines: lines}
				for _, e := range entries {
					if why := f.setKeys(e, KeyEquals); why != "" {
						b.Fatal(why)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/key")
		})
	}
}

// TestSetEntries sets entries in a file's edit fragment, one block after
// another, with File.setEntries and as it was once done, by reading
// every entry for each key and writing every line again: the same edits
// and the same lines. Other changes to the file between the blocks are
// seen.
func TestSetEntries(t *testing.T) {
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 2))
		f := &File{Path: "/etc/x.conf"}
		var edits []Entry
		for step := range 40 {
			switch r.IntN(10) {
			case 0: // lines added by another step, before the edits
				f.Lines = append(f.Lines, randomLines(r, 1)...)
			case 1: // the edits made again
				edits = append([]Entry(nil), edits...)
				f.Edits = append([]Entry(nil), f.Edits...)
			}
			entries := randomEntries(r)
			for _, e := range entries {
				edits = setEntryOnce(edits, e)
			}
			var want []Line
			for _, e := range edits {
				want = append(want, e.Lines...)
			}
			f.setEntries(entries)
			if !reflect.DeepEqual(f.Edits, edits) {
				t.Fatalf("seed %d step %d: edits differ", seed, step)
			}
			if !reflect.DeepEqual(f.Lines, want) {
				t.Fatalf("seed %d step %d:\n%s\nwant\n%s", seed, step, texts(f.Lines), texts(want))
			}
		}
	}
}

// setEntryOnce sets e among entries as editFragment once did: in place
// of the first entry of the same key and section, or at the end.
func setEntryOnce(entries []Entry, e Entry) []Entry {
	for i, x := range entries {
		if x.Key == e.Key && x.Section == e.Section {
			entries[i] = e
			return entries
		}
	}
	return append(entries, e)
}

// TestSetKeysSections adds keys to an INI file, block after block, at
// the top level and at the end of its sections, which moves the lines
// after them: setKeys puts each where applyEdit does.
func TestSetKeysSections(t *testing.T) {
	start := lines("a = 1\n\n[main]\nk1 = x\n\n[empty]\n\n\n[other]\nk2 = y\n\n\n[ main ]\nk3 = z\n")
	want := start
	f := &File{Path: "/etc/x.ini", Whole: true, Lines: start}
	for i, e := range []Entry{
		{Key: "top1"}, {Key: "top2"}, {Key: "top3"}, {Section: "main", Key: "m0"}, {Section: "empty", Key: "e1"},
		{Section: "main", Key: "m1"}, {Key: "top4"}, {Section: "other", Key: "o1"},
		{Section: "main", Key: "m2"}, {Section: "new", Key: "n1"}, {Section: "other", Key: "o2"},
		{Key: "top3"}, {Section: "new", Key: "n2"}, {Section: "main", Key: "k1"},
	} {
		e.Lines = []Line{{Text: fmt.Sprintf("%s = %d", e.Key, i)}}
		out, why := applyEdit(want, []Entry{e}, INIKeys)
		if why != "" {
			t.Fatal(why)
		}
		want = out
		if why := f.setKeys([]Entry{e}, INIKeys); why != "" {
			t.Fatal(why)
		}
		if !reflect.DeepEqual(f.Lines, want) {
			t.Fatalf("after %s:\n%s\nwant\n%s", e.Key, texts(f.Lines), texts(want))
		}
	}
}

// TestAddToSection: a key the file lacks goes after the last line of its
// section that is not blank, at the top level before the first section,
// or in a new section at the end; by addToSection and by setKeys, which
// finds the sections with its index.
func TestAddToSection(t *testing.T) {
	for _, tc := range []struct {
		format       Format
		file, want   string
		section, key string
	}{
		{INIKeys, "a = 1\n\n[main]\nk1 = x\n[other]\nk2 = y\n", "a = 1\n\n[main]\nk1 = x\nm1 = 1\n[other]\nk2 = y\n", "main", "m1"},
		{INIKeys, "[empty]\n\n\n[other]\nk = v\n", "[empty]\ne1 = 1\n\n\n[other]\nk = v\n", "empty", "e1"},
		{INIKeys, "[main]\nk = v\n", "top = 1\n[main]\nk = v\n", "", "top"},
		{INIKeys, "a = 1\n", "a = 1\n\n[new]\nn1 = 1\n", "new", "n1"},
		{INIKeys, "[ main ]\nk = v\n", "[ main ]\nk = v\n\n[main]\nm = 1\n", "main", "m"},
		{KeyEquals, "a = 1\n\n", "a = 1\nb = 1\n\n", "", "b"},
	} {
		e := Entry{Section: tc.section, Key: tc.key, Lines: lines(tc.key + " = 1\n")}
		if got := texts(addToSection(lines(tc.file), tc.format, e)); got != tc.want {
			t.Errorf("addToSection(%q, %s):\n%s\nwant\n%s", tc.file, tc.key, got, tc.want)
		}
		f := &File{Whole: true, Lines: lines(tc.file)}
		if why := f.setKeys([]Entry{e}, tc.format); why != "" || texts(f.Lines) != tc.want {
			t.Errorf("setKeys(%q, %s): %q\n%s\nwant\n%s", tc.file, tc.key, why, texts(f.Lines), tc.want)
		}
	}
}
