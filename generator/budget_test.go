package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A reader on a slow phone connection gets every page of the real site in under
// 30 KB of HTML and CSS before compression.
const pageBudget = 30 << 10

// A report's own words are the editors' to write, not the theme's to cut: the
// English report's text alone is about 25 KB, so no theme can fit it in 30 KB.
// Its page is held to a budget for everything around the text instead (head,
// header, footer, JSON-LD and the stylesheet), and the test says so in its log.
const (
	longText    = 20 << 10 // an article body beyond this gets the frame budget
	frameBudget = 12 << 10
)

var proseRE = regexp.MustCompile(`(?s)<div class="prose">.*?</div>\s*(?:<footer class="credits">|</article>)`)

func TestRealContentPageBudget(t *testing.T) {
	out := buildReal(t)
	sheets, _ := filepath.Glob(filepath.Join(out, "style.*.css"))
	if len(sheets) != 1 {
		t.Fatalf("want one stylesheet, got %v", sheets)
	}
	st, err := os.Stat(sheets[0])
	if err != nil {
		t.Fatal(err)
	}
	css := int(st.Size())
	for _, rel := range htmlPages(t, out) {
		page := read(t, filepath.Join(out, rel))
		total := len(page) + css
		if total < pageBudget {
			t.Logf("%-50s %6d B html + css", rel, total)
			continue
		}
		body := proseRE.FindString(page)
		if !strings.Contains(rel, "/articles/") || len(body) < longText {
			t.Errorf("%s: %d B of HTML and CSS, over the %d B budget", rel, total, pageBudget)
			continue
		}
		if frame := total - len(body); frame >= frameBudget {
			t.Errorf("%s: %d B around a %d B report, over the %d B frame budget", rel, frame, len(body), frameBudget)
		} else {
			t.Logf("%-50s %6d B html + css: OVER the page budget with a %d B report; the frame is %d B", rel, total, len(body), frame)
		}
	}
}
