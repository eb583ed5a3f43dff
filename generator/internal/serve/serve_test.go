package serve

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"leitai/generator/internal/build"
	"leitai/generator/internal/config"
	"leitai/generator/internal/testsite"
)

func start(t testing.TB, dir string, poll time.Duration) *Server {
	t.Helper()
	s, err := Start(Options{Build: build.Options{Config: filepath.Join(dir, "config.yaml")}, Port: 0, Poll: poll})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := s.Close(ctx); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}

// sse is a client of the reload channel, as the page's script is.
type sse struct {
	events chan [2]string
	cancel context.CancelFunc
}

func connect(t testing.TB, s *Server) *sse {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, "GET", s.URL()+"__leitai/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events content type %q", ct)
	}
	c := &sse{events: make(chan [2]string, 16), cancel: cancel}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				c.events <- [2]string{name, strings.TrimPrefix(line, "data: ")}
			}
		}
		close(c.events)
	}()
	t.Cleanup(cancel)
	return c
}

// next waits for an event named name, skipping others. The deadline only guards
// against a hang; it is not a speed requirement.
func (c *sse) next(t testing.TB, name string) string {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case ev, ok := <-c.events:
			if !ok {
				t.Fatalf("event stream closed waiting for %q", name)
			}
			if ev[0] == name {
				return ev[1]
			}
		case <-deadline:
			t.Fatalf("no %q event", name)
		}
	}
}

// must fails the test on an error the test cannot go on without.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	return string(b)
}

func get(t testing.TB, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header
}

// watchModes are the two ways serve learns of edits: the system's file
// events, and polling where they do not arrive.
var watchModes = []struct {
	name string
	poll time.Duration
}{{"events", 0}, {"poll", 50 * time.Millisecond}}

// preview starts serve on a copy of the real site, connects to its reload
// channel and waits for the first build; it returns the copy's folder, the
// server, the channel and the first build's version.
func preview(t *testing.T, poll time.Duration) (string, *Server, *sse, string) {
	t.Helper()
	dir := testsite.Copy(t)
	s := start(t, dir, poll)
	c := connect(t, s)
	return dir, s, c, c.next(t, "reload")
}

func TestEditReloadFetch(t *testing.T) {
	for _, mode := range watchModes {
		t.Run(mode.name, func(t *testing.T) {
			dir, s, c, first := preview(t, mode.poll)

			code, page, _ := get(t, s.URL()+"zh/departments/finance/")
			if code != 200 || !strings.Contains(page, `src="/__leitai/reload.js" data-version="`+first+`"`) {
				t.Fatalf("page %d lacks the reload script:\n%s", code, page)
			}
			testsite.Edit(t, filepath.Join(dir, "content", "departments", "finance.yaml"), "确保新发行的40亿元债券年底前用完", "确保新发行债券年底前全部用完")
			if v := c.next(t, "reload"); v == first {
				t.Fatalf("reload event kept version %s", v)
			}
			_, page, _ = get(t, s.URL()+"zh/departments/finance/")
			if !strings.Contains(page, "确保新发行债券年底前全部用完") {
				t.Error("the reloaded page does not show the edit")
			}
			_, summary, _ := get(t, s.URL()+"zh/")
			if !strings.Contains(summary, "确保新发行债券年底前全部用完") {
				t.Error("the summary does not show the edit")
			}
		})
	}
}

func TestBrokenFileOverlayThenFix(t *testing.T) {
	dir := testsite.Copy(t)
	s := start(t, dir, 0)
	c := connect(t, s)
	c.next(t, "reload")
	file := filepath.Join(dir, "content", "departments", "finance.yaml")
	testsite.Edit(t, file, "pledges:", "pledgs:")

	data := c.next(t, "problems")
	if !strings.Contains(data, `"file":"content/departments/finance.yaml"`) || !strings.Contains(data, `unknown key \"pledgs\"`) {
		t.Errorf("problems event = %s", data)
	}
	code, page, _ := get(t, s.URL()+"en/departments/education/")
	if code != 200 {
		t.Fatalf("status %d while content is broken; the last good site should be served", code)
	}
	if !strings.Contains(page, `id="leitai-overlay"`) || !strings.Contains(page, "content/departments/finance.yaml:") || !strings.Contains(page, "did you mean &#34;pledges&#34;") {
		t.Errorf("page has no overlay naming the file and the fix:\n%s", page[strings.Index(page, "<main"):])
	}
	if !strings.Contains(page, "Qingdao Municipal Bureau of Education") {
		t.Error("the last good page is not served under the overlay")
	}

	testsite.Edit(t, file, "pledgs:", "pledges:")
	c.next(t, "reload")
	_, page, _ = get(t, s.URL()+"en/departments/education/")
	if strings.Contains(page, `<div id="leitai-overlay"`) {
		t.Error("overlay still shown after the fix")
	}
}

func TestEditorSaveStyles(t *testing.T) {
	dir := testsite.Copy(t)
	s := start(t, dir, 0)
	c := connect(t, s)
	c.next(t, "reload")
	depts := filepath.Join(dir, "content", "departments")
	file := filepath.Join(depts, "health.yaml")
	orig := readFile(t, file)

	// vim: probe file, move the original to a backup, write a new file, drop the backup.
	must(t, os.WriteFile(filepath.Join(depts, "4913"), nil, 0o644))
	must(t, os.Remove(filepath.Join(depts, "4913")))
	must(t, os.Rename(file, file+"~"))
	must(t, os.WriteFile(file, []byte(strings.Replace(orig, "市卫生健康委", "市卫健委", 1)), 0o644))
	must(t, os.Remove(file+"~"))
	c.next(t, "reload")
	if _, page, _ := get(t, s.URL()+"zh/departments/health/"); !strings.Contains(page, "市卫健委") {
		t.Error("vim-style save not picked up")
	}

	// JetBrains / VS Code: write a temporary file and rename it over the original.
	tmp := filepath.Join(depts, "health.yaml___jb_tmp___")
	must(t, os.WriteFile(tmp, []byte(strings.Replace(orig, "市卫生健康委", "市卫健委员会", 1)), 0o644))
	must(t, os.Rename(tmp, file))
	c.next(t, "reload")
	if _, page, _ := get(t, s.URL()+"zh/departments/health/"); !strings.Contains(page, "市卫健委员会") {
		t.Error("rename-over save not picked up")
	}

	// A folder created later is watched: a department in a new articles file is
	// reported (an unexpected folder is a problem, so the event must arrive).
	sub := filepath.Join(dir, "content", "departments", "drafts")
	must(t, os.Mkdir(sub, 0o755))
	data := c.next(t, "problems")
	if !strings.Contains(data, "drafts") {
		t.Errorf("new folder not noticed: %s", data)
	}
	must(t, os.Remove(sub))
	c.next(t, "reload")
}

func TestServerHygiene(t *testing.T) {
	dir := testsite.Copy(t)
	s := start(t, dir, 0)
	cases := []struct {
		path   string
		status int
		ctype  string
	}{
		{"", 200, "text/html; charset=utf-8"},
		{"zh/", 200, "text/html; charset=utf-8"},
		{"favicon.svg", 200, "image/svg+xml"},
		{"no/such/page/", 404, "text/html; charset=utf-8"},
		{"../../../../etc/passwd", 404, "text/html; charset=utf-8"},
		{"%2e%2e/%2e%2e/%2e%2e/etc/passwd", 404, "text/html; charset=utf-8"},
		{"..%2f..%2f..%2fetc%2fpasswd", 404, "text/html; charset=utf-8"},
		{"zh/..%5c..%5cconfig.yaml", 404, "text/html; charset=utf-8"},
	}
	host := strings.TrimSuffix(strings.TrimPrefix(s.URL(), "http://"), "/")
	for _, c := range cases {
		status, ctype, body := rawGet(t, host, "/"+c.path)
		if status/100 == 3 {
			// The router may first redirect to the cleaned path; it must stay in the site.
			if !strings.HasPrefix(body, "/") || strings.Contains(body, "..") {
				t.Errorf("/%s redirects to %q", c.path, body)
			}
			status, ctype, body = rawGet(t, host, body)
		}
		if status != c.status || ctype != c.ctype {
			t.Errorf("/%s: %d %q, want %d %q", c.path, status, ctype, c.status, c.ctype)
		}
		if strings.Contains(body, "root:") || strings.Contains(body, "baseURL") {
			t.Errorf("/%s leaked a file from outside the site", c.path)
		}
		if c.status == 404 && !strings.Contains(body, "找不到这个页面") {
			t.Errorf("/%s: not the site's 404 page", c.path)
		}
	}
	code, _, h := get(t, s.URL()+"zh")
	if code != 200 || h.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("/zh without slash: %d", code)
	}
	_, body, _ := get(t, s.URL())
	css := strings.SplitN(strings.SplitN(body, `rel="stylesheet" href="/`, 2)[1], `"`, 2)[0]
	if _, _, h := get(t, s.URL()+css); h.Get("Content-Type") != "text/css; charset=utf-8" {
		t.Errorf("%s: content type %q", css, h.Get("Content-Type"))
	}
}

// rawGet sends path as written, since an HTTP client would clean it first. For a
// redirect it returns the Location as the body.
func rawGet(t *testing.T, host, path string) (int, string, string) {
	t.Helper()
	conn, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET "+path+" HTTP/1.0\r\nHost: "+host+"\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 == 3 {
		return resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Location")
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
}

func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	_, err = Start(Options{Build: build.Options{Config: filepath.Join(testsite.Copy(t), "config.yaml")}, Port: port})
	if !errors.Is(err, ErrPortInUse) || !strings.Contains(err.Error(), "try --port ") || !strings.Contains(err.Error(), strconv.Itoa(port)) {
		t.Fatalf("err = %v", err)
	}
}

// TestNoLeaksOverManyRebuilds edits a file hundreds of times with a page connected
// and checks that goroutines and open files do not grow.
func TestNoLeaksOverManyRebuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := testsite.Copy(t)
	s := start(t, dir, 0)
	c := connect(t, s)
	c.next(t, "reload")
	file := filepath.Join(dir, "content", "departments", "finance.yaml")
	orig := readFile(t, file)
	round := func(i int) {
		must(t, os.WriteFile(file, []byte(strings.Replace(orig, "市财政局", "市财政局"+strconv.Itoa(i), 1)), 0o644))
		c.next(t, "reload")
		get(t, s.URL()+"zh/departments/finance/")
	}
	for i := 0; i < 20; i++ {
		round(i)
	}
	g0, f0 := runtime.NumGoroutine(), openFiles(t)
	for i := 20; i < 320; i++ {
		round(i)
	}
	time.Sleep(50 * time.Millisecond) // let finished requests' goroutines exit
	g1, f1 := runtime.NumGoroutine(), openFiles(t)
	if g1 > g0+5 {
		t.Errorf("goroutines grew from %d to %d over 300 rebuilds", g0, g1)
	}
	if f1 > f0+5 {
		t.Errorf("open files grew from %d to %d over 300 rebuilds", f0, f1)
	}
}

func openFiles(t *testing.T) int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd here")
	}
	return len(entries)
}

// overlaid reports whether a served page shows the problems overlay. (Before
// the first good build there is no page: the not-found page shows it.)
func overlaid(t testing.TB, s *Server, path string) bool {
	t.Helper()
	_, page, _ := get(t, s.URL()+path)
	return strings.Contains(page, `<div id="leitai-overlay"`)
}

// Started while a department file is broken, the preview serves what it can,
// and restoring the file clears the overlay: it used to panic (issue 15, 1).
func TestStartBrokenThenFix(t *testing.T) {
	dir := testsite.Copy(t)
	file := filepath.Join(dir, "content", "departments", "health.yaml")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("order: [bad\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := start(t, dir, 0)
	c := connect(t, s)
	if data := c.next(t, "problems"); !strings.Contains(data, "content/departments/health.yaml") {
		t.Errorf("problems event = %s", data)
	}
	if !overlaid(t, s, "zh/") {
		t.Error("no overlay while the file is broken")
	}
	if err := os.WriteFile(file, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	c.next(t, "reload")
	if overlaid(t, s, "zh/") || overlaid(t, s, "en/departments/health/") {
		t.Error("overlay still shown after the fix")
	}
	if code, page, _ := get(t, s.URL()+"zh/departments/health/"); code != 200 || !strings.Contains(page, "市卫生健康委") {
		t.Errorf("the fixed department's page: %d", code)
	}
}

// A broken link, and a department removed and put back, clear their overlay
// when fixed, as check says the content is fine again (issue 15, 2).
func TestBrokenLinkOverlayClears(t *testing.T) {
	article := filepath.Join("content", "articles", "department-arena-2022.en.md")
	finance := filepath.Join("content", "departments", "finance.yaml")
	cases := []struct {
		name        string
		atStart     bool // break before the server starts
		break_, fix func(t *testing.T, dir string)
	}{
		{"a link broken and put back", false,
			func(t *testing.T, dir string) {
				testsite.Edit(t, filepath.Join(dir, article), "(/departments/finance/), said", "(/departments/financ/), said")
			},
			func(t *testing.T, dir string) {
				testsite.Edit(t, filepath.Join(dir, article), "(/departments/financ/), said", "(/departments/finance/), said")
			}},
		{"a link broken at the start", true,
			func(t *testing.T, dir string) {
				testsite.Edit(t, filepath.Join(dir, article), "(/departments/finance/), said", "(/departments/financ/), said")
			},
			func(t *testing.T, dir string) {
				testsite.Edit(t, filepath.Join(dir, article), "(/departments/financ/), said", "(/departments/finance/), said")
			}},
		{"a department removed and put back", false,
			func(t *testing.T, dir string) {
				if err := os.Rename(filepath.Join(dir, finance), filepath.Join(t.TempDir(), "finance.yaml")); err != nil {
					t.Fatal(err)
				}
			},
			func(t *testing.T, dir string) {
				b, err := os.ReadFile(filepath.Join(testsite.Root(), finance))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, finance), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := testsite.Copy(t)
			if c.atStart {
				c.break_(t, dir)
			}
			s := start(t, dir, 0)
			ev := connect(t, s)
			if !c.atStart {
				ev.next(t, "reload")
				c.break_(t, dir)
			}
			ev.next(t, "problems")
			if !overlaid(t, s, "en/") {
				t.Error("no overlay while the content is broken")
			}
			c.fix(t, dir)
			ev.next(t, "reload")
			if overlaid(t, s, "en/") {
				t.Errorf("overlay still shown after the fix: %v", s.Problems())
			}
			testsite.Edit(t, filepath.Join(dir, "content", "departments", "health.yaml"), "市卫生健康委", "市卫健委")
			ev.next(t, "reload")
			if _, page, _ := get(t, s.URL()+"zh/departments/health/"); !strings.Contains(page, "市卫健委") {
				t.Error("pages are not rendered again after the fix")
			}
		})
	}
}

// serve watches what a build reads besides content/: config.yaml, the theme,
// the site's layouts/ and static/ (which need not exist when it starts). Each
// edit, in turn, reaches the page that shows it, and undoing one undoes it.
func TestWatchesConfigThemeLayoutsAndStatic(t *testing.T) {
	for _, mode := range watchModes {
		t.Run(mode.name, func(t *testing.T) {
			dir, s, c, _ := preview(t, mode.poll)
			page := func(path string) string {
				t.Helper()
				code, body, _ := get(t, s.URL()+path)
				if code != 200 {
					t.Fatalf("%s: status %d", path, code)
				}
				return body
			}
			write := func(rel, data string) {
				t.Helper()
				p := filepath.Join(dir, filepath.FromSlash(rel))
				must(t, os.MkdirAll(filepath.Dir(p), 0o755))
				must(t, os.WriteFile(p, []byte(data), 0o644))
			}

			testsite.Edit(t, filepath.Join(dir, "config.yaml"), "zh: 部门擂台 · 军令状", "zh: 部门擂台 · 年终承诺")
			c.until(t, "config.yaml: the new title on the summary", func() bool {
				return strings.Contains(page("zh/"), "<h1>部门擂台 · 年终承诺</h1>")
			})

			testsite.Edit(t, filepath.Join(dir, "themes", "default", "layouts", "summary.html"), `<p class="intro">`, `<p class="theme-edit">主题已改</p><p class="intro">`)
			c.until(t, "themes/: the edited template in use", func() bool {
				return strings.Contains(page("zh/"), `<p class="theme-edit">主题已改</p>`)
			})

			write("layouts/partials/footer.html", `<footer class="site"><p>本站页脚</p></footer>`)
			c.until(t, "layouts/: the site's footer in place of the theme's", func() bool {
				return strings.Contains(page("zh/departments/finance/"), "<p>本站页脚</p>")
			})
			must(t, os.RemoveAll(filepath.Join(dir, "layouts")))
			c.until(t, "layouts/ removed: the theme's footer again", func() bool {
				return !strings.Contains(page("zh/departments/finance/"), "本站页脚")
			})

			const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`
			write("static/favicon.svg", icon)
			c.until(t, "static/: the site's favicon.svg", func() bool { return page("favicon.svg") == icon })

			css := stylesheetPath(t, page("zh/"))
			testsite.Edit(t, filepath.Join(dir, "themes", "default", "static", "style.css"), ".skip:focus { top: 0.5rem; }", ".skip:focus { top: 0.75rem; }")
			c.until(t, "the theme's static/: the edited stylesheet, under a new name", func() bool {
				now := stylesheetPath(t, page("zh/"))
				return now != css && strings.Contains(page(now), ".skip:focus{top:0.75rem}")
			})
		})
	}
}

// until waits for reload events until done says the edit shows. The deadline
// only guards against a hang; it is not a speed requirement.
func (c *sse) until(t testing.TB, what string, done func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for !done() {
		select {
		case ev, ok := <-c.events:
			if !ok {
				t.Fatalf("%s: the event stream closed", what)
			}
			if ev[0] == "problems" {
				t.Fatalf("%s: the edit was reported as a problem: %s", what, ev[1])
			}
		case <-deadline:
			t.Fatalf("%s: not seen", what)
		}
	}
}

func stylesheetPath(t *testing.T, page string) string {
	t.Helper()
	_, rest, ok := strings.Cut(page, `rel="stylesheet" href="/`)
	path, _, ok2 := strings.Cut(rest, `"`)
	if !ok || !ok2 {
		t.Fatal("the page links no stylesheet")
	}
	return path
}

// injected matches what the preview adds to a page: the overlay's style and
// the reload script, just before </body>.
var injected = regexp.MustCompile(`<style>#leitai-overlay[^<]*</style><script src="/__leitai/reload\.js" data-version="\d+"></script>`)

// TestEditionsPreviewServesAFullBuild edits the publication of three
// editions through the preview as an editor would, an edition at a time and
// the links between them, breaking and fixing: after each reload, every page
// the server serves is the page a full build writes, less the reload script.
func TestEditionsPreviewServesAFullBuild(t *testing.T) {
	dir := testsite.CopyFrom(t, testsite.Editions())
	s := start(t, dir, 0)
	c := connect(t, s)
	c.next(t, "reload")
	ed := func(id, rest string) string {
		return filepath.Join(dir, "content", "editions", id, filepath.FromSlash(rest))
	}
	steps := []struct {
		name string
		edit func()
		// broken: the content then has errors, and the last good site stays.
		broken bool
	}{
		{"edition 2: a pledge's status changes; edition 4's renewal of it shows it", func() {
			p := ed("2", "departments/alpha.yaml")
			testsite.Edit(t, p, "        status: achieved\n  - {zh", "        status: partly-achieved\n  - {zh")
			testsite.Edit(t, p, "    status: achieved\n", "    status: partly-achieved\n")
		}, false},
		{"edition 3: a follow-up now follows another pledge", func() {
			testsite.Edit(t, ed("4", "departments/alpha.yaml"), "department: gamma, pledge: 1}", "department: gamma, pledge: 2}")
		}, false},
		{"edition 4: a link to nothing", func() {
			testsite.Edit(t, ed("4", "departments/alpha.yaml"), "pledge: loans}", "pledge: bonds}")
		}, true},
		{"fixed, in other words", func() {
			testsite.Edit(t, ed("4", "departments/alpha.yaml"), "pledge: bonds}", "pledge: 1}")
		}, false},
		{"edition 3's title", func() {
			testsite.Edit(t, ed("3", "edition.yaml"), "zh: 攻坚克难", "zh: 攻坚克难、久久为功")
		}, false},
		{"a new edition's folder, with a department that renews a pledge of edition 4", func() {
			src := readFile(t, ed("4", "departments/delta.yaml"))
			src = strings.Replace(src, "  - {zh: 新增学位8000个, en: Add 8000 school places}",
				"  - zh: 新增学位8000个\n    en: Add 8000 school places\n    again: {edition: 4, pledge: 1}", 1)
			must(t, os.MkdirAll(ed("5", "departments"), 0o755))
			must(t, os.WriteFile(ed("5", "departments/delta.yaml"), []byte(src), 0o644))
			must(t, os.WriteFile(ed("5", "edition.yaml"), []byte("number: 5\ndate: 2023-06-01\ntitle: {zh: 新的一期, en: A new session}\nseries: {zh: 测试年“部门擂台”, en: The test year’s “Department Arena”}\n"), 0o644))
		}, false},
	}
	for _, step := range steps {
		step.edit()
		if step.broken {
			c.next(t, "problems")
			continue
		}
		c.next(t, "reload")
		out := filepath.Join(t.TempDir(), "public")
		// The full build is made for the preview's address, as the preview is.
		if _, err := build.Run(build.Options{Config: filepath.Join(dir, "config.yaml"), Overrides: config.Overrides{Destination: out, BaseURL: s.URL()}}); err != nil {
			t.Fatalf("%s: full build: %v", step.name, err)
		}
		pages := 0
		for name, want := range testsite.Files(t, out) {
			if !strings.HasSuffix(name, ".html") || name == "404.html" {
				continue
			}
			path := strings.TrimSuffix(name, "index.html")
			code, got, _ := get(t, s.URL()+path)
			if code != 200 {
				t.Errorf("%s: %s answers %d", step.name, path, code)
				continue
			}
			if got = injected.ReplaceAllString(got, ""); got != string(want) {
				i := 0
				for i < min(len(got), len(want)) && got[i] == want[i] {
					i++
				}
				t.Errorf("%s: %s differs from a full build at byte %d: %q, want %q", step.name, path, i, got[i:min(i+80, len(got))], want[i:min(i+80, len(want))])
			}
			pages++
		}
		if pages < 36 {
			t.Errorf("%s: compared %d pages", step.name, pages)
		}
	}
}
