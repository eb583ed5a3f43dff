package render

import (
	"path/filepath"
	"testing"

	"leitai/generator/internal/content"
	"leitai/generator/internal/testsite"
)

// Each comparison reads in each language as the source says it, with the real
// units and the theme's strings: 超过 is “more than”, never “at least”, and a
// count is “fewer than”, not “less than”.
func TestTargetWords(t *testing.T) {
	r := loadRenderer(t, filepath.Join(testsite.Root(), "config.yaml"))
	loans := content.Figure{Value: 2500, Unit: "亿元"}
	projects := content.Figure{Value: 400, Unit: "个", Noun: content.Noun{Decoded: true, Langs: []content.NounForms{
		{Lang: "zh", One: "项目", Other: "项目"}, {Lang: "en", One: "project", Other: "projects", Inflected: true}}}}
	one := projects
	one.Value = 1
	cases := []struct {
		figure  content.Figure
		compare string
		zh, en  string
	}{
		{loans, "more-than", "超过2500亿元", "more than 250 billion yuan"},
		{loans, "at-least", "不少于2500亿元", "at least 250 billion yuan"},
		{loans, "at-most", "不超过2500亿元", "at most 250 billion yuan"},
		{loans, "less-than", "低于2500亿元", "less than 250 billion yuan"},
		{loans, "exactly", "2500亿元", "250 billion yuan"},
		{projects, "less-than", "少于400个", "fewer than 400 projects"},
		{projects, "at-least", "不少于400个", "at least 400 projects"},
		{one, "exactly", "1个", "1 project"},
	}
	for _, c := range cases {
		for lang, want := range map[string]string{"zh": c.zh, "en": c.en} {
			got, err := r.locales[lang].target(&content.Target{Figure: c.figure, Compare: c.compare})
			if err != nil || got != want {
				t.Errorf("%s %v %s %s = %q, %v; want %q", c.compare, c.figure.Value, c.figure.Unit, lang, got, err, want)
			}
		}
	}
}
