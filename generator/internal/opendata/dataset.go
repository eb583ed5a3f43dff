package opendata

import (
	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/site"
)

// SchemaVersion is the version of the published shape. Raise it when a field is
// removed, renamed or changes meaning; adding a field keeps it.
const SchemaVersion = 1

// Dataset is the whole of pledges.json for one language.
type Dataset struct {
	Schema        string `json:"$schema"`
	SchemaVersion int    `json:"schema_version"`
	Language      string `json:"language"` // the config's code: "zh", "en"
	Lang          string `json:"lang"`     // BCP 47, as in <html lang>: "zh-Hans"
	Title         string `json:"title"`
	URL           string `json:"url"` // the summary page
	// Editions are the editions the file holds, oldest first, when the site
	// names them: every edition in the publication's file, one in an
	// edition's own.
	Editions    []Edition    `json:"editions,omitempty"`
	Groups      []Group      `json:"groups"`
	Departments []Department `json:"departments"`
}

// Edition is a session of the arena: what its file says, in the dataset's
// language, and its summary page.
type Edition struct {
	ID     string `json:"id"`
	Number int    `json:"number"`
	Date   string `json:"date"` // YYYY-MM-DD
	Title  string `json:"title"`
	Series string `json:"series"`
	URL    string `json:"url"`
}

// EditionRef names a pledge's edition on the pledge itself, so that a row
// read alone says when it was pledged.
type EditionRef struct {
	ID     string `json:"id"`
	Number int    `json:"number"`
	Date   string `json:"date"`
}

// Link names the earlier pledge a pledge renews or follows: its edition,
// department and number, and its id when it has one.
type Link struct {
	Edition    string `json:"edition"`
	Department string `json:"department"`
	Number     int    `json:"number"`
	ID         string `json:"id,omitempty"`
}

// Group is a heading of the summary.
type Group struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Department is one department, in one language.
type Department struct {
	Slug         string   `json:"slug"`
	Order        int      `json:"order"`
	URL          string   `json:"url"`
	Group        Group    `json:"group"`
	Name         string   `json:"name"`
	Leader       Leader   `json:"leader"`
	Achievements []string `json:"achievements"`
	Pledges      []Pledge `json:"pledges"`
	Statement    string   `json:"statement"` // Markdown, as the editors wrote it
	// Corrections are the changes made to the source's text; absent when none.
	Corrections []Correction `json:"corrections,omitempty"`
}

// Correction is a change made to the source's text: what the source printed,
// what the text here reads, and why, in the dataset's language.
type Correction struct {
	Printed   string `json:"printed"`
	Corrected string `json:"corrected"`
	Note      string `json:"note"`
}

// Leader is the head of a department, who signed the pledge.
type Leader struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

// Pledge is one commitment.
type Pledge struct {
	Number int `json:"number"` // 1, 2, 3… within the department
	// ID is the editors' name for the pledge within its department, when
	// they gave one: it stays when pledges are reordered.
	ID     string  `json:"id,omitempty"`
	Text   string  `json:"text"`
	Target *Target `json:"target,omitempty"`
	Scope  *Figure `json:"scope,omitempty"`
	Due    string  `json:"due,omitempty"` // YYYY-MM-DD
	// DueBasis is "stated" (the source gives the date: 年底前) or "inferred"
	// (the editors worked it out: 全年); DueWords are the source's words.
	DueBasis string `json:"due_basis,omitempty"`
	DueWords string `json:"due_words,omitempty"`
	Status   string `json:"status"`
	// Updates are what has happened since, newest first.
	Updates []Update `json:"updates,omitempty"`
	// Edition is the edition the pledge was made in, when the site names
	// its editions.
	Edition *EditionRef `json:"edition,omitempty"`
	// Again is the earlier pledge this one makes again; Follows the one it
	// follows up. At most one is given.
	Again   *Link `json:"again,omitempty"`
	Follows *Link `json:"follows,omitempty"`
}

// Update is a dated note on a pledge, with its source.
type Update struct {
	Date   string `json:"date"` // YYYY-MM-DD
	Text   string `json:"text"`
	Source string `json:"source"`
	Status string `json:"status,omitempty"`
}

// Target is a pledge's measurable goal.
type Target struct {
	Value   float64 `json:"value"`
	Unit    string  `json:"unit"`
	Noun    *Noun   `json:"noun,omitempty"`
	Compare string  `json:"compare"`
	// Figure is value and unit as a reader of this language reads them:
	// "250 billion yuan" where the source has 2500 亿元.
	Figure string `json:"figure"`
}

// Figure is a value in a unit, the size of a pledge's work: its scope.
type Figure struct {
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Noun   *Noun   `json:"noun,omitempty"`
	Figure string  `json:"figure"`
}

// Noun is what a figure in a measure word (项, 个, 家) counts, in the dataset's
// language: the word after 1 and the word after other numbers.
type Noun struct {
	One   string `json:"one"`
	Other string `json:"other"`
}

// New assembles the dataset of one language from validated content: the whole
// publication's when edition is nil, else the edition's.
func New(plan *site.Plan, s *content.Site, lang config.Language, edition *content.Edition) *Dataset {
	d := Head(plan, s, lang, edition)
	depts := s.Departments
	if edition != nil {
		depts = s.Index().Departments(edition.ID)
	}
	d.addDepartments(plan, s, lang, depts)
	return d
}

// Head is the dataset New assembles without its departments: what the file
// says before them.
func Head(plan *site.Plan, s *content.Site, lang config.Language, edition *content.Edition) *Dataset {
	cfg := plan.Config()
	text := func(t content.Text) string { return inLanguage(t, lang.Code, cfg.Codes()) }
	prefix, summary, editions := "", plan.Lookup(lang.Code, ""), s.Editions
	if edition != nil {
		prefix, summary = plan.DataPrefix(edition.ID), plan.EditionPage(lang.Code, edition.ID)
		editions = []*content.Edition{edition}
	}
	d := &Dataset{
		Schema:        plan.AbsURL(site.DataPathIn(lang.Code, prefix, SchemaFile)),
		SchemaVersion: SchemaVersion,
		Language:      lang.Code,
		Lang:          lang.Lang,
		Title:         cfg.Title[lang.Code],
		URL:           plan.Permalink(summary),
		Groups:        []Group{},
		Departments:   []Department{},
	}
	for _, e := range editions {
		if e.Named() {
			d.Editions = append(d.Editions, Edition{ID: e.ID, Number: e.Number, Date: e.Date.Format("2006-01-02"), Title: text(e.Title), Series: text(e.Series),
				URL: plan.Permalink(plan.EditionPage(lang.Code, e.ID))})
		}
	}
	for _, g := range s.Groups {
		d.Groups = append(d.Groups, Group{ID: g.ID, Title: text(g.Title)})
	}
	return d
}

// addDepartments adds depts to the dataset, each with its pledges, in lang.
func (d *Dataset) addDepartments(plan *site.Plan, s *content.Site, lang config.Language, depts []*content.Department) {
	x := s.Index()
	text := func(t content.Text) string { return inLanguage(t, lang.Code, plan.Config().Codes()) }
	refs := map[string]*EditionRef{}
	for _, e := range s.Editions {
		if e.Named() {
			refs[e.ID] = &EditionRef{ID: e.ID, Number: e.Number, Date: e.Date.Format("2006-01-02")}
		}
	}
	d.Departments = make([]Department, 0, len(depts))
	for _, dep := range depts {
		out := Department{
			Slug:         dep.Slug,
			Order:        dep.Order,
			URL:          plan.Permalink(plan.DepartmentPage(lang.Code, dep)),
			Group:        Group{ID: dep.Group},
			Name:         text(dep.Name),
			Leader:       Leader{Name: text(dep.Leader.Name), Title: text(dep.Leader.Title)},
			Achievements: make([]string, 0, len(dep.Record)),
			Pledges:      make([]Pledge, 0, len(dep.Pledges)),
			Statement:    text(dep.Statement),
		}
		if g := s.GroupOf(dep.Group); g != nil {
			out.Group.Title = text(g.Title)
		}
		for _, a := range dep.Record {
			out.Achievements = append(out.Achievements, text(a.Text))
		}
		for i, p := range dep.Pledges {
			pl := Pledge{Number: i + 1, ID: p.ID, Text: text(p.Text), Status: p.Status}
			if p.Target != nil {
				f := figure(s, p.Target.Figure, lang.Code)
				pl.Target = &Target{Value: f.Value, Unit: f.Unit, Noun: f.Noun, Compare: p.Target.Compare, Figure: f.Figure}
			}
			if p.Scope != nil {
				f := figure(s, *p.Scope, lang.Code)
				pl.Scope = &f
			}
			if p.Due != nil {
				pl.Due = p.Due.Date.Format("2006-01-02")
				if p.Due.Words != "" {
					pl.DueBasis, pl.DueWords = p.Due.Basis(), p.Due.Words
				}
			}
			for _, u := range p.Updates {
				pl.Updates = append(pl.Updates, Update{Date: u.Date.Format("2006-01-02"), Text: text(u.Text), Source: u.Source, Status: u.Status})
			}
			pl.Edition = refs[dep.EditionID]
			if to, ok := x.Earlier(dep, i); ok {
				l := &Link{Edition: to.Department.EditionID, Department: to.Department.Slug, Number: to.Index + 1, ID: to.Pledge().ID}
				if p.Link.Again {
					pl.Again = l
				} else {
					pl.Follows = l
				}
			}
			out.Pledges = append(out.Pledges, pl)
		}
		for _, c := range dep.Corrections {
			out.Corrections = append(out.Corrections, Correction{Printed: c.Printed, Corrected: c.Corrected, Note: text(c.Note)})
		}
		d.Departments = append(d.Departments, out)
	}
}

// figure is a figure as the data gives it: as the source states it, and as a
// reader of lang reads it.
func figure(s *content.Site, f content.Figure, lang string) Figure {
	out := Figure{Value: f.Value, Unit: f.Unit}
	if forms, ok := f.Noun.Lookup(lang); ok {
		out.Noun = &Noun{One: forms.One, Other: forms.Other}
	}
	if s.Units != nil {
		out.Figure, _ = s.Units.Format(f.Value, f.Unit, lang, f.Noun.In(lang))
	}
	return out
}

// inLanguage is t in lang; where a translation is pending (the config allows it)
// it is the first language that has the text, as the pages show it.
func inLanguage(t content.Text, lang string, all []string) string {
	if s := t.In(lang); s != "" {
		return s
	}
	for _, l := range all {
		if s := t.In(l); s != "" {
			return s
		}
	}
	return ""
}
