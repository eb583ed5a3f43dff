package render

import (
	"fmt"
	"html/template"
	"strconv"
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
	// editions are the named editions as the language names them, by id.
	editions map[string]*EditionView

	// statuses holds, for each of content.Statuses, its label, badge class
	// and badge, or the error of a label missing from the interface strings.
	statuses map[string]status
	// badge draws a status's badge (Theme.badge).
	badge func(StatusBadge) (template.HTML, error)
}

type status struct {
	label, class string
	badge        template.HTML // drawn by the theme's badge partial
	err          error
}

// newLocale prepares what pages of language l show. Each status's badge is
// drawn once, by badge: a build shows tens of thousands of pledges, and a
// badge drawn in each was two template actions apiece.
func newLocale(cfg *config.Config, catalog i18n.Catalog, unitTable *units.Table, l config.Language, badge func(StatusBadge) (template.HTML, error)) *locale {
	lc := &locale{lang: l, all: cfg.Languages, catalog: catalog, strings: catalog[l.Code], units: unitTable,
		statuses: make(map[string]status, len(content.Statuses)), badge: badge}
	for _, s := range content.Statuses {
		lc.statuses[s] = lc.newStatus(s)
	}
	return lc
}

// newStatus looks up a status's label and draws its badge.
func (lc *locale) newStatus(s string) status {
	st := status{class: "badge s-" + strings.ToLower(s)}
	if st.label, st.err = lc.t("status_" + s); st.err == nil {
		st.badge, st.err = lc.badge(StatusBadge{Class: st.class, Label: st.label})
	}
	return st
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
	st := lc.statusOf(s)
	return st.label, st.class, st.err
}

// statusOf is a pledge status's label, badge class and badge.
func (lc *locale) statusOf(s string) status {
	if st, ok := lc.statuses[s]; ok {
		return st
	}
	// Validate refuses unknown statuses; a label is still looked up, as the
	// theme may know it.
	return lc.newStatus(s)
}

// figure writes a figure in its unit the language's way: 2541亿元, 254.1
// billion yuan, 1,500 projects.
func (lc *locale) figure(f content.Figure) (string, error) {
	w, err := lc.written(f)
	return w.String(), err
}

// written is figure in parts: the number apart from the words around it.
func (lc *locale) written(f content.Figure) (units.Written, error) {
	if lc.units == nil {
		return units.Written{}, fmt.Errorf("no content/units.yaml to format %v %s", f.Value, f.Unit)
	}
	w, ok := lc.units.Write(f.Value, f.Unit, lc.lang.Code, f.Noun.In(lc.lang.Code))
	if !ok {
		// Validate refuses unknown units, so this is a theme or table mistake.
		return units.Written{}, fmt.Errorf("unit %q has no %s style in content/units.yaml", f.Unit, lc.lang.Code)
	}
	return w, nil
}

// target writes a pledge's target: "超过2500亿元", "more than 250 billion
// yuan". Fewer than a count of things is not less than an amount: “fewer than
// 400 projects”, “less than 30%”.
func (lc *locale) target(t *content.Target) (string, error) {
	fig, err := lc.figure(t.Figure)
	if err != nil {
		return "", err
	}
	key := "compare_" + t.Compare
	if t.Compare == "less-than" && lc.units.Measure(t.Unit) {
		key = "compare_fewer-than"
	}
	return lc.tf(key, "value", fig)
}

// htmlf is the interface string key, escaped, with {name} placeholders
// replaced by the given HTML: for strings that place content which needs
// markup of its own (a quotation in another language).
func (lc *locale) htmlf(key string, pairs ...template.HTML) (template.HTML, error) {
	s, err := lc.t(key)
	if err != nil {
		return "", err
	}
	out := template.HTMLEscapeString(s)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = strings.ReplaceAll(out, "{"+string(pairs[i])+"}", string(pairs[i+1]))
	}
	return template.HTML(out), nil
}

// quote is text in the language code, escaped, marked with its language when
// that is not the page's: the source's words on an English page.
func (lc *locale) quote(code, s string) template.HTML {
	if code == "" || code == lc.lang.Code {
		return template.HTML(template.HTMLEscapeString(s))
	}
	for _, l := range lc.all {
		if l.Code == code {
			return template.HTML(fmt.Sprintf(`<span lang="%s">%s</span>`, template.HTMLEscapeString(l.Lang), template.HTMLEscapeString(s)))
		}
	}
	return template.HTML(template.HTMLEscapeString(s))
}

// dueBasis is what a due date rests on, as the page says it after the date:
// " (stated as 年底前)", " (inferred from 全年)".
func (lc *locale) dueBasis(d *content.Due) (template.HTML, error) {
	if d.Words == "" {
		return "", nil
	}
	return lc.htmlf("due_"+d.Basis(), "words", lc.quote(d.Lang, d.Words))
}

// corrections are the corrections a page lists, each as one sentence: what the
// source printed, what is printed here, and why.
func (lc *locale) corrections(cs []content.Correction) (CorrectionsView, error) {
	v := CorrectionsView{L: lc.strings}
	if len(cs) == 0 {
		return v, nil
	}
	v.Items = make([]template.HTML, len(cs))
	for i, c := range cs {
		note, err := lc.html(c.Note)
		if err != nil {
			return v, err
		}
		if v.Items[i], err = lc.htmlf("correction", "printed", lc.quote(c.Lang, c.Printed), "corrected", lc.quote(c.Lang, c.Corrected), "note", note); err != nil {
			return v, err
		}
	}
	return v, nil
}

// correctionsText is the corrections as plain text, for a feed entry: "" when
// there are none.
func (lc *locale) correctionsText(cs []content.Correction) (string, error) {
	if len(cs) == 0 {
		return "", nil
	}
	lead, err := lc.t("corrections_lead")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(lead)
	for i, c := range cs {
		item, err := lc.tf("correction", "printed", c.Printed, "corrected", c.Corrected, "note", lc.text(c.Note))
		if err != nil {
			return "", err
		}
		if i > 0 {
			// English puts a space between sentences, Chinese none.
			if item, err = lc.tf("next_sentence", "sentence", item); err != nil {
				return "", err
			}
		}
		b.WriteString(item)
	}
	return b.String(), nil
}

// editionNumber is an edition's number as the language says it: 第四期,
// Session 4. The language's "numerals" string says how it writes the number:
// "chinese" (四, as the series names its editions) or "digits".
func (lc *locale) editionNumber(n int) (string, error) {
	style, err := lc.t("numerals")
	if err != nil {
		return "", err
	}
	num := strconv.Itoa(n)
	if style == "chinese" {
		num = chineseNumeral(n)
	}
	return lc.tf("edition_number", "n", num)
}

// chineseNumeral writes 1 to 99 in Chinese numerals (四, 十二, 二十), and
// larger numbers in digits, as newspapers number their series.
func chineseNumeral(n int) string {
	const digits = "〇一二三四五六七八九"
	d := func(i int) string { return string([]rune(digits)[i]) }
	switch {
	case n < 1 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return d(n)
	}
	var b strings.Builder
	if n/10 > 1 {
		b.WriteString(d(n / 10))
	}
	b.WriteString("十")
	if n%10 > 0 {
		b.WriteString(d(n % 10))
	}
	return b.String()
}
