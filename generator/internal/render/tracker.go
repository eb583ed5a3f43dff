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
	n := map[string]int{}
	for _, d := range depts {
		for _, p := range d.Pledges {
			n[p.Status]++
		}
	}
	out := make([]StatusCount, 0, len(content.Statuses))
	for _, s := range content.Statuses {
		label, err := v.StatusLabel(s)
		if err != nil {
			return nil, err
		}
		out = append(out, StatusCount{Status: s, Label: label, Count: n[s]})
	}
	return out, nil
}

// Tally counts every pledge of the site by status.
func (v *View) Tally() ([]StatusCount, error) { return v.tally(v.r.content.Departments) }

// DepartmentTally counts one department's pledges by status.
func (v *View) DepartmentTally(d *content.Department) ([]StatusCount, error) {
	return v.tally([]*content.Department{d})
}

// PledgeCount is the number of pledges in the site.
func (v *View) PledgeCount() int {
	n := 0
	for _, d := range v.r.content.Departments {
		n += len(d.Pledges)
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
