package render

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/corpus"
	"leitai/generator/internal/site"
	"leitai/generator/internal/testsite"
)

// TestCompiledTemplatesRenderAsHTMLTemplate renders every page of three sites
// twice, with the compiled templates the build uses (tmplexec) and with
// html/template's Execute, and requires the same bytes, problems and errors:
// the real content (ten departments, a summary on one page), the build
// package's fixture site (the site's own layouts override the theme's) and a
// synthetic site of 120 departments (a summary in pages, group pages).
func TestCompiledTemplatesRenderAsHTMLTemplate(t *testing.T) {
	root := testsite.Root()
	synthetic := t.TempDir()
	if err := corpus.New(corpus.Options{Departments: 120, Seed: 1}).WriteLeitai(synthetic, filepath.Join(root, "themes", "default")); err != nil {
		t.Fatal(err)
	}
	sites := map[string]string{
		"real content": filepath.Join(root, "config.yaml"),
		"fixture site": testsite.Fixture(t),
		"synthetic":    filepath.Join(synthetic, "config.yaml"),
	}
	kindsSeen := map[site.Kind]int{}
	for name, cfgPath := range sites {
		t.Run(name, func(t *testing.T) {
			r := loadRenderer(t, cfgPath)
			for _, k := range kinds {
				if r.programs[k] == nil {
					t.Fatalf("the %s templates were not compiled, so the build would not use tmplexec", k)
				}
			}
			for _, pg := range r.plan.Pages {
				kindsSeen[pg.Kind]++
				fast, fastProblems, fastErr := r.Page(pg)
				std, stdProblems, stdErr := r.page(pg, nil)
				if fmt.Sprint(fastErr) != fmt.Sprint(stdErr) {
					t.Errorf("%s: error %v, html/template's %v", pg.Path, fastErr, stdErr)
				}
				if !bytes.Equal(fast, std) {
					t.Errorf("%s: the compiled templates render %d bytes that differ from html/template's %d:\n%s", pg.Path, len(fast), len(std), firstDifference(fast, std))
				}
				if fmt.Sprint(fastProblems) != fmt.Sprint(stdProblems) {
					t.Errorf("%s: problems %v, html/template's %v", pg.Path, fastProblems, stdProblems)
				}
			}
			t.Logf("compared %d pages", len(r.plan.Pages))
		})
	}
	for _, k := range kinds {
		if kindsSeen[k] == 0 {
			t.Errorf("no %s page was compared", k)
		}
	}
}

// BenchmarkPages renders every page of a synthetic site of 120 departments
// (278 pages) with the compiled templates and with html/template's Execute:
// the template engine's share of a build, without the disk.
//
//	go test ./generator/internal/render -run '^$' -bench Pages -benchmem
func BenchmarkPages(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.New(corpus.Options{Departments: 120, Seed: 1}).WriteLeitai(dir, filepath.Join(testsite.Root(), "themes", "default")); err != nil {
		b.Fatal(err)
	}
	r := loadRenderer(b, filepath.Join(dir, "config.yaml"))
	for _, mode := range []string{"compiled", "html-template"} {
		b.Run(mode, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, pg := range r.plan.Pages {
					prog := r.programs[pg.Kind]
					if mode != "compiled" {
						prog = nil
					}
					if _, _, err := r.page(pg, prog); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// loadRenderer loads a site as the build does, failing on any error.
func loadRenderer(t testing.TB, cfgPath string) *Renderer {
	t.Helper()
	cfg, problems := config.Load(cfgPath, config.Overrides{})
	if problems.HasErrors() {
		t.Fatalf("config: %v", problems)
	}
	s, problems := content.Load(cfg.ContentDir(), cfg.Codes())
	problems.Append(content.Validate(s, content.ValidateOptions{Langs: cfg.Codes(), PendingTranslations: cfg.PendingTranslations, EventDate: cfg.EventDate}))
	th, more := LoadTheme(cfg)
	problems.Append(more)
	if problems.HasErrors() {
		t.Fatalf("loading %s: %v", cfgPath, problems)
	}
	return New(th, cfg, s, site.New(cfg, s))
}

// firstDifference shows where two renderings part.
func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("at byte %d:\n compiled: %q\n standard: %q", i, a[lo:min(len(a), i+80)], b[lo:min(len(b), i+80)])
}

// TestUnsupportedTemplateFallsBack: a layout with a construct tmplexec does
// not run (a variable declared inside parentheses) leaves its kind to
// html/template, and its pages still render; the other kinds stay compiled.
func TestUnsupportedTemplateFallsBack(t *testing.T) {
	dir := testsite.Copy(t)
	testsite.Edit(t, filepath.Join(dir, "themes", "default", "layouts", "department.html"),
		`<article class="department"`, `{{ if and ($x := .Lang) $x }}<i data-lang="{{ $x }}"></i>{{ end }}<article class="department"`)
	r := loadRenderer(t, filepath.Join(dir, "config.yaml"))
	if r.programs[site.Department] != nil {
		t.Fatal("the department templates were compiled; the test needs a construct tmplexec refuses")
	}
	if r.programs[site.Summary] == nil {
		t.Error("the summary templates were not compiled")
	}
	rendered := 0
	for _, pg := range r.plan.Pages {
		if pg.Kind != site.Department {
			continue
		}
		html, _, err := r.Page(pg)
		if err != nil {
			t.Fatalf("%s: %v", pg.Path, err)
		}
		if want := `<i data-lang="` + pg.Lang.Code + `"></i>`; !bytes.Contains(html, []byte(want)) {
			t.Errorf("%s does not contain %s", pg.Path, want)
		}
		rendered++
	}
	if rendered == 0 {
		t.Error("no department page")
	}
}
