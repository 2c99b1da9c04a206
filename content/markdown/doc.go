// Package markdown reads Markdown pages into tailor's document model and
// provides a goldmark extension that personalizes Markdown for other
// goldmark-based generators.
//
// [Parse] is the Markdown reader: it parses CommonMark with GitHub's
// extensions (tables, strikethrough, task lists, autolinks, alerts),
// footnotes, definition lists, heading attributes and YAML or TOML front
// matter with github.com/yuin/goldmark, and converts goldmark's tree into
// a [content.Doc] whose nodes keep the byte offsets of their text. It stands
// at the start of tailor's pipeline, next to the reStructuredText reader
// (package content/rst): the generator reads each page with one of them,
// then package snippets turns the code blocks into file operations and
// package site renders the tree.
//
// Beyond Markdown, the reader understands what tailor adds in HTML
// comments, which every Markdown renderer hides:
//
//	<!-- tailor: file=/etc/postfix/main.cf op=append -->
//	```ini
//	...
//	```
//
// annotates the code block right after it (attributes in the fence's info
// string, ```ini {file="/etc/postfix/main.cf" op=append}, do the same and
// win over the comment), and
//
//	<!-- only: nginx and not debian -->
//	...
//	<!-- end only -->
//
// makes the blocks in between conditional on the client's tags
// ([content.Only]).
//
// Section ids are GitHub's: the heading's {#id} attribute, else its text
// in lower case with punctuation dropped and spaces turned into hyphens,
// de-duplicated with -1, -2, ... Strikethrough, which the model has no
// node for, becomes its text between raw "<del>" and "</del>".
//
// [Extension] is a goldmark.Extender for generators that render Markdown
// with goldmark themselves: added beside their other extensions
// (goldmark-highlighting, goldmark-meta, GFM, in any order), it fills
// $PLACEHOLDERS in the HTML output, in code blocks and in the front
// matter, hands every code block to a callback as a [content.Code],
// converted by the same code as the reader's, and can drop conditional
// content. After Convert, [FilePlan] says in one call which files the
// document makes and what they hold.
package markdown
