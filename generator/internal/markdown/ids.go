package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs is a parser.IDs that keeps Chinese (and every other script's)
// letters in heading IDs; goldmark's default keeps ASCII only, which leaves
// a Chinese page with IDs "heading", "heading-1", ...
//
// One value serves one Render call: it remembers the IDs used so far in
// that document, and documents must not see each other's.
type headingIDs struct {
	used map[string]bool
	// next is the suffix to try first for a repeated slug: counting up from 2
	// each time made a document of n equal headings cost n².
	next map[string]int
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate returns a slug of value not used before in this document, adding
// -2, -3, ... to repeats in the order they are generated.
func (s *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slug(string(value))
	id := base
	if s.used[id] {
		n := max(s.next[base], 2)
		for id = base + "-" + strconv.Itoa(n); s.used[id]; id = base + "-" + strconv.Itoa(n) {
			n++
		}
		s.next[base] = n + 1
	}
	s.used[id] = true
	return []byte(id)
}

// Put records an ID written by hand, so generated ones avoid it.
func (s *headingIDs) Put(value []byte) {
	s.used[string(value)] = true
}

// slug turns heading text into an ID: letters, digits and combining marks of
// any script are kept (ASCII letters lower-cased); quotes, brackets and
// apostrophes are dropped, since they hug a word rather than separate two
// (`勇当“闯将”` gives `勇当闯将`, `don't` gives `dont`); every other run of
// spaces, punctuation and symbols becomes one "-". Leading and trailing "-"
// are trimmed, and text with nothing left gives "section".
func slug(s string) string {
	var b strings.Builder
	pendingDash := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			if pendingDash && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingDash = false
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteRune(r)
		case isWordHugging(r):
			// dropped
		default:
			pendingDash = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// isWordHugging reports whether r is a quote, bracket or apostrophe.
func isWordHugging(r rune) bool {
	return r == '\'' || r == '"' ||
		unicode.In(r, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf)
}
