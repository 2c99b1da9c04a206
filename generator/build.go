package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/internal/limit"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/placeholder/check"
	"github.com/tailordocs/tailor/site"
	"github.com/tailordocs/tailor/snippets"
	"github.com/tailordocs/tailor/snippets/manifest"
	"github.com/tailordocs/tailor/values"
)

// Options configure a build over clients. The zero value builds the
// project's own clients into "out" in the project directory.
type Options struct {
	// Values are values files or glob patterns on the project's file
	// system. Empty means the project's clients pattern.
	Values []string
	// Out is the output directory; "" means "out" in the project
	// directory.
	Out string
	// Jobs bounds how many clients build at once; 0 means GOMAXPROCS.
	// With fewer clients than that, each client's pages render on the
	// cores the clients leave.
	Jobs int
	// Getenv looks up environment variables for { env = "..." } values;
	// nil means none is set.
	Getenv func(string) (string, bool)
	// Progress, when non-nil, is called after each client, from one
	// goroutine at a time.
	Progress func(done, total int)
	// DryRun builds everything in memory and writes nothing.
	DryRun bool
	// Lean drops the content of each client's files from its Result
	// once they are written or checked (Files keeps their names, with nil
	// contents), so that memory does not grow with the number of clients.
	Lean bool
	// Validate runs a file's validate command (from a "validate=..."
	// annotation) on its content; "%s" in the command stands for a path
	// holding it. It returns an error when the check fails, and nil when
	// it passes or cannot run (the tool is not installed). nil skips
	// every check.
	Validate func(command string, data []byte) error

	retried  bool // a client is being built again with values another build kept
	pageJobs int  // how many pages of a client render at once
}

// A Result is what happened to one client.
type Result struct {
	Client string
	// Values is the values file.
	Values string
	// Diags are this client's diagnostics, sorted.
	Diags content.Diagnostics
	// Files are the client's output files, relative to its output
	// directory; nil when the build failed.
	Files map[string][]byte
	// Modes are the file modes the files are written with: a file of
	// rootfs/ gets the mode the manifest gives it, so that the tree can be
	// copied onto a server as it is. A directory named here (rootfs,
	// fragments) gets its mode too: 0700 when the names in it hold a
	// secret value.
	Modes map[string]os.FileMode
	// Dir is where the output was written ("" when nothing was).
	Dir string
	// Stale, when the build failed, is the client's output directory that
	// an earlier build left, unchanged ("" when there is none).
	Stale string
	// Tags are the client's tags (nil when its values could not be read).
	Tags []string

	secrets []*values.Value // longest first, for what Diff shows
	named   []*values.Value // the secrets the names of Files hold, longest first
	pending []*values.Value // generated values no state file keeps: see Diff

	blocked bool // the tutorial has errors: nothing was written
}

// Shown returns the name of one of the client's output files (a key of
// Files) as a report shows it: each secret value it holds masked, as the
// docs mask it.
func (r *Result) Shown(name string) string {
	for _, s := range r.named {
		name = strings.ReplaceAll(name, s.Text, Mask(s.Name))
	}
	return name
}

// Failed reports whether the client's build failed, because of its own
// errors or of the tutorial's.
func (r *Result) Failed() bool { return r.blocked || r.Diags.HasErrors() }

// A Run is the outcome of a build over several clients.
type Run struct {
	// Diags are the diagnostics about the tutorial itself, reported once
	// whatever the number of clients.
	Diags   content.Diagnostics
	Clients []*Result // sorted by values file
}

// Failed reports whether the tutorial or any client has an error.
func (r *Run) Failed() bool {
	if r.Diags.HasErrors() {
		return true
	}
	for _, c := range r.Clients {
		if c.Failed() {
			return true
		}
	}
	return false
}

// ValuesFiles expands the values files and patterns of opts (or the
// project's clients pattern) into a sorted list of files.
func (p *Project) ValuesFiles(patterns []string) ([]string, content.Diagnostics) {
	var diags content.Diagnostics
	explicit := len(patterns) > 0
	if !explicit {
		patterns = []string{path.Join(p.Dir, p.Clients)}
	}
	seen := map[string]bool{}
	var out []string
	for _, pat := range patterns {
		matches, err := afero.Glob(p.Fs, pat)
		if err != nil {
			diags.Errorf(content.Position{Filename: pat}, "bad values pattern: %v", err)
			continue
		}
		if len(matches) == 0 {
			if explicit {
				hint := ""
				if in := path.Join(p.Dir, pat); p.Dir != "." && !path.IsAbs(pat) {
					if m, _ := afero.Glob(p.Fs, in); len(m) > 0 {
						hint = fmt.Sprintf(" (--values is relative to the current directory: did you mean %s?)", in)
					}
				}
				diags.Errorf(content.Position{Filename: pat}, "no values file matches %s%s", pat, hint)
			}
			continue
		}
		for _, m := range matches {
			if st, err := p.Fs.Stat(m); err == nil && !st.IsDir() && !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	sort.Strings(out)
	return out, diags
}

// tagged is the plan for one set of tags: the pages filtered and the code
// blocks analysed.
type tagged struct {
	once  sync.Once
	tags  map[string]bool
	docs  []*content.Doc
	plan  *snippets.Plan
	diags content.Diagnostics
	// highlight is the run's: a code block's highlighting depends on
	// its language and personalized text only.
	highlight *site.Highlighter
	// assets is the run's too
	assets *assetCache
	// sources are the local source files of the pages, included ones
	// too, each with its plan for these tags: worked out for the first
	// client and shared by the others (a panic reaches every client, as
	// sync.OnceValue repeats it)
	sources func() []plannedSource
}

// A plannedSource is a local source file of the pages and its plan.
type plannedSource struct {
	file sourceFile
	plan *sourcePlan
}

// planSources returns the local source files of pages, the pages'
// included files too, each with its plan for tags.
func planSources(pages []*content.Doc, tags map[string]bool) []plannedSource {
	var out []plannedSource
	for _, sf := range content.Sources(pages, nil) {
		if isLocal(sf.File.Name) {
			out = append(out, plannedSource{sf, planSource(sf, tags)})
		}
	}
	return out
}

// plans caches one plan per set of tags: clients with the same tags share
// it, and the highlighting of code blocks and the files the site copies,
// which every plan shares. It also holds the run's one listing of the
// output directory.
type plans struct {
	mu        sync.Mutex
	m         map[string]*tagged
	highlight site.Highlighter
	assets    assetCache
	stale     staleTrees
}

func (ps *plans) get(p *Project, tags []string) *tagged {
	sorted := append([]string(nil), tags...)
	sort.Strings(sorted)
	key := strings.Join(sorted, "\x00")
	ps.mu.Lock()
	if ps.m == nil {
		ps.m = map[string]*tagged{}
	}
	t := ps.m[key]
	if t == nil {
		t = &tagged{tags: map[string]bool{}, highlight: &ps.highlight, assets: &ps.assets}
		for _, s := range append(sorted, values.BuilderTags...) {
			t.tags[s] = true
		}
		t.sources = sync.OnceValue(func() []plannedSource { return planSources(p.Pages, t.tags) })
		ps.m[key] = t
	}
	ps.mu.Unlock()
	t.once.Do(func() {
		defer func() {
			// A failed analysis must not leave a nil plan for the other
			// clients with these tags: they get the error too.
			if e := recover(); e != nil {
				t.plan = &snippets.Plan{}
				t.diags.Errorf(content.Position{}, "internal error while analysing the code blocks: %v", e)
			}
		}()
		t.docs = filterDocs(p.Pages, t.tags)
		// the code blocks every client shows alike are highlighted on
		// another core while the analysis runs
		primed := make(chan struct{})
		go func() {
			defer close(primed)
			defer func() { recover() }() // a build highlights what is left
			t.highlight.Prime(t.docs, p.sphinx.highlight)
		}()
		defer func() { <-primed }()
		t.plan, t.diags = snippets.AnalyzeTags(t.docs, t.tags)
	})
	return t
}

// Build builds every client: the personalized site and source, and the
// files to install. Each client's output is written whole or not at all;
// one client's errors neither stop nor spoil the others.
func (p *Project) Build(opts Options) *Run {
	run := &Run{}
	files, diags := p.ValuesFiles(opts.Values)
	run.Diags.Append(diags)
	if len(files) == 0 && !diags.HasErrors() {
		run.Diags.Errorf(content.Position{Filename: p.Dir}, "no values files: give --values FILE or put clients in %s", p.Clients)
	}
	// the near misses of the pages are looked for while the clients build
	nearMisses := make(chan content.Diagnostics, 1)
	go func() {
		defer func() {
			if e := recover(); e != nil {
				var d content.Diagnostics
				d.Errorf(content.Position{Filename: p.Dir}, "internal error while checking the placeholders of the pages: %v", e)
				nearMisses <- d
			}
		}()
		nearMisses <- check.NearMisses(p.Pages, p.declared())
	}()
	out := opts.Out
	if out == "" {
		out = path.Join(p.Dir, "out")
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	var ps plans
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	// Two values files with one base name would write one directory,
	// unless they are one file named two ways (clients/*.toml and
	// ./clients/acme.toml): then it is built once.
	byName := map[string][]string{}
	var unique []string
	for _, f := range files {
		name := clientName(f)
		if same := byName[name]; len(same) > 0 && sameContent(p.Fs, same[0], f) {
			continue
		}
		byName[name] = append(byName[name], f)
		unique = append(unique, f)
	}
	files = unique
	results := make([]*Result, len(files))
	// one client, often: its pages render on the cores it leaves idle
	opts.pageJobs = max(1, runtime.GOMAXPROCS(0)/min(jobs, max(len(files), 1)))
	for i, f := range files {
		if same := byName[clientName(f)]; len(same) > 1 {
			r := &Result{Values: f, Client: clientName(f)}
			r.Diags.Errorf(content.Position{Filename: f}, "client name %s is also the name of %s: rename one of the values files", r.Client, strings.Join(others(same, f), " and "))
			results[i] = r
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(i int, f string) {
			defer wg.Done()
			defer func() { <-sem }()
			r := p.buildClient(f, out, opts, &ps)
			if opts.Lean {
				for k := range r.Files {
					r.Files[k] = nil
				}
			}
			if r.Failed() && !opts.DryRun && r.Client != "" {
				if dir := path.Join(out, r.Client); isClientOutput(p.Fs, dir) {
					r.Stale = dir
				}
			}
			results[i] = r
			if opts.Progress != nil {
				mu.Lock()
				done++
				opts.Progress(done, len(files))
				mu.Unlock()
			}
		}(i, f)
	}
	wg.Wait()
	run.Diags.Append(<-nearMisses)
	// The plan's own diagnostics are the tutorial's: report them once.
	for _, t := range ps.m {
		run.Diags.Append(t.diags)
	}
	run.Diags.Append(p.unreached(results))
	run.Diags.Sort()
	run.Clients = results
	return run
}

// sameContent reports whether two files hold the same bytes.
func sameContent(fsys afero.Fs, a, b string) bool {
	da, errA := limit.ReadFile(fsys, a, limit.MaxTOML)
	db, errB := limit.ReadFile(fsys, b, limit.MaxTOML)
	return errA == nil && errB == nil && bytes.Equal(da, db)
}

// clientName is a values file's client: its base name without extension.
func clientName(file string) string {
	base := path.Base(file)
	return strings.TrimSuffix(base, path.Ext(base))
}

func others(list []string, not string) []string {
	var out []string
	for _, x := range list {
		if x != not {
			out = append(out, x)
		}
	}
	return out
}

func (p *Project) declared() []string {
	names := make([]string, 0, len(p.Decls))
	for n := range p.Decls {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// LoadValues reads one client's values file with the project's
// declarations.
func (p *Project) LoadValues(file string, getenv func(string) (string, bool)) (*values.Values, content.Diagnostics) {
	return values.Load(p.Fs, file, values.Options{Decls: p.Decls, Ignore: p.Ignore, Getenv: getenv, PlainUses: p.plainUses})
}

// plainUses counts the times the pages write word as a word of its own
// (your_domain in "/etc/nginx/sites-available/your_domain"), not after
// "$" or "{". The words of the pages are counted once, for every client.
func (p *Project) plainUses(word string) int {
	p.wordsOnce.Do(func() {
		p.words = map[string]int{}
		isWord := func(b byte) bool {
			return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
		}
		for _, sf := range content.Sources(p.Pages, nil) {
			src := sf.File.Src
			for i := 0; i < len(src); {
				if !isWord(src[i]) {
					i++
					continue
				}
				j := i
				for j < len(src) && isWord(src[j]) {
					j++
				}
				if i == 0 || src[i-1] != '$' && src[i-1] != '{' {
					p.words[string(src[i:j])]++
				}
				i = j
			}
		}
	})
	return p.words[word]
}

// buildClient builds one client, in memory, then writes it.
func (p *Project) buildClient(file, out string, opts Options, ps *plans) (r *Result) {
	r = &Result{Values: file, Client: clientName(file)}
	defer func() {
		if e := recover(); e != nil {
			r.Diags.Errorf(content.Position{Filename: file}, "internal error while building this client: %v", e)
			r.Files = nil
		}
	}()
	vals, diags := p.LoadValues(file, opts.Getenv)
	r.Diags.Append(diags)
	defer func() {
		// No message about this client shows one of its secrets, whatever
		// path, command or file it quotes.
		secrets := longestFirst(vals.Secrets())
		for i := range r.Diags {
			r.Diags[i].Msg = maskSecrets(r.Diags[i].Msg, secrets)
		}
	}()
	if vals == nil {
		return r
	}
	r.Tags = vals.Tags // what content the client would see, for the run's checks, even when it fails
	if diags.HasErrors() {
		// the values are wrong: what they would fill is not worth
		// checking, but the tutorial's own slips are
		t := ps.get(p, vals.Tags)
		set := map[string]bool{}
		for _, k := range vals.FileKeys() {
			set[k] = true
		}
		r.Diags.Append(p.undefined(t, vals, set))
		r.Diags.Sort()
		return r
	}
	p.buildValues(r, vals, opts.Validate, ps, !opts.DryRun, opts.pageJobs)
	if r.Files == nil || opts.DryRun {
		return r
	}
	// Generated values are kept before the output that uses them appears.
	if stateFile, data := vals.State(); data != nil {
		err := writeState(p.Fs, stateFile, vals.StateRead(), data)
		if errors.Is(err, errStateChanged) && !opts.retried {
			// another build generated values for this client meanwhile:
			// build with those, so that both outputs agree
			opts.retried = true
			return p.buildClient(file, out, opts, ps)
		}
		if err != nil {
			r.Diags.Errorf(content.Position{Filename: stateFile}, "cannot keep generated values: %v", err)
			r.Files = nil
			return r
		}
	}
	dir := path.Join(out, vals.Client)
	if err := writeTree(p.Fs, out, vals.Client, r.Files, r.Modes, &ps.stale); err != nil {
		r.Diags.Errorf(content.Position{Filename: dir}, "cannot write output: %v", err)
		r.Files = nil
		return r
	}
	r.Dir = dir
	return r
}

// buildValues builds one client's output in memory from its values,
// into r.Files and r.Modes, which stay nil when it fails.
// keep says that the generated values that no state file holds yet will
// be kept if the build succeeds; else they are pending: the docs mask
// them, and Diff does not compare the files that hold them.
// pageJobs bounds how many of its pages render at once.
func (p *Project) buildValues(r *Result, vals *values.Values, validate func(string, []byte) error, ps *plans, keep bool, pageJobs int) {
	r.Client = vals.Client
	r.Tags = vals.Tags
	t := ps.get(p, vals.Tags)
	fill := newFiller(vals, p.Ignore)
	r.Diags.Append(p.undefined(t, vals, nil))
	r.Diags.Append(p.unusedKeys(vals))
	if r.Diags.HasErrors() {
		validate = nil // the files are not what they will be; the rest is checked all the same
	}
	var pending []string
	if !keep {
		pending = vals.Pending()
	}
	files, modes, diags := p.render(t, vals, fill, validate, pending, pageJobs)
	r.Diags.Append(diags)
	r.Diags.Sort()
	if r.Diags.HasErrors() {
		return
	}
	if p.broken || t.diags.HasErrors() {
		// The tutorial itself has errors, reported once for the run:
		// no client's output is written from it.
		r.blocked = true
		return
	}
	r.Files, r.Modes = files, modes
	r.secrets = longestFirst(vals.Secrets())
	for _, s := range r.secrets {
		for name := range files {
			if s.Text != "" && strings.Contains(name, s.Text) {
				r.named = append(r.named, s)
				break
			}
		}
	}
	for _, n := range pending {
		if v, _ := vals.Get(n); v.Source == values.Generated && v.Text != "" {
			r.pending = append(r.pending, v)
		}
	}
}

// sphinxBuilderTag reports whether a tag is one Sphinx sets for a builder
// other than HTML's: content for a printed book or a man page, which no
// client of tailor has and no check should complain about.
func sphinxBuilderTag(t string) bool {
	switch t {
	case "latex", "epub", "text", "man", "texinfo", "xml", "pseudoxml", "gettext", "linkcheck", "changes", "dummy":
		return true
	}
	return strings.HasPrefix(t, "format_") || strings.HasPrefix(t, "builder_")
}

// unreached warns about conditional content that no client of the run
// sees, and about tags that no client has.
func (p *Project) unreached(results []*Result) content.Diagnostics {
	var diags content.Diagnostics
	var sets []map[string]bool // one per distinct set of tags
	have := map[string]bool{}
	seen := map[string]bool{}
	for _, r := range results {
		if r == nil || r.Client == "" || r.Failed() && r.Tags == nil {
			continue
		}
		key := strings.Join(slices.Sorted(slices.Values(r.Tags)), "\x00")
		if seen[key] {
			continue
		}
		seen[key] = true
		set := map[string]bool{}
		for _, tags := range [][]string{r.Tags, values.BuilderTags} {
			for _, t := range tags {
				set[t] = true
				have[t] = true
			}
		}
		sets = append(sets, set)
	}
	if len(sets) == 0 {
		return diags
	}
	reported := map[string]bool{}
	for _, sf := range content.Sources(p.Pages, nil) {
		content.Walk(sf.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
			if _, ok := b.(*content.Include); ok {
				return false // a source file of its own
			}
			o, ok := b.(*content.Only)
			if !ok {
				return true
			}
			e, err := content.ParseTagExpr(o.Expr)
			if err != nil {
				return true
			}
			pos := sf.File.Position(o.Start)
			var missing []string
			other := false // a tag of another Sphinx builder: "only:: latex"
			for _, name := range e.Names() {
				switch {
				case have[name]:
				case sphinxBuilderTag(name):
					other = true
				default:
					missing = append(missing, fmt.Sprintf("%q", name))
				}
			}
			reached := false
			for _, set := range sets {
				if e.Eval(set) {
					reached = true
					break
				}
			}
			switch {
			case !reached && other && len(missing) == 0:
				// for a printed book, not for a runbook
			case !reached && len(missing) > 0:
				diags.Warnf(pos, "no client sees this content: no client has the tag %s", strings.Join(missing, " or "))
			case !reached:
				diags.Warnf(pos, "no client sees this content: its condition %q holds for no client", o.Expr)
			default:
				for _, m := range missing {
					if !reported[m] {
						reported[m] = true
						diags.Warnf(pos, "no client has the tag %s", m)
					}
				}
			}
			return true
		})
	}
	return diags
}

// unusedKeys warns about values the tutorial never uses.
func (p *Project) unusedKeys(vals *values.Values) content.Diagnostics {
	var diags content.Diagnostics
	used := map[string]bool{}
	for _, sf := range content.Sources(p.Pages, nil) {
		for _, r := range placeholder.Scan(sf.File.Text()) {
			used[r.Name] = true
		}
	}
	for _, r := range placeholder.Scan(p.Title + "\n" + p.look.htmlTitle + "\n" + p.look.footer) {
		used[r.Name] = true // the site shows them
	}
	for _, n := range vals.Names() {
		if v, _ := vals.Get(n); v != nil {
			for _, u := range v.Uses {
				used[u] = true
			}
		}
	}
	var usedList []string
	for n := range used {
		usedList = append(usedList, n)
	}
	sort.Strings(usedList)
	near := placeholder.NewSuggester(usedList)
	for _, k := range vals.FileKeys() {
		if used[k] {
			continue
		}
		hint := ""
		if s := near.Suggest(k); s != "" {
			hint = fmt.Sprintf(" (did you mean %s?)", s)
		}
		diags.Warnf(vals.KeyPos(k), "%s is not used by the tutorial%s", k, hint)
	}
	tags := p.tagNames()
	for _, t := range vals.Tags {
		if slices.Contains(tags, t) || sphinxBuilderTag(t) || slices.Contains(values.BuilderTags, t) {
			continue
		}
		hint := ""
		if s := placeholder.Suggest(t, tags); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		diags.Warnf(vals.TagsPos(), "tag %q selects no content of the tutorial%s", t, hint)
	}
	return diags
}

// render makes every output file of one client.
func (p *Project) render(t *tagged, vals *values.Values, fill *filler, validate func(string, []byte) error, pending []string, pageJobs int) (map[string][]byte, map[string]os.FileMode, content.Diagnostics) {
	var diags content.Diagnostics
	files := map[string][]byte{}
	modes := map[string]os.FileMode{"install.sh": 0o755}

	paths := &pathSecrets{filler: fill, used: map[string]bool{}}
	out, ds := t.plan.Render(vals.Client, paths)
	diags.Append(ds)
	out.Manifest.Project = p.Name()
	for _, name := range slices.Sorted(maps.Keys(paths.used)) {
		v, _ := vals.Get(name)
		out.Manifest.Masks = append(out.Manifest.Masks, manifest.Mask{Value: v.Text, Shown: Mask(name)})
	}
	if len(out.Manifest.Masks) > 0 || slices.ContainsFunc(out.Manifest.Files, func(f manifest.File) bool { return f.Secret }) {
		// A secret value is in a path, an owner or an anchor, or the
		// SHA-256 of a file holding one is, which gives a short secret
		// away to whoever tries its values: the manifest and the script
		// hold it as the files holding secrets do, readable by their
		// owner only (masking it there would make them wrong).
		modes["manifest.json"] = 0o600
		modes["install.sh"] = 0o700
	}
	if len(out.Manifest.Masks) > 0 {
		// what the script prints masks the value, and the names of
		// rootfs/ and fragments/ hold it
		modes["rootfs"] = 0o700
		modes["fragments"] = 0o700
	}
	if validate != nil && !ds.HasErrors() {
		for _, c := range out.Checks {
			if err := validate(c.Command, out.Files[c.Name]); err != nil {
				diags.Errorf(c.Pos, "%s does not pass %q: %s", strings.TrimPrefix(strings.TrimPrefix(c.Name, "rootfs"), "fragments"), c.Command, err)
			}
		}
	}
	for k, v := range out.Files {
		files[k] = v
	}
	for _, f := range out.Manifest.Files {
		name := "rootfs" + f.Path
		if f.Kind == manifest.KindFragment {
			name = "fragments" + f.Path
		}
		switch {
		case f.Kind == manifest.KindFile && f.Mode != "":
			var m uint32
			fmt.Sscanf(f.Mode, "%o", &m)
			modes[name] = os.FileMode(m) & 0o777
		case f.Secret:
			modes[name] = 0o600
		}
	}
	if err := out.Manifest.Validate(); err != nil && !ds.HasErrors() {
		// a last guard: what Render reports, at the block, comes first
		diags.Errorf(content.Position{Filename: "manifest.json"}, "%v", err)
	}

	// the docs show each value in a code block as the file or the shell
	// gets it
	codeLang := map[*content.Code]string{}
	for _, st := range t.plan.Steps {
		codeLang[st.Code] = st.QuotingLang()
	}

	// the docs: built from values whose secrets are sentinels, found
	// again in them only if a secret value would reach them; a value no
	// build keeps is masked too, as no build would show it
	docs := newFiller(docsValues(vals.WithSecret(pending)), p.Ignore)

	// the script, the manifest and the personalized source are written
	// while the site renders
	others := map[string][]byte{}
	var sourceDiags content.Diagnostics
	wrote := make(chan struct{})
	var panicked any
	go func() {
		defer close(wrote)
		defer func() { panicked = recover() }() // the build's recover reports it
		others["manifest.json"] = manifestJSON(out.Manifest)
		others["install.sh"] = out.Manifest.InstallScript()
		// the personalized source, included files too, and a Sphinx
		// book's conf.py, so that sphinx-build reads it as it reads
		// the book
		for _, sp := range t.sources() {
			others["source/"+path.Clean(sp.file.File.Name)] = personalSource(sp.file, sp.plan, docs, codeLang, &sourceDiags)
		}
		if p.sphinxConf != nil {
			others["source/conf.py"] = p.sphinxConf
		}
	}()

	// the site
	notes := map[*content.Code]string{}
	for _, st := range t.plan.Steps {
		if st.Op == snippets.OpNone || st.Op == snippets.OpSkip || st.Target == "" {
			continue
		}
		target, _ := docs.Docs(st.Target)
		notes[st.Code] = noteFor(st.Op) + " " + target
	}
	pages := make([]site.Page, len(t.docs))
	for i, d := range t.docs {
		pages[i] = site.Page{Doc: d, Path: pagePath(d.File.Name)}
	}
	subOff := map[*content.Code]bool{}
	for _, st := range t.plan.Steps {
		if !st.Subst {
			subOff[st.Code] = true
		}
	}
	title := p.Title
	if p.look.htmlTitle != "" {
		title = p.look.htmlTitle
	}
	s, ds := site.Build(pages, site.Options{
		Title:  title,
		Client: vals.Client,
		Fill: func(n content.Node, text string) (string, []site.Filled) {
			if c, ok := n.(*content.Code); ok {
				switch {
				case subOff[c]:
					return text, nil
				case text == c.Text:
					return docs.DocsCode(text, codeLang[c]) // as the files and the shell get them
				}
			}
			return docs.Docs(text)
		},
		Note:              func(c *content.Code) string { return notes[c] },
		HighlightLanguage: p.sphinx.highlight,
		Highlighter:       t.highlight,
		Theme:             p.look.theme,
		CSS:               p.look.css,
		Logo:              p.look.logo,
		Footer:            p.look.footer,
		Install:           siteInstall(out.Manifest, vals, fill),
		Jobs:              pageJobs,
	})
	<-wrote
	if panicked != nil {
		panic(panicked)
	}
	maps.Copy(files, others)
	diags.Append(sourceDiags)
	diags.Append(ds)
	for _, f := range s.Files {
		files["site/"+f.Path] = f.Data
	}
	where := assetPositions(t.docs, docs)
	for _, a := range s.Assets {
		clean := path.Clean(a)
		use, ok := where[clean]
		if !ok {
			use = assetUse{pos: content.Position{Filename: a}, what: "linked file"}
		}
		if !isLocal(clean) {
			diags.Warnf(use.pos, "%s %s is outside the content directory: not copied", use.what, a)
			continue
		}
		data, err := t.assets.read(p, path.Join(p.Dir, p.Content, clean))
		if errors.Is(err, errOutside) || errors.Is(err, errAbsolute) {
			diags.Warnf(use.pos, "%s %s: %v; not copied", use.what, a, err)
			continue
		}
		if err != nil {
			if use.what == "image" {
				diags.Warnf(use.pos, "image %s not found: the site shows its alternative text", a)
			} else {
				diags.Warnf(use.pos, "linked file %s not found: the link leads nowhere", a)
			}
			continue
		}
		files["site/"+clean] = data
	}
	diags.Append(leaks(files, vals, p.Pages))
	return files, modes, diags
}

// An assetCache holds the local files that the site copies (images,
// linked files) as the first client read them, so that every other client
// of the run copies them with no reading, up to maxCachedAssets bytes in
// all: a file whose path holds a value, read anew for each client, fills
// it once and is then read for each client as before. It is safe for
// concurrent use; the zero value is ready to use.
type assetCache struct {
	mu    sync.Mutex
	m     map[string]assetRead
	bytes int
}

// An assetRead is what reading a file gave.
type assetRead struct {
	data []byte
	err  error
}

// maxCachedAssets bounds what an assetCache holds, counting each file
// at 256 bytes at least.
const maxCachedAssets = 16 << 20

// read returns the file at name as readInside does, from the cache when a
// client read it before. The bytes are shared: callers must not change
// them.
func (c *assetCache) read(p *Project, name string) ([]byte, error) {
	c.mu.Lock()
	r, ok := c.m[name]
	c.mu.Unlock()
	if ok {
		return r.data, r.err
	}
	data, err := readInside(p.Fs, p.Dir, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return data, err // it may read for the next client
	}
	size := max(len(data), 256)
	c.mu.Lock()
	if c.bytes+size <= maxCachedAssets {
		if c.m == nil {
			c.m = map[string]assetRead{}
		}
		if _, ok := c.m[name]; !ok {
			c.m[name] = assetRead{data, err}
			c.bytes += size
		}
	}
	c.mu.Unlock()
	return data, err
}

// An assetUse is where a local file is first used: an image or a link.
type assetUse struct {
	pos  content.Position
	what string // "image" or "linked file"
}

// assetPositions maps the images and linked files of the pages, relative
// to the content directory, to where they are first used.
func assetPositions(docs []*content.Doc, fill *filler) map[string]assetUse {
	out := map[string]assetUse{}
	add := func(f *content.File, uri string, off int, what string) {
		if strings.Contains(uri, "://") || strings.HasPrefix(uri, "data:") {
			return
		}
		uri, _ = fill.Docs(uri) // the site names files as it shows them
		if i := strings.IndexAny(uri, "?#"); i >= 0 {
			uri = uri[:i]
		}
		p := path.Clean(path.Join(path.Dir(f.Name), uri))
		if strings.HasPrefix(uri, "/") {
			p = path.Clean(strings.TrimPrefix(uri, "/"))
		}
		if _, ok := out[p]; !ok {
			out[p] = assetUse{pos: f.Position(off), what: what}
		}
	}
	var inlines func(f *content.File, ins []content.Inline)
	inlines = func(f *content.File, ins []content.Inline) {
		for _, in := range ins {
			switch n := in.(type) {
			case *content.InlineImage:
				add(f, n.URI, n.Start, "image")
			case *content.Link:
				if n.URL != "" {
					add(f, n.URL, n.Start, "linked file")
				}
				inlines(f, n.Children)
			case *content.Emphasis:
				inlines(f, n.Children)
			case *content.Strong:
				inlines(f, n.Children)
			case *content.SubstRef:
				inlines(f, n.Children) // |logo| with ".. |logo| image::"
			case *content.Role:
				if n.Name == "download" {
					add(f, n.Target, n.Start, "linked file")
				}
			}
		}
	}
	for _, d := range docs {
		content.Walk(d.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
			switch n := b.(type) {
			case *content.Image:
				add(d.File, n.URI, n.Start, "image")
			case *content.Figure:
				if n.Image != nil {
					add(d.File, n.Image.URI, n.Start, "image")
				}
			case *content.Paragraph:
				inlines(d.File, n.Inlines)
			}
			return true
		})
	}
	return out
}

func noteFor(op snippets.Op) string {
	switch op {
	case snippets.OpCreate:
		return "create"
	case snippets.OpAppend:
		return "append to"
	case snippets.OpInsert:
		return "insert into"
	case snippets.OpCheck:
		return "check"
	}
	return string(op)
}

// pagePath is the site path of a page: its name with ".html".
func pagePath(name string) string {
	return strings.TrimSuffix(name, path.Ext(name)) + ".html"
}

// longestFirst sorts secret values longest first, for maskSecrets: a
// client's secrets are listed and sorted once for all the messages and
// texts they are masked in.
func longestFirst(secrets []*values.Value) []*values.Value {
	sort.SliceStable(secrets, func(i, j int) bool { return len(secrets[i].Text) > len(secrets[j].Text) })
	return secrets
}

// maskSecrets masks secret values, sorted longest first so that no part
// of one is left showing, in msg, in every form of secretForms.
func maskSecrets(msg string, secrets []*values.Value) string {
	for _, s := range secrets {
		if s.Text != "" {
			for _, f := range secretForms(s.Text) {
				msg = replaceSecret(msg, f, Mask(s.Name))
			}
		}
	}
	return msg
}

// replaceSecret replaces the occurrences of a secret value in msg. A
// value shorter than 8 bytes is replaced only where it stands apart from
// letters and digits: a secret "e" must not turn every word of a message
// into masks, and a message never quotes a value inside a word.
func replaceSecret(msg, secret, mask string) string {
	if len(secret) >= 8 {
		return strings.ReplaceAll(msg, secret, mask)
	}
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	first, _ := utf8.DecodeRuneInString(secret)
	last, _ := utf8.DecodeLastRuneInString(secret)
	var b strings.Builder
	from := 0
	for {
		i := strings.Index(msg[from:], secret)
		if i < 0 {
			b.WriteString(msg[from:])
			return b.String()
		}
		i += from
		end := i + len(secret)
		before, _ := utf8.DecodeLastRuneInString(msg[:i])
		after, _ := utf8.DecodeRuneInString(msg[end:])
		apart := (i == 0 || !isWord(before) || !isWord(first)) && (end == len(msg) || !isWord(after) || !isWord(last))
		b.WriteString(msg[from:i])
		if apart {
			b.WriteString(mask)
		} else {
			b.WriteString(secret)
		}
		from = end
	}
}

// distinctive reports whether a secret value is unlikely to be a word of
// a page by chance: long, with a digit or a symbol among its letters.
func distinctive(v string) bool {
	if len(v) >= 16 {
		return true
	}
	if len(v) < 8 {
		return false
	}
	return strings.IndexFunc(v, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0
}

// leaks is the last guard of the rule that a secret never reaches the
// docs. The docs are built from sentinels in place of the secret values
// (docsValues): none may show in site/ or source/, escaped in any way.
// And a distinctive secret value, in any of its forms, must not show in
// them more often than the tutorial's own text shows it (a value made
// public by a declaration may hold it).
func leaks(files map[string][]byte, vals *values.Values, pages []*content.Doc) content.Diagnostics {
	var diags content.Diagnostics
	secrets := vals.Secrets()
	if len(secrets) == 0 {
		return diags
	}
	names := make([]string, 0, len(files))
	for k := range files {
		if (strings.HasPrefix(k, "site/") || strings.HasPrefix(k, "source/")) && !strings.HasPrefix(k, "site/_static/") {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, s := range secrets {
		needles := []needle{newNeedle([]byte(sentinel(s.Name)))}
		if distinctive(s.Text) { // "root" or "admin" are words of any page
			for _, f := range secretForms(s.Text) {
				needles = append(needles, newNeedle([]byte(f)))
			}
		}
	found:
		for _, needle := range needles {
			allowed := -1 // how often the pages show it themselves, counted when it shows at all
			for _, k := range names {
				n := needle.count(files[k])
				if n == 0 {
					continue
				}
				if allowed < 0 {
					allowed = 0
					for _, d := range pages {
						allowed += needle.count(d.File.Src)
					}
				}
				if n > allowed {
					diags.Errorf(content.Position{Filename: vals.File}, "the secret value of %s would show in %s: refusing to write the docs", s.Name, k)
					break found
				}
			}
		}
	}
	return diags
}
