package markdown

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// goldmark's time grows with the square of the input for a few constructs no
// news text needs (measured in BENCHMARKS.md, “Markdown that would be slow”):
//
//   - Containers nested deep on one line: each “>” or list marker that opens a
//     block quote or list item makes goldmark count the line's columns again
//     from its start (text.reader.LineOffset), so a line of n “>” costs n².
//     Lines after it pay once per open container.
//   - Link destinations that never end: after each “](”, goldmark reads the
//     address to the end of the line when its “(” are not closed, so a line of
//     n “[a](” costs n².
//   - Very long paragraphs: for each link text, goldmark finds its line by
//     walking back over the paragraph's lines (text.blockReader.Value), and for
//     each link reference definition it copies the paragraph's remaining lines.
//   - Link texts that close far from where they open: for each “]”, goldmark
//     looks at every node since its “[” for a link inside (linkParser's
//     containsLink), so n “[” followed by n “]” cost n².
//   - Many brackets, table cells and headings in one text, which cost far
//     more than their bytes (nodes each, an ID each) though not n².
//   - Many emphasis marks in one paragraph: for each run of “*”, “_” or “~”
//     that may close, goldmark looks back over every run before it that could
//     not be matched (parser.ProcessDelimiters keeps no lower bound, as
//     CommonMark's reference parsers do), so “*a **b” repeated costs n².
//
// checkLimits finds them before goldmark sees the text, so Render refuses them
// with their place instead of running for minutes. The limits are far beyond
// what an article holds (three levels of nesting, addresses of a few hundred
// characters, paragraphs of a few dozen lines) and keep the worst file within
// the size limit under a second.
const (
	// maxNesting is how deep block quotes, list items and footnotes may nest.
	maxNesting = 32
	// maxParagraphLines is how many lines one paragraph may run to.
	maxParagraphLines = 1000
	// maxAddressScan is how many characters goldmark may read in all, looking
	// for the ends of link addresses: real links cost their own length.
	maxAddressScan = 4 << 20
	// maxDelimiterRuns is how many runs of “*”, “_” and “~” one paragraph or
	// heading may hold: a paragraph of news has a few.
	maxDelimiterRuns = 1000
	// maxLabelScan is how many characters goldmark may look back over in all,
	// from each “]” to its “[”: real link texts cost their own length.
	maxLabelScan = 4 << 20
	// maxBrackets is how many “[” (links, images, footnotes) one text may
	// hold: each costs goldmark a few nodes and the collector their marking,
	// and a long report has a few hundred.
	maxBrackets = 20000
	// maxHeadings is how many headings one text may have: an article has a few
	// dozen, and each costs an ID and an entry in the table of contents.
	maxHeadings = 10000
	// maxCells is how many “|” one text may hold: each is a table cell, and an
	// article's tables have a few dozen.
	maxCells = 20000
	// maxRefusals keeps a file of thousands of bad lines to a readable report.
	maxRefusals = 20
)

// Refusal is a construct Render does not hand to goldmark, and why.
type Refusal struct {
	Line int // 1-based line in the source passed to Render
	Col  int // 1-based column, in characters
	Msg  string
	Hint string
}

// container is a block quote, list item or footnote open at a line.
type container struct {
	quote bool // “>”; otherwise a list item or footnote, continued by indentation
	col   int  // an item's content column, which its lines are indented to
}

// limitScan is checkLimits' state as it reads the source line by line.
type limitScan struct {
	open      []container
	prevText  bool // the previous line was a paragraph's, so this one may continue it lazily
	fence     byte // '`' or '~' inside a fenced code block
	fenceLen  int
	runStart  int // first line of the paragraph being read
	runLines  int
	runMarks  int   // runs of emphasis marks in it
	runOffset int   // bytes of the paragraph read so far
	opens     []int // offsets in the paragraph of the “[” not closed yet
	brackets  int   // “[” in the text
	cells     int   // “|” in the text
	headings  int
	scanned   int // characters goldmark would read for link addresses so far
	addressed bool
	looked    int // characters goldmark would look back over from “]” so far
	labelled  bool
	refused   []Refusal
}

// checkLimits returns the constructs of src that would make goldmark slow.
func checkLimits(src []byte) []Refusal {
	var s limitScan
	line := func(from int) []byte { // the line starting at from, without its \n
		if i := bytes.IndexByte(src[from:], '\n'); i >= 0 {
			return src[from : from+i]
		}
		return src[from:]
	}
	for n, at := 1, 0; at < len(src) && len(s.refused) < maxRefusals; n++ {
		l := line(at)
		at += len(l) + 1
		var next []byte
		if at < len(src) {
			next = line(at)
		}
		s.line(n, l, next)
	}
	return s.refused
}

func (s *limitScan) refuse(line int, l []byte, at int, msg, hint string) {
	s.refused = append(s.refused, Refusal{Line: line, Col: utf8.RuneCount(l[:at]) + 1, Msg: msg, Hint: hint})
}

// line reads one line: which containers it continues, which it opens, whether
// it goes on a paragraph, and the link addresses goldmark would look for on it.
func (s *limitScan) line(n int, l, next []byte) {
	pos, col := 0, 0
	// Continue the open containers: a quote by its “>”, an item by indentation.
	matched := 0
	for _, c := range s.open {
		p, w := indent(l, pos, col)
		if c.quote {
			if w-col > 3 || p >= len(l) || l[p] != '>' {
				break
			}
			pos, col = p+1, w+1
			if pos < len(l) && (l[pos] == ' ' || l[pos] == '\t') {
				pos, col = advance(l, pos, col)
			}
		} else if p < len(l) && l[p] != '\r' { // a blank line continues an item
			if w < c.col {
				break
			}
			pos, col = skipTo(l, pos, col, c.col)
		}
		matched++
	}
	p, w := indent(l, pos, col)
	blank := p >= len(l) || l[p] == '\r'
	rest := l[p:]
	if matched < len(s.open) {
		lazy := s.prevText && !blank && !startsBlock(rest) && s.fence == 0
		if !lazy {
			s.open = s.open[:matched]
			s.fence = 0
		}
	}
	if blank {
		// Block quotes end at a blank line without “>”; items go on.
		for len(s.open) > matched && s.open[len(s.open)-1].quote {
			s.open = s.open[:len(s.open)-1]
		}
		s.endParagraph()
		return
	}
	if s.fence != 0 {
		if onlyRun(rest, s.fence, s.fenceLen) {
			s.fence = 0
		}
		return
	}
	// Open new containers: “>”, list markers and footnote definitions.
	for {
		p, w = indent(l, pos, col)
		if w-col > 3 || p >= len(l) {
			break
		}
		var c container
		var end int
		switch {
		case l[p] == '>':
			c, end = container{quote: true}, p+1
		case isThematicBreak(l[p:]):
		default:
			if m := listMarker(l[p:]); m > 0 {
				c, end = container{}, p+m
			} else if m := footnoteMarker(l[p:]); m > 0 {
				c, end = container{}, p+m
			}
		}
		if end == 0 {
			break
		}
		if len(s.open) >= maxNesting {
			s.refuse(n, l, p, fmt.Sprintf("block quotes, lists and footnotes are nested more than %d deep here", maxNesting),
				"nest a few levels at most; a line of “>” or list markers is not text a reader can follow")
			s.open = s.open[:0]
			s.endParagraph()
			return
		}
		pos, col = end, w+(end-p)
		if pos < len(l) && (l[pos] == ' ' || l[pos] == '\t') {
			pos, col = advance(l, pos, col)
		}
		if !c.quote {
			c.col = col
		}
		s.open = append(s.open, c)
	}
	p, w = indent(l, pos, col)
	rest = l[p:]
	switch {
	case p >= len(l) || l[p] == '\r':
		s.endParagraph()
	case fenceOpens(rest):
		s.fence, s.fenceLen = rest[0], runOf(rest, rest[0])
		s.endParagraph()
	case w-col >= 4 && !s.prevText:
		// An indented code block: code, not a paragraph.
	case startsBlock(rest), s.prevText && onlyRun(rest, '=', 1):
		// (A line of “=” under a paragraph makes it a heading, as “-” does.)
		if rest[0] == '#' || rest[0] == '=' || rest[0] == '-' && s.prevText && onlyRun(rest, '-', 1) {
			if s.headings++; s.headings == maxHeadings+1 {
				s.refuse(n, l, p, fmt.Sprintf("a text of more than %d headings: this is heading %d", maxHeadings, maxHeadings+1),
					"split the text; an article has a few dozen headings")
			}
		}
		s.endParagraph()
		if rest[0] == '#' {
			s.runStart = n
			s.inline(n, l, p)
			s.endParagraph()
		}
	default:
		if !s.prevText {
			s.runStart, s.runLines = n, 0
		}
		s.runLines++
		s.prevText = true
		if s.runLines == maxParagraphLines+1 {
			s.refused = append(s.refused, Refusal{Line: s.runStart, Col: 1,
				Msg:  fmt.Sprintf("a paragraph of more than %d lines starts here", maxParagraphLines),
				Hint: "put a blank line between paragraphs; a paragraph is a few lines of text"})
		}
		s.inline(n, l, p)
		s.addresses(n, l, p, next)
	}
}

func (s *limitScan) endParagraph() {
	s.prevText, s.runLines, s.runMarks, s.runOffset, s.opens = false, 0, 0, 0, s.opens[:0]
}

// inline reads a line of the paragraph (or heading) being read from byte from:
// it counts the runs of emphasis marks, refusing the paragraph once they pass
// the limit, and pairs brackets as goldmark does, counting how far each “]”
// looks back.
func (s *limitScan) inline(n int, l []byte, from int) {
	before := s.runMarks
	text := l[from:]
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\\':
			i++ // an escaped character is text
		case c == '[':
			s.opens = append(s.opens, s.runOffset+i)
			if s.brackets++; s.brackets == maxBrackets+1 {
				s.refuse(n, l, from+i, fmt.Sprintf("a text of more than %d “[” (links, images, footnotes): this is the %dth", maxBrackets, maxBrackets+1),
					"split the text; to show a bracket itself, write it as \\[")
			}
		case c == ']':
			if len(s.opens) > 0 {
				open := s.opens[len(s.opens)-1]
				s.opens = s.opens[:len(s.opens)-1]
				s.looked += s.runOffset + i - open
				if s.looked > maxLabelScan && !s.labelled {
					s.labelled = true
					s.refuse(n, l, from+i, fmt.Sprintf("this “]” closes a “[” %d characters back, after %d characters of link texts before it", s.runOffset+i-open, s.looked),
						"close each “[” soon after it: a link's text is a few words; write a literal bracket as \\[ or \\]")
				}
			}
			if i+1 < len(text) && text[i+1] == '(' {
				// A link's address is not text: its marks are not emphasis.
				for i += 2; i < len(text) && text[i] != ')' && text[i] != ' '; i++ {
				}
			}
		case c == '|':
			if s.cells++; s.cells == maxCells+1 {
				s.refuse(n, l, from+i, fmt.Sprintf("a text of more than %d table cells (“|”): this is the %dth", maxCells, maxCells+1),
					"split the table, or publish the data as a file; to show a bar itself, write it as \\|")
			}
		case c == '*' || c == '_' || c == '~':
			s.runMarks++
			for i+1 < len(text) && text[i+1] == c {
				i++
			}
		}
	}
	s.runOffset += len(text) + 1
	if before <= maxDelimiterRuns && s.runMarks > maxDelimiterRuns {
		s.refused = append(s.refused, Refusal{Line: s.runStart, Col: 1,
			Msg:  fmt.Sprintf("a paragraph with more than %d runs of emphasis marks (* _ ~) starts here", maxDelimiterRuns),
			Hint: "split it into paragraphs; to show the marks themselves, write them as \\* \\_ \\~"})
	}
}

// addresses adds what goldmark reads looking for the end of each link address
// on the line, and refuses the line whose addresses take the total past
// maxAddressScan, at the “](” that reads furthest.
//
// A line's few real addresses are measured by reading each, as goldmark will:
// that costs what it adds to the total, so it stops at the limit, and it
// allocates nothing (four slices the length of every line with a link were
// the largest allocation of a small site's build). Only a line that passes
// the limit is measured again in one pass each way, to name its worst address.
func (s *limitScan) addresses(n int, l []byte, from int, next []byte) {
	if s.addressed || !bytes.Contains(l[from:], []byte("](")) {
		return
	}
	budget := maxAddressScan - s.scanned
	total, worst, worstAt, whole := measureAddresses(l, from, next, budget, addressEnd)
	if !whole {
		ends := addressEnds(l)
		total, worst, worstAt, _ = measureAddresses(l, from, next, -1, ends.end)
	}
	s.scanned += total
	if s.scanned > maxAddressScan && worstAt >= 0 {
		s.addressed = true
		s.refuse(n, l, worstAt, fmt.Sprintf("the link address after this “](” runs on for %d characters: its “(” are never closed", worst),
			"end each link address with “)”; write a literal “](” as “]\\(”")
	}
}

// measureAddresses adds up what goldmark reads for each address on l after
// from, each ending where end says, and finds the one read furthest. With a
// budget of zero or more it gives up (whole is false) once the total passes it.
func measureAddresses(l []byte, from int, next []byte, budget int, end func(l []byte, start int) int) (total, worst, worstAt int, whole bool) {
	worstAt = -1
	for i := from; i+1 < len(l); i++ {
		if l[i] != ']' || l[i+1] != '(' {
			continue
		}
		start := i + 2
		for start < len(l) && (l[start] == ' ' || l[start] == '\t') {
			start++
		}
		cost := len(next) // the address may start on the next line
		if start < len(l) && l[start] != '\r' {
			cost = end(l, start) - start
		}
		total += cost
		if cost > worst {
			worst, worstAt = cost, i
		}
		if budget >= 0 && total > budget {
			return total, worst, worstAt, false
		}
	}
	return total, worst, worstAt, true
}

// addressEnd reads an address from start as goldmark does: to the “>” of an
// address in angle brackets, else to a space or the “)” that closes more than
// the address opened; a backslash escapes the punctuation after it.
func addressEnd(l []byte, start int) int {
	if l[start] == '<' {
		if i := bytes.IndexByte(l[start:], '>'); i >= 0 {
			return start + i
		}
		return len(l)
	}
	depth := 0
	for i := start; i < len(l); i++ {
		switch c := l[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			return i
		case c == '\\' && i+1 < len(l) && isPunct(l[i+1]):
			i++
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return len(l)
}

// addressLine knows, for every position of a line, where goldmark's search for
// the end of a link address starting there stops.
type addressLine struct {
	space  []int // the next space or tab at or after each position
	angle  []int // the next “>” after each position
	closes []int // the next position where the “(” and “)” after a start no longer balance
}

// addressEnds prepares a line in one pass each way, so finding every
// address's end costs the line's length, not its square.
func addressEnds(l []byte) *addressLine {
	n := len(l)
	a := &addressLine{space: make([]int, n+1), angle: make([]int, n+1), closes: make([]int, n+1)}
	a.space[n], a.angle[n] = n, n
	for i := n - 1; i >= 0; i-- {
		a.space[i], a.angle[i] = a.space[i+1], a.angle[i+1]
		switch l[i] {
		case ' ', '\t', '\r', '\f', '\v':
			a.space[i] = i
		case '>':
			a.angle[i] = i
		}
	}
	// depth[i] is the count of “(” less “)” before position i; an address
	// started at i ends at the first “)” that takes the count below depth[i].
	// Backslash-escaped brackets do not count.
	depth := make([]int, n+1)
	for i := 0; i < n; i++ {
		depth[i+1] = depth[i]
		switch {
		case l[i] == '\\' && i+1 < n && isPunct(l[i+1]):
			depth[i+2] = depth[i]
			i++
		case l[i] == '(':
			depth[i+1]++
		case l[i] == ')':
			depth[i+1]--
		}
	}
	// The next position whose depth is below each position's: a stack of
	// positions still waiting for one.
	waiting := []int{}
	for i := 0; i <= n; i++ {
		for len(waiting) > 0 && depth[i] < depth[waiting[len(waiting)-1]] {
			a.closes[waiting[len(waiting)-1]] = i - 1
			waiting = waiting[:len(waiting)-1]
		}
		waiting = append(waiting, i)
	}
	for _, w := range waiting {
		a.closes[w] = n
	}
	return a
}

// end is where the search for an address starting at start stops.
func (a *addressLine) end(l []byte, start int) int {
	if l[start] == '<' {
		return a.angle[start]
	}
	return min(a.space[start], a.closes[start])
}

func isPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// indent skips spaces and tabs from pos (at visual column col) and returns
// where the text starts and its column. Tabs stop at multiples of 4.
func indent(l []byte, pos, col int) (int, int) {
	for pos < len(l) {
		switch l[pos] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return pos, col
		}
		pos++
	}
	return pos, col
}

// advance steps over one space or tab.
func advance(l []byte, pos, col int) (int, int) {
	if l[pos] == '\t' {
		return pos + 1, col + 4 - col%4
	}
	return pos + 1, col + 1
}

// skipTo steps over indentation up to column target.
func skipTo(l []byte, pos, col, target int) (int, int) {
	for pos < len(l) && col < target && (l[pos] == ' ' || l[pos] == '\t') {
		pos, col = advance(l, pos, col)
	}
	return pos, col
}

// listMarker returns the length of a list marker at the start of b (“-”, “*”,
// “+”, or up to nine digits and “.” or “)”) followed by a space, a tab or the
// line's end; 0 when there is none.
func listMarker(b []byte) int {
	n := 0
	switch {
	case len(b) > 0 && (b[0] == '-' || b[0] == '*' || b[0] == '+'):
		n = 1
	default:
		for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(b) || (b[n] != '.' && b[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(b) && b[n] != ' ' && b[n] != '\t' && b[n] != '\r' {
		return 0
	}
	return n
}

// footnoteMarker returns the length of “[^label]:” at the start of b, or 0.
func footnoteMarker(b []byte) int {
	if len(b) < 4 || b[0] != '[' || b[1] != '^' {
		return 0
	}
	for i := 2; i < len(b) && i < 1000; i++ {
		switch b[i] {
		case ']':
			if i > 2 && i+1 < len(b) && b[i+1] == ':' {
				return i + 2
			}
			return 0
		case ' ', '\t', '[':
			return 0
		}
	}
	return 0
}

// isThematicBreak reports “***”, “- - -” and the like: three or more of one of
// - * _ and nothing else but spaces. A list marker gives way to it.
func isThematicBreak(b []byte) bool {
	if len(b) == 0 || (b[0] != '-' && b[0] != '*' && b[0] != '_') {
		return false
	}
	n := 0
	for _, c := range b {
		switch c {
		case b[0]:
			n++
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return n >= 3
}

// startsBlock reports a line that begins a block of its own rather than going
// on with a paragraph: a heading, a thematic break, a fence, a block quote or a
// list item.
func startsBlock(b []byte) bool {
	switch {
	case len(b) == 0:
		return false
	case b[0] == '#', b[0] == '>', isThematicBreak(b), fenceOpens(b):
		return true
	}
	return listMarker(b) > 0 || footnoteMarker(b) > 0
}

func fenceOpens(b []byte) bool {
	return len(b) >= 3 && (b[0] == '`' || b[0] == '~') && runOf(b, b[0]) >= 3
}

// onlyRun reports whether b is n or more c and nothing after them but spaces:
// the fence that closes a fenced block, or a setext heading's “===”.
func onlyRun(b []byte, c byte, n int) bool {
	m := runOf(b, c)
	if m < n {
		return false
	}
	for _, x := range b[m:] {
		if x != ' ' && x != '\t' && x != '\r' {
			return false
		}
	}
	return true
}

func runOf(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}
