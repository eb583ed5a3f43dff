package render

import (
	"html/template"

	"leitai/generator/internal/jsonld"
	"leitai/generator/internal/site"
)

// What the page's <head> tells search engines and link previews in chat apps.

// alternates lists the page in every language it exists in, then x-default: the
// page in the default language, where readers who match no language land.
func (r *Renderer) alternates(pg *site.Page) []Hreflang {
	ts := r.plan.Translations(pg)
	out := make([]Hreflang, 0, len(ts)+1)
	for _, t := range ts {
		out = append(out, Hreflang{Hreflang: t.Lang.Lang, Permalink: t.Permalink})
	}
	def := r.plan.Translation(pg, r.cfg.Default().Code)
	if def == nil {
		def = pg
	}
	return append(out, Hreflang{Hreflang: "x-default", Permalink: def.Permalink})
}

// head fills in what every page's head and header show about the page itself.
func (r *Renderer) head(v *View, pg *site.Page) error {
	v.URL = pg.URL
	switch pg.Kind {
	case site.NotFound:
		// The not-found page has no address of its own to list.
	case site.Home:
		// The root page leads to the summary in the default language.
		v.Canonical = r.plan.Lookup(r.cfg.Default().Code, "").Permalink
	case site.Redirect:
		// A page that moved names its new address as the one to list.
		v.Canonical = pg.Target.Permalink
	default:
		v.Canonical = pg.Permalink
	}
	if pg.Indexable() {
		v.Hreflang = r.alternates(pg)
	}
	v.OGType = "website"
	if pg.Kind == site.Article {
		v.OGType = "article"
	}
	for _, t := range r.plan.Translations(pg) {
		if t == pg {
			continue
		}
		v.OtherLanguages = append(v.OtherLanguages, LanguageLink{URL: t.URL, Lang: t.Lang.Lang, Name: t.Lang.Name})
		s, err := r.strings.T(t.Lang.Code, "og_locale")
		if err != nil {
			return err
		}
		v.OGLocales = append(v.OGLocales, s)
	}
	return nil
}

// departmentJSONLD describes a department as a schema.org organisation.
func (r *Renderer) departmentJSONLD(lc *locale, pg *site.Page, description string) (template.JS, error) {
	d := pg.Department
	o := jsonld.NewGovernmentOrganization()
	o.Name, o.URL = lc.text(d.Name), pg.Permalink
	o.Description = description
	o.Employee = jsonld.NewPerson(lc.text(d.Leader.Name), lc.text(d.Leader.Title))
	// The reports that cover the department, and only those: a site keeps
	// years of reports, and each page cites what it came from.
	for _, slug := range r.coveredBy(d.Slug) {
		if pg.Kind == site.Appearance && r.content.AnyArticle(slug).EditionID != d.EditionID {
			continue // on its page in one edition, that edition's reports
		}
		if a := r.plan.Lookup(lc.lang.Code, "articles/"+slug+"/"); a != nil {
			o.SubjectOf = append(o.SubjectOf, jsonld.Ref{Type: "NewsArticle", URL: a.Permalink, Name: a.Article.Title})
		}
	}
	return marshalJSONLD(o)
}

// articleJSONLD describes a report as a schema.org news article, on its first
// part only: the report is described once.
func articleJSONLD(pg *site.Page, date string) (template.JS, error) {
	if p := pg.Pager; p != nil && p.Number > 1 {
		return "", nil
	}
	a := pg.Article
	n := jsonld.NewNewsArticle()
	n.Headline, n.AlternativeTitle, n.Description = a.Title, a.Subtitle, a.Lead
	n.URL, n.MainEntityOfPage = pg.Permalink, pg.Permalink
	n.InLanguage = pg.Lang.Lang
	n.DatePublished, n.DateModified = date, date
	for _, name := range a.Reporters {
		n.Author = append(n.Author, jsonld.NewPerson(name, ""))
	}
	if a.Source != "" {
		n.Publisher = &jsonld.Organization{Type: "NewsMediaOrganization", Name: a.Source}
	}
	return marshalJSONLD(n)
}

func marshalJSONLD(data any) (template.JS, error) {
	b, err := jsonld.Marshal(data)
	// Marshal escaped <, > and &, so the bytes are safe inside the script element.
	return template.JS(b), err
}
