package render

import (
	"html/template"

	"leitai/generator/internal/jsonld"
	"leitai/generator/internal/site"
)

// What the page's <head> tells search engines and link previews in chat apps.

// alternate is one language version of a page for hreflang, x-default included.
type alternate struct {
	Hreflang  string
	Permalink string
}

// alternates lists the page in every language it exists in, then x-default: the
// page in the default language, where readers who match no language land.
func (r *Renderer) alternates(pg *site.Page) []alternate {
	var out []alternate
	for _, t := range r.plan.Translations(pg) {
		out = append(out, alternate{Hreflang: t.Lang.Lang, Permalink: r.plan.Permalink(t)})
	}
	def := r.plan.Translation(pg, r.cfg.Default().Code)
	if def == nil {
		def = pg
	}
	return append(out, alternate{Hreflang: "x-default", Permalink: r.plan.Permalink(def)})
}

// HreflangLinks are the <link rel="alternate" hreflang> of an indexable page.
func (v *View) HreflangLinks() []alternate {
	if !v.Page.Indexable() {
		return nil
	}
	return v.r.alternates(v.Page)
}

// Canonical is the address search engines should list for this page: its own
// permalink, or for the root page the summary it leads to. The not-found page has
// none ("").
func (v *View) Canonical() string {
	switch v.Page.Kind {
	case site.NotFound:
		return ""
	case site.Home:
		return v.r.plan.Permalink(v.r.plan.Lookup(v.r.cfg.Default().Code, ""))
	}
	return v.Permalink()
}

// OGType is the Open Graph type: an article for a report, a website otherwise.
func (v *View) OGType() string {
	if v.Page.Kind == site.Article {
		return "article"
	}
	return "website"
}

// OGLocales are the Open Graph locales of the page's other languages.
func (v *View) OGLocales() ([]string, error) {
	var out []string
	for _, t := range v.r.plan.Translations(v.Page) {
		if t == v.Page {
			continue
		}
		s, err := v.r.strings.T(t.Lang.Code, "og_locale")
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// FeedURL is the Atom feed in the page's language.
func (v *View) FeedURL() string { return v.r.plan.FileURL(v.r.plan.FeedPath(v.Lang)) }

// DepartmentDescription is the one-sentence description of the page's department,
// for the meta description, link previews and the feed.
func (v *View) DepartmentDescription() (string, error) {
	d := v.Page.Department
	return v.Tf("department_description", "name", v.Text(d.Name), "leader", v.Text(d.Leader.Name))
}

// JSONLD describes the page as schema.org data, or is empty for pages that are
// neither a report nor a department.
func (v *View) JSONLD() (template.JS, error) {
	var data any
	switch v.Page.Kind {
	case site.Article:
		if pg := v.Page.Pager; pg != nil && pg.Number > 1 {
			return "", nil // the report is described once, on its first part
		}
		a := v.Page.Article
		n := jsonld.NewNewsArticle()
		n.Headline, n.AlternativeTitle, n.Description = a.Title, a.Subtitle, a.Lead
		n.URL, n.MainEntityOfPage = v.Permalink(), v.Permalink()
		n.InLanguage = v.Page.Lang.Lang
		n.DatePublished, n.DateModified = v.ISODate(a.Date), v.ISODate(a.Date)
		for _, name := range a.Reporters {
			n.Author = append(n.Author, jsonld.NewPerson(name, ""))
		}
		if a.Source != "" {
			n.Publisher = &jsonld.Organization{Type: "NewsMediaOrganization", Name: a.Source}
		}
		data = n
	case site.Department:
		d := v.Page.Department
		o := jsonld.NewGovernmentOrganization()
		o.Name, o.URL = v.Text(d.Name), v.Permalink()
		desc, err := v.DepartmentDescription()
		if err != nil {
			return "", err
		}
		o.Description = desc
		o.Employee = jsonld.NewPerson(v.Text(d.Leader.Name), v.Text(d.Leader.Title))
		// The reports that cover the department, and only those: a site keeps
		// years of reports, and each page cites what it came from.
		for _, slug := range v.r.coveredBy(d.Slug) {
			if pg := v.r.plan.Lookup(v.Lang, "articles/"+slug+"/"); pg != nil {
				o.SubjectOf = append(o.SubjectOf, jsonld.Ref{Type: "NewsArticle", URL: v.r.plan.Permalink(pg), Name: pg.Article.Title})
			}
		}
		data = o
	default:
		return "", nil
	}
	b, err := jsonld.Marshal(data)
	// Marshal escaped <, > and &, so the bytes are safe inside the script element.
	return template.JS(b), err
}
