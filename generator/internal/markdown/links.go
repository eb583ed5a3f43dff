package markdown

import (
	"bytes"
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
func neutralise(n ast.Node) {
	switch n := n.(type) {
	case *ast.Link:
		if isDangerousURL(n.Destination, false) {
			n.Destination = nil
		}
	case *ast.Image:
		if isDangerousURL(n.Destination, true) {
			n.Destination = nil
		}
	}
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

// brokenLink places a link that leads nowhere at the line and column in src
// where n starts; both are 0 when it cannot tell. goldmark records the offset
// of a link's "[" as its Pos; when a node has none, the first text inside it
// or the first line of its enclosing block stands in.
func brokenLink(dest string, n ast.Node, src []byte) BrokenLink {
	b := BrokenLink{Dest: dest}
	off := offsetOf(n)
	if off < 0 || off > len(src) {
		return b
	}
	b.Line = bytes.Count(src[:off], []byte{'\n'}) + 1
	b.Col = utf8.RuneCount(src[bytes.LastIndexByte(src[:off], '\n')+1:off]) + 1
	return b
}

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
