package render

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"leitai/generator/internal/content"
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
		// Validation requires a report or the event's date: the newest
		// edition's, when the site names its editions, else config.yaml's.
		if e := r.content.Newest(); e != nil && !e.Date.IsZero() {
			return e.Date
		}
		return r.cfg.EventDate
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

// coveredBy lists the articles that link to a department, newest first.
func (r *Renderer) coveredBy(slug string) []string { return r.plan.CoveredBy(slug) }

// editionDate is the date of an edition's newest report, or the edition's own
// date when it has none. Every edition's is worked out once, the first time
// one is asked for: every page of an edition asks.
func (r *Renderer) editionDate(e *content.Edition) time.Time {
	r.datesOnce.Do(func() {
		r.dates = make(map[string]time.Time, len(r.content.Editions))
		for _, slug := range r.content.ArticleSlugs { // newest first
			if a := r.content.AnyArticle(slug); a != nil {
				if _, ok := r.dates[a.EditionID]; !ok {
					r.dates[a.EditionID] = r.articleDate(slug)
				}
			}
		}
	})
	if d, ok := r.dates[e.ID]; ok {
		return d
	}
	return e.Date
}

// pageDate is when a page's content last changed, for the sitemap and feeds: a
// department page changes with the newest update to one of its pledges. On a
// site of several editions, an edition's pages date from the edition.
func (r *Renderer) pageDate(pg *site.Page) time.Time {
	if pg.Article != nil {
		return pg.Article.Date
	}
	newest := r.contentDate()
	ofEdition := r.plan.Multi && pg.Edition != nil && pg.Key != "" && pg.Kind != site.Department
	if ofEdition {
		newest = r.editionDate(pg.Edition)
	}
	if pg.Department != nil {
		// A department page shows what the newest report that covered it said:
		// on its page in one edition, the newest report of that edition.
		for _, slug := range r.coveredBy(pg.Department.Slug) {
			if !ofEdition || r.content.AnyArticle(slug).EditionID == pg.Edition.ID {
				newest = r.articleDate(slug)
				break
			}
		}
		depts := []*content.Department{pg.Department}
		if pg.Kind == site.Department && pg.Appearances != nil {
			depts = pg.Appearances
		}
		for _, d := range depts {
			for _, p := range d.Pledges {
				for _, u := range p.Updates {
					if u.Date.After(newest) {
						newest = u.Date
					}
				}
			}
		}
	}
	return newest
}

// WriteSitemap writes the sitemap: every page readers and crawlers should find,
// with its date and its versions in every language, a page at a time.
func (r *Renderer) WriteSitemap(w io.Writer) error {
	return feeds.WriteSitemap(w, func(yield func(feeds.URL) bool) {
		for _, pg := range r.plan.Pages {
			if !pg.Indexable() {
				continue
			}
			as := r.alternates(pg)
			alts := make([]feeds.Alternate, len(as))
			for i, a := range as {
				alts[i] = feeds.Alternate{Hreflang: a.Hreflang, Href: a.Permalink}
			}
			if !yield(feeds.URL{Loc: pg.Permalink, LastMod: r.pageDate(pg), Alternates: alts}) {
				return
			}
		}
	})
}

// Files renders robots.txt and one Atom feed per language. The sitemap, too
// large to hold, is written by WriteSitemap.
func (r *Renderer) Files() ([]File, error) {
	out := []File{{Path: site.RobotsPath, Data: feeds.Robots(r.plan.AbsURL(site.SitemapPath))}}
	for _, l := range r.cfg.Languages {
		atom, err := r.feed(l.Code)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: r.plan.FeedPath(l.Code), Data: atom})
	}
	return out, nil
}

// FeedEntries is how many entries a feed holds: the newest. A feed is polled by
// readers' apps, often on a phone's data plan; at ten thousand departments a feed
// of every page was 45 MB, and a reader subscribes to hear what is new.
const FeedEntries = 50

// feed lists the language's newest news: changes of a pledge's status, reports
// and department pages, newest first, FeedEntries of them.
func (r *Renderer) feed(lang string) ([]byte, error) {
	summary := r.plan.Lookup(lang, "")
	lc := r.locales[lang]
	if lc.err != nil {
		return nil, lc.err
	}
	f := feeds.Feed{
		Lang:     summary.Lang.Lang,
		Title:    lc.site.Title,
		Subtitle: lc.site.Description,
		ID:       summary.Permalink,
		Self:     r.plan.AbsURL(r.plan.FeedPath(lang)),
		Link:     summary.Permalink,
		Author:   lc.site.Title,
	}
	// The candidates are dated first and only the newest are written out, so a
	// large site does not compose thousands of entries to keep fifty. On equal
	// dates a status change comes first, then the reports, then the departments
	// in the summary's order: a sort that keeps that order.
	var cands []candidate
	changes := r.statusChanges(lang)
	for i := range changes {
		cands = append(cands, candidate{date: changes[i].update.Date, change: &changes[i]})
	}
	// A new edition is news: each named edition is announced on its date.
	for i := len(r.content.Editions) - 1; i >= 0; i-- {
		if e := r.content.Editions[i]; e.Named() {
			cands = append(cands, candidate{date: e.Date, edition: e})
		}
	}
	for _, kind := range []site.Kind{site.Article, site.Department} {
		for _, pg := range r.plan.Pages {
			// A report read in parts is one entry, at its first part.
			if pg.Lang.Code == lang && pg.Kind == kind && (pg.Pager == nil || pg.Pager.Number == 1) {
				cands = append(cands, candidate{date: r.pageDate(pg), page: pg})
			}
		}
	}
	for _, c := range newest(cands, FeedEntries) {
		if c.change != nil || c.edition != nil {
			var e feeds.Entry
			var err error
			if c.change != nil {
				e, err = r.changeEntry(lc, c.change)
			} else {
				e, err = r.editionEntry(lc, c.edition)
			}
			if err != nil {
				return nil, err
			}
			f.Entries = append(f.Entries, e)
			continue
		}
		pg := c.page
		e := feeds.Entry{URL: pg.Permalink, Published: c.date, Updated: c.date}
		var corrections []content.Correction
		if pg.Article != nil {
			e.Title, e.Summary = pg.Article.Title, pg.Article.Lead
			corrections = r.articleCorrections(pg.Article.Slug)
		} else {
			d := pg.Department
			e.Title = lc.text(d.Name)
			var err error
			if e.Summary, err = lc.tf("department_description", "name", e.Title, "leader", lc.text(d.Leader.Name)); err != nil {
				return nil, err
			}
			corrections = d.Corrections
		}
		// A reader of the feed learns of a correction as a reader of the page does.
		note, err := lc.correctionsText(corrections)
		if err != nil {
			return nil, err
		}
		if note != "" {
			e.Summary += "\n\n" + note
		}
		f.Entries = append(f.Entries, e)
	}
	return feeds.Atom(f)
}

// candidate is something a feed may announce: a change of status, an edition
// or a page.
type candidate struct {
	date    time.Time
	change  *statusChange
	edition *content.Edition
	page    *site.Page
}

// editionEntry is the feed entry that announces an edition.
func (r *Renderer) editionEntry(lc *locale, e *content.Edition) (feeds.Entry, error) {
	ev := lc.editions[e.ID]
	title, err := lc.tf("feed_edition_title", "series", lc.text(e.Series), "edition", ev.Number, "title", ev.TitleText)
	if err != nil {
		return feeds.Entry{}, err
	}
	counts := r.editionTally(e.ID)
	pledges := 0
	for _, c := range counts {
		pledges += c
	}
	summary, err := lc.tf("edition_counts", "departments", strconv.Itoa(len(r.content.Index().Departments(e.ID))), "pledges", strconv.Itoa(pledges))
	if err != nil {
		return feeds.Entry{}, err
	}
	page := r.plan.EditionPage(lc.lang.Code, e.ID).Permalink
	return feeds.Entry{Title: title, URL: page, ID: page + "#edition-" + e.ID, Summary: summary, Published: e.Date, Updated: e.Date}, nil
}

// newest returns the k newest candidates, newest first, those of equal date in
// the order given: what a stable sort by date would put first. It keeps only k
// while it reads, so a site of any size costs one pass; sorting every candidate
// (sort.SliceStable, n log² n) grew faster than the site.
func newest(cands []candidate, k int) []candidate {
	if k <= 0 {
		return nil
	}
	top := make([]candidate, 0, k+1)
	for _, c := range cands {
		if len(top) == k && !c.date.After(top[k-1].date) {
			continue // no newer than the k kept, and read after them
		}
		i := len(top)
		for i > 0 && c.date.After(top[i-1].date) {
			i--
		}
		top = append(top, candidate{})
		copy(top[i+1:], top[i:])
		top[i] = c
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}

// statusChange is an update that moved a pledge to a status.
type statusChange struct {
	dept   *content.Department
	pledge int // index in dept.Pledges
	update *content.Update
}

// statusChanges lists the updates that moved a pledge to a status, in the
// departments' order.
func (r *Renderer) statusChanges(lang string) []statusChange {
	var out []statusChange
	for _, d := range r.content.Departments {
		for i := range d.Pledges {
			for j := range d.Pledges[i].Updates {
				if u := &d.Pledges[i].Updates[j]; u.Status != "" {
					out = append(out, statusChange{dept: d, pledge: i, update: u})
				}
			}
		}
	}
	return out
}

// changeEntry is the feed entry of a change of status.
func (r *Renderer) changeEntry(lc *locale, c *statusChange) (feeds.Entry, error) {
	d, p, u := c.dept, &c.dept.Pledges[c.pledge], c.update
	label, _, err := lc.status(u.Status)
	if err != nil {
		return feeds.Entry{}, err
	}
	title, err := lc.tf("feed_status_title", "name", lc.text(d.Name), "n", fmt.Sprint(c.pledge+1), "status", label)
	if err != nil {
		return feeds.Entry{}, err
	}
	page := r.plan.DepartmentPage(lc.lang.Code, d).Permalink
	anchor := pledgeID(p.ID, c.pledge)
	return feeds.Entry{
		Title:     title,
		URL:       page + "#" + anchor,
		ID:        page + "#" + anchor + "-" + u.Date.Format("2006-01-02") + "-" + u.Status,
		Summary:   lc.text(p.Text) + " — " + lc.text(u.Text),
		Published: u.Date,
		Updated:   u.Date,
	}, nil
}
