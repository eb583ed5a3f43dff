//go:build unix

package build

import (
	"bytes"
	"runtime"
	"syscall"
	"testing"
	"time"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/opendata"
	"leitai/generator/internal/render"
	"leitai/generator/internal/site"
)

// The CPU each phase of a build takes, on one core, for the single edition of
// 2,000 departments and the publication of 40 editions of 50. The collector
// runs after each phase and its time is reported on its own, so a phase that
// leaves more garbage shows it; pages are rendered into memory and the extras
// (open data, feeds) written to nowhere, so the disk is not measured. With two
// cores a build runs the collector beside the pages: this shows what that
// hides.
//
//	go test ./generator/internal/build -run '^$' -bench Phases -benchtime 3x
func BenchmarkPhases(b *testing.B) {
	compareSites(b, theme, func(b *testing.B, cfgPath string) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		spent := map[string]time.Duration{}
		var renderAlloc uint64
		phase := func(name string, f func()) {
			start := cpuTime(b)
			f()
			spent[name] += cpuTime(b) - start
			start = cpuTime(b)
			runtime.GC()
			spent["collector"] += cpuTime(b) - start
		}
		b.ResetTimer()
		for range b.N {
			var (
				cfg  *config.Config
				th   *render.Theme
				s    *content.Site
				plan *site.Plan
				r    *render.Renderer
			)
			phase("load", func() {
				cfg, _ = config.Load(cfgPath, config.Overrides{})
				th, _ = render.LoadTheme(cfg)
				s, _ = content.Load(cfg.ContentDir(), cfg.Codes())
				content.Validate(s, content.ValidateOptions{Langs: cfg.Codes(), PendingTranslations: cfg.PendingTranslations, EventDate: cfg.EventDate})
				opendata.Check(s)
			})
			phase("plan", func() { plan = site.New(cfg, s); r = render.New(th, cfg, s, plan) })
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			phase("pages", func() {
				var buf bytes.Buffer
				for _, i := range byKey(plan.Pages) {
					buf.Reset()
					if _, err := r.PageTo(&buf, plan.Pages[i]); err != nil {
						b.Fatal(err)
					}
				}
			})
			runtime.ReadMemStats(&after)
			renderAlloc += after.TotalAlloc - before.TotalAlloc
			phase("extras", func() {
				if _, err := writeExtras(r, plan, s, th, discard{}); err != nil {
					b.Fatal(err)
				}
			})
		}
		for name, d := range spent {
			b.ReportMetric(float64(d.Milliseconds())/float64(b.N), "cpu-ms/"+name)
		}
		b.ReportMetric(float64(renderAlloc>>20)/float64(b.N), "MB-alloc/pages")
	})
}

// cpuTime is the CPU this process has used, user and system.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
