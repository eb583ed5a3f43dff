package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A reader on a slow phone connection gets every page of the real site in under
// 30 KB of HTML and CSS before compression. A long report is read in parts
// (site.ArticlePartBytes), so every page of it keeps to the budget too.
const pageBudget = 30 << 10

func TestRealContentPageBudget(t *testing.T) { checkBudget(t, buildReal(t)) }

// TestEditionsPageBudget holds the pages a publication of several editions
// adds to the same budget: its home page, the archive, each edition's summary
// and department pages, the pages across editions.
func TestEditionsPageBudget(t *testing.T) { checkBudget(t, buildEditions(t)) }

func checkBudget(t *testing.T, out string) {
	t.Helper()
	sheets, err := filepath.Glob(filepath.Join(out, "style.*.css"))
	if err != nil || len(sheets) != 1 {
		t.Fatalf("want one stylesheet, got %v (%v)", sheets, err)
	}
	st, err := os.Stat(sheets[0])
	if err != nil {
		t.Fatal(err)
	}
	css := int(st.Size())
	tightest, most := "", 0
	for _, rel := range htmlPages(t, out) {
		page := read(t, filepath.Join(out, rel))
		total := len(page) + css
		if total > most {
			tightest, most = rel, total
		}
		if total < pageBudget {
			t.Logf("%-50s %6d B html + css", rel, total)
			continue
		}
		t.Errorf("%s: %d B of HTML and CSS, over the %d B budget", rel, total, pageBudget)
	}
	t.Logf("the largest page is %s: %d of %d B, %d B to spare", tightest, most, pageBudget, pageBudget-most)
}
