package main

import (
	"regexp"
	"strings"
	"testing"
)

// The real site says what the paper said, in both languages: a strict target is
// “more than”, a count names what it counts, a scope is not a target, a due
// date says what it rests on and no pledge gets a date the paper does not give,
// and the scan's misprints are corrected in the open, with the source's reading.
func TestRealContentSaysWhatThePaperSaid(t *testing.T) {
	c := pages{t, buildReal(t)}

	// 超过2500亿元 is more than, never 不少于 / at least.
	for _, p := range []string{"zh/departments/financial-supervision/index.html", "zh/index.html"} {
		c.has(p, c.page(p), "目标：超过2500亿元")
		c.hasNot(p, c.page(p), "不少于2500亿元")
	}
	for _, p := range []string{"en/departments/financial-supervision/index.html", "en/index.html"} {
		c.has(p, c.page(p), "Target: more than 250 billion yuan")
		c.hasNot(p, c.page(p), "at least 250 billion yuan")
	}

	// A count keeps its measure word in Chinese and names its noun in English.
	c.has("zh industry-it", c.page("zh/departments/industry-it/index.html"), "目标：不少于1500项")
	en := c.page("en/departments/industry-it/index.html")
	c.has("en industry-it", en, "Target: at least 1,500 projects")
	c.has("en industry-it", en, "Target: at least 500 projects")
	c.has("en financial-supervision", c.page("en/departments/financial-supervision/index.html"), "<b>12</b> <span>companies</span>")
	c.has("zh financial-supervision", c.page("zh/departments/financial-supervision/index.html"), "<b>12</b><span>家</span>")
	for _, p := range []string{"en/index.html", "en/departments/industry-it/index.html", "en/departments/financial-supervision/index.html"} {
		for _, wrong := range []string{"items", "organisations", "Target: at least 500<"} {
			c.hasNot(p, c.page(p), wrong)
		}
	}

	// Scope is the size of the work, not a target.
	sci := c.page("en/departments/science-technology/index.html")
	c.has("en science-technology", sci, "Scope: 91 major projects")
	c.hasNot("en science-technology", sci, "Target: 91")
	c.has("zh culture-tourism", c.page("zh/departments/culture-tourism/index.html"), "范围：410项")
	c.hasNot("zh culture-tourism", c.page("zh/departments/culture-tourism/index.html"), "目标：410项")

	// A due date says what it rests on; the summary gives the date.
	c.has("en finance", c.page("en/departments/finance/index.html"),
		`Due: <time datetime="2022-12-31">31 December 2022</time> (stated as <span lang="zh-Hans">年底前</span>)`)
	c.has("en financial-supervision", c.page("en/departments/financial-supervision/index.html"),
		`Due: <time datetime="2022-12-31">31 December 2022</time> (inferred from <span lang="zh-Hans">全年</span>)`)
	c.has("zh financial-supervision", c.page("zh/departments/financial-supervision/index.html"),
		`期限：<time datetime="2022-12-31">2022年12月31日</time>（据“全年”推定）`)
	c.has("en summary", c.page("en/index.html"), `Target: more than 250 billion yuan · Due: <time datetime="2022-12-31">31 December 2022</time></span>`)

	// The paper gives the air-quality ranking no date.
	pledge := regexp.MustCompile(`(?s)<li id="pledge-(\d+)">(.*?)</li>`)
	for _, lang := range []string{"zh", "en"} {
		found := false
		for _, m := range pledge.FindAllStringSubmatch(c.page(lang+"/departments/ecology-environment/index.html"), -1) {
			if strings.Contains(m[2], "空气质量排名") || strings.Contains(m[2], "rank first for air quality") {
				found = true
				c.hasNot(lang+" ecology-environment ranking pledge", m[2], "<time")
			}
		}
		if !found {
			t.Errorf("%s ecology-environment: the ranking pledge is missing", lang)
		}
	}

	// The scan's misprints are corrected, and the page says so in both languages.
	zh := c.page("zh/articles/department-arena-2022/index.html")
	body, note, _ := strings.Cut(zh, `<section class="corrections"`)
	c.has("zh article", body, "干字为先")
	c.hasNot("zh article's text", body, "千字为先")
	c.has("zh article's corrections", note, "原文作“千字为先”，现改为“干字为先”")
	zh2 := c.page("zh/articles/department-arena-2022/2/index.html")
	body2, _, _ := strings.Cut(zh2, `<section class="corrections"`)
	c.has("zh article, part 2", body2, "在全国争先进位")
	c.hasNot("zh article's text, part 2", body2, "争先先进")
	c.has("zh article, part 2", zh2, "原文作“争先先进”，现改为“争先进位”")
	c.has("en article's corrections", c.page("en/articles/department-arena-2022/index.html"),
		`The source reads <span lang="zh-Hans">千字为先</span>; we print <span lang="zh-Hans">干字为先</span>.`)
	edu := c.page("en/departments/education/index.html")
	c.has("en education's corrections", edu, `<h2 id="corrections">Corrections</h2>`)
	c.has("en education's corrections", edu, `The source reads <span lang="zh-Hans">创新路数打打法</span>; we print <span lang="zh-Hans">创新路数打法</span>.`)
	c.has("zh feed", c.page("zh/atom.xml"), "更正：原文作“千字为先”，现改为“干字为先”。")
	c.has("en feed", c.page("en/atom.xml"), "Corrections: The source reads 创新路数打打法; we print 创新路数打法.")
	c.has("en open data", c.page("en/data/pledges.json"), `"printed": "创新路数打打法"`)
}
