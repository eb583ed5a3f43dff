package markdown

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var update = flag.Bool("update", false, "rewrite testdata/*.html golden files")

// goldenSays holds, for each golden input, what its rendering must say whatever
// the golden file holds: -update rewrites the golden file from the code's own
// output, so a regression written in by it would pass TestGolden unseen; these
// checks, made on the rendering itself, would not.
var goldenSays = map[string]func(t *testing.T, res Result){
	"article.zh.md": articleSays,
}

// TestGolden renders each testdata/*.<lang>.md as a whole article and
// compares it with the .html beside it; run `go test -update` after an
// intended change and review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden inputs in testdata")
	}
	for _, in := range files {
		t.Run(filepath.Base(in), func(t *testing.T) {
			base := strings.TrimSuffix(in, ".md")
			lang := filepath.Ext(base)[1:]
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			res, err := New(Options{Lang: lang, ResolveLink: siteLinks}).Render(src)
			if err != nil {
				t.Fatal(err)
			}
			says, ok := goldenSays[filepath.Base(in)]
			if !ok {
				t.Errorf("%s has no entry in goldenSays: say what its rendering must hold", in)
			} else {
				says(t, res)
			}
			golden := base + ".html"
			if *update {
				if err := os.WriteFile(golden, []byte(res.HTML), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if res.HTML != string(want) {
				t.Errorf("%s differs from %s:\n%s", in, golden, res.HTML)
			}
		})
	}
}

// element is one element of a rendered fragment, read with an HTML parser.
type element struct {
	tag   string
	attrs map[string]string
	text  string // its text, markup and surrounding space removed
	path  []string
}

func parseFragment(t *testing.T, src string) []element {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	var out []element
	var walk func(n *html.Node, path []string)
	walk = func(n *html.Node, path []string) {
		if n.Type == html.ElementNode {
			e := element{tag: n.Data, attrs: map[string]string{}, text: strings.TrimSpace(textOf(n)), path: path}
			for _, a := range n.Attr {
				e.attrs[a.Key] = a.Val
			}
			out = append(out, e)
			path = append(path[:len(path):len(path)], n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, path)
		}
	}
	for _, n := range nodes {
		walk(n, nil)
	}
	return out
}

func elementsOf(els []element, tag string) []element {
	var out []element
	for _, e := range els {
		if e.tag == tag {
			out = append(out, e)
		}
	}
	return out
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// articleSays is what testdata/article.zh.md must render to.
func articleSays(t *testing.T, res Result) {
	els := parseFragment(t, res.HTML)
	find := func(tag, text string) (element, bool) {
		for _, e := range els {
			if e.tag == tag && e.text == text {
				return e, true
			}
		}
		t.Errorf("no <%s> with the text %q", tag, text)
		return element{}, false
	}
	wantHeadings := []Heading{
		{1, "立下军令状-跑出加速度", "立下“军令状”，跑出加速度"},
		{2, "千字为先-勇当龙头", "千字为先 勇当龙头"},
		{2, "比学赶超-勇当闯将", "比学赶超 勇当“闯将”"},
	}
	if !reflect.DeepEqual(res.Headings, wantHeadings) {
		t.Errorf("headings %+v, want %+v", res.Headings, wantHeadings)
	}
	if h, ok := find("h1", "立下“军令状”，跑出加速度"); ok && h.attrs["id"] != wantHeadings[0].ID {
		t.Errorf("h1 id %q", h.attrs["id"])
	}
	find("strong", "“军令状”")
	find("strong", "真，")
	find("del", "旧的提法")
	// The Chinese line breaks are gone, not turned into spaces.
	find("strong", "“千字为先”")
	if !strings.Contains(res.HTML, "会议要求，各部门要以") {
		t.Error("a line break inside a Chinese sentence was kept")
	}
	if a, ok := find("a", "财务处通知"); ok && a.attrs["href"] != "/zh/departments/finance/" {
		t.Errorf("internal link href %q, want it resolved to /zh/departments/finance/", a.attrs["href"])
	}
	if a, ok := find("a", "原文"); ok && a.attrs["href"] != "/zh/articles/x/#sec" {
		t.Errorf("link with a fragment: href %q", a.attrs["href"])
	}
	if a, ok := find("a", "已删除的页面"); ok && a.attrs["href"] != "/gone/" {
		t.Errorf("broken link: href %q, want it kept as written", a.attrs["href"])
	}
	if want := []BrokenLink{{"/gone/", 19, 30}}; !reflect.DeepEqual(res.BrokenLinks, want) {
		t.Errorf("broken links %+v, want %+v", res.BrokenLinks, want)
	}
	if a, ok := find("a", "危险链接"); ok && a.attrs["href"] != "" {
		t.Errorf("javascript: link kept its target %q", a.attrs["href"])
	}
	// The table: focusable, so a keyboard can scroll it; the first column
	// aligned left, the second right, by class.
	if tables := elementsOf(els, "table"); len(tables) != 1 || tables[0].attrs["tabindex"] != "0" {
		t.Errorf("tables %+v, want one with tabindex 0", tables)
	}
	cells := map[string]string{"项目": "align-left", "进度": "align-right", "一期": "align-left", "80%": "align-right", "二期": "align-left", "完成": "align-right"}
	for text, class := range cells {
		tag := "td"
		if text == "项目" || text == "进度" {
			tag = "th"
		}
		if c, ok := find(tag, text); ok && c.attrs["class"] != class {
			t.Errorf("<%s>%s</%s> has class %q, want %q", tag, text, tag, c.attrs["class"], class)
		}
	}
	// The footnote: a reference in the list, the note at the end.
	if a, ok := find("a", "1"); ok && (a.attrs["href"] != "#fn:1" || !slices.Contains(a.path, "sup")) {
		t.Errorf("footnote reference %+v", a)
	}
	if li, ok := find("li", "数据来源：市统计局。\u00a0\u21a9\ufe0e"); ok && li.attrs["id"] != "fn:1" {
		t.Errorf("footnote id %q", li.attrs["id"])
	}
	// Nothing that runs, nothing inline: the raw <script> is dropped.
	for _, e := range els {
		if e.tag == "script" || e.tag == "style" {
			t.Errorf("a <%s> element", e.tag)
		}
		for k := range e.attrs {
			if k == "style" || strings.HasPrefix(k, "on") {
				t.Errorf("<%s %s=%q>", e.tag, k, e.attrs[k])
			}
		}
	}
	if strings.Contains(res.HTML, "alert") {
		t.Error("the raw script's text reached the page")
	}
}
