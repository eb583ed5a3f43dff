// Package build runs the pipeline once: load the config and content, validate,
// plan the pages, render them on all cores, and write the site atomically. The
// commands (build, check, serve) call it; it prints nothing.
package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/diag"
	"leitai/generator/internal/opendata"
	"leitai/generator/internal/output"
	"leitai/generator/internal/render"
	"leitai/generator/internal/site"
	"leitai/generator/internal/yamldoc"
)

// Options says what to build and whether to write it.
type Options struct {
	Config    string // path to config.yaml
	Overrides config.Overrides
	// DryRun renders every page, so every problem is found, but writes nothing.
	DryRun bool
	// Context, when set, stops the run when it is done (the command's Ctrl-C):
	// pages stop being rendered, the temporary output is removed, and Run
	// returns its error. The output folder is left as it was.
	Context context.Context
}

// Result describes a finished run.
type Result struct {
	Config   *config.Config
	Problems diag.List // sorted; may hold warnings when the build succeeded
	Pages    map[string]int
	Files    int // static and generated files (sitemap, feeds) that are not pages
	Output   string
	Duration time.Duration
}

// ErrProblems is returned when the content has errors; they are in Result.Problems.
var ErrProblems = errors.New("the content has problems")

// Run builds the site. When the content has errors it returns ErrProblems and the
// output folder is untouched.
func Run(o Options) (*Result, error) {
	start := time.Now()
	res := &Result{Pages: map[string]int{}}
	defer func() {
		res.Problems.Sort()
		if res.Config != nil {
			res.Problems.AddSources(sourceLines(res.Config.Root))
		}
		res.Duration = time.Since(start)
	}()

	cfg, problems := config.Load(o.Config, o.Overrides)
	res.Problems = problems
	if cfg == nil {
		return res, ErrProblems
	}
	res.Config, res.Output = cfg, cfg.Output
	if err := output.CheckDest(cfg.Output, cfg.Root); err != nil {
		return res, err
	}

	// The theme needs only the configuration: it is parsed while the content
	// loads. For the ten departments of a city that halves the build.
	var (
		th            *render.Theme
		themeProblems diag.List
		themeLoaded   = make(chan struct{})
	)
	go func() {
		defer close(themeLoaded)
		th, themeProblems = render.LoadTheme(cfg)
	}()
	s, problems := content.Load(cfg.ContentDir(), cfg.Codes())
	res.Problems.Append(problems)
	res.Problems.Append(content.Validate(s, content.ValidateOptions{Langs: cfg.Codes(), PendingTranslations: cfg.PendingTranslations, EventDate: cfg.EventDate}))
	res.Problems.Append(opendata.Check(s))
	<-themeLoaded
	res.Problems.Append(themeProblems)
	plan := site.New(cfg, s)
	r := render.New(th, cfg, s, plan)
	if res.Problems.HasErrors() {
		// Rendering pages from half-loaded content would only add confusing
		// follow-on problems, but Markdown links are checked on their own, so an
		// editor sees a broken link in the same run as a typo elsewhere.
		res.Problems.Append(r.CheckLinks())
		return res, ErrProblems
	}

	ctx := o.Context
	if ctx == nil {
		ctx = context.Background()
	}
	var tx *output.Tx
	if !o.DryRun {
		var err error
		if tx, err = output.Begin(cfg.Output); err != nil {
			return res, err
		}
	}
	var sink Sink = discard{}
	if tx != nil {
		sink = tx
	}
	sink = stoppable{sink, ctx}
	// The extras (feeds, open data) need no rendered page, so they are made
	// beside the pages rather than after them, where they were a tail of work on
	// one core. They count only when every page succeeded; otherwise the output
	// is abandoned with them. Written in a dry run too (to nowhere), so `check`
	// meets the same mistakes.
	var (
		extrasN    int
		extrasErr  error
		extrasDone = make(chan struct{})
	)
	go func() {
		defer close(extrasDone)
		extrasN, extrasErr = writeExtras(r, plan, s, th, sink)
	}()
	perPage, err := renderPages(r, plan.Pages, sink)
	<-extrasDone
	for _, l := range perPage {
		res.Problems.Append(l)
	}
	if err == nil && res.Problems.HasErrors() {
		err = ErrProblems
	}
	if err == nil {
		err = extrasErr
		res.Files += extrasN
	}
	if err == nil {
		// In a dry run too: every static file is read, as a build reads it.
		err = copyAssets(th, sink)
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		if tx != nil {
			tx.Abort()
		}
		return res, err
	}
	for _, pg := range plan.Pages {
		// The count is of pages that carry content; the root redirect, the 404
		// and the search page carry none.
		if pg.Kind != site.Home && pg.Kind != site.NotFound && pg.Kind != site.Search {
			res.Pages[pg.Lang.Code]++
		}
	}
	res.Files += len(th.Assets())
	if tx != nil {
		if err := tx.Commit(); err != nil {
			return res, err
		}
	}
	return res, nil
}

// sourceLines reads a problem's file (relative to the site's folder) for the line
// shown under its message, when the stage that found it did not keep the line.
func sourceLines(root string) func(file string) []string {
	cache := map[string][]string{}
	return func(file string) []string {
		if lines, ok := cache[file]; ok {
			return lines
		}
		p := file
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, filepath.FromSlash(file))
		}
		var lines []string
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Size() <= yamldoc.MaxFileSize {
			if data, err := os.ReadFile(p); err == nil {
				data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
				lines = strings.Split(strings.ToValidUTF8(string(data), "\uFFFD"), "\n")
			}
		}
		cache[file] = lines
		return lines
	}
}

// Sink receives the output files of a build: an output.Tx writes them to disk,
// a Memory keeps them for the preview server. Like os.WriteFile, WriteFile
// does not keep data: the caller may reuse it.
type Sink interface {
	WriteFile(rel string, data []byte) error
	// Stream writes a file too large to hold whole, as write produces it.
	Stream(rel string, write func(io.Writer) error) error
}

// stoppable is a sink that refuses more files once ctx is done, so the
// workers and the extras stop at their next file.
type stoppable struct {
	Sink
	ctx context.Context
}

func (s stoppable) WriteFile(rel string, data []byte) error {
	if err := s.ctx.Err(); err != nil {
		return err
	}
	return s.Sink.WriteFile(rel, data)
}

func (s stoppable) Stream(rel string, write func(io.Writer) error) error {
	if err := s.ctx.Err(); err != nil {
		return err
	}
	return s.Sink.Stream(rel, write)
}

// discard is the sink of a dry run.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

func (discard) Stream(_ string, write func(io.Writer) error) error { return write(io.Discard) }

func copyAssets(th *render.Theme, sink Sink) error {
	for _, a := range th.Assets() {
		data := a.Data
		if data == nil {
			var err error
			if data, err = os.ReadFile(a.Src); err != nil {
				return err
			}
		}
		if err := sink.WriteFile(a.Path, data); err != nil {
			return err
		}
	}
	return nil
}

// renderPages renders pages on all cores and hands each to sink as soon as it is
// done, so the site is never held in memory whole. Problems come back in page
// order, one list per page.
func renderPages(r *render.Renderer, pages []*site.Page, sink Sink) ([]diag.List, error) {
	perPage := make([]diag.List, len(pages))
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		next     int
		firstErr error
	)
	order := byKey(pages)
	worker := func() {
		defer wg.Done()
		// The sink does not keep what it is given, so one buffer serves every
		// page this worker renders.
		buf := bytes.NewBuffer(make([]byte, 0, 64<<10))
		for {
			mu.Lock()
			k := next
			next++
			stop := firstErr != nil
			mu.Unlock()
			if k >= len(order) || stop {
				return
			}
			i := order[k]
			buf.Reset()
			problems, err := r.PageTo(buf, pages[i])
			perPage[i] = problems
			if err == nil {
				err = sink.WriteFile(pages[i].Path, buf.Bytes())
			}
			if err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}
	}
	n := min(runtime.GOMAXPROCS(0), len(pages))
	wg.Add(n)
	for w := 0; w < n; w++ {
		go worker()
	}
	wg.Wait()
	return perPage, firstErr
}

// byKey orders pages so that a page's translations follow it: the plan lists
// one language's pages, then the next's, and a department's page in the second
// language would otherwise be rendered after thousands of others had pushed
// its content out of the processor's caches. A department's page across
// editions follows its page in its newest edition, whose body it shares
// (render.Renderer holds a shared body only until both have it).
func byKey(pages []*site.Page) []int {
	at := make(map[string][]int, len(pages))
	edition := map[*content.Department]string{} // a department → its edition's page
	for i, pg := range pages {
		at[pg.Key] = append(at[pg.Key], i)
		if pg.Kind == site.Appearance {
			edition[pg.Department] = pg.Key
		}
	}
	var keys []string
	after := map[string][]string{} // an edition's page of a department → its page across editions
	seen := make(map[string]bool, len(at))
	for _, pg := range pages {
		if seen[pg.Key] {
			continue
		}
		seen[pg.Key] = true
		if k, ok := edition[pg.Department]; ok && pg.Kind == site.Department {
			after[k] = append(after[k], pg.Key)
			continue
		}
		keys = append(keys, pg.Key)
	}
	order := make([]int, 0, len(pages))
	for _, k := range keys {
		order = append(order, at[k]...)
		for _, c := range after[k] {
			order = append(order, at[c]...)
		}
	}
	return order
}

// CheckSummary is the one line `check` prints when the content is fine.
func (r *Result) CheckSummary(langs []string) string {
	total := 0
	for _, l := range langs {
		total += r.Pages[l]
	}
	s := fmt.Sprintf("content is fine: %d pages (%s) checked, nothing written", total, r.pagesPerLang(langs))
	if n := len(r.Problems) - r.Problems.Errors(); n > 0 {
		unit := "warnings"
		if n == 1 {
			unit = "warning"
		}
		s += fmt.Sprintf("; %d %s above", n, unit)
	}
	return s
}

func (r *Result) pagesPerLang(langs []string) string {
	parts := make([]string, len(langs))
	for i, l := range langs {
		parts[i] = fmt.Sprintf("%s %d", l, r.Pages[l])
	}
	return strings.Join(parts, ", ")
}

// Summary is the one line a build prints: pages per language and time taken.
func (r *Result) Summary(langs []string) string {
	total := 0
	for _, l := range langs {
		total += r.Pages[l]
	}
	return fmt.Sprintf("built %d pages (%s) and %d other files into %s in %s", total, r.pagesPerLang(langs), r.Files, r.Output, r.Duration.Round(100*time.Microsecond))
}
