package infer

import (
	"strings"

	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

// A ProseFile is a file whose whole contents a sentence gives, with no
// code block: "Make sure `/etc/timezone` holds a single line with the
// zone (`$TIMEZONE`)."
type ProseFile struct {
	// Target is the file's absolute path, placeholders as written.
	Target string
	// Content is the literal that is the file's one line.
	Content prose.Token
	// Rule is the rule that read the sentence, By its words.
	Rule, By string
}

// wholeLineP says that a file holds one line and nothing else.
var wholeLineP = prose.Compile("a single line", "one single line", "a line", "one line", "only", "nothing but", "just")

// holdVerbs say what a file holds.
var holdVerbs = prose.NewWords("holds hold contains contain has have")

// proseFileRules read the sentences of a paragraph that give a file's
// whole contents; the hook is asked by ProseFiles, not by Decide.
var proseFileRules = []*Rule{
	{
		ID: "prose.holds-line", Phase: Intro, hook: hookProse,
		Doc: "\"Make sure X holds a single line with the zone (`$TIMEZONE`).\": X is that one line",
		Examples: []string{
			"Make sure `/etc/timezone` holds a single line with the zone (`$TIMEZONE`).",
			"`/etc/mailname` should contain only `$DOMAIN`.",
		},
		Counter: []string{
			"Make sure `/etc/hosts` contains `127.0.0.1 localhost`.",
			"Make sure `/etc/timezone` holds a single line.",
		},
		Match: func(v *View) *Verdict {
			return proseVerdict(readHoldsLine(v.sent))
		},
	},
	{
		ID: "prose.write-to", Phase: Intro, hook: hookProse,
		Doc: "\"Write `$DOMAIN` to `/etc/mailname`.\": X is that one line",
		Examples: []string{
			"Write `$DOMAIN` to `/etc/mailname`.",
			"Postfix signs its mail with it, so write `$DOMAIN` to `/etc/mailname`.",
		},
		Counter: []string{
			"Write `exit` to leave the shell.",
			"Write `$DOMAIN` down, you will need it.",
		},
		Match: func(v *View) *Verdict {
			return proseVerdict(readWriteTo(v.sent))
		},
	},
}

func proseVerdict(in *Intent) *Verdict {
	if in == nil {
		return nil
	}
	return &Verdict{Intent: in}
}

// readHoldsLine reads "Make sure X holds a single line with ... LIT.",
// "X should contain only LIT.": the one literal after the words that say
// the line is all of the file.
func readHoldsLine(s prose.Sentence) *Intent {
	if !s.EndsWithPeriod() {
		return nil
	}
	for i := range s {
		tok, next, isDir := s.PathAt(i)
		if tok == nil || isDir || absolute(tok.Text) == "" {
			continue
		}
		j := next
		for j < len(s) && s[j].Word("should", "must", "now", "then", "only") {
			j++
		}
		if j >= len(s) || !s[j].Is(holdVerbs) {
			return nil
		}
		w := wholeLineP.Find(s[j+1:])
		if w < 0 {
			return nil
		}
		lit := onlyLiteral(s, j+1+w)
		if lit == nil {
			return nil
		}
		end, _ := wholeLineP.At(s, j+1+w)
		return &Intent{Op: tree.Create, Target: tok, Content: lit, By: strings.Join(strings.Fields(s[j:end].Text()), " ")}
	}
	return nil
}

// readWriteTo reads "Write LIT to X.": a literal, then the file.
func readWriteTo(s prose.Sentence) *Intent {
	if !s.EndsWithPeriod() {
		return nil
	}
	v := -1
	for k, t := range s {
		if t.Word("write") && (k == 0 || s[k-1].Word("then", "so", "and") || s[k-1].Text == ",") {
			v = k
			break
		}
	}
	if v < 0 || v+1 >= len(s) || !s[v+1].Literal || s[v+1].IsPath(false) {
		return nil
	}
	if v+2 >= len(s) || !s[v+2].Word("to", "into") {
		return nil
	}
	tok, next, isDir := s.PathAt(v + 3)
	if tok == nil || isDir || absolute(tok.Text) == "" || next != len(s)-1 {
		return nil
	}
	lit := s[v+1]
	return &Intent{Op: tree.Create, Target: tok, Content: &lit, By: s.Phrase(v, tok)}
}

// onlyLiteral returns the one literal of s from i on, on one line and no
// path, nil when there is none or more than one.
func onlyLiteral(s prose.Sentence, from int) *prose.Token {
	var lit *prose.Token
	for k := from; k < len(s); k++ {
		if !s[k].Literal {
			continue
		}
		if lit != nil || strings.ContainsAny(s[k].Text, "\n") || s[k].IsPath(false) && strings.HasPrefix(s[k].Text, "/") {
			return nil
		}
		lit = &s[k]
	}
	return lit
}

// ProseFiles returns the files whose whole contents the sentences of a
// paragraph give.
func (s *Story) proseFiles(sents []prose.Sentence) []ProseFile {
	var out []ProseFile
	for _, sent := range sents {
		v := &View{s: s, sent: sent}
		for _, r := range byHook[hookProse] {
			vd := r.Match(v)
			if vd == nil || vd.Intent == nil {
				continue
			}
			in := vd.Intent
			out = append(out, ProseFile{Target: absolute(in.Target.Text), Content: *in.Content, Rule: r.ID, By: in.By})
			break
		}
	}
	return out
}
