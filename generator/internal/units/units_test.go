package units

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"leitai/generator/internal/diag"
)

func realTable(t *testing.T) *Table {
	t.Helper()
	file := filepath.Join("..", "..", "..", "content", "units.yaml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var problems diag.List
	tab := Load("content/units.yaml", data, []string{"zh", "en"}, &problems)
	if len(problems) > 0 {
		t.Fatalf("the real unit table has problems: %v", problems)
	}
	return tab
}

// The expected strings are how a newspaper writes these figures from the seed.
func TestFormatRealUnits(t *testing.T) {
	tab := realTable(t)
	projects := map[string]Noun{"zh": {"项目", "项目"}, "en": {"project", "projects"}}
	companies := map[string]Noun{"zh": {"企业", "企业"}, "en": {"company", "companies"}}
	cases := []struct {
		value  float64
		unit   string
		zh, en string
		noun   map[string]Noun // what a measure word counts
	}{
		{2541, "亿元", "2541亿元", "254.1 billion yuan", nil},
		{2500, "亿元", "2500亿元", "250 billion yuan", nil},
		{577, "亿元", "577亿元", "57.7 billion yuan", nil},
		{4.6, "亿元", "4.6亿元", "460 million yuan", nil},
		{12.85, "亿元", "12.85亿元", "1.285 billion yuan", nil},
		{40, "亿元", "40亿元", "4 billion yuan", nil},
		{2.6, "万亿元", "2.6万亿元", "2.6 trillion yuan", nil},
		{1234.5678, "万元", "1234.57万元", "12.346 million yuan", nil},
		{8, "万人", "8万人", "80,000 people", nil},
		{0.0001, "万人", "0.0001万人", "1 person", nil},
		{0.004, "万元", "0.004万元", "40 yuan", nil},
		{1500, "项", "1500项", "1,500 projects", projects},
		{1, "项", "1项", "1 project", projects},
		{400, "个", "400个", "400 projects", projects},
		{12, "家", "12家", "12 companies", companies},
		{1, "家", "1家", "1 company", companies},
		{8, "万个", "8万个", "80,000 projects", projects},
		{2500, "亿元", "2500亿元", "250 billion yuan", projects}, // a noun does not change a unit's words
		{285, "天", "285天", "285 days", nil},
		{96.03, "%", "96.03%", "96.03%", nil},
		{2.1, "个百分点", "2.1个百分点", "2.1 percentage points", nil},
		{4.8, "倍", "4.8倍", "4.8 times", nil},
		{100000, "万元", "100000万元", "1 billion yuan", nil},
		{99.9999, "万元", "100万元", "999,999 yuan", nil},
		// The largest values a target may have are written out whole, every
		// digit the editor wrote and zeros after, never a float64's noise or +Inf.
		{123456789012345, "个", "123456789012345个", "123,456,789,012,345 projects", projects},
		{1e15, "万元", "1000000000000000万元", "10000000 trillion yuan", nil},
		{-1e15, "万人", "-1000000000000000万人", "-10000000 trillion people", nil},
		{987654321012345, "万亿元", "987654321012345万亿元", "987654321012345 trillion yuan", nil},
	}
	for _, c := range cases {
		for lang, want := range map[string]string{"zh": c.zh, "en": c.en} {
			got, ok := tab.Format(c.value, c.unit, lang, c.noun[lang])
			if !ok || got != want {
				t.Errorf("Format(%v, %s, %s) = %q, %v; want %q", c.value, c.unit, lang, got, ok, want)
			}
		}
	}
	if _, ok := tab.Format(1, "公里", "zh", Noun{}); ok {
		t.Error("an unknown unit formatted")
	}
}

// A tile sets the number apart from its words, and the parts joined are the
// figure as Format writes it.
func TestWriteInParts(t *testing.T) {
	tab := realTable(t)
	companies := Noun{"company", "companies"}
	cases := []struct {
		value        float64
		unit, lang   string
		noun         Noun
		before, num  string
		after, whole string
	}{
		{577, "亿元", "zh", Noun{}, "", "577", "亿元", "577亿元"},
		{577, "亿元", "en", Noun{}, "", "57.7", " billion yuan", "57.7 billion yuan"},
		{4.6, "亿元", "en", Noun{}, "", "460", " million yuan", "460 million yuan"},
		{6.2, "%", "en", Noun{}, "", "6.2", "%", "6.2%"},
		{12, "家", "en", companies, "", "12", " companies", "12 companies"},
		{285, "天", "en", Noun{}, "", "285", " days", "285 days"},
		{8, "万人", "en", Noun{}, "", "80,000", " people", "80,000 people"},
	}
	for _, c := range cases {
		w, ok := tab.Write(c.value, c.unit, c.lang, c.noun)
		if !ok || w.Before != c.before || w.Number != c.num || w.After != c.after {
			t.Errorf("Write(%v, %s, %s) = %q, %v; want %q %q %q", c.value, c.unit, c.lang, w, ok, c.before, c.num, c.after)
		}
		if f, _ := tab.Format(c.value, c.unit, c.lang, c.noun); w.String() != c.whole || f != c.whole {
			t.Errorf("%v %s in %s: parts join as %q, Format writes %q; want %q", c.value, c.unit, c.lang, w.String(), f, c.whole)
		}
	}
}

// The bare measure words of the real table are marked, and only English writes
// their noun after the number.
func TestMeasureWords(t *testing.T) {
	tab := realTable(t)
	if got, want := strings.Join(tab.Measures(), " "), "万个 个 场 处 家 所 项"; got != want {
		t.Errorf("measure words = %s, want %s", got, want)
	}
	for _, c := range []struct {
		unit, lang string
		shows      bool
	}{{"项", "en", true}, {"项", "zh", false}, {"亿元", "en", false}, {"万人", "en", false}, {"公里", "en", false}} {
		if got := tab.ShowsNoun(c.unit, c.lang); got != c.shows {
			t.Errorf("ShowsNoun(%s, %s) = %v, want %v", c.unit, c.lang, got, c.shows)
		}
	}
	var problems diag.List
	Load("units.yaml", []byte("units:\n  项:\n    measure: true\n    zh: {format: \"{value}项\"}\n    en: {one: item, other: items}\n"), []string{"zh", "en"}, &problems)
	problems.Sort()
	var got []string
	for _, p := range problems {
		got = append(got, p.Pos.String()+": "+p.Msg)
	}
	want := "units.yaml:5:10: units.项.en.one: a measure word has no word of its own\n" +
		"units.yaml:5:21: units.项.en.other: a measure word has no word of its own"
	if strings.Join(got, "\n") != want {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// What a newspaper prints: a figure that is not zero never reads as 0, in any
// language, whatever the unit's scale does to it; and zero reads as 0.
func TestNoFigurePrintsAsZero(t *testing.T) {
	tab := realTable(t)
	zero := regexp.MustCompile(`^-?0(\.0*)?([^0-9.,]|$)`)
	for _, unit := range tab.Names() {
		for _, v := range []float64{0.0001, 0.0004, 0.004, 0.00049, 0.001234, 0.5, -0.0001} {
			for _, lang := range []string{"zh", "en"} {
				got, ok := tab.Format(v, unit, lang, Noun{})
				if !ok {
					t.Fatalf("Format(%v, %s, %s) failed", v, unit, lang)
				}
				if zero.MatchString(got) {
					t.Errorf("Format(%v, %s, %s) = %q: a figure that is not zero prints as 0", v, unit, lang, got)
				}
			}
		}
		for _, lang := range []string{"zh", "en"} {
			if got, _ := tab.Format(0, unit, lang, Noun{}); !zero.MatchString(got) {
				t.Errorf("Format(0, %s, %s) = %q, want 0", unit, lang, got)
			}
		}
	}
}

func TestLoadReportsProblems(t *testing.T) {
	var problems diag.List
	Load("units.yaml", []byte("units:\n  亿元:\n    zh: {format: \"亿元\"}\n    en: {scale: -1, wrods: true}\n"+
		"  万元:\n    zh: {scale: 1e300}\n    en: {scale: .inf}\n"), []string{"zh", "en"}, &problems)
	problems.Sort()
	got := []string{}
	for _, p := range problems {
		got = append(got, p.Pos.String()+": "+p.Msg)
	}
	want := []string{
		"units.yaml:3:18: units.亿元.zh.format must contain {value}",
		"units.yaml:4:17: units.亿元.en.scale must be more than 0 and at most 10¹⁵",
		"units.yaml:4:21: unknown key \"wrods\" in units.亿元.en",
		"units.yaml:6:17: units.万元.zh.scale must be more than 0 and at most 10¹⁵",
		"units.yaml:7:17: units.万元.en.scale must be a finite number, not .inf",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// wholeDigits writes fifteen significant digits and zeros after them.
func TestWholeDigits(t *testing.T) {
	if got := wholeDigits(1.23456789012345e22); got != "12345678901234500000000" {
		t.Errorf("wholeDigits = %s", got)
	}
}
