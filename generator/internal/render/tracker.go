package render

import (
	"fmt"
	"html/template"
	"sort"
	"strings"
	"time"

	"leitai/generator/internal/chart"
	"leitai/generator/internal/content"
)

// This file holds what templates call to show the pledge tracker: status badges,
// targets in each language's units, tallies and charts.

// StatusLabel is a status as readers see it: "未评估", "not rated".
func (v *View) StatusLabel(status string) (string, error) { return v.T("status_" + status) }

// Figure writes a value in its unit the page's language's way: 2541亿元,
// 254.1 billion yuan.
func (v *View) Figure(value float64, unit string) (string, error) {
	u := v.r.content.Units
	if u == nil {
		return "", fmt.Errorf("no content/units.yaml to format %v %s", value, unit)
	}
	s, ok := u.Format(value, unit, v.Lang)
	if !ok {
		// Validate refuses unknown units, so this is a theme or table mistake.
		return "", fmt.Errorf("unit %q has no %s style in content/units.yaml", unit, v.Lang)
	}
	return s, nil
}

// Target writes a pledge's target: "不少于2500亿元", "at least 250 billion yuan".
func (v *View) Target(t *content.Target) (string, error) {
	fig, err := v.Figure(t.Value, t.Unit)
	if err != nil {
		return "", err
	}
	return v.Tf("compare_"+t.Compare, "value", fig)
}

// StatusCount is how many pledges have one status.
type StatusCount struct {
	Status string
	Label  string
	Count  int
}

// tally counts pledges by status, in the order statuses are listed.
func (v *View) tally(depts []*content.Department) ([]StatusCount, error) {
	return v.labelCounts(countStatuses(depts))
}

// countStatuses adds up the departments' counts, in the order of
// content.Statuses.
func countStatuses(depts []*content.Department) []int {
	n := make([]int, len(content.Statuses))
	for _, d := range depts {
		for i, c := range d.StatusCounts() {
			n[i] += c
		}
	}
	return n
}

// labelCounts labels counts by status, given in the order statuses are listed.
func (v *View) labelCounts(n []int) ([]StatusCount, error) {
	out := make([]StatusCount, 0, len(content.Statuses))
	for i, s := range content.Statuses {
		label, err := v.StatusLabel(s)
		if err != nil {
			return nil, err
		}
		out = append(out, StatusCount{Status: s, Label: label, Count: n[i]})
	}
	return out, nil
}

// Tally counts every pledge of the site by status. Every summary page shows it,
// so it is counted once per renderer.
func (v *View) Tally() ([]StatusCount, error) { return v.labelCounts(v.r.siteTally()) }

// DepartmentTally counts one department's pledges by status.
func (v *View) DepartmentTally(d *content.Department) ([]StatusCount, error) {
	return v.tally([]*content.Department{d})
}

// PledgeCount is the number of pledges in the site.
func (v *View) PledgeCount() int {
	n := 0
	for _, c := range v.r.siteTally() {
		n += c
	}
	return n
}

// Scoreboard draws every department's pledges by status, one bar each.
func (v *View) Scoreboard() (template.HTML, error) {
	title, err := v.T("scoreboard_title")
	if err != nil {
		return "", err
	}
	desc, err := v.Tf("scoreboard_desc", "departments", fmt.Sprint(len(v.r.content.Departments)), "pledges", fmt.Sprint(v.PledgeCount()))
	if err != nil {
		return "", err
	}
	rows := make([]chart.Row, 0, len(v.r.content.Departments))
	// The description carries every number, so a screen reader hears the whole
	// chart without opening the table.
	lines := []string{desc}
	for _, d := range v.r.content.Departments {
		counts, err := v.DepartmentTally(d)
		if err != nil {
			return "", err
		}
		row := chart.Row{Label: v.Text(d.Name)}
		var parts []string
		for _, c := range counts {
			row.Segments = append(row.Segments, chart.Segment{Label: c.Label, Class: "s-" + c.Status, Value: c.Count})
			if c.Count > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", c.Label, c.Count))
			}
		}
		joined, err := v.Join(parts)
		if err != nil {
			return "", err
		}
		lines = append(lines, row.Label+": "+joined)
		rows = append(rows, row)
	}
	return chart.Stacked("scoreboard", title, strings.Join(lines, "; "), rows), nil
}

// FigureChart is a chart of a department's record figures that share a unit.
type FigureChart struct {
	Unit   string
	Chart  template.HTML
	Values []FigureRow
}

// FigureRow is one figure, for the table beside the chart.
type FigureRow struct {
	Label, Display string
}

// RecordCharts draws a department's stated figures, one chart per unit that at
// least two labelled figures share: figures in different units on one axis
// would mislead.
func (v *View) RecordCharts(d *content.Department) ([]FigureChart, error) {
	byUnit := map[string][]content.Metric{}
	for _, a := range d.Record {
		for _, m := range a.Metrics {
			if m.Label.Decoded {
				byUnit[m.Unit] = append(byUnit[m.Unit], m)
			}
		}
	}
	unitsUsed := make([]string, 0, len(byUnit))
	for u, ms := range byUnit {
		if len(ms) >= 2 {
			unitsUsed = append(unitsUsed, u)
		}
	}
	sort.Strings(unitsUsed)
	var out []FigureChart
	for i, u := range unitsUsed {
		fc := FigureChart{Unit: u}
		var bars []chart.Bar
		for _, m := range byUnit[u] {
			disp, err := v.Figure(m.Value, m.Unit)
			if err != nil {
				return nil, err
			}
			label := v.Text(m.Label)
			bars = append(bars, chart.Bar{Label: label, Value: m.Value, Display: disp})
			fc.Values = append(fc.Values, FigureRow{Label: label, Display: disp})
		}
		title, err := v.Tf("figures_title", "name", v.Text(d.Name))
		if err != nil {
			return nil, err
		}
		parts := make([]string, len(fc.Values))
		for j, r := range fc.Values {
			parts[j] = r.Label + " " + r.Display
		}
		desc, err := v.Join(parts)
		if err != nil {
			return nil, err
		}
		fc.Chart = chart.Bars(fmt.Sprintf("figures-%d", i+1), title, desc, bars)
		out = append(out, fc)
	}
	return out, nil
}

// IsZero reports whether a date is unset, for templates.
func (v *View) IsZero(t time.Time) bool { return t.IsZero() }

// StatusClass is the CSS class of a status badge.
func (v *View) StatusClass(status string) string { return "badge s-" + strings.ToLower(status) }

// PledgeID is the id of the i-th pledge (from 0) on its department's page, which
// the feed's status entries link to.
func (v *View) PledgeID(i int) string { return fmt.Sprintf("pledge-%d", i+1) }

// PledgeView is a pledge as a page shows it. Pledges prepares every pledge of a
// department in one pass, so the pledge lists (the department page, the cards)
// read fields instead of making a dozen method calls per pledge, each of which
// html/template makes by reflection: at thousands of pages that was most of the
// rendering time.
//
// In templates, {{ range .Pledges $d }} gives, for each pledge:
//
//	.ID      "pledge-1", "pledge-2"…: the anchor the feed's status entries link to
//	.Class   the status badge's CSS class ("badge s-met")
//	.Label   the status as readers see it ("已完成", "met")
//	.Text    the pledge in the page's language (as Tr writes it)
//	.Target  the target as Target writes it ("不少于2500亿元"), "" when none
//	.Due     the due date (.ISO and .Display), nil when none
//	.Updates the updates, newest first: .Date (.ISO, .Display), .Class and
//	         .Label ("" when the update sets no status), .Text, .Source
type PledgeView struct {
	ID, Class, Label string
	Text             template.HTML
	Target           string
	Due              *DateView
	Updates          []UpdateView
}

// DateView is a date for <time>: .ISO for the datetime attribute, .Display the
// way the page's language writes it.
type DateView struct {
	ISO, Display string
}

// UpdateView is an update of a pledge as a page shows it; see PledgeView.
type UpdateView struct {
	Date         DateView
	Class, Label string
	Text         template.HTML
	Source       string
}

// Pledges prepares a department's pledges for a page; see PledgeView.
func (v *View) Pledges(d *content.Department) ([]PledgeView, error) {
	out := make([]PledgeView, len(d.Pledges))
	for i, p := range d.Pledges {
		pv := &out[i]
		pv.ID = v.PledgeID(i)
		pv.Class = v.StatusClass(p.Status)
		var err error
		if pv.Label, err = v.StatusLabel(p.Status); err != nil {
			return nil, err
		}
		if pv.Text, err = v.Tr(p.Text); err != nil {
			return nil, err
		}
		if p.Target != nil {
			if pv.Target, err = v.Target(p.Target); err != nil {
				return nil, err
			}
		}
		if !p.Due.IsZero() {
			dv, err := v.dateView(p.Due)
			if err != nil {
				return nil, err
			}
			pv.Due = &dv
		}
		if len(p.Updates) > 0 {
			pv.Updates = make([]UpdateView, len(p.Updates))
		}
		for j, u := range p.Updates {
			uv := &pv.Updates[j]
			if uv.Date, err = v.dateView(u.Date); err != nil {
				return nil, err
			}
			if u.Status != "" {
				uv.Class = v.StatusClass(u.Status)
				if uv.Label, err = v.StatusLabel(u.Status); err != nil {
					return nil, err
				}
			}
			if uv.Text, err = v.Tr(u.Text); err != nil {
				return nil, err
			}
			uv.Source = u.Source
		}
	}
	return out, nil
}

func (v *View) dateView(t time.Time) (DateView, error) {
	disp, err := v.Date(t)
	return DateView{ISO: v.ISODate(t), Display: disp}, err
}

// siteTally counts the site's pledges by status, once.
func (r *Renderer) siteTally() []int {
	r.tallyOnce.Do(func() { r.tallied = countStatuses(r.content.Departments) })
	return r.tallied
}
