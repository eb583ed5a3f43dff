package corpus

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/content"
	"leitai/generator/internal/opendata"
	"leitai/generator/internal/yamldoc"
)

// hugoLayouts are Hugo templates that produce the pages Leitai's default theme
// does, with the same markup, so the two builds do the same work. hugo/layouts
// follows the theme line by line (the earlier, plain site); hugo/expert holds
// the files a Hugo expert changes or adds for speed, over the plain ones (see
// WriteHugo).
//
//go:embed all:hugo/layouts all:hugo/expert
var hugoLayouts embed.FS

// HugoPlainLayouts is the folder of the Hugo site that holds the plain
// templates: hugo --layoutDir layouts-plain builds with them.
const HugoPlainLayouts = "layouts-plain"

// The page budget, as Leitai's site package plans it; the Hugo site paginates the
// same way so both produce the same pages.
const (
	hugoPerPage           = 50
	hugoArticlesOnSummary = 5
	// hugoFeedEntries is how many entries Leitai's Atom feed keeps, newest first.
	hugoFeedEntries = 50
)

// WriteHugo writes s as a Hugo site into dir: departments and articles as
// Markdown pages with front matter in content/<lang>/, groups as a taxonomy whose
// term pages are the group pages, the Leitai theme's interface strings, CSS,
// script and favicon, the unit table, the open data's schema, and the templates
// in layouts/ (the expert's: hugo/layouts with hugo/expert over it) and in
// layouts-plain/ (hugo/layouts alone).
func (s *Site) WriteHugo(dir, themeDir string) error {
	if len(s.Editions) > 0 {
		return fmt.Errorf("a publication of several editions has no Hugo equivalent; write it with Editions 0")
	}
	w := newWriter(dir)
	paged := len(s.Departments) > hugoPerPage
	strs := map[string]map[string]string{}
	for _, l := range []string{"zh", "en"} {
		b, err := os.ReadFile(filepath.Join(themeDir, "i18n", l+".yaml"))
		if err != nil {
			return err
		}
		var m map[string]string
		if err := yaml.Unmarshal(b, &m); err != nil {
			return fmt.Errorf("%s: %w", filepath.Join(themeDir, "i18n", l+".yaml"), err)
		}
		strs[l] = m
		// Leitai's {name} placeholders are Hugo's {{ .name }}.
		w.file("i18n/"+l+".yaml", placeholder.ReplaceAllString(string(b), "{{ .$1 }}"))
	}
	// og:locale:alternate names the other language's locale, which Hugo's i18n
	// cannot look up from this language: it is a language parameter.
	w.file("hugo.yaml", fmt.Sprintf(hugoConfig, hugoPerPage, paged, hugoPerPage, hugoArticlesOnSummary, hugoFeedEntries,
		strings.Join(content.Statuses, ", "), strs["zh"]["og_locale"], strs["en"]["og_locale"]))
	layouts, err := HugoLayouts(false)
	if err != nil {
		return err
	}
	for name, b := range layouts {
		w.file(HugoPlainLayouts+"/"+name, string(b))
	}
	if layouts, err = HugoLayouts(true); err != nil {
		return err
	}
	for name, b := range layouts {
		w.file("layouts/"+name, string(b))
	}
	// Leitai serves its theme's static files under their names, the CSS and
	// the script fingerprinted; the Hugo site takes them through its asset
	// pipeline, the favicon as a plain static file.
	for name, to := range map[string]string{"style.css": "assets/style.css", "search.js": "assets/search.js", "favicon.svg": "static/favicon.svg"} {
		b, err := os.ReadFile(filepath.Join(themeDir, "static", name))
		if err != nil {
			return err
		}
		w.file(to, string(b))
	}
	w.file("data/units.yaml", hugoUnits)
	var data strings.Builder
	for _, g := range s.Groups {
		fmt.Fprintf(&data, "- id: %s\n", g.ID)
	}
	w.file("data/groups.yaml", data.String())

	// The root summary also writes the files Leitai writes once for the site.
	w.file("content/zh/_index.md", "---\noutputs: [html, atom, pledgesjson, pledgescsv, sitemapxml, headers]\n---\n")
	for _, l := range []string{"zh", "en"} {
		pick := picker(l)
		// Leitai publishes the schema of its open data as it is, beside the data.
		w.file("static/"+l+"/data/"+opendata.SchemaFile, string(opendata.Schema))
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
			w.file("content/"+l+"/groups/"+g.ID+"/_index.md", fmt.Sprintf("---\ntitle: %s\nweight: %d\nid: %s\n%s---\n", yamldoc.Scalar(pick(g.Title)), i+1, g.ID, render))
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

// HugoLayouts is the Hugo site's set of templates by name (baseof.html,
// _partials/card.html, …): the plain set, or with expert, the plain set with
// the expert's files in place of those of the same name and beside them.
func HugoLayouts(expert bool) (map[string][]byte, error) {
	set := map[string][]byte{}
	roots := []string{"hugo/layouts"}
	if expert {
		roots = append(roots, "hugo/expert")
	}
	for _, root := range roots {
		err := fs.WalkDir(hugoLayouts, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := hugoLayouts.ReadFile(p)
			set[strings.TrimPrefix(p, root+"/")] = b
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return set, nil
}

var placeholder = regexp.MustCompile(`\{([a-z]+)\}`)

// hugoConfig is Hugo at its fastest for this site, writing what Leitai writes
// and nothing more: no RSS or taxonomy list, no alias pages for page 1. The
// sitemap, the Atom feed, the open data and _headers are output formats of the
// home page (the sitemap and _headers of the default language's only, at the
// root, because Leitai writes one sitemap for the whole site, where Hugo's own
// would be an index and one sitemap per language).
const hugoConfig = `baseURL: https://example.org/
defaultContentLanguage: zh
defaultContentLanguageInSubdir: true
disableKinds: [rss, sitemap, taxonomy]
enableRobotsTXT: true
disableHugoGeneratorInject: true
buildFuture: true
taxonomies:
  group: groups
pagination:
  pagerSize: %d
  disableAliases: true
mediaTypes:
  application/atom+xml:
    suffixes: [xml]
  text/x-headers:
    suffixes: []
outputFormats:
  atom:
    mediaType: application/atom+xml
    baseName: atom
    isPlainText: true
    notAlternative: true
  pledgesjson:
    mediaType: application/json
    baseName: pledges
    path: data
    isPlainText: true
    notAlternative: true
  pledgescsv:
    mediaType: text/csv
    baseName: pledges
    path: data
    isPlainText: true
    notAlternative: true
  sitemapxml:
    mediaType: application/xml
    baseName: sitemap
    root: true
    isPlainText: true
    notAlternative: true
  headers:
    mediaType: text/x-headers
    baseName: _headers
    root: true
    isPlainText: true
    notAlternative: true
outputs:
  home: [html, atom, pledgesjson, pledgescsv]
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
  perPage: %d
  articlesOnSummary: %d
  feedEntries: %d
  statuses: [%s]
languages:
  zh:
    locale: zh-Hans
    label: 中文
    title: 部门擂台 · 军令状
    weight: 1
    contentDir: content/zh
    params:
      ogLocale: %s
  en:
    locale: en
    label: English
    title: The Department Arena · Pledges
    weight: 2
    contentDir: content/en
    disableKinds: [rss, sitemap, taxonomy, 404]
    params:
      ogLocale: %s
`

// hugoUnits is leitaiUnits as data for the Hugo templates: each unit's style
// per language with Leitai's defaults filled in, whether it is a measure word
// (whose words are each figure's noun), the magnitudes largest first.
const hugoUnits = `units:
  亿元:
    zh: {scale: 1, format: "{value}亿元", one: "", other: "", group: false, words: false, measure: false}
    en: {scale: 100000000, format: "{value} {unit}", one: yuan, other: yuan, group: false, words: true, measure: false}
  个:
    zh: {scale: 1, format: "{value}个", one: "", other: "", group: false, words: false, measure: true}
    en: {scale: 1, format: "{value} {unit}", one: "", other: "", group: true, words: false, measure: true}
magnitudes:
  zh: []
  en:
    - {value: 1000000000000, word: trillion}
    - {value: 1000000000, word: billion}
    - {value: 1000000, word: million}
`

// hugo is the noun in one language as a figure's noun: key in front matter,
// with what follows it; "" for none.
func (n *noun) hugo(pick func(pair) string) string {
	if n == nil {
		return ""
	}
	return fmt.Sprintf("noun: {one: %s, other: %s}, ", pick(pair{n.zh, n.one}), pick(pair{n.zh, n.other}))
}

func picker(lang string) func(pair) string {
	return func(p pair) string {
		if lang == "zh" {
			return p.zh
		}
		return p.en
	}
}

// hugo is the department as a Hugo page in one language: its data in front
// matter, its statement as the body. Dates are strings, as in Leitai's files.
func (d *Department) hugo(pick func(pair) string) string {
	var b strings.Builder
	b.Grow(8 << 10)
	fmt.Fprintf(&b, "---\ntitle: %s\nweight: %d\ngroups: [%s]\n", yamldoc.Scalar(pick(d.Name)), d.Order, d.Group)
	fmt.Fprintf(&b, "leader: %s\nleaderTitle: %s\n", yamldoc.Scalar(pick(d.Leader)), yamldoc.Scalar(pick(d.LeaderTitle)))
	b.WriteString("achievements:\n")
	for _, a := range d.Record {
		fmt.Fprintf(&b, "  - text: %s\n", yamldoc.Scalar(pick(a.Text)))
		if len(a.Metrics) > 0 {
			b.WriteString("    metrics:\n")
		}
		for _, m := range a.Metrics {
			fmt.Fprintf(&b, "      - {value: %d, unit: %s, %slabel: %s}\n", m.Value, m.Unit, m.Noun.hugo(pick), pick(m.Label))
		}
	}
	b.WriteString("pledges:\n")
	for _, p := range d.Pledges {
		fmt.Fprintf(&b, "  - text: %s\n", yamldoc.Scalar(pick(p.Text)))
		if t := p.Target; t != nil {
			fmt.Fprintf(&b, "    target: {value: %d, unit: %s, %scompare: %s}\n", t.Value, t.Unit, t.Noun.hugo(pick), t.Compare)
		}
		if p.Due != "" {
			basis := "stated"
			if p.DueInferred {
				basis = "inferred"
			}
			fmt.Fprintf(&b, "    due: \"%s\"\n    dueBasis: %s\n    dueWords: %s\n", p.Due, basis, p.DueWords)
		}
		fmt.Fprintf(&b, "    status: %s\n", p.Status)
		if u := p.Update; u != nil {
			fmt.Fprintf(&b, "    updates:\n      - date: \"%s\"\n        text: %s\n        source: %s\n        status: %s\n",
				u.Date, yamldoc.Scalar(pick(u.Text)), u.Source, p.Status)
		}
	}
	b.WriteString("---\n\n")
	b.WriteString(pick(d.Statement))
	return b.String()
}
