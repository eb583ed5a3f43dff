package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An empty content/ is a clear error, not a site whose feeds are dated year 1;
// a site without a report takes its dates from the event's.
func TestEmptyContent(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	for _, f := range []string{"content/departments/alpha.yaml", "content/departments/beta.yaml", "content/articles/report.zh.md", "content/articles/report.en.md"} {
		if err := os.Remove(filepath.Join(root, f)); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := runCmd("check", "--config", cfg)
	if code != 1 || !strings.Contains(stderr, "content/departments: error: the site has no departments") {
		t.Errorf("no departments: exit %d\n%s%s", code, stdout, stderr)
	}

	// Departments, no report, no event date.
	base := copySite(t, checkSite)
	for _, f := range []string{"content/departments/alpha.yaml", "content/departments/beta.yaml"} {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(base), f))
		if err != nil {
			t.Fatal(err)
		}
		applyEdits(t, root, []edit{{f, "", string(b)}})
	}
	applyEdits(t, root, []edit{
		{"content/departments/alpha.yaml", "要抓落实，见[乙局](/departments/beta/)。", "要抓落实。"},
		{"content/departments/alpha.yaml", "We will deliver; see [Beta](/departments/beta/).", "We will deliver."},
		{"config.yaml", "event: {date: 2022-11-24}", ""},
	})
	code, stdout, stderr = runCmd("check", "--config", cfg)
	if code != 1 || !strings.Contains(stderr, "content/articles: error: the site has no report and config.yaml gives no event date") {
		t.Errorf("no report, no date: exit %d\n%s%s", code, stdout, stderr)
	}

	applyEdits(t, root, []edit{{"config.yaml", "", "baseURL: https://example.org/\ntitle: {zh: 测试擂台, en: Test Arena}\nlanguages:\n  - {code: zh, lang: zh-Hans, name: 中文}\n  - {code: en, lang: en, name: English}\nevent: {date: 2022-11-24}\n"}})
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := runCmd("build", "--config", cfg, "--destination", out); code != 0 {
		t.Fatalf("no report, an event date: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, f := range []string{"zh/atom.xml", "sitemap.xml"} {
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "0001-01-01") || !strings.Contains(string(b), "2022-11-24") {
			t.Errorf("%s is not dated by the event:\n%s", f, b)
		}
	}
}
