package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// headingOf gives h its ID and describes it for Result.Headings.
//
// The ID is made from the heading's plain text rather than from its source
// line, which is what goldmark's WithAutoHeadingID uses: the source line
// would put link URLs, entity names and the like into the ID. A heading
// that already has an id attribute keeps it.
func headingOf(h *ast.Heading, src []byte, ids *headingIDs) Heading {
	plain := plainText(h, src)
	var id string
	if v, ok := h.AttributeString("id"); ok {
		switch v := v.(type) {
		case []byte:
			id = string(v)
		case string:
			id = v
		}
	}
	if id == "" {
		id = string(ids.Generate([]byte(plain), ast.KindHeading))
		h.SetAttributeString("id", []byte(id))
	}
	return Heading{Level: h.Level, ID: id, Text: plain}
}

// plainText is the text a reader sees in n: markup, raw HTML and footnote
// markers left out, escapes and entities decoded, line breaks as spaces.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			v := c.Segment.Value(src)
			if c.IsRaw() || isInCodeSpan(c) {
				b.Write(v)
			} else {
				b.Write(decodeText(v))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// decodeText resolves backslash escapes and character references the way
// goldmark's HTML writer does when it prints text.
func decodeText(v []byte) []byte {
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

func isInCodeSpan(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindCodeSpan {
			return true
		}
	}
	return false
}
