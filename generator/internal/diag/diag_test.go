package diag

import (
	"strings"
	"testing"
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
	if cells([]rune(src)) > excerptWidth+10 {
		t.Errorf("excerpt is %d cells wide", cells([]rune(src)))
	}
	// The caret's cell is the cell of “[” in the excerpt.
	at := strings.Index(src, "[")
	if cells([]rune(caret))-1 != cells([]rune(src[:at])) {
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
