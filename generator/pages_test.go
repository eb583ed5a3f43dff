package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"leitai/generator/internal/testsite"
)

// The real site's pages show the report as the paper printed it: its lead at
// the top, figures of different kinds each on their own (a fall of 6.2% is not
// drawn on the scale of a 99% share), a part inside its whole, bars only for a
// declared series, pages paged as pages, and a statement the paper reported
// named as reported.
func TestRealContentPages(t *testing.T) {
	c := pages{t, buildReal(t)}

	// The lead opens the report, in both languages, on its first part only.
	leads := map[string]string{
		"zh": "真抓才能攻坚克难，实干才能梦想成真。",
		"en": "Only by getting down to real work can we overcome hard problems; only through hard work can dreams come true.",
	}
	for lang, lead := range leads {
		first := c.page(lang + "/articles/department-arena-2022/index.html")
		header, _, _ := strings.Cut(first, `<div class="prose">`)
		c.has(lang+" report, part 1, before its text", header, `<p class="lead">`+lead+`</p>`)
		c.hasNot(lang+" report, part 2", c.page(lang+"/articles/department-arena-2022/2/index.html"), `<p class="lead">`)
	}

	// The ecology bureau's figures are a fall year on year and two levels:
	// three tiles, no bars on one scale.
	for lang, want := range map[string][]string{
		"zh": {"<b>6.2</b><span>%</span></p><p>PM2.5同比改善", "<b>99</b><span>%</span>", "<b>100</b><span>%</span>"},
		"en": {"<b>6.2</b><span>%</span></p><p>Fall in PM2.5 concentrations, year on year", "<b>99</b><span>%</span>", "<b>100</b><span>%</span>"},
	} {
		figures := section(t, c.page(lang+"/departments/ecology-environment/index.html"), "figures")
		if n := strings.Count(figures, "<li>"); n != 3 {
			t.Errorf("%s ecology-environment: %d figures, want 3 tiles", lang, n)
		}
		for _, w := range want {
			c.has(lang+" ecology-environment's tiles", figures, w)
		}
		for _, bar := range []string{"<svg", `class="bars"`, "<rect"} {
			c.hasNot(lang+" ecology-environment's figures", figures, bar)
		}
	}

	// 415亿 of VAT credit refunds is part of the 577亿 of tax relief (其中):
	// drawn inside its whole, and said “of which”, not a sibling of it.
	tile := regexp.MustCompile(`(?s)<li(?: class="whole")?><p class="fig">(.*?)</li>`)
	for lang, want := range map[string][2]string{
		"zh": {"<b>577</b>", "<p class=\"part\">其中留抵退税415亿元</p>"},
		"en": {"<b>57.7</b>", "<p class=\"part\">Of which VAT credit refunds: 41.5 billion yuan</p>"},
	} {
		figures := section(t, c.page(lang+"/departments/finance/index.html"), "figures")
		tiles := tile.FindAllStringSubmatch(figures, -1)
		if len(tiles) != 2 {
			t.Errorf("%s finance: %d tiles, want the tax relief with its part, and the bond quota", lang, len(tiles))
			continue
		}
		whole := tiles[0][0]
		c.has(lang+" finance's first tile", whole, `<li class="whole">`)
		c.has(lang+" finance's first tile", whole, want[0])
		c.has(lang+" finance's first tile", whole, `<rect class="fill" width="71.9" height="1"/>`)
		c.has(lang+" finance's first tile", whole, want[1])
		c.hasNot(lang+" finance's second tile", tiles[1][1], "415")
	}

	// Bars only for a series the editors declare: the commerce bureau's
	// shares of the provincial total, on a scale of 100%.
	commerce := section(t, c.page("en/departments/commerce/index.html"), "figures")
	c.has("en commerce", commerce, "<figcaption>Share of the provincial total</figcaption>")
	c.has("en commerce", commerce, `<li><span>Large projects with over US$100 million received</span> <b>60%</b><svg class="share" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true"><rect width="100" height="1"/><rect class="fill" width="60" height="1"/></svg></li>`)
	// Pages of a report are pages: 上一页 / 下一页. Departments keep their own
	// words.
	zh1, zh2 := c.page("zh/articles/department-arena-2022/index.html"), c.page("zh/articles/department-arena-2022/2/index.html")
	c.has("zh report, part 1", zh1, `<a rel="next" href="/zh/articles/department-arena-2022/2/">下一页</a>`)
	c.has("zh report, part 2", zh2, `<a rel="prev" href="/zh/articles/department-arena-2022/">上一页</a>`)
	for _, p := range []string{zh1, zh2} {
		c.hasNot("zh report's pager", p, "上一个")
		c.hasNot("zh report's pager", p, "下一个")
	}
	c.has("en report, part 1", c.page("en/articles/department-arena-2022/index.html"), `<a rel="next" href="/en/articles/department-arena-2022/2/">Next page</a>`)
	c.has("zh finance", c.page("zh/departments/finance/index.html"), "<span>上一个</span>")
	// The statement is what the paper reported the leader said, not a
	// quotation.
	for _, d := range departments {
		en, zh := c.page("en/departments/"+d+"/index.html"), c.page("zh/departments/"+d+"/index.html")
		c.has("en "+d, en, `<h2 id="statement">The statement, as reported</h2>`)
		c.hasNot("en "+d, en, "In their own words")
		c.has("zh "+d, zh, `<h2 id="statement">报道中的表态</h2>`)
	}
}

// section is the part of a department page under the heading with id.
func section(t *testing.T, page, id string) string {
	t.Helper()
	_, rest, ok := strings.Cut(page, `<h2 id="`+id+`">`)
	if !ok {
		t.Fatalf("no section %q on the page", id)
	}
	s, _, _ := strings.Cut(rest, "</section>")
	return s
}

// The summary's intro says how many departments this site has, not the
// number its words were first written for: one more department, one more in
// the intro.
func TestIntroCountsTheDepartments(t *testing.T) {
	dir := testsite.Copy(t)
	src := filepath.Join(dir, "content", "departments", "finance.yaml")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "departments", "finance-copy.yaml"), []byte(strings.Replace(string(b), "order: 5", "order: 11", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := runCmd("build", "--config", filepath.Join(dir, "config.yaml"), "--destination", out); code != 0 {
		t.Fatalf("build exit %d:\n%s%s", code, stdout, stderr)
	}
	for lang, want := range map[string]string{
		"zh": `<p class="intro">11个市直部门在“部门擂台”上`,
		"en": `<p class="intro">At the “Department Arena”, 11 city departments showed`,
	} {
		summary := read(t, filepath.Join(out, lang, "index.html"))
		if !strings.Contains(summary, want) {
			t.Errorf("the %s summary of 11 departments lacks %q", lang, want)
		}
		_, intro, _ := strings.Cut(summary, `<p class="intro">`)
		intro, _, _ = strings.Cut(intro, "</p>")
		for _, ten := range []string{"十个", "10个", "Ten ", "ten ", " 10 "} {
			if strings.Contains(intro, ten) {
				t.Errorf("the %s summary of 11 departments says %q: %s", lang, ten, intro)
			}
		}
	}
}
