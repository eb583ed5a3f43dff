package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"leitai/generator/internal/headers"
)

// The real site in a real browser: headless Chromium loads every page at a
// phone's and a desktop's size, under a strict Content-Security-Policy, and
// checks what a reader meets. axe-core, injected from its npm package, judges
// accessibility independently of this code. Screenshots are saved for people to
// look at (testdata-out/browser/, or $LEITAI_ARTIFACTS/browser/). Probe pages,
// built to break each rule, show that every check can fail.

// csp is the policy the test server sends: no inline style or script, nothing
// from elsewhere. The pages must work under it unchanged. The search pages, which
// need their script, get the policy the site ships in _headers instead, which
// still allows nothing inline.
const csp = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// toolFile finds a file installed by tools/package.json, or names the variable
// that points elsewhere.
func toolFile(t *testing.T, env, rel string) string {
	t.Helper()
	p := os.Getenv(env)
	if p == "" {
		p = filepath.Join("..", "tools", "node_modules", filepath.FromSlash(rel))
	}
	if _, err := os.Stat(p); err != nil {
		requireTool(t, rel, "run `npm ci --prefix tools` or set "+env)
	}
	return p
}

func artifactsDir(t *testing.T, name ...string) string {
	t.Helper()
	root := os.Getenv("LEITAI_ARTIFACTS")
	if root == "" {
		root = filepath.Join("..", "testdata-out")
	}
	dir := filepath.Join(root, "browser")
	if len(name) > 0 {
		dir = filepath.Join(root, name[0])
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// probes are pages that break a rule on purpose, served at /__probe/, to prove
// the test notices. They load only probe.css, under the same policy as the site.
var probes = map[string]string{
	"csp.html": `<!DOCTYPE html><html lang="en"><title>probe</title><p style="color:red">x</p><script>document.title="ran"</script><img src="data:,">`,
	"probe.css": `.wide { width: 600px; height: 1px; }
.tiny { display: inline-block; width: 20px; height: 20px; overflow: hidden; }
.skip:focus, .skip:focus-visible { outline: none; }
.narrow { width: 60px; white-space: nowrap; overflow: hidden; }`,
	// 600 px wide on a 360-px phone.
	"overflow.html": `<!DOCTYPE html><html lang="en"><title>probe</title><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="probe.css"><h1>Wide</h1><div class="wide"></div>`,
	// A 20-px link in the header.
	"tap.html": `<!DOCTYPE html><html lang="en"><title>probe</title><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="probe.css"><header class="site"><a class="tiny" href="#x">x</a></header><h1 id="x">Small</h1>`,
	// A skip link that shows no outline when the first Tab focuses it.
	"focus.html": `<!DOCTYPE html><html lang="en"><title>probe</title><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="probe.css"><a class="skip" href="#main">Skip</a><main id="main"><h1>Focus</h1></main>`,
	// Navigation with no print rules, and no .back link at all.
	"print.html": `<!DOCTYPE html><html lang="en"><title>probe</title><a class="skip" href="#main">Skip</a><nav><a href="#main">Nav</a></nav><main id="main"><h1>Print</h1></main><footer class="site">Footer</footer>`,
	// A chart label that runs past its drawing, and a tile's word past its box.
	"clip.html": `<!DOCTYPE html><html lang="en"><title>probe</title><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="probe.css"><h1>Clipped</h1>` +
		`<svg viewBox="0 0 100 20" width="100" height="20"><text x="60" y="14">57.7 billion yuan</text></svg>` +
		`<ul class="tiles"><li class="narrow">Unbreakablyverylongword</li></ul>`,
}

// siteHandler serves the built site under prefix the way a static host does: a
// missing page gets 404.html with status 404. Every response carries the CSP.
// /__probe/ serves the probes. While hold holds an address, a navigation to it
// (the refresh of the root page, or of a page that moved) is answered 204 No
// Content, which a browser takes as "stay on this page", so a page that leads
// on can be checked like every other.
func siteHandler(dir, prefix string, hold *atomic.Pointer[string]) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Every navigation reaches the server: the root page's hold needs it.
		w.Header().Set("Cache-Control", "no-store")
		if strings.HasSuffix(r.URL.Path, "/search/") || strings.Contains(r.URL.Path, "/pagefind/") {
			w.Header().Set("Content-Security-Policy", headers.CSP)
		} else {
			w.Header().Set("Content-Security-Policy", csp)
		}
		if name, ok := strings.CutPrefix(r.URL.Path, "/__probe/"); ok {
			body, ok := probes[name]
			if !ok {
				http.NotFound(w, r)
				return
			}
			ctype := "text/html; charset=utf-8"
			if strings.HasSuffix(name, ".css") {
				ctype = "text/css; charset=utf-8"
			}
			w.Header().Set("Content-Type", ctype)
			_, _ = io.WriteString(w, body) // a client that went away needs no answer
			return
		}
		if held := holding(hold); held != "" && r.URL.Path == held && r.Header.Get("Sec-Fetch-Mode") == "navigate" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		rel, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok {
			http.NotFound(w, r)
			return
		}
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if strings.HasSuffix(rel, "/") || rel == "" {
			p = filepath.Join(p, "index.html")
		}
		if st, err := os.Stat(p); err != nil || st.IsDir() {
			b, err := os.ReadFile(filepath.Join(dir, "404.html"))
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write(b)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + rel
		files.ServeHTTP(w, r2)
	})
}

func holding(hold *atomic.Pointer[string]) string {
	if hold == nil {
		return ""
	}
	if p := hold.Load(); p != nil {
		return *p
	}
	return ""
}

// serveAt serves handler at a port chosen first, so a site can be built for the
// address it will be served at; it returns the server's root URL.
func serveAt(t *testing.T, handler func(root string) http.Handler) (*httptest.Server, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	root := "http://" + ln.Addr().String()
	srv := httptest.NewUnstartedServer(handler(root))
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, root
}

// viewport is a screen the pages are checked at.
type viewport struct {
	name          string
	width, height int64
	mobile        bool
	dark          bool
}

var viewports = []viewport{
	{name: "phone", width: 360, height: 740, mobile: true},
	{name: "desktop", width: 1280, height: 800},
	{name: "phone-dark", width: 360, height: 740, mobile: true, dark: true},
}

// emulate sets the screen and the colour scheme.
func (b *browser) emulate(t testing.TB, vp viewport) {
	t.Helper()
	scheme := "light"
	if vp.dark {
		scheme = "dark"
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		t.Fatal(err)
	}
	emulate := chromedp.EmulateViewport(vp.width, vp.height)
	if vp.mobile {
		emulate = chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	if err := b.run(10*time.Second, emulate); err != nil {
		t.Fatal(err)
	}
}

// tapSelectors are the links people aim at with a thumb: the header,
// navigation, department and pledge links, the pager. Links inside running text
// are exempt (WCAG 2.5.8's inline exception).
var tapSelectors = []string{"header.site a", "nav a", ".dept-card h3 a", ".lead-story a", ".choose a", ".back a", "footer.site a"}

// pageReport is what one evaluation in the page measures.
type pageReport struct {
	Lang      string         `json:"lang"`
	Overflow  float64        `json:"overflow"` // px the document is wider than the viewport
	H1        int            `json:"h1"`
	Links     []string       `json:"links"`
	Targets   map[string]int `json:"targets"` // visible tap targets measured, by selector
	Small     []string       `json:"small"`   // tap targets under 48×48 px
	Fragments []string       `json:"fragments"`
	Switch    *struct {
		Href     string `json:"href"`
		Hreflang string `json:"hreflang"`
		Lang     string `json:"lang"`
	} `json:"switch"`
	CSP  []string `json:"csp"`
	Font string   `json:"font"`
}

// measure runs in the page.
var measure = `(() => {
  const de = document.documentElement;
  const visible = el => el.getClientRects().length > 0;
  const r = {
    lang: de.lang,
    overflow: de.scrollWidth - de.clientWidth,
    h1: document.querySelectorAll('h1').length,
    links: [...document.querySelectorAll('a[href], link[href]')].map(a => a.href),
    targets: {}, small: [], fragments: [], switch: null,
    csp: window.__csp || [],
    font: getComputedStyle(document.body).fontFamily,
  };
  for (const sel of ` + jsStrings(tapSelectors) + `) {
    r.targets[sel] = 0;
    for (const el of document.querySelectorAll(sel)) {
      if (!visible(el)) continue;
      r.targets[sel]++;
      const b = el.getBoundingClientRect();
      if (b.width < 48 || b.height < 48) r.small.push(el.textContent.trim() + ' ' + Math.round(b.width) + '×' + Math.round(b.height));
    }
  }
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    if (a.hash && !document.getElementById(decodeURIComponent(a.hash.slice(1)))) r.fragments.push(a.getAttribute('href'));
  }
  const sw = document.querySelector('nav.langs a[hreflang]');
  if (sw) r.switch = {href: sw.href, hreflang: sw.hreflang, lang: sw.lang};
  return r;
})()`

// jsStrings writes a JavaScript array of strings.
func jsStrings(s []string) string {
	return "['" + strings.Join(s, "', '") + "']"
}

func (b *browser) measure(t testing.TB) pageReport {
	t.Helper()
	var r pageReport
	if err := b.eval(measure, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// checkPage judges what measure found on a page at a viewport.
func checkPage(t testing.TB, r pageReport, vp viewport) {
	t.Helper()
	if r.Overflow > 0 {
		t.Errorf("scrolls sideways by %v px", r.Overflow)
	}
	if r.H1 != 1 {
		t.Errorf("%d h1 elements", r.H1)
	}
	if !strings.Contains(r.Font, "PingFang SC") {
		t.Errorf("the stylesheet did not apply: body font %q", r.Font)
	}
	targets := 0
	for _, n := range r.Targets {
		targets += n
	}
	if targets == 0 {
		t.Errorf("no tap target found: the selectors %v match nothing visible", tapSelectors)
	}
	if vp.mobile && len(r.Small) > 0 {
		t.Errorf("tap targets under 48×48 px: %v", r.Small)
	}
	if len(r.Fragments) > 0 {
		t.Errorf("links to missing fragments: %v", r.Fragments)
	}
	if len(r.CSP) > 0 {
		t.Errorf("Content-Security-Policy violations: %v", r.CSP)
	}
}

// axeRun asks axe-core for every WCAG 2.0/2.1/2.2 A and AA rule and its best
// practices, and returns one line per violation.
const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
  .then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))`

// axe injects axe-core into the page and returns its violations.
func (b *browser) axe(t testing.TB, axeSrc []byte) []string {
	t.Helper()
	if err := b.run(30*time.Second, chromedp.Evaluate[chromedp.Void](string(axeSrc))); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	var violations []string
	if err := b.eval(axeRun, &violations, chromedp.EvalAwaitPromise); err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	return violations
}

// focusCheck presses nothing itself: after one Tab, the skip link must have the
// focus, be on screen and show a visible outline.
const focusCheck = `(() => {
  const a = document.activeElement, s = getComputedStyle(a), b = a.getBoundingClientRect();
  return {skip: a.classList.contains('skip'), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, onScreen: b.top >= 0 && b.bottom <= innerHeight};
})()`

type focusReport struct{ Skip, Outline, OnScreen bool }

// tab presses Tab once and reports where the focus went.
func (b *browser) tab(t testing.TB) focusReport {
	t.Helper()
	if err := b.run(10*time.Second, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	var f focusReport
	if err := b.eval(focusCheck, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func checkFocus(t testing.TB, f focusReport) {
	t.Helper()
	if !f.Skip || !f.Outline || !f.OnScreen {
		t.Errorf("after one Tab: skip link focused %v, outline visible %v, on screen %v", f.Skip, f.Outline, f.OnScreen)
	}
}

// printed reports, under print media, how many elements each selector finds
// and which of them are still displayed.
type printedReport struct {
	Sel   string   `json:"sel"`
	Found int      `json:"found"`
	Shown []string `json:"shown"`
}

func (b *browser) printed(t testing.TB, selectors []string) []printedReport {
	t.Helper()
	var r []printedReport
	if err := b.eval(jsStrings(selectors)+`.map(sel => {
  const els = [...document.querySelectorAll(sel)];
  return {sel, found: els.length, shown: els.filter(e => getComputedStyle(e).display !== 'none').map(e => e.className || e.tagName)};
})`, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// checkPrint requires every selector to find something, and nothing it finds
// to be printed: a selector that matched nothing would pass unseen.
func checkPrint(t testing.TB, r []printedReport) {
	t.Helper()
	for _, s := range r {
		if s.Found == 0 {
			t.Errorf("%s: nothing on the page to hide in print", s.Sel)
		}
		if len(s.Shown) > 0 {
			t.Errorf("%s: printed: %v", s.Sel, s.Shown)
		}
	}
}

// printPages are the pages whose print layout is checked, with what print must
// hide on each.
var printPages = []struct {
	rel  string
	hide []string
}{
	{"zh/departments/finance/", []string{".skip", "nav", "footer.site", ".back", ".pager"}},
	{"en/departments/finance/", []string{".skip", "nav", "footer.site", ".back", ".pager"}},
	{"zh/", []string{".skip", "nav", "footer.site", ".tools", ".chart-details"}},
	{"en/articles/department-arena-2022/", []string{".skip", "nav", "footer.site", ".back", ".crumbs"}},
}

func TestBrowser(t *testing.T) {
	chrome := findChromium(t)
	axeSrc, err := os.ReadFile(toolFile(t, "LEITAI_AXE", "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	shots := artifactsDir(t)

	// Build for the address the server will have, under a sub-path, so every
	// absolute URL in the pages (canonical, hreflang) is one the test can load.
	const prefix = "/pledges/"
	var out string
	var hold atomic.Pointer[string]
	srv, root := serveAt(t, func(root string) http.Handler {
		out = buildReal(t, "--baseURL", root+prefix)
		// Search pages load their index as published sites do; without it they
		// would report a missing file.
		indexSite(t, pagefindBin(t), out)
		return siteHandler(out, prefix, &hold)
	})
	base := root + prefix

	b := newBrowser(t, chrome)
	phone := viewports[0]
	b.emulate(t, phone)

	t.Run("probes", func(t *testing.T) {
		// Each check must report the page built to break it, so its silence on
		// the real pages means something.
		visit := func(t *testing.T, name string) {
			t.Helper()
			b.console.setPage("probe " + name)
			if err := b.run(30*time.Second, chromedp.Navigate(srv.URL+"/__probe/"+name)); err != nil {
				t.Fatal(err)
			}
		}
		says := func(t *testing.T, what string, check func(tb testing.TB), want string) {
			t.Helper()
			if r := record(t, check); !strings.Contains(strings.Join(r.errs, "\n"), want) {
				t.Errorf("the %s check did not report %q: %q", what, want, r.errs)
			}
		}

		t.Run("csp", func(t *testing.T) {
			visit(t, "csp.html")
			r := b.measure(t)
			title, err := chromedp.Run(b.ctx, chromedp.Title())
			if err != nil {
				t.Fatal(err)
			}
			if title == "ran" || len(r.CSP) < 2 {
				t.Errorf("inline script ran or violations not seen: title %q, violations %v", title, r.CSP)
			}
			says(t, "policy", func(tb testing.TB) { checkPage(tb, r, phone) }, "Content-Security-Policy violations")
			// axe-core runs and reports: the probe's image has no alt text.
			if v := b.axe(t, axeSrc); !strings.Contains(strings.Join(v, "\n"), "image-alt") {
				t.Errorf("axe-core did not report the image without alt text: %v", v)
			}
			if len(b.settle(t)) == 0 {
				t.Error("the console showed no CSP violation for the probe page")
			}
		})
		t.Run("overflow", func(t *testing.T) {
			visit(t, "overflow.html")
			r := b.measure(t)
			says(t, "sideways scrolling", func(tb testing.TB) { checkPage(tb, r, phone) }, "scrolls sideways by")
		})
		t.Run("tap targets", func(t *testing.T) {
			visit(t, "tap.html")
			r := b.measure(t)
			says(t, "tap target", func(tb testing.TB) { checkPage(tb, r, phone) }, "tap targets under 48×48 px: [x 20×20]")
			visit(t, "overflow.html") // no link at all
			r = b.measure(t)
			says(t, "tap target", func(tb testing.TB) { checkPage(tb, r, phone) }, "no tap target found")
		})
		t.Run("focus", func(t *testing.T) {
			visit(t, "focus.html")
			f := b.tab(t)
			says(t, "focus", func(tb testing.TB) { checkFocus(tb, f) }, "outline visible false")
			visit(t, "overflow.html") // no skip link at all
			f = b.tab(t)
			says(t, "focus", func(tb testing.TB) { checkFocus(tb, f) }, "skip link focused false")
		})
		t.Run("clipping", func(t *testing.T) {
			visit(t, "clip.html")
			c := b.clipped(t)
			says(t, "clipping", func(tb testing.TB) { checkClipped(tb, c) }, `SVG text “57.7 billion yuan”`)
			says(t, "clipping", func(tb testing.TB) { checkClipped(tb, c) }, `text “Unbreakablyverylongword” runs out of its box`)
			visit(t, "overflow.html") // no chart at all
			c = b.clipped(t)
			says(t, "clipping", func(tb testing.TB) { checkClipped(tb, c) }, "no chart text found")
		})
		t.Run("print", func(t *testing.T) {
			visit(t, "print.html")
			b.media(t, "print")
			defer b.media(t, "")
			r := b.printed(t, []string{".skip", "nav", "footer.site", ".back"})
			says(t, "print", func(tb testing.TB) { checkPrint(tb, r) }, "nav: printed: [NAV]")
			says(t, "print", func(tb testing.TB) { checkPrint(tb, r) }, ".back: nothing on the page to hide in print")
		})
		b.console.take()
	})

	// The root page is a redirect without JavaScript: it must land on the
	// default language's summary.
	t.Run("root redirect", func(t *testing.T) {
		b.console.setPage("index.html")
		if err := b.run(30*time.Second, chromedp.Navigate(base)); err != nil {
			t.Fatal(err)
		}
		// The refresh navigates on its own after the load; look until it has.
		var loc string
		for range 50 {
			if loc, _ = chromedp.Run(b.ctx, chromedp.Location()); loc == base+"zh/" {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if loc != base+"zh/" {
			t.Errorf("the root page did not lead to %szh/: at %s", base, loc)
		}
	})

	checkEveryPage(t, b, axeSrc, shots, "", out, base, &hold)

	// No text of a chart is cut off at any width from 320 px up: every page
	// with a chart, at the narrowest phone, a common one and a desktop, with a
	// screenshot of each for people to look at.
	var charted []string
	for _, rel := range htmlPages(t, out) {
		if html := read(t, filepath.Join(out, rel)); strings.Contains(html, `<svg class="chart"`) || strings.Contains(html, `<ul class="tiles">`) || strings.Contains(html, `<figure class="bars">`) {
			charted = append(charted, strings.TrimSuffix(rel, "index.html"))
		}
	}
	if len(charted) == 0 {
		t.Error("no page of the site has a chart: the clipping check checks nothing")
	}
	for _, vp := range chartViewports {
		b.emulate(t, vp)
		for _, rel := range charted {
			name := "charts/" + vp.name + "/" + rel
			t.Run(name, func(t *testing.T) {
				b.console.setPage(name)
				if err := b.run(30*time.Second, chromedp.Navigate(base+rel)); err != nil {
					t.Fatal(err)
				}
				checkClipped(t, b.clipped(t))
				png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				file := strings.ReplaceAll(strings.Trim(rel, "/"), "/", "_")
				if file == "" {
					file = "index"
				}
				if err := os.WriteFile(filepath.Join(shots, file+".chart-"+vp.name+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
	t.Logf("screenshots of %d pages with charts at %d widths are in %s", len(charted), len(chartViewports), shots)

	t.Run("print", func(t *testing.T) {
		b.media(t, "print")
		defer b.media(t, "")
		for _, p := range printPages {
			if err := b.run(30*time.Second, chromedp.Navigate(base+p.rel)); err != nil {
				t.Fatal(err)
			}
			r := b.printed(t, p.hide)
			checkPrint(t, r)
			if p.rel != "zh/departments/finance/" && p.rel != "en/departments/finance/" {
				continue
			}
			// A4's width at 96 dpi, for people to look at the print layout.
			if err := b.run(10*time.Second, chromedp.EmulateViewport(794, 1123)); err != nil {
				t.Fatal(err)
			}
			file := strings.ReplaceAll(strings.Trim(p.rel, "/"), "/", "_")
			png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(shots, file+".print.png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
			pdf, err := chromedp.Run(b.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(shots, file+".print.pdf"), pdf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// checkEveryPage loads every page of the site built into out and served at
// base, at every viewport, and checks what a reader meets: no sideways
// scrolling, tap targets, axe-core, the skip link, links that answer, the
// language switch, no console error. Screenshots go to shots, named with
// shotPrefix. A page that leads on (the root page, a page that moved) is held
// while it is checked.
//
// only, when given, picks the pages to check; then the tap-target selectors
// are not required to find something.
func checkEveryPage(t *testing.T, b *browser, axeSrc []byte, shots, shotPrefix, out, base string, hold *atomic.Pointer[string], only ...func(rel string) bool) {
	root := base[:strings.Index(base[len("http://"):], "/")+len("http://")]
	httpOK := map[string]string{} // URL without fragment → body, for pages that loaded
	fetch := func(u string) (string, error) {
		if b, ok := httpOK[u]; ok {
			return b, nil
		}
		resp, err := http.Get(u)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return "", err
		}
		if resp.StatusCode != http.StatusOK {
			return "", fmt.Errorf("status %s", resp.Status)
		}
		httpOK[u] = string(b)
		return string(b), nil
	}

	var pages []string
	for _, rel := range htmlPages(t, out) {
		switch rel {
		case "index.html":
			// The root page, held there while it is checked (see siteHandler).
			pages = append(pages, "")
		case "404.html":
			// Met the way readers meet it: at an address that does not exist.
			pages = append(pages, "no-such-page/")
		default:
			pages = append(pages, strings.TrimSuffix(rel, "index.html"))
		}
	}
	if len(only) > 0 {
		pages = slices.DeleteFunc(pages, func(rel string) bool { return !only[0](rel) })
		if len(pages) == 0 {
			t.Fatal("no page to check")
		}
	}

	found := map[string]int{} // tap targets measured on phones, by selector
	measured := 0             // pages measured on phones (-run may pick a few)
	for _, vp := range viewports {
		b.emulate(t, vp)
		for _, rel := range pages {
			name := vp.name + "/" + rel
			t.Run(name, func(t *testing.T) {
				u := base + rel
				b.console.setPage(name)
				if to := leadsTo(t, out, rel, base); to != "" {
					// The root page, or a page that moved: held there while it
					// is checked (see siteHandler).
					held := strings.TrimPrefix(to, root)
					hold.Store(&held)
					defer hold.Store(nil)
				}
				if err := b.run(30*time.Second, chromedp.Navigate(u)); err != nil {
					t.Fatal(err)
				}
				r := b.measure(t)
				checkPage(t, r, vp)
				if vp.mobile {
					measured++
					for sel, n := range r.Targets {
						found[sel] += n
					}
				}
				for _, v := range b.axe(t, axeSrc) {
					t.Errorf("axe: %s", v)
				}

				shot := chromedp.FullScreenshot(100)
				if vp.dark {
					shot = chromedp.CaptureScreenshot() // the first screen is enough to judge the colours
				}
				png, err := chromedp.Run(b.ctx, shot)
				if err != nil {
					t.Fatal(err)
				}
				file := strings.ReplaceAll(strings.Trim(rel, "/"), "/", "_")
				if file == "" {
					file = "index"
				}
				file = shotPrefix + file
				if err := os.WriteFile(filepath.Join(shots, file+"."+vp.name+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}

				if vp.name == "phone" {
					checkLinks(t, r.Links, u, base, fetch)
					checkFocus(t, b.tab(t))
				}
				if leadsTo(t, out, rel, base) != "" {
					// Still the page that leads on: the checks above were of it.
					if loc, err := chromedp.Run(b.ctx, chromedp.Location()); err != nil || loc != u {
						t.Errorf("%s was left for %s (%v) while it was checked", u, loc, err)
					}
				}

				// Last, because it leaves the page: the language switch goes to
				// the same page in the other language.
				if vp.name == "phone" && rel != "no-such-page/" && leadsTo(t, out, rel, base) == "" {
					checkSwitch(t, b, r, u, base)
				}
				for _, e := range b.settle(t) {
					if rel == "no-such-page/" && strings.Contains(e, "status of 404") {
						continue // the host's answer for a missing page, as it should be
					}
					t.Errorf("console: %s", e)
				}
			})
		}
	}
	for _, sel := range tapSelectors {
		if measured > 0 && found[sel] == 0 && len(only) == 0 {
			t.Errorf("the tap-target selector %q matched nothing on any page: it checks nothing", sel)
		}
	}

}

// leadsTo is where the page at rel leads by its meta refresh, as an address
// from the host's root, or "" for a page that does not lead on.
func leadsTo(t *testing.T, out, rel, base string) string {
	t.Helper()
	name := rel + "index.html"
	if rel == "no-such-page/" {
		return ""
	}
	m := refreshRE.FindStringSubmatch(read(t, filepath.Join(out, filepath.FromSlash(name))))
	if m == nil {
		return ""
	}
	return m[1]
}

// TestBrowserEditions does for a publication of several editions what
// TestBrowser does for the real site: every page of the three-edition
// publication (the home page that leads with the newest edition, the
// archive, each edition's summary and department pages, the pages across
// editions with the links between pledges), and the redirect pages a paged
// site leaves where its group pages were.
func TestBrowserEditions(t *testing.T) {
	chrome := findChromium(t)
	axeSrc, err := os.ReadFile(toolFile(t, "LEITAI_AXE", "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	shots := artifactsDir(t, "browser-editions")
	b := newBrowser(t, chrome)

	t.Run("three editions", func(t *testing.T) {
		const prefix = "/pledges/"
		var out string
		var hold atomic.Pointer[string]
		_, root := serveAt(t, func(root string) http.Handler {
			out = buildEditions(t, "--baseURL", root+prefix)
			indexSite(t, pagefindBin(t), out)
			return siteHandler(out, prefix, &hold)
		})
		checkEveryPage(t, b, axeSrc, shots, "", out, root+prefix, &hold)
	})
	t.Run("moved pages", func(t *testing.T) {
		cfg := pagedSite(t)
		addSecondEdition(t, cfg)
		var out string
		var hold atomic.Pointer[string]
		_, root := serveAt(t, func(root string) http.Handler {
			out = filepath.Join(t.TempDir(), "public")
			if code, _, stderr := runCmd("build", "--config", cfg, "--destination", out, "--baseURL", root+"/"); code != 0 {
				t.Fatal(stderr)
			}
			return siteHandler(out, "/", &hold)
		})
		// The group pages that moved, in both languages, and the archive.
		// (A group page's cards are h3 under its h1, which axe-core reports
		// as a skipped heading level, on any paged site: not checked here.)
		checkEveryPage(t, b, axeSrc, shots, "paged-", out, root+"/", &hold, func(rel string) bool {
			return rel == "zh/groups/factors/" || rel == "en/groups/factors/" || rel == "en/editions/"
		})
	})
}

// chartViewports are the widths no chart text may be cut at: the narrowest
// phone the site serves, a common phone and a desktop.
var chartViewports = []viewport{
	{name: "320", width: 320, height: 640, mobile: true},
	{name: "360", width: 360, height: 740, mobile: true},
	{name: "1280", width: 1280, height: 800},
}

// chartBoxes are the boxes of a chart drawn in HTML: a figure's tile, a bar's
// row. Their text must stay inside them.
const chartBoxes = ".tiles > li, .bars li"

// clipReport is what clipCheck found: how many texts it measured, and those
// cut off.
type clipReport struct {
	Checked int      `json:"checked"`
	Clipped []string `json:"clipped"`
}

// clipCheck measures every chart text on the page: each SVG text's box must lie
// inside its SVG's viewBox (outside it, the SVG cuts it off), and each line of
// text of an HTML chart inside its box.
var clipCheck = `(() => {
  const r = {checked: 0, clipped: []};
  const round = a => a.map(x => Math.round(x * 10) / 10).join(' ');
  for (const svg of document.querySelectorAll('svg[viewBox]')) {
    const v = svg.viewBox.baseVal;
    for (const t of svg.querySelectorAll('text')) {
      r.checked++;
      const b = t.getBBox();
      if (b.x < v.x - 0.5 || b.y < v.y - 0.5 || b.x + b.width > v.x + v.width + 0.5 || b.y + b.height > v.y + v.height + 0.5) {
        r.clipped.push('SVG text “' + t.textContent + '” at ' + round([b.x, b.y, b.width, b.height]) + ' lies outside the viewBox ' + round([v.x, v.y, v.width, v.height]));
      }
    }
  }
  for (const box of document.querySelectorAll('` + chartBoxes + `')) {
    const o = box.getBoundingClientRect();
    const walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.textContent.trim()) continue;
      r.checked++;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const q of range.getClientRects()) {
        if (q.left < o.left - 0.5 || q.right > o.right + 0.5 || q.top < o.top - 0.5 || q.bottom > o.bottom + 0.5) {
          r.clipped.push('text “' + n.textContent.trim() + '” runs out of its box: ' + round([q.left, q.top, q.right, q.bottom]) + ' beyond ' + round([o.left, o.top, o.right, o.bottom]));
          break;
        }
      }
    }
  }
  return r;
})()`

func (b *browser) clipped(t testing.TB) clipReport {
	t.Helper()
	var r clipReport
	if err := b.eval(clipCheck, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// checkClipped requires some chart text to have been measured, and none of it
// cut off.
func checkClipped(t testing.TB, r clipReport) {
	t.Helper()
	if r.Checked == 0 {
		t.Errorf("no chart text found: selectors svg[viewBox] text and %s match nothing", chartBoxes)
	}
	for _, c := range r.Clipped {
		t.Errorf("clipped: %s", c)
	}
}

// media emulates a media type: "print", or "" for the screen.
func (b *browser) media(t testing.TB, media string) {
	t.Helper()
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
		t.Fatal(err)
	}
}

// checkLinks loads every link of the site that the page holds (a, link: the
// stylesheet, the icon, canonical, hreflang, the feed) and requires it to answer
// 200, and a fragment to name an element of the target.
func checkLinks(t *testing.T, links []string, here, base string, fetch func(string) (string, error)) {
	t.Helper()
	for _, l := range links {
		if strings.HasPrefix(l, here+"#") {
			continue // within the page: measure checked the fragment in the DOM
		}
		if !strings.HasPrefix(l, base) {
			if strings.HasPrefix(l, strings.TrimSuffix(base, "pledges/")) {
				t.Errorf("link %s leaves the site's base path", l)
			}
			continue
		}
		u, err := url.Parse(l)
		if err != nil {
			t.Errorf("link %s: %v", l, err)
			continue
		}
		frag := u.Fragment
		u.Fragment = ""
		body, err := fetch(u.String())
		if err != nil {
			t.Errorf("link %s: %v", l, err)
			continue
		}
		if frag != "" && !strings.Contains(body, `id="`+frag+`"`) {
			t.Errorf("link %s: no element with id %q", l, frag)
		}
	}
}

func checkSwitch(t *testing.T, b *browser, r pageReport, here, base string) {
	t.Helper()
	if r.Switch == nil {
		t.Error("no language switch")
		return
	}
	lang := strings.SplitN(strings.TrimPrefix(here, base), "/", 2)[0]
	other := map[string]string{"zh": "en", "en": "zh"}[lang]
	want := strings.Replace(here, base+lang+"/", base+other+"/", 1)
	if r.Switch.Href != want || r.Switch.Hreflang != langAttr[other] || r.Switch.Lang != langAttr[other] {
		t.Errorf("language switch %+v, want %s in %s marked with lang and hreflang", *r.Switch, want, langAttr[other])
		return
	}
	c, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(c, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS("nav.langs a[hreflang]")))); err != nil {
		t.Fatalf("tapping the language switch: %v", err)
	}
	loc, err := chromedp.Run(c, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	got := b.measure(t)
	if loc != want || got.Lang != langAttr[other] {
		t.Errorf("tapping the language switch led to %s (lang %q), want %s", loc, got.Lang, want)
	}
	if got.Switch == nil || got.Switch.Href != here {
		t.Errorf("the switch on %s does not lead back to %s: %+v", want, here, got.Switch)
	}
}

// Every Markdown construct, raw HTML included, works under the strict policy:
// no violation, no console error, no sideways scrolling on a phone, nothing
// axe-core objects to, and a table's alignment reaches the reader through the
// stylesheet's classes.
func TestBrowserMarkdownConstructs(t *testing.T) {
	chrome := findChromium(t)
	axeSrc, err := os.ReadFile(toolFile(t, "LEITAI_AXE", "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := constructsSite(t)
	_, root := serveAt(t, func(root string) http.Handler {
		return siteHandler(buildSite(t, cfg), "/", nil)
	})
	b := newBrowser(t, chrome)
	b.emulate(t, viewports[0])
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			b.console.setPage(lang)
			if err := b.run(30*time.Second, chromedp.Navigate(root+"/"+lang+"/articles/constructs/")); err != nil {
				t.Fatal(err)
			}
			checkPage(t, b.measure(t), viewports[0])
			for _, v := range b.axe(t, axeSrc) {
				t.Errorf("axe: %s", v)
			}
			var align [][2]string // class, computed text-align, of every aligned cell
			if err := b.eval(`[...document.querySelectorAll('.prose th[class], .prose td[class]')].map(c => [c.className, getComputedStyle(c).textAlign])`, &align); err != nil {
				t.Fatal(err)
			}
			if len(align) != 9 {
				t.Errorf("%d aligned cells, want 9 (three columns of three rows)", len(align))
			}
			for _, c := range align {
				if want := strings.TrimPrefix(c[0], "align-"); c[1] != want {
					t.Errorf("a cell of class %s is aligned %s", c[0], c[1])
				}
			}
			// The fenced code block is wider than the phone: it scrolls inside
			// itself, so axe's scrollable-region-focusable above met a
			// scrolling block. Code, inline or in a block, is set in a
			// monospace stack, and the face the browser picks from it draws
			// "i" and "M" the same width.
			var blocks []bool // whether each code block scrolls sideways
			if err := b.eval(`[...document.querySelectorAll('.prose pre')].map(p => p.scrollWidth > p.clientWidth)`, &blocks); err != nil {
				t.Fatal(err)
			}
			if len(blocks) != 2 || !blocks[0] {
				t.Errorf("code blocks scrolling sideways: %v, want two, the first wider than the phone", blocks)
			}
			var code []struct {
				Family string
				I, M   float64 // the width of ten of each
			}
			if err := b.eval(`[...document.querySelectorAll('.prose code')].map(c => {
				const ctx = document.createElement('canvas').getContext('2d');
				ctx.font = getComputedStyle(c).font;
				return {Family: getComputedStyle(c).fontFamily, I: ctx.measureText('iiiiiiiiii').width, M: ctx.measureText('MMMMMMMMMM').width};
			})`, &code); err != nil {
				t.Fatal(err)
			}
			if len(code) < 3 {
				t.Errorf("%d code elements, want inline code and two blocks", len(code))
			}
			for i, c := range code {
				if !strings.HasSuffix(c.Family, "monospace") || c.I == 0 || math.Abs(c.I-c.M) > 0.5 {
					t.Errorf("code element %d is not monospace: font-family %s; ten i %.1f px, ten M %.1f px", i, c.Family, c.I, c.M)
				}
			}
			var images []bool
			if err := b.eval(`[...document.querySelectorAll('.prose img')].map(i => i.complete && i.naturalWidth > 0)`, &images); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(images, []bool{true}) {
				t.Errorf("the article's image loaded: %v", images)
			}
			if v, err := b.violations(); err != nil || len(v) > 0 {
				t.Errorf("policy violations: %v %v", v, err)
			}
			for _, e := range b.settle(t) {
				t.Errorf("console: %s", e)
			}
		})
	}
}
