// Package rst reads reStructuredText into tailor's document model.
//
// [Parse] turns one page of a tutorial, written for Sphinx or plain
// docutils, into a [content.Doc]: sections, paragraphs, literal and code
// blocks, lists, tables, admonitions and the other body elements, with
// inline markup, references resolved within the page, and every node's
// byte span in its file. It is the reStructuredText side of tailor's
// pipeline: package generator calls it for each .rst page, and packages
// site and snippets consume the tree it returns.
//
// The reader is hand-written and follows docutils: it works line by line
// and by indentation, as docutils' state machine does, and recognizes
// inline markup with docutils' rules, so that the sections and code
// blocks it finds are the ones docutils finds. It keeps going after
// errors, which it reports as [content.Diagnostics], and never drops
// content: an unknown directive is kept with its body.
//
// The reader also finds tailor annotations, comments of the form
//
//	.. tailor: file=/etc/postfix/smtp_auth op=create mode=0640
//
// and attaches them to the code block that follows.
package rst
