package site

import (
	"html"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/tailordocs/tailor/content"
)

// An Install lists what the tutorial makes on a system, for the site's
// Files page: the files the runbook comes with and how to install them.
// Every text is shown as it is: secrets must be masked already.
type Install struct {
	Entries []Installed // in the order shown
	// Label names the tutorial and client in the comments that enclose
	// what install.sh merges into a file ("BEGIN tailor LABEL").
	Label string
}

// An Installed is one file, fragment, edit, directory, link or removal.
type Installed struct {
	// Kind is "file", "fragment", "edit", "dir", "link" or "removed".
	Kind string
	// Path is the absolute path on the system; Target is a link's target.
	Path, Target string
	// Mode, Owner and Group are "" when the tutorial does not set them.
	Mode, Owner, Group string
	// Secret reports that the content holds a secret.
	Secret bool
	// Sources are the code blocks and shell steps that made it.
	Sources []Source
}

// A Source is where the tutorial makes an entry: Doc is the source file
// (as content.File.Name), Line a line of the code block.
type Source struct {
	Doc  string
	Line int
	Op   string // create, append, insert, edit, check, chmod, ...
	By   string // the rule or annotation that decided
}

// contentOps are the operations that give a file its content: a code
// block's note links to the file it makes.
var contentOps = map[string]bool{"create": true, "append": true, "insert": true, "edit": true, "check": true}

// filesName is the Files page's path, unless a page has it.
const filesName = "files.html"

// A codeSpot is a code block with its page, its file and its lines.
type codeSpot struct {
	page        *pageInfo
	file        string // the file it is written in, when not the page's own
	code        *content.Code
	first, last int
}

// indexCode records where the code blocks of page p are, by source file,
// so that the Files page can link to them.
func (b *builder) indexCode(p *pageInfo) {
	v := &visitor{block: func(bl content.Block, f *content.File) bool {
		if c, ok := bl.(*content.Code); ok && c.Line > 0 && f != nil {
			n := strings.Count(c.Text, "\n") + 1
			spot := codeSpot{page: p, code: c, first: c.Line, last: c.Line + n - 1}
			if f != p.Doc.File {
				spot.file = f.Name
			}
			b.codeAt[f.Name] = append(b.codeAt[f.Name], spot)
		}
		return true
	}}
	v.blocks(p.Doc.Blocks, p.Doc.File)
}

// spotOf returns the code block that holds line of file doc: of a block
// on two pages (an included file), the first page's. The blocks of a
// file are sorted by their first line (see prepareFiles) and hold lines
// of their own, so that a binary search finds it.
func (b *builder) spotOf(doc string, line int) *codeSpot {
	spots := b.codeAt[doc]
	i := sort.Search(len(spots), func(i int) bool { return spots[i].first > line }) - 1
	if i < 0 || spots[i].last < line {
		return nil
	}
	for i > 0 && spots[i-1].first == spots[i].first {
		i-- // the first page that shows it
	}
	return &spots[i]
}

// prepareFiles gives an id to every entry of the Files page and to every
// code block an entry comes from, and links each block to the entry it
// gives content to.
func (b *builder) prepareFiles() {
	if b.opts.Install == nil {
		return
	}
	for _, spots := range b.codeAt {
		sort.SliceStable(spots, func(i, j int) bool { return spots[i].first < spots[j].first })
	}
	b.filesPage = filesName
	for b.byName[strings.TrimSuffix(b.filesPage, ".html")] != nil {
		b.filesPage = "_" + b.filesPage
	}
	used := map[string]int{}
	for i, e := range b.opts.Install.Entries {
		id := "file-" + classSafe(strings.ReplaceAll(e.Path, ".", "-"))
		if id == "file-" {
			id = "file"
		}
		used[id]++
		if used[id] > 1 {
			id += "-" + strconv.Itoa(used[id])
		}
		b.entryIDs = append(b.entryIDs, id)
		for _, s := range e.Sources {
			spot := b.spotOf(s.Doc, s.Line)
			if spot == nil {
				continue
			}
			if b.blockIDs[spot.code] == "" {
				b.blockIDs[spot.code] = blockID(spot)
			}
			if contentOps[s.Op] && b.blockEntry[spot.code] == "" {
				b.blockEntry[spot.code] = b.entryIDs[i]
			}
		}
	}
}

// blockID returns the id of a code block the Files page links to: its
// name's, or one made of its first line (and of its file, when the page
// includes it).
func blockID(s *codeSpot) string {
	if s.code.Name != "" {
		return anchorID("code", s.code.Name)
	}
	if s.file != "" {
		return "block-" + classSafe(s.file) + "-" + strconv.Itoa(s.first)
	}
	return "block-" + strconv.Itoa(s.first)
}

// kindNames are the headings of the Files page's groups.
var kindNames = []struct{ kind, title, about string }{
	{"file", "Whole files", "installed as they are, from <code>rootfs/</code>, keeping a backup of a different file already there"},
	{"fragment", "Fragments", "merged into files the system already has, from <code>fragments/</code>, between marker comments, so that installing again replaces them"},
	{"edit", "Edits", "keyed lines set in files the system already has, from <code>fragments/</code>"},
	{"dir", "Directories", "created with their modes and owners"},
	{"link", "Links", "symbolic links"},
	{"removed", "Removed", "removed by the tutorial, keeping a backup"},
}

// renderFiles renders the Files page.
func (b *builder) renderFiles(sink *pageOut) []byte {
	p := &pageInfo{Page: Page{Path: b.filesPage, Doc: &content.Doc{Title: "Files"}}, name: strings.TrimSuffix(b.filesPage, ".html"), srcDir: ".", srcRoot: "."}
	r := b.newRenderer(p, sink)
	in := b.opts.Install
	r.w(`<section>` + "\n" + `<h1 id="files">Files <a class="headerlink" href="#files" title="Link to this heading">¶</a></h1>` + "\n")
	r.w("<p>This runbook comes with the files it describes, made from the same text, in the client's output directory: ")
	r.w("<code>rootfs/</code> holds whole files at their paths, <code>fragments/</code> what goes into existing files, ")
	r.w("<code>manifest.json</code> all of it, and <code>install.sh</code> installs it.</p>\n")
	r.w(`<section>` + "\n" + `<h2 id="install">Installing <a class="headerlink" href="#install" title="Link to this heading">¶</a></h2>` + "\n")
	r.w("<p><code>install.sh</code> checks everything before it changes anything (owners exist, no path is a directory or a device, links stay inside the root), prints one line per change, and changes nothing when run again:</p>\n")
	r.w(`<figure class="code"><div class="highlight"><pre class="chroma"><code class="language-console">`)
	r.w(`<span class="gp">$ </span>sh install.sh --dry-run` + "\n")
	r.w(`<span class="gp">$ </span>sudo sh install.sh`)
	r.w("</code></pre></div></figure>\n")
	r.w("<p><code>--dry-run</code> lists what it would do, and what the system still lacks; <code>--root DIR</code> installs under another directory, for a test or an image. ")
	r.w("Whatever it replaces is kept in <code>/var/backups/tailor</code>; ")
	r.w("what it merges into a file stands between the comments <code>BEGIN tailor " + html.EscapeString(in.Label) + "</code> and <code>END tailor " + html.EscapeString(in.Label) + "</code>.</p>\n</section>\n")
	if len(in.Entries) == 0 {
		r.w("<p>The tutorial makes no file.</p>\n")
	}
	for _, k := range kindNames {
		var idx []int
		for i, e := range in.Entries {
			if e.Kind == k.kind {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			continue
		}
		id := "kind-" + k.kind
		r.w(`<section>` + "\n<h2")
		attr(r.out, "id", id)
		r.w(">" + k.title + ` <a class="headerlink" href="#` + id + `" title="Link to this heading">¶</a></h2>` + "\n")
		r.w("<p>" + strings.ToUpper(k.about[:1]) + k.about[1:] + ".</p>\n")
		for _, i := range idx {
			r.installed(in.Entries[i], b.entryIDs[i])
		}
		r.w("</section>\n")
	}
	r.w("</section>\n")
	d := b.pageData(r, p)
	d.Title = "Files — " + b.titleText
	d.Body = templateHTML(r.out.String())
	return b.execute(d, sink)
}

// installed writes the entry of one file, directory or link.
func (r *renderer) installed(e Installed, id string) {
	r.w(`<div class="installed"`)
	attr(r.out, "id", id)
	r.w(">\n<p class=\"installed-path\"><code>")
	escapeText(r.out, e.Path)
	r.w("</code>")
	if e.Kind == "link" {
		r.w(" → <code>")
		escapeText(r.out, e.Target)
		r.w("</code>")
	}
	if e.Secret {
		r.w(` <span class="badge secret-badge" title="its content is not shown in the docs">holds a secret</span>`)
	}
	r.w(` <a class="headerlink" title="Link to this entry"`)
	attr(r.out, "href", "#"+id)
	r.w(">¶</a></p>\n<dl class=\"field-list\">\n")
	var facts []string
	if e.Mode != "" {
		facts = append(facts, "mode <code>"+html.EscapeString(e.Mode)+"</code>")
	}
	if e.Owner != "" {
		facts = append(facts, "owner <code>"+html.EscapeString(e.Owner)+"</code>")
	}
	if e.Group != "" {
		facts = append(facts, "group <code>"+html.EscapeString(e.Group)+"</code>")
	}
	if len(facts) > 0 {
		r.w("<dt>Set</dt><dd>" + strings.Join(facts, ", ") + "</dd>\n")
	}
	if len(e.Sources) > 0 {
		r.w("<dt>From</dt><dd>")
		for k, s := range e.Sources {
			if k > 0 {
				r.w(", ")
			}
			r.sourceLink(s)
		}
		r.w("</dd>\n")
	}
	r.w("<dt>Install</dt><dd>")
	r.handInstall(e)
	r.w("</dd>\n</dl>\n</div>\n")
}

// sourceLink writes where an entry comes from, linked to its code block.
func (r *renderer) sourceLink(s Source) {
	spot := r.b.spotOf(s.Doc, s.Line)
	where := s.Doc + ":" + strconv.Itoa(s.Line)
	if spot != nil && spot.last > spot.first && contentOps[s.Op] {
		// the block is the content: all its lines
		where = s.Doc + ":" + strconv.Itoa(spot.first) + "–" + strconv.Itoa(spot.last)
	}
	r.w(`<span class="source"`)
	if s.By != "" {
		attr(r.out, "title", "by "+s.By)
	}
	r.w(">")
	if spot != nil {
		r.w("<a")
		attr(r.out, "href", hrefTo(r.p.Path, spot.page.Path, r.b.blockIDs[spot.code]))
		r.w(">")
		escapeText(r.out, where)
		r.w("</a>")
	} else {
		escapeText(r.out, where)
	}
	r.w(" ")
	escapeText(r.out, s.Op)
	r.w("</span>")
}

// handInstall writes the command that installs an entry by hand, or
// what install.sh does with it.
func (r *renderer) handInstall(e Installed) {
	own := func() string {
		s := ""
		if e.Mode != "" {
			s += " -m " + shellQuote(e.Mode)
		}
		if e.Owner != "" {
			s += " -o " + shellQuote(e.Owner)
		}
		if e.Group != "" {
			s += " -g " + shellQuote(e.Group)
		}
		return s
	}
	var cmd string
	switch e.Kind {
	case "file":
		cmd = "install -D" + own() + " " + shellQuote(path.Join("rootfs", e.Path)) + " " + shellQuote(e.Path)
	case "dir":
		cmd = "install -d" + own() + " " + shellQuote(e.Path)
	case "link":
		cmd = "ln -sfn " + shellQuote(e.Target) + " " + shellQuote(e.Path)
	case "removed":
		cmd = "rm " + shellQuote(e.Path)
	default:
		r.w("by <code>install.sh</code>, which merges it")
		return
	}
	r.w("<code>")
	escapeText(r.out, cmd)
	r.w("</code>")
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
