package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"leitai/generator/internal/linkcheck"
	"leitai/generator/internal/testsite"
)

// A Markdown image's root-relative source names a file of the site's static/,
// so it moves under the base URL's path as links do: built for
// https://example.org/pledges/, ![x](/images/x.svg) is /pledges/images/x.svg,
// in a department's statement and in an article, in every language.
func TestImagesFollowTheBasePath(t *testing.T) {
	dir := testsite.CopyFrom(t, filepath.Join("testdata", "site"))
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`
	if err := os.MkdirAll(filepath.Join(dir, "static", "images"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "static", "images", "x.svg"), []byte(svg), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"zh", "en"} {
		testsite.Edit(t, filepath.Join(dir, "content", "articles", "report."+lang+".md"), "\n## ", "\n![x](/images/x.svg)\n\n## ")
	}
	testsite.Edit(t, filepath.Join(dir, "content", "departments", "alpha.yaml"), "见[乙局](/departments/beta/)。", "见[乙局](/departments/beta/)。\n\n    ![x](/images/x.svg)")

	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, filepath.Join(dir, "config.yaml"), out)
	for _, page := range []string{"zh/articles/report/index.html", "en/articles/report/index.html", "zh/departments/alpha/index.html"} {
		b, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		if want := `<img src="/pledges/images/x.svg" alt="x">`; !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
	broken, err := linkcheck.Check(out, "https://example.org/pledges/")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Errorf("broken link: %s", b)
	}
}
