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

// scanDelimiter reads the run of delimiter characters at the start of line
// and says whether it may open or close emphasis, by the definitions of
// CommonMark 0.31 (“left-flanking” and “right-flanking delimiter runs”) as
// the CJK-friendly amendment changes them
// (https://github.com/tats-u/markdown-cjk-friendly/blob/main/specification.md).
// It returns nil when line does not start with a run of at least minimum
// characters processor delimits.
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
	run := runLength(line)
	if run < minimum {
		return nil
	}
	// The end of the line counts as whitespace.
	next := ' '
	if run < len(line) {
		next = util.ToRune(line, run)
	}
	left, right := flanking(before, next)
	open, closes := left, right
	if line[0] == '_' {
		// An underscore inside a word stays literal (snake_case), CJK or
		// not: it opens only where its left side is not a word, and closes
		// only where its right side is not.
		open = left && (!right || util.IsPunctRune(before.char))
		closes = right && (!left || util.IsPunctRune(next))
	}
	return parser.NewDelimiter(open, closes, run, line[0], processor)
}

// runLength counts the characters like line's first at its start.
func runLength(line []byte) int {
	n := 1
	for n < len(line) && line[n] == line[0] {
		n++
	}
	return n
}

// flanking says whether a delimiter run between before and next is
// left-flanking (it may open) and right-flanking (it may close).
//
// CommonMark: a run is left-flanking when no whitespace follows it and either
// no punctuation follows it, or whitespace or punctuation precedes it;
// right-flanking is the mirror image. The amendment counts only punctuation
// that is not CJK as “punctuation” here, and a run is also left-flanking
// when a CJK character precedes it, and right-flanking when one follows it.
func flanking(before preceding, next rune) (left, right bool) {
	beforeSpace, nextSpace := util.IsSpaceRune(before.char), util.IsSpaceRune(next)
	nextCJK := isCJK(next)
	beforeBlocks := util.IsPunctRune(before.char) && !before.cjk
	nextBlocks := util.IsPunctRune(next) && !nextCJK
	left = !nextSpace && (!nextBlocks || beforeSpace || beforeBlocks || before.cjk)
	right = !beforeSpace && (!beforeBlocks || nextSpace || nextBlocks || nextCJK)
	return left, right
}
