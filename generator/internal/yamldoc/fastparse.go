package yamldoc

import (
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fastParse builds the same tree yaml.v3's Decoder builds, for the part of YAML
// content files use, several times faster: yaml.v3 runs every byte through a
// general scanner, parser and event queue, which made it the largest cost of a
// build after templates.
//
// lines is the file split at "\n". The result is the DocumentNode, or ok false
// when the file uses anything outside the subset below or anything doubtful; the
// caller then parses it with yaml.v3, so files outside the subset, and every
// syntax error with its message, are yaml.v3's.
//
// The subset:
//   - block mappings with plain keys, block sequences ("- " items, also at the
//     same indentation as their key, and "- key: value" items);
//   - single-line plain, single-quoted and double-quoted scalars, and empty values;
//   - literal block scalars (|, |-, |+) with detected indentation;
//   - flow mappings and sequences that close on the line they open;
//   - comment lines before the first key, when the root is a mapping.
//
// Declined: any other comment, tabs, CR, control and other characters YAML
// refuses, "---" and "...", anchors, aliases, tags, "?" keys, directives, quoted
// keys, multi-line plain or quoted scalars, folded block scalars, "<<", and any
// indentation that is not exactly the expected one. yamldoc_test's differential
// test and FuzzFastParse check the result against yaml.v3.
//
// The nodes are carved from sc, which the caller may recycle once nothing holds
// them (Doc.Release); nil gives fresh memory.
func fastParse(lines []string, sc *scratch) (doc *yaml.Node, ok bool) {
	// A file ending in "\n" splits into a last, empty element that is no line.
	nl := true
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	} else {
		nl = false
	}
	for _, l := range lines {
		if !plainLine(l) {
			return nil, false
		}
	}
	// Department files average two and a half nodes a line (a key and its
	// value, a list item's mapping), none in literal blocks and up to three
	// otherwise: three a line means the blocks almost never run out. If they do,
	// node and close carve fresh ones.
	if sc == nil {
		sc = &scratch{}
	}
	sc.reserve(3*len(lines) + 16)
	p := &fastParser{lines: lines, lastNL: nl, sc: sc, slab: sc.nodes, content: sc.content}
	defer func() { sc.usedNodes, sc.usedContent = p.used() }()

	// Comment lines before the first key: yaml.v3 gives them to the first key, or
	// to the document when a blank line separates them from it. Every department
	// file starts with one (the schema line for the editor's YAML extension).
	p.skipBlank()
	var comment []string
	for p.i < len(lines) && strings.HasPrefix(lines[p.i], "#") {
		comment = append(comment, lines[p.i])
		p.i++
	}
	gap := p.i
	p.skipBlank()
	gap = p.i - gap
	if p.i == len(lines) || indentOf(lines[p.i]) != 0 {
		return nil, false
	}
	first := lines[p.i]
	var root *yaml.Node
	if isDash(first, 0) {
		if comment != nil {
			return nil, false
		}
		root = p.sequence(0)
	} else {
		root = p.mapping(0, 0)
	}
	if p.failed {
		return nil, false
	}
	if p.skipBlank(); p.i != len(lines) {
		return nil, false
	}
	doc = p.node()
	*doc = yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: []*yaml.Node{root}}
	if comment != nil {
		if gap > 0 {
			doc.HeadComment = strings.Join(comment, "\n")
		} else {
			root.Content[0].HeadComment = strings.Join(comment, "\n")
		}
	}
	return doc, true
}

type fastParser struct {
	lines  []string
	lastNL bool // whether the last line ends with a line break
	i      int  // the line being read
	failed bool // the file is outside the subset; set once, checked at the end
	depth  int
	// Nodes and Content slices are carved from blocks, sc's first: a file has
	// hundreds.
	sc      *scratch
	slab    []yaml.Node
	content []*yaml.Node
	spilled bool         // sc's blocks ran out and fresh ones were made
	stack   []*yaml.Node // the children of the collections being read
	// col's place: line colLine's first colAt bytes hold colRunes characters.
	colLine, colAt, colRunes int
}

// maxFastDepth bounds recursion; deeper files go to yaml.v3 (and checkTree).
const maxFastDepth = 100

func (p *fastParser) fail() *yaml.Node {
	p.failed = true
	return nil
}

func (p *fastParser) node() *yaml.Node {
	if len(p.slab) == 0 {
		p.slab = make([]yaml.Node, 64)
		p.spilled = true
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	return n
}

// plainLine reports whether l holds only what the subset allows: valid UTF-8,
// no tab, CR or other control character, none of the characters YAML refuses or
// treats as a line break (U+0080–U+009F, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF),
// and no document marker.
func plainLine(l string) bool {
	if strings.HasPrefix(l, "---") || strings.HasPrefix(l, "...") {
		return false
	}
	for i := 0; i < len(l); {
		c := l[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		if c < 0x80 {
			return false
		}
		r, size := utf8.DecodeRuneInString(l[i:])
		switch {
		case r == utf8.RuneError && size == 1, r <= 0x9f, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		}
		i += size
	}
	return true
}

func indentOf(l string) int {
	n := 0
	for n < len(l) && l[n] == ' ' {
		n++
	}
	return n
}

func isBlank(l string) bool { return indentOf(l) == len(l) }

// isDash reports whether l holds a sequence item ("- ") at byte offset at.
func isDash(l string, at int) bool {
	return at < len(l) && l[at] == '-' && (at+1 == len(l) || l[at+1] == ' ')
}

func (p *fastParser) skipBlank() {
	for p.i < len(p.lines) && isBlank(p.lines[p.i]) {
		p.i++
	}
}

// next returns the indentation of the next non-blank line, or -1 at the end.
func (p *fastParser) next() int {
	p.skipBlank()
	if p.i == len(p.lines) {
		return -1
	}
	return indentOf(p.lines[p.i])
}

// col is the 1-based column of byte offset at in the current line: yaml.v3
// counts characters. It counts on from the last offset asked for on the line,
// so a long line of flow items costs linear time, not quadratic.
func (p *fastParser) col(at int) int {
	if p.colLine != p.i || at < p.colAt {
		p.colLine, p.colAt, p.colRunes = p.i, 0, 0
	}
	p.colRunes += utf8.RuneCountInString(p.lines[p.i][p.colAt:at])
	p.colAt = at
	return p.colRunes + 1
}

func (p *fastParser) scalar(value string, style yaml.Style, line, column int) *yaml.Node {
	n := p.node()
	n.Kind, n.Style, n.Value, n.Line, n.Column = yaml.ScalarNode, style, value, line, column
	if style == 0 {
		n.Tag = plainTag(value)
	} else {
		n.Tag = "!!str"
	}
	return n
}

// plainTag is the tag yaml.v3's parser gives a plain scalar. It answers the
// common cases itself, from the table yaml.v3's resolver starts with (calling the
// resolver costs a deferred closure and an allocation per scalar, a fifth of the
// parse), and asks yaml.v3 about anything that may be a number or a timestamp.
func plainTag(v string) string {
	if v == "" {
		return "!!null"
	}
	switch v[0] {
	case '+', '-', '.', '0':
	case '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if len(v) <= 18 && strings.Trim(v, "0123456789") == "" {
			return "!!int"
		}
		// A date: yaml.v3 tries three longer layouts before this one.
		if len(v) == 10 && v[4] == '-' && v[7] == '-' {
			if _, err := time.Parse("2006-1-2", v); err == nil {
				return "!!timestamp"
			}
		}
	case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~':
		// The words yaml.v3 looks up for these first letters.
		switch v {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		case "~", "null", "Null", "NULL":
			return "!!null"
		}
		return "!!str"
	default:
		return "!!str"
	}
	return (&yaml.Node{Kind: yaml.ScalarNode, Value: v}).ShortTag()
}

// open starts a collection. Its children go on p.stack until close moves them
// into one shared block: a file then costs a few allocations, not one per list.
func (p *fastParser) open(kind yaml.Kind, style yaml.Style, line, column int) (n *yaml.Node, start int) {
	p.depth++
	if p.depth > maxFastDepth {
		p.failed = true
	}
	n = p.node()
	n.Kind, n.Style, n.Line, n.Column = kind, style, line, column
	if kind == yaml.MappingNode {
		n.Tag = "!!map"
	} else {
		n.Tag = "!!seq"
	}
	return n, len(p.stack)
}

func (p *fastParser) close(n *yaml.Node, start int) *yaml.Node {
	p.depth--
	k := len(p.stack) - start
	if k == 0 {
		return n // yaml.v3 leaves an empty collection's Content nil
	}
	if len(p.content) < k {
		p.content = make([]*yaml.Node, max(k, 256))
		p.spilled = true
	}
	// The full slice expression keeps an append to one node's Content from
	// writing over the next node's.
	n.Content = p.content[:k:k]
	p.content = p.content[k:]
	copy(n.Content, p.stack[start:])
	p.stack = p.stack[:start]
	return n
}

// mapping reads a block mapping whose keys sit at column indent. Its first key is
// on the current line at byte offset indent, which for "- key: value" is past the
// dash; later keys start their own lines.
func (p *fastParser) mapping(indent, at int) *yaml.Node {
	m, start := p.open(yaml.MappingNode, 0, p.i+1, indent+1)
	p.entries(indent, at)
	return p.close(m, start)
}

func (p *fastParser) entries(indent, at int) {
	for !p.failed {
		line := p.lines[p.i]
		rest := line[at:]
		end := keyEnd(rest)
		if end < 0 || !plainStart(rest, false) {
			p.fail()
			return
		}
		key := strings.TrimRight(rest[:end], " ")
		// yaml.v3 allows 1024 characters from a key to its colon; "<<" is a merge key.
		if end > 1000 || key == "<<" {
			p.fail()
			return
		}
		keyLine := p.i + 1
		p.stack = append(p.stack, p.scalar(key, 0, keyLine, indent+1))
		v := at + end + 1 // past the colon
		for v < len(line) && line[v] == ' ' {
			v++
		}
		var value *yaml.Node
		if v < len(line) {
			value = p.inline(line, v, indent)
		} else {
			value = p.below(keyLine, p.col(at+end)+1, indent)
		}
		p.stack = append(p.stack, value)
		if p.failed {
			return
		}
		switch next := p.next(); {
		case next < indent:
			return
		case next > indent || isDash(p.lines[p.i], indent):
			p.fail()
			return
		}
		at = indent
	}
}

// below reads the value of a key written with nothing after its colon: a
// collection on the next lines, or null. yaml.v3 places the null just after the
// colon (line lineNo, column nullCol), even when it is last in the file.
func (p *fastParser) below(lineNo, nullCol, indent int) *yaml.Node {
	p.i++
	next := p.next()
	switch {
	case next > indent && isDash(p.lines[p.i], next):
		return p.sequence(next)
	case next > indent:
		return p.mapping(next, next)
	case next == indent && isDash(p.lines[p.i], next):
		// Editors write a list at the same indentation as its key.
		return p.sequence(next)
	}
	return p.scalar("", 0, lineNo, nullCol)
}

// sequence reads a block sequence whose dashes sit at column indent.
func (p *fastParser) sequence(indent int) *yaml.Node {
	s, start := p.open(yaml.SequenceNode, 0, p.i+1, indent+1)
	p.items(indent)
	return p.close(s, start)
}

func (p *fastParser) items(indent int) {
	for !p.failed {
		line := p.lines[p.i]
		if !isDash(line, indent) {
			// A key at the indentation of a list written under its key ends the list.
			return
		}
		v := indent + 1
		for v < len(line) && line[v] == ' ' {
			v++
		}
		if v == len(line) || isDash(line, v) {
			// An empty item or a list in a list: rare, left to yaml.v3.
			p.fail()
			return
		}
		var item *yaml.Node
		if keyEnd(line[v:]) >= 0 && plainStart(line[v:], false) {
			item = p.mapping(v, v)
		} else {
			item = p.inline(line, v, indent)
		}
		p.stack = append(p.stack, item)
		if p.failed {
			return
		}
		switch next := p.next(); {
		case next < indent:
			return
		case next > indent:
			p.fail()
			return
		}
	}
}

// keyEnd returns the offset of the colon ending a plain key at the start of rest,
// or -1 when rest is not a key line (or has a comment before the colon).
func keyEnd(rest string) int {
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case ':':
			if i+1 == len(rest) || rest[i+1] == ' ' {
				return i
			}
		case '#':
			if i > 0 && rest[i-1] == ' ' {
				return -1
			}
		}
	}
	return -1
}

// plainStart reports whether a plain scalar may start at s[0]: not an indicator,
// except "-" before a non-space. In flow context "-" must not end the scalar.
func plainStart(s string, flow bool) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '-':
		return len(s) > 1 && s[1] != ' ' && !(flow && strings.IndexByte(",[]{}", s[1]) >= 0)
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		return false
	}
	return true
}

// inline reads a value that starts at byte offset at of the current line, in a
// collection whose indentation is indent, and moves past it.
func (p *fastParser) inline(line string, at, indent int) *yaml.Node {
	lineNo := p.i + 1
	var n *yaml.Node
	end := len(line)
	switch line[at] {
	case '|':
		return p.literal(line, at, indent)
	case '"', '\'':
		n, end = p.quoted(line, at)
	case '{', '[':
		n, end = p.flow(line, at)
	default:
		if !plainStart(line[at:], false) {
			return p.fail()
		}
		v := strings.TrimRight(line[at:], " ")
		// ": " would be a second key on the line, " #" a comment: yaml.v3's to judge.
		if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") || strings.Contains(v, " #") || v == "<<" {
			return p.fail()
		}
		n = p.scalar(v, 0, lineNo, p.col(at))
	}
	if n == nil || !isBlank(line[end:]) {
		return p.fail()
	}
	p.i++
	return n
}

// quoted reads a single- or double-quoted scalar that closes on its line, and
// returns it with the offset just past its closing quote.
func (p *fastParser) quoted(line string, at int) (*yaml.Node, int) {
	q := line[at]
	i := at + 1
	var b []byte // the value, once it differs from the source
	start := i
	for i < len(line) {
		c := line[i]
		switch {
		case c == q && q == '\'' && i+1 < len(line) && line[i+1] == '\'':
			b = append(append(b, line[start:i]...), '\'')
			i += 2
			start = i
			continue
		case c == q:
			style := yaml.SingleQuotedStyle
			if q == '"' {
				style = yaml.DoubleQuotedStyle
			}
			v := line[start:i]
			if b != nil {
				v = string(append(b, v...))
			}
			return p.scalar(v, style, p.i+1, p.col(at)), i + 1
		case c == '\\' && q == '"':
			b = append(b, line[start:i]...)
			var ok bool
			b, i, ok = unescape(b, line, i)
			if !ok {
				return nil, 0
			}
			start = i
			continue
		}
		i++
	}
	return nil, 0 // continues on the next line: yaml.v3's
}

// unescape appends the double-quoted escape at line[i] (a backslash) to b, as
// yaml.v3 decodes it, and returns the offset after it.
func unescape(b []byte, line string, i int) ([]byte, int, bool) {
	if i+1 >= len(line) {
		return b, 0, false // an escaped line break
	}
	var s string
	switch c := line[i+1]; c {
	case '0':
		s = "\x00"
	case 'a':
		s = "\a"
	case 'b':
		s = "\b"
	case 't':
		s = "\t"
	case 'n':
		s = "\n"
	case 'v':
		s = "\v"
	case 'f':
		s = "\f"
	case 'r':
		s = "\r"
	case 'e':
		s = "\x1b"
	case ' ', '"', '\'', '\\':
		s = string(c)
	case 'N':
		s = "\u0085"
	case '_':
		s = "\u00a0"
	case 'L':
		s = "\u2028"
	case 'P':
		s = "\u2029"
	}
	if s != "" {
		return append(b, s...), i + 2, true
	}
	digits := 0
	switch line[i+1] {
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	}
	if digits == 0 || i+2+digits > len(line) { // yaml.v3 knows no other escape
		return b, 0, false
	}
	r := 0
	for _, h := range []byte(line[i+2 : i+2+digits]) {
		switch {
		case h >= '0' && h <= '9':
			r = r<<4 | int(h-'0')
		case h >= 'a' && h <= 'f':
			r = r<<4 | int(h-'a'+10)
		case h >= 'A' && h <= 'F':
			r = r<<4 | int(h-'A'+10)
		default:
			return b, 0, false
		}
	}
	if r >= 0xd800 && r <= 0xdfff || r > 0x10ffff {
		return b, 0, false
	}
	return utf8.AppendRune(b, rune(r)), i + 2 + digits, true
}

// flow reads a flow mapping or sequence that closes on its line, and returns it
// with the offset just past its closing bracket.
func (p *fastParser) flow(line string, at int) (*yaml.Node, int) {
	kind := yaml.MappingNode
	if line[at] == '[' {
		kind = yaml.SequenceNode
	}
	n, start := p.open(kind, yaml.FlowStyle, p.i+1, p.col(at))
	end := p.flowEntries(line, at, kind)
	p.close(n, start)
	if end < 0 || p.failed {
		return nil, 0
	}
	return n, end
}

// flowEntries reads the entries of the flow collection opening at byte offset at,
// and returns the offset past its end, or -1.
func (p *fastParser) flowEntries(line string, at int, kind yaml.Kind) int {
	closer := byte('}')
	if kind == yaml.SequenceNode {
		closer = ']'
	}
	i := skipSpaces(line, at+1)
	if i < len(line) && line[i] == closer {
		return i + 1
	}
	for {
		if kind == yaml.MappingNode {
			end := i
			for end < len(line) && strings.IndexByte(",[]{}:#?\"'", line[end]) < 0 {
				end++
			}
			if !plainStart(line[i:], true) || end+1 >= len(line) || line[end] != ':' || line[end+1] != ' ' {
				return -1
			}
			key := strings.TrimRight(line[i:end], " ")
			if end-i > 1000 || key == "<<" {
				return -1
			}
			p.stack = append(p.stack, p.scalar(key, 0, p.i+1, p.col(i)))
			i = skipSpaces(line, end+1)
		}
		v, end := p.flowValue(line, i)
		if v == nil {
			return -1
		}
		p.stack = append(p.stack, v)
		i = skipSpaces(line, end)
		switch {
		case i < len(line) && line[i] == closer:
			return i + 1
		case i < len(line) && line[i] == ',':
			i = skipSpaces(line, i+1)
			if i < len(line) && line[i] == closer {
				return -1 // a trailing comma: valid, but rare; yaml.v3's
			}
		default:
			return -1
		}
	}
}

// flowValue reads a value inside a flow collection at byte offset i.
func (p *fastParser) flowValue(line string, i int) (*yaml.Node, int) {
	if i >= len(line) {
		return nil, 0
	}
	switch line[i] {
	case '"', '\'':
		return p.quoted(line, i)
	case '{', '[':
		return p.flow(line, i)
	}
	if !plainStart(line[i:], true) {
		return nil, 0
	}
	end := i
	for end < len(line) && strings.IndexByte(",[]{}:#?", line[end]) < 0 {
		end++
	}
	if end < len(line) && line[end] != ',' && line[end] != '}' && line[end] != ']' {
		return nil, 0 // ":" "#" "?" "[" "{" inside a flow scalar: yaml.v3's
	}
	v := strings.TrimRight(line[i:end], " ")
	if v == "" || v == "<<" {
		return nil, 0
	}
	return p.scalar(v, 0, p.i+1, p.col(i)), end
}

func skipSpaces(line string, i int) int {
	for i < len(line) && line[i] == ' ' {
		i++
	}
	return i
}

// literal reads a literal block scalar whose "|" is at byte offset at, in a
// collection whose indentation is indent, as yaml.v3's scanner does: the text's
// indentation is that of its first non-blank line, blank lines keep their line
// breaks, and the chomping indicator decides the breaks at the end.
func (p *fastParser) literal(line string, at, indent int) *yaml.Node {
	n := p.scalar("", yaml.LiteralStyle, p.i+1, p.col(at))
	header := strings.TrimRight(line[at+1:], " ")
	keep, strip := header == "+", header == "-"
	if header != "" && !keep && !strip {
		return p.fail() // indentation indicators, comments
	}
	p.i++
	// Leading blank lines: more spaces than the text's indentation would change it.
	first, maxBlank := p.i, 0
	for first < len(p.lines) && isBlank(p.lines[first]) {
		maxBlank = max(maxBlank, len(p.lines[first]))
		first++
	}
	if first == len(p.lines) {
		return p.fail() // an empty block: rare
	}
	textIndent := indentOf(p.lines[first])
	if textIndent <= indent || maxBlank > textIndent {
		return p.fail()
	}
	// The text is kept for the whole build (a statement is one), so it is
	// allocated once at its size: a Builder left to grow keeps up to half its
	// bytes unused, and drops a copy at every doubling.
	size := first - p.i + 1
	for j := first; j < len(p.lines); j++ {
		l := p.lines[j]
		if len(l) <= textIndent && isBlank(l) {
			size++
			continue
		}
		if indentOf(l) < textIndent {
			break
		}
		size += len(l) - textIndent + 1
	}
	var b strings.Builder
	b.Grow(size)
	breaks := first - p.i // line breaks not yet written
	p.i = first
	lastNL := false
	for ; p.i < len(p.lines); p.i++ {
		l := p.lines[p.i]
		if len(l) <= textIndent && isBlank(l) {
			breaks++
			continue
		}
		if indentOf(l) < textIndent {
			break
		}
		if lastNL {
			breaks++
		}
		for ; breaks > 0; breaks-- {
			b.WriteByte('\n')
		}
		b.WriteString(l[textIndent:])
		lastNL = p.i < len(p.lines)-1 || p.lastNL
	}
	// A blank last line without a line break adds none.
	if p.i == len(p.lines) && !p.lastNL && breaks > 0 && isBlank(p.lines[p.i-1]) {
		breaks--
	}
	if !strip && lastNL {
		b.WriteByte('\n')
	}
	if keep {
		for ; breaks > 0; breaks-- {
			b.WriteByte('\n')
		}
	}
	n.Value = b.String()
	return n
}

// used is how much of sc's blocks the parse wrote to.
func (p *fastParser) used() (nodes, content int) {
	if p.spilled {
		return len(p.sc.nodes), len(p.sc.content)
	}
	return len(p.sc.nodes) - len(p.slab), len(p.sc.content) - len(p.content)
}

// scratch is the memory a parse carves its nodes from. Parsing a content file
// made about 25 KB of nodes that were garbage as soon as the file was decoded:
// nearly a fifth of all the bytes a build allocated, and so of the
// collector's work. Content decoders hand it back with Doc.Release.
type scratch struct {
	nodes                  []yaml.Node
	content                []*yaml.Node
	usedNodes, usedContent int
}

// reserve makes room for n nodes and n children, keeping the blocks when they
// are large enough.
func (sc *scratch) reserve(n int) {
	if cap(sc.nodes) < n {
		sc.nodes = make([]yaml.Node, n)
		sc.content = make([]*yaml.Node, n)
	}
	sc.nodes, sc.content = sc.nodes[:cap(sc.nodes)], sc.content[:cap(sc.content)]
}

// reset zeroes what a parse wrote, so the next parse starts from zero nodes.
func (sc *scratch) reset() {
	clear(sc.nodes[:sc.usedNodes])
	clear(sc.content[:sc.usedContent])
	sc.usedNodes, sc.usedContent = 0, 0
}

// scratches is a cache of scratch memory, shared by every parse. It is the
// package's one variable: it holds no state anyone can observe, only memory
// returned by Doc.Release, zeroed.
var scratches = sync.Pool{New: func() any { return &scratch{} }}
