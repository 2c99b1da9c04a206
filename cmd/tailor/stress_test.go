//go:build unix

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

var stress = flag.Duration("stress", 0, "run TestStressConcurrentBuilds for this long (0: three rounds)")

// stressProject is a tutorial of a few pages for many clients, whose
// every output file holds the generation of the build that wrote it: the
// value of GEN, which each build takes from its environment.
func stressProject(t *testing.T, clients int) string {
	files := map[string]string{
		"tailor.toml": "title = \"Stress\"\n[placeholders.GEN]\nsecret = false\n",
	}
	for p := 0; p < 3; p++ {
		var b strings.Builder
		fmt.Fprintf(&b, "# Page %d of stamp $GEN stamp\n\n", p)
		for k := 0; k < 10; k++ {
			fmt.Fprintf(&b, "## Step %d\n\nThe host $HOSTNAME is at stamp $GEN stamp.\n\n", k)
			fmt.Fprintf(&b, "Create file `/etc/app/p%d-%d.conf` with the following contents:\n\n```ini\nhost = $HOSTNAME\ngen = stamp $GEN stamp\n```\n\n", p, k)
		}
		files[fmt.Sprintf("page%d.md", p)] = b.String()
	}
	for c := 0; c < clients; c++ {
		files[fmt.Sprintf("clients/c%02d.toml", c)] = fmt.Sprintf("HOSTNAME = \"c%02d.example\"\nGEN = { env = \"TAILOR_STRESS_GEN\" }\n", c)
	}
	return project(t, files)
}

// buildTailor builds the command into a temporary directory.
func buildTailor(t *testing.T) string {
	t.Helper()
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build tailor with")
	}
	bin := filepath.Join(t.TempDir(), "tailor")
	cmd := exec.Command(gocmd, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// A stressBuild is one tailor build run as a process.
type stressBuild struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	killed         bool
}

// TestStressConcurrentBuilds runs builds of one project into one output
// directory at once, round after round, and kills some of them (kill -9)
// at random moments. After each round every client's directory is
// complete, of one build, and every build that was not killed succeeded.
func TestStressConcurrentBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and runs it many times")
	}
	const clients, builds = 12, 3
	bin := buildTailor(t)
	dir := stressProject(t, clients)
	out := filepath.Join(t.TempDir(), "out")
	start := func(gen string) *stressBuild {
		b := &stressBuild{cmd: exec.Command(bin, "build", "-C", dir, "--out", out)}
		b.cmd.Env = append(os.Environ(), "TAILOR_STRESS_GEN="+gen)
		b.cmd.Stdout, b.cmd.Stderr = &b.stdout, &b.stderr
		if err := b.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return b
	}
	// one build alone, to know how long a build takes
	began := time.Now()
	if b := start("g0"); b.cmd.Wait() != nil {
		t.Fatalf("a build alone failed:\n%s", b.stderr.String())
	}
	took := time.Since(began)
	rnd := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	deadline := time.Now().Add(*stress)
	rounds, kills := 0, 0
	for rounds < 3 || time.Now().Before(deadline) {
		rounds++
		var wg sync.WaitGroup
		var all []*stressBuild
		for i := 0; i < builds; i++ {
			b := start(fmt.Sprintf("r%dx%d", rounds, i))
			all = append(all, b)
			if rnd.IntN(2) == 0 {
				b.killed = true
				kills++
				wg.Add(1)
				go func(after time.Duration) {
					defer wg.Done()
					time.Sleep(after)
					b.cmd.Process.Kill()
				}(time.Duration(rnd.Int64N(int64(took) * 3 / 2)))
			}
		}
		for _, b := range all {
			err := b.cmd.Wait()
			if !b.killed {
				checkOutcome(t, b, err)
			}
		}
		wg.Wait()
		checkClients(t, out, rounds)
		if t.Failed() {
			t.Fatalf("round %d failed", rounds)
		}
	}
	// a last build alone finishes what the killed ones left
	if b := start("last"); b.cmd.Wait() != nil {
		t.Fatalf("the last build failed:\n%s", b.stderr.String())
	}
	if n := checkClients(t, out, rounds+1); n != clients {
		t.Errorf("%d clients after the last build, want %d", n, clients)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left in the output directory: %s", e.Name())
		}
	}
	t.Logf("%d rounds of %d builds, %d killed; a build alone takes %v", rounds, builds, kills, took.Round(time.Millisecond))
}

// checkOutcome: a build that was not killed succeeded (the project has
// no error: only the other builds could make it fail), and no build
// panicked.
func checkOutcome(t *testing.T, b *stressBuild, err error) {
	t.Helper()
	stderr := b.stderr.String()
	switch {
	case strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine "):
		t.Errorf("a build panicked:\n%s", stderr)
	case err != nil:
		t.Errorf("a build failed (%v):\n%s", err, stderr)
	}
}

// checkClients checks every client directory in out: its manifest lists
// files that are there with their digests, and all its files are of one
// generation. It returns the number of clients.
func checkClients(t *testing.T, out string, round int) int {
	t.Helper()
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	gen := regexp.MustCompile(`stamp ([a-z0-9]+) stamp`)
	n := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue // a killed build's tree or lock, for the next build to clear
		}
		n++
		dir := filepath.Join(out, e.Name())
		data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
		if err != nil {
			t.Errorf("round %d: %s: %v", round, e.Name(), err)
			continue
		}
		var m struct {
			Files []struct{ Path, SHA256 string }
		}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Errorf("round %d: %s/manifest.json: %v", round, e.Name(), err)
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "install.sh")); err != nil {
			t.Errorf("round %d: %s: %v", round, e.Name(), err)
		}
		for _, f := range m.Files {
			data, err := os.ReadFile(filepath.Join(dir, "rootfs", filepath.FromSlash(f.Path)))
			sum := sha256.Sum256(data)
			if err != nil || hex.EncodeToString(sum[:]) != f.SHA256 {
				t.Errorf("round %d: %s: rootfs%s is missing or not the one of its manifest (%v)", round, e.Name(), f.Path, err)
			}
		}
		gens := map[string]bool{}
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, _ := os.ReadFile(p)
			for _, m := range gen.FindAllSubmatch(data, -1) {
				gens[string(m[1])] = true
			}
			return nil
		})
		if len(gens) != 1 {
			t.Errorf("round %d: %s holds files of %d builds: %v", round, e.Name(), len(gens), gens)
		}
		if len(m.Files) != 30 {
			t.Errorf("round %d: %s lists %d files, want 30", round, e.Name(), len(m.Files))
		}
	}
	return n
}
