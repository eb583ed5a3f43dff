package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
)

// Table alignment becomes a class, never a style attribute: goldmark's default,
// style="text-align:right", is inline style, which the Content-Security-Policy
// the site ships (style-src 'self') blocks. The theme's stylesheet gives each
// class its text-align.
var alignClass = map[extast.Alignment]string{
	extast.AlignLeft:   "align-left",
	extast.AlignCenter: "align-center",
	extast.AlignRight:  "align-right",
}

// tables is GFM tables with alignment left to alignTableCell.
func tables() goldmark.Extender {
	return extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone))
}

// focusableTable lets a keyboard reach a table's scrolling: a table wider than
// a phone scrolls inside itself (.prose table in the theme's stylesheet), and a
// scrolling region that cannot take the focus cannot be scrolled without a
// pointer (WCAG 2.1.1; axe-core's scrollable-region-focusable).
func focusableTable(t *extast.Table) {
	t.SetAttributeString("tabindex", "0")
}

// alignTableCell gives a cell of an aligned column its class.
func alignTableCell(c *extast.TableCell) {
	if class, ok := alignClass[c.Alignment]; ok {
		c.SetAttributeString("class", class)
	}
}
