package build

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"leitai/generator/internal/config"
	"leitai/generator/internal/corpus"
	"leitai/generator/internal/linkcheck"
	"leitai/generator/internal/render"
	"leitai/generator/internal/site"
)

const theme = "../../../themes/default"

// corpusSite writes a synthetic site of n departments and returns its config.
func corpusSite(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := corpus.New(corpus.Options{Departments: n, Seed: 1}).WriteLeitai(dir, theme); err != nil {
		tb.Fatal(err)
	}
	return filepath.Join(dir, "config.yaml")
}

// editionsSite writes a synthetic publication of editions editions holding n
// department appearances in all (corpus.Options.Editions), and returns its
// config.
func editionsSite(tb testing.TB, editions, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := corpus.New(corpus.Options{Departments: n, Seed: 1, Editions: editions}).WriteLeitai(dir, theme); err != nil {
		tb.Fatal(err)
	}
	return filepath.Join(dir, "config.yaml")
}

func buildInto(tb testing.TB, cfg, out string) *Result {
	tb.Helper()
	res, err := Run(Options{Config: cfg, Overrides: config.Overrides{Destination: out}})
	if err != nil {
		for _, p := range res.Problems {
			tb.Log(p.Format())
		}
		tb.Fatal(err)
	}
	return res
}

var (
	cardRE  = regexp.MustCompile(`<article class="dept-card">\s*<h3><a href="([^"]+)"`)
	groupRE = regexp.MustCompile(`<li><a href="(/(?:zh|en)/groups/[^"]+)">`)
	nextRE  = regexp.MustCompile(`rel="next" href="([^"]+)"`)
)

// TestPagedSummary: a site too big for one summary page lists its groups on the
// summary, and every department's card is on exactly one page of its group, no
// page holding more than the budget; every link of the site leads somewhere.
func TestPagedSummary(t *testing.T) {
	n := 3*site.PerPage + 30 // three groups, each more than a page
	out := filepath.Join(t.TempDir(), "public")
	res := buildInto(t, corpusSite(t, n), out)
	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, lang := range []string{"zh", "en"} {
		summary := read(lang + "/index.html")
		if cardRE.MatchString(summary) {
			t.Errorf("%s summary shows cards; a site of %d departments should list its groups", lang, n)
		}
		if got := strings.Count(summary, `class="lead-story"`); got != site.ArticlesOnSummary {
			t.Errorf("%s summary shows %d articles, want the newest %d", lang, got, site.ArticlesOnSummary)
		}
		if !strings.Contains(summary, `href="/`+lang+`/articles/"`) {
			t.Errorf("%s summary does not link to the list of articles", lang)
		}
		seen := map[string]int{}
		groups := groupRE.FindAllStringSubmatch(summary, -1)
		if len(groups) == 0 {
			t.Fatalf("%s summary lists no groups", lang)
		}
		pages := 0
		for _, g := range groups {
			// Follow the group's pager from its first page to its last.
			for url := g[1]; url != ""; {
				pages++
				page := read(strings.TrimPrefix(url, "/") + "index.html")
				cards := cardRE.FindAllStringSubmatch(page, -1)
				if len(cards) == 0 || len(cards) > site.PerPage {
					t.Errorf("%s has %d cards, want 1 to %d", url, len(cards), site.PerPage)
				}
				for _, c := range cards {
					seen[c[1]]++
				}
				url = ""
				if m := nextRE.FindStringSubmatch(page); m != nil {
					url = m[1]
				}
			}
		}
		if len(seen) != n {
			t.Errorf("%s group pages show %d departments, want %d", lang, len(seen), n)
		}
		for d, k := range seen {
			if k != 1 {
				t.Errorf("%s: %s is on %d group pages", lang, d, k)
			}
		}
		if pages <= len(groups) {
			t.Errorf("%s: %d group pages for %d groups; a group of more than %d departments should span pages", lang, pages, len(groups), site.PerPage)
		}
	}
	if res.Pages["zh"] != res.Pages["en"] {
		t.Errorf("pages per language differ: %v", res.Pages)
	}
	// The feed holds the newest entries only, newest first, and every one of them
	// leads to a page of the site.
	for _, lang := range []string{"zh", "en"} {
		var feed struct {
			Entries []struct {
				Updated string `xml:"updated"`
				Link    struct {
					Href string `xml:"href,attr"`
				} `xml:"link"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(read(lang+"/atom.xml")), &feed); err != nil {
			t.Fatal(err)
		}
		if len(feed.Entries) != render.FeedEntries {
			t.Errorf("%s feed has %d entries, want the newest %d of %d pages", lang, len(feed.Entries), render.FeedEntries, n)
		}
		for i, e := range feed.Entries {
			if i > 0 && e.Updated > feed.Entries[i-1].Updated {
				t.Errorf("%s feed entry %d (%s) is newer than the one before it", lang, i, e.Updated)
			}
			rel := strings.TrimPrefix(strings.SplitN(e.Link.Href, "#", 2)[0], "https://example.org/")
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel), "index.html")); err != nil {
				t.Errorf("%s feed entry %s leads nowhere", lang, e.Link.Href)
			}
		}
	}
	broken, err := linkcheck.Check(out, "https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Errorf("broken link: %s", b)
	}
}

// TestUnchangedKeepTime: a rebuild leaves the modification time of every page
// whose bytes did not change, so rsync and CDN uploads send only what changed,
// and gives a changed page a new one; the output is still swapped in whole.
func TestUnchangedKeepTime(t *testing.T) {
	cfg := corpusSite(t, 12)
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, cfg, out)
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	css, err := filepath.Glob(filepath.Join(out, "style.*.css"))
	if err != nil || len(css) != 1 {
		t.Fatalf("stylesheet: %v %v", css, err)
	}
	style := filepath.Base(css[0])
	// The open data files are streamed to disk, not written whole: they keep
	// their time the same way.
	pages := []string{"zh/departments/finance/index.html", "en/departments/finance/index.html", "zh/departments/education/index.html", style,
		"zh/data/pledges.json", "zh/data/pledges.csv", "en/data/pledges.json"}
	for _, p := range pages {
		if err := os.Chtimes(filepath.Join(out, p), old, old); err != nil {
			t.Fatal(err)
		}
	}
	marker := filepath.Join(out, "left-by-hand.txt")
	if err := os.WriteFile(marker, nil, 0o644); err != nil {
		t.Fatal(err)
	}

	dept := filepath.Join(filepath.Dir(cfg), "content", "departments", "finance.yaml")
	b, err := os.ReadFile(dept)
	if err != nil {
		t.Fatal(err)
	}
	// Change the English name only: the English page changes, the Chinese one not.
	changed := regexp.MustCompile(`(?m)^  en: .*$`).ReplaceAllString(string(b), "  en: Renamed Finance Bureau")
	if err := os.WriteFile(dept, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	buildInto(t, cfg, out)

	mtime := func(p string) time.Time {
		st, err := os.Stat(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return st.ModTime()
	}
	for _, p := range []string{"zh/departments/finance/index.html", "zh/departments/education/index.html", style, "zh/data/pledges.json", "zh/data/pledges.csv"} {
		if !mtime(p).Equal(old) {
			t.Errorf("%s did not change but its mtime is now %v", p, mtime(p))
		}
	}
	for _, p := range []string{"en/departments/finance/index.html", "en/data/pledges.json"} {
		if mtime(p).Equal(old) {
			t.Errorf("%s changed but kept its old mtime", p)
		}
	}
	if _, err := os.Stat(marker); !os.IsNotExist(err) {
		t.Error("a file the build did not write survived the rebuild: the output was not swapped whole")
	}
}
