package chart

import (
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// parse checks that s is well-formed XML and returns its elements by name.
func parse(t *testing.T, s string) map[string][]xml.StartElement {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	els := map[string][]xml.StartElement{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return els
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, s)
		}
		if se, ok := tok.(xml.StartElement); ok {
			els[se.Name.Local] = append(els[se.Name.Local], se)
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func TestStacked(t *testing.T) {
	svg := string(Stacked("c1", "Pledges by status", "Ten departments & their pledges", []Row{
		{Label: "市财政局 <甲>", Segments: []Segment{{"achieved", "s-achieved", 2}, {"not rated", "s-not-rated", 3}}},
		{Label: "市商务局", Segments: []Segment{{"achieved", "s-achieved", 0}, {"not rated", "s-not-rated", 1}}},
	}))
	els := parse(t, svg)
	root := els["svg"][0]
	if attr(root, "role") != "img" || attr(root, "aria-labelledby") != "c1-t c1-d" {
		t.Errorf("svg lacks its accessible name: %v", root.Attr)
	}
	// Two rows of 40 units; room on the left for a glyph that reaches past
	// its text's start.
	if attr(root, "viewBox") != "-2 0 322 84" {
		t.Errorf("viewBox %q", attr(root, "viewBox"))
	}
	if len(els["title"]) != 1 || len(els["desc"]) != 1 {
		t.Errorf("titles %d, descs %d", len(els["title"]), len(els["desc"]))
	}
	rects := els["rect"]
	if len(rects) != 3 {
		t.Fatalf("want 3 bars (empty segments drawn as nothing), got %d", len(rects))
	}
	// The largest total fills the drawing width less the value label.
	if attr(rects[0], "width") != "112" || attr(rects[1], "x") != "112" || attr(rects[1], "width") != "168" {
		t.Errorf("segment geometry: %v %v", rects[0].Attr, rects[1].Attr)
	}
	if attr(rects[2], "width") != "56" {
		t.Errorf("second row on the same scale: %v", rects[2].Attr)
	}
	if strings.Contains(svg, "style=") {
		t.Error("inline style in the SVG breaks a strict CSP")
	}
	if !strings.Contains(svg, "市财政局 &lt;甲&gt;") {
		t.Error("label not escaped")
	}
}

func TestShare(t *testing.T) {
	for _, c := range []struct {
		value, whole float64
		fill         string
	}{
		{415, 577, "71.9"}, // a part inside its whole
		{60, 100, "60"},
		{0, 100, "0"},
		{120, 100, "100"}, // never past the whole
		{-5, 100, "0"},
		{3, 0, "0"},
	} {
		svg := string(Share(c.value, c.whole))
		els := parse(t, svg)
		root := els["svg"][0]
		if attr(root, "aria-hidden") != "true" || len(els["text"]) != 0 {
			t.Errorf("Share(%v, %v) is not a bare, hidden drawing: %s", c.value, c.whole, svg)
		}
		rects := els["rect"]
		if len(rects) != 2 || attr(rects[0], "width") != "100" || attr(rects[1], "class") != "fill" || attr(rects[1], "width") != c.fill {
			t.Errorf("Share(%v, %v) = %s; want the whole, then %s filled", c.value, c.whole, svg, c.fill)
		}
		if strings.Contains(svg, "style=") {
			t.Error("inline style in the SVG breaks a strict CSP")
		}
	}
}

func TestFitLabels(t *testing.T) {
	long := "Qingdao Municipal Bureau of Industry and Information Technology"
	got := fit(long, Width)
	if !strings.HasSuffix(got, "…") || len([]rune(got)) >= len([]rune(long)) {
		t.Errorf("fit(%q) = %q", long, got)
	}
	if got := fit("市工业和信息化局", Width); got != "市工业和信息化局" {
		t.Errorf("a short label was cut: %q", got)
	}
	if got := fit(strings.Repeat("局", 40), Width); len([]rune(got)) != 29 {
		t.Errorf("40 Chinese characters fit as %d runes, want 28 and an ellipsis", len([]rune(got)))
	}
}

// The coordinates are appended with strconv; they must read as they did when
// formatted with %.1f and a trailing ".0" cut, so output stays byte for byte.
func TestNumAsFormatted(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	xs := []float64{0, 0.05, 0.04999, 0.95, 9.95, 10, 99.99, 100, 1e6, 123.45}
	for range 10000 {
		xs = append(xs, rng.Float64()*float64(Width), float64(rng.IntN(1000))/10)
	}
	for _, x := range xs {
		want := strings.TrimSuffix(fmt.Sprintf("%.1f", x), ".0")
		if got := num(x); got != want {
			t.Fatalf("num(%v) = %q, want %q", x, got, want)
		}
	}
}
