package content

import (
	"fmt"
	"strings"
	"time"

	"leitai/generator/internal/diag"
	"leitai/generator/internal/units"
)

// ValidateOptions says what the site requires of its content.
type ValidateOptions struct {
	Langs []string
	// PendingTranslations lets a text lack a language: a warning instead of an
	// error, and the page says the translation is pending.
	PendingTranslations bool
	// EventDate is when the pledges were made; a due date or an update before it is
	// a mistake. Zero skips the check.
	EventDate time.Time
}

// Validate checks what no single file can: that orders and ids are unique, that
// every department's group exists, and that every text has every language.
func Validate(s *Site, o ValidateOptions) diag.List {
	problems := ValidateSite(s, o)
	// Each department is checked on its own against the read-only site, so the
	// checks run on all cores (a tenth of a second on one, at 10,000).
	per := make([]diag.List, len(s.Departments))
	parallel(len(s.Departments), func(i int) { per[i] = ValidateDepartment(s, s.Departments[i], o) })
	for _, l := range per {
		problems.Append(l)
	}
	return problems
}

// ValidateDepartment checks what one department's file holds against the rest of
// the site: its group exists, every text has every language, its units and dates
// make sense. Its result changes only when the file, the groups or the units do,
// so a rebuild after one edit can keep the others' results.
func ValidateDepartment(s *Site, d *Department, o ValidateOptions) diag.List {
	var problems diag.List
	if d.Group != "" && s.GroupOf(d.Group) == nil {
		ids := make([]string, 0, len(s.Groups))
		for _, g := range s.Groups {
			ids = append(ids, g.ID)
		}
		problems.Errorf(d.GroupPos, "use an id from content/groups.yaml: "+strings.Join(ids, ", "), "group %q does not exist", d.Group)
	}
	d.eachText(func(t *Text) { checkText(&problems, *t, o) })
	// A pledge is made on the day of its edition: a named edition's date
	// stands for the config's event date.
	if e := s.Index().Edition(d.EditionID); e != nil && !e.Date.IsZero() {
		o.EventDate = e.Date
	}
	checkTracking(&problems, s, d, o)
	return problems
}

// ValidateSite checks what spans files: group ids and department orders are
// unique, groups are translated, and every article has every language.
func ValidateSite(s *Site, o ValidateOptions) diag.List {
	var problems diag.List
	// An empty site would build: a summary of nothing, and feeds and a sitemap
	// dated year 1, since their dates come from the reports.
	switch {
	case len(s.Departments) > 0:
	case s.Layered:
		problems.Errorf(diag.Pos{File: "content/editions"}, "start one with `go run ./generator new department <slug> --edition <id>`",
			"the site has no departments: no edition's departments/ folder holds a department file")
	default:
		problems.Errorf(diag.Pos{File: "content/departments"}, "start one with `go run ./generator new department <slug>`",
			"the site has no departments: content/departments/ holds no department file")
	}
	dated := !o.EventDate.IsZero()
	if e := s.Newest(); e != nil && !e.Date.IsZero() {
		dated = true // the newest edition's date stands for the event's
	}
	if len(s.ArticleSlugs) == 0 && !dated {
		problems.Errorf(diag.Pos{File: "content/articles"}, "add the report (`go run ./generator new article <slug>`), or set “event: {date: YYYY-MM-DD}” in config.yaml",
			"the site has no report and config.yaml gives no event date: its feeds and sitemap would have no date")
	}
	groupAt := map[string]diag.Pos{}
	for _, g := range s.Groups {
		if g.ID == "" {
			continue
		}
		if first, dup := groupAt[g.ID]; dup {
			problems.Errorf(g.Pos, "give each group its own id", "group id %q is already used at line %d", g.ID, first.Line)
			continue
		}
		groupAt[g.ID] = g.Pos
		checkText(&problems, g.Title, o)
	}

	problems.Append(validateEditions(s, o))
	// Orders place departments on their edition's summary: each once there.
	// A link's other end may be in any file, and change in any edit: links
	// are checked with what spans files, every time. One pass does both.
	x := s.Index()
	orderOf := make(map[int]*Department, len(s.Departments))
	for i, d := range s.Departments {
		if i > 0 && d.EditionID != s.Departments[i-1].EditionID {
			clear(orderOf)
		}
		if d.Order > 0 {
			if other, dup := orderOf[d.Order]; dup {
				problems.Errorf(d.OrderPos, fmt.Sprintf("each department needs its own order; the next free one is %d", nextFree(orderOf)),
					"order %d is already used by %s", d.Order, other.File)
			} else {
				orderOf[d.Order] = d
			}
		}
		if len(d.linked) == 0 {
			continue
		}
		if e := x.Edition(d.EditionID); s.Layered && e != nil && !e.Named() {
			continue // its edition has no file, which is reported: its place in the series is unknown
		}
		for _, i := range d.linked {
			if _, p := x.resolve(d, i); p != nil {
				problems.Add(*p)
			}
		}
	}

	for _, slug := range s.ArticleSlugs {
		versions := s.Articles[slug]
		var any *Article
		for _, l := range o.Langs {
			if a := versions[l]; a != nil {
				for _, c := range a.Corrections {
					checkText(&problems, c.Note, o)
				}
			}
		}
		for _, a := range versions {
			any = a
			break
		}
		for _, l := range o.Langs {
			if versions[l] != nil {
				continue
			}
			if o.PendingTranslations {
				problems.Warnf(diag.Pos{File: any.File}, fmt.Sprintf("add %s.%s.md", slug, l), "article %q has no %s version yet", slug, l)
			} else {
				problems.Errorf(diag.Pos{File: any.File}, fmt.Sprintf("add articles/%s.%s.md with the translation", slug, l), "article %q has no %s version", slug, l)
			}
		}
	}
	return problems
}

// eachText calls f with every reader-facing text of a department, in file
// order. (A list of them was a large part of what loading allocated.)
func (d *Department) eachText(f func(*Text)) {
	f(&d.Name)
	f(&d.Leader.Name)
	f(&d.Leader.Title)
	for i := range d.Record {
		a := &d.Record[i]
		f(&a.Text)
		for j := range a.Metrics {
			if a.Metrics[j].Label.Decoded {
				f(&a.Metrics[j].Label)
			}
		}
	}
	for i := range d.Pledges {
		p := &d.Pledges[i]
		f(&p.Text)
		for j := range p.Updates {
			f(&p.Updates[j].Text)
		}
	}
	f(&d.Statement)
	for i := range d.Corrections {
		f(&d.Corrections[i].Note)
	}
}

func checkText(problems *diag.List, t Text, o ValidateOptions) {
	if !t.Decoded {
		return // not decoded; its problem is already reported
	}
	var have []string
	for _, l := range o.Langs {
		if _, ok := t.Lookup(l); ok {
			have = append(have, l)
		}
	}
	for _, l := range o.Langs {
		if _, ok := t.Lookup(l); ok {
			continue
		}
		// An empty map is reported once, not once per language.
		if len(have) == 0 {
			problems.Errorf(t.Pos, fmt.Sprintf("add %s: lines", strings.Join(o.Langs, ": and ")), "%s has no text", t.Field)
			return
		}
		hint := fmt.Sprintf("add “%s: …” beside “%s:”", l, have[0])
		if o.PendingTranslations {
			problems.Warnf(t.Pos, hint, "%s has no %s translation yet", t.Field, l)
		} else {
			problems.Errorf(t.Pos, hint+" (or set translations: {pending: true} in config.yaml to publish with a notice)", "%s has no %s translation", t.Field, l)
		}
	}
}

// checkTracking checks what the tracker shows: units it can format, dates that
// make sense, and no verdict without a source.
func checkTracking(problems *diag.List, s *Site, d *Department, o ValidateOptions) {
	unit := func(u string, pos diag.Pos) {
		if u != "" && (s.Units == nil || !s.Units.Has(u)) {
			known := "none defined"
			if s.Units != nil {
				known = strings.Join(s.Units.Names(), " ")
			}
			problems.Errorf(pos, "use a unit from content/units.yaml ("+known+"), or add this one there with how each language writes it",
				"unknown unit %q", u)
		}
	}
	figure := func(f Figure, path string) {
		unit(f.Unit, f.UnitPos)
		checkNoun(problems, s, f, path, o)
	}
	event := o.EventDate.Format("2006-01-02")
	for i, a := range d.Record {
		for j, m := range a.Metrics {
			figure(m.Figure, fmt.Sprintf("achievements[%d].metrics[%d]", i+1, j+1))
		}
	}
	for _, p := range d.Pledges {
		field := p.Text.Field // "pledges[2]"
		if p.Target != nil {
			figure(p.Target.Figure, field+".target")
		}
		if p.Scope != nil {
			figure(*p.Scope, field+".scope")
		}
		if p.Due != nil && !p.Due.Date.IsZero() && !o.EventDate.IsZero() && p.Due.Date.Before(o.EventDate) {
			problems.Errorf(p.Due.Pos, "a pledge falls due after it is made; check the year", "%s.due %s is before the event (%s)", field, p.Due.Date.Format("2006-01-02"), event)
		}
		latest := "" // the status set by the newest update that sets one
		for _, u := range p.Updates {
			if !u.Date.IsZero() && !o.EventDate.IsZero() && u.Date.Before(o.EventDate) {
				problems.Errorf(u.DatePos, "updates report what happened after the pledge was made", "update dated %s is before the event (%s)", u.Date.Format("2006-01-02"), event)
			}
			if latest == "" && u.Status != "" {
				latest = u.Status
			}
		}
		pos := p.StatusPos
		if pos.File == "" {
			pos = p.Text.Pos
		}
		switch {
		case p.Status != "not-rated" && len(p.Updates) == 0:
			problems.Errorf(pos, "add an update with the date, what happened and a source link", "%s is rated %q without an update: no verdict without a source", field, p.Status)
		case latest != "" && latest != p.Status:
			problems.Errorf(pos, fmt.Sprintf("set status: %s, as the newest update says, or add an update for the change", latest), "%s has status %q but its newest update says %q", field, p.Status, latest)
		}
	}
}

// checkNoun checks what a figure counts. A figure in a bare measure word (项,
// 个, 家) names its noun in every language, since “at least 1,500” says nothing
// of what; where a language writes the noun after the number (English), it
// gives the word after 1 and the word after other numbers. A figure in any
// other unit has none: 亿元 already says what it counts.
func checkNoun(problems *diag.List, s *Site, f Figure, path string, o ValidateOptions) {
	if s.Units == nil || !s.Units.Has(f.Unit) {
		return // an unknown unit is reported on its own
	}
	const example = "noun: {zh: 项目, en: {one: project, other: projects}}"
	n := f.Noun
	if !s.Units.Measure(f.Unit) {
		if n.Decoded || n.Pos.Line > 0 {
			problems.Errorf(n.Pos, "remove noun:, or mark the unit “measure: true” in content/units.yaml if it is a bare measure word",
				"%s.noun: %s is not a measure word; the unit already says what is counted", path, f.Unit)
		}
		return
	}
	if !n.Decoded {
		if n.Pos.Line == 0 { // not given at all; otherwise its problem is reported
			problems.Errorf(f.UnitPos, fmt.Sprintf("say what the %s are, beside unit:, e.g. %s", units.String(f.Value, f.Unit), example),
				"%s: %s is a bare measure word, and the figure does not say what it counts", path, f.Unit)
		}
		return
	}
	for _, l := range o.Langs {
		forms, ok := n.Lookup(l)
		switch {
		case !ok:
			problems.Errorf(n.Pos, fmt.Sprintf("add “%s: …” to noun:, e.g. %s", l, example), "%s has no %s noun", n.Field, l)
		case forms.One != "" && forms.Other != "" && !forms.Inflected && s.Units.ShowsNoun(f.Unit, l):
			problems.Errorf(forms.Pos, fmt.Sprintf("write %s: {one: %s, other: …}: the word after 1 and the word after other numbers", l, forms.One),
				"%s.%s is one word, but %s writes the noun after the number, where 1 and other numbers differ", n.Field, l, l)
		}
	}
}

// validateEditions checks what the editions' files say together: each number
// once, dates in the order of the numbers, every text in every language.
func validateEditions(s *Site, o ValidateOptions) diag.List {
	var problems diag.List
	byNumber := map[int]*Edition{}
	var prev *Edition
	for _, e := range s.Editions { // by number
		if !e.Named() {
			continue
		}
		checkText(&problems, e.Title, o)
		checkText(&problems, e.Series, o)
		if e.Number < 1 {
			continue
		}
		if other, dup := byNumber[e.Number]; dup {
			problems.Errorf(e.NumberPos, "each edition has its own number in the series", "number %d is already the number of %s", e.Number, other.File)
			continue
		}
		byNumber[e.Number] = e
		if prev != nil && !e.Date.IsZero() && !prev.Date.IsZero() && e.Date.Before(prev.Date) {
			problems.Errorf(e.DatePos, fmt.Sprintf("editions are numbered in the order they were held; check the date, or the numbers (%s is %s)", prev.File, prev.Date.Format("2006-01-02")),
				"edition %d is dated %s, before edition %d", e.Number, e.Date.Format("2006-01-02"), prev.Number)
		}
		prev = e
	}
	return problems
}

func nextFree(used map[int]*Department) int {
	for i := 1; ; i++ {
		if _, ok := used[i]; !ok {
			return i
		}
	}
}
