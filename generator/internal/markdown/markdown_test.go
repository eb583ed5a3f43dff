package markdown

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// render is a test helper: it renders src with opts and fails on error.
func render(t *testing.T, opts Options, src string) Result {
	t.Helper()
	res, err := New(opts).Render([]byte(src))
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	return res
}

func TestRenderHTML(t *testing.T) {
	tests := []struct {
		name string
		lang string
		src  string
		want string
	}{
		// CJK-friendly emphasis.
		{"strong closes after closing quote before Han", "zh", "**“军令状”**是", "<p><strong>“军令状”</strong>是</p>\n"},
		{"strong closes after fullwidth comma", "zh", "**真，**她", "<p><strong>真，</strong>她</p>\n"},
		{"emphasis before Han", "zh", "*强调*文本", "<p><em>强调</em>文本</p>\n"},
		{"strong inside Han", "zh", "这是**加粗**的", "<p>这是<strong>加粗</strong>的</p>\n"},
		{"strong opens after Han before opening quote", "zh", "他立下**“军令状”**。", "<p>他立下<strong>“军令状”</strong>。</p>\n"},
		{"strong around fullwidth brackets", "zh", "注意**（重要）**事项", "<p>注意<strong>（重要）</strong>事项</p>\n"},
		{"strong ending in full stop", "zh", "**本文为转载。**来源：新华社", "<p><strong>本文为转载。</strong>来源：新华社</p>\n"},
		{"strong around ASCII parentheses next to Han", "zh", "会议**(第二次)**召开", "<p>会议<strong>(第二次)</strong>召开</p>\n"},
		{"strong around link next to Han", "zh", "请看**[通知](https://example.com/)**全文", "<p>请看<strong><a href=\"https://example.com/\">通知</a></strong>全文</p>\n"},
		{"underscore strong before CJK colon", "zh", "__注意__：事项", "<p><strong>注意</strong>：事项</p>\n"},
		{"underscore stays literal inside Han", "zh", "变量_名_称", "<p>变量_名_称</p>\n"},
		{"strikethrough next to Han and punctuation", "zh", "~~旧方法（已废弃）。~~新方法", "<p><del>旧方法（已废弃）。</del>新方法</p>\n"},
		{"emphasis works in any language", "en", "这是**“加粗”**的", "<p>这是<strong>“加粗”</strong>的</p>\n"},
		{"variation selector after Han is looked through", "ja", "葛\U000E0100**(正式)**城", "<p>葛\U000E0100<strong>(正式)</strong>城</p>\n"},
		{"standard variation selector after Han is looked through", "ja", "塚\ufe00**(U+FE00)**だ", "<p>塚\ufe00<strong>(U+FE00)</strong>だ</p>\n"},
		{"curly quote with U+FE01 counts as CJK", "zh", "**“\ufe01Git”\ufe01**Hub", "<p><strong>“\ufe01Git”\ufe01</strong>Hub</p>\n"},

		// English still follows CommonMark.
		{"strong before letters", "en", "**foo**bar", "<p><strong>foo</strong>bar</p>\n"},
		{"spaced asterisks are not emphasis", "en", "a * b * c", "<p>a * b * c</p>\n"},
		{"punctuation between letters blocks emphasis", "en", `foo**"bar"**baz`, "<p>foo**&quot;bar&quot;**baz</p>\n"},
		{"intraword underscore", "en", "snake_case_name", "<p>snake_case_name</p>\n"},
		{"emphasis and strong", "en", "*a* **b** ***c***", "<p><em>a</em> <strong>b</strong> <em><strong>c</strong></em></p>\n"},
		{"strikethrough", "en", "~~old~~ new", "<p><del>old</del> new</p>\n"},
		{"triple tilde is not strikethrough", "en", "a ~~~x~~~ y", "<p>a ~~~x~~~ y</p>\n"},

		// Line breaks.
		{"Chinese soft break after punctuation is removed", "zh", "第一行，\n第二行", "<p>第一行，第二行</p>\n"},
		{"Chinese soft break between Han is removed", "zh", "第一行\n第二行", "<p>第一行第二行</p>\n"},
		{"Chinese soft break between Latin words is kept", "zh", "hello\nworld", "<p>hello\nworld</p>\n"},
		{"zh-Hans region tag counts as Chinese", "zh-Hans", "第一行\n第二行", "<p>第一行第二行</p>\n"},
		{"English soft break is kept", "en", "line one\nline two", "<p>line one\nline two</p>\n"},
		{"English keeps soft break even between Han", "en", "第一行\n第二行", "<p>第一行\n第二行</p>\n"},
		{"hard break", "en", "line one  \nline two", "<p>line one<br>\nline two</p>\n"},
		{"Chinese break after closing quote is removed", "zh", "“好！”\n他说", "<p>“好！”他说</p>\n"},
		{"Chinese break beside Latin is removed", "zh", "2024年\n3月，来自\nReuters的报道", "<p>2024年3月，来自Reuters的报道</p>\n"},
		{"Chinese break before markup is removed", "zh", "第一行。\n**第二行**\n[第三行](https://x.org/)", "<p>第一行。<strong>第二行</strong><a href=\"https://x.org/\">第三行</a></p>\n"},
		{"Chinese break after markup is removed", "zh", "**第一行**\n第二行", "<p><strong>第一行</strong>第二行</p>\n"},
		{"English sentences in a Chinese page keep their break", "zh", "He said hello.\nThen, he left.", "<p>He said hello.\nThen, he left.</p>\n"},
		{"English break before markup in a Chinese page is kept", "zh", "hello\n**world** and\n[more](https://x.org/)", "<p>hello\n<strong>world</strong> and\n<a href=\"https://x.org/\">more</a></p>\n"},
		{"raw HTML is not looked through", "zh", "hello\n<span>中文</span>", "<p>hello\n<!-- raw HTML omitted -->中文<!-- raw HTML omitted --></p>\n"},
		{"break beside zero-width space is removed", "zh", "a\u200b\nb", "<p>a\u200bb</p>\n"},
		{"line break inside code span stays a space", "zh", "`中\n文`", "<p><code>中 文</code></p>\n"},
		{"Korean keeps its breaks", "ko", "한국어\n문장", "<p>한국어\n문장</p>\n"},
		{"Japanese break is removed", "ja", "日本語の\n文章です。", "<p>日本語の文章です。</p>\n"},

		// GFM tables and footnotes.
		{"table", "zh", "| 部门 | 人数 |\n|:--|--:|\n| 财务 | 12 |", "<table tabindex=\"0\">\n<thead>\n<tr>\n<th class=\"align-left\">部门</th>\n<th class=\"align-right\">人数</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td class=\"align-left\">财务</td>\n<td class=\"align-right\">12</td>\n</tr>\n</tbody>\n</table>\n"},
		{"table aligned every way", "en", "| a | b | c | d |\n|:-:|---|:--|--:|\n| 1 | 2 | 3 | 4 |", "<table tabindex=\"0\">\n<thead>\n<tr>\n<th class=\"align-center\">a</th>\n<th>b</th>\n<th class=\"align-left\">c</th>\n<th class=\"align-right\">d</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td class=\"align-center\">1</td>\n<td>2</td>\n<td class=\"align-left\">3</td>\n<td class=\"align-right\">4</td>\n</tr>\n</tbody>\n</table>\n"},
		{"footnote", "en", "Text[^1].\n\n[^1]: Note.", "<p>Text<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>.</p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>Note.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n"},

		// Raw HTML is dropped by default.
		{"inline raw HTML omitted", "en", "a <b>bold</b> <script>alert(1)</script>", "<p>a <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></p>\n"},
		{"block raw HTML omitted", "en", "<div onclick=\"x()\">hi</div>", "<!-- raw HTML omitted -->\n"},

		// Script URLs never reach an href.
		{"javascript link", "en", "[a](javascript:alert(1))", "<p><a href=\"\">a</a></p>\n"},
		{"mixed-case javascript link", "en", "[a](JaVaScRiPt:alert(1))", "<p><a href=\"\">a</a></p>\n"},
		{"javascript link after spaces", "en", "[a](   javascript:alert(1))", "<p><a href=\"\">a</a></p>\n"},
		{"javascript link in angle brackets", "en", "[a](< javascript:alert(1)>)", "<p><a href=\"%20javascript:alert(1)\">a</a></p>\n"},
		{"entity-encoded javascript link", "en", "[a](&#106;avascript:alert(1))", "<p><a href=\"\">a</a></p>\n"},
		{"hex-entity-encoded javascript link", "en", "[a](&#x4A;AVASCRIPT:alert(1))", "<p><a href=\"\">a</a></p>\n"},
		{"entity-encoded leading space is percent-encoded", "en", "[a](&#32;javascript:alert(1))", "<p><a href=\"%20javascript:alert(1)\">a</a></p>\n"},
		{"javascript reference link", "en", "[a][r]\n\n[r]: javascript:alert(1)", "<p><a href=\"\">a</a></p>\n"},
		{"vbscript link", "en", "[a](VBScript:msgbox)", "<p><a href=\"\">a</a></p>\n"},
		{"data link", "en", "[a](data:text/html;base64,PHNjcmlwdD4=)", "<p><a href=\"\">a</a></p>\n"},
		{"data image link", "en", "[a](DATA:image/png;base64,AAAA)", "<p><a href=\"\">a</a></p>\n"},
		{"data image is allowed in img", "en", "![a](data:image/png;base64,AAAA)", "<p><img src=\"data:image/png;base64,AAAA\" alt=\"a\"></p>\n"},
		{"javascript image", "en", "![a](javascript:alert(1))", "<p><img src=\"\" alt=\"a\"></p>\n"},
		{"ordinary links untouched", "en", "[a](https://example.com/?q=1&r=2) [b](mailto:x@example.com) [c](#top)", "<p><a href=\"https://example.com/?q=1&amp;r=2\">a</a> <a href=\"mailto:x@example.com\">b</a> <a href=\"#top\">c</a></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, Options{Lang: tt.lang}, tt.src).HTML
			if got != tt.want {
				t.Errorf("Render(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestRenderUnsafe(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"inline raw HTML kept", "a <b>bold</b>", "<p>a <b>bold</b></p>\n"},
		{"block raw HTML kept", "<div class=\"note\">hi</div>\n", "<div class=\"note\">hi</div>\n"},
		// Unsafe is about raw HTML; Markdown links stay neutralised.
		{"javascript link still dropped", "[a](javascript:alert(1))", "<p><a href=\"\">a</a></p>\n"},
		{"data link still dropped", "[a](data:text/html,x)", "<p><a href=\"\">a</a></p>\n"},
		// Autolinks too: their text stays, their target goes.
		{"javascript autolink dropped", "<javascript:alert(1)>", "<p><a href=\"\">javascript:alert(1)</a></p>\n"},
		{"mixed-case javascript autolink dropped", "<JaVaScRiPt:alert(1)>", "<p><a href=\"\">JaVaScRiPt:alert(1)</a></p>\n"},
		{"vbscript autolink dropped", "<vbscript:msgbox(1)>", "<p><a href=\"\">vbscript:msgbox(1)</a></p>\n"},
		{"data autolink dropped", "<data:text/html,x>", "<p><a href=\"\">data:text/html,x</a></p>\n"},
		{"data image autolink dropped", "<data:image/png;base64,AAAA>", "<p><a href=\"\">data:image/png;base64,AAAA</a></p>\n"},
		{"ordinary autolinks kept", "<https://example.com/a?b=1&c=2> <x@example.com>", "<p><a href=\"https://example.com/a?b=1&amp;c=2\">https://example.com/a?b=1&amp;c=2</a> <a href=\"mailto:x@example.com\">x@example.com</a></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, Options{Lang: "en", Unsafe: true}, tt.src).HTML
			if got != tt.want {
				t.Errorf("Render(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
			if strings.Contains(tt.src, "<b>") || strings.Contains(tt.src, "<div") {
				return // raw HTML: the one thing Unsafe changes
			}
			got = render(t, Options{Lang: "en"}, tt.src).HTML
			if got != tt.want {
				t.Errorf("Render(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestIsCJKLanguage(t *testing.T) {
	tests := map[string]bool{
		"zh": true, "zh-Hans": true, "zh_CN": true, "ZH-hant-TW": true, "ja": true, "ja-JP": true, "ko": true,
		"en": false, "en-US": false, "": false, "kok": false, "jav": false,
	}
	for lang, want := range tests {
		if got := isCJKLanguage(lang); got != want {
			t.Errorf("isCJKLanguage(%q) = %v, want %v", lang, got, want)
		}
	}
}

// The classes a table's alignment becomes must be ones the theme's stylesheet
// aligns, or the columns lose their alignment.
func TestAlignClassesInTheStylesheet(t *testing.T) {
	css, err := os.ReadFile(filepath.Join("..", "..", "..", "themes", "default", "static", "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	for a, class := range alignClass {
		rule := regexp.MustCompile(`(?m)^\.` + class + ` \{ text-align: ` + a.String() + `; \}$`)
		if !rule.Match(css) {
			t.Errorf("style.css has no rule .%s { text-align: %s; }", class, a)
		}
	}
}
