package content

// Format is the markup language of a document.
type Format int

const (
	// RST is reStructuredText.
	RST Format = iota + 1
	// Markdown is CommonMark with GitHub's extensions.
	Markdown
)

func (f Format) String() string {
	switch f {
	case RST:
		return "rst"
	case Markdown:
		return "markdown"
	}
	return "unknown"
}

// A Doc is one parsed page of a tutorial.
type Doc struct {
	// File is the page's source. Offsets in the tree refer to it, except
	// inside an [Include], whose nodes refer to the included file.
	File   *File
	Format Format
	// Title is the raw text of the first section title ("" if none).
	Title string
	// Blocks are the top-level blocks; sections nest their content.
	Blocks []Block
}

// Path returns the document's path relative to the project, as in File.Name.
func (d *Doc) Path() string {
	if d == nil || d.File == nil {
		return ""
	}
	return d.File.Name
}

// A Node is any element of the tree. Pos and EndPos are byte offsets into
// the file the node came from.
type Node interface {
	Pos() int
	EndPos() int
}

// A Block is a block-level node. The set of block types is closed: only the
// types of this package implement Block.
type Block interface {
	Node
	blockNode()
}

// An Inline is an inline node within a paragraph, title or term. The set of
// inline types is closed.
type Inline interface {
	Node
	inlineNode()
}

// Option is one directive option, such as ":caption: /etc/hosts", in source
// order. Value is the option's text with surrounding space removed; an
// option given without a value has Value "".
type Option struct {
	Name  string
	Value string
}

// Section is a titled section. Its body nests every block up to the next
// section of the same or a higher level.
type Section struct {
	Span
	Title    []Inline
	RawTitle string // the title as written, markup included, substitution not applied
	Level    int    // 1 for the page title
	ID       string // HTML id, derived from the title as docutils does
	Labels   []string
	Blocks   []Block
	// TitleLine is the 1-based line of the title text.
	TitleLine int
}

// Paragraph is a run of text.
type Paragraph struct {
	Span
	Inlines []Inline
}

// Code is a literal block: a reST "::" block or code-block/code/sourcecode
// directive, or a Markdown fenced or indented code block.
type Code struct {
	Span
	// Lang is the language as written ("" when none was given), not
	// lower-cased.
	Lang string
	// Text is the block's content, dedented, with trailing blank lines and
	// the final newline removed.
	Text string
	// Line is the 1-based line of the first content line in File.
	Line int
	// Content is the byte range of the content lines in the source (from
	// the start of the first content line to the end of the last one).
	Content Span
	// Indent is the number of columns removed from every content line;
	// column c of Text's line i is column c+Indent of source line Line+i.
	Indent int
	// Directive is the reST directive name ("code-block", "code",
	// "sourcecode"), "::" for a reST literal block, "fence" or "indent" for
	// Markdown.
	Directive string
	// Caption is the :caption: option (reST) or the title="..." attribute
	// (Markdown), "" if none.
	Caption string
	// Name is the :name: option or the Markdown #id attribute.
	Name string
	// Options holds every directive option in order, including caption
	// and name. For Markdown, the info-string attributes.
	Options []Option
	// Annotation is the tailor annotation that applies to the block, if
	// any: a reST comment right before the block or its introducing
	// paragraph, or a Markdown info-string attribute list or comment.
	Annotation *Annotation
	// Quoted is true for a reST quoted literal block (lines starting with
	// a quote character, not indented).
	Quoted bool
	// Inlines is the content of a reST parsed-literal with its inline
	// markup; Text is then its plain text.
	Inlines []Inline
}

// List is a bullet or enumerated list.
type List struct {
	Span
	Ordered bool
	// Enum is the enumeration style for ordered lists: "arabic",
	// "loweralpha", "upperalpha", "lowerroman", "upperroman".
	Enum   string
	Start  int    // first number of an ordered list
	Bullet string // the bullet or enumerator as written in the first item ("*", "-", "1.", "(a)", "#.")
	Items  []*Item
}

// Item is a list item.
type Item struct {
	Span
	Blocks []Block
	// Checked is non-nil for a Markdown task list item.
	Checked *bool
}

// DefList is a definition list.
type DefList struct {
	Span
	Items []*DefItem
}

// DefItem is one term and its definition.
type DefItem struct {
	Span
	Term        []Inline
	Classifiers [][]Inline
	Def         []Block
}

// FieldList is a reST field list (":name: body").
type FieldList struct {
	Span
	Fields []*Field
}

// Field is one field of a field list.
type Field struct {
	Span
	Name []Inline
	Body []Block
}

// OptionList is a reST option list ("-v, --verbose  Be verbose.").
type OptionList struct {
	Span
	Items []*OptionItem
}

// OptionItem is one entry of an option list.
type OptionItem struct {
	Span
	Options []string // each option with its argument, as written: "-o FILE"
	Desc    []Block
}

// Admonition is a note, warning, tip, ... or a generic titled admonition.
type Admonition struct {
	Span
	// Kind is the directive name, lower case: "note", "warning", "hint",
	// "tip", "important", "caution", "danger", "attention", "error",
	// "seealso", or "admonition" for the generic one. Markdown alerts
	// ("> [!NOTE]") use the same names.
	Kind string
	// Title is the title of a generic admonition, or the directive argument
	// Sphinx shows for the others; nil when none.
	Title  []Inline
	Blocks []Block
}

// BlockQuote is an indented (reST) or ">" (Markdown) quotation.
type BlockQuote struct {
	Span
	Blocks      []Block
	Attribution []Inline // reST "-- Author" line, nil if none
}

// LineBlock is a reST line block ("| line").
type LineBlock struct {
	Span
	Lines []*Line
}

// Line is one line of a line block. Indent counts nesting levels.
type Line struct {
	Span
	Indent  int
	Inlines []Inline
}

// Table is a simple or grid table (reST) or a pipe table (Markdown).
type Table struct {
	Span
	Caption []Inline // from a "table" directive title, nil if none
	Name    string   // the directive's :name:, for :ref:; "" if none
	Head    []*Row
	Body    []*Row
	// Align holds per-column alignment ("", "left", "center", "right").
	Align []string
	// Stub is how many columns on the left are row headings (a list or
	// CSV table's :stub-columns:).
	Stub int
}

// Row is a table row.
type Row struct {
	Span
	Cells []*Cell
}

// Cell is a table cell; spans are 1 for an ordinary cell.
type Cell struct {
	Span
	Blocks  []Block
	ColSpan int
	RowSpan int
}

// Transition is a horizontal rule.
type Transition struct {
	Span
}

// Comment is a reST comment or a Markdown HTML comment. Comments are not
// shown in the site.
type Comment struct {
	Span
	Text string
}

// Target is a reST hyperlink target (".. _name: URL", ".. __: URL",
// ".. _label:") or a Markdown link reference definition. It is not shown.
type Target struct {
	Span
	Name      string // as written; "" for anonymous targets
	URL       string // external URL, "" for an internal label
	RefName   string // for an indirect target (".. _a: b_"), the name referred to
	Anonymous bool
}

// Image is a reST image directive (block level).
type Image struct {
	Span
	URI     string
	Alt     string
	Options []Option
}

// Figure is an image with a caption and legend.
type Figure struct {
	Span
	Image   *Image
	Caption []Inline
	Legend  []Block
}

// Only is conditional content: reST ".. only:: EXPR" or Markdown
// "<!-- only: EXPR -->" ... "<!-- end only -->". Its blocks belong to the
// output only when Expr holds for the client's tags.
type Only struct {
	Span
	Expr   string
	Blocks []Block
}

// Raw is raw output (reST raw directive, Markdown HTML block).
type Raw struct {
	Span
	Format string // "html", "latex", ...
	Text   string
}

// Toctree is a Sphinx toctree directive; it decides page order.
type Toctree struct {
	Span
	Caption  string
	Numbered bool
	Hidden   bool
	Glob     bool
	MaxDepth int // 0 if not given
	Entries  []TocEntry
}

// TocEntry is one toctree line: "doc" or "Title <doc>".
type TocEntry struct {
	Title string // explicit title, "" if none
	Doc   string // document name as written, without extension
	Line  int
}

// Footnote is a footnote (".. [1]", ".. [#]", ".. [#name]", ".. [*]").
type Footnote struct {
	Span
	Label  string // as written between the brackets
	Number int    // assigned number for numeric and auto-numbered footnotes, 0 for symbols
	Blocks []Block
}

// Citation is a citation (".. [CIT2002]").
type Citation struct {
	Span
	Label  string
	Blocks []Block
}

// SubstitutionDef is a reST substitution definition (".. |name| replace::").
// References to it are resolved by the reader into [SubstRef] nodes.
type SubstitutionDef struct {
	Span
	Name      string
	Directive string // "replace", "image", "unicode", "date"
	Inlines   []Inline
}

// Include is the content of an included file. Offsets of the nodes under
// it refer to File, not to the including document.
type Include struct {
	Span
	Path   string // as written in the directive
	File   *File
	Blocks []Block
}

// Directive is any other directive, kept with its parsed body so that no
// content is lost. Known Sphinx directives without a node of their own
// (topic, sidebar, rubric, container, versionadded, ...) and unknown ones
// use it.
type Directive struct {
	Span
	Name    string
	Args    string
	Options []Option
	// Body is the directive's content as written, dedented.
	Body string
	// Blocks is Body parsed as body elements, for directives whose content
	// is documentation; nil otherwise.
	Blocks []Block
	Title  []Inline // the argument parsed as inline text, when it is a title
	Known  bool     // false for a directive the reader does not know
}

func (*Section) blockNode()         {}
func (*Paragraph) blockNode()       {}
func (*Code) blockNode()            {}
func (*List) blockNode()            {}
func (*DefList) blockNode()         {}
func (*FieldList) blockNode()       {}
func (*OptionList) blockNode()      {}
func (*Admonition) blockNode()      {}
func (*BlockQuote) blockNode()      {}
func (*LineBlock) blockNode()       {}
func (*Table) blockNode()           {}
func (*Transition) blockNode()      {}
func (*Comment) blockNode()         {}
func (*Target) blockNode()          {}
func (*Image) blockNode()           {}
func (*Figure) blockNode()          {}
func (*Only) blockNode()            {}
func (*Raw) blockNode()             {}
func (*Toctree) blockNode()         {}
func (*Footnote) blockNode()        {}
func (*Citation) blockNode()        {}
func (*SubstitutionDef) blockNode() {}
func (*Include) blockNode()         {}
func (*Directive) blockNode()       {}

// Text is plain text. Newlines inside a paragraph are kept as "\n".
type Text struct {
	Span
	Value string
}

// Literal is inline code: “text“ in reST, `text` in Markdown.
type Literal struct {
	Span
	Value string
}

// Emphasis is emphasized text.
type Emphasis struct {
	Span
	Children []Inline
}

// Strong is strongly emphasized text.
type Strong struct {
	Span
	Children []Inline
}

// Link is a hyperlink. A reST reference to a named target ("name_",
// "`some text`_") has RefName set; the reader resolves it within the
// document and fills URL (external) or Internal (a label or section id).
type Link struct {
	Span
	Children  []Inline
	URL       string
	RefName   string // normalized reference name, "" for embedded or direct links
	Internal  string // id of an internal target in the same document
	Anonymous bool
	Title     string // Markdown link title
}

// Role is interpreted text with a role, such as :ref:`label`, :doc:`page`,
// :file:`/etc/hosts` or :numref:`fig`. Cross-reference roles are resolved
// across pages by the renderer.
type Role struct {
	Span
	Name   string // lower-cased role name, domain included ("py:func")
	Text   string // the content between the backquotes, as written
	Title  string // for "Title <target>", the title part; "" otherwise
	Target string // for "Title <target>", the target; else the whole text
	Known  bool   // false for a role the reader does not know
}

// SubstRef is a reST substitution reference (|name|). Children is the
// replacement, nil when the substitution is not defined.
type SubstRef struct {
	Span
	Name     string
	Children []Inline
}

// FootnoteRef is a reference to a footnote ([1]_, [#]_, [#name]_, [*]_).
type FootnoteRef struct {
	Span
	Label  string
	Number int // resolved number, 0 if unresolved or a symbol
}

// CitationRef is a reference to a citation ([CIT2002]_).
type CitationRef struct {
	Span
	Label string
}

// InlineImage is a Markdown image or a reST substitution image.
type InlineImage struct {
	Span
	URI   string
	Alt   string
	Title string
}

// InlineTarget is a reST inline internal target (_`name`).
type InlineTarget struct {
	Span
	Name     string
	ID       string
	Children []Inline
}

// LineBreak is a Markdown hard line break.
type LineBreak struct {
	Span
}

// RawInline is inline raw markup, such as HTML in Markdown.
type RawInline struct {
	Span
	Format string
	Text   string
}

func (*Text) inlineNode()         {}
func (*Literal) inlineNode()      {}
func (*Emphasis) inlineNode()     {}
func (*Strong) inlineNode()       {}
func (*Link) inlineNode()         {}
func (*Role) inlineNode()         {}
func (*SubstRef) inlineNode()     {}
func (*FootnoteRef) inlineNode()  {}
func (*CitationRef) inlineNode()  {}
func (*InlineImage) inlineNode()  {}
func (*InlineTarget) inlineNode() {}
func (*LineBreak) inlineNode()    {}
func (*RawInline) inlineNode()    {}
