package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
// look at (testdata-out/browser/, or $LEITAI_ARTIFACTS/browser/).

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

func artifactsDir(t *testing.T) string {
	t.Helper()
	root := os.Getenv("LEITAI_ARTIFACTS")
	if root == "" {
		root = filepath.Join("..", "testdata-out")
	}
	dir := filepath.Join(root, "browser")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// siteHandler serves the built site under prefix the way a static host does: a
// missing page gets 404.html with status 404. Every response carries the CSP.
// /__probe/ serves pages that break the policy on purpose, to prove the test
// would notice.
func siteHandler(dir, prefix string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/search/") || strings.Contains(r.URL.Path, "/pagefind/") {
			w.Header().Set("Content-Security-Policy", headers.CSP)
		} else {
			w.Header().Set("Content-Security-Policy", csp)
		}
		if r.URL.Path == "/__probe/csp.html" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, `<!DOCTYPE html><html lang="en"><title>probe</title><p style="color:red">x</p><script>document.title="ran"</script><img src="data:,">`)
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
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			b, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Write(b)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + rel
		files.ServeHTTP(w, r2)
	})
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

// pageReport is what one evaluation in the page measures.
type pageReport struct {
	Lang      string   `json:"lang"`
	Overflow  float64  `json:"overflow"` // px the document is wider than the viewport
	H1        int      `json:"h1"`
	Links     []string `json:"links"`
	Small     []string `json:"small"` // tap targets under 48×48 px
	Fragments []string `json:"fragments"`
	Switch    *struct {
		Href     string `json:"href"`
		Hreflang string `json:"hreflang"`
		Lang     string `json:"lang"`
	} `json:"switch"`
	CSP  []string `json:"csp"`
	Font string   `json:"font"`
}

// measure runs in the page. Tap targets are the links people aim at with a
// thumb: the header, navigation, department and pledge links, the pager; links
// inside running text are exempt (WCAG 2.5.8's inline exception).
const measure = `(() => {
  const de = document.documentElement;
  const visible = el => el.getClientRects().length > 0;
  const r = {
    lang: de.lang,
    overflow: de.scrollWidth - de.clientWidth,
    h1: document.querySelectorAll('h1').length,
    links: [...document.querySelectorAll('a[href], link[href]')].map(a => a.href),
    small: [], fragments: [], switch: null,
    csp: window.__csp || [],
    font: getComputedStyle(document.body).fontFamily,
  };
  for (const el of document.querySelectorAll('header.site a, nav a, .dept-card h3 a, .lead-story a, .choose a, .back a, footer.site a')) {
    if (!visible(el)) continue;
    const b = el.getBoundingClientRect();
    if (b.width < 48 || b.height < 48) r.small.push(el.textContent.trim() + ' ' + Math.round(b.width) + '×' + Math.round(b.height));
  }
  for (const a of document.querySelectorAll('a[href^="#"]')) {
    if (a.hash && !document.getElementById(decodeURIComponent(a.hash.slice(1)))) r.fragments.push(a.getAttribute('href'));
  }
  const sw = document.querySelector('nav.langs a[hreflang]');
  if (sw) r.switch = {href: sw.href, hreflang: sw.hreflang, lang: sw.lang};
  return r;
})()`

// axeRun asks axe-core for every WCAG 2.0/2.1/2.2 A and AA rule and its best
// practices, and returns one line per violation.
const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
  .then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))`

// focusCheck presses nothing itself: after one Tab, the skip link must have the
// focus, be on screen and show a visible outline.
const focusCheck = `(() => {
  const a = document.activeElement, s = getComputedStyle(a), b = a.getBoundingClientRect();
  return {skip: a.classList.contains('skip'), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, onScreen: b.top >= 0 && b.bottom <= innerHeight};
})()`

type consoleLog struct {
	mu   sync.Mutex
	page string
	errs []string
}

func (c *consoleLog) setPage(p string) { c.mu.Lock(); c.page = p; c.mu.Unlock() }

func (c *consoleLog) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.errs
	c.errs = nil
	return e
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
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	const prefix = "/pledges/"
	base := "http://" + ln.Addr().String() + prefix
	out := buildReal(t, "--baseURL", base)
	// Search pages load their index as published sites do; without it they would
	// report a missing file.
	indexSite(t, pagefindBin(t), out)
	srv := httptest.NewUnstartedServer(siteHandler(out, prefix))
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	defer srv.Close()

	ctx := startChromium(t, chrome)

	var console consoleLog
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				console.mu.Lock()
				console.errs = append(console.errs, fmt.Sprintf("%s (%s)", m.Text, console.page))
				console.mu.Unlock()
			}
		}
	}()
	// Record CSP violations in the page itself too; a script added through the
	// protocol runs whatever the page's policy says.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));`,
	}); err != nil {
		t.Fatal(err)
	}

	run := func(timeout time.Duration, steps ...chromedp.Action[chromedp.Void]) error {
		c, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		return chromedp.Do(c, steps...)
	}
	eval := func(expr string, v any, opts ...chromedp.EvaluateOption) error {
		c, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		raw, err := chromedp.Run(c, chromedp.Evaluate[[]byte](expr, opts...))
		if err != nil {
			return err
		}
		return json.Unmarshal(raw, v)
	}

	t.Run("csp probe", func(t *testing.T) {
		// The policy really is enforced and its violations are seen, so the
		// silence on the real pages means something.
		console.setPage("probe")
		if err := run(30*time.Second, chromedp.Navigate(srv.URL+"/__probe/csp.html")); err != nil {
			t.Fatal(err)
		}
		var r pageReport
		if err := eval(measure, &r); err != nil {
			t.Fatal(err)
		}
		title, _ := chromedp.Run(ctx, chromedp.Title())
		if title == "ran" || len(r.CSP) < 2 {
			t.Errorf("inline script ran or violations not seen: title %q, violations %v", title, r.CSP)
		}
		// axe-core runs and reports: the probe's image has no alt text.
		var violations []string
		if err := run(30*time.Second, chromedp.Evaluate[chromedp.Void](string(axeSrc))); err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
		if err := eval(axeRun, &violations, chromedp.EvalAwaitPromise); err != nil {
			t.Fatalf("running axe-core: %v", err)
		}
		if !strings.Contains(strings.Join(violations, "\n"), "image-alt") {
			t.Errorf("axe-core did not report the image without alt text: %v", violations)
		}
		if err := run(10*time.Second, chromedp.Evaluate[chromedp.Void](`0`)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond) // let the console events arrive
		if len(console.take()) == 0 {
			t.Error("the console showed no CSP violation for the probe page")
		}
	})

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

	// The root page is a redirect without JavaScript: it must land on the
	// default language's summary.
	t.Run("root redirect", func(t *testing.T) {
		console.setPage("index.html")
		if err := run(30*time.Second, chromedp.Navigate(base)); err != nil {
			t.Fatal(err)
		}
		// The refresh navigates on its own after the load; look until it has.
		var loc string
		for range 50 {
			if loc, _ = chromedp.Run(ctx, chromedp.Location()); loc == base+"zh/" {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if loc != base+"zh/" {
			t.Errorf("the root page did not lead to %szh/: at %s", base, loc)
		}
	})

	var pages []string
	for _, rel := range htmlPages(t, out) {
		switch rel {
		case "index.html":
		case "404.html":
			// Met the way readers meet it: at an address that does not exist.
			pages = append(pages, "no-such-page/")
		default:
			pages = append(pages, strings.TrimSuffix(rel, "index.html"))
		}
	}

	for _, vp := range viewports {
		scheme := "light"
		if vp.dark {
			scheme = "dark"
		}
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		emulate := chromedp.EmulateViewport(vp.width, vp.height)
		if vp.mobile {
			emulate = chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateMobile, chromedp.EmulateTouch)
		}
		if err := run(10*time.Second, emulate); err != nil {
			t.Fatal(err)
		}
		for _, rel := range pages {
			name := vp.name + "/" + rel
			t.Run(name, func(t *testing.T) {
				u := base + rel
				console.setPage(name)
				if err := run(30*time.Second, chromedp.Navigate(u)); err != nil {
					t.Fatal(err)
				}
				var r pageReport
				if err := eval(measure, &r); err != nil {
					t.Fatal(err)
				}
				if r.Overflow > 0 {
					t.Errorf("scrolls sideways by %v px", r.Overflow)
				}
				if r.H1 != 1 {
					t.Errorf("%d h1 elements", r.H1)
				}
				if !strings.Contains(r.Font, "PingFang SC") {
					t.Errorf("the stylesheet did not apply: body font %q", r.Font)
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

				var violations []string
				if err := run(30*time.Second, chromedp.Evaluate[chromedp.Void](string(axeSrc))); err != nil {
					t.Fatalf("injecting axe-core: %v", err)
				}
				if err := eval(axeRun, &violations, chromedp.EvalAwaitPromise); err != nil {
					t.Fatalf("running axe-core: %v", err)
				}
				for _, v := range violations {
					t.Errorf("axe: %s", v)
				}

				shot := chromedp.FullScreenshot(100)
				if vp.dark {
					shot = chromedp.CaptureScreenshot() // the first screen is enough to judge the colours
				}
				png, err := chromedp.Run(ctx, shot)
				if err != nil {
					t.Fatal(err)
				}
				file := strings.ReplaceAll(strings.Trim(rel, "/"), "/", "_") + "." + vp.name + ".png"
				if err := os.WriteFile(filepath.Join(shots, file), png, 0o644); err != nil {
					t.Fatal(err)
				}

				if vp.name == "phone" {
					checkLinks(t, r.Links, u, base, fetch)
					checkFocus(t, run, eval)
				}

				// Last, because it leaves the page: the language switch goes to
				// the same page in the other language.
				if vp.name == "phone" && rel != "no-such-page/" {
					checkSwitch(t, ctx, r, u, base, eval)
				}
				time.Sleep(50 * time.Millisecond) // let late console events arrive
				for _, e := range console.take() {
					if rel == "no-such-page/" && strings.Contains(e, "status of 404") {
						continue // the host's answer for a missing page, as it should be
					}
					t.Errorf("console: %s", e)
				}
			})
		}
	}

	t.Run("print", func(t *testing.T) {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"zh", "en"} {
			rel := lang + "/departments/finance/"
			if err := run(30*time.Second, chromedp.Navigate(base+rel)); err != nil {
				t.Fatal(err)
			}
			var shown []string
			if err := eval(`[...document.querySelectorAll('.skip, nav, footer.site, .back')].filter(e => getComputedStyle(e).display !== 'none').map(e => e.className || e.tagName)`, &shown); err != nil {
				t.Fatal(err)
			}
			if len(shown) > 0 {
				t.Errorf("%s: printed page shows navigation: %v", rel, shown)
			}
			// A4's width at 96 dpi, for people to look at the print layout.
			if err := run(10*time.Second, chromedp.EmulateViewport(794, 1123)); err != nil {
				t.Fatal(err)
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(shots, lang+"_departments_finance.print.png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
			pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(shots, lang+"_departments_finance.print.pdf"), pdf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	})
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

func checkFocus(t *testing.T, run func(time.Duration, ...chromedp.Action[chromedp.Void]) error, eval func(string, any, ...chromedp.EvaluateOption) error) {
	t.Helper()
	if err := run(10*time.Second, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	var f struct{ Skip, Outline, OnScreen bool }
	if err := eval(focusCheck, &f); err != nil {
		t.Fatal(err)
	}
	if !f.Skip || !f.Outline || !f.OnScreen {
		t.Errorf("after one Tab: skip link focused %v, outline visible %v, on screen %v", f.Skip, f.Outline, f.OnScreen)
	}
}

func checkSwitch(t *testing.T, ctx context.Context, r pageReport, here, base string, eval func(string, any, ...chromedp.EvaluateOption) error) {
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
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(c, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS("nav.langs a[hreflang]")))); err != nil {
		t.Fatalf("tapping the language switch: %v", err)
	}
	loc, err := chromedp.Run(c, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	var got pageReport
	if err := eval(measure, &got); err != nil {
		t.Fatal(err)
	}
	if loc != want || got.Lang != langAttr[other] {
		t.Errorf("tapping the language switch led to %s (lang %q), want %s", loc, got.Lang, want)
	}
	if got.Switch == nil || got.Switch.Href != here {
		t.Errorf("the switch on %s does not lead back to %s: %+v", want, here, got.Switch)
	}
}
