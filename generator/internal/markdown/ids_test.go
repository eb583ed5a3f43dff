package markdown

import (
	"reflect"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"千字为先 勇当龙头", "千字为先-勇当龙头"},
		{"比学赶超 勇当“闯将”", "比学赶超-勇当闯将"},
		{"Putting Action First", "putting-action-first"},
		{"  Leading and trailing  ", "leading-and-trailing"},
		{"一、总体要求", "一-总体要求"},
		{"政策解读：2024年工作报告", "政策解读-2024年工作报告"},
		{"Q&A -- FAQ", "q-a-faq"},
		{"Don't Panic", "dont-panic"},
		{"《条例》（修订）", "条例修订"},
		{"Ünïcode ÀÉ", "Ünïcode-ÀÉ"}, // only ASCII is lower-cased
		{"C++ 入门", "c-入门"},
		{"日本語のテキスト", "日本語のテキスト"},
		{"한국어 제목", "한국어-제목"},
		{"！！！", "section"},
		{"", "section"},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadingIDsDeduplicate(t *testing.T) {
	ids := newHeadingIDs()
	ids.Put([]byte("intro-2"))
	var got []string
	for _, v := range []string{"Intro", "intro", "Intro", "Intro", "", ""} {
		got = append(got, string(ids.Generate([]byte(v), ast.KindHeading)))
	}
	want := []string{"intro", "intro-3", "intro-4", "intro-5", "section", "section-2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRenderHeadings(t *testing.T) {
	src := "# 新闻标题\n\n" +
		"## 千字为先 勇当龙头\n\n" +
		"## 比学赶超 勇当“闯将”\n\n" +
		"## Putting Action First\n\n" +
		"### **重点**与[链接](https://example.com/a/b) `a<b` R&amp;D\n\n" +
		"Setext 标题\n---\n\n" +
		"> ## 引用中的标题\n\n" +
		"## Putting Action First\n\n" +
		"## ……\n"
	res := render(t, Options{Lang: "zh"}, src)
	want := []Heading{
		{1, "新闻标题", "新闻标题"},
		{2, "千字为先-勇当龙头", "千字为先 勇当龙头"},
		{2, "比学赶超-勇当闯将", "比学赶超 勇当“闯将”"},
		{2, "putting-action-first", "Putting Action First"},
		{3, "重点与链接-a-b-r-d", "重点与链接 a<b R&D"},
		{2, "setext-标题", "Setext 标题"},
		{2, "引用中的标题", "引用中的标题"},
		{2, "putting-action-first-2", "Putting Action First"},
		{2, "section", "……"},
	}
	if !reflect.DeepEqual(res.Headings, want) {
		t.Errorf("Headings\n got %+v\nwant %+v", res.Headings, want)
	}
	wantHTML := "<h1 id=\"新闻标题\">新闻标题</h1>\n" +
		"<h2 id=\"千字为先-勇当龙头\">千字为先 勇当龙头</h2>\n" +
		"<h2 id=\"比学赶超-勇当闯将\">比学赶超 勇当“闯将”</h2>\n" +
		"<h2 id=\"putting-action-first\">Putting Action First</h2>\n" +
		"<h3 id=\"重点与链接-a-b-r-d\"><strong>重点</strong>与<a href=\"https://example.com/a/b\">链接</a> <code>a&lt;b</code> R&amp;D</h3>\n" +
		"<h2 id=\"setext-标题\">Setext 标题</h2>\n" +
		"<blockquote>\n<h2 id=\"引用中的标题\">引用中的标题</h2>\n</blockquote>\n" +
		"<h2 id=\"putting-action-first-2\">Putting Action First</h2>\n" +
		"<h2 id=\"section\">……</h2>\n"
	if res.HTML != wantHTML {
		t.Errorf("HTML\n got %q\nwant %q", res.HTML, wantHTML)
	}
}

// Each Render starts with no IDs taken: a second document repeating the
// first one's headings gets the same IDs, not "-2" variants.
func TestRenderHeadingIDsPerCall(t *testing.T) {
	r := New(Options{Lang: "en"})
	for i := range 3 {
		res, err := r.Render([]byte("## Summary\n\n## Summary\n"))
		if err != nil {
			t.Fatal(err)
		}
		want := []Heading{{2, "summary", "Summary"}, {2, "summary-2", "Summary"}}
		if !reflect.DeepEqual(res.Headings, want) {
			t.Fatalf("call %d: got %+v, want %+v", i, res.Headings, want)
		}
	}
}
