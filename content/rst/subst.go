package rst

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tailordocs/tailor/content"
)

// A substDef is a substitution definition and what is known about
// resolving it.
type substDef struct {
	def       *content.SubstitutionDef
	resolving bool
	resolved  bool
}

// noteSubstDef records a substitution definition; the last definition of
// a name wins, as in docutils.
func (p *parser) noteSubstDef(sd *content.SubstitutionDef, first line) {
	if _, dup := p.substDefs[sd.Name]; dup {
		p.errorAt(first, 0, "duplicate substitution definition name %s; rename one of them", quote(sd.Name))
	}
	setMap(p, p.substDefs, sd.Name, &substDef{def: sd})
	setMap(p, p.substNames, content.NormalizeName(sd.Name), sd.Name)
}

// substitutionDirective runs the directive of a substitution definition
// and returns the replacement.
func (p *parser) substitutionDirective(sd *content.SubstitutionDef, name string, body []line, end int) []content.Inline {
	var spec dirSpec
	switch sd.Directive {
	case "replace":
		spec = dirSpec{content: true}
	case "unicode":
		spec = dirSpec{req: 1, finalWS: true, options: true}
	case "image":
		spec = argOptSpec
	case "date":
		spec = dirSpec{opt: 1, finalWS: true}
	default:
		p.errorAt(body[0], 0, "substitution definition %s: the %s directive cannot make a substitution; use replace, unicode, image or date", quote(sd.Name), quote(name))
		return nil
	}
	d, _, _ := p.parseDirective(body, name, end, spec)
	d.span = sd.Span
	switch sd.Directive {
	case "replace":
		blocks := p.body(d.content, false)
		if len(blocks) == 1 {
			if para, ok := blocks[0].(*content.Paragraph); ok {
				return para.Inlines
			}
		}
		if len(blocks) == 0 {
			p.errorAt(body[0], 0, "substitution definition %s: \"replace\" needs the replacement text", quote(sd.Name))
		} else {
			p.errorAt(body[0], 0, "substitution definition %s: the replacement must be a single paragraph", quote(sd.Name))
		}
		return nil
	case "unicode":
		ts := d.argSrc()
		return []content.Inline{&content.Text{Span: ts.span(0, len(ts.text)), Value: unicodeText(d.argText)}}
	case "image":
		img := &content.InlineImage{Span: sd.Span, URI: imageURI(d.argText), Alt: sd.Name}
		if alt, ok := d.option("alt"); ok {
			img.Alt = alt
		}
		return []content.Inline{img}
	case "date":
		format := d.argText
		if format == "" {
			format = "%Y-%m-%d"
		}
		now := time.Now
		if p.opts.Now != nil {
			now = p.opts.Now
		}
		ts := d.argSrc()
		return []content.Inline{&content.Text{Span: ts.span(0, len(ts.text)), Value: strftime(format, now())}}
	}
	return nil
}

var unicodeCode = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:0x|x|\\x|U\+?|\\u)([0-9a-f]+)$|^&#x([0-9a-f]+);$`)
})

// unicodeText converts the argument of a "unicode" directive: character
// codes such as U+2014, 0x2014, &#x2014; or 8212, and text, up to a ".."
// that starts a comment.
func unicodeText(arg string) string {
	var b strings.Builder
	for _, code := range strings.Fields(arg) {
		if code == ".." {
			break
		}
		if m := unicodeCode().FindStringSubmatch(code); m != nil {
			h := m[1] + m[2]
			if n, err := strconv.ParseInt(h, 16, 32); err == nil && n <= 0x10ffff {
				b.WriteRune(rune(n))
				continue
			}
		}
		if n, err := strconv.Atoi(code); err == nil && n >= 0 && n <= 0x10ffff {
			b.WriteRune(rune(n))
			continue
		}
		b.WriteString(code)
	}
	return b.String()
}

// strftime formats t with the common strftime directives.
func strftime(format string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		switch format[i] {
		case 'Y':
			fmt.Fprintf(&b, "%04d", t.Year())
		case 'y':
			fmt.Fprintf(&b, "%02d", t.Year()%100)
		case 'm':
			fmt.Fprintf(&b, "%02d", int(t.Month()))
		case 'd':
			fmt.Fprintf(&b, "%02d", t.Day())
		case 'H':
			fmt.Fprintf(&b, "%02d", t.Hour())
		case 'M':
			fmt.Fprintf(&b, "%02d", t.Minute())
		case 'S':
			fmt.Fprintf(&b, "%02d", t.Second())
		case 'j':
			fmt.Fprintf(&b, "%03d", t.YearDay())
		case 'B':
			b.WriteString(t.Month().String())
		case 'b':
			b.WriteString(t.Month().String()[:3])
		case 'A':
			b.WriteString(t.Weekday().String())
		case 'a':
			b.WriteString(t.Weekday().String()[:3])
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return b.String()
}
