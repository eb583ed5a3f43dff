package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The inline parsers here take the place of goldmark's emphasis and GFM
// strikethrough parsers, so that scanDelimiter's flanking rules, which accept
// emphasis next to CJK text, decide which runs may open and close. Each
// pushes its runs as delimiters through goldmark's parser API, and goldmark
// still matches them (parser.ProcessDelimiters) and renders the nodes.

// emphasisDelimiters makes `*` and `_` runs into ast.Emphasis nodes.
type emphasisDelimiters struct{}

func (emphasisDelimiters) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisDelimiters) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

// emphasisParser parses `*` and `_` delimiter runs.
type emphasisParser struct{}

func (emphasisParser) Trigger() []byte { return []byte{'*', '_'} }

func (emphasisParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := precedingOf(block)
	line, segment := block.PeekLine()
	d := scanDelimiter(line, before, 1, emphasisDelimiters{})
	if d == nil {
		return nil
	}
	d.Segment = segment.WithStop(segment.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

// strikethroughDelimiters makes `~` runs into GFM strikethrough nodes.
type strikethroughDelimiters struct{}

func (strikethroughDelimiters) IsDelimiter(b byte) bool { return b == '~' }

func (strikethroughDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikethroughDelimiters) OnMatch(int) ast.Node { return extast.NewStrikethrough() }

// strikethroughParser parses `~` and `~~` runs; longer runs stay text, as
// in goldmark's GFM extension.
type strikethroughParser struct{}

func (strikethroughParser) Trigger() []byte { return []byte{'~'} }

func (strikethroughParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := precedingOf(block)
	line, segment := block.PeekLine()
	d := scanDelimiter(line, before, 1, strikethroughDelimiters{})
	if d == nil || d.OriginalLength > 2 || before.char == '~' {
		return nil
	}
	d.Segment = segment.WithStop(segment.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

// strikethrough is extension.Strikethrough with the CJK-friendly parser;
// goldmark's own node and HTML renderer are reused.
type strikethrough struct{}

func (strikethrough) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(strikethroughParser{}, 500),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
	))
}

// inlineParsers is goldmark's default inline parser list with the emphasis
// parser replaced. Defaults are dropped by trigger rather than by identity
// so a parser goldmark adds for other characters in a later version is kept.
func inlineParsers() []util.PrioritizedValue {
	var out []util.PrioritizedValue
	for _, v := range parser.DefaultInlineParsers() {
		if triggersOn(v.Value.(parser.InlineParser), '*', '_') {
			continue
		}
		out = append(out, v)
	}
	return append(out, util.Prioritized(emphasisParser{}, 500))
}

// triggersOn reports whether p is triggered by any of chars.
func triggersOn(p parser.InlineParser, chars ...byte) bool {
	for _, t := range p.Trigger() {
		for _, c := range chars {
			if t == c {
				return true
			}
		}
	}
	return false
}
