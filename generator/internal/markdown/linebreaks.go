package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// cjkLineBreaks drops the soft line breaks that would show as a stray space
// in Chinese or Japanese text: editors wrap lines anywhere, and those
// languages put no spaces between words. A break is dropped when the
// character on either side of it is a CJK character (Hangul aside, since
// Korean spaces its words) or a zero-width space; any other break is kept,
// so English sentences quoted in a Chinese article keep their spaces.
//
// This is the behaviour goldmark documents for
// extension.EastAsianLineBreaksCSS3Draft ("ignored even if only one side of
// the break is an east asian wide character"). That renderer option is not
// used because, in v1.8.7, it also joins lines next to any punctuation
// ("He left.\nThen" renders "He left.Then") and drops every break followed
// by markup ("hello\n**world**" renders "hello<strong>world</strong>").
// Deciding on the AST, with the characters on either side found through
// inline markup, avoids both.
type cjkLineBreaks struct{}

// Extend registers the transformer; it runs after inline parsing.
func (cjkLineBreaks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(cjkLineBreaks{}, 1000)))
}

// Transform clears the soft line break of every text node whose break is
// to be dropped; the HTML renderer then writes nothing for it.
func (cjkLineBreaks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok || !t.SoftLineBreak() || t.HardLineBreak() || t.IsRaw() || isInCodeSpan(t) {
			return ast.WalkContinue, nil
		}
		before, ok := edgeRune(t, src, true)
		if !ok {
			before = runeBeside(t, src, true)
		}
		if dropsSoftBreak(before, runeBeside(t, src, false)) {
			t.SetSoftLineBreak(false)
		}
		return ast.WalkContinue, nil
	})
}

// dropsSoftBreak reports whether a soft line break between before and after
// should vanish.
func dropsSoftBreak(before, after rune) bool {
	const zeroWidthSpace = '\u200b'
	if before == zeroWidthSpace || after == zeroWidthSpace {
		return true
	}
	return discardsSpace(before) || discardsSpace(after)
}

// discardsSpace reports whether r belongs to a script written without
// spaces between words.
func discardsSpace(r rune) bool {
	return isCJK(r) && !unicode.Is(unicode.Hangul, r)
}

// unknownRune stands for a neighbour whose text cannot be told, such as raw
// HTML; it is not CJK, so the line break beside it is kept.
const unknownRune rune = -1

// runeBeside returns the character shown just before (or after) n within its
// block, looking through inline markup such as emphasis and links.
func runeBeside(n ast.Node, src []byte, before bool) rune {
	for cur := n; cur != nil && cur.Type() == ast.TypeInline; cur = cur.Parent() {
		for s := step(cur, before); s != nil; s = step(s, before) {
			if r, ok := edgeRune(s, src, before); ok {
				return r
			}
		}
	}
	return unknownRune
}

func step(n ast.Node, backwards bool) ast.Node {
	if backwards {
		return n.PreviousSibling()
	}
	return n.NextSibling()
}

// edgeRune returns the last (or first) character n shows; ok is false when
// it shows none.
func edgeRune(n ast.Node, src []byte, last bool) (rune, bool) {
	switch n := n.(type) {
	case *ast.Text:
		return edgeOf(n.Segment.Value(src), last)
	case *ast.String:
		return edgeOf(n.Value, last)
	case *ast.AutoLink:
		return edgeOf(n.Label(src), last)
	case *ast.RawHTML:
		return unknownRune, true
	}
	c := n.FirstChild()
	if last {
		c = n.LastChild()
	}
	for ; c != nil; c = step(c, last) {
		if r, ok := edgeRune(c, src, last); ok {
			return r, true
		}
	}
	return 0, false
}

func edgeOf(v []byte, last bool) (rune, bool) {
	if len(v) == 0 {
		return 0, false
	}
	if last {
		r, _ := utf8.DecodeLastRune(v)
		return r, true
	}
	r, _ := utf8.DecodeRune(v)
	return r, true
}
