// Package units formats a value with its unit the way each language writes it.
// Values are stored once, as the source states them (2541 with unit 亿元); a reader
// sees 2541亿元 in Chinese and 254.1 billion yuan in English. The units and the
// words for large numbers are data, read from a table editors can extend; the
// package only does the arithmetic and the layout.
//
// Some units are bare measure words (量词: 项, 个, 家): 1500项 says how many, not
// of what. A figure in one names its noun ("projects"), and the unit's words in
// each language are that noun's.
package units

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/diag"
	"leitai/generator/internal/yamldoc"
)

// Style is how one language writes a unit.
type Style struct {
	// Scale multiplies the stored value: 亿元 is 100,000,000 yuan in English.
	Scale float64
	// One and Other are the unit's words after 1 and after other numbers.
	One, Other string
	// Format places the number and the word: "{value} {unit}" by default.
	Format string
	// Group writes thousands separators: 80,000.
	Group bool
	// Words writes large numbers with the language's magnitude words: 254.1 billion.
	Words bool
}

// Magnitude is a word for a power of ten: {1e9, "billion"}.
type Magnitude struct {
	Value float64
	Word  string
}

// Noun is what a figure in a measure word counts, in one language: One after 1
// and Other after other numbers ("project", "projects"). A language that does
// not inflect gives the same word twice.
type Noun struct {
	One, Other string
}

// Table is every known unit, per language.
type Table struct {
	units      map[string]map[string]Style // unit → lang → style
	measures   map[string]bool             // the units that are bare measure words
	magnitudes map[string][]Magnitude      // lang → magnitudes, largest first
}

// Has reports whether unit is defined.
func (t *Table) Has(unit string) bool { _, ok := t.units[unit]; return ok }

// Measure reports whether unit is a bare measure word (量词), whose figures name
// the noun they count.
func (t *Table) Measure(unit string) bool { return t.measures[unit] }

// ShowsNoun reports whether lang writes a figure in the measure word unit with
// its noun after the number (its format places {unit}): English writes "1,500
// projects", where Chinese writes 1500项. Where it does, the noun must say
// which word follows 1 and which follows other numbers.
func (t *Table) ShowsNoun(unit, lang string) bool {
	s, ok := t.units[unit][lang]
	return ok && t.measures[unit] && strings.Contains(s.Format, "{unit}")
}

// Measures lists the units that are bare measure words, sorted.
func (t *Table) Measures() []string {
	out := make([]string, 0, len(t.measures))
	for u := range t.measures {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}

// Names lists the defined units, sorted, for messages.
func (t *Table) Names() []string {
	out := make([]string, 0, len(t.units))
	for u := range t.units {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}

var (
	fileKeys  = []string{"units", "magnitudes"}
	styleKeys = []string{"scale", "one", "other", "format", "group", "words"}
)

// unitKeys are a unit's keys: a style per language, and whether it is a
// measure word.
func unitKeys(langs []string) []string { return append(append([]string(nil), langs...), "measure") }

// Load reads the unit table (content/units.yaml):
//
//	units:
//	  亿元:
//	    zh: {format: "{value}亿元"}
//	    en: {scale: 100000000, other: yuan, words: true}
//	  项:
//	    measure: true          # a bare measure word: each figure names its noun
//	    zh: {format: "{value}项"}
//	    en: {group: true}      # 1,500 projects: the figure's noun
//	magnitudes:
//	  en: {1000000: million, 1000000000: billion, 1000000000000: trillion}
func Load(file string, data []byte, langs []string, problems *diag.List) *Table {
	t := &Table{units: map[string]map[string]Style{}, measures: map[string]bool{}, magnitudes: map[string][]Magnitude{}}
	doc, root := yamldoc.Parse(file, data, problems)
	if root == nil {
		return t
	}
	m, ok := doc.Fields(root, "", fileKeys, []string{"units"})
	if !ok {
		return t
	}
	if n := m.Get("units"); n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			name, v := n.Content[i].Value, n.Content[i+1]
			lm, ok := doc.Fields(v, "units."+name, unitKeys(langs), langs)
			if !ok {
				continue
			}
			if mn := lm.Get("measure"); mn != nil {
				t.measures[name], _ = doc.Bool(mn, "units."+name+".measure")
			}
			styles := map[string]Style{}
			for _, l := range langs {
				if sn := lm.Get(l); sn != nil {
					styles[l] = decodeStyle(doc, sn, "units."+name+"."+l)
					if t.measures[name] {
						noWords(doc, sn, "units."+name+"."+l)
					}
				}
			}
			t.units[name] = styles
		}
	} else if n != nil {
		doc.Errorf(n, "list units as “亿元:” keys, each with a style per language", "units must be a set of keys")
	}
	if n := m.Get("magnitudes"); n != nil {
		if lm, ok := doc.Fields(n, "magnitudes", langs, nil); ok {
			for l, v := range lm.All() {
				if v.Kind != yaml.MappingNode {
					doc.Errorf(v, "write “1000000: million” lines", "magnitudes.%s must be a set of number: word lines", l)
					continue
				}
				for i := 0; i+1 < len(v.Content); i += 2 {
					k, w := v.Content[i], v.Content[i+1]
					val, ok := doc.Number(k, "magnitudes."+l)
					word, ok2 := doc.String(w, "magnitudes."+l+"."+k.Value)
					if ok && ok2 {
						t.magnitudes[l] = append(t.magnitudes[l], Magnitude{val, word})
					}
				}
				sort.Slice(t.magnitudes[l], func(i, j int) bool { return t.magnitudes[l][i].Value > t.magnitudes[l][j].Value })
			}
		}
	}
	return t
}

// noWords reports the words a measure word's style gives: its figures' nouns
// are its words, and one word for every figure would be wrong for most.
func noWords(doc *yamldoc.Doc, n *yaml.Node, path string) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Value == "one" || k.Value == "other" {
			doc.Errorf(k, "remove it: each figure in a measure word names its noun (noun: {zh: 项目, en: {one: project, other: projects}})",
				"%s.%s: a measure word has no word of its own", path, k.Value)
		}
	}
}

func decodeStyle(doc *yamldoc.Doc, n *yaml.Node, path string) Style {
	s := Style{Scale: 1, Format: "{value} {unit}"}
	m, ok := doc.Fields(n, path, styleKeys, nil)
	if !ok {
		return s
	}
	if v := m.Get("scale"); v != nil {
		if x, ok := doc.Number(v, path+".scale"); ok && x > 0 && x <= maxScale {
			s.Scale = x
		} else if ok {
			doc.Errorf(v, "a positive number, e.g. 100000000 for 亿", "%s.scale must be more than 0 and at most 10¹⁵", path)
		}
	}
	str := func(key string) string {
		if v := m.Get(key); v != nil {
			if v.Kind == yaml.ScalarNode && v.Value == "" && v.Tag == "!!str" {
				return "" // an explicitly empty word: the number stands alone
			}
			x, _ := doc.String(v, path+"."+key)
			return x
		}
		return ""
	}
	s.One, s.Other = str("one"), str("other")
	if s.One == "" {
		s.One = s.Other
	}
	if f := str("format"); f != "" {
		if !strings.Contains(f, "{value}") {
			doc.Errorf(m.Get("format"), "e.g. \"{value}亿元\" or \"{value} {unit}\"", "%s.format must contain {value}", path)
		}
		s.Format = f
	}
	if v := m.Get("group"); v != nil {
		s.Group, _ = doc.Bool(v, path+".group")
	}
	if v := m.Get("words"); v != nil {
		s.Words, _ = doc.Bool(v, path+".words")
	}
	return s
}

// Format writes value in unit for lang. A measure word's words are noun's; other
// units ignore noun. ok is false for an unknown unit.
func (t *Table) Format(value float64, unit, lang string, noun Noun) (string, bool) {
	w, ok := t.Write(value, unit, lang, noun)
	return w.String(), ok
}

// Written is a figure as a language writes it, in parts, for a layout that sets
// the number apart from its words: Number is the digits (254.1, 1,500), Before
// and After what the unit puts around them (" billion yuan", "亿元", "%").
type Written struct {
	Before, Number, After string
}

// String is the figure as one text: 254.1 billion yuan.
func (w Written) String() string { return strings.TrimSpace(w.Before + w.Number + w.After) }

// Write is Format in parts.
func (t *Table) Write(value float64, unit, lang string, noun Noun) (Written, bool) {
	styles, ok := t.units[unit]
	if !ok {
		return Written{}, false
	}
	s, ok := styles[lang]
	if !ok {
		return Written{}, false
	}
	x := value * s.Scale
	var num, mag string
	if m, ok := t.magnitude(lang, x, s.Words); ok {
		num, mag = trim(x/m.Value, 3), m.Word
	} else if s.Group {
		num = group(trim(x, 2))
	} else {
		num = trim(x, 2)
	}
	one, other := s.One, s.Other
	if t.measures[unit] {
		one, other = noun.One, noun.Other
	}
	word := other
	if x == 1 {
		word = one
	}
	before, after, _ := strings.Cut(s.Format, "{value}")
	if mag != "" {
		// The magnitude belongs to the words: 254.1 | billion yuan, as
		// Chinese writes 2541 | 亿元.
		after = " " + mag + after
	}
	return Written{
		Before: strings.TrimLeft(strings.ReplaceAll(before, "{unit}", word), " "),
		Number: num,
		After:  strings.TrimRight(strings.ReplaceAll(after, "{unit}", word), " "),
	}, true
}

func (t *Table) magnitude(lang string, x float64, words bool) (Magnitude, bool) {
	if !words {
		return Magnitude{}, false
	}
	for _, m := range t.magnitudes[lang] {
		if math.Abs(x) >= m.Value {
			return m, true
		}
	}
	return Magnitude{}, false
}

// maxScale bounds a unit's scale: 万亿 is 10¹², and a value times its scale
// stays a number that can be written out.
const maxScale = 1e15

// trim writes x with at most places decimals, dropping trailing zeros: 254.1,
// 1.285, 460. A figure that is not zero is never printed as 0: where places
// decimals would round it away, it gets the decimals its first significant
// digit needs. Languages scale a unit differently (0.0001万人 is 1 person), and
// a reader of one must not read 0 where a reader of the other reads a count.
// Beyond fifteen significant digits a float64's digits are noise, not the
// number written: a larger x is written with fifteen and zeros after.
func trim(x float64, places int) string {
	s := strconv.FormatFloat(x, 'f', places, 64)
	for x != 0 && places < 20 && strings.Trim(s, "-0.") == "" {
		places++
		s = strconv.FormatFloat(x, 'f', places, 64)
	}
	if math.Abs(x) >= 1e15 {
		s = wholeDigits(x)
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// wholeDigits writes a large x as a whole number of fifteen significant digits
// followed by zeros: 1.23456789012345e22 is 12345678901234500000000.
func wholeDigits(x float64) string {
	e := strconv.FormatFloat(x, 'e', 14, 64) // -d.dddddddddddddde+XX
	sign := ""
	if e[0] == '-' {
		sign, e = "-", e[1:]
	}
	mant, exp, _ := strings.Cut(e, "e")
	n, _ := strconv.Atoi(exp)
	digits := strings.Replace(mant, ".", "", 1) // 15 digits, the point after the first
	if n+1 < len(digits) {
		return sign + digits[:n+1] // not reached: |x| ≥ 1e15 has n ≥ 15
	}
	return sign + digits + strings.Repeat("0", n+1-len(digits))
}

// group inserts thousands separators into the integer part: 80000 → 80,000.
func group(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// String is a value with its unit, for messages.
func String(value float64, unit string) string { return fmt.Sprintf("%s%s", trim(value, 4), unit) }
