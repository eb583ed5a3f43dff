package markdown

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// isInternal reports whether dest is a site-internal path: it starts with
// "/" but is not protocol-relative ("//host/...").
func isInternal(dest string) bool {
	return strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//")
}

// resolveLink maps an internal link destination through resolve. It
// returns false when the link points to a page that does not exist; the
// link is then left as written.
func resolveLink(l *ast.Link, resolve func(string) (string, bool)) (dest string, ok bool) {
	dest = string(decodeText(l.Destination))
	if !isInternal(dest) {
		return dest, true
	}
	url, ok := resolve(dest)
	if !ok {
		return dest, false
	}
	l.Destination = escapeDestination(url)
	return dest, true
}

// resolveImage maps an internal image source through resolve; other sources
// are left as written.
func resolveImage(img *ast.Image, resolve func(string) string) {
	if src := string(decodeText(img.Destination)); isInternal(src) {
		img.Destination = escapeDestination(resolve(src))
	}
}

// escapeDestination protects url from the decoding goldmark's renderer
// applies to destinations (backslash escapes, then character references),
// so the URL the resolver chose is the one emitted.
func escapeDestination(url string) []byte {
	// By hand rather than with a strings.Replacer: building one per link was
	// a fourteenth of all the bytes a build allocated.
	out := make([]byte, 0, len(url)+8)
	for i := 0; i < len(url); i++ {
		switch url[i] {
		case '\\':
			out = append(out, `\\`...)
		case '&':
			out = append(out, "&amp;"...)
		default:
			out = append(out, url[i])
		}
	}
	return out
}

// neutralise empties the destination of a link or image whose URL could run
// script, leaving the node's text. goldmark's renderer already omits most of
// them in safe mode; this also covers `data:` links (goldmark lets
// `data:image/png` through, which is right for <img> but not for <a>) and
// applies whether or not Options.Unsafe is set, since Unsafe is about raw
// HTML, not about Markdown links.
//
// An autolink (<javascript:…>) holds its URL as its text and cannot lose one
// without the other: it is returned, to be replaced by a link with no target
// and the same text once the tree is walked (replacing it during the walk
// would end the walk of its siblings).
func neutralise(n ast.Node, src []byte) (autolink *ast.AutoLink) {
	switch n := n.(type) {
	case *ast.Link:
		if isDangerousURL(n.Destination, false) {
			n.Destination = nil
		}
	case *ast.Image:
		if isDangerousURL(n.Destination, true) {
			n.Destination = nil
		}
	case *ast.AutoLink:
		if isDangerousURL(n.URL(src), false) {
			return n
		}
	}
	return nil
}

// disarm replaces an autolink by a link with no target and the autolink's text.
func disarm(a *ast.AutoLink, src []byte) {
	l := ast.NewLink()
	l.AppendChild(l, ast.NewString(a.Label(src)))
	a.Parent().ReplaceChild(a.Parent(), a, l)
}

// isDangerousURL judges dest as the browser will see it: after goldmark has
// decoded escapes and character references (`&#106;avascript:` is
// `javascript:`) and percent-encoded it, with case ignored and any leading
// whitespace or control characters, which browsers strip, removed.
func isDangerousURL(dest []byte, image bool) bool {
	u := util.URLEscape(dest, true)
	u = bytes.TrimLeftFunc(u, func(r rune) bool { return r <= ' ' })
	if html.IsDangerousURL(u) {
		return true
	}
	return !image && len(u) >= 5 && bytes.EqualFold(u[:5], []byte("data:"))
}

// brokenAt is a link that leads nowhere and its offset in the source (-1 when
// it cannot tell).
type brokenAt struct {
	dest string
	off  int
}

// placeLinks gives each broken link its line and column, in source order. The
// footnote extension moves footnote bodies to the end of the tree; sorting by
// offset puts their links back where the editor wrote them. The lines are
// counted in one pass over the source: counting from the start for each link
// made a text of many broken links cost the square of its length.
func placeLinks(links []brokenAt, src []byte) []BrokenLink {
	if len(links) == 0 {
		return nil
	}
	slices.SortStableFunc(links, func(a, b brokenAt) int { return a.off - b.off })
	out := make([]BrokenLink, len(links))
	line, col, counted := 1, 1, 0 // the line and column of src[counted]
	for i, l := range links {
		out[i].Dest = l.dest
		if l.off < 0 || l.off > len(src) {
			continue
		}
		for counted < l.off {
			switch c := src[counted]; {
			case c == '\n':
				line, col = line+1, 1
			case utf8.RuneStart(c):
				col++
			}
			counted++
		}
		out[i].Line, out[i].Col = line, col
	}
	return out
}

// offsetOf is where n starts in the source, or -1. goldmark records the offset
// of a link's "[" as its Pos; when a node has none, the first text inside it or
// the first line of its enclosing block stands in.
func offsetOf(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for b := n.Parent(); b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			return b.Lines().At(0).Start
		}
	}
	return -1
}
