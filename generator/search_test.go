package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"leitai/generator/internal/headers"
	"leitai/generator/internal/testsite"
)

// The search tests build the real site, index it with Pagefind as the publish
// workflow does, serve it with the headers of the _headers file the build
// wrote (so the Content-Security-Policy is enforced), and search in headless
// Chromium. They need `npm ci` (for Pagefind) and Chromium; without them they
// skip, except in CI, where they fail.

func pagefindBin(t testing.TB) string {
	t.Helper()
	p := filepath.Join(testsite.Root(), "node_modules", ".bin", "pagefind")
	if _, err := os.Stat(p); err != nil {
		requireTool(t, "Pagefind (node_modules/.bin/pagefind)", "run npm ci")
	}
	return p
}

// indexSite runs Pagefind over a built site and returns what it printed.
func indexSite(t testing.TB, bin, dir string) string {
	t.Helper()
	out, err := exec.Command(bin, "--site", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("pagefind: %v\n%s", err, out)
	}
	return string(out)
}

// headerRule is one path pattern of _headers with its headers.
type headerRule struct {
	pattern string
	headers [][2]string
}

func readHeadersFile(t testing.TB, path string) []headerRule {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rules []headerRule
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "/"):
			rules = append(rules, headerRule{pattern: line})
		case strings.HasPrefix(line, "  ") && len(rules) > 0:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok {
				t.Fatalf("_headers: bad line %q", line)
			}
			rules[len(rules)-1].headers = append(rules[len(rules)-1].headers, [2]string{name, value})
		default:
			t.Fatalf("_headers: bad line %q", line)
		}
	}
	return rules
}

// globMatch matches a _headers pattern, where "*" stands for any characters.
func globMatch(pattern, p string) bool {
	re := "^" + strings.ReplaceAll(regexp.QuoteMeta(pattern), `\*`, ".*") + "$"
	return regexp.MustCompile(re).MatchString(p)
}

// serveSite serves dir at base ("/" or "/pledges/") with the headers _headers
// gives, as a host that reads the file would.
func serveSite(t testing.TB, dir, base string) *httptest.Server {
	t.Helper()
	return serveCounting(t, dir, base, nil)
}

// countingWriter adds the body bytes it passes on to n.
type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (w countingWriter) Write(b []byte) (int, error) {
	w.n.Add(int64(len(b)))
	return w.ResponseWriter.Write(b)
}

// serveCounting is serveSite that also adds to pagefindBytes (when not nil) the
// bytes of every response from the search bundle.
func serveCounting(t testing.TB, dir, base string, pagefindBytes *atomic.Int64) *httptest.Server {
	t.Helper()
	rules := readHeadersFile(t, filepath.Join(dir, "_headers"))
	files := http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServer(http.Dir(dir)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, base) {
			http.NotFound(w, r)
			return
		}
		for _, rule := range rules {
			if globMatch(rule.pattern, r.URL.Path) {
				for _, h := range rule.headers {
					w.Header().Add(h[0], h[1])
				}
			}
		}
		if pagefindBytes != nil && strings.HasPrefix(r.URL.Path, base+"pagefind/") {
			w = countingWriter{w, pagefindBytes}
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// searchBrowser is the Chromium the search tests share, the size of a phone's
// screen.
func searchBrowser(t testing.TB) *browser {
	t.Helper()
	return newBrowser(t, findChromium(t), chromedp.WindowSize(390, 844))
}

// browse loads a search page, waits until its script has finished the search
// (the status line is neither the no-JavaScript note nor "searching…"), and
// returns the document as it then is: it waits for the page itself rather than
// for a guessed time.
func (b *browser) browse(t testing.TB, pageURL string) string {
	t.Helper()
	if err := b.run(90*time.Second, chromedp.Navigate(pageURL)); err != nil {
		t.Fatalf("chromium %s: %v", pageURL, err)
	}
	c, cancel := context.WithTimeout(b.ctx, 90*time.Second)
	defer cancel()
	dom, err := chromedp.Run(c, chromedp.Evaluate[string](`new Promise((resolve) => {
		const start = Date.now();
		const poll = () => {
			const s = document.getElementById("search-status"), f = document.querySelector("form.search");
			const done = s && f && !s.querySelector("span") && s.textContent !== "" && s.textContent !== f.dataset.loading;
			if (done || Date.now() - start > 30000) { resolve(document.documentElement.outerHTML); } else { setTimeout(poll, 50); }
		};
		poll();
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("chromium %s: %v", pageURL, err)
	}
	return dom
}

var (
	statusRE  = regexp.MustCompile(`(?s)<p class="search-status" id="search-status" role="status">(.*?)</p>`)
	resultsRE = regexp.MustCompile(`(?s)<ol class="search-results" id="search-results">(.*?)</ol>`)
	hrefRE    = regexp.MustCompile(`<a href="([^"]+)"`)
	tagRE     = regexp.MustCompile(`<[^>]+>`)
)

// searchResult is what the search page shows after a query, and what went
// wrong in the page meanwhile.
type searchResult struct {
	status  string   // the status line, as text
	links   []string // result addresses, in order
	html    string   // the result list
	csp     []string // Content-Security-Policy violations
	console []string // console errors and uncaught exceptions
}

func (b *browser) search(t testing.TB, srvURL, page, q string) searchResult {
	t.Helper()
	b.console.setPage(page + "?q=" + q)
	dom := b.browse(t, srvURL+page+"?q="+url.QueryEscape(q))
	var r searchResult
	if m := statusRE.FindStringSubmatch(dom); m != nil {
		r.status = strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(m[1], "")))
	} else {
		t.Fatalf("%s?q=%s: no status line in\n%s", page, q, dom)
	}
	if m := resultsRE.FindStringSubmatch(dom); m != nil {
		r.html = m[1]
		for _, l := range hrefRE.FindAllStringSubmatch(m[1], -1) {
			r.links = append(r.links, l[1])
		}
	}
	var err error
	if r.csp, err = b.violations(); err != nil {
		t.Fatal(err)
	}
	r.console = b.settle(t)
	return r
}

// themeString is an interface string of the default theme, read independently
// of the generator.
func themeString(t *testing.T, lang, key string) string {
	t.Helper()
	var strs map[string]string
	readYAML(t, filepath.Join("..", "themes", "default", "i18n", lang+".yaml"), &strs)
	s, ok := strs[key]
	if !ok {
		t.Fatalf("%s.yaml has no %s", lang, key)
	}
	return s
}

// resultsLine is the status line for n results in lang.
func resultsLine(t *testing.T, lang string, n int) string {
	t.Helper()
	tmpl := themeString(t, lang, "search_results")
	if !strings.Contains(tmpl, "{n}") {
		t.Fatalf("%s.yaml: search_results %q has no {n}", lang, tmpl)
	}
	return strings.ReplaceAll(tmpl, "{n}", strconv.Itoa(n))
}

// checkIndexed reads the index Pagefind wrote and requires one per language of
// the site, each holding every page of that language marked for indexing.
func checkIndexed(t testing.TB, out string) {
	t.Helper()
	var entry struct {
		Languages map[string]struct {
			PageCount int `json:"page_count"`
		} `json:"languages"`
	}
	b, err := os.ReadFile(filepath.Join(out, "pagefind", "pagefind-entry.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &entry); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte("data-pagefind-body")) {
			rel, _, _ := strings.Cut(filepath.ToSlash(strings.TrimPrefix(p, out+string(filepath.Separator))), "/")
			want[strings.ToLower(langAttr[rel])]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for lang, l := range entry.Languages {
		got[lang] = l.PageCount
	}
	if !maps.Equal(got, want) || len(want) != 2 {
		t.Errorf("Pagefind indexed pages per language %v, want %v", got, want)
	}
}

func TestSearchFindsChineseWordsWithoutSpacesAndEnglishWords(t *testing.T) {
	pagefind := pagefindBin(t)
	b := searchBrowser(t)
	for _, base := range []string{"/", "/pledges/"} {
		t.Run("base "+base, func(t *testing.T) {
			var out string
			if base == "/" {
				out = buildReal(t)
			} else {
				out = buildReal(t, "--baseURL", "https://example.org"+base)
			}
			indexSite(t, pagefind, out)
			checkIndexed(t, out)
			srv := serveSite(t, out, base)

			cases := []struct {
				lang, q string
				want    []string // result addresses that must be there
				mark    string   // a highlighted word in the excerpts, if any
			}{
				// 贷款 appears only inside longer runs of Chinese: 新增贷款, 贷款规模.
				{"zh", "贷款", []string{"zh/departments/financial-supervision/", "zh/articles/department-arena-2022/"}, "<mark>贷款</mark>"},
				{"zh", "新增贷款", []string{"zh/departments/financial-supervision/"}, "<mark>新增</mark><mark>贷款</mark>"},
				// Not a word in Pagefind's dictionary: the query is cut into
				// smaller pieces, so the page is found but the highlight is of
				// the pieces.
				{"zh", "专项债", []string{"zh/departments/finance/"}, ""},
				{"en", "loans", []string{"en/departments/financial-supervision/"}, "<mark>loans</mark>"},
				{"en", "bonds", []string{"en/departments/finance/"}, "<mark>bonds</mark>"},
			}
			for _, c := range cases {
				r := b.search(t, srv.URL, base+c.lang+"/search/", c.q)
				if len(r.links) == 0 {
					t.Errorf("%s %q: no results; status %q", c.lang, c.q, r.status)
					continue
				}
				for _, w := range c.want {
					if !slices.Contains(r.links, base+w) {
						t.Errorf("%s %q: results %v lack %s", c.lang, c.q, r.links, base+w)
					}
				}
				for _, l := range r.links {
					if !strings.HasPrefix(l, base+c.lang+"/") {
						t.Errorf("%s %q: result %s is not a page of this language under %s", c.lang, c.q, l, base)
					}
					if l == base+c.lang+"/" {
						t.Errorf("%s %q: the summary is a result; it repeats every pledge and should not be indexed", c.lang, c.q)
					}
				}
				if c.mark != "" && !strings.Contains(r.html, c.mark) {
					t.Errorf("%s %q: excerpts do not highlight %s:\n%s", c.lang, c.q, c.mark, r.html)
				}
				if want := resultsLine(t, c.lang, len(r.links)); r.status != want {
					t.Errorf("%s %q: status %q, want %q", c.lang, c.q, r.status, want)
				}
				if len(r.csp) > 0 || len(r.console) > 0 {
					t.Errorf("%s %q: while the results rendered: policy violations %v, console errors %v", c.lang, c.q, r.csp, r.console)
				}
			}

			none := b.search(t, srv.URL, base+"en/search/", "zzzyxq")
			if want := themeString(t, "en", "search_none") + " " + themeString(t, "en", "search_all_pledges"); len(none.links) != 0 || none.status != want {
				t.Errorf("a word found nowhere: %d results, status %q", len(none.links), none.status)
			}
			if len(none.csp) > 0 || len(none.console) > 0 {
				t.Errorf("a word found nowhere: policy violations %v, console errors %v", none.csp, none.console)
			}
		})
	}
}

// The search page under the policy must let nothing inline run, and the watch
// on violations and console errors must see them, or its silence above proves
// nothing: the page is served here with a policy that forbids WebAssembly,
// which Pagefind needs.
func TestSearchWatchSeesViolations(t *testing.T) {
	out := buildReal(t)
	indexSite(t, pagefindBin(t), out)
	b := searchBrowser(t)
	strict := strings.Replace(headers.CSP, " 'wasm-unsafe-eval'", "", 1)
	if strict == headers.CSP {
		t.Fatalf("the shipped policy %q does not allow WebAssembly; this probe needs another way to break", headers.CSP)
	}
	files := http.FileServer(http.Dir(out))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", strict)
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	r := b.search(t, srv.URL, "/en/search/", "loans")
	if len(r.csp) == 0 {
		t.Errorf("no policy violation seen with WebAssembly forbidden; status %q, console %v", r.status, r.console)
	}
	if want := resultsLine(t, "en", 1); r.status == want {
		t.Errorf("search worked with WebAssembly forbidden: %q", r.status)
	}
}

// Built without Pagefind (go run ./generator build alone), the search page says
// search is unavailable and still leads to the summary.
func TestSearchPageWithoutIndex(t *testing.T) {
	b := searchBrowser(t)
	out := buildReal(t)
	srv := serveSite(t, out, "/")
	r := b.search(t, srv.URL, "/zh/search/", "贷款")
	if !strings.Contains(r.status, "没有生成搜索索引") || !strings.Contains(r.status, "查看全部承诺") {
		t.Errorf("status without an index = %q", r.status)
	}
	// The missing index is a 404 in the console, as it should be; nothing else.
	if len(r.csp) > 0 {
		t.Errorf("policy violations: %v", r.csp)
	}
	for _, e := range r.console {
		if !strings.Contains(e, "404") && !strings.Contains(e, "pagefind") {
			t.Errorf("console: %s", e)
		}
	}
}

// Without JavaScript the search page is a plain form that says search needs
// JavaScript and links to the summary.
func TestSearchPageWithoutJavaScript(t *testing.T) {
	out := buildReal(t)
	for lang, summary := range map[string]string{"zh": "/zh/", "en": "/en/"} {
		page := read(t, filepath.Join(out, lang, "search", "index.html"))
		m := statusRE.FindStringSubmatch(page)
		if m == nil || !strings.Contains(m[1], "JavaScript") || !strings.Contains(m[1], `<a href="`+summary+`">`) {
			t.Errorf("%s search page: no note that search needs JavaScript with a link to the summary", lang)
		}
		if !strings.Contains(page, `<form class="search" role="search" action="/`+lang+`/search/" method="get"`) {
			t.Errorf("%s search page: no GET form", lang)
		}
		summaryPage := read(t, filepath.Join(out, lang, "index.html"))
		if !strings.Contains(summaryPage, `href="/`+lang+`/search/"`) {
			t.Errorf("%s summary does not link to search", lang)
		}
	}
}

// Every page satisfies the Content-Security-Policy of _headers without
// 'unsafe-inline': no inline script or style, no event-handler attributes, and
// scripts only from fingerprinted files. JSON-LD is a data block, which browsers
// never run and CSP does not govern, so it is set aside first. The pages are
// the real site's and those of the constructs site, whose article uses every
// Markdown construct Leitai renders, raw HTML included.
func TestPagesNeedNoInlineCode(t *testing.T) {
	for _, c := range []struct {
		name     string
		out      string
		minPages int
	}{
		{"real content", buildReal(t), 26},
		{"every Markdown construct", buildSite(t, constructsSite(t)), 10},
		{"three editions", buildEditions(t, "--baseURL", "https://example.org/"), 38},
	} {
		t.Run(c.name, func(t *testing.T) {
			pages := 0
			err := filepath.WalkDir(c.out, func(p string, d fs.DirEntry, err error) error {
				if err != nil || !strings.HasSuffix(p, ".html") {
					return err
				}
				pages++
				for _, problem := range inlineCode(read(t, p)) {
					t.Errorf("%s: %s", p, problem)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if pages < c.minPages {
				t.Errorf("checked %d pages", pages)
			}
			if !strings.Contains(read(t, filepath.Join(c.out, "zh", "search", "index.html")), `<script src="/search.`) {
				t.Error("the search page does not load search.js")
			}
		})
	}
}

var (
	inlineRE = []*regexp.Regexp{
		regexp.MustCompile(`<style[\s>]`),
		regexp.MustCompile(`\sstyle=`),
		regexp.MustCompile(`\son[a-z]+=`),
		regexp.MustCompile(`javascript:`),
	}
	scriptBodyRE    = regexp.MustCompile(`<script(?:\s[^>]*)?>\s*[^<\s]`)
	scriptSrcRE     = regexp.MustCompile(`<script src="([^"]+)"`)
	jsonLDRE        = regexp.MustCompile(`(?s)<script type="application/ld\+json">.*?</script>`)
	fingerprintedRE = regexp.MustCompile(`/[a-z0-9-]+\.[0-9a-f]{10}\.js$`)
)

// inlineCode lists what in page a policy without 'unsafe-inline' would block.
func inlineCode(page string) []string {
	var found []string
	src := jsonLDRE.ReplaceAllString(page, "")
	for _, re := range inlineRE {
		if loc := re.FindStringIndex(src); loc != nil {
			found = append(found, fmt.Sprintf("inline code %q", src[loc[0]:min(loc[1]+40, len(src))]))
		}
	}
	if scriptBodyRE.MatchString(src) {
		found = append(found, "a <script> element with a body")
	}
	for _, m := range scriptSrcRE.FindAllStringSubmatch(src, -1) {
		if !fingerprintedRE.MatchString(m[1]) {
			found = append(found, "script "+m[1]+" is not a fingerprinted file")
		}
	}
	if strings.Count(src, "<script") != len(scriptSrcRE.FindAllString(src, -1)) {
		found = append(found, "a <script> without src")
	}
	return found
}

// The check finds each kind of inline code, or its silence proves nothing.
func TestInlineCodeCheckFindsEachKind(t *testing.T) {
	clean := `<p>fine</p><script type="application/ld+json">{"@type":"NewsArticle"}</script><script src="/search.0123456789.js" type="module"></script>`
	if got := inlineCode(clean); len(got) > 0 {
		t.Errorf("a clean page: %v", got)
	}
	for _, probe := range []string{
		`<td style="text-align:right">1</td>`,
		`<td class="x" style='color:red'>1</td>`,
		`<style>p{color:red}</style>`,
		`<img src="x.png" onerror="alert(1)">`,
		`<a href="javascript:alert(1)">a</a>`,
		`<script>alert(1)</script>`,
		`<script src="/search.js"></script>`,
		`<script type="module">import "/x.js"</script>`,
	} {
		if got := inlineCode(clean + probe); len(got) == 0 {
			t.Errorf("not found: %s", probe)
		}
	}
}

// TestSearchSaysWhichEdition searches the publication of three editions: a
// pledge made in editions 2 and 4 is found on each edition's page of the
// department, each result titled with its edition, and not on the page
// across editions, which repeats them; the index can be filtered by edition.
func TestSearchSaysWhichEdition(t *testing.T) {
	pagefind := pagefindBin(t)
	b := searchBrowser(t)
	base := "/pledges/"
	out := buildEditions(t)
	indexSite(t, pagefind, out)
	srv := serveSite(t, out, base)
	for _, c := range []struct {
		lang, q string
		want    map[string]string // result address → the title it shows
	}{
		{"zh", "新增贷款", map[string]string{
			base + "zh/editions/4/departments/alpha/": "甲局 · 第四期",
			base + "zh/editions/2/departments/alpha/": "甲局 · 第二期",
		}},
		{"en", "loans", map[string]string{
			base + "en/editions/4/departments/alpha/": "Alpha Bureau · Session 4",
			base + "en/editions/2/departments/alpha/": "Alpha Bureau · Session 2",
		}},
		{"zh", "乙号公园", map[string]string{
			base + "zh/editions/2/departments/beta/": "乙局 · 第二期",
			base + "zh/editions/3/departments/beta/": "乙局 · 第三期",
		}},
	} {
		r := b.search(t, srv.URL, base+c.lang+"/search/", c.q)
		for u, title := range c.want {
			if !slices.Contains(r.links, u) {
				t.Errorf("%s %q: results %v lack %s", c.lang, c.q, r.links, u)
			}
			if !strings.Contains(r.html, `href="`+u+`">`+title+`</a>`) {
				t.Errorf("%s %q: the result %s is not titled %q:\n%s", c.lang, c.q, u, title, r.html)
			}
		}
		for _, l := range r.links {
			if strings.Contains(l, "/departments/") && !strings.Contains(l, "/editions/") {
				t.Errorf("%s %q: the page across editions %s is a result; its editions' pages are", c.lang, c.q, l)
			}
		}
		if len(r.csp) > 0 || len(r.console) > 0 {
			t.Errorf("%s %q: policy violations %v, console errors %v", c.lang, c.q, r.csp, r.console)
		}
	}
	// The index holds the edition as a filter: a search can be narrowed to
	// one, and each edition has its pages (its departments and reports).
	for _, c := range []struct {
		lang string
		want map[string]int
	}{
		{"zh", map[string]int{"第二期": 3, "第三期": 2, "第四期": 3}},
		{"en", map[string]int{"Session 2": 3, "Session 3": 2, "Session 4": 3}},
	} {
		b.browse(t, srv.URL+base+c.lang+"/search/?q=x")
		var got map[string]map[string]int
		if err := b.eval(`import("`+base+`pagefind/pagefind.js").then(pf => pf.options({baseUrl: "`+base+`", noWorker: true}).then(() => pf.filters()))`,
			&got, chromedp.EvalAwaitPromise); err != nil {
			t.Fatal(err)
		}
		if !maps.Equal(got["edition"], c.want) {
			t.Errorf("%s: the edition filter counts %v, want %v", c.lang, got["edition"], c.want)
		}
	}
}
