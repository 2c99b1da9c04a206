package rst

import (
	"sort"
	"strconv"

	"github.com/tailordocs/tailor/content"
)

// resolve does what docutils' transforms do once the whole document is
// read: substitutions, footnote numbers, references and annotations.
func (p *parser) resolve(doc *content.Doc) {
	p.resolveSubstitutions()
	p.numberFootnotes()
	p.resolveReferences()
	p.applyAnnotations(doc.Blocks)
	p.checkTransitions(doc.File, doc.Blocks, true)
	content.Walk(doc.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
		if c, ok := b.(*content.Code); ok && c.Inlines != nil {
			c.Text = content.PlainText(c.Inlines) // a parsed-literal, with its substitutions
		}
		return true
	})
	content.Walk(doc.Blocks, func(b content.Block, _ []content.Block, _ int) bool {
		if s, ok := b.(*content.Section); ok && doc.Title == "" {
			doc.Title = content.PlainText(s.Title)
		}
		return doc.Title == ""
	})
}

// walkInlines calls fn for every inline node of in and of their
// children, except the replacements of substitutions.
func walkInlines(in []content.Inline, fn func(content.Inline)) {
	for _, n := range in {
		fn(n)
		switch n := n.(type) {
		case *content.Emphasis:
			walkInlines(n.Children, fn)
		case *content.Strong:
			walkInlines(n.Children, fn)
		case *content.Link:
			walkInlines(n.Children, fn)
		case *content.InlineTarget:
			walkInlines(n.Children, fn)
		}
	}
}

// predefined finds a substitution given by Options.Substitutions, exactly
// or else ignoring case.
func (p *parser) predefined(name string) (string, bool) {
	if v, ok := p.opts.Substitutions[name]; ok {
		return v, true
	}
	for k, v := range p.opts.Substitutions {
		if content.NormalizeName(k) == content.NormalizeName(name) {
			return v, true
		}
	}
	return "", false
}

// lookupSubst finds a substitution definition by name, exactly or else
// ignoring case, as docutils does.
func (p *parser) lookupSubst(name string) *substDef {
	if d, ok := p.substDefs[name]; ok {
		return d
	}
	if n, ok := p.substNames[content.NormalizeName(name)]; ok {
		return p.substDefs[n]
	}
	return nil
}

// substOK reports whether a definition can be used: it does not refer to
// itself through other definitions.
func (p *parser) substOK(d *substDef, bad map[*substDef]bool) bool {
	if d.resolved {
		return !bad[d]
	}
	if d.resolving {
		return false
	}
	d.resolving = true
	ok := true
	walkInlines(d.def.Inlines, func(n content.Inline) {
		if r, isRef := n.(*content.SubstRef); isRef {
			if d2 := p.lookupSubst(r.Name); d2 != nil && !p.substOK(d2, bad) {
				ok = false
			}
		}
	})
	d.resolving = false
	d.resolved = true
	if !ok {
		bad[d] = true
	}
	return ok
}

func (p *parser) resolveSubstitutions() {
	bad := map[*substDef]bool{}
	var names []string
	for n := range p.substDefs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, r := range p.substRefs {
		d := p.lookupSubst(r.ref.Name)
		if v, ok := p.predefined(r.ref.Name); d == nil && ok {
			r.ref.Children = []content.Inline{&content.Text{Value: v}}
			continue
		}
		if d == nil {
			msg := "undefined substitution referenced: " + quote(r.ref.Name)
			if s := p.suggest(r.ref.Name, names); s != "" {
				msg += "; did you mean " + quote(s) + "?"
			} else {
				msg += "; define it with \".. |" + r.ref.Name + "| replace:: text\""
			}
			p.errorOff(r.file, r.off, "%s", msg)
			continue
		}
		if !p.substOK(d, bad) {
			p.errorOff(r.file, r.off, "circular substitution definition referenced: %s", quote(r.ref.Name))
			continue
		}
		r.ref.Children = d.def.Inlines
		if r.ref.Children == nil {
			r.ref.Children = []content.Inline{}
		}
	}
}

// numberFootnotes numbers auto-numbered footnotes and resolves footnote
// and citation references, as docutils' Footnotes transform does.
func (p *parser) numberFootnotes() {
	next := 1
	var anonNumbers []int
	named := map[string]int{}
	nsym := 0
	for _, fn := range p.footnotes {
		switch {
		case fn.Label == "*":
			nsym++
		case len(fn.Label) > 0 && fn.Label[0] == '#':
			n := next
			for {
				n = next
				next++
				if _, used := p.names[strconv.Itoa(n)]; !used {
					break
				}
			}
			fn.Number = n
			if fn.Label == "#" {
				anonNumbers = append(anonNumbers, n)
			} else {
				named[content.NormalizeName(fn.Label[1:])] = n
			}
		default:
			fn.Number, _ = strconv.Atoi(fn.Label)
			named[content.NormalizeName(fn.Label)] = fn.Number
		}
	}
	anon, sym := 0, 0
	tooManyAnon, tooManySym := false, false
	for _, r := range p.footnoteRefs {
		switch {
		case r.sym:
			if sym >= nsym {
				if !tooManySym {
					p.warnOff(r.file, r.off, "too many symbol footnote references: only %s", plural(nsym, "footnote"))
				}
				tooManySym = true
				continue
			}
			sym++
		case r.auto && r.name == "":
			if anon >= len(anonNumbers) {
				if !tooManyAnon {
					p.warnOff(r.file, r.off, "too many autonumbered footnote references: only %s", plural(len(anonNumbers), "footnote"))
				}
				tooManyAnon = true
				continue
			}
			r.ref.Number = anonNumbers[anon]
			anon++
		default:
			n, ok := named[r.name]
			if !ok {
				p.warnOff(r.file, r.off, "unknown footnote %s; add \".. [%s] text\"", quote("["+r.ref.Label+"]"), r.ref.Label)
				continue
			}
			r.ref.Number = n
		}
	}
	for _, r := range p.citationRefs {
		if !p.citations[r.name] {
			p.warnOff(r.file, r.off, "unknown citation %s; add \".. [%s] text\"", quote("["+r.ref.Label+"]"), r.ref.Label)
		}
	}
}

// lookup follows a name through indirect targets to what it stands for.
func (p *parser) lookup(name string) (*nameEntry, string) {
	seen := map[string]bool{}
	for {
		e, ok := p.names[name]
		if !ok {
			return nil, "unknown target name " + quote(name)
		}
		if e.dup {
			return nil, "duplicate target name " + quote(name) + " cannot be used as a unique reference; put a label (\".. _label:\") before the one you mean and refer to the label"
		}
		if e.refname == "" {
			return e, ""
		}
		if seen[name] {
			return nil, "indirect hyperlink target " + quote(name) + " refers to itself"
		}
		seen[name] = true
		name = e.refname
	}
}

// nameList returns the names of all targets, sorted; it is called once
// the document is read, when the names no longer change.
func (p *parser) nameList() []string {
	if p.sortedNames == nil {
		p.sortedNames = make([]string, 0, len(p.names))
		for n := range p.names {
			p.sortedNames = append(p.sortedNames, n)
		}
		sort.Strings(p.sortedNames)
	}
	return p.sortedNames
}

// checkIndirect reports indirect targets that lead nowhere, at their
// definitions, and returns the names whose references are not to be
// reported again.
func (p *parser) checkIndirect() map[string]bool {
	broken := map[string]bool{}
	for _, name := range p.nameList() {
		e := p.names[name]
		if e.refname == "" || e.dup || e.file == nil {
			continue
		}
		seen := map[string]bool{name: true}
		cur := e.refname
		for {
			t, ok := p.names[cur]
			switch {
			case !ok:
				p.warnOff(e.file, e.off, "indirect hyperlink target %s refers to target %s, which does not exist", quote(name), quote(cur))
			case seen[cur]:
				p.warnOff(e.file, e.off, "indirect hyperlink target %s refers to target %s, forming a circular reference", quote(name), quote(e.refname))
			case t.refname != "" && !t.dup:
				seen[cur] = true
				cur = t.refname
				continue
			default:
				cur = ""
			}
			break
		}
		if cur != "" {
			broken[name] = true
		}
	}
	return broken
}

func (p *parser) resolveReferences() {
	broken := p.checkIndirect()
	for _, r := range p.refs {
		e, msg := p.lookup(r.name)
		if e == nil && broken[r.name] {
			continue
		}
		if e == nil {
			if _, ok := p.names[r.name]; !ok {
				if s := p.suggest(r.name, p.nameList()); s != "" {
					msg += "; did you mean " + quote(s) + "?"
				} else {
					msg += "; define it with \".. _" + r.name + ": URL\""
				}
			}
			p.warnOff(r.file, r.off, "%s", msg)
			continue
		}
		setLink(r.link, e)
	}
	if len(p.anonRefs) != len(p.anonTgts) {
		at := p.anonRefs
		if len(at) > 0 {
			p.warnOff(at[0].file, at[0].off, "anonymous hyperlink mismatch: %s but %s", plural(len(p.anonRefs), "reference"), plural(len(p.anonTgts), "target"))
		} else if len(p.anonTgts) > 0 {
			t := p.anonTgts[0]
			p.warnOff(t.file, t.t.Start, "anonymous hyperlink mismatch: %s but %s", plural(len(p.anonRefs), "reference"), plural(len(p.anonTgts), "target"))
		}
	}
	for i, r := range p.anonRefs {
		if i >= len(p.anonTgts) {
			break
		}
		t := p.anonTgts[i].t
		switch {
		case t.URL != "":
			r.link.URL = t.URL
		case t.RefName != "":
			e, msg := p.lookup(t.RefName)
			if e == nil {
				p.warnOff(r.file, r.off, "%s", msg)
				continue
			}
			setLink(r.link, e)
		default:
			r.link.Internal = p.anonTgts[i].id
		}
	}
}

func setLink(l *content.Link, e *nameEntry) {
	if e.url != "" {
		l.URL = e.url
	} else {
		l.Internal = e.id
	}
}

// applyAnnotations attaches each tailor annotation to the code block it
// precedes.
func (p *parser) applyAnnotations(blocks []content.Block) {
	if len(p.annots) == 0 {
		return
	}
	content.Walk(blocks, func(b content.Block, siblings []content.Block, i int) bool {
		c, ok := b.(*content.Comment)
		if !ok {
			return true
		}
		ca := p.annots[c]
		if ca == nil {
			return true
		}
		code := annotatedCode(siblings, i)
		if code == nil {
			p.warnOff(ca.file, ca.ann.Pos, "tailor annotation applies to no code block; put it right before the code block, or before the paragraph that ends with \"::\"")
			return true
		}
		if code.Annotation == nil {
			ann := *ca.ann
			code.Annotation = &ann
		} else {
			code.Annotation.Attrs = append(code.Annotation.Attrs, ca.ann.Attrs...)
		}
		return true
	})
}

// annotatedCode finds the code block an annotation at siblings[i]
// applies to: the next block after comments and labels, or the literal
// block that the next paragraph introduces.
func annotatedCode(siblings []content.Block, i int) *content.Code {
	for j := i + 1; j < len(siblings); j++ {
		switch x := siblings[j].(type) {
		case *content.Comment, *content.Target:
			continue
		case *content.Code:
			return x
		case *content.Paragraph:
			if j+1 < len(siblings) {
				if c, ok := siblings[j+1].(*content.Code); ok && c.Directive == "::" {
					return c
				}
			}
		}
		return nil
	}
	return nil
}

// checkTransitions reports transitions where docutils does not allow
// them: first in a document or section, right after another transition,
// or at the very end of the document. atEnd tells whether blocks end the
// document.
func (p *parser) checkTransitions(f *content.File, blocks []content.Block, atEnd bool) {
	for i, b := range blocks {
		switch n := b.(type) {
		case *content.Transition:
			switch {
			case i == 0:
				p.warnOff(f, n.Start, "a document or section may not begin with a transition; put text before it")
			case isTransition(blocks[i-1]):
				p.warnOff(f, n.Start, "adjacent transitions are not allowed; put text between them")
			}
			if i == len(blocks)-1 && atEnd {
				p.warnOff(f, n.Start, "a document may not end with a transition; remove it or put text after it")
			}
		case *content.Section:
			p.checkTransitions(f, n.Blocks, atEnd && i == len(blocks)-1)
		}
	}
}

func isTransition(b content.Block) bool {
	_, ok := b.(*content.Transition)
	return ok
}
