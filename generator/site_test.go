package main

import (
	"bytes"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/linkcheck"
	"leitai/generator/internal/testsite"
)

// The real content, built the way an editor builds it, must meet the output
// contract: both languages, all ten departments, every pledge, links that resolve.

var departments = []string{
	"development-reform", "education", "science-technology", "industry-it", "finance",
	"ecology-environment", "commerce", "culture-tourism", "health", "financial-supervision",
}

var langAttr = map[string]string{"zh": "zh-Hans", "en": "en"}

func buildReal(t *testing.T, extra ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	args := append([]string{"build", "--config", "../config.yaml", "--destination", out}, extra...)
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("build exited %d:\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "built 26 pages (zh 13, en 13)") {
		t.Errorf("summary line = %q", stdout.String())
	}
	return out
}

// buildEditions builds the synthetic publication of three editions
// (testsite.Editions) into a temporary folder and returns the folder.
func buildEditions(t *testing.T, extra ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	args := append([]string{"build", "--config", testsite.EditionsSite(t), "--destination", out}, extra...)
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("build exited %d:\n%s%s", code, stdout.String(), stderr.String())
	}
	return out
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// deptFile is a department file decoded independently of the generator's loader.
type deptFile struct {
	Name    map[string]string
	Leader  struct{ Name map[string]string }
	Pledges []map[string]any
}

func TestRealContentOutputContract(t *testing.T) {
	out := buildReal(t)

	home := read(t, filepath.Join(out, "index.html"))
	if !strings.Contains(home, `http-equiv="refresh" content="0; url=/zh/"`) || !strings.Contains(home, `href="/zh/"`) {
		t.Errorf("index.html does not lead to /zh/ without JavaScript:\n%s", home)
	}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Contains(read(t, p), "__leitai") {
			t.Errorf("%s: the live-reload script is only for serve, never for build", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "404.html")); err != nil {
		t.Error(err)
	}
	if matches, err := filepath.Glob(filepath.Join(out, "style.*.css")); err != nil || len(matches) != 1 {
		t.Errorf("want one fingerprinted stylesheet, got %v (%v)", matches, err)
	}

	for _, lang := range []string{"zh", "en"} {
		summary := read(t, filepath.Join(out, lang, "index.html"))
		if !strings.Contains(summary, `<html lang="`+langAttr[lang]+`">`) {
			t.Errorf("%s summary: wrong <html lang>", lang)
		}
		for _, slug := range departments {
			var d deptFile
			src, err := os.ReadFile(filepath.Join("..", "content", "departments", slug+".yaml"))
			if err != nil {
				t.Fatal(err)
			}
			if err := yaml.Unmarshal(src, &d); err != nil {
				t.Fatalf("%s: %v", slug, err)
			}
			page := read(t, filepath.Join(out, lang, "departments", slug, "index.html"))
			link := `href="/` + lang + `/departments/` + slug + `/"`
			if !strings.Contains(summary, link) {
				t.Errorf("%s summary has no link to %s", lang, slug)
			}
			for _, want := range []string{d.Name[lang], d.Leader.Name[lang]} {
				if !strings.Contains(summary, html.EscapeString(want)) || !strings.Contains(page, html.EscapeString(want)) {
					t.Errorf("%s/%s: %q missing from summary or department page", lang, slug, want)
				}
			}
			if len(d.Pledges) == 0 {
				t.Errorf("%s has no pledges", slug)
			}
			for i, p := range d.Pledges {
				text, _ := p[lang].(string)
				if text == "" || !strings.Contains(summary, html.EscapeString(text)) || !strings.Contains(page, html.EscapeString(text)) {
					t.Errorf("%s/%s pledge %d %q missing from summary or department page", lang, slug, i+1, text)
				}
			}
			if !strings.Contains(page, `<html lang="`+langAttr[lang]+`">`) {
				t.Errorf("%s/%s: wrong <html lang>", lang, slug)
			}
			for other, attr := range langAttr {
				if !strings.Contains(page, `hreflang="`+attr+`" href="https://example.org/`+other+`/departments/`+slug+`/"`) {
					t.Errorf("%s/%s: no hreflang alternate for %s", lang, slug, other)
				}
				if other != lang && !strings.Contains(page, `<a href="/`+other+`/departments/`+slug+`/" hreflang="`+attr+`"`) {
					t.Errorf("%s/%s: language switch does not lead to the same page in %s", lang, slug, other)
				}
			}
		}
		article := read(t, filepath.Join(out, lang, "articles", "department-arena-2022", "index.html"))
		if !strings.Contains(summary, `href="/`+lang+`/articles/department-arena-2022/"`) {
			t.Errorf("%s summary does not link the article", lang)
		}
		for _, want := range []string{"<h2 id=", "<blockquote>"} {
			if !strings.Contains(article, want) {
				t.Errorf("%s article lacks %s", lang, want)
			}
		}
	}

	// Mended page-break artefacts stay mended. The report is read in two parts.
	zh := read(t, filepath.Join(out, "zh", "articles", "department-arena-2022", "index.html")) +
		read(t, filepath.Join(out, "zh", "articles", "department-arena-2022", "2", "index.html"))
	for _, want := range []string{"超额完成市办实事任务", "开好局起好步"} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh article lacks %q", want)
		}
	}

	broken, err := linkcheck.Check(out, "https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Errorf("broken link: %s", b)
	}
}

func TestRealContentUnderSubPath(t *testing.T) {
	out := buildReal(t, "--baseURL", "https://example.org/pledges/")
	broken, err := linkcheck.Check(out, "https://example.org/pledges/")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Errorf("broken link: %s", b)
	}
	// Every root-relative link carries the sub-path.
	rootRel := regexp.MustCompile(`(?:href|src)="(/[^"]*)"`)
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		for _, m := range rootRel.FindAllStringSubmatch(read(t, p), -1) {
			if !strings.HasPrefix(m[1], "/pledges/") {
				t.Errorf("%s: link %s ignores the base path", p, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := testsite.Files(t, buildReal(t)), testsite.Files(t, buildReal(t))
	for rel, data := range b {
		if !bytes.Equal(a[rel], data) {
			t.Errorf("%s differs between two builds", rel)
		}
	}
	if len(a) != len(b) || len(a) == 0 {
		t.Errorf("builds wrote %d and %d files", len(a), len(b))
	}
}
