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
	// Summary is a language's summary of an edition: the home page (key ""),
	// which leads with the newest edition, and, on a site of several editions,
	// each edition's own at editions/<id>/.
	Summary Kind = "summary"
	// Department is a department's page at departments/<slug>/: on a site of
	// one edition, the department as it stood there; on a site of several,
	// the department across editions, its newest record and pledges first.
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
	// Appearance is a department as it stood in one edition, at
	// editions/<id>/departments/<slug>/, on a site of several editions. It is
	// drawn by the department page's template.
	Appearance Kind = "appearance"
	// Archive lists every edition, at editions/, on a site of several.
	Archive Kind = "archive"
	// Redirect leads from an address whose page moved to where it is now
	// (a meta refresh and a canonical link; no script).
	Redirect Kind = "redirect"
)

// The page budget. A listing page holds at most PerPage department cards or
// article teasers: under 70 KB of HTML with eight pledges a card, a size a phone
// on a slow network still opens quickly. A site of up to PerPage departments keeps
// its one summary page with every card; a larger one gets a summary that lists the
// groups, and each group its own pages of PerPage cards at groups/<id>/ and
// groups/<id>/page/<n>/. The summary shows the ArticlesOnSummary newest articles;
// when there are more, they are listed at articles/ and articles/page/<n>/.
// The archive lists EditionsPerPage editions a page.
const (
	PerPage           = 50
	ArticlesOnSummary = 5
	EditionsPerPage   = 20
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

	// Edition is the edition the page shows: a summary's, a department's
	// (its newest appearance's, on a page across editions), a report's.
	Edition    *content.Edition
	Department *content.Department
	Prev, Next *content.Department
	// Appearances are a Department page's department in every edition it
	// stood in, newest first, on a site of several editions; nil otherwise.
	Appearances []*content.Department
	Article     *content.Article

	// A listing page (Group, Articles, Archive) shows one slice of its list.
	Group       *content.Group
	Departments []*content.Department // a Group page's cards
	ArticleList []*content.Article    // an Articles page's teasers
	EditionList []*content.Edition    // an Archive page's editions, newest first
	Pager       *Pager
	// Sections is the part of an Article page's report, [first, end) of its
	// sections (0 is the text before the first "##" heading).
	Sections [2]int
	// Target is where a Redirect page leads.
	Target *Page
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
	// shows lists, by department (edition and slug), the indexes in Pages of
	// the pages that show the department: its own, its neighbours', its
	// group's listing page, its edition's summary, the page across editions.
	shows map[appearance][]int
	// Multi is true when the site has several editions: each has its own
	// pages under editions/<id>/, and a department's page spans them.
	Multi bool
	// paged is true, by edition, when the edition's summary lists its groups
	// and each group has its pages.
	paged map[string]bool
	// groupDepartments lists, by edition and group, the departments by order.
	groupDepartments map[string]map[string][]*content.Department
	// coveredBy lists, by department slug, the slugs of the articles that link
	// to it, newest first. Worked out once per plan from what each article's
	// loader recorded, and kept by Rebind, whose edits leave articles alone.
	coveredBy map[string][]string
}

type appearance struct{ edition, slug string }

// New plans the pages for a validated site. A site of one edition has the
// pages it always had; a site of several adds, in each language, an archive of
// the editions, each edition's summary and department pages under
// editions/<id>/, and makes each department's page span its editions. The home
// summary leads with the newest edition either way.
func New(cfg *config.Config, s *content.Site) *Plan {
	x := s.Index()
	newest := s.Newest()
	p := &Plan{cfg: cfg, byKey: map[string]map[string]*Page{}, Multi: len(s.Editions) > 1,
		paged: map[string]bool{}, groupDepartments: map[string]map[string][]*content.Department{}}
	for _, e := range s.Editions {
		byGroup := map[string][]*content.Department{}
		for _, d := range x.Departments(e.ID) {
			byGroup[d.Group] = append(byGroup[d.Group], d)
		}
		p.groupDepartments[e.ID] = byGroup
		p.paged[e.ID] = len(x.Departments(e.ID)) > PerPage
	}
	var articles []*content.Article
	p.add(&Page{Kind: Home, Lang: cfg.Default(), Path: "index.html", Key: "home"})
	for _, l := range cfg.Languages {
		p.add(&Page{Kind: Summary, Lang: l, Key: "", Edition: newest})
		if p.Multi {
			p.paginate(l, "editions/", evenRanges(len(s.Editions), EditionsPerPage), func(pg *Page, lo, hi int) {
				pg.Kind = Archive
				for i := len(s.Editions) - 1 - lo; i > len(s.Editions)-1-hi; i-- {
					pg.EditionList = append(pg.EditionList, s.Editions[i])
				}
			})
			for i := len(s.Editions) - 1; i >= 0; i-- {
				e := s.Editions[i]
				p.add(&Page{Kind: Summary, Lang: l, Key: EditionKey(e.ID), Edition: e})
				p.groupPages(l, s, e, EditionKey(e.ID))
			}
		} else if newest != nil {
			p.groupPages(l, s, newest, "")
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
		if p.Multi {
			p.crossPages(l, s)
			for i := len(s.Editions) - 1; i >= 0; i-- {
				e := s.Editions[i]
				p.departmentPages(l, Appearance, EditionKey(e.ID), e, x.Departments(e.ID))
			}
		} else if newest != nil {
			p.departmentPages(l, Department, "", newest, s.Departments)
		}
		for _, slug := range s.ArticleSlugs {
			a := s.Articles[slug][l.Code]
			if a == nil {
				continue
			}
			// A long report is read in parts, cut at the same sections in every
			// language so the language switch leads to the same part.
			parts := articleParts(s.Articles[slug], p.codes())
			e := x.Edition(a.EditionID)
			p.pages(l, "articles/"+slug+"/", "%d/", parts, func(pg *Page, lo, hi int) {
				pg.Kind, pg.Article, pg.Edition = Article, a, e
				pg.Sections = [2]int{lo, hi}
			})
		}
		if p.Multi {
			p.groupRedirects(l, s)
		}
		p.add(&Page{Kind: Search, Lang: l, Key: SearchKey})
	}
	p.add(&Page{Kind: NotFound, Lang: cfg.Default(), Path: "404.html", Key: "404"})
	p.indexShows(s)
	p.coveredBy = coverage(s)
	return p
}

// EditionKey is the key of an edition's summary, under which its other pages
// sit: "editions/4/".
func EditionKey(id string) string { return "editions/" + id + "/" }

// groupPages plans an edition's group pages under prefix ("" for the home's,
// on a site of one edition), when its summary is paged.
func (p *Plan) groupPages(l config.Language, s *content.Site, e *content.Edition, prefix string) {
	if !p.paged[e.ID] {
		return
	}
	for i := range s.Groups {
		g := &s.Groups[i]
		ds := p.groupDepartments[e.ID][g.ID]
		p.paginate(l, prefix+"groups/"+g.ID+"/", evenRanges(len(ds), PerPage), func(pg *Page, lo, hi int) {
			pg.Kind, pg.Group, pg.Departments, pg.Edition = Group, g, ds[lo:hi], e
		})
	}
}

// departmentPages plans one page per department of an edition, under prefix,
// each with its neighbours in the edition.
func (p *Plan) departmentPages(l config.Language, kind Kind, prefix string, e *content.Edition, depts []*content.Department) {
	for i, d := range depts {
		pg := &Page{Kind: kind, Lang: l, Key: prefix + "departments/" + d.Slug + "/", Department: d, Edition: e}
		pg.Prev, pg.Next = neighbours(depts, i)
		p.add(pg)
	}
}

// neighbours are the departments before and after the i-th of depts, nil at
// either end.
func neighbours(depts []*content.Department, i int) (prev, next *content.Department) {
	if i > 0 {
		prev = depts[i-1]
	}
	if i+1 < len(depts) {
		next = depts[i+1]
	}
	return prev, next
}

// crossPages plans each department's page across editions, in the order of
// its newest appearance: the newest edition's departments first, in summary
// order. Its neighbours are those of its newest appearance.
func (p *Plan) crossPages(l config.Language, s *content.Site) {
	x := s.Index()
	seen := map[string]bool{}
	for i := len(s.Editions) - 1; i >= 0; i-- {
		e := s.Editions[i]
		depts := x.Departments(e.ID)
		for j, d := range depts {
			if seen[d.Slug] {
				continue
			}
			seen[d.Slug] = true
			pg := &Page{Kind: Department, Lang: l, Key: "departments/" + d.Slug + "/", Department: d, Edition: e,
				Appearances: x.Appearances(d.Slug)}
			pg.Prev, pg.Next = neighbours(depts, j)
			p.add(pg)
		}
	}
}

// groupRedirects keeps the addresses of a paged home's group pages, which a
// site of one edition had at groups/<id>/: on a site of several they lead to
// the group's page of the newest edition that has it.
func (p *Plan) groupRedirects(l config.Language, s *content.Site) {
	for i := range s.Groups {
		g := s.Groups[i].ID
		for n := 1; ; n++ {
			suffix := "groups/" + g + "/"
			if n > 1 {
				suffix += fmt.Sprintf("page/%d/", n)
			}
			var target *Page
			for j := len(s.Editions) - 1; j >= 0 && target == nil; j-- {
				target = p.Lookup(l.Code, EditionKey(s.Editions[j].ID)+suffix)
			}
			if target == nil {
				break
			}
			p.add(&Page{Kind: Redirect, Lang: l, Key: suffix, Target: target})
		}
	}
}

// EditionPaged reports whether an edition's summary lists its groups, each
// with pages of its own.
func (p *Plan) EditionPaged(id string) bool { return p.paged[id] }

// GroupDepartments lists a group's departments in an edition, by order.
func (p *Plan) GroupDepartments(edition, group string) []*content.Department {
	return p.groupDepartments[edition][group]
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

// indexShows records which pages show each department: those that hold it
// (its page, its neighbours', its group's listing, the page across editions)
// and those that count it (its edition's summary, the home's when its edition
// is the newest, the archive page that lists its edition).
func (p *Plan) indexShows(s *content.Site) {
	p.shows = map[appearance][]int{}
	note := func(d *content.Department, i int) {
		if d == nil {
			return
		}
		k := appearance{d.EditionID, d.Slug}
		if l := p.shows[k]; len(l) == 0 || l[len(l)-1] != i {
			p.shows[k] = append(l, i)
		}
	}
	x := s.Index()
	for i, pg := range p.Pages {
		note(pg.Department, i)
		note(pg.Prev, i)
		note(pg.Next, i)
		for _, d := range pg.Departments {
			note(d, i)
		}
		for _, d := range pg.Appearances {
			note(d, i)
		}
		switch {
		case pg.Kind == Summary && pg.Edition != nil:
			for _, d := range x.Departments(pg.Edition.ID) {
				note(d, i)
			}
		case pg.Kind == Archive:
			// An archive page counts only the editions it lists.
			for _, e := range pg.EditionList {
				for _, d := range x.Departments(e.ID) {
					note(d, i)
				}
			}
		}
	}
}

// Showing lists the pages that show the department with slug in the edition:
// its own page, its neighbours' pages, the listing page with its card, the
// summaries and the archive page that count it, in every language.
func (p *Plan) Showing(edition, slug string) []*Page {
	k := appearance{edition, slug}
	out := make([]*Page, 0, len(p.shows[k]))
	for _, i := range p.shows[k] {
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
func DataPath(lang, name string) string { return DataPathIn(lang, "", name) }

// DataPathIn is where a data file of what the pages under prefix show is
// written: "zh/editions/4/data/pledges.json" for prefix "editions/4/".
func DataPathIn(lang, prefix, name string) string { return lang + "/" + prefix + "data/" + name }

// The open data's files, in each language's data/ folder and each edition's.
const (
	DataJSON   = "pledges.json"
	DataCSV    = "pledges.csv"
	DataSchema = "pledges.schema.json"
)

// DataLinks are the addresses, from the host's root, of the open data the
// summaries link to.
type DataLinks struct{ JSON, Schema, CSV string }

// DataLinks are the addresses of an edition's open data in lang, or of the
// whole publication's for edition "".
func (p *Plan) DataLinks(lang, edition string) DataLinks {
	prefix := p.DataPrefix(edition)
	url := func(file string) string { return p.cfg.BasePath() + DataPathIn(lang, prefix, file) }
	return DataLinks{JSON: url(DataJSON), Schema: url(DataSchema), CSV: url(DataCSV)}
}

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
// departments and articles. The root page only leads to a language, a
// redirect to another page, and the not-found page is no content of its own.
func (pg *Page) Indexable() bool {
	return pg.Kind != Home && pg.Kind != NotFound && pg.Kind != Redirect
}

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

// DepartmentPage returns the page of the department as it stood in its
// edition, in lang: departments/<slug>/ on a site of one edition, and
// editions/<id>/departments/<slug>/ on a site of several.
func (p *Plan) DepartmentPage(lang string, d *content.Department) *Page {
	if p.Multi {
		return p.Lookup(lang, EditionKey(d.EditionID)+"departments/"+d.Slug+"/")
	}
	return p.Lookup(lang, "departments/"+d.Slug+"/")
}

// CrossPage returns the department's one page across editions, in lang: on a
// site of one edition, its page.
func (p *Plan) CrossPage(lang, slug string) *Page { return p.Lookup(lang, "departments/"+slug+"/") }

// DepartmentLink is the page a link to d from the page from leads to: from the
// home summary and from pages across editions, the department's page across
// editions; from an edition's pages, its page in that edition.
func (p *Plan) DepartmentLink(from *Page, d *content.Department) *Page {
	if p.Multi && (from.Key == "" || from.Kind == Department) {
		return p.CrossPage(from.Lang.Code, d.Slug)
	}
	return p.DepartmentPage(from.Lang.Code, d)
}

// EditionPage returns the edition's summary in lang: the home summary on a
// site of one edition.
func (p *Plan) EditionPage(lang, id string) *Page {
	if p.Multi {
		return p.Lookup(lang, EditionKey(id))
	}
	return p.Lookup(lang, "")
}

// GroupPage returns the first page of a group's cards in an edition, in lang,
// or nil when the edition's summary is not paged.
func (p *Plan) GroupPage(lang, edition, id string) *Page {
	if p.Multi {
		return p.Lookup(lang, EditionKey(edition)+"groups/"+id+"/")
	}
	return p.Lookup(lang, "groups/"+id+"/")
}

// DataPrefix is where an edition's open data sit, relative to a language's
// folder: "" for the whole publication (and the one edition of a site of one),
// "editions/4/" for an edition of a site of several.
func (p *Plan) DataPrefix(edition string) string {
	if p.Multi && edition != "" {
		return EditionKey(edition)
	}
	return ""
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
