package render

import (
	"strings"

	"leitai/generator/internal/chart"
	"leitai/generator/internal/content"
)

// This file holds the views of a department's record in figures. Figures of
// different kinds never share a scale: a year-on-year fall of 6.2% beside a
// 99% share would make the best result look the worst. So each figure is a
// tile of its own, a part is drawn inside its whole, and bars are drawn only
// for a series the editors declare comparable (one kind, one unit; content
// checks it). All text is HTML, which wraps, so no width cuts a figure off.

// recordFigures prepares a department's labelled figures: tiles, in the
// order the record states them, and the series, in the order the file
// defines them.
func (lc *locale) recordFigures(d *content.Department) ([]FigureTile, []SeriesView, error) {
	var tiles []FigureTile
	members := map[string][]content.Metric{}
	for _, a := range d.Record {
		for _, m := range a.Metrics {
			if !m.Label.Decoded {
				continue
			}
			if m.Series != "" {
				members[m.Series] = append(members[m.Series], m)
				continue
			}
			tile, err := lc.tile(m)
			if err != nil {
				return nil, nil, err
			}
			tiles = append(tiles, tile)
		}
	}
	var series []SeriesView
	for _, s := range d.Series {
		ms := members[s.ID]
		if len(ms) == 0 {
			continue
		}
		scale := s.Max
		for _, m := range ms {
			scale = max(scale, m.Value)
		}
		sv := SeriesView{Title: lc.text(s.Title), Bars: make([]BarView, len(ms))}
		for i, m := range ms {
			disp, err := lc.figure(m.Figure)
			if err != nil {
				return nil, nil, err
			}
			sv.Bars[i] = BarView{Label: lc.text(m.Label), Display: disp, Bar: chart.Share(m.Value, scale)}
		}
		series = append(series, sv)
	}
	return tiles, series, nil
}

// tile is a figure as a tile: its number apart from its words, its label,
// and its parts drawn inside it.
func (lc *locale) tile(m content.Metric) (FigureTile, error) {
	w, err := lc.written(m.Figure)
	if err != nil {
		return FigureTile{}, err
	}
	words := strings.TrimLeft(w.After, " ")
	t := FigureTile{Before: w.Before, Number: w.Number, Gap: w.After[:len(w.After)-len(words)], Words: words, Label: lc.text(m.Label)}
	for _, p := range m.Parts {
		disp, err := lc.figure(p.Figure)
		if err != nil {
			return FigureTile{}, err
		}
		text, err := lc.tf("of_which", "label", lc.text(p.Label), "value", disp)
		if err != nil {
			return FigureTile{}, err
		}
		t.Parts = append(t.Parts, FigurePart{Text: text, Bar: chart.Share(p.Value, m.Value)})
	}
	return t, nil
}
