// Package diag holds the one error type for problems found in an editor's files: a
// Problem knows its file, line and column, what is wrong and how to fix it. Every
// stage of the pipeline reports into a List, so a run shows all problems at once.
//
// diag knows nothing about content or YAML; it only formats and sorts.
package diag

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText lets --format json print "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Pos is a place in a source file. Line and Col are 1-based; zero means unknown.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

func (p Pos) String() string {
	file := Visible(p.File)
	switch {
	case p.Line == 0:
		return file
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// Problem is one thing wrong with the input.
type Problem struct {
	Pos
	Severity Severity `json:"severity"`
	Msg      string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
	// Source is the offending line of the file, shown under the message with a caret.
	Source string `json:"-"`
}

func (p Problem) Error() string { return p.Pos.String() + ": " + Visible(p.Msg) }

// Format renders the problem for a terminal: position, message, the source line
// with a caret under the column, and the hint. What came from a file is shown
// with its control characters written out (see Visible).
func (p Problem) Format() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s: %s\n", p.Pos, p.Severity, Visible(p.Msg))
	if p.Source != "" {
		src, col := excerpt(shown(strings.TrimRight(p.Source, "\r\n")), p.Col)
		fmt.Fprintf(&b, "    %s\n", src.text())
		if col > 0 {
			fmt.Fprintf(&b, "    %s^\n", src.caretPad(col))
		}
	}
	if p.Hint != "" {
		fmt.Fprintf(&b, "    hint: %s\n", Visible(p.Hint))
	}
	return b.String()
}

// excerptWidth is how many terminal cells of a source line are shown. A Markdown
// paragraph is one line of several hundred characters; shown whole, it wraps and
// the caret no longer points at anything.
const excerptWidth = 100

// glyph is how one character of a source line is shown: itself, or written out
// when it is a control character, and the terminal cells that takes.
type glyph struct {
	text  string
	cells int
}

// line is a source line as shown, one glyph per character, so a column counted
// in characters (as yaml.v3 counts) is an index.
type line []glyph

func shown(s string) line {
	out := make(line, 0, len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		g := glyph{text: s[i : i+size], cells: 1}
		switch {
		case r == utf8.RuneError && size == 1:
			g.text = fmt.Sprintf(`\x%02x`, s[i])
			g.cells = len(g.text)
		case hidden(r):
			g.text = escaped(r)
			g.cells = len(g.text)
		case isWide(r):
			g.cells = 2
		}
		out = append(out, g)
		i += size
	}
	return out
}

func (l line) text() string {
	var b strings.Builder
	for _, g := range l {
		b.WriteString(g.text)
	}
	return b.String()
}

func (l line) cells() int {
	n := 0
	for _, g := range l {
		n += g.cells
	}
	return n
}

// excerpt cuts l to about excerptWidth cells around column col (1-based, in
// characters; 0 for none), marking cuts with “…”, and returns the column in the
// excerpt.
func excerpt(l line, col int) (line, int) {
	if l.cells() <= excerptWidth {
		return l, col
	}
	// Start a quarter of the width before the column, so the caret has context.
	start := 0
	if col > 0 {
		start = min(col-1, len(l))
		for w := 0; start > 0 && w < excerptWidth/4; start-- {
			w += l[start-1].cells
		}
	}
	end := start
	for w := 0; end < len(l) && w+l[end].cells <= excerptWidth; end++ {
		w += l[end].cells
	}
	out := append(line{}, l[start:end]...)
	if start > 0 {
		out = append(line{{"…", 1}}, out...)
		col = col - start + 1
	}
	if end < len(l) {
		out = append(out, glyph{"…", 1})
	}
	return out, col
}

// caretPad returns the whitespace that puts a caret under column col (counted in
// characters, as yaml.v3 counts). Wide CJK characters take two cells in a
// terminal, a written-out control character as many as it is long, and a tab
// stays a tab.
func (l line) caretPad(col int) string {
	var b strings.Builder
	for i := 0; i < col-1 && i < len(l); i++ {
		if l[i].text == "\t" {
			b.WriteByte('\t')
			continue
		}
		b.WriteString(strings.Repeat(" ", l[i].cells))
	}
	return b.String()
}

func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) ||
		(r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) ||
		(r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) || (r >= 0x20000 && r <= 0x3fffd))
}

// GitHubAnnotation renders the problem as a workflow command, so it shows on the
// pull request's diff. Control characters are written out as in Format; then
// GitHub's own escapes apply: %25, %0D and %0A in the message, and %3A and %2C
// besides in a property, whose value ends at “:” or “,”.
func (p Problem) GitHubAnnotation() string {
	msg := p.Msg
	if p.Hint != "" {
		msg += " (" + p.Hint + ")"
	}
	data := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	return fmt.Sprintf("::%s file=%s,line=%d,col=%d::%s", p.Severity, prop.Replace(visible(p.File, true)), p.Line, p.Col, data.Replace(visible(msg, true)))
}

// List collects problems from every stage.
type List []Problem

// Add appends a problem.
func (l *List) Add(p Problem) { *l = append(*l, p) }

// Errorf appends an error at pos.
func (l *List) Errorf(pos Pos, hint, format string, args ...any) {
	l.Add(Problem{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf appends a warning at pos.
func (l *List) Warnf(pos Pos, hint, format string, args ...any) {
	l.Add(Problem{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Append adds all of other's problems.
func (l *List) Append(other List) { *l = append(*l, other...) }

// HasErrors reports whether any problem is an error rather than a warning.
func (l List) HasErrors() bool {
	for _, p := range l {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Errors counts the errors.
func (l List) Errors() int {
	n := 0
	for _, p := range l {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Sort orders problems by file, line and column, so output is stable and reads
// top to bottom.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
}

// AddSources fills in the source line of each problem that has a line but no
// source, asking lines for the file's lines (nil when it cannot be read).
func (l List) AddSources(lines func(file string) []string) {
	for i := range l {
		p := &l[i]
		if p.Source != "" || p.Line <= 0 {
			continue
		}
		if ls := lines(p.File); p.Line <= len(ls) {
			p.Source = ls[p.Line-1]
		}
	}
}

// Err returns the list as an error when it holds at least one error, else nil.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ListError(l)
}

// ListError is a List used as an error value.
type ListError List

func (e ListError) Error() string {
	n := List(e).Errors()
	if n == 1 {
		for _, p := range e {
			if p.Severity == Error {
				return p.Error()
			}
		}
	}
	return fmt.Sprintf("%d problems in content", n)
}

// JSON renders the list for tools.
func (l List) JSON() ([]byte, error) {
	if l == nil {
		l = List{}
	}
	b, err := json.MarshalIndent(l, "", "  ")
	return jsonEscape(b), err
}
