package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/content/markdown"
	"github.com/tailordocs/tailor/content/rst"
	"github.com/tailordocs/tailor/internal/fserr"
	"github.com/tailordocs/tailor/internal/limit"
	"github.com/tailordocs/tailor/internal/tomlpos"
	"github.com/tailordocs/tailor/placeholder"
	"github.com/tailordocs/tailor/values"
)

// ConfigFile is the name of a project's settings file.
const ConfigFile = "tailor.toml"

// A Project is a tutorial, read and parsed once: its settings, its pages
// in reading order and the placeholder declarations. A Project is safe for
// concurrent use by the builds of several clients.
type Project struct {
	// Fs holds the project; Dir is the project directory on it ("." for
	// the current directory of an OS file system).
	Fs  afero.Fs
	Dir string
	// Title is the tutorial's title: tailor.toml's title, else the title
	// of the first page.
	Title string
	// Content is the directory of the pages, relative to Dir.
	Content string
	// Pages are the parsed pages in reading order. Their File.Name is
	// relative to the content directory.
	Pages []*content.Doc
	// Decls are the placeholder declarations, by name.
	Decls map[string]*values.Decl
	// Ignore holds names that are never placeholders.
	Ignore map[string]bool
	// Clients is the glob of the default values files, relative to Dir.
	Clients string

	// broken is set when the pages have errors: no client is written then.
	broken bool
	// sources are the names of the pages and included files.
	sources map[string]bool
	// pagesPos and contentPos are where tailor.toml gives its pages list
	// and its content directory.
	pagesPos, contentPos content.Position
	// sphinxConf is the content directory's conf.py, copied into each
	// client's personalized source; sphinx is what tailor reads of it.
	sphinxConf []byte
	sphinx     sphinxConfig
	prolog     *content.File
	look       look
	// words counts the words of the pages, for plainUses.
	wordsOnce sync.Once
	words     map[string]int
}

// SourcePath returns where a page or included file named in a diagnostic
// is, relative to the project's file system (the -C directory joined with
// the content directory), so that messages can be opened from where tailor
// runs. Other names are returned as they are.
func (p *Project) SourcePath(name string) string {
	if p == nil || !p.sources[name] {
		return name
	}
	return path.Join(p.Dir, p.Content, name)
}

// Name is the project's name in the markers around the blocks install.sh
// merges into files: its title in lower case, with a "-" for each run of
// characters other than letters and digits ("production-settings-for-a-
// django-site"), or "tutorial" when it has no title. It stays the same
// wherever the project is checked out.
func (p *Project) Name() string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(p.Title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
		if b.Len() >= 64 {
			break
		}
	}
	if b.Len() == 0 {
		return "tutorial"
	}
	return b.String()
}

var configKeys = []string{"clients", "content", "css", "footer", "html_title", "ignore", "logo", "pages", "placeholders", "title"}

// Load reads the project in dir: tailor.toml if there is one, and every
// page, parsed once. The diagnostics cover the settings and the pages.
// Load returns a nil Project when the project cannot be used at all.
func Load(fsys afero.Fs, dir string) (*Project, content.Diagnostics) {
	var diags content.Diagnostics
	p := &Project{Fs: fsys, Dir: path.Clean(dir), Content: ".", Clients: "clients/*.toml", Ignore: map[string]bool{}}
	var pages []string
	cfgPath := path.Join(p.Dir, ConfigFile)
	var bound *limit.PosError
	if src, err := limit.ReadTOML(fsys, cfgPath); err == nil {
		pages = p.readConfig(src, &diags)
	} else if errors.As(err, &bound) {
		bound.Pos.Filename = ConfigFile
		diags.Errorf(bound.Pos, "%s", bound.Msg)
	} else if !errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(content.Position{Filename: ConfigFile}, "cannot read %s: %s", ConfigFile, fserr.Why(err))
	}
	if diags.HasErrors() {
		return nil, diags
	}
	p.readLook(&diags)
	contentDir := path.Join(p.Dir, p.Content)
	if st, err := fsys.Stat(contentDir); err != nil || !st.IsDir() {
		if p.Content == "." {
			diags.Errorf(content.Position{Filename: p.Dir}, "project directory %s does not exist", p.Dir)
		} else {
			diags.Errorf(p.contentPos, "content directory %s does not exist", contentDir)
		}
		return nil, diags
	}
	files, err := contentFiles(fsys, contentDir)
	if err != nil {
		diags.Errorf(content.Position{Filename: contentDir}, "cannot list pages: %v", err)
		return nil, diags
	}
	if len(files) == 0 {
		diags.Errorf(content.Position{Filename: contentDir}, "no .rst or .md pages in %s", contentDir)
		return nil, diags
	}
	if data, err := readInside(fsys, p.Dir, path.Join(contentDir, "conf.py")); err == nil {
		p.sphinxConf = data
		p.sphinx = readSphinxConf(data)
		if p.sphinx.prolog != "" {
			p.prolog = content.NewFile("conf.py rst_prolog", []byte(p.sphinx.prolog))
		}
	}
	docs := map[string]*content.Doc{}
	iofs := contentFS(fsys, p.Dir, contentDir)
	included := map[string]bool{}
	parsed, parseDiags := p.parseAll(iofs, contentDir, files)
	for i, name := range files {
		diags.Append(parseDiags[i])
		d := parsed[i]
		if d == nil {
			continue
		}
		docs[name] = d
		content.Walk(d.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
			if inc, ok := b.(*content.Include); ok && inc.File != nil {
				included[inc.File.Name] = true
			}
			return true
		})
	}
	p.Pages = p.order(docs, files, included, pages, &diags)
	stems := map[string]string{}
	for _, d := range p.Pages {
		stem := pagePath(d.File.Name)
		if other, ok := stems[stem]; ok {
			diags.Errorf(content.Position{Filename: d.File.Name}, "%s and %s would both be the page %s: rename one", other, d.File.Name, stem)
		}
		stems[stem] = d.File.Name
	}
	if p.Title == "" && len(p.Pages) > 0 {
		p.Title = p.Pages[0].Title
	}
	p.sources = map[string]bool{}
	for _, sf := range content.Sources(p.Pages, nil) {
		p.sources[sf.File.Name] = true
	}
	for _, name := range files {
		p.sources[name] = true
	}
	diags.Sort()
	p.broken = diags.HasErrors()
	return p, diags
}

// readConfig reads tailor.toml and returns its pages list.
func (p *Project) readConfig(src []byte, diags *content.Diagnostics) []string {
	var tree map[string]any
	if _, err := toml.Decode(string(src), &tree); err != nil {
		pos, msg := values.TOMLError(ConfigFile, src, err)
		diags.Errorf(pos, "%s", msg)
		return nil
	}
	ix := tomlpos.Index(src)
	at := func(key string) content.Position { return ix.At(ConfigFile, key, false) }
	atValue := func(key string) content.Position { return ix.At(ConfigFile, key, true) }
	str := func(key string) string {
		v, ok := tree[key]
		if !ok {
			return ""
		}
		s, ok := v.(string)
		if !ok {
			diags.Errorf(atValue(key), "%s must be a string", key)
		}
		return s
	}
	list := func(key string) []string {
		v, ok := tree[key]
		if !ok {
			return nil
		}
		arr, ok := v.([]any)
		var out []string
		for _, x := range arr {
			s, isStr := x.(string)
			if !isStr {
				ok = false
				break
			}
			out = append(out, s)
		}
		if !ok {
			diags.Errorf(atValue(key), "%s must be an array of strings", key)
			return nil
		}
		return out
	}
	keys := make([]string, 0, len(tree))
	for k := range tree {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		found := false
		for _, ck := range configKeys {
			found = found || ck == k
		}
		if !found {
			hint := ""
			if s := placeholder.Suggest(k, configKeys); s != "" {
				hint = fmt.Sprintf(" (did you mean %s?)", s)
			}
			diags.Errorf(at(k), "unknown key %q in %s%s; known keys: %s", k, ConfigFile, hint, strings.Join(configKeys, ", "))
		}
	}
	p.Title = str("title")
	p.look.htmlTitle = str("html_title")
	p.look.footer = str("footer")
	p.look.logoName, p.look.logoPos = str("logo"), atValue("logo")
	p.look.cssNames, p.look.cssPos = list("css"), atValue("css")
	if c := str("content"); c != "" {
		p.contentPos = atValue("content")
		if path.IsAbs(c) || strings.HasPrefix(path.Clean(c), "..") {
			diags.Errorf(atValue("content"), "content %q must be a directory inside the project", c)
		} else {
			p.Content = path.Clean(c)
		}
	}
	if c := str("clients"); c != "" {
		if _, err := path.Match(c, ""); err != nil {
			diags.Errorf(atValue("clients"), "clients %q is not a valid glob pattern", c)
		} else {
			p.Clients = c
		}
	}
	for _, n := range list("ignore") {
		p.Ignore[n] = true
	}
	if v, ok := tree["placeholders"]; ok {
		t, isTable := v.(map[string]any)
		if !isTable {
			diags.Errorf(atValue("placeholders"), "placeholders must be a table of declarations, like [placeholders.DOMAIN]")
		} else {
			decls, ds := values.ParseDecls(t, src, ConfigFile)
			diags.Append(ds)
			p.Decls = decls
		}
	}
	p.pagesPos = atValue("pages")
	return list("pages")
}

// skipDirs are directories that never hold pages.
var skipDirs = map[string]bool{
	"_build": true, "node_modules": true, "out": true, "clients": true, "venv": true,
	"_static": true, "_templates": true, "site": true, "public": true,
}

// contentFiles lists the .rst and .md files under dir, relative to it,
// sorted, skipping hidden and build directories.
func contentFiles(fsys afero.Fs, dir string) ([]string, error) {
	var out []string
	root := dir
	if !strings.HasSuffix(root, "/") {
		root += "/" // a content directory that is a symbolic link is followed
	}
	err := afero.Walk(fsys, root, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			if p != root && errors.Is(err, fs.ErrNotExist) {
				return nil // gone since the listing: an editor's temporary file
			}
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, dir), "/")
		if dir == "." {
			rel = strings.TrimPrefix(p, "./")
		}
		name := info.Name()
		if info.IsDir() {
			if p != root && p != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") && name != "_" || skipDirs[name] || isClientOutput(fsys, p)) {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") {
			return nil
		}
		switch strings.ToLower(path.Ext(name)) {
		case ".rst", ".md", ".markdown":
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// isClientOutput reports whether dir is a client's output directory (it
// holds manifest.json and install.sh): its source/ copies are not pages,
// wherever --out put them.
func isClientOutput(fsys afero.Fs, dir string) bool {
	for _, name := range []string{"manifest.json", "install.sh"} {
		if st, err := fsys.Stat(path.Join(dir, name)); err != nil || st.IsDir() {
			return false
		}
	}
	return true
}

// parse reads and parses one page.
// parseAll parses the pages named in files on every core: each page's
// document and diagnostics at its index.
func (p *Project) parseAll(iofs fs.FS, dir string, files []string) ([]*content.Doc, []content.Diagnostics) {
	docs := make([]*content.Doc, len(files))
	diags := make([]content.Diagnostics, len(files))
	next := make(chan int, len(files))
	for i := range files {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				func() {
					defer func() {
						if e := recover(); e != nil {
							docs[i] = nil
							diags[i].Errorf(content.Position{Filename: files[i]}, "internal error while reading this page: %v", e)
						}
					}()
					docs[i], diags[i] = p.parse(iofs, dir, files[i])
				}()
			}
		}()
	}
	wg.Wait()
	return docs, diags
}

func (p *Project) parse(iofs fs.FS, dir, name string) (*content.Doc, content.Diagnostics) {
	var diags content.Diagnostics
	src, err := readInside(p.Fs, p.Dir, path.Join(dir, name))
	var bound *limit.PosError
	if errors.As(err, &bound) {
		bound.Pos.Filename = name
		diags.Errorf(bound.Pos, "%s", bound.Msg)
		return nil, diags
	}
	if err != nil {
		diags.Errorf(content.Position{Filename: name}, "cannot read page: %v", err)
		return nil, diags
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, size := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		diags.Errorf(content.NewFile(name, src).Position(off), "page is not UTF-8 text: byte 0x%02x", src[off])
		return nil, diags
	}
	f := content.NewFile(name, src)
	switch strings.ToLower(path.Ext(name)) {
	case ".rst":
		// "today" for the date substitution is the day the page last
		// changed, so that building it again gives the same bytes
		var changed time.Time
		if st, err := p.Fs.Stat(path.Join(dir, name)); err == nil {
			changed = st.ModTime()
		}
		subst := map[string]string{"today": changed.Format("Jan 02, 2006")} // Sphinx's default today_fmt
		for k, v := range p.sphinx.subst {
			subst[k] = v
		}
		return rst.Parse(f, rst.Options{FS: iofs, Now: func() time.Time { return changed }, Substitutions: subst, Prolog: p.prolog})
	default:
		return markdown.Parse(f)
	}
}

// order puts the pages in reading order: the toctree of index.rst, else
// the pages list of tailor.toml, else lexical order. Pages that only other
// pages include are not pages of their own.
func (p *Project) order(docs map[string]*content.Doc, files []string, included map[string]bool, pages []string, diags *content.Diagnostics) []*content.Doc {
	var out []*content.Doc
	seen := map[string]bool{}
	add := func(name string) bool {
		d := docs[name]
		if d == nil || seen[name] {
			return d != nil
		}
		seen[name] = true
		out = append(out, d)
		return true
	}
	byStem := func(stem string) string {
		for _, ext := range []string{".rst", ".md", ".markdown"} {
			if _, ok := docs[stem+ext]; ok {
				return stem + ext
			}
		}
		return ""
	}
	if index := byStem("index"); index != "" && hasToctree(docs[index]) {
		var visit func(name string)
		visit = func(name string) {
			if !add(name) {
				return
			}
			d := docs[name]
			dir := path.Dir(name)
			content.Walk(d.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
				tt, ok := b.(*content.Toctree)
				if !ok {
					return true
				}
				// As Sphinx: a glob entry takes the pages it matches, in
				// name order, but for this one and those listed before.
				listed := map[string]bool{name: true}
				for _, e := range tt.Entries {
					stem := tocStem(dir, e.Doc)
					if tt.Glob && strings.ContainsAny(e.Doc, "*?[") {
						for _, f := range files {
							ok, _ := path.Match(stem, pageStem(f))
							if ok && !listed[f] && !included[f] {
								listed[f] = true
								if !seen[f] {
									visit(f)
								}
							}
						}
						continue
					}
					target := byStem(stem)
					if target == "" {
						continue // the site reports it
					}
					listed[target] = true
					if !seen[target] {
						visit(target)
					}
				}
				return false
			})
		}
		visit(index)
		for _, name := range files {
			if !seen[name] && !included[name] {
				diags.Warnf(content.Position{Filename: name}, "page is in no toctree of %s: not built", index)
			}
		}
		return out
	}
	if len(pages) > 0 {
		for _, name := range pages {
			if !add(path.Clean(name)) {
				diags.Errorf(p.pagesPos, "pages lists %q, which is not a page of the content directory", name)
			}
		}
		for _, name := range files {
			if !seen[name] && !included[name] {
				diags.Warnf(content.Position{Filename: name}, "page is not in the pages list of %s: not built", ConfigFile)
			}
		}
		return out
	}
	for _, name := range files {
		if !included[name] {
			add(name)
		}
	}
	return out
}

// tocStem is the page a toctree entry of a page in dir names, without
// its suffix: "intro", "intro.rst" and "/chapters/a" as Sphinx reads them.
func tocStem(dir, entry string) string {
	entry = strings.TrimSpace(entry)
	entry = pageStem(entry)
	if strings.HasPrefix(entry, "/") {
		return path.Clean(strings.TrimPrefix(entry, "/"))
	}
	return path.Join(dir, entry)
}

// pageStem is a page name without its suffix.
func pageStem(name string) string {
	for _, ext := range []string{".rst", ".md", ".markdown", ".txt"} {
		if strings.HasSuffix(name, ext) {
			return strings.TrimSuffix(name, ext)
		}
	}
	return name
}

func hasToctree(d *content.Doc) bool {
	found := false
	content.Walk(d.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
		if _, ok := b.(*content.Toctree); ok {
			found = true
		}
		return !found
	})
	return found
}

// contentFS is the content directory as an fs.FS, for includes, whose
// links may not lead out of the project directory root.
func contentFS(fsys afero.Fs, root, dir string) fs.FS {
	return confinedFS{fsys: fsys, root: root, dir: path.Clean(dir), read: &includeBudget{}}
}
