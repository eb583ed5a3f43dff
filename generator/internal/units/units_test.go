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
	cases := []struct {
		value  float64
		unit   string
		zh, en string
	}{
		{2541, "亿元", "2541亿元", "254.1 billion yuan"},
		{2500, "亿元", "2500亿元", "250 billion yuan"},
		{577, "亿元", "577亿元", "57.7 billion yuan"},
		{4.6, "亿元", "4.6亿元", "460 million yuan"},
		{12.85, "亿元", "12.85亿元", "1.285 billion yuan"},
		{40, "亿元", "40亿元", "4 billion yuan"},
		{2.6, "万亿元", "2.6万亿元", "2.6 trillion yuan"},
		{1234.5678, "万元", "1234.57万元", "12.346 million yuan"},
		{8, "万人", "8万人", "80,000 people"},
		{0.0001, "万人", "0.0001万人", "1 person"},
		{0.004, "万元", "0.004万元", "40 yuan"},
		{1500, "项", "1500项", "1,500 items"},
		{1, "项", "1项", "1 item"},
		{400, "个", "400个", "400"},
		{285, "天", "285天", "285 days"},
		{96.03, "%", "96.03%", "96.03%"},
		{2.1, "个百分点", "2.1个百分点", "2.1 percentage points"},
		{4.8, "倍", "4.8倍", "4.8 times"},
		{100000, "万元", "100000万元", "1 billion yuan"},
		{99.9999, "万元", "100万元", "999,999 yuan"},
		// The largest values a target may have are written out whole, every
		// digit the editor wrote and zeros after, never a float64's noise or +Inf.
		{123456789012345, "个", "123456789012345个", "123,456,789,012,345"},
		{1e15, "万元", "1000000000000000万元", "10000000 trillion yuan"},
		{-1e15, "万人", "-1000000000000000万人", "-10000000 trillion people"},
		{987654321012345, "万亿元", "987654321012345万亿元", "987654321012345 trillion yuan"},
	}
	for _, c := range cases {
		for lang, want := range map[string]string{"zh": c.zh, "en": c.en} {
			got, ok := tab.Format(c.value, c.unit, lang)
			if !ok || got != want {
				t.Errorf("Format(%v, %s, %s) = %q, %v; want %q", c.value, c.unit, lang, got, ok, want)
			}
		}
	}
	if _, ok := tab.Format(1, "公里", "zh"); ok {
		t.Error("an unknown unit formatted")
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
				got, ok := tab.Format(v, unit, lang)
				if !ok {
					t.Fatalf("Format(%v, %s, %s) failed", v, unit, lang)
				}
				if zero.MatchString(got) {
					t.Errorf("Format(%v, %s, %s) = %q: a figure that is not zero prints as 0", v, unit, lang, got)
				}
			}
		}
		for _, lang := range []string{"zh", "en"} {
			if got, _ := tab.Format(0, unit, lang); !zero.MatchString(got) {
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
