package site

import (
	"strings"
	"testing"

	"leitai/generator/internal/content"
)

func article(lang string, sections ...int) *content.Article {
	var b strings.Builder
	b.WriteString(strings.Repeat("导语。\n", 10))
	for i, n := range sections {
		b.WriteString("## 第" + string(rune('一'+i)) + "节\n")
		b.WriteString("```\n## not a heading inside code\n```\n")
		b.WriteString(strings.Repeat("x", n) + "\n")
	}
	return &content.Article{Lang: lang, Body: []byte(b.String()), BodyLine: 8}
}

func TestArticleParts(t *testing.T) {
	langs := []string{"zh", "en"}
	cases := []struct {
		name     string
		versions map[string]*content.Article
		want     [][2]int
	}{
		{"short report: one page", map[string]*content.Article{"zh": article("zh", 100, 100), "en": article("en", 200, 200)}, [][2]int{{0, 1 << 62}}},
		{"long English: cut by the longest language", map[string]*content.Article{
			"zh": article("zh", 3000, 2000, 5000, 500),
			"en": article("en", 7900, 3800, 11300, 1300),
		}, [][2]int{{0, 3}, {3, 5}}},
		{"translations with different sections stay whole", map[string]*content.Article{
			"zh": article("zh", 9000, 9000),
			"en": article("en", 9000, 9000, 9000),
		}, [][2]int{{0, 1 << 62}}},
		{"one huge section cannot be cut", map[string]*content.Article{"zh": article("zh", 40000), "en": article("en", 40000)}, [][2]int{{0, 1}, {1, 2}}},
	}
	for _, c := range cases {
		got := articleParts(c.versions, langs)
		if len(got) != len(c.want) {
			t.Errorf("%s: parts %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i][0] != c.want[i][0] || (c.want[i][1] != 1<<62 && got[i][1] != c.want[i][1]) {
				t.Errorf("%s: parts %v, want %v", c.name, got, c.want)
			}
		}
	}
	// A part's first line is its line in the file, for problems found in it.
	a := article("zh", 10, 10)
	body, line := a.Part(1, 2)
	if !strings.HasPrefix(string(body), "## 第一节") || line != 8+10 {
		t.Errorf("Part(1, 2) starts %q at line %d", string(body)[:12], line)
	}
}
