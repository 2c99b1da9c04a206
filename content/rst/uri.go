package rst

import (
	"strings"
	"unicode/utf8"

	"github.com/tailordocs/tailor/content"
)

// uriSchemes are the URI schemes docutils knows; a standalone URI with
// another scheme is plain text.
var uriSchemes = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`about acap addbook afp afs aim callto castanet chttp cid
		crid data dav dict dns eid fax feed file finger freenet ftp go gopher gsm-sms h323
		h324 hdl hnews http https hydra iioploc ilu im imap info ior ipp irc iris.beep iseek
		jar javascript jdbc ldap lifn livescript lrq mailbox mailserver mailto md5 mid mocha
		modem mtqp mupdate news nfs nntp opaquelocktoken phone pop pop3 pres printer prospero
		rdar res rtsp rvp rwhois rx sdp service shttp sip sips smb snews snmp soap.beep
		soap.beeps ssh t120 tag tcp tel telephone telnet tftp tip tn3270 tv urn uuid vemmi
		videotex view-source wais whodp whois++ x-man-page xmlrpc.beep xmlrpc.beeps z39.50r
		z39.50s`) {
		uriSchemes[s] = true
	}
}

func isSchemeChar(c byte) bool { return byteClass[c]&cScheme != 0 }

// isURIC reports whether c may appear in a URI (docutils' uric); the NUL
// byte of an escape is allowed.
func isURIC(c byte) bool { return byteClass[c]&cURIC != 0 }

// isURILast reports whether c may end a URI (docutils' urilast).
func isURILast(c byte) bool { return byteClass[c]&cURILast != 0 }

// isEmailC reports whether c may appear in an email address (emailc).
func isEmailC(c byte) bool { return byteClass[c]&cEmailC != 0 }

// A uriMatcher finds standalone URIs and email addresses in one string,
// remembering what it learned about runs of characters so that the
// search stays linear: positions are tried in increasing order.
type uriMatcher struct {
	t      string
	memo   map[[2]int]int // (kind, run end) -> best end, -1 for none
	scheme runCache
	uric   runCache
	local  runCache
	host   runCache
}

// A runCache remembers the last run of characters found.
type runCache struct{ start, end int }

func (m *uriMatcher) uriEndAt(e int) bool {
	c := m.t[e-1]
	return isURILast(c) || isURIC(c) && e < len(m.t) && m.t[e] == '>'
}

func (m *uriMatcher) endOK(i int) bool { return endOK(m.t, i) }

func (m *uriMatcher) runEnd(i int, ok func(byte) bool) int {
	for i < len(m.t) && ok(m.t[i]) {
		i++
	}
	return i
}

// cachedRunEnd is runEnd for positions that may fall inside the run
// found last time.
func (m *uriMatcher) cachedRunEnd(c *runCache, i int, ok func(byte) bool) int {
	if i >= c.start && i < c.end {
		return c.end
	}
	e := m.runEnd(i, ok)
	c.start, c.end = i, e
	return e
}

const (
	runHier = iota
	runQuery
	runFrag
	runHost
)

// best returns the largest e in (from, runEnd] for which valid holds, or
// -1. valid must not depend on from. Results are remembered by run end:
// the queries for one run come with increasing from.
func (m *uriMatcher) best(kind, from, runEnd int, valid func(e int) bool) int {
	key := [2]int{kind, runEnd}
	if b, ok := m.memo[key]; ok {
		if b > from {
			return b
		}
		return -1
	}
	b := -1
	for e := runEnd; e > from; e-- {
		if valid(e) {
			b = e
			break
		}
	}
	if m.memo == nil {
		m.memo = map[[2]int]int{}
	}
	m.memo[key] = b
	return b
}

// frag matches an optional "#fragment" at x followed by the end-string
// suffix and returns the end, or -1.
func (m *uriMatcher) frag(x int) int {
	if x < len(m.t) && m.t[x] == '#' {
		r := m.runEnd(x+1, isURIC)
		if e := m.best(runFrag, x+1, r, func(e int) bool { return m.uriEndAt(e) && m.endOK(e) }); e >= 0 {
			return e
		}
	}
	if m.endOK(x) {
		return x
	}
	return -1
}

// tail matches the optional query and fragment after the hierarchical
// part ending at e, and the end-string suffix.
func (m *uriMatcher) tail(e int) int {
	if e < len(m.t) && m.t[e] == '?' {
		r := m.runEnd(e+1, isURIC)
		q := m.best(runQuery, e+1, r, func(q int) bool { return m.uriEndAt(q) && m.frag(q) >= 0 })
		if q >= 0 {
			return m.frag(q)
		}
	}
	return m.frag(e)
}

// absolute matches "scheme:..." at p and returns the end and the scheme.
func (m *uriMatcher) absolute(p int) (int, string) {
	t := m.t
	if !isASCIILetter(t[p]) {
		return -1, ""
	}
	k := m.cachedRunEnd(&m.scheme, p, isSchemeChar)
	if k >= len(t) || t[k] != ':' {
		return -1, ""
	}
	h := k + 1
	r := m.cachedRunEnd(&m.uric, h, isURIC)
	e := m.best(runHier, h, r, func(e int) bool { return m.uriEndAt(e) && m.tail(e) >= 0 })
	if e < 0 {
		return -1, ""
	}
	return m.tail(e), t[p:k]
}

// localEnd returns the end of an email address' local part at p: runs of
// emailc separated by single dots.
func (m *uriMatcher) localEnd(p int) int {
	if p >= m.local.start && p < m.local.end {
		return m.local.end
	}
	l := p
	for {
		l = m.runEnd(l, isEmailC)
		if l+1 < len(m.t) && m.t[l] == '.' && isEmailC(m.t[l+1]) {
			l++
			continue
		}
		break
	}
	m.local = runCache{p, l}
	return l
}

// email matches an email address at p and returns its end.
func (m *uriMatcher) email(p int) int {
	t := m.t
	if !isEmailC(t[p]) {
		return -1
	}
	l := m.localEnd(p)
	if l >= len(t) || t[l] != '@' || t[l-1] == 0 {
		return -1
	}
	h := l + 1
	if h >= len(t) || !isEmailC(t[h]) {
		return -1
	}
	hr := m.cachedRunEnd(&m.host, h, func(c byte) bool { return isEmailC(c) || c == '.' })
	limit := hr + 1
	if limit > len(t) {
		limit = len(t)
	}
	return m.best(runHost, h+1, limit, func(e int) bool { return m.uriEndAt(e) && m.endOK(e) })
}

// find returns the leftmost URI or email address in m.t: its bounds,
// whether it is an email, and its scheme.
func (m *uriMatcher) find() (p, e int, email bool, scheme string, ok bool) {
	t := m.t
	for p := 0; p < len(t); p++ {
		c := t[p]
		if !isEmailC(c) {
			continue
		}
		if p > 0 {
			if c := t[p-1]; c < utf8.RuneSelf {
				if !asciiStart[c] {
					continue
				}
			} else if r, _ := utf8.DecodeLastRuneInString(t[:p]); !isStartPrefix(r) {
				continue
			}
		}
		if e, scheme := m.absolute(p); e >= 0 {
			return p, e, false, scheme, true
		}
		if e := m.email(p); e >= 0 {
			return p, e, true, "", true
		}
	}
	return 0, 0, false, "", false
}

// uriAtStart reports whether the URI pattern matches at the start of s.
func uriAtStart(s string) bool {
	if s == "" {
		return false
	}
	m := &uriMatcher{t: s}
	if e, _ := m.absolute(0); e >= 0 {
		return true
	}
	return m.email(0) >= 0
}

// adjustURI adds "mailto:" to an email address.
func adjustURI(uri string) string {
	if uri == "" {
		return uri
	}
	m := &uriMatcher{t: uri}
	if e := m.email(0); e == len(uri) {
		return "mailto:" + uri
	}
	return uri
}

// mayHoldURI reports whether t may hold a URI (a colon between a scheme
// character and a URI character) or an email address (an at sign).
func mayHoldURI(t string) bool {
	if strings.IndexByte(t, '@') >= 0 {
		return true
	}
	for i := 0; i < len(t); {
		k := strings.IndexByte(t[i:], ':')
		if k < 0 {
			return false
		}
		i += k
		if i > 0 && isSchemeChar(t[i-1]) && i+1 < len(t) && isURIC(t[i+1]) {
			return true
		}
		i++
	}
	return false
}

// implicit finds standalone URIs and email addresses in s[a:b], text
// that holds no other inline markup, and adds it to the output.
func (in *inliner) implicit(a, b int) {
	if !mayHoldURI(in.s[a:b]) {
		if a < b {
			in.out = append(in.out, piece{a: a, b: b})
		}
		return
	}
	for a < b {
		m := uriMatcher{t: in.s[a:b]}
		p, e, email, scheme, ok := m.find()
		if !ok || !email && !uriSchemes[strings.ToLower(scheme)] {
			break
		}
		if p > 0 {
			in.out = append(in.out, piece{a: a, b: a + p})
		}
		raw := in.s[a+p : a+e]
		url := unescape(raw, false)
		if email {
			url = "mailto:" + url
		}
		in.out = append(in.out, piece{node: &content.Link{
			Span:     in.ts.span(a+p, a+e),
			Children: in.textNodes(a+p, a+e),
			URL:      url,
		}})
		a += e
	}
	if a < b {
		in.out = append(in.out, piece{a: a, b: b})
	}
}
