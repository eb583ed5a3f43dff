package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"

	"leitai/generator/internal/testsite"
)

// BenchmarkSearchIndex measures what search costs as the site grows: the size
// of Pagefind's bundle and of each language's index on disk, and the bytes a
// reader's browser fetches from the bundle for one query (贷款 on the Chinese
// search page, in a fresh browser). The 1,000 departments are the real ten
// copied under new slugs and orders. Run:
//
//	go test ./generator -run '^$' -bench SearchIndex -benchtime 1x
func BenchmarkSearchIndex(b *testing.B) {
	pagefind, chromium := pagefindBin(b), findChromium(b)
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("departments=%d", n), func(b *testing.B) {
			dir := testsite.Copy(b)
			multiplyDepartments(b, filepath.Join(dir, "content", "departments"), n)
			out := filepath.Join(b.TempDir(), "public")
			var stdout, stderr bytes.Buffer
			if code := run([]string{"build", "--config", filepath.Join(dir, "config.yaml"), "--destination", out}, &stdout, &stderr); code != 0 {
				b.Fatalf("build: %s%s", stdout.String(), stderr.String())
			}
			indexSite(b, pagefind, out)

			var fetched atomic.Int64
			srv := serveCounting(b, out, "/", &fetched)
			b.ResetTimer()
			for range b.N {
				fetched.Store(0)
				// A fresh browser each time: a reader's first query, with nothing cached.
				br := newBrowser(b, chromium, chromedp.WindowSize(390, 844))
				if r := br.search(b, srv.URL, "/zh/search/", "贷款"); len(r.links) == 0 {
					b.Fatalf("no results at %d departments: %s", n, r.status)
				}
			}
			bundle := filepath.Join(out, "pagefind")
			b.ReportMetric(float64(sizeOf(b, bundle, func(string) bool { return true })), "bundle-B")
			for _, lang := range []string{"zh-hans", "en"} {
				b.ReportMetric(float64(sizeOf(b, bundle, func(name string) bool { return strings.HasPrefix(name, lang+"_") })), lang+"-index-B")
			}
			b.ReportMetric(float64(fetched.Load()), "query-fetch-B")
			b.ReportMetric(float64(sizeOf(b, filepath.Join(out, "zh", "data"), func(name string) bool { return name == "pledges.json" })), "zh-json-B")
		})
	}
}

// multiplyDepartments copies the departments in dir until there are n, each
// copy under a new slug and the next free order.
func multiplyDepartments(b *testing.B, dir string, n int) {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no departments in %s: %v", dir, err)
	}
	for i := len(files); i < n; i++ {
		src, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			b.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		for j, l := range lines {
			if strings.HasPrefix(l, "order: ") {
				lines[j] = fmt.Sprintf("order: %d", i+1)
			}
		}
		slug := strings.TrimSuffix(filepath.Base(files[i%len(files)]), ".yaml")
		name := filepath.Join(dir, fmt.Sprintf("%s-%d.yaml", slug, i))
		if err := os.WriteFile(name, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// sizeOf adds up the sizes of the files under dir whose base name keep accepts.
func sizeOf(b *testing.B, dir string, keep func(name string) bool) int64 {
	b.Helper()
	var total int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !keep(d.Name()) {
			return err
		}
		info, err := d.Info()
		if err == nil {
			total += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return total
}
