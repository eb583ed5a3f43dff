package markdown

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.html golden files")

// TestGolden renders each testdata/*.<lang>.md as a whole article and
// compares it with the .html beside it; run `go test -update` after an
// intended change and review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden inputs in testdata")
	}
	for _, in := range files {
		t.Run(filepath.Base(in), func(t *testing.T) {
			base := strings.TrimSuffix(in, ".md")
			lang := filepath.Ext(base)[1:]
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			res, err := New(Options{Lang: lang, ResolveLink: siteLinks}).Render(src)
			if err != nil {
				t.Fatal(err)
			}
			golden := base + ".html"
			if *update {
				if err := os.WriteFile(golden, []byte(res.HTML), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if res.HTML != string(want) {
				t.Errorf("%s differs from %s:\n%s", in, golden, res.HTML)
			}
		})
	}
}
