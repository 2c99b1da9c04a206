package infer

import (
	"path"
	"slices"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/shell"
	"github.com/tailordocs/tailor/snippets/tree"
)

// Files is what the inference reads of the file tree the tutorial has
// built so far (a *tree.Tree).
type Files interface {
	IsWhole(p string) bool              // the tutorial makes p as a whole file
	HasFile(p string) bool              // the tutorial writes to p, whole or in part
	Known(p string) bool                // p is known to exist
	IsDir(p string) bool                // the tutorial makes the directory p
	Paths() []string                    // the files made so far, in the order first made
	Named(name string) []string         // the files made, then those copied into place (cp, mv), that end with "/"+name, each once
	Holds(p string, pl tree.Place) bool // p is whole and holds the place once
	Follow(p string) string             // p with the links the tutorial made followed
}

// A mention is a path the text or a shell step named.
type mention struct {
	tok   prose.Token
	isDir bool
	sent  prose.Sentence
	para  int // the paragraph it is in, counted from the start
}

// A Story is what a reader knows at a point of the tutorial: the paths
// named in the section so far, the file an editor has open, the block
// before and the file it wrote, the shell's directory. Package snippets
// tells it what it reads (Page, Section, Paragraph, ShellEffect,
// Decided, CodeDone) in page order; the rules read it through a View.
type Story struct {
	files Files
	// Shell is the state of the tutorial's shell: its directory and
	// variables. Package snippets analyses shell blocks with it.
	Shell shell.State

	// paras counts the paragraphs read so far; paraAtCode is the count
	// when the last code block was read, lastCode that block
	paras, paraAtCode int
	lastCode          *content.Code
	// opened is the file an editor command opened ("sudo nano X"), in
	// the code block openedCode; openedNew: the text before the editor
	// command creates the file
	opened     string
	openedCode *content.Code
	openedNew  bool
	lastFile   string // the file of the page's last file operation
	// lastNamed is the last file the page's prose named by its absolute
	// path after lastFile was written, "" for none: what "the same file"
	// means when the text went on to talk about it
	lastNamed string
	shellSec  int // section counter when the directory was last set
	section   int
	secTitle  string
	mentions  []mention
	// named holds, by the last element of the absolute paths the section
	// mentions, the one path mentioned with it, or "" when several were;
	// mentioned holds those paths; lastDir is the last directory
	// mentioned by its absolute path, "" for none
	named     map[string]string
	mentioned map[string]bool
	lastDir   string
	// pathSents are the section's sentences that name a path, with
	// their words in lower case; byPhrase holds, for each noun phrase
	// asked about, the indexes of those that hold it (see namedWith)
	pathSents []pathSent
	byPhrase  map[string]*phraseSents
	prev      *prevBlock
	newDirs   []string        // the directories the shell block being read made
	installed map[string]bool // the packages the tutorial installs
	seenDirs  map[string]bool // the directories of the absolute paths named so far
	level     int             // the level of the section being read
	titles    []heading       // the titles of the sections being read, outermost first
	focus     *focus          // the file in focus, nil for none
}

// A pathSent is a sentence that names a path, and its words in lower
// case.
type pathSent struct {
	sent  prose.Sentence
	lower string
}

// phraseSents are the indexes in pathSents of the sentences that hold a
// noun phrase, among the first scanned.
type phraseSents struct {
	at      []int
	scanned int
}

// addSentence records a sentence of the section that names a path.
func (s *Story) addSentence(sent prose.Sentence) {
	for _, t := range sent {
		if t.IsPath(false) {
			s.pathSents = append(s.pathSents, pathSent{sent: sent, lower: sent.Lower()})
			return
		}
	}
}

// withPhrase returns the indexes in pathSents of the sentences whose
// words in lower case hold np, in order. Each sentence is read once for
// each noun phrase, however often it is asked about.
func (s *Story) withPhrase(np string) []int {
	if s.byPhrase == nil {
		s.byPhrase = map[string]*phraseSents{}
	}
	ps := s.byPhrase[np]
	if ps == nil {
		ps = &phraseSents{}
		s.byPhrase[np] = ps
	}
	for ; ps.scanned < len(s.pathSents); ps.scanned++ {
		if strings.Contains(s.pathSents[ps.scanned].lower, np) {
			ps.at = append(ps.at, ps.scanned)
		}
	}
	return ps.at
}

// prevBlock is the last block of the section that wrote a file.
type prevBlock struct {
	target string
	code   *content.Code
}

// NewStory returns the story of a tutorial whose files are files.
func NewStory(files Files) *Story { return &Story{files: files} }

// Page starts a page: the shell starts anew, but for the users the
// tutorial made.
func (s *Story) Page() {
	s.Shell = shell.State{Homes: s.Shell.Homes}
	s.lastFile, s.lastNamed = "", ""
	s.Section(nil, 0)
}

// Section starts a section with the title given, at level (1 for a
// page's title). A section at the level of the one that put a file in
// focus, or above, ends the focus; a title that names a file puts it in
// focus.
func (s *Story) Section(title []content.Inline, level int) {
	s.section++
	s.secTitle = content.PlainText(title)
	s.level = level
	for len(s.titles) > 0 && s.titles[len(s.titles)-1].level >= level {
		s.titles = s.titles[:len(s.titles)-1]
	}
	if len(title) > 0 {
		s.titles = append(s.titles, heading{level: level, sent: prose.Sentence(prose.Tokenize(title))})
	}
	s.mentions = s.mentions[:0]
	s.named, s.mentioned, s.lastDir = nil, nil, ""
	s.pathSents, s.byPhrase = s.pathSents[:0], nil
	s.prev = nil
	if s.focus != nil && level <= max(s.focus.level, 1) {
		s.focus = nil
	}
	if len(title) > 0 {
		s.setFocus(prose.Read(title), hookHeading)
	}
}

// Paragraph reads a paragraph. It returns the files it creates empty
// ("Create the file X."), to which what is added next makes a whole
// file, and those whose whole contents it gives ("Write `$DOMAIN` to
// `/etc/mailname`.").
func (s *Story) Paragraph(inlines []content.Inline) (empty []string, files []ProseFile) {
	s.paras++
	sents := prose.Read(inlines)
	for _, sent := range sents {
		s.addSentence(sent)
		s.mentionsOf(sent)
		s.setFocus([]prose.Sentence{sent}, hookFocus)
		if !sent.EndsWithPeriod() || !namesAbsolute(sent) {
			continue
		}
		if in := read(sent, nil).in; in != nil && in.Op == tree.Create && in.Target != nil && !in.Describes {
			if p := absolute(in.Target.Text); p != "" && !strings.HasSuffix(in.Target.Text, "/") {
				empty = append(empty, p)
			}
		}
	}
	return empty, s.proseFiles(sents)
}

// namesAbsolute reports whether a token of the sentence holds a path
// with a slash: no sentence without one can ask for an empty file at an
// absolute path, and reading it whole to find that out is the dearest
// part of a page.
func namesAbsolute(sent prose.Sentence) bool {
	for _, t := range sent {
		if strings.IndexByte(t.Text, '/') >= 0 {
			return true
		}
	}
	return false
}

func (s *Story) mentionsOf(sent prose.Sentence) {
	for i, t := range sent {
		named := i > 0 && (sent[i-1].In(prose.FileNoun) || sent[i-1].In(prose.DirNoun))
		if !t.IsPath(named) {
			continue
		}
		isDir := strings.HasSuffix(t.Text, "/")
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			if sent[k].In(prose.DirNoun) {
				isDir = true
			}
		}
		p := absolute(t.Text)
		if p != "" && s.files.Known(p) {
			isDir = true
		}
		if p != "" && !isDir && p != s.lastFile {
			s.lastNamed = p
		}
		s.seen(p)
		s.addMention(mention{tok: t, isDir: isDir, sent: sent, para: s.paras})
	}
}

// addMention records a mention, and indexes its absolute path.
func (s *Story) addMention(m mention) {
	s.mentions = append(s.mentions, m)
	abs := absolute(m.tok.Text)
	if abs == "" {
		return
	}
	if m.isDir {
		s.lastDir = abs
	}
	if s.mentioned[abs] {
		return
	}
	if s.mentioned == nil {
		s.named, s.mentioned = map[string]string{}, map[string]bool{}
	}
	s.mentioned[abs] = true
	if _, ok := s.named[path.Base(abs)]; ok {
		s.named[path.Base(abs)] = "" // several
	} else {
		s.named[path.Base(abs)] = abs
	}
}

// namedIn returns the one absolute path the section mentions whose last
// element is name, "" when none or several.
func (s *Story) namedIn(name string) string { return s.named[name] }

// mention records a path a shell step makes or changes, for the prose
// after it: "that file", "it", "that directory".
func (s *Story) mention(p string, isDir bool) {
	s.addMention(mention{tok: prose.Literal(p), isDir: isDir, para: s.paras})
}

// ShellEffect records an effect of the shell block code that was
// applied, for the prose after it: the files it wrote or changed ("that
// file", "it"), the editor it opened, the directory it moved to.
func (s *Story) ShellEffect(code *content.Code, e shell.Effect) {
	s.seen(e.Path)
	switch e.Kind {
	case shell.Package:
		if s.installed == nil {
			s.installed = map[string]bool{}
		}
		s.installed[e.Name] = true
		return
	case shell.Cd:
		s.shellSec = s.section
		return
	case shell.Open:
		if e.Path == "" {
			s.opened, s.openedCode = "", code // "crontab -e", "systemctl edit app": what the reader types next goes there
			return
		}
		if !e.Conditional {
			s.opened, s.openedCode = s.files.Follow(e.Path), code
		}
	case shell.Mkdir:
		s.newDirs = append(s.newDirs, e.Path)
		return
	case shell.Install:
		if e.IsDir {
			s.newDirs = append(s.newDirs, e.Path)
			return
		}
	case shell.Chmod, shell.Chown:
		if !s.files.HasFile(e.Path) {
			return
		}
	case shell.Write, shell.Append, shell.Touch, shell.Move, shell.Untracked, shell.Edit:
	default:
		return
	}
	if !backupName(e.Path) || e.Kind == shell.Install {
		s.mention(e.Path, false)
	}
}

// ShellDone ends a shell block: "that directory" is the one directory it
// made (with its parents); after several, it is not known.
func (s *Story) ShellDone() {
	if d := oneLeaf(s.newDirs); d != "" {
		s.mention(d, true)
	}
	s.newDirs = s.newDirs[:0]
}

// oneLeaf returns the one directory of dirs that is not a parent of
// another ("that directory" after "mkdir -p /a/b"), "" when there are
// several.
func oneLeaf(dirs []string) string {
	// sorted, the directories under d follow one another from where d+"/" would be
	sorted := slices.Compact(slices.Sorted(slices.Values(dirs)))
	var leaves []string
	for _, d := range sorted {
		k, _ := slices.BinarySearch(sorted, d+"/")
		if k == len(sorted) || !strings.HasPrefix(sorted[k], d+"/") {
			leaves = append(leaves, d)
		}
	}
	if len(leaves) == 1 {
		return leaves[0]
	}
	return ""
}

// OpenedNew records whether the text before the editor command of the
// block just read creates the file ("Create a new unit file:").
func (s *Story) OpenedNew(code *content.Code, isNew bool) {
	if s.openedCode == code {
		s.openedNew = isNew
	}
}

// Decided records a block that wrote to target (op not a check): the
// file the text works on next. A block written to another file than the
// one in focus ends the focus.
func (s *Story) Decided(code *content.Code, target string, op tree.Op) {
	s.prev = &prevBlock{target: target, code: code}
	if target != "" && op != tree.Check {
		s.lastFile, s.lastNamed = target, ""
	}
	if s.focus == nil || target == "" {
		return
	}
	if target != s.files.Follow(s.focus.path) {
		s.focus = nil
		return
	}
	if op != tree.None && op != tree.Check {
		s.focus.written++
	}
}

// EndFocus ends the focus: a block of another kind than the file in
// focus came.
func (s *Story) EndFocus() { s.focus = nil }

// CodeDone records that a code block was read.
func (s *Story) CodeDone(code *content.Code) {
	s.lastCode, s.paraAtCode = code, s.paras
}

// backupName reports whether a path names a backup copy ("sshd_config.bak",
// "nginx.conf.orig"): what the prose after "cp X X.bak" works on is X.
func backupName(p string) bool {
	for _, suf := range []string{".bak", ".orig", ".old", ".backup", ".save", ".dist", "~", ".original"} {
		if strings.HasSuffix(strings.ToLower(p), suf) {
			return true
		}
	}
	return false
}

// absolute returns a cleaned absolute template path, or "" when p is not
// absolute.
func absolute(p string) string {
	if !strings.HasPrefix(p, "/") {
		return ""
	}
	return path.Clean(p)
}

// A heading is the title of a section being read.
type heading struct {
	level int
	sent  prose.Sentence
}

// procedure returns the title of the section being read, or of one it
// is in, that makes its steps a procedure apart from the configuration:
// "Troubleshooting", "Rolling back", "If you are locked out"; "" for none.
func (s *Story) procedure() string {
	for _, t := range s.titles {
		if prose.ProcedureTitles.In(t.sent) {
			return t.sent.Text()
		}
	}
	return ""
}

// seen records the directory of an absolute path named, for the
// well-known homes of files.
func (s *Story) seen(p string) {
	if p == "" || !strings.HasPrefix(p, "/") {
		return
	}
	if s.seenDirs == nil {
		s.seenDirs = map[string]bool{}
	}
	for d := path.Dir(p); d != "/" && d != "."; d = path.Dir(d) {
		s.seenDirs[d] = true
	}
}
