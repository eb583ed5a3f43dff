package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/i18n"
	"leitai/generator/internal/units"
)

// locale is what a language's pages share: its interface strings, how it
// writes dates and figures, and the values every page of the language shows
// (site). A Renderer makes one per language when it is made, so no page works
// them out again.
type locale struct {
	lang    config.Language
	all     []config.Language // the site's languages, for texts not yet translated
	catalog i18n.Catalog
	strings map[string]string
	units   *units.Table
	site    *SiteView
	err     error // what site lacks: an interface string it falls back to

	// statuses holds, for each of content.Statuses, its label and badge class,
	// or the error of a label missing from the interface strings.
	statuses map[string]status
}

type status struct {
	label, class string
	err          error
}

func newLocale(cfg *config.Config, catalog i18n.Catalog, unitTable *units.Table, l config.Language) *locale {
	lc := &locale{lang: l, all: cfg.Languages, catalog: catalog, strings: catalog[l.Code], units: unitTable,
		statuses: make(map[string]status, len(content.Statuses))}
	for _, s := range content.Statuses {
		label, err := lc.t("status_" + s)
		lc.statuses[s] = status{label: label, class: "badge s-" + strings.ToLower(s), err: err}
	}
	return lc
}

// t is the interface string key in the language.
func (lc *locale) t(key string) (string, error) { return lc.catalog.T(lc.lang.Code, key) }

// tf is t with {name} placeholders filled from name, value pairs.
func (lc *locale) tf(key string, pairs ...string) (string, error) {
	return lc.catalog.Tf(lc.lang.Code, key, pairs...)
}

// text is a bilingual text in the language as plain text (for attributes and
// the head), falling back to any language.
func (lc *locale) text(t content.Text) string {
	if s := t.In(lc.lang.Code); s != "" {
		return s
	}
	for _, l := range lc.all {
		if s := t.In(l.Code); s != "" {
			return s
		}
	}
	return ""
}

// html is a bilingual text in the language, escaped. Where a translation is
// pending (config allows it), the other language's text is shown, marked with
// its lang and a notice, so the page stays valid and honest.
func (lc *locale) html(t content.Text) (template.HTML, error) {
	if s := t.In(lc.lang.Code); s != "" {
		return template.HTML(template.HTMLEscapeString(s)), nil
	}
	for _, l := range lc.all {
		if s := t.In(l.Code); s != "" {
			notice, err := lc.t("translation_pending")
			if err != nil {
				return "", err
			}
			return template.HTML(fmt.Sprintf(`<span lang="%s">%s</span> <span class="pending">(%s)</span>`,
				template.HTMLEscapeString(l.Lang), template.HTMLEscapeString(s), template.HTMLEscapeString(notice))), nil
		}
	}
	return "", nil
}

// date is a date as <time> shows it.
func (lc *locale) date(t time.Time) (DateView, error) {
	layout, err := lc.t("date_format")
	if err != nil {
		return DateView{}, err
	}
	return DateView{ISO: t.Format("2006-01-02"), Display: t.Format(layout)}, nil
}

// join joins texts with the language's list separator.
func (lc *locale) join(items []string) (string, error) {
	sep, err := lc.t("list_separator")
	if err != nil {
		return "", err
	}
	return strings.Join(items, sep), nil
}

// status is a pledge status's label ("已完成", "met") and badge class.
func (lc *locale) status(s string) (label, class string, err error) {
	st, ok := lc.statuses[s]
	if !ok {
		// Validate refuses unknown statuses; a label is still looked up, as
		// the theme may know it.
		label, err = lc.t("status_" + s)
		return label, "badge s-" + strings.ToLower(s), err
	}
	return st.label, st.class, st.err
}

// figure writes a value in its unit the language's way: 2541亿元, 254.1
// billion yuan.
func (lc *locale) figure(value float64, unit string) (string, error) {
	if lc.units == nil {
		return "", fmt.Errorf("no content/units.yaml to format %v %s", value, unit)
	}
	s, ok := lc.units.Format(value, unit, lc.lang.Code)
	if !ok {
		// Validate refuses unknown units, so this is a theme or table mistake.
		return "", fmt.Errorf("unit %q has no %s style in content/units.yaml", unit, lc.lang.Code)
	}
	return s, nil
}

// target writes a pledge's target: "不少于2500亿元", "at least 250 billion yuan".
func (lc *locale) target(t *content.Target) (string, error) {
	fig, err := lc.figure(t.Value, t.Unit)
	if err != nil {
		return "", err
	}
	return lc.tf("compare_"+t.Compare, "value", fig)
}
