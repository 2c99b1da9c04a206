package generator

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// sweepDir holds deployment tutorials in the styles people publish, each
// in a directory of its own with its pages, a values.toml, a CASE.txt that
// says what it exercises, and expected.json: one label per code block,
// written from the prose alone, the way ../shared/tools/wild-check reads
// them. KNOWN-WRONG lists the wrong writes tailor still makes on them.
const sweepDir = "../testdata/sweep"

// sweepLabel is what a careful administrator does with one code block.
type sweepLabel struct {
	Page        string   `json:"page"`
	Line        int      `json:"line"`
	Op          string   `json:"op"`
	Target      *string  `json:"target"`
	Note        string   `json:"note"`
	Addressable *bool    `json:"addressable"`
	Literal     *bool    `json:"literal"`
	Optional    bool     `json:"optional"`
	Alternative bool     `json:"alternative"`
	AltTargets  []string `json:"alt_targets"`
	Acceptable  []string `json:"acceptable"`
	Via         string   `json:"via"`
}

var sweepWrites = map[string]bool{"create": true, "append": true, "insert": true, "edit": true}

// sweepScore counts, for one case, what wild-check counts.
type sweepScore struct {
	addressable, found, approx, writes, optional, optionalFound, unmatched int
	wrong                                                                  []string // "page:line what"
}

// TestSweep plans every tutorial of testdata/sweep with its values and
// scores each block against its label. It fails on a wrong write — a
// write where the label says none, to another target, or with an op that
// does not fit — unless KNOWN-WRONG lists it, and on a KNOWN-WRONG entry
// that is no longer a wrong write. It logs the recall.
func TestSweep(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join(sweepDir, "*", "expected.json"))
	if err != nil || len(cases) == 0 {
		t.Fatal("no sweep cases", err)
	}
	known := readKnownWrong(t, filepath.Join(sweepDir, "KNOWN-WRONG"))
	seen := map[string]bool{}
	var total sweepScore
	for _, exp := range cases {
		dir := filepath.Dir(exp)
		name := filepath.Base(dir)
		sc := scoreSweepCase(t, dir)
		for _, w := range sc.wrong {
			key, what, _ := strings.Cut(w, " ")
			key = name + "/" + key
			if _, ok := known[key]; ok {
				seen[key] = true
				t.Logf("known wrong write %s: %s", key, what)
				continue
			}
			t.Errorf("wrong write %s: %s", key, what)
		}
		t.Logf("%s: %s", name, sc)
		total.add(sc)
	}
	for key := range known {
		if !seen[key] {
			t.Errorf("KNOWN-WRONG lists %s, which is not a wrong write: remove the line", key)
		}
	}
	t.Logf("sweep: %s", total)
}

// readKnownWrong reads "case/page:line why" lines; # starts a comment.
func readKnownWrong(t *testing.T, file string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, why, _ := strings.Cut(line, " ")
		if strings.Count(key, "/") != 1 || !strings.Contains(key, ":") || strings.TrimSpace(why) == "" {
			t.Fatalf("%s:%d: want \"case/page:line why\", got %q", file, n, line)
		}
		known[key] = strings.TrimSpace(why)
	}
	return known
}

// scoreSweepCase copies one case into memory, plans it with its values and
// scores the plan against expected.json as wild-check does.
func scoreSweepCase(t *testing.T, dir string) sweepScore {
	t.Helper()
	name := filepath.Base(dir)
	var labels []sweepLabel
	data, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &labels); err != nil {
		t.Fatalf("%s/expected.json: %v", name, err)
	}
	fsys := afero.NewMemMapFs()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			t.Fatalf("%s/%s: pages of a sweep case sit side by side", name, e.Name())
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		afero.WriteFile(fsys, path.Join("/case", e.Name()), data, 0o644)
	}
	p, diags := Load(fsys, "/case")
	if p == nil || diags.HasErrors() {
		t.Fatalf("%s: %v", name, diags)
	}
	vals, diags := p.LoadValues("/case/values.toml", nil)
	if vals == nil {
		t.Fatalf("%s: %v", name, diags)
	}
	rep, _ := p.Plan(vals)
	type key struct {
		page string
		line int
	}
	blocks := map[key]PlanBlock{}
	for _, d := range rep.Docs {
		for _, b := range d.Blocks {
			blocks[key{path.Base(d.Path), b.Line}] = b
		}
	}
	var sc sweepScore
	for _, l := range labels {
		checkSweepLabel(t, name, l)
		k := key{l.Page, l.Line}
		b, ok := blocks[k]
		if !ok {
			sc.unmatched++
			continue
		}
		delete(blocks, k)
		target := ""
		if l.Target != nil {
			target = *l.Target
		}
		addressable := sweepWrites[l.Op] && target != "" && (l.Addressable == nil || *l.Addressable) && (l.Literal == nil || *l.Literal)
		choice := l.Optional || l.Alternative
		switch {
		case addressable && choice:
			sc.optional++
		case addressable:
			sc.addressable++
		}
		if !sweepWrites[b.Op] {
			continue
		}
		sc.writes++
		kind := ""
		if sweepWrites[l.Op] && (b.Target == target || slices.Contains(l.AltTargets, b.Target)) {
			kind = compatibleOp(l.Op, b.Op)
		}
		if kind == "" && slices.Contains(l.Acceptable, b.Op+" "+b.Target) {
			kind = "found"
		}
		switch {
		case kind == "":
			want := l.Op
			if target != "" {
				want += " " + target
			}
			sc.wrong = append(sc.wrong, fmt.Sprintf("%s:%d tailor %s %s (%s), label %s", l.Page, l.Line, b.Op, b.Target, b.By, want))
		case addressable && choice:
			sc.optionalFound++
		case addressable && kind == "approx":
			sc.approx++
		case addressable:
			sc.found++
		}
	}
	var rest []key
	for k, b := range blocks {
		if sweepWrites[b.Op] {
			rest = append(rest, k)
		}
	}
	sort.Slice(rest, func(i, j int) bool {
		return rest[i].page < rest[j].page || rest[i].page == rest[j].page && rest[i].line < rest[j].line
	})
	for _, k := range rest {
		b := blocks[k]
		sc.writes++
		sc.wrong = append(sc.wrong, fmt.Sprintf("%s:%d tailor %s %s on a block with no label", k.page, k.line, b.Op, b.Target))
	}
	return sc
}

// checkSweepLabel rejects a label wild-check would misread.
func checkSweepLabel(t *testing.T, name string, l sweepLabel) {
	t.Helper()
	at := fmt.Sprintf("%s/expected.json: %s:%d", name, l.Page, l.Line)
	if l.Op != "none" && l.Op != "check" && !sweepWrites[l.Op] {
		t.Errorf("%s: op %q", at, l.Op)
	}
	if l.Target != nil && !strings.HasPrefix(*l.Target, "/") {
		t.Errorf("%s: target %q is not an absolute path", at, *l.Target)
	}
	if l.Target != nil && strings.Contains(*l.Target, "$") {
		t.Errorf("%s: target %q is not filled with the case's values", at, *l.Target)
	}
	for _, a := range l.AltTargets {
		if !strings.HasPrefix(a, "/") {
			t.Errorf("%s: alt_target %q is not an absolute path", at, a)
		}
	}
	for _, a := range l.Acceptable {
		op, target, _ := strings.Cut(a, " ")
		if !sweepWrites[op] || !strings.HasPrefix(target, "/") {
			t.Errorf("%s: acceptable %q is not \"op /path\"", at, a)
		}
	}
}

// compatibleOp tells whether tailor's op does what the label asks:
// "found", "approx" (an edit done by adding lines), or "".
func compatibleOp(want, got string) string {
	switch {
	case want == got:
		return "found"
	case (want == "append" || want == "insert") && (got == "append" || got == "insert"):
		return "found"
	case want == "edit" && (got == "append" || got == "insert"):
		return "approx"
	}
	return ""
}

func (s *sweepScore) add(o sweepScore) {
	s.addressable += o.addressable
	s.found += o.found
	s.approx += o.approx
	s.writes += o.writes
	s.optional += o.optional
	s.optionalFound += o.optionalFound
	s.unmatched += o.unmatched
	s.wrong = append(s.wrong, o.wrong...)
}

// String reads like a line of wild-check.
func (s sweepScore) String() string {
	pct := func(a, b int) string {
		if b == 0 {
			return "-"
		}
		return fmt.Sprintf("%.0f%%", 100*float64(a)/float64(b))
	}
	hit, right := s.found+s.approx, s.writes-len(s.wrong)
	line := fmt.Sprintf("recall %d/%d (%s, %d approx), precision %d/%d (%s), wrong writes %d; optional steps written %d/%d",
		hit, s.addressable, pct(hit, s.addressable), s.approx, right, s.writes, pct(right, s.writes), len(s.wrong), s.optionalFound, s.optional)
	if s.unmatched > 0 {
		line += fmt.Sprintf(", %d blocks not found", s.unmatched)
	}
	return line
}
