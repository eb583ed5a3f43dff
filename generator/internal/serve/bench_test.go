package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"leitai/generator/internal/build"
	"leitai/generator/internal/testsite"
)

// BenchmarkSaveToServed measures what an editor waits for: from writing a
// department file to the new page being served, through the file watcher, the
// rebuild, the reload event and an HTTP fetch. It reports the median and the 90th
// percentile over b.N saves.
//
//	go test ./generator/internal/serve -run '^$' -bench SaveToServed -benchtime 200x
func BenchmarkSaveToServed(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("departments=%d", n), func(b *testing.B) {
			dir := testsite.Copy(b)
			if n > 10 {
				multiply(b, dir, n)
			}
			s, err := Start(Options{Build: buildOptions(dir)})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close(b.Context())
			c := connect(b, s)
			c.next(b, "reload")
			file := filepath.Join(dir, "content", "departments", "finance.yaml")
			orig, _ := os.ReadFile(file)
			times := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				mark := fmt.Sprintf("市财政局%d", i)
				start := time.Now()
				if err := os.WriteFile(file, []byte(strings.Replace(string(orig), "市财政局", mark, 1)), 0o644); err != nil {
					b.Fatal(err)
				}
				c.next(b, "reload")
				_, page, _ := get(b, s.URL()+"zh/departments/finance/")
				times = append(times, time.Since(start))
				if !strings.Contains(page, mark) {
					b.Fatalf("save %d not served", i)
				}
			}
			b.StopTimer()
			sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
			b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "ms-p90")
		})
	}
}

// multiply adds copies of the real departments until the site has n.
func multiply(b *testing.B, dir string, n int) {
	depts := filepath.Join(dir, "content", "departments")
	entries, _ := os.ReadDir(depts)
	var srcs [][]byte
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(depts, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, data)
	}
	for i := len(entries); i < n; i++ {
		src := string(srcs[i%len(srcs)])
		lines := strings.Split(src, "\n")
		for j, l := range lines {
			if strings.HasPrefix(l, "order: ") {
				lines[j] = fmt.Sprintf("order: %d", i+1)
			}
		}
		if err := os.WriteFile(filepath.Join(depts, fmt.Sprintf("copy-%04d.yaml", i)), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

func buildOptions(dir string) build.Options {
	return build.Options{Config: filepath.Join(dir, "config.yaml")}
}
