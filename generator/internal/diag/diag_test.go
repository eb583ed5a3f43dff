package diag

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFormatCaret(t *testing.T) {
	p := Problem{Pos: Pos{File: "a.yaml", Line: 3, Col: 9}, Msg: "m", Hint: "h", Source: "  zh: 市财政局x\r\n"}
	want := "a.yaml:3:9: error: m\n    " + "  zh: 市财政局x\n    " + "      " + "    " + "^\n    hint: h\n" // under 政: 6 cells, then 市财 at 2 cells each
	if got := p.Format(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A long line is cut around the column, and the caret still points at it.
func TestFormatLongLine(t *testing.T) {
	line := strings.Repeat("长", 300) + "[x](/gone/)" + strings.Repeat("文", 300)
	p := Problem{Pos: Pos{File: "a.md", Line: 1, Col: 301}, Msg: "m", Source: line}
	lines := strings.Split(p.Format(), "\n")
	src, caret := lines[1], lines[2]
	if !strings.HasPrefix(src, "    …") || !strings.HasSuffix(src, "…") {
		t.Errorf("not cut on both sides: %q", src)
	}
	if shown(src).cells() > excerptWidth+10 {
		t.Errorf("excerpt is %d cells wide", shown(src).cells())
	}
	// The caret's cell is the cell of “[” in the excerpt.
	at := strings.Index(src, "[")
	if shown(caret).cells()-1 != shown(src[:at]).cells() {
		t.Errorf("caret misplaced:\n%s\n%s", src, caret)
	}
}

func TestGitHubAnnotationEscapes(t *testing.T) {
	p := Problem{Pos: Pos{File: "content/a,b.yaml", Line: 2, Col: 1}, Msg: "100% wrong\nreally", Hint: "fix: it"}
	want := "::error file=content/a%2Cb.yaml,line=2,col=1::100%25 wrong%0Areally (fix: it)"
	if got := p.GitHubAnnotation(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// hostile is what a file name or a YAML value may hold: a title change (OSC 0),
// a bell, a screen clear (CSI 2J), DEL, the one-byte CSI (U+009B), a right-to-left
// override, and a byte that is not UTF-8.
const hostile = "a\x1b]0;owned\x07b\x1b[2Jc\x7fd\u009b31me\u202ef\xffg"

// controlIn returns the first byte or character of s a terminal would act on,
// other than the line breaks and tabs a report is laid out with.
func controlIn(s string) (string, bool) {
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			return fmt.Sprintf("%q at byte %d", r, i), true
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return fmt.Sprintf("byte %#x at %d", s[i], i), true
			}
		}
	}
	return "", false
}

// Nothing from a file reaches a terminal or a log as a control sequence: every
// format shows it written out.
func TestControlCharactersShownEscaped(t *testing.T) {
	p := Problem{Pos: Pos{File: "content/departments/" + hostile + ".yaml", Line: 2, Col: 8},
		Msg: "name " + hostile, Hint: "hint " + hostile, Source: "name: " + hostile}
	text := p.Format()
	if c, bad := controlIn(text); bad {
		t.Errorf("Format prints %s:\n%q", c, text)
	}
	for _, want := range []string{`a\x1b]0;owned\x07b\x1b[2Jc\x7fd\u009b31me\u202ef\xffg`} {
		if !strings.Contains(text, want) {
			t.Errorf("Format does not show the characters written out (%s):\n%s", want, text)
		}
	}
	if c, bad := controlIn(p.Error()); bad {
		t.Errorf("Error prints %s: %q", c, p.Error())
	}
	ann := p.GitHubAnnotation()
	if c, bad := controlIn(ann); bad || strings.Count(ann, "\n") > 0 {
		t.Errorf("annotation holds %s: %q", c, ann)
	}
	// GitHub's escapes for a property: the file name's ";" stays, ":" and "," do not.
	if !strings.HasPrefix(ann, `::error file=content/departments/a\x1b]0;owned\x07b`) {
		t.Errorf("annotation: %q", ann)
	}
	js, err := List{p}.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if c, bad := controlIn(string(js)); bad {
		t.Errorf("JSON holds %s: %s", c, js)
	}
	var back []map[string]any
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatalf("JSON does not parse: %v", err)
	}
	// The JSON keeps the text: a tool reading it gets the characters back.
	if got := back[0]["message"]; got != strings.ToValidUTF8(p.Msg, "\uFFFD") {
		t.Errorf("JSON message = %q, want %q", got, p.Msg)
	}
}

func TestGitHubAnnotationProperties(t *testing.T) {
	p := Problem{Pos: Pos{File: "content/a:b,c%d\re\nf.yaml", Line: 1, Col: 1}, Msg: "m:,%"}
	want := "::error file=content/a%3Ab%2Cc%25d%0De%0Af.yaml,line=1,col=1::m:,%25"
	if got := p.GitHubAnnotation(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
