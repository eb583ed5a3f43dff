package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// constructsSite is testdata/check/site with markdown.unsafe on and the article
// of testdata/constructs, which uses every Markdown construct Leitai renders
// (see testdata/constructs/README.md). It returns the copy's config.yaml.
func constructsSite(t *testing.T) string {
	t.Helper()
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	applyEdits(t, root, []edit{
		{"config.yaml", "languages:", "markdown: {unsafe: true}\nlanguages:"},
		{"content/articles/constructs.zh.md", "", read(t, filepath.Join("testdata", "constructs", "constructs.zh.md"))},
		{"content/articles/constructs.en.md", "", read(t, filepath.Join("testdata", "constructs", "constructs.en.md"))},
		{"static/images/diagram.svg", "", read(t, filepath.Join("testdata", "constructs", "diagram.svg"))},
	})
	return cfg
}

// constructsWant is what the constructs page must hold in each language, so the
// tests that read it know it still exercises every construct.
var constructsWant = map[string][]string{
	"zh": {
		`<strong>加粗</strong>`, `<em>强调</em>`, `<del>删除</del>`, `<code>代码</code>`, "并用，中文换行", "<br>",
		`<a href="/zh/departments/alpha/">甲局</a>`, `<a href="/zh/articles/report/#%E7%AC%AC%E4%BA%8C%E8%8A%82">`, `<a href="https://example.org/news/">`,
		`<a href="https://example.org/">https://example.org/</a>`, `<a href="">危险链接</a>`,
		`<img src="/images/diagram.svg" alt="柱状图：两项指标">`, "<blockquote>", "<ol>", "<ul>",
		`<th class="align-left">部门</th>`, `<th class="align-right">目标</th>`, `<th class="align-center">完成</th>`, `<th>备注</th>`,
		`<td class="align-right">2541亿元</td>`, `<pre tabindex="0"><code class="language-go">`, "<pre tabindex=\"0\"><code>缩进的代码块", "<hr>",
		`<a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a>`, `<li id="fn:2">`,
		"<kbd>Ctrl</kbd>", `<abbr title="国内生产总值">GDP</abbr>`, `<div class="note">`,
	},
	"en": {
		`<strong>strong</strong>`, `<em>emphasis</em>`, `<del>deletion</del>`, `<code>code</code>`, "<br>",
		`<a href="/en/departments/alpha/">Alpha</a>`, `<a href="/en/articles/report/#second-part">`,
		`<a href="">A dangerous link</a>`, `<img src="/images/diagram.svg" alt="Bar chart: two figures">`,
		`<table tabindex="0">`, `<th class="align-left">Department</th>`, `<th class="align-right">Target</th>`, `<th class="align-center">Met</th>`, `<th>Note</th>`,
		`<pre tabindex="0"><code class="language-go">`, `<li id="fn:2">`, "<kbd>Ctrl</kbd>", `<div class="note">`,
	},
}

// The constructs page holds every construct, so the checks run over it mean
// something: a fixture that silently lost its table or its raw HTML would make
// them pass on nothing.
func TestConstructsPageHoldsEveryConstruct(t *testing.T) {
	out := buildSite(t, constructsSite(t))
	for lang, wants := range constructsWant {
		page := read(t, filepath.Join(out, lang, "articles", "constructs", "index.html"))
		for _, want := range wants {
			if !strings.Contains(page, want) {
				t.Errorf("%s constructs page lacks %s", lang, want)
			}
		}
	}
}
