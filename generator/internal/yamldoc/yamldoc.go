package yamldoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/diag"
)

// MaxFileSize bounds what a single content file may hold. The largest real file is
// a few tens of kilobytes; anything near this limit is a mistake (a pasted export,
// a binary). Refusing it keeps a build's time and memory bounded: yaml.v3 spends
// about 0.8 s and 120 MB on the worst 1 MB file (a million one-character items).
const MaxFileSize = 1 << 20

// maxDepth bounds nesting. Real content nests four levels deep. yaml.v3 has its own
// limit of 10,000 levels, reported as a syntax error; this one is checked after
// parsing, so every walk over the tree stays shallow.
const maxDepth = 64

// Placeholder starts a text that is still to be written. `generator new` fills
// skeletons with it, and every text that starts with it is reported as not filled
// in yet, so a half-written file cannot be published.
const Placeholder = "TODO"

// Doc is one parsed file and the list its problems go to.
type Doc struct {
	File     string
	data     []byte
	lines    []string // data split into lines, made when a message first needs them
	problems *diag.List
}

// Parse reads data as one YAML document with yaml.v3. It returns nil as the
// root when the file cannot be used at all; the reason is already in problems.
// The Doc reads data for the lines its messages show, so the caller must not
// change data while it uses the Doc.
//
// A UTF-8 byte-order mark and CRLF line endings are accepted; other encodings,
// anchors and aliases, and very large or deeply nested files are refused.
func Parse(file string, data []byte, problems *diag.List) (*Doc, *yaml.Node) {
	d := &Doc{File: file, problems: problems}
	if len(data) > MaxFileSize {
		problems.Add(TooLarge(file, int64(len(data))))
		return d, nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !CheckEncoding(file, data, problems) {
		return d, nil
	}
	d.data = data
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil && !errors.Is(err, io.EOF) {
		d.syntaxError(err)
		return d, nil
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		problems.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "delete it and start again with `go run ./generator new department <slug>`, which writes a complete skeleton", "file is empty")
		return d, nil
	}
	// A second document (after a “---” line) would be silently ignored by the
	// build; an editor who wrote it expects it to be published.
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		line := next.Line
		if next.Kind == yaml.DocumentNode && len(next.Content) > 0 {
			line = next.Content[0].Line
		}
		d.problems.Add(d.problem(documentStart(d.Lines(), line), 1, "a second YAML document starts here; a content file holds one",
			"remove the “---” line (in a Markdown file, front matter ends at the second “---”)"))
		return d, nil
	} else if !errors.Is(err, io.EOF) {
		d.syntaxError(err)
		return d, nil
	}
	n := root.Content[0]
	if !d.checkTree(n, 0) {
		return d, nil
	}
	return d, n
}

// TooLarge is the problem of a file larger than MaxFileSize.
func TooLarge(file string, size int64) diag.Problem {
	return diag.Problem{Pos: diag.Pos{File: file},
		Msg:  fmt.Sprintf("file is %s; a content file may hold at most %s", humanSize(size), humanSize(MaxFileSize)),
		Hint: "check that it is the file you meant to save here; split a very long text"}
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// CheckEncoding reports data that is not UTF-8, at the first bad byte, line
// breaks editors do not see, and control characters, and returns whether the
// file is fine. Articles call it for the whole file, so their Markdown is held
// to what YAML is.
func CheckEncoding(file string, data []byte, problems *diag.List) bool {
	line, col, bad := invalidUTF8(data)
	if !bad {
		return checkLineBreaks(file, data, problems) && checkControl(file, data, problems)
	}
	p := diag.Problem{Pos: diag.Pos{File: file, Line: line, Col: col},
		Msg:  "file is not valid UTF-8 (it may have been saved as GBK or another legacy encoding)",
		Hint: "save the file as UTF-8 (in VS Code: “Save with Encoding” → UTF-8)"}
	// Show the line with the bad bytes replaced, so the caret points at them.
	if lines := bytes.Split(data, []byte("\n")); line <= len(lines) {
		p.Source = strings.ToValidUTF8(string(lines[line-1]), "\uFFFD")
	}
	problems.Add(p)
	return false
}

// checkLineBreaks refuses the line breaks YAML and Markdown count but editors do
// not see as such: a lone CR (old Mac line endings), NEL, and the Unicode line and
// paragraph separators, which come with text pasted from web pages and word
// processors. Left in, they would shift every line number reported after them.
func checkLineBreaks(file string, data []byte, problems *diag.List) bool {
	// Most files hold none of them: find that out at memchr speed.
	if bytes.IndexByte(data, '\r') < 0 && !bytes.Contains(data, []byte("\u0085")) &&
		!bytes.Contains(data, []byte("\u2028")) && !bytes.Contains(data, []byte("\u2029")) {
		return true
	}
	line, col := 1, 1
	for i, r := range string(data) {
		var what string
		switch {
		case r == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			what = "a carriage return (CR) without a line feed"
		case r == 0x85:
			what = "a next-line character (U+0085)"
		case r == 0x2028:
			what = "a line separator (U+2028)"
		case r == 0x2029:
			what = "a paragraph separator (U+2029)"
		case r == '\n':
			line, col = line+1, 1
			continue
		default:
			col++
			continue
		}
		lines := strings.Split(string(data), "\n")
		problems.Add(diag.Problem{Pos: diag.Pos{File: file, Line: line, Col: col},
			Msg:    what + " breaks the line here, invisibly",
			Hint:   "delete it (it often comes with pasted text), or save the file with LF or CRLF line endings",
			Source: strings.NewReplacer("\r", "\uFFFD", "\u0085", "\uFFFD", "\u2028", "\uFFFD", "\u2029", "\uFFFD").Replace(lines[line-1])})
		return false
	}
	return true
}

// checkControl refuses control characters other than tab and the line breaks:
// ESC, BEL, NUL, DEL, U+009B and the like. No reader sees them; in a page they
// are noise, a terminal that prints them obeys them, and Markdown would turn NUL
// into U+FFFD without a word. The first is reported, with how many follow.
func checkControl(file string, data []byte, problems *diag.List) bool {
	first := -1
	n := 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f ||
			c == 0xc2 && i+1 < len(data) && data[i+1] >= 0x80 && data[i+1] <= 0x9f && data[i+1] != 0x85 {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if first < 0 {
		return true
	}
	r, _ := utf8.DecodeRune(data[first:])
	line := bytes.Count(data[:first], []byte{'\n'}) + 1
	start := bytes.LastIndexByte(data[:first], '\n') + 1
	end := bytes.IndexByte(data[first:], '\n')
	if end < 0 {
		end = len(data) - first
	}
	msg := fmt.Sprintf("a control character (%s) no reader can see", controlName(r))
	switch {
	case n == 2:
		msg += "; 1 more follows in the file"
	case n > 2:
		msg += fmt.Sprintf("; %d more follow in the file", n-1)
	}
	problems.Add(diag.Problem{Pos: diag.Pos{File: file, Line: line, Col: utf8.RuneCount(data[start:first]) + 1},
		Msg:    msg,
		Hint:   "delete it; it often comes with text pasted from a PDF, a terminal or a word processor",
		Source: string(data[start : first+end])})
	return false
}

// controlName names a control character as editors' “show invisibles” modes do.
func controlName(r rune) string {
	names := map[rune]string{0: "NUL", 7: "BEL", 8: "backspace", 0xb: "vertical tab", 0xc: "form feed", 0x1b: "ESC", 0x7f: "DEL"}
	if n, ok := names[r]; ok {
		return fmt.Sprintf("%s, U+%04X", n, r)
	}
	return fmt.Sprintf("U+%04X", r)
}

// documentStart finds the “---” line at or before line, where a document begins.
func documentStart(lines []string, line int) int {
	for l := min(line, len(lines)); l >= 1; l-- {
		if strings.HasPrefix(lines[l-1], "---") {
			return l
		}
	}
	return line
}

// Lines returns the source lines, for the messages that search them.
func (d *Doc) Lines() []string {
	if d.lines == nil {
		d.lines = strings.Split(string(d.data), "\n")
	}
	return d.lines
}

// Line returns source line n (from 1), or "" when there is none. A message
// shows one line, and most files have none: finding it costs no split.
func (d *Doc) Line(n int) string {
	if d.lines != nil {
		if n >= 1 && n <= len(d.lines) {
			return d.lines[n-1]
		}
		return ""
	}
	rest := d.data
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(rest, '\n')
		if j < 0 {
			return ""
		}
		rest = rest[j+1:]
	}
	if n < 1 {
		return ""
	}
	if j := bytes.IndexByte(rest, '\n'); j >= 0 {
		rest = rest[:j]
	}
	return string(rest)
}

func invalidUTF8(data []byte) (line, col int, bad bool) {
	if utf8.Valid(data) {
		return 0, 0, false
	}
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col, true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col, true
}

// The patterns of yaml.v3's messages are compiled when a file first has an
// error, not as every build starts.
var (
	lineInError   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })
	maxDepthError = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`exceeded max depth of (\d+)`) })
)

// syntaxError turns a yaml.v3 error into a positioned problem. yaml.v3 reports the
// line but not the column, so the column is the first character the message points
// at where it names one, else the line's first non-blank character.
func (d *Doc) syntaxError(err error) {
	msg := err.Error()
	line := 0
	if m := lineInError().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if maxDepthError().MatchString(msg) {
		// yaml.v3 stops where its own limit is passed, often without a position,
		// before building the tree checkTree would refuse at maxDepth. The place
		// checkTree would report is found in the text; failing that, the line
		// yaml.v3 names, or the file's start.
		l, c, ok := deepest(d.Lines(), maxDepth)
		if !ok {
			l, c = max(line, 1), 1
		}
		d.problems.Add(d.problem(l, c, fmt.Sprintf("lists or keys are nested more than %d levels deep", maxDepth),
			"content nests a few levels deep; this is not a content file, or a bracket [ or { is never closed"))
		return
	}
	if strings.Contains(msg, "control characters are not allowed") {
		// yaml.v3 gives no position; find the character.
		for i, l := range d.Lines() {
			if j := strings.IndexFunc(l, isControl); j >= 0 {
				d.problems.Add(d.problem(i+1, utf8.RuneCountInString(l[:j])+1, "YAML syntax: "+msg,
					"delete the invisible character here; it often comes with text pasted from a PDF or a word processor"))
				return
			}
		}
	}
	if strings.Contains(msg, "tab character") {
		// yaml.v3 names the line before the tab's, or the tab's own.
		lines := d.Lines()
		for l := max(line, 1); l <= min(line+1, len(lines)); l++ {
			indent := lines[l-1][:len(lines[l-1])-len(strings.TrimLeft(lines[l-1], " \t"))]
			if i := strings.IndexByte(indent, '\t'); i >= 0 {
				d.problems.Add(d.problem(l, i+1, "YAML syntax: a tab in the indentation",
					"YAML indents with spaces, not tabs; replace the tab with spaces, lined up with the keys above"))
				return
			}
		}
	}
	col := 0
	if line > 0 && line <= len(d.Lines()) {
		col = guessColumn(d.Lines()[line-1], msg)
	}
	hint := "check the indentation and quoting on this line and the one before it"
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		hint = "a value containing “: ” must be quoted, or written as a block with |"
	case strings.Contains(msg, "found character that cannot start any token"):
		hint = "YAML indents with spaces, not tabs; quote values that start with @ or `"
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-'"):
		hint = "keys at the same level must line up exactly; check the indentation"
	case strings.Contains(msg, "found unknown escape character"):
		hint = "in double quotes a backslash starts an escape; use single quotes or a block with |"
	case strings.Contains(msg, "did not find expected node content"), strings.Contains(msg, "did not find expected ',' or"):
		hint = "a bracket [ or { is not closed, or a value starting with [ or { must be quoted"
	}
	d.problems.Add(d.problem(line, col, "YAML syntax: "+msg, hint))
}

// isControl reports characters YAML does not allow in a file.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\r' || r == 0x7f || r >= 0x80 && r <= 0x9f && r != 0x85
}

func guessColumn(line, msg string) int {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		// The second ": " on the line is the one YAML could not place.
		if i := strings.Index(line, ": "); i >= 0 {
			if j := strings.Index(line[i+2:], ": "); j >= 0 {
				return utf8.RuneCountInString(line[:i+2+j]) + 1
			}
		}
	case strings.Contains(msg, "found character that cannot start any token"):
		if i := strings.IndexAny(line, "\t@`"); i >= 0 {
			return utf8.RuneCountInString(line[:i]) + 1
		}
	}
	trimmed := strings.TrimLeft(line, " \t")
	return utf8.RuneCountInString(line[:len(line)-len(trimmed)]) + 1
}

// checkTree refuses aliases (editors never need them, and they are how a small file
// expands into an enormous one) and absurd nesting, before anything walks the tree.
func (d *Doc) checkTree(n *yaml.Node, depth int) bool {
	if depth >= maxDepth { // the root is level 1
		d.Errorf(n, "content nests a few levels deep; this is not a content file, or its indentation is wrong", "lists or keys are nested more than %d levels deep", maxDepth)
		return false
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.Errorf(n, "write the value out in full where it is needed", "YAML anchors and aliases (& and *) are not supported in content")
		return false
	}
	for _, c := range n.Content {
		if !d.checkTree(c, depth+1) {
			return false
		}
	}
	return true
}

func (d *Doc) problem(line, col int, msg, hint string) diag.Problem {
	p := diag.Problem{Pos: diag.Pos{File: d.File, Line: line, Col: col}, Msg: msg, Hint: hint}
	p.Source = d.Line(line)
	return p
}

// Pos is the position of n.
func (d *Doc) Pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.File, Line: n.Line, Col: n.Column}
}

// Errorf reports an error at n, with the line it is on.
func (d *Doc) Errorf(n *yaml.Node, hint, format string, args ...any) {
	d.problems.Add(d.problem(n.Line, n.Column, fmt.Sprintf(format, args...), hint))
}

// Warnf reports a warning at n.
func (d *Doc) Warnf(n *yaml.Node, hint, format string, args ...any) {
	p := d.problem(n.Line, n.Column, fmt.Sprintf(format, args...), hint)
	p.Severity = diag.Warning
	d.problems.Add(p)
}

// Map is a mapping node that Fields checked, with the node itself for
// positions. Its values are looked up in the node rather than copied into a Go
// map: an item has a handful of keys, which a scan finds as fast as a hash, and
// a large site's files have hundreds of thousands of items.
type Map struct {
	Node *yaml.Node
	Path string
	// known is the keys Fields accepted; nil when Node is not a mapping.
	known []string
}

// Get returns the value of key, or nil. Where a key is given twice (an error
// Fields reported), the first counts.
func (m Map) Get(key string) *yaml.Node {
	if !contains(m.known, key) {
		return nil
	}
	c := m.Node.Content
	for i := 0; i+1 < len(c); i += 2 {
		if c[i].Kind == yaml.ScalarNode && c[i].Value == key {
			return c[i+1]
		}
	}
	return nil
}

// All yields the known keys the mapping gives and their values, in the file's
// order, each key once.
func (m Map) All() iter.Seq2[string, *yaml.Node] {
	return func(yield func(string, *yaml.Node) bool) {
		if m.known == nil {
			return
		}
		c := m.Node.Content
		for i := 0; i+1 < len(c); i += 2 {
			k := c[i]
			if k.Kind != yaml.ScalarNode || !contains(m.known, k.Value) || m.Get(k.Value) != c[i+1] {
				continue // not a key Fields accepted, or a repeat of one
			}
			if !yield(k.Value, c[i+1]) {
				return
			}
		}
	}
}

// Field names a key under a path, for messages: "leader.name".
func Field(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Fields checks that n is a mapping whose keys are all in known, reporting unknown
// keys (with the closest known key), duplicate keys, and required keys that are
// missing. ok is false when n is not a mapping at all.
func (d *Doc) Fields(n *yaml.Node, path string, known, required []string) (Map, bool) {
	m := Map{Node: n, Path: path}
	// Required keys that an unknown key looks like a typo of: the typo's message
	// already says what to do, so “missing key” would say it twice.
	var suggested []string
	if n.Kind != yaml.MappingNode {
		d.Errorf(n, "write it as “key: value” lines", "%s must be a set of keys (%s), not %s", describePath(path), strings.Join(known, ", "), describe(n))
		return m, false
	}
	m.known = known
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			d.Errorf(k, "", "a key must be a plain word")
			continue
		}
		if !contains(known, key) {
			hint := "valid keys here: " + strings.Join(known, ", ")
			if s := closest(key, known); s != "" {
				hint = fmt.Sprintf("did you mean %q? (valid keys here: %s)", s, strings.Join(known, ", "))
				suggested = append(suggested, s)
			}
			d.Errorf(k, hint, "unknown key %q in %s", key, describePath(path))
			continue
		}
		if m.Get(key) != n.Content[i+1] { // Get finds the first
			d.Errorf(k, "delete one of the two", "%s is given twice", Field(path, key))
		}
	}
	for _, r := range required {
		if m.Get(r) == nil && !contains(suggested, r) {
			d.Errorf(n, fmt.Sprintf("add “%s:”", r), "%s is missing required key %q", describePath(path), r)
		}
	}
	return m, true
}

func describePath(path string) string {
	if path == "" {
		return "the file"
	}
	return path
}

// describe names what kind of value n is, for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of keys"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "empty"
		case "!!int", "!!float":
			return "a number (" + n.Value + ")"
		case "!!bool":
			return "true/false"
		case "!!timestamp":
			return "a date (" + n.Value + ")"
		}
		return fmt.Sprintf("the text %q", truncate(n.Value, 40))
	}
	return "something else"
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// String returns a non-empty scalar's text. Numbers are accepted as text (a
// leader's name could be anything), lists and maps are not.
func (d *Doc) String(n *yaml.Node, path string) (string, bool) {
	return d.FieldString(n, path, "")
}

// FieldString is String for the value of key under path (Field(path, key)),
// whose name is only written out for a message: a site's files hold a million
// texts, nearly all of them fine.
func (d *Doc) FieldString(n *yaml.Node, path, key string) (string, bool) {
	name := func() string {
		if key == "" {
			return path
		}
		return Field(path, key)
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.Errorf(n, "write the text after the colon, on the same line, or as a block with |", "%s must be text, not %s", name(), describe(n))
		return "", false
	}
	if strings.TrimSpace(n.Value) == "" {
		d.Errorf(n, "write the text, or remove the key if it is optional", "%s is empty", name())
		return "", false
	}
	if IsPlaceholder(n.Value) {
		line, col := n.Line, n.Column
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && line < len(d.Lines()) {
			// Point at the placeholder on the block's first line, not at the “|”.
			l := d.Lines()[line]
			line, col = line+1, len(l)-len(strings.TrimLeft(l, " "))+1
		}
		d.problems.Add(d.problem(line, col, name()+" is not filled in yet",
			"replace "+Placeholder+" and the note after it with the text readers will see"))
		return "", false
	}
	return n.Value, true
}

// IsPlaceholder reports whether s is text still to be written: it starts with
// Placeholder as a word of its own (“TODO”, “TODO: name”, not “TODOS”).
func IsPlaceholder(s string) bool {
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), Placeholder)
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !(r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z')
}

// Int returns a scalar integer.
func (d *Doc) Int(n *yaml.Node, path string) (int, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v, true
		}
	}
	d.Errorf(n, "write a whole number, e.g. 3", "%s must be a whole number, not %s", path, describe(n))
	return 0, false
}

// Number returns a scalar number, integer or decimal. It is always finite:
// YAML's .inf and .nan, and numbers beyond what a float64 holds, are refused.
func (d *Doc) Number(n *yaml.Node, path string) (float64, bool) {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		switch {
		case err == nil && !math.IsInf(v, 0) && !math.IsNaN(v):
			return v, true
		case errors.Is(err, strconv.ErrRange), strings.Contains(strings.ToLower(n.Value), "inf"), strings.Contains(strings.ToLower(n.Value), "nan"):
			d.Errorf(n, "write the number a reader should see, e.g. 2541", "%s must be a finite number, not %s", path, n.Value)
			return 0, false
		}
	}
	d.Errorf(n, "write a number without units or commas, e.g. 2541 or 4.7", "%s must be a number, not %s", path, describe(n))
	return 0, false
}

// Date returns a YYYY-MM-DD date.
func (d *Doc) Date(n *yaml.Node, path string) (time.Time, bool) {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!timestamp" || n.Tag == "!!str") {
		if t, err := time.Parse("2006-01-02", n.Value); err == nil {
			return t, true
		}
		if n.Tag == "!!str" || n.Tag == "!!timestamp" {
			d.Errorf(n, "write the date as YYYY-MM-DD, e.g. 2022-12-31", "%s: %q is not a valid date", path, n.Value)
			return time.Time{}, false
		}
	}
	d.Errorf(n, "write the date as YYYY-MM-DD, e.g. 2022-12-31", "%s must be a date, not %s", path, describe(n))
	return time.Time{}, false
}

// Bool returns a scalar true/false.
func (d *Doc) Bool(n *yaml.Node, path string) (bool, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		v, err := strconv.ParseBool(n.Value)
		if err == nil {
			return v, true
		}
	}
	d.Errorf(n, "write true or false", "%s must be true or false, not %s", path, describe(n))
	return false, false
}

// Seq returns a list's items. An empty list is allowed here; callers that need
// items say so.
func (d *Doc) Seq(n *yaml.Node, path string) ([]*yaml.Node, bool) {
	if n.Kind != yaml.SequenceNode {
		d.Errorf(n, "start each item on its own line with “- ”", "%s must be a list, not %s", path, describe(n))
		return nil, false
	}
	return n.Content, true
}

// Strings returns a list of texts; a single text is accepted as a list of one.
func (d *Doc) Strings(n *yaml.Node, path string) ([]string, bool) {
	if n.Kind == yaml.ScalarNode {
		s, ok := d.String(n, path)
		return []string{s}, ok
	}
	items, ok := d.Seq(n, path)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		if s, ok := d.String(it, fmt.Sprintf("%s[%d]", path, i+1)); ok {
			out = append(out, s)
		}
	}
	return out, len(out) == len(items)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// closest returns the known key nearest to key by edit distance, if it is near
// enough to be a typo.
func closest(key string, known []string) string {
	best, bestDist := "", 1<<30
	for _, k := range known {
		dist := distance(strings.ToLower(key), k)
		if strings.HasPrefix(k, key) || strings.HasPrefix(key, k) {
			dist = min(dist, 1)
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	limit := max(2, utf8.RuneCountInString(key)/3)
	if bestDist <= limit {
		return best
	}
	return ""
}

// distance is the Damerau–Levenshtein (optimal string alignment) distance, so a
// swapped pair of letters (nmae) counts as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range rb {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
