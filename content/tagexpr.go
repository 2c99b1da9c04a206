package content

import (
	"fmt"
	"sort"
	"strings"
)

// A TagExpr is a Sphinx tag expression, as used by ".. only::": tag names
// combined with "and", "or", "not" and parentheses. The zero value is not
// usable; use [ParseTagExpr].
type TagExpr struct {
	src  string
	root tagNode
}

type tagNode interface {
	eval(tags map[string]bool) bool
}

type tagName string
type tagNot struct{ x tagNode }
type tagBin struct {
	and  bool
	l, r tagNode
}

func (t tagName) eval(tags map[string]bool) bool { return tags[string(t)] }
func (t tagNot) eval(tags map[string]bool) bool  { return !t.x.eval(tags) }
func (t tagBin) eval(tags map[string]bool) bool {
	if t.and {
		return t.l.eval(tags) && t.r.eval(tags)
	}
	return t.l.eval(tags) || t.r.eval(tags)
}

// A TagExprError is a syntax error in a tag expression at a byte offset.
type TagExprError struct {
	Offset int
	Msg    string
}

func (e *TagExprError) Error() string { return e.Msg }

// ParseTagExpr parses a tag expression such as "nginx and not (debian or
// ubuntu)". Precedence, lowest first: or, and, not.
func ParseTagExpr(s string) (*TagExpr, error) {
	p := &tagParser{src: s}
	p.next()
	if p.tok == "" {
		return nil, &TagExprError{Offset: 0, Msg: "empty tag expression"}
	}
	root, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.tok != "" {
		return nil, &TagExprError{Offset: p.at, Msg: fmt.Sprintf("unexpected %q in tag expression %q", p.tok, s)}
	}
	return &TagExpr{src: s, root: root}, nil
}

// Eval reports whether the expression holds when exactly the given tags
// are set.
func (e *TagExpr) Eval(tags map[string]bool) bool { return e.root.eval(tags) }

// String returns the expression as written.
func (e *TagExpr) String() string { return e.src }

// Names returns the tag names the expression uses, sorted.
func (e *TagExpr) Names() []string {
	set := map[string]bool{}
	var walk func(n tagNode)
	walk = func(n tagNode) {
		switch n := n.(type) {
		case tagName:
			set[string(n)] = true
		case tagNot:
			walk(n.x)
		case tagBin:
			walk(n.l)
			walk(n.r)
		}
	}
	walk(e.root)
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

type tagParser struct {
	src string
	pos int    // next byte to scan
	tok string // current token, "" at end
	at  int    // offset of the current token
}

func (p *tagParser) next() {
	for p.pos < len(p.src) && strings.ContainsRune(" \t\r\n", rune(p.src[p.pos])) {
		p.pos++
	}
	p.at = p.pos
	if p.pos >= len(p.src) {
		p.tok = ""
		return
	}
	c := p.src[p.pos]
	if c == '(' || c == ')' {
		p.tok = string(c)
		p.pos++
		return
	}
	start := p.pos
	for p.pos < len(p.src) && isTagByte(p.src[p.pos]) {
		p.pos++
	}
	if p.pos == start {
		p.tok = string(c)
		p.pos++
		return
	}
	p.tok = p.src[start:p.pos]
}

func isTagByte(c byte) bool {
	return c == '_' || c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func (p *tagParser) or() (tagNode, error) {
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.tok == "or" {
		p.next()
		r, err := p.and()
		if err != nil {
			return nil, err
		}
		l = tagBin{and: false, l: l, r: r}
	}
	return l, nil
}

func (p *tagParser) and() (tagNode, error) {
	l, err := p.not()
	if err != nil {
		return nil, err
	}
	for p.tok == "and" {
		p.next()
		r, err := p.not()
		if err != nil {
			return nil, err
		}
		l = tagBin{and: true, l: l, r: r}
	}
	return l, nil
}

func (p *tagParser) not() (tagNode, error) {
	if p.tok == "not" {
		p.next()
		x, err := p.not()
		if err != nil {
			return nil, err
		}
		return tagNot{x}, nil
	}
	return p.primary()
}

func (p *tagParser) primary() (tagNode, error) {
	switch {
	case p.tok == "":
		return nil, &TagExprError{Offset: p.at, Msg: fmt.Sprintf("tag expression %q ends too early", p.src)}
	case p.tok == "(":
		p.next()
		x, err := p.or()
		if err != nil {
			return nil, err
		}
		if p.tok != ")" {
			return nil, &TagExprError{Offset: p.at, Msg: fmt.Sprintf("missing ) in tag expression %q", p.src)}
		}
		p.next()
		return x, nil
	case p.tok == "and" || p.tok == "or" || p.tok == ")" || !isTagByte(p.tok[0]):
		return nil, &TagExprError{Offset: p.at, Msg: fmt.Sprintf("unexpected %q in tag expression %q", p.tok, p.src)}
	}
	name := tagName(p.tok)
	p.next()
	return name, nil
}
