package render

import (
	"bytes"
	"html/template"
	"path/filepath"
	"strings"
	"testing"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/corpus"
	"leitai/generator/internal/site"
	"leitai/generator/internal/testsite"
)

// BenchmarkPages renders every page of a synthetic site of 120 departments
// (278 pages): the templates' and the view's share of a build, without the
// disk.
//
//	go test ./generator/internal/render -run '^$' -bench Pages -benchmem
func BenchmarkPages(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.New(corpus.Options{Departments: 120, Seed: 1}).WriteLeitai(dir, filepath.Join(testsite.Root(), "themes", "default")); err != nil {
		b.Fatal(err)
	}
	r := loadRenderer(b, filepath.Join(dir, "config.yaml"))
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		for _, pg := range r.plan.Pages {
			buf.Reset()
			if _, err := r.PageTo(&buf, pg); err != nil {
				b.Fatal(err)
			}
		}
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

// BenchmarkThemeCold loads the theme of the real content and renders one page
// of each kind with it: what a build pays once for its templates (parsing
// every file, escaping each template at its first use), with the interface
// strings and the stylesheet, which a build loads with them.
//
//	go test ./generator/internal/render -run '^$' -bench ThemeCold -benchmem
func BenchmarkThemeCold(b *testing.B) {
	r := loadRenderer(b, filepath.Join(testsite.Root(), "config.yaml"))
	first := map[site.Kind]*site.Page{}
	for _, pg := range r.plan.Pages {
		if first[pg.Kind] == nil {
			first[pg.Kind] = pg
		}
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		th, problems := LoadTheme(r.cfg)
		if problems.HasErrors() {
			b.Fatal(problems)
		}
		cold := New(th, r.cfg, r.content, r.plan)
		for _, pg := range first {
			buf.Reset()
			if _, err := cold.PageTo(&buf, pg); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// A status's badge is drawn once per language by partials/badge.html; it must
// read as the theme drew it inline in every pledge, <span class="{{ .Class }}">
// {{ .Label }}</span>, whatever an interface string holds.
func TestBadgeAsDrawnInline(t *testing.T) {
	th := loadRenderer(t, filepath.Join(testsite.Root(), "config.yaml")).Theme
	inline := template.Must(template.New("badge").Parse(`<span class="{{ .Class }}">{{ .Label }}</span>`))
	for _, label := range []string{"已完成", "Partly achieved", `Met "early"`, "R&D <b>done</b>", "it's done", "a+b=c", "\x00odd"} {
		for _, class := range []string{"badge s-met", "badge s-partly-achieved", `badge s-"x" +`} {
			st := StatusBadge{Class: class, Label: label}
			var want strings.Builder
			if err := inline.Execute(&want, st); err != nil {
				t.Fatal(err)
			}
			got, err := th.badge(st)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != want.String() {
				t.Errorf("partials/badge.html drew %s for %+v, inline %s", got, st, want.String())
			}
		}
	}
}
