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
	Schema        string       `json:"$schema"`
	SchemaVersion int          `json:"schema_version"`
	Language      string       `json:"language"` // the config's code: "zh", "en"
	Lang          string       `json:"lang"`     // BCP 47, as in <html lang>: "zh-Hans"
	Title         string       `json:"title"`
	URL           string       `json:"url"` // the summary page
	Groups        []Group      `json:"groups"`
	Departments   []Department `json:"departments"`
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
}

// Leader is the head of a department, who signed the pledge.
type Leader struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

// Pledge is one commitment.
type Pledge struct {
	Number int     `json:"number"` // 1, 2, 3… within the department
	Text   string  `json:"text"`
	Target *Target `json:"target,omitempty"`
	Due    string  `json:"due,omitempty"` // YYYY-MM-DD
	Status string  `json:"status"`
	// Updates are what has happened since, newest first.
	Updates []Update `json:"updates,omitempty"`
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
	Compare string  `json:"compare"`
}

// New assembles the dataset of one language from validated content.
func New(plan *site.Plan, s *content.Site, lang config.Language) *Dataset {
	cfg := plan.Config()
	text := func(t content.Text) string { return inLanguage(t, lang.Code, cfg.Codes()) }
	d := &Dataset{
		Schema:        plan.AbsURL(site.DataPath(lang.Code, SchemaFile)),
		SchemaVersion: SchemaVersion,
		Language:      lang.Code,
		Lang:          lang.Lang,
		Title:         cfg.Title[lang.Code],
		URL:           plan.Permalink(plan.Lookup(lang.Code, "")),
		Groups:        []Group{},
		Departments:   make([]Department, 0, len(s.Departments)),
	}
	for _, g := range s.Groups {
		d.Groups = append(d.Groups, Group{ID: g.ID, Title: text(g.Title)})
	}
	for _, dep := range s.Departments {
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
			pl := Pledge{Number: i + 1, Text: text(p.Text), Status: p.Status}
			if p.Target != nil {
				pl.Target = &Target{Value: p.Target.Value, Unit: p.Target.Unit, Compare: p.Target.Compare}
			}
			if !p.Due.IsZero() {
				pl.Due = p.Due.Format("2006-01-02")
			}
			for _, u := range p.Updates {
				pl.Updates = append(pl.Updates, Update{Date: u.Date.Format("2006-01-02"), Text: text(u.Text), Source: u.Source, Status: u.Status})
			}
			out.Pledges = append(out.Pledges, pl)
		}
		d.Departments = append(d.Departments, out)
	}
	return d
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
