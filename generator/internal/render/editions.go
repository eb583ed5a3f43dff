package render

import (
	"html/template"
	"strconv"
	"strings"

	"leitai/generator/internal/content"
	"leitai/generator/internal/site"
)

// This file holds what pages show of editions: an edition's name and date,
// the archive of every edition, a department's earlier editions on its page
// across them, and the links between pledges of different editions.

// editionViews names the site's named editions in lc's language, once per
// build: every page that names an edition reads them.
func (r *Renderer) editionViews(lc *locale) (map[string]*EditionView, error) {
	out := make(map[string]*EditionView, len(r.content.Editions))
	for _, e := range r.content.Editions {
		if !e.Named() {
			continue
		}
		ev := &EditionView{TitleText: lc.text(e.Title)}
		var err error
		if ev.Number, err = lc.editionNumber(e.Number); err != nil {
			return nil, err
		}
		if ev.Title, err = lc.html(e.Title); err != nil {
			return nil, err
		}
		if ev.Series, err = lc.html(e.Series); err != nil {
			return nil, err
		}
		if ev.Date, err = lc.date(e.Date); err != nil {
			return nil, err
		}
		if pg := r.plan.EditionPage(lc.lang.Code, e.ID); pg != nil {
			ev.URL = pg.URL
		}
		out[e.ID] = ev
	}
	return out, nil
}

// editionSummary fills in what a summary says of its edition: its name and
// date when the site names it, its own title on its own page, the archive, and
// the open data of what it shows.
func (r *Renderer) editionSummary(sv *SummaryView, lc *locale, pg *site.Page) error {
	code := lc.lang.Code
	sv.DataJSON, sv.DataSchema, sv.DataCSV = lc.site.DataJSON, lc.site.DataSchema, lc.site.DataCSV
	if pg.Edition == nil || !pg.Edition.Named() {
		return nil
	}
	ev := lc.editions[pg.Edition.ID]
	sv.Edition = ev
	if !r.plan.Multi {
		return nil
	}
	if a := r.plan.Lookup(code, "editions/"); a != nil {
		sv.ArchiveURL = a.URL
	}
	if pg.Key == "" {
		return nil // the home summary keeps the site's title and data
	}
	var err error
	if sv.Heading, err = lc.tf("edition_heading", "edition", ev.Number, "title", ev.TitleText); err != nil {
		return err
	}
	sv.PageTitle = sv.Heading + " · " + lc.site.Title
	sv.Series = ev.Series
	if sv.Description, err = lc.tf("edition_description", "series", lc.text(pg.Edition.Series), "edition", ev.Number, "date", ev.Date.Display); err != nil {
		return err
	}
	data := r.plan.DataLinks(code, pg.Edition.ID)
	sv.DataJSON, sv.DataSchema, sv.DataCSV = data.JSON, data.Schema, data.CSV
	return nil
}

// editions fills in what a department's page says of editions. On a site of
// several: which edition its record is from, where it leads back to, and
// either its page across editions (from a page of one edition) or its earlier
// editions (on that page). On a site that names its editions, search results
// name the edition.
func (r *Renderer) editions(dv *DepartmentView, lc *locale, pg *site.Page) error {
	d := pg.Department
	var err error
	dv.Indexed = !(r.plan.Multi && pg.Kind == site.Department)
	if dv.BackURL, dv.BackLabel, err = r.back(lc, pg.Edition); err != nil {
		return err
	}
	if pg.Kind == site.Department && r.plan.Multi {
		// The page across editions leads back to the home, which lists the
		// departments of the newest edition.
		if dv.BackURL, dv.BackLabel, err = r.back(lc, nil); err != nil {
			return err
		}
	}
	ev := lc.editions[d.EditionID]
	if ev != nil && dv.Indexed {
		dv.SearchTitle, dv.SearchEdition = searchMeta(dv.NameText+" · "+ev.Number), searchMeta(ev.Number)
	}
	if !r.plan.Multi || ev == nil {
		return nil
	}
	dv.Edition = ev
	if pg.Kind == site.Appearance {
		dv.CrossURL = r.plan.CrossPage(lc.lang.Code, d.Slug).URL
		dv.CrossLabel, err = lc.tf("department_all_editions", "name", dv.NameText)
		return err
	}
	for _, a := range pg.Appearances {
		if a == d {
			continue
		}
		aev := lc.editions[a.EditionID]
		if aev == nil {
			continue
		}
		e := EarlierView{ID: "edition-" + a.EditionID, Edition: *aev, URL: r.plan.DepartmentPage(lc.lang.Code, a).URL}
		if e.Leader, err = lc.html(a.Leader.Name); err != nil {
			return err
		}
		if e.LeaderTitle, err = lc.html(a.Leader.Title); err != nil {
			return err
		}
		// What was pledged, what became of it and what it led to: the
		// terms and the updates are on the edition's page, one tap away, so
		// a department that stood in many editions still has a page a
		// phone opens quickly.
		if e.Pledges, err = r.pledges(lc, pg, a, inBrief, e.ID+"-"); err != nil {
			return err
		}
		if e.More, err = lc.tf("edition_record", "edition", aev.Number); err != nil {
			return err
		}
		dv.Earlier = append(dv.Earlier, e)
	}
	return nil
}

// searchMeta makes text safe as a value of Pagefind's data-pagefind-meta and
// -filter attributes, which read a comma as the start of another value.
func searchMeta(s string) string { return strings.ReplaceAll(s, ",", "，") }

// archive lists the editions of an archive page, newest first: each with its
// date, title, how many departments and pledges it had, and its pledges by
// status.
func (r *Renderer) archive(lc *locale, pg *site.Page) ([]EditionView, error) {
	x := r.content.Index()
	out := make([]EditionView, 0, len(pg.EditionList))
	for _, e := range pg.EditionList {
		ev := lc.editions[e.ID]
		if ev == nil {
			continue
		}
		v := *ev
		counts := r.editionTally(e.ID)
		pledges := 0
		for _, c := range counts {
			pledges += c
		}
		var err error
		if v.Counts, err = lc.tf("edition_counts", "departments", strconv.Itoa(len(x.Departments(e.ID))), "pledges", strconv.Itoa(pledges)); err != nil {
			return nil, err
		}
		all, err := lc.tally(counts)
		if err != nil {
			return nil, err
		}
		for _, c := range all {
			if c.Count > 0 {
				v.Tally = append(v.Tally, c)
			}
		}
		out = append(out, v)
	}
	return out, nil
}

// pledges prepares a department's pledges for the page from: as lc.pledges
// does, with their anchors prefixed (a page across editions shows several
// editions' pledges 1, 2, 3…) and, on a site of several editions, each
// pledge's links to other editions' pledges.
func (r *Renderer) pledges(lc *locale, from *site.Page, d *content.Department, detail pledgeDetail, prefix string) ([]PledgeView, error) {
	out, err := lc.pledges(d, detail)
	if err != nil || detail == onCard || !r.plan.Multi {
		return out, err
	}
	for i := range out {
		out[i].ID = prefix + out[i].ID
		if out[i].Links, err = r.pledgeLinks(lc, from, d, i); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// pledgeLinks are the sentences that tie the i-th pledge of d to other
// editions' pledges: the one it renews or follows, then those that renew or
// follow it, oldest first.
func (r *Renderer) pledgeLinks(lc *locale, from *site.Page, d *content.Department, i int) ([]template.HTML, error) {
	x := r.content.Index()
	var out []template.HTML
	if to, ok := x.Earlier(d, i); ok {
		key := "link_follows"
		if d.Pledges[i].Link.Again {
			key = "link_again"
		}
		note, err := r.linkNote(lc, from, key, d, to)
		if err != nil {
			return nil, err
		}
		out = append(out, note)
	}
	for _, later := range x.Later(d, i) {
		key := "link_followed"
		if later.Pledge().Link.Again {
			key = "link_again_later"
		}
		note, err := r.linkNote(lc, from, key, d, later)
		if err != nil {
			return nil, err
		}
		out = append(out, note)
	}
	return out, nil
}

// linkNote is one sentence of a pledge's links: the interface string key with
// the other end ({where}, a link to it) and what became of it ({status}).
func (r *Renderer) linkNote(lc *locale, from *site.Page, key string, here *content.Department, other content.PledgeRef) (template.HTML, error) {
	od := other.Department
	ev := lc.editions[od.EditionID]
	if ev == nil {
		return "", nil
	}
	n := strconv.Itoa(other.Index + 1)
	var where string
	var err error
	if od.Slug == here.Slug {
		where, err = lc.tf("link_where", "edition", ev.Number, "n", n)
	} else {
		where, err = lc.tf("link_where_other", "edition", ev.Number, "department", lc.text(od.Name), "n", n)
	}
	if err != nil {
		return "", err
	}
	label, _, err := lc.status(other.Pledge().Status)
	if err != nil {
		return "", err
	}
	a := template.HTML(`<a href="` + template.HTMLEscapeString(r.pledgeHref(from, other)) + `">` + template.HTMLEscapeString(where) + `</a>`)
	return lc.htmlf(key, "where", a, "status", template.HTML(template.HTMLEscapeString(label)))
}

// pledgeHref is the address of a pledge from the page from: on a
// department's page across editions, its own pledges of every edition are on
// the page; any other is on its department's page in its edition.
func (r *Renderer) pledgeHref(from *site.Page, ref content.PledgeRef) string {
	d := ref.Department
	anchor := pledgeID(d.Pledges[ref.Index].ID, ref.Index)
	if from.Kind == site.Department && from.Department != nil && d.Slug == from.Department.Slug {
		if d == from.Department {
			return "#" + anchor
		}
		return "#edition-" + d.EditionID + "-" + anchor
	}
	return r.plan.DepartmentPage(from.Lang.Code, d).URL + "#" + anchor
}
