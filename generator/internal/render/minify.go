package render

import (
	"bytes"
	"regexp"
)

var (
	cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
	cssSpace   = regexp.MustCompile(`\s+`)
	// Space next to these never matters in CSS. Colons are left alone: the space in
	// "a :hover" (a descendant) is not the same as "a:hover".
	cssPunct = regexp.MustCompile(`\s*([{};,>])\s*`)
	// An innermost block holds declarations, never selectors, so there the space
	// after a colon can go.
	cssDecls = regexp.MustCompile(`\{[^{}]*\}`)
	cssColon = regexp.MustCompile(`:\s+`)
)

// minifyCSS removes comments and the whitespace CSS does not need. It is
// deliberately conservative (no rewriting of values or selectors), so the rules
// mean exactly what the theme's file says. The theme's CSS has no "/*" inside a
// string, which would be the one case this misreads.
func minifyCSS(b []byte) []byte {
	b = cssComment.ReplaceAll(b, nil)
	b = cssSpace.ReplaceAll(b, []byte(" "))
	b = cssPunct.ReplaceAll(b, []byte("$1"))
	b = cssDecls.ReplaceAllFunc(b, func(block []byte) []byte { return cssColon.ReplaceAll(block, []byte(":")) })
	b = bytes.ReplaceAll(b, []byte(";}"), []byte("}"))
	return append(bytes.TrimSpace(b), '\n')
}
