// Package chart draws small charts as inline SVG at build time: no script, no
// chart library for the reader to download. Stacked is a chart with its own
// labels, a title and a description for screen readers, and its caller shows
// the same numbers in a table; Share is a bare bar that the page's own text
// explains. Colours come from the stylesheet through class names, so the SVG
// holds no style attributes and a strict Content-Security-Policy holds.
package chart

import (
	"fmt"
	"html/template"
	"strconv"
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
	// rowLabel is the height of a label's line. Its baseline sits 14 units
	// down: a Chinese face's ascent is more than its 11-unit size, and the
	// viewBox would cut off the top of a label set higher.
	rowLabel = 18
	baseline = 14
	barH     = 14
	rowGap   = 8
	overhang = 2
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
	// Appended rather than formatted: an edition's summary draws fifty bars,
	// a publication of forty editions 4,000 of them each build.
	line := make([]byte, 0, 512)
	y := 0
	for _, r := range rows {
		// Labels are plain text: the table beside the chart carries the links.
		line = append(line[:0], `<text y="`...)
		line = strconv.AppendInt(line, int64(y+baseline), 10)
		line = append(line, `">`...)
		line = append(line, esc(fit(r.Label, Width))...)
		line = append(line, `</text>`...)
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
			line = append(line, `<rect class="`...)
			line = append(line, esc(s.Class)...)
			line = append(line, '"')
			if x != 0 { // SVG assumes 0, and every byte counts against the page's budget
				line = append(line, ` x="`...)
				line = appendNum(line, x)
				line = append(line, '"')
			}
			line = append(line, ` y="`...)
			line = strconv.AppendInt(line, int64(y+rowLabel), 10)
			line = append(line, `" width="`...)
			line = appendNum(line, w)
			line = append(line, `" height="`...)
			line = strconv.AppendInt(line, barH, 10)
			line = append(line, `"/>`...)
			x += w
		}
		line = append(line, `<text x="`...)
		line = appendNum(line, x+4)
		line = append(line, `" y="`...)
		line = strconv.AppendInt(line, int64(y+rowLabel+11), 10)
		line = append(line, `">`...)
		line = strconv.AppendInt(line, int64(total), 10)
		line = append(line, `</text>`...)
		b.Write(line)
		y += rowLabel + barH + rowGap
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// Share draws value as the filled part of whole: a bar as wide as its
// container, filled value/whole of the way. It holds no text (the page writes
// the figures beside it, in HTML that wraps), so screen readers skip it and no
// width can cut anything off. The stylesheet gives it its height and colours.
func Share(value, whole float64) template.HTML {
	w := 0.0
	if whole > 0 {
		w = 100 * min(max(value, 0), whole) / whole
	}
	return template.HTML(`<svg class="share" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true"><rect width="100" height="1"/><rect class="fill" width="` + num(w) + `" height="1"/></svg>`)
}

func open(b *strings.Builder, id, title, desc string, h int) {
	// The drawing starts two units left of its labels: a glyph such as T
	// reaches a little left of where its text starts, and the viewBox would
	// cut that off.
	fmt.Fprintf(b, `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="-%d 0 %d %d" role="img" aria-labelledby="%s-t %s-d">`, overhang, Width+overhang, h, esc(id), esc(id))
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
func num(x float64) string { return string(appendNum(nil, x)) }

// appendNum appends x as num writes it.
func appendNum(dst []byte, x float64) []byte {
	dst = strconv.AppendFloat(dst, x, 'f', 1, 64)
	if n := len(dst); n >= 2 && dst[n-2] == '.' && dst[n-1] == '0' {
		dst = dst[:n-2]
	}
	return dst
}
