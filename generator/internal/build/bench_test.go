package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/corpus"
	"leitai/generator/internal/render"
	"leitai/generator/internal/site"
)

// Full builds of synthetic sites (generator/internal/corpus): N departments with
// about six achievements and eight pledges each, a Markdown statement, and an
// article per ten departments, in Chinese and English. The corpus is written once
// per benchmark, outside the timer; each iteration builds into an empty folder, as
// CI does. Run them with
//
//	go test ./generator/internal/build -run '^$' -bench Build -benchmem
//
// They only run with -bench: `go test ./...` never generates a large corpus.

func BenchmarkBuild10(b *testing.B)    { benchmarkBuild(b, corpusSite(b, 10)) }
func BenchmarkBuild1000(b *testing.B)  { benchmarkBuild(b, corpusSite(b, 1000)) }
func BenchmarkBuild2000(b *testing.B)  { benchmarkBuild(b, corpusSite(b, 2000)) }
func BenchmarkBuild10000(b *testing.B) { benchmarkBuild(b, corpusSite(b, 10000)) }

// A publication of 40 editions of 50 departments: 2,000 department
// appearances, as BenchmarkBuild2000 has departments, of 1,000 departments,
// each in two editions. BENCHMARKS.md compares the two.
func BenchmarkBuildEditions40x50(b *testing.B) { benchmarkBuild(b, editionsSite(b, 40, 2000)) }

func benchmarkBuild(b *testing.B, cfg string) {
	out := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	b.ResetTimer()
	var pages int
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := Run(Options{Config: cfg, Overrides: config.Overrides{Destination: out}})
		if err != nil {
			b.Fatal(err)
		}
		pages = res.Pages["zh"] + res.Pages["en"]
	}
	b.ReportMetric(float64(pages), "pages")
}

// The incremental rebuild the preview server runs when an editor saves one
// department file, at N departments: load that file, validate the site, plan it,
// and render what the change affects (the department, its neighbours, its group's
// listing pages and the summaries), plus the open data and feeds. Each iteration
// edits a pledge of the same department.
//
//	go test ./generator/internal/build -run '^$' -bench Incremental -benchmem
func BenchmarkIncremental10(b *testing.B) { benchmarkIncremental(b, corpusSite(b, 10), "departments") }
func BenchmarkIncremental10000(b *testing.B) {
	benchmarkIncremental(b, corpusSite(b, 10000), "departments")
}

// The same in a publication of 40 editions of 50 departments: an edit of a
// department of edition 20, which stands in edition 21 too and whose first
// pledge there makes its first pledge here again.
func BenchmarkIncrementalEditions40x50(b *testing.B) {
	benchmarkIncremental(b, editionsSite(b, 40, 2000), "editions/20/departments")
}

func benchmarkIncremental(b *testing.B, cfg, folder string) {
	bl := NewBuilder(Options{Config: cfg})
	if u := bl.Full(); !u.OK() {
		b.Fatalf("full build: %v", u.Problems)
	}
	runtime.GC() // as the preview server does after its first build
	files, err := filepath.Glob(filepath.Join(filepath.Dir(cfg), "content", filepath.FromSlash(folder), "*.yaml"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no department in %s: %v", folder, err)
	}
	file := files[0]
	if f := filepath.Join(filepath.Dir(cfg), "content", filepath.FromSlash(folder), "finance.yaml"); slices.Contains(files, f) {
		file = f
	}
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	written := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		edited := strings.Replace(string(orig), "pledges:\n  - zh: ", fmt.Sprintf("pledges:\n  - zh: 第%d次修改：", i), 1)
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		u := bl.Apply([]string{file})
		if !u.OK() {
			b.Fatalf("rebuild: %v", u.Problems)
		}
		written = len(u.Written)
	}
	b.ReportMetric(float64(written), "pages/op")
	b.Logf("the edit of %s renders %d pages", filepath.Base(file), written)
}

// The real content (the repository's config.yaml): ten departments and the
// report, in both languages.
func BenchmarkBuildReal(b *testing.B) {
	benchmarkBuild(b, filepath.Join("..", "..", "..", "config.yaml"))
}

// Rendering by kind of page, on one core and without the disk: every page of
// the single edition of 2,000 departments and of the publication of 40
// editions of 50, in the order a build renders them, each iteration with a
// new renderer (a department's shared body is made again). It reports the
// time per page of each kind, so a change to a template or a view shows where
// it lands; run it on two commits to compare them. LEITAI_BENCH_THEME names
// another theme to render with: a copy of the theme with one part cut says
// what that part costs a page.
//
//	go test ./generator/internal/build -run '^$' -bench RenderKinds -benchtime 3x -count 4
//	LEITAI_BENCH_THEME=/tmp/no-pager go test ./generator/internal/build -run '^$' -bench RenderKinds/editions -benchtime 3x
func BenchmarkRenderKinds(b *testing.B) {
	th := theme
	if dir := os.Getenv("LEITAI_BENCH_THEME"); dir != "" {
		th = dir
	}
	compareSites(b, th, func(b *testing.B, cfgPath string) {
		cfg, problems := config.Load(cfgPath, config.Overrides{})
		if problems.HasErrors() {
			b.Fatal(problems)
		}
		th, problems := render.LoadTheme(cfg)
		if problems.HasErrors() {
			b.Fatal(problems)
		}
		s, problems := content.Load(cfg.ContentDir(), cfg.Codes())
		if problems.HasErrors() {
			b.Fatal(problems)
		}
		plan := site.New(cfg, s)
		order := byKey(plan.Pages)
		spent := map[site.Kind]time.Duration{}
		count := map[site.Kind]int{}
		var buf bytes.Buffer
		b.ResetTimer()
		for range b.N {
			r := render.New(th, cfg, s, plan)
			for _, i := range order {
				pg := plan.Pages[i]
				buf.Reset()
				start := time.Now()
				if _, err := r.PageTo(&buf, pg); err != nil {
					b.Fatal(err)
				}
				spent[pg.Kind] += time.Since(start)
				count[pg.Kind]++
			}
		}
		for k, d := range spent {
			if count[k] >= 10*b.N { // kinds of a handful of pages say nothing
				b.ReportMetric(float64(d.Microseconds())/float64(count[k]), "µs/"+string(k))
			}
		}
	})
}

// compareSites runs f as two sub-benchmarks, on the single edition of 2,000
// departments and on the publication of 40 editions of 50, each written once
// with the theme in themeDir; f gets the site's config.
func compareSites(b *testing.B, themeDir string, f func(b *testing.B, cfg string)) {
	for _, c := range []struct {
		name string
		opts corpus.Options
	}{
		{"single2000", corpus.Options{Departments: 2000, Seed: 1}},
		{"editions40x50", corpus.Options{Departments: 2000, Seed: 1, Editions: 40}},
	} {
		b.Run(c.name, func(b *testing.B) {
			dir := b.TempDir()
			if err := corpus.New(c.opts).WriteLeitai(dir, themeDir); err != nil {
				b.Fatal(err)
			}
			f(b, filepath.Join(dir, "config.yaml"))
		})
	}
}
