package build

import (
	"os"
	"path/filepath"
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
