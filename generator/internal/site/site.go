// Package site plans the published site: which pages exist, in which languages,
// at which paths and URLs, and how they link to each other (language switch,
// previous and next department). It decides addresses only; it renders nothing
// and writes nothing.
package site

import (
	"fmt"
	"math"
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
	// Group is one page of a group's department cards, planned only when the
	// summary is too big for one page (see PerPage).
	Group Kind = "group"
	// Articles is one page of the list of articles, planned only when there are more
	// than the summary shows.
	Articles Kind = "articles"
)

// The page budget. A listing page holds at most PerPage department cards or
// article teasers: under 70 KB of HTML with eight pledges a card, a size a phone
// on a slow network still opens quickly. A site of up to PerPage departments keeps
// its one summary page with every card; a larger one gets a summary that lists the
// groups, and each group its own pages of PerPage cards at groups/<id>/ and
// groups/<id>/page/<n>/. The summary shows the ArticlesOnSummary newest articles;
// when there are more, they are listed at articles/ and articles/page/<n>/.
const (
	PerPage           = 50
	ArticlesOnSummary = 5
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
	// URL is the page's address from the host's root, honouring a base URL
	// with a sub-path ("/pledges/zh/departments/finance/"); Permalink is its
	// absolute URL. Worked out once, when the page is planned: every page
	// that links to it, the sitemap and the feeds read them.
	URL, Permalink string

	Department *content.Department
	Prev, Next *content.Department
	Article    *content.Article

	// A listing page (Group, Articles) shows one slice of its list.
	Group       *content.Group
	Departments []*content.Department // a Group page's cards
	ArticleList []*content.Article    // an Articles page's teasers
	Pager       *Pager
	// Sections is the part of an Article page's report, [first, end) of its
	// sections (0 is the text before the first "##" heading).
	Sections [2]int
}

// Pager places a listing page among the pages of its list.
type Pager struct {
	Number, Total int // 1-based
	First         *Page
	Prev, Next    *Page // nil at either end
}

// Plan is every page of a site, and how to address them.
type Plan struct {
	cfg   *config.Config
	Pages []*Page
	byKey map[string]map[string]*Page // key → lang → page
	// rebound holds the pages Rebind replaced, by key, ahead of byKey: copying
	// byKey whole for each edit would cost more than the edit's pages.
	rebound map[string]map[string]*Page
	// shows lists, by department slug, the indexes in Pages of the pages that
	// show the department: its own, its neighbours' and its group's listing page.
	shows map[string][]int
	// Paged is true when the summary lists groups and each group has its pages.
	Paged bool
	// GroupDepartments lists each group's departments by order.
	GroupDepartments map[string][]*content.Department
	// coveredBy lists, by department slug, the slugs of the articles that link
	// to it, newest first. Worked out once per plan from what each article's
	// loader recorded, and kept by Rebind, whose edits leave articles alone.
	coveredBy map[string][]string
}

// New plans the pages for a validated site.
func New(cfg *config.Config, s *content.Site) *Plan {
	p := &Plan{cfg: cfg, byKey: map[string]map[string]*Page{}, Paged: len(s.Departments) > PerPage,
		GroupDepartments: map[string][]*content.Department{}}
	for _, d := range s.Departments {
		p.GroupDepartments[d.Group] = append(p.GroupDepartments[d.Group], d)
	}
	var articles []*content.Article
	p.add(&Page{Kind: Home, Lang: cfg.Default(), Path: "index.html", Key: "home"})
	for _, l := range cfg.Languages {
		p.add(&Page{Kind: Summary, Lang: l, Key: ""})
		if p.Paged {
			for i := range s.Groups {
				g := &s.Groups[i]
				ds := p.GroupDepartments[g.ID]
				p.paginate(l, "groups/"+g.ID+"/", evenRanges(len(ds), PerPage), func(pg *Page, lo, hi int) {
					pg.Kind, pg.Group, pg.Departments = Group, g, ds[lo:hi]
				})
			}
		}
		articles = articles[:0]
		for _, slug := range s.ArticleSlugs {
			if a := s.Articles[slug][l.Code]; a != nil {
				articles = append(articles, a)
			}
		}
		if len(articles) > ArticlesOnSummary {
			list := append([]*content.Article(nil), articles...)
			p.paginate(l, "articles/", evenRanges(len(list), PerPage), func(pg *Page, lo, hi int) {
				pg.Kind, pg.ArticleList = Articles, list[lo:hi]
			})
		}
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
			a := s.Articles[slug][l.Code]
			if a == nil {
				continue
			}
			// A long report is read in parts, cut at the same sections in every
			// language so the language switch leads to the same part.
			parts := articleParts(s.Articles[slug], p.codes())
			p.pages(l, "articles/"+slug+"/", "%d/", parts, func(pg *Page, lo, hi int) {
				pg.Kind, pg.Article = Article, a
				pg.Sections = [2]int{lo, hi}
			})
		}
		p.add(&Page{Kind: Search, Lang: l, Key: SearchKey})
	}
	p.add(&Page{Kind: NotFound, Lang: cfg.Default(), Path: "404.html", Key: "404"})
	p.indexShows()
	p.coveredBy = coverage(s)
	return p
}

func coverage(s *content.Site) map[string][]string {
	out := map[string][]string{}
	for _, a := range s.ArticleSlugs {
		seen := map[string]bool{}
		for _, version := range s.Articles[a] {
			for _, d := range version.Covers {
				if !seen[d] {
					seen[d] = true
					out[d] = append(out[d], a)
				}
			}
		}
	}
	return out
}

// CoveredBy lists the articles that link to the department with slug, newest
// first: the reports that covered it.
func (p *Plan) CoveredBy(slug string) []string { return p.coveredBy[slug] }

// indexShows records which pages show each department.
func (p *Plan) indexShows() {
	p.shows = map[string][]int{}
	note := func(d *content.Department, i int) {
		if d == nil {
			return
		}
		if l := p.shows[d.Slug]; len(l) == 0 || l[len(l)-1] != i {
			p.shows[d.Slug] = append(l, i)
		}
	}
	for i, pg := range p.Pages {
		note(pg.Department, i)
		note(pg.Prev, i)
		note(pg.Next, i)
		for _, d := range pg.Departments {
			note(d, i)
		}
	}
}

// Showing lists the pages that show the department with slug: its own page, its
// neighbours' pages and the listing page with its card, in every language.
func (p *Plan) Showing(slug string) []*Page {
	out := make([]*Page, 0, len(p.shows[slug]))
	for _, i := range p.shows[slug] {
		out = append(out, p.Pages[i])
	}
	return out
}

// paginate plans the pages of a list at key, key+"page/2/", …: one page per
// range of items; fill gives each page its kind and its slice [lo, hi).
func (p *Plan) paginate(l config.Language, key string, ranges [][2]int, fill func(pg *Page, lo, hi int)) {
	p.pages(l, key, "page/%d/", ranges, fill)
}

// ArticlePartBytes is the most Markdown a part of a report holds before the
// report is read in parts: with the page's frame, about 30 KB of HTML and CSS.
const ArticlePartBytes = 14000

// articleParts cuts a report into parts of whole sections, none over
// ArticlePartBytes in the longest language where that can be helped. Every
// language is cut at the same sections, so the parts line up; a report whose
// translations differ in their sections stays one page.
func articleParts(versions map[string]*content.Article, langs []string) [][2]int {
	var longest *content.Article
	n := -1
	for _, l := range langs {
		a := versions[l]
		if a == nil {
			continue
		}
		if n >= 0 && len(a.Sections()) != n {
			n = -2
			break
		}
		n = len(a.Sections())
		if longest == nil || len(a.Body) > len(longest.Body) {
			longest = a
		}
	}
	whole := [][2]int{{0, math.MaxInt}}
	if longest == nil || n < 2 || len(longest.Body) <= ArticlePartBytes {
		return whole
	}
	sizes := longest.SectionSizes()
	var out [][2]int
	lo, size := 0, 0
	for i, sz := range sizes {
		if i > lo && size+sz > ArticlePartBytes {
			out = append(out, [2]int{lo, i})
			lo, size = i, 0
		}
		size += sz
	}
	return append(out, [2]int{lo, len(sizes)})
}

// evenRanges cuts n items into ranges of per.
func evenRanges(n, per int) [][2]int {
	var out [][2]int
	for lo := 0; lo < n; lo += per {
		out = append(out, [2]int{lo, min(lo+per, n)})
	}
	return out
}

// pages plans one page per range at key and key+fmt.Sprintf(more, n) for n ≥ 2,
// linked by a Pager.
func (p *Plan) pages(l config.Language, key, more string, ranges [][2]int, fill func(pg *Page, lo, hi int)) {
	total := len(ranges)
	var first, prev *Page
	for i := 0; i < total; i++ {
		pg := &Page{Lang: l, Key: key, Pager: &Pager{Number: i + 1, Total: total, First: first, Prev: prev}}
		if i > 0 {
			pg.Key = key + fmt.Sprintf(more, i+1)
		} else {
			first = pg
			pg.Pager.First = pg
		}
		fill(pg, ranges[i][0], ranges[i][1])
		if prev != nil {
			prev.Pager.Next = pg
		}
		prev = pg
		p.add(pg)
	}
}

func (p *Plan) add(pg *Page) {
	if pg.Path == "" {
		pg.Dir = pg.Lang.Code + "/" + pg.Key
		pg.Path = pg.Dir + "index.html"
	}
	pg.URL = p.relURL(pg)
	u := *p.cfg.BaseURL
	u.Path = pg.URL
	pg.Permalink = u.String()
	if p.byKey[pg.Key] == nil {
		p.byKey[pg.Key] = map[string]*Page{}
	}
	p.byKey[pg.Key][pg.Lang.Code] = pg
	p.Pages = append(p.Pages, pg)
}

func (p *Plan) codes() []string { return p.cfg.Codes() }

// Config is the configuration the plan was made with.
func (p *Plan) Config() *config.Config { return p.cfg }

// RelURL is the page's address from the host's root, honouring a base URL with a
// sub-path: "/pledges/zh/departments/finance/".
func (p *Plan) RelURL(pg *Page) string { return pg.URL }

// Permalink is the page's absolute URL.
func (p *Plan) Permalink(pg *Page) string { return pg.Permalink }

func (p *Plan) relURL(pg *Page) string {
	if pg.Kind == Home {
		return p.cfg.BasePath()
	}
	if pg.Kind == NotFound {
		return p.cfg.BasePath() + "404.html"
	}
	return p.cfg.BasePath() + pg.Dir
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

// translations is the page at key in every language.
func (p *Plan) translations(key string) map[string]*Page {
	if m, ok := p.rebound[key]; ok {
		return m
	}
	return p.byKey[key]
}

// Translation is the same page in another language, or nil.
func (p *Plan) Translation(pg *Page, lang string) *Page {
	return p.translations(pg.Key)[lang]
}

// Translations lists the page in every language it exists in, in config order.
func (p *Plan) Translations(pg *Page) []*Page {
	var out []*Page
	ts := p.translations(pg.Key)
	for _, l := range p.cfg.Languages {
		if t := ts[l.Code]; t != nil {
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
func (p *Plan) Lookup(lang, key string) *Page { return p.translations(key)[lang] }

// DepartmentPage returns the department's page in lang.
func (p *Plan) DepartmentPage(lang string, d *content.Department) *Page {
	return p.Lookup(lang, "departments/"+d.Slug+"/")
}

// GroupPage returns the first page of a group's cards in lang, or nil when the
// summary is not paged.
func (p *Plan) GroupPage(lang, id string) *Page { return p.Lookup(lang, "groups/"+id+"/") }

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
