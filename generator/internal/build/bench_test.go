package build

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"leitai/generator/internal/config"
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

func BenchmarkBuild10(b *testing.B)    { benchmarkBuild(b, 10) }
func BenchmarkBuild1000(b *testing.B)  { benchmarkBuild(b, 1000) }
func BenchmarkBuild10000(b *testing.B) { benchmarkBuild(b, 10000) }

func benchmarkBuild(b *testing.B, n int) {
	cfg := corpusSite(b, n)
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
func BenchmarkIncremental10(b *testing.B)    { benchmarkIncremental(b, 10) }
func BenchmarkIncremental10000(b *testing.B) { benchmarkIncremental(b, 10000) }

func benchmarkIncremental(b *testing.B, n int) {
	cfg := corpusSite(b, n)
	bl := NewBuilder(Options{Config: cfg})
	if u := bl.Full(); !u.OK() {
		b.Fatalf("full build: %v", u.Problems)
	}
	runtime.GC() // as the preview server does after its first build
	file := filepath.Join(filepath.Dir(cfg), "content", "departments", "finance.yaml")
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
}
