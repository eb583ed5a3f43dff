package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// preceding is what comes before a delimiter run, as the CJK-friendly
// flanking rules see it.
type preceding struct {
	// char is the character before the run; when that is a general-use
	// variation selector, it is the character the selector modifies.
	char rune
	// cjk is true when char is a CJK sequence (CJK punctuation included),
	// a fullwidth quote sequence (“ + U+FE01), or an Ideographic Variation
	// Selector: the cases in which punctuation after the run must not stop
	// it from opening.
	cjk bool
}

// precedingOf reads what comes before the delimiter run at the reader's
// position. goldmark only offers the one character before it; the second is
// needed only behind a variation selector, and is read from the source.
func precedingOf(block text.Reader) preceding {
	before := block.PrecendingCharacter()
	if !isGeneralUseVS(before) {
		return preceding{char: before, cjk: isCJK(before) || isIdeographicVS(before)}
	}
	_, pos := block.Position()
	end := pos.Start - utf8.RuneLen(before)
	if end <= 0 {
		return preceding{char: before}
	}
	base, _ := utf8.DecodeLastRune(block.Source()[:end])
	if util.IsSpaceRune(base) {
		// A selector after whitespace is left unspecified by the amendment;
		// like markdown-it-cjk-friendly, treat the selector as an ordinary
		// non-punctuation character.
		return preceding{char: before}
	}
	return preceding{
		char: base,
		cjk:  isCJK(base) || (before == 0xfe01 && isCJKAmbiguousQuote(base)),
	}
}

// scanDelimiter is goldmark's parser.ScanDelimiter (v1.8.7, MIT licence,
// Copyright (c) 2019 Yusuke Inuzuka) with the flanking definitions of the
// CommonMark CJK-friendly amendments
// (https://github.com/tats-u/markdown-cjk-friendly/blob/main/specification.md).
//
// CommonMark will not let `**“军令状”**是` close its emphasis, because the
// closing run follows punctuation and precedes a letter. The amendment only
// counts non-CJK punctuation as blocking, and lets a run next to blocking
// punctuation flank anyway when the character on its other side is CJK.
// Text without CJK characters next to delimiters parses exactly as in
// CommonMark.
func scanDelimiter(line []byte, before preceding, minimum int, processor parser.DelimiterProcessor) *parser.Delimiter {
	if len(line) == 0 || !processor.IsDelimiter(line[0]) {
		return nil
	}
	c := line[0]
	j := 1
	for j < len(line) && line[j] == c {
		j++
	}
	if j < minimum {
		return nil
	}
	after := rune(' ') // the end of the line counts as whitespace
	if j < len(line) {
		after = util.ToRune(line, j)
	}

	prevSpace := util.IsSpaceRune(before.char)
	prevPunct := util.IsPunctRune(before.char)
	prevNonCJKPunct := prevPunct && !before.cjk
	nextSpace := util.IsSpaceRune(after)
	nextPunct := util.IsPunctRune(after)
	nextCJK := isCJK(after)
	nextNonCJKPunct := nextPunct && !nextCJK

	leftFlanking := !nextSpace &&
		(!nextNonCJKPunct || prevSpace || prevNonCJKPunct || before.cjk)
	rightFlanking := !prevSpace &&
		(!prevNonCJKPunct || nextSpace || nextNonCJKPunct || nextCJK)

	var canOpen, canClose bool
	if c == '_' {
		// Intraword `_` stays literal (snake_case), CJK or not.
		canOpen = leftFlanking && (!rightFlanking || prevPunct)
		canClose = rightFlanking && (!leftFlanking || nextPunct)
	} else {
		canOpen = leftFlanking
		canClose = rightFlanking
	}
	return parser.NewDelimiter(canOpen, canClose, j, c, processor)
}
