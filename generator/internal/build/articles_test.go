package build

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"leitai/generator/internal/linkcheck"
	"leitai/generator/internal/site"
	"leitai/generator/internal/testsite"
)

// fixtureWithArticles copies testdata/site and adds n-1 short articles to its
// one report, each a day newer than the last, and returns the copy's config.
func fixtureWithArticles(t *testing.T, n int) string {
	t.Helper()
	dir := testsite.CopyFrom(t, filepath.Join("testdata", "site"))
	first := time.Date(2022, 12, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i < n; i++ {
		date := first.AddDate(0, 0, i).Format("2006-01-02")
		for lang, text := range map[string][2]string{"zh": {"第%d期通报", "各部门推进承诺事项。"}, "en": {"Bulletin %d", "The departments press on with their pledges."}} {
			body := fmt.Sprintf("---\ntitle: %s\ndate: %s\nlead: %s\nreporters: [Liu Lanxing]\n---\n%s\n", fmt.Sprintf(text[0], i), date, text[1], text[1])
			name := filepath.Join(dir, "content", "articles", fmt.Sprintf("bulletin-%03d.%s.md", i, lang))
			if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return filepath.Join(dir, "config.yaml")
}

var teaserRE = regexp.MustCompile(`<article class="lead-story">\s*<h2><a href="([^"]+)">`)

// The list of articles holds site.PerPage (50) a page: a site of 50 articles
// lists them on one page, one of 51 on two, the newest first, each article
// once, linked by the pager.
func TestArticlesListPagesAtFifty(t *testing.T) {
	if site.PerPage != 50 {
		t.Errorf("site.PerPage is %d; the README promises 50 a page", site.PerPage)
	}
	for _, n := range []int{50, 51, 101} {
		t.Run(fmt.Sprint(n, " articles"), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			buildInto(t, fixtureWithArticles(t, n), out)
			for _, lang := range []string{"zh", "en"} {
				seen := map[string]bool{}
				var order []string
				pages := 0
				for url := "/pledges/" + lang + "/articles/"; url != ""; {
					pages++
					b, err := os.ReadFile(filepath.Join(out, strings.TrimPrefix(url, "/pledges/"), "index.html"))
					if err != nil {
						t.Fatal(err)
					}
					page := string(b)
					teasers := teaserRE.FindAllStringSubmatch(page, -1)
					want := min(site.PerPage, n-(pages-1)*site.PerPage)
					if len(teasers) != want {
						t.Errorf("%s lists %d articles, want %d", url, len(teasers), want)
					}
					for _, m := range teasers {
						if seen[m[1]] {
							t.Errorf("%s is listed twice", m[1])
						}
						seen[m[1]] = true
						order = append(order, m[1])
					}
					url = ""
					if m := nextRE.FindStringSubmatch(page); m != nil {
						url = m[1]
						if wantNext := fmt.Sprintf("/pledges/%s/articles/page/%d/", lang, pages+1); url != wantNext {
							t.Errorf("page %d's next page is %s, want %s", pages, url, wantNext)
						}
					}
				}
				if want := (n + site.PerPage - 1) / site.PerPage; pages != want {
					t.Errorf("%s: %d pages of articles, want %d", lang, pages, want)
				}
				if len(seen) != n {
					t.Errorf("%s: the list holds %d articles, want %d", lang, len(seen), n)
				}
				newest := fmt.Sprintf("/pledges/%s/articles/bulletin-%03d/", lang, n-1)
				if len(order) == 0 || order[0] != newest || order[len(order)-1] != "/pledges/"+lang+"/articles/report/" {
					t.Errorf("%s: the list runs from %v to %v, want the newest (%s) first and the oldest (report) last", lang, order[:min(1, len(order))], order[max(0, len(order)-1):], newest)
				}
				if _, err := os.Stat(filepath.Join(out, lang, "articles", "page", fmt.Sprint(pages+1))); !os.IsNotExist(err) {
					t.Errorf("%s: a page of articles after the last one", lang)
				}
			}
			broken, err := linkcheck.Check(out, "https://example.org/pledges/")
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range broken {
				t.Errorf("broken link: %s", b)
			}
		})
	}
}
