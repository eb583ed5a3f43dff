package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"leitai/generator/internal/chart"
	"leitai/generator/internal/content"
)

// This file holds the pledge tracker's views: status badges, targets in each
// language's units, tallies and charts.

// pledgeDetail is how much of a pledge a page shows.
type pledgeDetail int

const (
	// onPage is all of it: on the department's page.
	onPage pledgeDetail = iota
	// onCard is no anchor, update or what a due date rests on: on a card.
	onCard
	// inBrief is its anchor, status and text, without terms or updates: an
	// earlier edition's pledge on a department's page across editions,
	// whose terms and updates are on that edition's page, one tap away.
	inBrief
)

// pledges prepares a department's pledges for a page, showing as much as
// detail says.
func (lc *locale) pledges(d *content.Department, detail pledgeDetail) ([]PledgeView, error) {
	out := make([]PledgeView, len(d.Pledges))
	for i, p := range d.Pledges {
		pv := &out[i]
		pv.L = lc.strings
		st := lc.statusOf(p.Status)
		if st.err != nil {
			return nil, st.err
		}
		pv.Label, pv.Class, pv.Badge = st.label, st.class, st.badge
		var err error
		if pv.Text, err = lc.html(p.Text); err != nil {
			return nil, err
		}
		if detail == inBrief {
			pv.ID = pledgeID(p.ID, i)
			continue
		}
		if p.Target != nil {
			if pv.Target, err = lc.target(p.Target); err != nil {
				return nil, err
			}
		}
		if p.Scope != nil {
			if pv.Scope, err = lc.figure(*p.Scope); err != nil {
				return nil, err
			}
		}
		if p.Due != nil {
			pv.Due = &DueView{}
			if pv.Due.DateView, err = lc.date(p.Due.Date); err != nil {
				return nil, err
			}
		}
		if detail == onCard {
			continue
		}
		pv.ID = pledgeID(p.ID, i)
		if p.Due != nil {
			if pv.Due.Basis, err = lc.dueBasis(p.Due); err != nil {
				return nil, err
			}
		}
		if len(p.Updates) > 0 {
			pv.Updates = make([]UpdateView, len(p.Updates))
		}
		for j, u := range p.Updates {
			uv := &pv.Updates[j]
			if uv.Date, err = lc.date(u.Date); err != nil {
				return nil, err
			}
			if u.Status != "" {
				st := lc.statusOf(u.Status)
				if st.err != nil {
					return nil, st.err
				}
				uv.Label, uv.Class, uv.Badge = st.label, st.class, st.badge
			}
			if uv.Text, err = lc.html(u.Text); err != nil {
				return nil, err
			}
			uv.Source = u.Source
		}
	}
	return out, nil
}

// pledgeID is the anchor of the i-th pledge (from 0) on its department's page,
// which the feed's status entries link to: pledge-<id> when the editors named
// it (id), so a link survives reordering, else pledge-<number>.
func pledgeID(id string, i int) string {
	if id != "" {
		return "pledge-" + id
	}
	return "pledge-" + strconv.Itoa(i+1)
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

// tally labels counts by status, given in the order of content.Statuses.
func (lc *locale) tally(n []int) ([]StatusCount, error) {
	out := make([]StatusCount, len(content.Statuses))
	for i, s := range content.Statuses {
		label, class, err := lc.status(s)
		if err != nil {
			return nil, err
		}
		out[i] = StatusCount{Class: class, Label: label, Count: n[i]}
	}
	return out, nil
}

// scoreboard draws every department's pledges by status, one bar each.
func (lc *locale) scoreboard(depts []*content.Department, pledges int) (template.HTML, error) {
	title, err := lc.t("scoreboard_title")
	if err != nil {
		return "", err
	}
	desc, err := lc.tf("scoreboard_desc", "departments", strconv.Itoa(len(depts)), "pledges", strconv.Itoa(pledges))
	if err != nil {
		return "", err
	}
	rows := make([]chart.Row, 0, len(depts))
	// The description carries every number, so a screen reader hears the whole
	// chart without opening the table.
	var lines []string
	for _, d := range depts {
		counts, err := lc.tally(d.StatusCounts())
		if err != nil {
			return "", err
		}
		row := chart.Row{Label: lc.text(d.Name)}
		var parts []string
		for i, c := range counts {
			row.Segments = append(row.Segments, chart.Segment{Label: c.Label, Class: "s-" + content.Statuses[i], Value: c.Count})
			if c.Count > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", c.Label, c.Count))
			}
		}
		joined, err := lc.join(parts)
		if err != nil {
			return "", err
		}
		lines = append(lines, row.Label+": "+joined)
		rows = append(rows, row)
	}
	if len(lines) > 0 {
		more, err := lc.tf("next_sentence", "sentence", strings.Join(lines, "; "))
		if err != nil {
			return "", err
		}
		desc += more
	}
	return chart.Stacked("scoreboard", title, desc, rows), nil
}
