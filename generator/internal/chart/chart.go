// Package chart draws small charts as inline SVG at build time: no script, no
// chart library for the reader to download. Each chart carries a title and a
// description for screen readers, and its caller shows the same numbers in a
// table. Colours come from the stylesheet through class names, so the SVG holds
// no style attributes and a strict Content-Security-Policy holds.
package chart

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// Segment is one part of a stacked bar: a count of pledges with one status.
type Segment struct {
	Label string // shown in the tooltip and legend: "achieved"
	Class string // CSS class for its colour: "s-achieved"
	Value int
}

// Row is one stacked bar: a department and its pledges by status.
type Row struct {
	Label    string
	Segments []Segment
}

// Width is the drawing's width in SVG units. The SVG scales to its container, and
// labels sit above their bar, so a 320-pixel phone shows the full width legibly.
const Width = 320

const (
	rowLabel = 16 // height of a label line
	barH     = 14
	rowGap   = 10
)

// Stacked draws one stacked bar per row, all on the same scale (the largest
// total fills the width).
func Stacked(id, title, desc string, rows []Row) template.HTML {
	maxTotal := 0
	for _, r := range rows {
		t := 0
		for _, s := range r.Segments {
			t += s.Value
		}
		maxTotal = max(maxTotal, t)
	}
	h := len(rows)*(rowLabel+barH+rowGap) + 4
	var b strings.Builder
	open(&b, id, title, desc, h)
	y := 0
	for _, r := range rows {
		// Labels are plain text: the table beside the chart carries the links.
		fmt.Fprintf(&b, `<text class="chart-label" x="0" y="%d">%s</text>`, y+12, esc(fit(r.Label, Width)))
		x := 0.0
		total := 0
		for _, s := range r.Segments {
			total += s.Value
		}
		for _, s := range r.Segments {
			if s.Value == 0 || maxTotal == 0 {
				continue
			}
			w := float64(Width-40) * float64(s.Value) / float64(maxTotal)
			// No tooltip per segment: the description and the table beside the
			// chart carry every number, and pages have a size budget.
			fmt.Fprintf(&b, `<rect class="%s" x="%s" y="%d" width="%s" height="%d"/>`,
				esc(s.Class), num(x), y+rowLabel, num(w), barH)
			x += w
		}
		fmt.Fprintf(&b, `<text class="chart-value" x="%s" y="%d">%d</text>`, num(x+4), y+rowLabel+11, total)
		y += rowLabel + barH + rowGap
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// Bar is one bar of a simple bar chart.
type Bar struct {
	Label   string
	Value   float64
	Display string // the value as the reader's language writes it
}

// Bars draws horizontal bars on one scale. Values must share a unit; mixing units
// on one axis would mislead.
func Bars(id, title, desc string, bars []Bar) template.HTML {
	maxV := 0.0
	for _, x := range bars {
		maxV = math.Max(maxV, math.Abs(x.Value))
	}
	h := len(bars)*(rowLabel+barH+rowGap) + 4
	var b strings.Builder
	open(&b, id, title, desc, h)
	y := 0
	for _, x := range bars {
		fmt.Fprintf(&b, `<text class="chart-label" x="0" y="%d">%s</text>`, y+12, esc(fit(x.Label, Width)))
		w := 0.0
		if maxV > 0 {
			w = float64(Width-90) * math.Abs(x.Value) / maxV
		}
		fmt.Fprintf(&b, `<rect class="chart-bar" x="0" y="%d" width="%s" height="%d"/>`, y+rowLabel, num(w), barH)
		fmt.Fprintf(&b, `<text class="chart-value" x="%s" y="%d">%s</text>`, num(w+4), y+rowLabel+11, esc(x.Display))
		y += rowLabel + barH + rowGap
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func open(b *strings.Builder, id, title, desc string, h int) {
	fmt.Fprintf(b, `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-t %s-d">`, Width, h, esc(id), esc(id))
	fmt.Fprintf(b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, esc(id), esc(title), esc(id), esc(desc))
}

// labelSize is the labels' font size in SVG units (the stylesheet sets the same).
const labelSize = 11

// fit shortens a label with an ellipsis so that it fits in width: SVG text does
// not wrap, and a long English name would run off the drawing. The full label is
// in the chart's description and the table beside it. Widths are estimated: a
// Chinese character is one em, other characters about half.
func fit(label string, width int) string {
	em := func(r rune) float64 {
		if r >= 0x2e80 {
			return 1
		}
		return 0.56
	}
	total := 0.0
	for _, r := range label {
		total += em(r)
	}
	if total*labelSize <= float64(width) {
		return label
	}
	limit := float64(width)/labelSize - 1 // room for the ellipsis
	var out []rune
	used := 0.0
	for _, r := range label {
		if used+em(r) > limit {
			break
		}
		out = append(out, r)
		used += em(r)
	}
	return strings.TrimRight(string(out), " ") + "…"
}

func esc(s string) string { return template.HTMLEscapeString(s) }

// num writes a coordinate with at most one decimal, so output is short and stable.
func num(x float64) string {
	s := fmt.Sprintf("%.1f", x)
	return strings.TrimSuffix(s, ".0")
}
