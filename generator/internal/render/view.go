package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/diag"
	"leitai/generator/internal/markdown"
	"leitai/generator/internal/site"
)

// View is what a template sees as “.”: the page, its language, and methods that
// answer in that language.
type View struct {
	r    *Renderer
	Page *site.Page
	Lang string
	// L holds the interface strings in the page's language: {{ .L.pledge }} is
	// {{ .T "pledge" }} read as a map rather than called by reflection, for the
	// lists templates repeat on every page. A key missing from the language's
	// strings stops the build, as T does (the templates run with
	// missingkey=error).
	L        map[string]string
	problems diag.List
}

// Site is all the content.
func (v *View) Site() *content.Site { return v.r.content }

// Language is the page's language as configured.
func (v *View) Language() config.Language { return v.Page.Lang }

// SiteTitle is the site's title in the page's language.
func (v *View) SiteTitle() string { return v.r.cfg.Title[v.Lang] }

// SiteDescription says what the publication is, in the page's language: the
// site's own words from config.yaml, or the theme's general ones.
func (v *View) SiteDescription() (string, error) {
	if s := v.r.cfg.Description[v.Lang]; s != "" {
		return s, nil
	}
	return v.T("summary_description")
}

// SiteIntro is the paragraph under the summary's heading: config.yaml's, or the
// theme's.
func (v *View) SiteIntro() (string, error) {
	if s := v.r.cfg.Intro[v.Lang]; s != "" {
		return s, nil
	}
	return v.T("summary_intro")
}

// T is the interface string key in the page's language.
func (v *View) T(key string) (string, error) { return v.r.strings.T(v.Lang, key) }

// Tf is T with {name} placeholders filled from name, value pairs.
func (v *View) Tf(key string, pairs ...string) (string, error) {
	return v.r.strings.Tf(v.Lang, key, pairs...)
}

// Tr is a bilingual text in the page's language. Where a translation is pending
// (config allows it), the other language's text is shown, marked with its lang
// and a notice, so the page stays valid and honest.
func (v *View) Tr(t content.Text) (template.HTML, error) {
	if s := t.In(v.Lang); s != "" {
		return template.HTML(template.HTMLEscapeString(s)), nil
	}
	for _, l := range v.r.cfg.Languages {
		if s := t.In(l.Code); s != "" {
			notice, err := v.T("translation_pending")
			if err != nil {
				return "", err
			}
			return template.HTML(fmt.Sprintf(`<span lang="%s">%s</span> <span class="pending">(%s)</span>`,
				template.HTMLEscapeString(l.Lang), template.HTMLEscapeString(s), template.HTMLEscapeString(notice))), nil
		}
	}
	return "", nil
}

// Text is a bilingual text in the page's language as plain text (for attributes and
// the head), falling back to any language.
func (v *View) Text(t content.Text) string {
	if s := t.In(v.Lang); s != "" {
		return s
	}
	for _, l := range v.r.cfg.Languages {
		if s := t.In(l.Code); s != "" {
			return s
		}
	}
	return ""
}

// Markdown renders a bilingual Markdown text (a statement) in the page's language.
func (v *View) Markdown(t content.Text, file string) (template.HTML, error) {
	lt, _ := t.Lookup(v.Lang)
	if lt.Value == "" {
		return v.Tr(t)
	}
	html, _, err := v.r.renderMarkdown(v.Lang, lt.Value, file, lt.Pos, &v.problems)
	return html, err
}

// Body renders the page's article.
func (v *View) Body() (template.HTML, error) {
	a := v.Page.Article
	body, line := a.Part(v.Page.Sections[0], v.Page.Sections[1])
	html, _, err := v.r.renderMarkdown(v.Lang, string(body), a.File, diag.Pos{Line: line, Col: 1}, &v.problems)
	return html, err
}

// LastPart reports whether the page shows the end of its report: a report read
// in parts shows its credits once, at the end.
func (v *View) LastPart() bool {
	return v.Page.Pager == nil || v.Page.Pager.Next == nil
}

// Headings lists the article's headings, for a table of contents.
func (v *View) Headings() ([]markdown.Heading, error) {
	a := v.Page.Article
	body, line := a.Part(v.Page.Sections[0], v.Page.Sections[1])
	var discard diag.List
	_, hs, err := v.r.renderMarkdown(v.Lang, string(body), a.File, diag.Pos{Line: line, Col: 1}, &discard)
	return hs, err
}

// URL is the page's address from the host's root.
func (v *View) URL() string { return v.r.plan.RelURL(v.Page) }

// Permalink is the page's absolute URL.
func (v *View) Permalink() string { return v.r.plan.Permalink(v.Page) }

// Alternate is the page in one language.
type Alternate struct {
	Lang      config.Language
	URL       string
	Permalink string
	Current   bool
}

// Alternates lists the page in every language it exists in.
func (v *View) Alternates() []Alternate {
	var out []Alternate
	for _, t := range v.r.plan.Translations(v.Page) {
		out = append(out, Alternate{Lang: t.Lang, URL: v.r.plan.RelURL(t), Permalink: v.r.plan.Permalink(t), Current: t == v.Page})
	}
	return out
}

// OtherLanguages lists the page in the languages other than its own, for the
// language switch; empty when the page exists in one language only.
func (v *View) OtherLanguages() []Alternate {
	var out []Alternate
	for _, a := range v.Alternates() {
		if !a.Current {
			out = append(out, a)
		}
	}
	return out
}

// DefaultAlternate is the page in the default language, for hreflang="x-default".
func (v *View) DefaultAlternate() string {
	if t := v.r.plan.Translation(v.Page, v.r.cfg.Default().Code); t != nil {
		return v.r.plan.Permalink(t)
	}
	return v.Permalink()
}

// Home is the summary in the page's language.
func (v *View) Home() string { return v.r.plan.RelURL(v.r.plan.Lookup(v.Lang, "")) }

// SummaryIn is the summary's address in lang.
func (v *View) SummaryIn(lang string) string {
	return v.r.plan.RelURL(v.r.plan.Lookup(lang, ""))
}

// SearchURL is the search page in the page's language.
func (v *View) SearchURL() string {
	return v.r.plan.RelURL(v.r.plan.Lookup(v.Lang, site.SearchKey))
}

// DataURL is the address of an open-data file in the page's language:
// "pledges.json" becomes "/pledges/zh/data/pledges.json".
func (v *View) DataURL(name string) string { return v.r.plan.DataURL(v.Lang, name) }

// DepartmentURL is a department's page in the page's language.
func (v *View) DepartmentURL(d *content.Department) string {
	return v.r.plan.RelURL(v.r.plan.DepartmentPage(v.Lang, d))
}

// ArticleLink is an article, in the page's language, with its address.
type ArticleLink struct {
	*content.Article
	URL string
}

// Articles lists the articles the page shows, in its language, newest first: the
// summary the newest few, a page of the article list its slice.
func (v *View) Articles() []ArticleLink {
	var list []*content.Article
	switch v.Page.Kind {
	case site.Articles:
		list = v.Page.ArticleList
	default:
		for _, slug := range v.r.content.ArticleSlugs {
			if a := v.r.content.Articles[slug][v.Lang]; a != nil {
				list = append(list, a)
			}
			if v.Page.Kind == site.Summary && len(list) == site.ArticlesOnSummary {
				break
			}
		}
	}
	out := make([]ArticleLink, 0, len(list))
	for _, a := range list {
		out = append(out, ArticleLink{Article: a, URL: v.r.plan.RelURL(v.r.plan.Lookup(v.Lang, "articles/"+a.Slug+"/"))})
	}
	return out
}

// ArticlesURL is the address of the list of all articles, or "" when the summary
// shows them all.
func (v *View) ArticlesURL() string {
	if pg := v.r.plan.Lookup(v.Lang, "articles/"); pg != nil {
		return v.r.plan.RelURL(pg)
	}
	return ""
}

// Paged is true when the summary lists the groups and each group has its own
// pages of cards, because all the cards would not fit the page budget.
func (v *View) Paged() bool { return v.r.plan.Paged }

// GroupView is a group with its departments, for the summary.
type GroupView struct {
	content.Group
	Departments []*content.Department
	// URL is the group's first page of cards when the summary is paged.
	URL string
}

// Groups lists the groups in order, each with its departments by order.
// Departments whose group is unknown cannot reach here: Validate refuses them.
func (v *View) Groups() []GroupView {
	var out []GroupView
	for _, g := range v.r.content.Groups {
		gv := GroupView{Group: g, Departments: v.r.plan.GroupDepartments[g.ID]}
		if pg := v.r.plan.GroupPage(v.Lang, g.ID); pg != nil {
			gv.URL = v.r.plan.RelURL(pg)
		}
		if len(gv.Departments) > 0 {
			out = append(out, gv)
		}
	}
	return out
}

// Card is a department's card on a listing page, for partials/card.html, which
// needs the view as well as the department.
type Card struct {
	*View
	Department *content.Department
}

// Card wraps a department for partials/card.html.
func (v *View) Card(d *content.Department) Card { return Card{View: v, Department: d} }

// PageURL is another page's address, e.g. a pager's previous page.
func (v *View) PageURL(pg *site.Page) string { return v.r.plan.RelURL(pg) }

// Group returns the group of a department.
func (v *View) Group(d *content.Department) *content.Group { return v.r.content.GroupOf(d.Group) }

// Date formats a date the way the page's language writes it.
func (v *View) Date(t time.Time) (string, error) {
	layout, err := v.T("date_format")
	if err != nil {
		return "", err
	}
	return t.Format(layout), nil
}

// ISODate is a date as YYYY-MM-DD, for <time datetime> and metadata.
func (v *View) ISODate(t time.Time) string { return t.Format("2006-01-02") }

// Asset is the address of a static file by its source name: "style.css" becomes
// "/pledges/style.3f2a….css".
func (v *View) Asset(name string) (string, error) {
	out, ok := v.r.assetURLs[name]
	if !ok {
		return "", fmt.Errorf("no static file %q in the theme", name)
	}
	return v.r.cfg.BasePath() + out, nil
}

// AbsURL makes a path relative to the base URL absolute.
func (v *View) AbsURL(rel string) string { return v.r.plan.AbsURL(rel) }

// BasePath is the base URL's path: "/" or "/pledges/".
func (v *View) BasePath() string { return v.r.cfg.BasePath() }

// Languages are the site's languages.
func (v *View) Languages() []config.Language { return v.r.cfg.Languages }

// Join joins texts with the language's list separator.
func (v *View) Join(items []string) (string, error) {
	sep, err := v.T("list_separator")
	if err != nil {
		return "", err
	}
	return strings.Join(items, sep), nil
}
