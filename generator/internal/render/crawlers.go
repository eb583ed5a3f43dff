package render

import (
	"fmt"
	"sort"
	"time"

	"leitai/generator/internal/feeds"
	"leitai/generator/internal/site"
)

// File is one generated file that is not a page: the sitemap, robots.txt, a feed.
type File struct {
	Path string // relative to the output folder, forward slashes
	Data []byte
}

// contentDate is the date of the newest article: the date of a department page
// that no article covers. Zero when the site has no article.
func (r *Renderer) contentDate() time.Time {
	if len(r.content.ArticleSlugs) == 0 {
		return time.Time{}
	}
	// ArticleSlugs is newest first.
	return r.articleDate(r.content.ArticleSlugs[0])
}

func (r *Renderer) articleDate(slug string) time.Time {
	var newest time.Time
	for _, a := range r.content.Articles[slug] {
		if a.Date.After(newest) {
			newest = a.Date
		}
	}
	return newest
}

// coveredBy lists the articles that link to a department, newest first. It is
// worked out once per renderer, from what each article's loader recorded, so a
// site with a thousand reports does not search them for every page.
func (r *Renderer) coveredBy(slug string) []string {
	r.coverOnce.Do(func() {
		r.covered = map[string][]string{}
		for _, a := range r.content.ArticleSlugs {
			seen := map[string]bool{}
			for _, version := range r.content.Articles[a] {
				for _, d := range version.Covers {
					if !seen[d] {
						seen[d] = true
						r.covered[d] = append(r.covered[d], a)
					}
				}
			}
		}
	})
	return r.covered[slug]
}

// pageDate is when a page's content last changed, for the sitemap and feeds: a
// department page changes with the newest update to one of its pledges.
func (r *Renderer) pageDate(pg *site.Page) time.Time {
	if pg.Article != nil {
		return pg.Article.Date
	}
	newest := r.contentDate()
	if pg.Department != nil {
		// A department page shows what the newest report that covered it said.
		if covers := r.coveredBy(pg.Department.Slug); len(covers) > 0 {
			newest = r.articleDate(covers[0])
		}
		for _, p := range pg.Department.Pledges {
			for _, u := range p.Updates {
				if u.Date.After(newest) {
					newest = u.Date
				}
			}
		}
	}
	return newest
}

// Files renders the sitemap, robots.txt and one Atom feed per language.
func (r *Renderer) Files() ([]File, error) {
	var out []File
	var urls []feeds.URL
	for _, pg := range r.plan.Pages {
		if !pg.Indexable() {
			continue
		}
		u := feeds.URL{Loc: r.plan.Permalink(pg), LastMod: r.pageDate(pg)}
		for _, a := range r.alternates(pg) {
			u.Alternates = append(u.Alternates, feeds.Alternate{Hreflang: a.Hreflang, Href: a.Permalink})
		}
		urls = append(urls, u)
	}
	sitemap, err := feeds.Sitemap(urls)
	if err != nil {
		return nil, err
	}
	out = append(out,
		File{Path: site.SitemapPath, Data: sitemap},
		File{Path: site.RobotsPath, Data: feeds.Robots(r.plan.AbsURL(site.SitemapPath))})

	for _, l := range r.cfg.Languages {
		atom, err := r.feed(l.Code)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: r.plan.FeedPath(l.Code), Data: atom})
	}
	return out, nil
}

// feed lists the language's articles and department pages.
func (r *Renderer) feed(lang string) ([]byte, error) {
	summary := r.plan.Lookup(lang, "")
	v := &View{r: r, Page: summary, Lang: lang}
	intro, err := v.T("summary_description")
	if err != nil {
		return nil, err
	}
	f := feeds.Feed{
		Lang:     summary.Lang.Lang,
		Title:    v.SiteTitle(),
		Subtitle: intro,
		ID:       r.plan.Permalink(summary),
		Self:     r.plan.AbsURL(r.plan.FeedPath(lang)),
		Link:     r.plan.Permalink(summary),
		Author:   v.SiteTitle(),
	}
	// Changes of a pledge's status first, newest first, so a follower learns when a
	// pledge is kept or missed; then the report and the departments it covers.
	changes, err := r.statusChanges(v)
	if err != nil {
		return nil, err
	}
	f.Entries = append(f.Entries, changes...)
	// The report first, then the departments it covers.
	var pages []*site.Page
	for _, kind := range []site.Kind{site.Article, site.Department} {
		for _, pg := range r.plan.Pages {
			// A report read in parts is one entry, at its first part.
			if pg.Lang.Code == lang && pg.Kind == kind && (pg.Pager == nil || pg.Pager.Number == 1) {
				pages = append(pages, pg)
			}
		}
	}
	for _, pg := range pages {
		pv := &View{r: r, Page: pg, Lang: lang}
		e := feeds.Entry{URL: r.plan.Permalink(pg), Published: r.pageDate(pg), Updated: r.pageDate(pg)}
		if pg.Article != nil {
			e.Title, e.Summary = pg.Article.Title, pg.Article.Lead
		} else {
			e.Title = pv.Text(pg.Department.Name)
			if e.Summary, err = pv.DepartmentDescription(); err != nil {
				return nil, err
			}
		}
		f.Entries = append(f.Entries, e)
	}
	return feeds.Atom(f)
}

// statusChanges is one feed entry per update that moved a pledge to a status.
func (r *Renderer) statusChanges(v *View) ([]feeds.Entry, error) {
	var out []feeds.Entry
	for _, d := range r.content.Departments {
		page := r.plan.Permalink(r.plan.DepartmentPage(v.Lang, d))
		for i, p := range d.Pledges {
			for _, u := range p.Updates {
				if u.Status == "" {
					continue
				}
				label, err := v.StatusLabel(u.Status)
				if err != nil {
					return nil, err
				}
				title, err := v.Tf("feed_status_title", "name", v.Text(d.Name), "n", fmt.Sprint(i+1), "status", label)
				if err != nil {
					return nil, err
				}
				anchor := fmt.Sprintf("pledge-%d", i+1)
				out = append(out, feeds.Entry{
					Title:     title,
					URL:       page + "#" + anchor,
					ID:        page + "#" + anchor + "-" + u.Date.Format("2006-01-02") + "-" + u.Status,
					Summary:   v.Text(p.Text) + " — " + v.Text(u.Text),
					Published: u.Date,
					Updated:   u.Date,
				})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Updated.After(out[j].Updated) })
	return out, nil
}
