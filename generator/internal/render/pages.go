package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"leitai/generator/internal/content"
	"leitai/generator/internal/diag"
	"leitai/generator/internal/site"
)

// view builds what pg's template sees: the one place a page's view is made.
// Problems in the content it shows (a Markdown link to a page that does not
// exist) go to problems; an error is the theme's mistake (an interface string
// the view needs is missing).
func (r *Renderer) view(pg *site.Page, problems *diag.List) (*View, error) {
	lc := r.locales[pg.Lang.Code]
	if lc.err != nil {
		return nil, lc.err
	}
	v := &View{Site: lc.site, L: lc.strings}
	if err := r.head(v, pg); err != nil {
		return nil, err
	}
	var err error
	switch pg.Kind {
	case site.Department, site.Appearance:
		err = r.departmentPage(v, lc, pg, problems)
	case site.Group:
		v.Group, err = r.groupPage(lc, pg)
	case site.Summary:
		err = r.summaryPage(v, lc, pg)
	case site.Article:
		err = r.articlePage(v, lc, pg, problems)
	case site.Articles:
		v.Articles, err = r.teasers(lc, pg.ArticleList)
	case site.Archive:
		v.Archive, err = r.archive(lc, pg)
	case site.Redirect:
		v.Redirect = &RedirectView{URL: pg.Target.URL}
	}
	if err != nil {
		return nil, err
	}
	if p := pg.Pager; p != nil && p.Total > 1 {
		v.Pager, err = pager(lc, p)
	}
	return v, err
}

func (r *Renderer) departmentPage(v *View, lc *locale, pg *site.Page, problems *diag.List) error {
	d := pg.Department
	dv := &DepartmentView{NameText: lc.text(d.Name)}
	var err error
	if dv.Description, err = lc.tf("department_description", "name", dv.NameText, "leader", lc.text(d.Leader.Name)); err != nil {
		return err
	}
	if g := r.content.GroupOf(d.Group); g != nil {
		t, err := lc.html(g.Title)
		if err != nil {
			return err
		}
		dv.Group = &GroupTitle{Title: t}
	}
	if dv.Name, dv.Leader, dv.LeaderTitle, err = names(lc, d); err != nil {
		return err
	}
	var bodyProblems diag.List
	if dv.Body, bodyProblems, err = r.body(lc, pg, d); err != nil {
		return err
	}
	// A body shared by two pages reports its problems once, with the page
	// of the department in its edition.
	if !(r.plan.Multi && pg.Kind == site.Department) {
		problems.Append(bodyProblems)
	}
	if dv.Prev, err = r.neighbour(lc, pg, pg.Prev); err != nil {
		return err
	}
	if dv.Next, err = r.neighbour(lc, pg, pg.Next); err != nil {
		return err
	}
	if err = r.editions(dv, lc, pg); err != nil {
		return err
	}
	v.Department = dv
	v.JSONLD, err = r.departmentJSONLD(lc, pg, dv.Description)
	return err
}

// bodyTemplate draws what a department's page shows of one edition.
const bodyTemplate = "partials/department-body.html"

// body is what the page pg shows of the department d in its edition: its
// record, figures, pledges, statement and corrections, drawn by bodyTemplate.
// On a site of several editions the department's page across editions shows
// its newest edition's, as that edition's page of it does: the two pages share
// one, made by whichever is rendered first, its links as from the edition's
// page.
func (r *Renderer) body(lc *locale, pg *site.Page, d *content.Department) (template.HTML, diag.List, error) {
	if !r.plan.Multi || r.content.Index().Appearances(d.Slug)[0] != d {
		return r.makeBody(lc, pg, d)
	}
	from := r.plan.DepartmentPage(lc.lang.Code, d)
	return r.bodies.get(d, lc.lang.Code, func() (template.HTML, diag.List, error) { return r.makeBody(lc, from, d) })
}

func (r *Renderer) makeBody(lc *locale, from *site.Page, d *content.Department) (template.HTML, diag.List, error) {
	var problems diag.List
	dv := &BodyView{}
	var err error
	dv.Record = make([]template.HTML, len(d.Record))
	for i, a := range d.Record {
		if dv.Record[i], err = lc.html(a.Text); err != nil {
			return "", nil, err
		}
	}
	if dv.Figures, dv.Series, err = lc.recordFigures(d); err != nil {
		return "", nil, err
	}
	if dv.Pledges, err = r.pledges(lc, from, d, onPage, ""); err != nil {
		return "", nil, err
	}
	if dv.Statement, err = r.statement(lc, d, &problems); err != nil {
		return "", nil, err
	}
	if dv.Corrections, err = lc.corrections(d.Corrections); err != nil {
		return "", nil, err
	}
	var b strings.Builder
	if err := r.templates.execute(&b, site.Department, bodyTemplate, DepartmentBody{D: dv, L: lc.strings}); err != nil {
		return "", nil, fmt.Errorf("%s: %w", bodyTemplate, err)
	}
	return template.HTML(b.String()), problems, nil
}

// names are a department's name and its leader's name and title.
func names(lc *locale, d *content.Department) (name, leader, title template.HTML, err error) {
	if name, err = lc.html(d.Name); err != nil {
		return
	}
	if leader, err = lc.html(d.Leader.Name); err != nil {
		return
	}
	title, err = lc.html(d.Leader.Title)
	return
}

// statement renders a department's statement, Markdown, in the page's language.
func (r *Renderer) statement(lc *locale, d *content.Department, problems *diag.List) (template.HTML, error) {
	lt, _ := d.Statement.Lookup(lc.lang.Code)
	if lt.Value == "" {
		return lc.html(d.Statement)
	}
	return r.renderMarkdown(lc.lang.Code, lt.Value, d.File, lt.Pos, problems)
}

func (r *Renderer) neighbour(lc *locale, from *site.Page, d *content.Department) (*Neighbour, error) {
	if d == nil {
		return nil, nil
	}
	name, err := lc.html(d.Name)
	return &Neighbour{URL: r.plan.DepartmentLink(from, d).URL, Name: name}, err
}

// cards prepares departments' cards for the page from, whose links they follow.
func (r *Renderer) cards(lc *locale, from *site.Page, depts []*content.Department) ([]Card, error) {
	out := make([]Card, len(depts))
	for i, d := range depts {
		c := &out[i]
		c.L = lc.strings
		c.URL = r.plan.DepartmentLink(from, d).URL
		var err error
		if c.Name, c.Leader, c.LeaderTitle, err = names(lc, d); err != nil {
			return nil, err
		}
		if c.Pledges, err = r.pledges(lc, from, d, onCard, ""); err != nil {
			return nil, err
		}
		if c.More, err = lc.tf("department_more", "name", lc.text(d.Name)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (r *Renderer) groupPage(lc *locale, pg *site.Page) (*GroupView, error) {
	gv := &GroupView{TitleText: lc.text(pg.Group.Title)}
	var err error
	if gv.BackURL, gv.BackLabel, err = r.back(lc, pg.Edition); err != nil {
		return nil, err
	}
	if gv.Title, err = lc.html(pg.Group.Title); err != nil {
		return nil, err
	}
	gv.Cards, err = r.cards(lc, pg, pg.Departments)
	return gv, err
}

// back is where a page of an edition leads back to: the home summary, or on a
// site of several editions, the edition's own.
func (r *Renderer) back(lc *locale, e *content.Edition) (url, label string, err error) {
	if !r.plan.Multi || e == nil {
		label, err = lc.t("back_to_summary")
		return lc.site.Home, label, err
	}
	ev := lc.editions[e.ID]
	label, err = lc.tf("back_to_edition", "edition", ev.Number)
	return ev.URL, label, err
}

func (r *Renderer) summaryPage(v *View, lc *locale, pg *site.Page) error {
	code := lc.lang.Code
	var eid string
	if pg.Edition != nil {
		eid = pg.Edition.ID
	}
	x := r.content.Index()
	sv := &SummaryView{Paged: r.plan.EditionPaged(eid)}
	// The intro says how many departments stand in this edition, not in the
	// publication or on the site its words were first written for.
	shown := len(r.content.Departments)
	if eid != "" {
		shown = len(x.Departments(eid))
	}
	sv.Intro = strings.ReplaceAll(v.Site.Intro, "{departments}", strconv.Itoa(shown))
	if err := r.editionSummary(sv, lc, pg); err != nil {
		return err
	}
	counts := r.editionTally(eid)
	pledges := 0
	for _, c := range counts {
		pledges += c
	}
	var err error
	if sv.TallyHeading, err = lc.tf("tally_heading", "pledges", strconv.Itoa(pledges)); err != nil {
		return err
	}
	if sv.Tally, err = lc.tally(counts); err != nil {
		return err
	}
	for _, g := range r.content.Groups {
		depts := r.plan.GroupDepartments(eid, g.ID)
		if len(depts) == 0 {
			continue
		}
		sg := SummaryGroup{ID: g.ID}
		if sg.Title, err = lc.html(g.Title); err != nil {
			return err
		}
		if sv.Paged {
			if gp := r.plan.GroupPage(code, eid, g.ID); gp != nil {
				sg.URL = gp.URL
			}
			if sg.Count, err = lc.tf("group_count", "count", strconv.Itoa(len(depts))); err != nil {
				return err
			}
		} else if sg.Cards, err = r.cards(lc, pg, depts); err != nil {
			return err
		}
		sv.Groups = append(sv.Groups, sg)
	}
	if !sv.Paged {
		depts := x.Departments(eid)
		if sv.Scoreboard, err = lc.scoreboard(depts, pledges); err != nil {
			return err
		}
		sv.Scores = make([]Score, len(depts))
		for i, d := range depts {
			s := &sv.Scores[i]
			s.URL = r.plan.DepartmentLink(pg, d).URL
			if s.Name, err = lc.html(d.Name); err != nil {
				return err
			}
			s.Counts = d.StatusCounts()
			s.Cells = scoreCells(s.Counts)
		}
	}
	if pg := r.plan.Lookup(code, "articles/"); pg != nil {
		sv.ArticlesURL = pg.URL
	}
	// The newest few reports in the page's language: of the edition the
	// summary shows, when the site has several.
	var list []*content.Article
	for _, slug := range r.content.ArticleSlugs {
		if a := r.content.Articles[slug][code]; a != nil && (!r.plan.Multi || a.EditionID == eid) {
			list = append(list, a)
		}
		if len(list) == site.ArticlesOnSummary {
			break
		}
	}
	v.Summary = sv
	v.Articles, err = r.teasers(lc, list)
	return err
}

// scoreCells are a scoreboard row's counts as table cells.
func scoreCells(counts []int) template.HTML {
	b := make([]byte, 0, len(counts)*len("<td>00</td>"))
	for _, c := range counts {
		b = append(b, "<td>"...)
		b = strconv.AppendInt(b, int64(c), 10)
		b = append(b, "</td>"...)
	}
	return template.HTML(b)
}

// teasers are reports as a list shows them.
func (r *Renderer) teasers(lc *locale, list []*content.Article) ([]Teaser, error) {
	out := make([]Teaser, len(list))
	for i, a := range list {
		t := &out[i]
		t.URL = r.plan.Lookup(lc.lang.Code, "articles/"+a.Slug+"/").URL
		t.Title, t.Subtitle, t.Lead = a.Title, a.Subtitle, a.Lead
		var err error
		if t.Date, err = lc.date(a.Date); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (r *Renderer) articlePage(v *View, lc *locale, pg *site.Page, problems *diag.List) error {
	a := pg.Article
	av := &ArticleView{Title: a.Title, Subtitle: a.Subtitle, Lead: a.Lead, Source: a.Source, Credits: a.Credits,
		FirstPart: pg.Pager == nil || pg.Pager.Number == 1, LastPart: pg.Pager == nil || pg.Pager.Next == nil}
	var err error
	if p := pg.Pager; p != nil && p.Number > 1 {
		if av.Part, err = lc.tf("part_n", "n", strconv.Itoa(p.Number)); err != nil {
			return err
		}
	}
	if av.Date, err = lc.date(a.Date); err != nil {
		return err
	}
	if len(a.Reporters) > 0 {
		if av.Reporters, err = lc.join(a.Reporters); err != nil {
			return err
		}
	}
	if av.Corrections, err = lc.corrections(r.articleCorrections(a.Slug)); err != nil {
		return err
	}
	body, line := a.Part(pg.Sections[0], pg.Sections[1])
	if av.Body, err = r.renderMarkdown(lc.lang.Code, string(body), a.File, diag.Pos{Line: line, Col: 1}, problems); err != nil {
		return err
	}
	if pg.Edition != nil {
		if ev := lc.editions[pg.Edition.ID]; ev != nil {
			av.SearchTitle, av.SearchEdition = searchMeta(a.Title+" · "+ev.Number), searchMeta(ev.Number)
		}
	}
	v.Article = av
	v.JSONLD, err = articleJSONLD(pg, av.Date.ISO)
	return err
}

// articleCorrections are the corrections of every language's file of a
// report, in the site's language order: a correction to the Chinese text is
// news to the English reader too.
func (r *Renderer) articleCorrections(slug string) []content.Correction {
	var out []content.Correction
	for _, l := range r.cfg.Languages {
		if a := r.content.Articles[slug][l.Code]; a != nil {
			out = append(out, a.Corrections...)
		}
	}
	return out
}

func pager(lc *locale, p *site.Pager) (*PagerView, error) {
	pv := &PagerView{}
	if p.Prev != nil {
		pv.Prev = p.Prev.URL
	}
	if p.Next != nil {
		pv.Next = p.Next.URL
	}
	var err error
	pv.Label, err = lc.tf("page_of", "n", strconv.Itoa(p.Number), "total", strconv.Itoa(p.Total))
	return pv, err
}
