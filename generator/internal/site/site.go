// Package site plans the published site: which pages exist, in which languages,
// at which paths and URLs, and how they link to each other (language switch,
// previous and next department). It decides addresses only; it renders nothing
// and writes nothing.
package site

import (
	"net/url"
	"path"
	"strings"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
)

// Kind is what a page shows; each kind has its own template.
type Kind string

const (
	Summary    Kind = "summary"
	Department Kind = "department"
	Article    Kind = "article"
	Home       Kind = "home" // the root index.html that leads to the default language
	NotFound   Kind = "404"
	// Search is a language's search page. It is complete without JavaScript: it
	// says search needs it and links to the summary, which lists every pledge.
	Search Kind = "search"
)

// Page is one HTML file of the output.
type Page struct {
	Kind Kind
	Lang config.Language
	// Path is the output file, relative to the output folder, with forward slashes.
	Path string
	// Dir is the page's address relative to the base URL: "zh/departments/finance/".
	Dir string
	// Key identifies the page across languages: "departments/finance/".
	Key string

	Department *content.Department
	Prev, Next *content.Department
	Article    *content.Article
}

// Plan is every page of a site, and how to address them.
type Plan struct {
	cfg   *config.Config
	Pages []*Page
	byKey map[string]map[string]*Page // key → lang → page
}

// New plans the pages for a validated site.
func New(cfg *config.Config, s *content.Site) *Plan {
	p := &Plan{cfg: cfg, byKey: map[string]map[string]*Page{}}
	p.add(&Page{Kind: Home, Lang: cfg.Default(), Path: "index.html", Key: "home"})
	for _, l := range cfg.Languages {
		p.add(&Page{Kind: Summary, Lang: l, Key: ""})
		for i, d := range s.Departments {
			pg := &Page{Kind: Department, Lang: l, Key: "departments/" + d.Slug + "/", Department: d}
			if i > 0 {
				pg.Prev = s.Departments[i-1]
			}
			if i+1 < len(s.Departments) {
				pg.Next = s.Departments[i+1]
			}
			p.add(pg)
		}
		for _, slug := range s.ArticleSlugs {
			if a := s.Articles[slug][l.Code]; a != nil {
				p.add(&Page{Kind: Article, Lang: l, Key: "articles/" + slug + "/", Article: a})
			}
		}
		p.add(&Page{Kind: Search, Lang: l, Key: SearchKey})
	}
	p.add(&Page{Kind: NotFound, Lang: cfg.Default(), Path: "404.html", Key: "404"})
	return p
}

func (p *Plan) add(pg *Page) {
	if pg.Path == "" {
		pg.Dir = pg.Lang.Code + "/" + pg.Key
		pg.Path = pg.Dir + "index.html"
	}
	if p.byKey[pg.Key] == nil {
		p.byKey[pg.Key] = map[string]*Page{}
	}
	p.byKey[pg.Key][pg.Lang.Code] = pg
	p.Pages = append(p.Pages, pg)
}

// Config is the configuration the plan was made with.
func (p *Plan) Config() *config.Config { return p.cfg }

// RelURL is the page's address from the host's root, honouring a base URL with a
// sub-path: "/pledges/zh/departments/finance/".
func (p *Plan) RelURL(pg *Page) string {
	if pg.Kind == Home {
		return p.cfg.BasePath()
	}
	if pg.Kind == NotFound {
		return p.cfg.BasePath() + "404.html"
	}
	return p.cfg.BasePath() + pg.Dir
}

// Permalink is the page's absolute URL.
func (p *Plan) Permalink(pg *Page) string {
	u := *p.cfg.BaseURL
	u.Path = p.RelURL(pg)
	return u.String()
}

// AbsURL makes a path relative to the base URL absolute: "zh/" → "https://…/zh/".
func (p *Plan) AbsURL(rel string) string {
	u := *p.cfg.BaseURL
	u.Path = p.cfg.BasePath() + strings.TrimPrefix(rel, "/")
	return u.String()
}

// SearchKey is the search page's key in every language.
const SearchKey = "search/"

// DataPath is where a language's open-data file name is written, relative to the
// output folder: "zh/data/pledges.json". Data files sit beside the pages of their
// language, so a link from the summary stays within the language's folder.
func DataPath(lang, name string) string { return lang + "/data/" + name }

// DataURL is a data file's address from the host's root.
func (p *Plan) DataURL(lang, name string) string { return p.cfg.BasePath() + DataPath(lang, name) }

// Translation is the same page in another language, or nil.
func (p *Plan) Translation(pg *Page, lang string) *Page {
	return p.byKey[pg.Key][lang]
}

// Translations lists the page in every language it exists in, in config order.
func (p *Plan) Translations(pg *Page) []*Page {
	var out []*Page
	for _, l := range p.cfg.Languages {
		if t := p.byKey[pg.Key][l.Code]; t != nil {
			out = append(out, t)
		}
	}
	return out
}

// Indexable reports whether search engines should list the page: the summaries,
// departments and articles. The root page only leads to a language, and the
// not-found page is no content of its own.
func (pg *Page) Indexable() bool { return pg.Kind != Home && pg.Kind != NotFound }

// The crawler files sit at the root of the base URL, where robots.txt must be.
const (
	SitemapPath = "sitemap.xml"
	RobotsPath  = "robots.txt"
)

// FeedPath is the output file of the Atom feed in lang: "zh/atom.xml".
func (p *Plan) FeedPath(lang string) string { return lang + "/atom.xml" }

// FileURL is the address, from the host's root, of an output file named by its
// path: "zh/atom.xml" becomes "/pledges/zh/atom.xml".
func (p *Plan) FileURL(path string) string { return p.cfg.BasePath() + path }

// Lookup finds the page for key in lang: "" is the summary,
// "departments/finance/" a department.
func (p *Plan) Lookup(lang, key string) *Page { return p.byKey[key][lang] }

// DepartmentPage returns the department's page in lang.
func (p *Plan) DepartmentPage(lang string, d *content.Department) *Page {
	return p.Lookup(lang, "departments/"+d.Slug+"/")
}

// Resolve maps a link an editor wrote in Markdown, relative to the site and without
// the language ("/departments/finance/", "/articles/x/#part"), to the URL of that
// page in lang. ok is false when there is no such page.
func (p *Plan) Resolve(lang, dest string) (string, bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return dest, false
	}
	key := strings.TrimPrefix(path.Clean("/"+u.Path), "/")
	if key != "" {
		key += "/"
	}
	pg := p.Lookup(lang, key)
	if pg == nil {
		return dest, false
	}
	out := p.RelURL(pg)
	if u.Fragment != "" {
		out += "#" + u.EscapedFragment()
	}
	return out, true
}
