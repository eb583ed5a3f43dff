package corpus

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// hugoLayouts are Hugo templates that produce the pages Leitai's default theme
// does, with the same markup, so the two builds do the same work.
//
//go:embed all:hugo/layouts
var hugoLayouts embed.FS

// The page budget, as Leitai's site package plans it; the Hugo site paginates the
// same way so both produce the same pages.
const (
	hugoPerPage           = 50
	hugoArticlesOnSummary = 5
)

// WriteHugo writes s as a Hugo site into dir: departments and articles as
// Markdown pages with front matter in content/<lang>/, groups as a taxonomy whose
// term pages are the group pages, the Leitai theme's interface strings, CSS and
// favicon, and the templates in hugo/layouts.
func (s *Site) WriteHugo(dir, themeDir string) error {
	w := newWriter(dir)
	paged := len(s.Departments) > hugoPerPage
	w.file("hugo.yaml", fmt.Sprintf(hugoConfig, hugoPerPage, paged))
	err := fs.WalkDir(hugoLayouts, "hugo/layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := hugoLayouts.ReadFile(p)
		if err != nil {
			return err
		}
		w.file(strings.TrimPrefix(p, "hugo/"), string(b))
		return nil
	})
	if err != nil {
		return err
	}
	for _, l := range []string{"zh", "en"} {
		b, err := os.ReadFile(filepath.Join(themeDir, "i18n", l+".yaml"))
		if err != nil {
			return err
		}
		// Leitai's {name} placeholders are Hugo's {{ .name }}.
		w.file("i18n/"+l+".yaml", placeholder.ReplaceAllString(string(b), "{{ .$1 }}"))
	}
	for name, to := range map[string]string{"style.css": "assets/style.css", "favicon.svg": "static/favicon.svg"} {
		b, err := os.ReadFile(filepath.Join(themeDir, "static", name))
		if err != nil {
			return err
		}
		w.file(to, string(b))
	}
	var data strings.Builder
	for _, g := range s.Groups {
		fmt.Fprintf(&data, "- id: %s\n", g.ID)
	}
	w.file("data/groups.yaml", data.String())

	for _, l := range []string{"zh", "en"} {
		pick := picker(l)
		// Section pages Leitai does not have are not rendered.
		w.file("content/"+l+"/departments/_index.md", "---\nbuild: {render: never}\n---\n")
		if len(s.Articles) <= hugoArticlesOnSummary {
			w.file("content/"+l+"/articles/_index.md", "---\nbuild: {render: never}\n---\n")
		} else {
			w.file("content/"+l+"/articles/_index.md", "---\ntitle: articles\n---\n")
		}
		for i, g := range s.Groups {
			render := ""
			if !paged {
				render = "build: {render: never}\n"
			}
			w.file("content/"+l+"/groups/"+g.ID+"/_index.md", fmt.Sprintf("---\ntitle: %s\nweight: %d\nid: %s\n%s---\n", scalar(pick(g.Title)), i+1, g.ID, render))
		}
		parallel(len(s.Departments), func(i int) {
			d := &s.Departments[i]
			w.file("content/"+l+"/departments/"+d.Slug+".md", d.hugo(pick))
		})
		parallel(len(s.Articles), func(i int) {
			a := &s.Articles[i]
			w.file("content/"+l+"/articles/"+a.Slug+".md", a.markdown(l))
		})
		// Leitai writes a search page per language; so does the Hugo site.
		w.file("content/"+l+"/search/index.md", "---\ntitle: search\ntype: search\n---\n")
	}
	return w.err()
}

var placeholder = regexp.MustCompile(`\{([a-z]+)\}`)

// hugoConfig is Hugo at its fastest for this site: no RSS, sitemap, robots.txt or
// taxonomy list, no alias pages for page 1; nothing it does not need.
const hugoConfig = `baseURL: https://example.org/
defaultContentLanguage: zh
defaultContentLanguageInSubdir: true
disableKinds: [rss, sitemap, robotstxt, taxonomy]
disableHugoGeneratorInject: true
buildFuture: true
taxonomies:
  group: groups
pagination:
  pagerSize: %d
  disableAliases: true
markup:
  goldmark:
    extensions:
      cjk:
        enable: true
        eastAsianLineBreaks: true
      typographer:
        disable: true
params:
  paged: %v
  defaultLang: zh
languages:
  zh:
    locale: zh-Hans
    label: 中文
    title: 部门擂台 · 军令状
    weight: 1
    contentDir: content/zh
  en:
    locale: en
    label: English
    title: The Department Arena · Pledges
    weight: 2
    contentDir: content/en
    disableKinds: [rss, sitemap, robotstxt, taxonomy, 404]
`

func picker(lang string) func(pair) string {
	return func(p pair) string {
		if lang == "zh" {
			return p.zh
		}
		return p.en
	}
}

// hugo is the department as a Hugo page in one language: its data in front
// matter, its statement as the body.
func (d *Department) hugo(pick func(pair) string) string {
	var b strings.Builder
	b.Grow(8 << 10)
	fmt.Fprintf(&b, "---\ntitle: %s\nweight: %d\ngroups: [%s]\n", scalar(pick(d.Name)), d.Order, d.Group)
	fmt.Fprintf(&b, "leader: %s\nleaderTitle: %s\n", scalar(pick(d.Leader)), scalar(pick(d.LeaderTitle)))
	b.WriteString("achievements:\n")
	for _, t := range d.Record {
		fmt.Fprintf(&b, "  - %s\n", scalar(pick(t)))
	}
	b.WriteString("pledges:\n")
	for _, p := range d.Pledges {
		fmt.Fprintf(&b, "  - text: %s\n", scalar(pick(p.Text)))
		if t := p.Target; t != nil {
			fmt.Fprintf(&b, "    target: {value: %d, unit: %s, compare: %s}\n", t.Value, t.Unit, t.Compare)
		}
		if p.Due != "" {
			fmt.Fprintf(&b, "    due: %s\n", p.Due)
		}
		fmt.Fprintf(&b, "    status: %s\n", p.Status)
	}
	b.WriteString("---\n\n")
	b.WriteString(pick(d.Statement))
	return b.String()
}
