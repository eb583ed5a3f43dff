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
			if p := x.LinkProblem(d, i); p != nil {
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
			a.Metrics[j].eachLabel(f)
		}
	}
	for i := range d.Series {
		f(&d.Series[i].Title)
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

// eachLabel calls f with the metric's label and its parts', those given.
func (m *Metric) eachLabel(f func(*Text)) {
	if m.Label.Decoded {
		f(&m.Label)
	}
	for i := range m.Parts {
		m.Parts[i].eachLabel(f)
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
	checkRecord(problems, d, figure)
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

// checkRecord checks the record's figures as the page draws them: a part
// inside its whole, and bars only for a declared series of figures of one
// kind and one unit. figure checks each figure's unit and noun.
func checkRecord(problems *diag.List, d *Department, figure func(Figure, string)) {
	type member struct {
		m    Metric
		path string
	}
	bySeries := map[string][]member{}
	for i, a := range d.Record {
		for j, m := range a.Metrics {
			path := fmt.Sprintf("achievements[%d].metrics[%d]", i+1, j+1)
			figure(m.Figure, path)
			checkParts(problems, m, path, figure)
			if m.Series != "" {
				bySeries[m.Series] = append(bySeries[m.Series], member{m, path})
			}
		}
	}
	ids := make([]string, 0, len(d.Series))
	defined := map[string]*Series{}
	for i := range d.Series {
		s := &d.Series[i]
		if s.ID == "" {
			continue
		}
		if _, dup := defined[s.ID]; dup {
			problems.Errorf(s.Pos, "give each series its own id", "series %q is defined twice", s.ID)
			continue
		}
		defined[s.ID] = s
		ids = append(ids, s.ID)
	}
	for i, a := range d.Record {
		for j, m := range a.Metrics {
			if m.Series == "" || defined[m.Series] != nil {
				continue
			}
			hint := "define it under series: with its id and title, e.g. series: [{id: " + m.Series + ", title: {zh: …, en: …}}]"
			if len(ids) > 0 {
				hint = "use a series defined under series: (" + strings.Join(ids, ", ") + "), or define this one there"
			}
			problems.Errorf(m.SeriesPos, hint, "achievements[%d].metrics[%d].series %q is not defined", i+1, j+1, m.Series)
		}
	}
	for _, id := range ids {
		s, members := defined[id], bySeries[id]
		if len(members) < 2 {
			has := "no figure"
			if len(members) == 1 {
				has = "one figure, " + members[0].path
			}
			problems.Errorf(s.Pos, "give series: "+id+" to each figure it compares, or remove the series: a figure of its own is shown as a tile",
				"series %q has %s; bars compare two or more", id, has)
		}
		for k, x := range members {
			m := x.m
			switch {
			case !m.Label.Decoded:
				problems.Errorf(m.Pos, "add label: {zh: …, en: …}: a bar says what it measures", "%s is a bar of series %q and has no label", x.path, id)
			case len(m.Parts) > 0:
				problems.Errorf(m.SeriesPos, "remove series: (a figure with parts is a tile, its parts drawn inside it), or remove its parts",
					"%s has parts, so it cannot also be a bar of series %q", x.path, id)
			case m.Value < 0:
				problems.Errorf(m.Pos, "bars measure from zero; show a fall as a tile, with a label that says it is a fall",
					"%s is negative (%s), and a bar of series %q", x.path, units.String(m.Value, m.Unit), id)
			}
			if s.Max > 0 && m.Value > s.Max {
				problems.Errorf(s.MaxPos, fmt.Sprintf("raise max to at least %s, or leave it out to fill the bar with the largest figure", units.String(m.Value, "")),
					"series %q: max %s is less than %s (%s)", id, units.String(s.Max, ""), x.path, units.String(m.Value, m.Unit))
			}
			if k == 0 {
				continue
			}
			f := members[0]
			switch {
			case m.Unit != f.m.Unit:
				problems.Errorf(m.UnitPos, "bars compare figures in one unit: show this one as a tile (remove series:), or give it a series of its own unit",
					"%s is in %s, but series %q is in %s (%s)", x.path, m.Unit, id, f.m.Unit, f.path)
			case !sameNoun(m.Noun, f.m.Noun):
				problems.Errorf(nounPos(m), "bars compare figures of one kind: show this one as a tile (remove series:), or give it a series of its own",
					"%s counts %s, but series %q counts %s (%s)", x.path, nounWords(m.Noun), id, nounWords(f.m.Noun), f.path)
			}
		}
	}
}

// checkParts checks the parts of a figure (其中): each in its whole's unit,
// labelled, and together no more than the whole.
func checkParts(problems *diag.List, whole Metric, path string, figure func(Figure, string)) {
	sum, over := 0.0, false
	for k, p := range whole.Parts {
		pp := fmt.Sprintf("%s.parts[%d]", path, k+1)
		figure(p.Figure, pp)
		if p.Unit == whole.Unit {
			sum += p.Value
		}
		switch {
		case p.Unit != whole.Unit:
			problems.Errorf(p.UnitPos, "give the part in its whole's unit, "+whole.Unit,
				"%s is in %s, its whole in %s: a part is drawn inside its whole", pp, p.Unit, whole.Unit)
		case !sameNoun(p.Noun, whole.Noun):
			problems.Errorf(nounPos(p), "a part counts what its whole counts",
				"%s counts %s, its whole %s", pp, nounWords(p.Noun), nounWords(whole.Noun))
		case p.Value > whole.Value:
			over = true
			problems.Errorf(p.Pos, "check the figures against the source: a part (其中) is no more than its whole",
				"%s (%s) is more than its whole (%s)", pp, units.String(p.Value, p.Unit), units.String(whole.Value, whole.Unit))
		case p.Value < 0:
			problems.Errorf(p.Pos, "check the figure against the source: a part (其中) is a share of its whole",
				"%s is negative (%s)", pp, units.String(p.Value, p.Unit))
		}
		if !p.Label.Decoded {
			problems.Errorf(p.Pos, "add label: {zh: …, en: …}: the page says “of which” and this label", "%s has no label", pp)
		}
	}
	if !over && sum > whole.Value {
		problems.Errorf(whole.Pos, "check the figures against the source: parts (其中) add up to no more than their whole",
			"the parts of %s add up to %s, more than the whole (%s)", path, units.String(sum, whole.Unit), units.String(whole.Value, whole.Unit))
	}
}

// sameNoun reports whether two figures count the same thing: the same noun in
// every language, or none.
func sameNoun(a, b Noun) bool {
	if len(a.Langs) != len(b.Langs) {
		return false
	}
	for _, f := range a.Langs {
		g, ok := b.Lookup(f.Lang)
		if !ok || g.Other != f.Other {
			return false
		}
	}
	return true
}

// nounPos is where a figure's noun is, or its unit when it has none.
func nounPos(m Metric) diag.Pos {
	if m.Noun.Pos.Line > 0 {
		return m.Noun.Pos
	}
	return m.UnitPos
}

// nounWords is a noun for messages: its forms after other numbers, “企业 /
// companies”; “no noun” when none.
func nounWords(n Noun) string {
	if len(n.Langs) == 0 {
		return "no noun"
	}
	words := make([]string, len(n.Langs))
	for i, f := range n.Langs {
		words[i] = f.Other
	}
	return strings.Join(words, " / ")
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
