package render

import "bytes"

// minifyCSS removes comments and the whitespace CSS does not need. It is
// deliberately conservative (no rewriting of values or selectors), so the rules
// mean exactly what the theme's file says:
//
//   - comments go; every run of white space becomes one space;
//   - space next to { } ; , > goes, since it never matters there. Space next to
//     a colon is kept: "a :hover" (a descendant) is not "a:hover";
//   - inside an innermost block, which holds declarations and never selectors,
//     the space after a colon goes;
//   - the last declaration of a block loses its semicolon.
//
// The theme's CSS has no "/*" inside a string, which would be the one case this
// misreads. It is written as loops rather than regular expressions, which cost
// a build of ten departments a millisecond to compile and run (minify_test.go
// keeps the regular expressions as the reference it is checked against).
func minifyCSS(b []byte) []byte {
	b = stripCSSComments(b)
	spaced := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if !isCSSSpace(b[i]) {
			spaced = append(spaced, b[i])
			i++
			continue
		}
		j := i
		for j < len(b) && isCSSSpace(b[j]) {
			j++
		}
		afterPunct := len(spaced) > 0 && isCSSPunct(spaced[len(spaced)-1])
		beforePunct := j < len(b) && isCSSPunct(b[j])
		if !afterPunct && !beforePunct {
			spaced = append(spaced, ' ')
		}
		i = j
	}

	out := make([]byte, 0, len(spaced))
	for i := 0; i < len(spaced); {
		if spaced[i] != '{' {
			out = append(out, spaced[i])
			i++
			continue
		}
		end := bytes.IndexAny(spaced[i+1:], "{}")
		if end < 0 || spaced[i+1+end] != '}' {
			out = append(out, '{') // not innermost: selectors or an at-rule's blocks follow
			i++
			continue
		}
		block := spaced[i : i+1+end+1]
		for k := 0; k < len(block); k++ {
			out = append(out, block[k])
			if block[k] == ':' && k+1 < len(block) && block[k+1] == ' ' {
				k++ // one space at most: runs were collapsed above
			}
		}
		i += len(block)
	}
	out = bytes.ReplaceAll(out, []byte(";}"), []byte("}"))
	return append(bytes.TrimSpace(out), '\n')
}

// stripCSSComments removes every /* … */; an unclosed one is left as it is.
func stripCSSComments(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for {
		open := bytes.Index(b, []byte("/*"))
		if open < 0 {
			break
		}
		end := bytes.Index(b[open+2:], []byte("*/"))
		if end < 0 {
			break
		}
		out = append(out, b[:open]...)
		b = b[open+2+end+2:]
	}
	return append(out, b...)
}

// isCSSSpace is the white space of CSS (and of Go's \s): space, tab, line feed,
// carriage return, form feed.
func isCSSSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isCSSPunct(c byte) bool {
	return c == '{' || c == '}' || c == ';' || c == ',' || c == '>'
}
