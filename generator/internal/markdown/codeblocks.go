package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// focusableCodeBlock lets a keyboard reach a code block's scrolling, as
// focusableTable does a table's: a line of code wider than a phone scrolls the
// block inside itself (.prose pre in the theme's stylesheet), and a scrolling
// region that cannot take the focus cannot be scrolled without a pointer (WCAG
// 2.1.1; axe-core's scrollable-region-focusable).
func focusableCodeBlock(n ast.Node) {
	n.SetAttributeString("tabindex", "0")
}

// codeBlocks renders indented and fenced code blocks with their attributes on
// <pre>: goldmark's HTML renderer writes none there, so the tabindex
// focusableCodeBlock sets would otherwise be lost.
type codeBlocks struct{}

// Extend registers the renderer ahead of goldmark's default one (1000).
func (codeBlocks) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(codeBlocks{}, 500)))
}

// RegisterFuncs takes over both kinds of code block.
func (codeBlocks) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindCodeBlock, renderCodeBlock)
	r.Register(ast.KindFencedCodeBlock, renderCodeBlock)
}

// renderCodeBlock writes <pre> with the node's attributes, then <code>, with a
// fenced block's language as its class, and the lines escaped as text, as
// goldmark writes them.
func renderCodeBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</code></pre>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<pre")
	html.RenderAttributes(w, n, html.GlobalAttributeFilter)
	_, _ = w.WriteString("><code")
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		if lang := f.Language(src); lang != nil {
			_, _ = w.WriteString(` class="language-`)
			html.DefaultWriter.Write(w, lang)
			_ = w.WriteByte('"')
		}
	}
	_ = w.WriteByte('>')
	lines := n.Lines()
	for i := range lines.Len() {
		line := lines.At(i)
		html.DefaultWriter.RawWrite(w, line.Value(src))
	}
	return ast.WalkContinue, nil
}
