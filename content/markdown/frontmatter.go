package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/tailordocs/tailor/content"
)

// A frontMatter node is the metadata block that Hugo, Jekyll and MkDocs
// pages start with: YAML between "---" lines (closed by "---" or "..."),
// or TOML between "+++" lines.
type frontMatter struct {
	ast.BaseBlock
	format string // "yaml" or "toml"
	close  int    // start of the closing line
	end    int    // end of the closing line, line ending excluded
}

var kindFrontMatter = ast.NewNodeKind("FrontMatter")

func (n *frontMatter) Kind() ast.NodeKind { return kindFrontMatter }

func (n *frontMatter) IsRaw() bool { return true }

func (n *frontMatter) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// frontMatterParser reads front matter on the first line of a file. A
// block that is not closed is not front matter: it is left to the other
// parsers (a thematic break, most likely).
type frontMatterParser struct{}

func (frontMatterParser) Trigger() []byte { return []byte{'-', '+'} }

func (frontMatterParser) Open(parent ast.Node, r text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := r.PeekLine()
	if (seg.Start != 0 && !(seg.Start == len(bom) && bytes.HasPrefix(r.Source(), bom))) || parent.Kind() != ast.KindDocument || parent.FirstChild() != nil {
		return nil, parser.NoChildren
	}
	var format string
	var closers [][]byte
	switch string(bytes.TrimRight(line, " \t\r\n")) {
	case "---":
		format, closers = "yaml", [][]byte{[]byte("---"), []byte("...")}
	case "+++":
		format, closers = "toml", [][]byte{[]byte("+++")}
	default:
		return nil, parser.NoChildren
	}
	src := r.Source()
	for off := seg.Stop; off < len(src); {
		eol := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		if eol >= 0 {
			next = off + eol + 1
		}
		l := bytes.TrimRight(src[off:next], " \t\r\n")
		for _, c := range closers {
			if bytes.Equal(l, c) {
				r.AdvanceToEOL()
				return &frontMatter{format: format, close: off, end: off + len(l)}, parser.NoChildren
			}
		}
		off = next
	}
	return nil, parser.NoChildren
}

func (frontMatterParser) Continue(n ast.Node, r text.Reader, pc parser.Context) parser.State {
	fm := n.(*frontMatter)
	_, seg := r.PeekLine()
	if seg.Start >= fm.close {
		r.AdvanceToEOL()
		return parser.Close
	}
	n.Lines().Append(seg)
	r.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (frontMatterParser) Close(ast.Node, text.Reader, parser.Context) {}

func (frontMatterParser) CanInterruptParagraph() bool { return false }

func (frontMatterParser) CanAcceptIndentedLine() bool { return false }

// frontMatterTitle returns the title that Hugo, Jekyll and MkDocs take
// from front matter, "" when it gives none: a top-level "title: ..." line
// of YAML (plain or quoted) or "title = "..."" of TOML.
func frontMatterTitle(fm *content.Raw) string {
	sep := ":"
	switch fm.Format {
	case "yaml":
	case "toml":
		sep = "="
	default:
		return ""
	}
	for _, line := range strings.Split(fm.Text, "\n") {
		key, value, ok := strings.Cut(line, sep)
		if !ok || strings.TrimRight(key, " \t") != "title" {
			continue
		}
		value = strings.TrimSpace(value)
		if fm.Format == "yaml" {
			if i := strings.Index(value, " #"); i >= 0 && value[0] != '"' && value[0] != '\'' {
				value = strings.TrimSpace(value[:i])
			}
		}
		if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
			q := value[0]
			value = value[1 : len(value)-1]
			if q == '"' {
				if u, err := strconv.Unquote(`"` + value + `"`); err == nil {
					value = u
				}
			} else if fm.Format == "yaml" {
				value = strings.ReplaceAll(value, "''", "'")
			}
		}
		return value
	}
	return ""
}
