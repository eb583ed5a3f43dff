// Package build runs the pipeline once: load the config and content, validate,
// plan the pages, render them on all cores, and write the site atomically. The
// commands (build, check, serve) call it; it prints nothing.
package build

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/diag"
	"leitai/generator/internal/output"
	"leitai/generator/internal/render"
	"leitai/generator/internal/site"
)

// Options says what to build and whether to write it.
type Options struct {
	Config    string // path to config.yaml
	Overrides config.Overrides
	// DryRun renders every page, so every problem is found, but writes nothing.
	DryRun bool
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
	defer func() { res.Problems.Sort(); res.Duration = time.Since(start) }()

	cfg, problems := config.Load(o.Config, o.Overrides)
	res.Problems = problems
	if cfg == nil {
		return res, ErrProblems
	}
	res.Config, res.Output = cfg, cfg.Output
	if err := output.CheckDest(cfg.Output, cfg.Root); err != nil {
		return res, err
	}

	s, problems := content.Load(cfg.ContentDir(), cfg.Codes())
	res.Problems.Append(problems)
	res.Problems.Append(content.Validate(s, content.ValidateOptions{Langs: cfg.Codes(), PendingTranslations: cfg.PendingTranslations}))
	if res.Problems.HasErrors() {
		// Rendering half-loaded content would only add confusing follow-on problems.
		return res, ErrProblems
	}

	plan := site.New(cfg, s)
	r, problems := render.New(cfg, s, plan)
	res.Problems.Append(problems)
	if res.Problems.HasErrors() {
		return res, ErrProblems
	}

	var tx *output.Tx
	if !o.DryRun {
		var err error
		if tx, err = output.Begin(cfg.Output); err != nil {
			return res, err
		}
	}
	problems, err := renderAll(r, plan, tx)
	res.Problems.Append(problems)
	if err == nil && res.Problems.HasErrors() {
		err = ErrProblems
	}
	if err == nil && tx != nil {
		for _, a := range r.Assets() {
			if err = tx.CopyFile(a.Path, a.Src); err != nil {
				break
			}
		}
	}
	if err == nil {
		// Rendered in a dry run too, so `check` meets the same mistakes.
		var files []render.File
		files, err = r.Files()
		for _, f := range files {
			if err != nil || tx == nil {
				break
			}
			err = tx.WriteFile(f.Path, f.Data)
		}
		res.Files += len(files)
	}
	if err != nil {
		if tx != nil {
			tx.Abort()
		}
		return res, err
	}
	for _, pg := range plan.Pages {
		if pg.Kind != site.Home && pg.Kind != site.NotFound {
			res.Pages[pg.Lang.Code]++
		}
	}
	res.Files += len(r.Assets())
	if tx != nil {
		if err := tx.Commit(); err != nil {
			return res, err
		}
	}
	return res, nil
}

// renderAll renders every page on all cores and writes each as soon as it is
// done, so the site is never held in memory whole.
func renderAll(r *render.Renderer, plan *site.Plan, tx *output.Tx) (diag.List, error) {
	pages := plan.Pages
	perPage := make([]diag.List, len(pages))
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		next     int
		firstErr error
	)
	worker := func() {
		defer wg.Done()
		for {
			mu.Lock()
			i := next
			next++
			stop := firstErr != nil
			mu.Unlock()
			if i >= len(pages) || stop {
				return
			}
			html, problems, err := r.Page(pages[i])
			perPage[i] = problems
			if err == nil && tx != nil {
				err = tx.WriteFile(pages[i].Path, html)
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
	var all diag.List
	for _, l := range perPage {
		all.Append(l)
	}
	return all, firstErr
}

// Summary is the one line a build prints: pages per language and time taken.
func (r *Result) Summary(langs []string) string {
	s := ""
	total := 0
	for i, l := range langs {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s %d", l, r.Pages[l])
		total += r.Pages[l]
	}
	return fmt.Sprintf("built %d pages (%s) and %d other files into %s in %s", total, s, r.Files, r.Output, r.Duration.Round(100*time.Microsecond))
}
