package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The real site says what the paper said, in both languages: a strict target is
// “more than”, a count names what it counts, a scope is not a target, a due
// date says what it rests on and no pledge gets a date the paper does not give,
// and the scan's misprints are corrected in the open, with the source's reading.
func TestRealContentSaysWhatThePaperSaid(t *testing.T) {
	out := buildReal(t)
	page := func(p string) string { return read(t, filepath.Join(out, filepath.FromSlash(p))) }
	has := func(where, s, want string) {
		t.Helper()
		if !strings.Contains(s, want) {
			t.Errorf("%s lacks %q", where, want)
		}
	}
	hasNot := func(where, s, unwanted string) {
		t.Helper()
		if strings.Contains(s, unwanted) {
			t.Errorf("%s has %q", where, unwanted)
		}
	}

	// 超过2500亿元 is more than, never 不少于 / at least.
	for _, p := range []string{"zh/departments/financial-supervision/index.html", "zh/index.html"} {
		has(p, page(p), "目标：超过2500亿元")
		hasNot(p, page(p), "不少于2500亿元")
	}
	for _, p := range []string{"en/departments/financial-supervision/index.html", "en/index.html"} {
		has(p, page(p), "Target: more than 250 billion yuan")
		hasNot(p, page(p), "at least 250 billion yuan")
	}

	// A count keeps its measure word in Chinese and names its noun in English.
	has("zh industry-it", page("zh/departments/industry-it/index.html"), "目标：不少于1500项")
	en := page("en/departments/industry-it/index.html")
	has("en industry-it", en, "Target: at least 1,500 projects")
	has("en industry-it", en, "Target: at least 500 projects")
	has("en financial-supervision", page("en/departments/financial-supervision/index.html"), "<td>12 companies</td>")
	has("zh financial-supervision", page("zh/departments/financial-supervision/index.html"), "<td>12家</td>")
	for _, p := range []string{"en/index.html", "en/departments/industry-it/index.html", "en/departments/financial-supervision/index.html"} {
		for _, wrong := range []string{"items", "organisations", "Target: at least 500<"} {
			hasNot(p, page(p), wrong)
		}
	}

	// Scope is the size of the work, not a target.
	sci := page("en/departments/science-technology/index.html")
	has("en science-technology", sci, "Scope: 91 major projects")
	hasNot("en science-technology", sci, "Target: 91")
	has("zh culture-tourism", page("zh/departments/culture-tourism/index.html"), "范围：410项")
	hasNot("zh culture-tourism", page("zh/departments/culture-tourism/index.html"), "目标：410项")

	// A due date says what it rests on; the summary gives the date.
	has("en finance", page("en/departments/finance/index.html"),
		`Due: <time datetime="2022-12-31">31 December 2022</time> (stated as <span lang="zh-Hans">年底前</span>)`)
	has("en financial-supervision", page("en/departments/financial-supervision/index.html"),
		`Due: <time datetime="2022-12-31">31 December 2022</time> (inferred from <span lang="zh-Hans">全年</span>)`)
	has("zh financial-supervision", page("zh/departments/financial-supervision/index.html"),
		`期限：<time datetime="2022-12-31">2022年12月31日</time>（据“全年”推定）`)
	has("en summary", page("en/index.html"), `Target: more than 250 billion yuan · Due: <time datetime="2022-12-31">31 December 2022</time></span>`)

	// The paper gives the air-quality ranking no date.
	pledge := regexp.MustCompile(`(?s)<li id="pledge-(\d+)">(.*?)</li>`)
	for _, lang := range []string{"zh", "en"} {
		found := false
		for _, m := range pledge.FindAllStringSubmatch(page(lang+"/departments/ecology-environment/index.html"), -1) {
			if strings.Contains(m[2], "空气质量排名") || strings.Contains(m[2], "rank first for air quality") {
				found = true
				hasNot(lang+" ecology-environment ranking pledge", m[2], "<time")
			}
		}
		if !found {
			t.Errorf("%s ecology-environment: the ranking pledge is missing", lang)
		}
	}

	// The scan's misprints are corrected, and the page says so in both languages.
	zh := page("zh/articles/department-arena-2022/index.html")
	body, note, _ := strings.Cut(zh, `<section class="corrections"`)
	has("zh article", body, "干字为先")
	hasNot("zh article's text", body, "千字为先")
	has("zh article's corrections", note, "原文作“千字为先”，现改为“干字为先”")
	zh2 := page("zh/articles/department-arena-2022/2/index.html")
	body2, _, _ := strings.Cut(zh2, `<section class="corrections"`)
	has("zh article, part 2", body2, "在全国争先进位")
	hasNot("zh article's text, part 2", body2, "争先先进")
	has("zh article, part 2", zh2, "原文作“争先先进”，现改为“争先进位”")
	has("en article's corrections", page("en/articles/department-arena-2022/index.html"),
		`The source reads <span lang="zh-Hans">千字为先</span>; we print <span lang="zh-Hans">干字为先</span>.`)
	edu := page("en/departments/education/index.html")
	has("en education's corrections", edu, `<h2 id="corrections">Corrections</h2>`)
	has("en education's corrections", edu, `The source reads <span lang="zh-Hans">创新路数打打法</span>; we print <span lang="zh-Hans">创新路数打法</span>.`)
	has("zh feed", page("zh/atom.xml"), "更正：原文作“千字为先”，现改为“干字为先”。")
	has("en feed", page("en/atom.xml"), "Corrections: The source reads 创新路数打打法; we print 创新路数打法.")
	has("en open data", page("en/data/pledges.json"), `"printed": "创新路数打打法"`)
}
