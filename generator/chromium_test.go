package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The browser tests and the search tests drive the same headless Chromium, the
// same way: found by findChromium, started by startChromium, and watched by a
// browser, which collects the console's errors and the pages' policy
// violations.

func findChromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("LEITAI_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	requireTool(t, "Chromium", "apt-get install chromium, or set LEITAI_CHROMIUM")
	return ""
}

// startChromium starts a headless Chromium with a fresh profile and returns the
// context that drives it; the browser stops when the test ends. The flags are
// chromedp's defaults (headless, no first run, no background networking) and
// those without which Chromium waits on a closed network at start.
func startChromium(t testing.TB, chrome string, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(opts, extra...)...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first action starts the browser; it must not run under a timeout,
	// which would stop the browser with it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// browser is a started Chromium with a record of what went wrong in its pages:
// console errors and uncaught exceptions, as the console shows them, and
// Content-Security-Policy violations, as the page's securitypolicyviolation
// events report them (window.__csp).
type browser struct {
	ctx     context.Context
	console *consoleLog
}

type consoleLog struct {
	mu   sync.Mutex
	page string
	errs []string
}

func (c *consoleLog) setPage(p string) { c.mu.Lock(); c.page = p; c.mu.Unlock() }

// take returns the errors logged since the last take.
func (c *consoleLog) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.errs
	c.errs = nil
	return e
}

// cspRecorder runs before any script of every page. A script added through the
// protocol runs whatever the page's policy says.
const cspRecorder = `window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));`

func newBrowser(t testing.TB, chrome string, extra ...chromedp.ExecAllocatorOption) *browser {
	t.Helper()
	b := &browser{ctx: startChromium(t, chrome, extra...), console: &consoleLog{}}
	messages := chromedp.Console(b.ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.console.mu.Lock()
				b.console.errs = append(b.console.errs, fmt.Sprintf("%s (%s)", m.Text, b.console.page))
				b.console.mu.Unlock()
			}
		}
	}()
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspRecorder}); err != nil {
		t.Fatal(err)
	}
	return b
}

// run performs steps within timeout.
func (b *browser) run(timeout time.Duration, steps ...chromedp.Action[chromedp.Void]) error {
	c, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	return chromedp.Do(c, steps...)
}

// eval evaluates expr in the page and decodes its JSON value into v.
func (b *browser) eval(expr string, v any, opts ...chromedp.EvaluateOption) error {
	c, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	raw, err := chromedp.Run(c, chromedp.Evaluate[[]byte](expr, opts...))
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

// violations returns the policy violations the page has reported so far.
func (b *browser) violations() ([]string, error) {
	var v []string
	err := b.eval(`window.__csp || []`, &v)
	return v, err
}

// settle lets late console events arrive and returns every error logged since
// the last call.
func (b *browser) settle(t testing.TB) []string {
	t.Helper()
	if err := b.run(10*time.Second, chromedp.Evaluate[chromedp.Void](`0`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	return b.console.take()
}
