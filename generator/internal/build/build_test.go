package build

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"leitai/generator/internal/config"
	"leitai/generator/internal/linkcheck"
	"leitai/generator/internal/testsite"
)

// buildFixture builds testdata/site into a fresh folder.
func buildFixture(t *testing.T) (string, *Result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Config: testsite.Fixture(t), Overrides: config.Overrides{Destination: out}})
	if err != nil {
		for _, p := range res.Problems {
			t.Log(p.Format())
		}
		t.Fatal(err)
	}
	return out, res
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, w, g)
		}
	}
	return ""
}

var svgRE = regexp.MustCompile(`(?s)<svg .*?</svg>`)

// checkSVG parses a chart as XML and checks what makes it accessible: a title and
// a description that name it, and no style attributes (a strict CSP refuses them).
func checkSVG(t *testing.T, page, svg string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	ids := map[string]string{}
	var labelledBy string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("%s: chart is not well-formed XML: %v", page, err)
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "id":
				ids[a.Value] = se.Name.Local
			case "aria-labelledby":
				labelledBy = a.Value
			case "style":
				t.Errorf("%s: style attribute in a chart", page)
			}
		}
	}
	parts := strings.Fields(labelledBy)
	if len(parts) != 2 || ids[parts[0]] != "title" || ids[parts[1]] != "desc" {
		t.Errorf("%s: chart labelled by %q, ids %v", page, labelledBy, ids)
	}
}

func TestFixtureBehaviour(t *testing.T) {
	out, res := buildFixture(t)
	if res.Pages["zh"] != 4 || res.Pages["en"] != 4 {
		t.Errorf("pages = %v, want 4 per language", res.Pages)
	}
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	alpha := read("zh/departments/alpha/index.html")
	cases := []struct{ name, page, want string }{
		{"YAML text is escaped", alpha, "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"CJK-friendly emphasis", alpha, "<strong>“军令状”</strong>落实"},
		{"no space at a Chinese line break", alpha, "落实，见"},
		{"internal link rewritten for language and base path", alpha, `<a href="/pledges/zh/departments/beta/">乙局</a>`},
		{"link keeps its fragment", read("en/departments/alpha/index.html"), `href="/pledges/en/departments/beta/#pledge"`},
		{"English keeps its line-break space", read("en/departments/alpha/index.html"), "deliver, see\n<a"},
		{"next department", alpha, `rel="next" href="/pledges/zh/departments/beta/"`},
		{"site layout overrides theme partial", alpha, "(site override)"},
		{"GFM table, focusable for its scrolling", read("zh/articles/report/index.html"), `<table tabindex="0">`},
		{"footnote", read("zh/articles/report/index.html"), `class="footnotes"`},
		{"Chinese heading id", read("zh/articles/report/index.html"), `id="干字为先-勇当龙头"`},
		{"bold before Chinese comma", read("zh/articles/report/index.html"), "<strong>真，</strong>她说"},
		{"Chinese date", read("zh/articles/report/index.html"), "2022年11月25日"},
		{"English date", read("en/articles/report/index.html"), "25 November 2022"},
		{"previous department", read("en/departments/beta/index.html"), `rel="prev" href="/pledges/en/departments/alpha/"`},
		{"status badge is text", alpha, `<span class="badge s-in-progress">推进中</span>`},
		{"strict target and inferred date, Chinese", alpha, "目标：超过2500亿元 · 期限：<time datetime=\"2022-12-31\">2022年12月31日</time>（据“全年”推定）"},
		{"strict target and inferred date, English", read("en/departments/alpha/index.html"),
			"Target: more than 250 billion yuan · Due: <time datetime=\"2022-12-31\">31 December 2022</time> (inferred from <span lang=\"zh-Hans\">全年</span>)"},
		{"a count with its noun and a stated date", read("en/departments/beta/index.html"),
			"Target: 400 projects · Due: <time datetime=\"2022-12-31\">31 December 2022</time> (stated as <span lang=\"zh-Hans\">年底前</span>)"},
		{"a count keeps its measure word in Chinese", read("zh/departments/beta/index.html"), "目标：400个 · 期限："},
		{"scope is not a target", read("en/departments/beta/index.html"), `<span class="terms">Scope: 91 major projects</span>`},
		{"a named pledge's anchor is its id", read("en/departments/beta/index.html"), `<li id="pledge-emission-cuts">`},
		{"an unnamed pledge's anchor is its number", read("en/departments/beta/index.html"), `<li id="pledge-2">`},
		{"the data give a named pledge's id", read("en/data/pledges.json"), `"id": "emission-cuts"`},
		{"scope in Chinese", read("zh/departments/beta/index.html"), `<span class="terms">范围：91个</span>`},
		{"the summary gives due dates, without their basis", read("en/index.html"),
			"Target: 400 projects · Due: <time datetime=\"2022-12-31\">31 December 2022</time></span>"},
		{"corrections note, Chinese", read("zh/articles/report/index.html"), "原文作“千字为先”，现改为“干字为先”。扫描文本将“干”误识为“千”。"},
		{"corrections note, English", read("en/articles/report/index.html"),
			`The source reads <span lang="zh-Hans">千字为先</span>; we print <span lang="zh-Hans">干字为先</span>. The scan misreads one character.`},
		{"corrections in the feed", read("en/atom.xml"), "Corrections: The source reads 千字为先; we print 干字为先. The scan misreads one character."},
		{"update with its source", read("en/departments/alpha/index.html"), `New loans reached 230 billion yuan <a href="https://news.example.com/loans" rel="external">Source</a>`},
		{"tally: 3 pledges, 1 in progress", read("en/index.html"), `<span class="badge s-in-progress">In progress</span> <strong>1</strong>`},
		{"tally: 3 not rated", read("zh/index.html"), `<span class="badge s-not-rated">未评估</span> <strong>3</strong>`},
		{"scoreboard table row", read("en/index.html"), `<a href="/pledges/en/departments/alpha/">Alpha Bureau</a></th><td>1</td><td>1</td><td>0</td>`},
		{"a figure is a tile: its number apart from its words", read("en/departments/alpha/index.html"),
			`<p class="fig"><b>254.1</b> <span>billion yuan</span></p><p>Investment</p>`},
		{"a tile in Chinese", read("zh/departments/alpha/index.html"), `<p class="fig"><b>577</b><span>亿元</span></p><p>退税</p>`},
		{"a part is drawn inside its whole and said “of which”", read("en/departments/alpha/index.html"),
			`<rect class="fill" width="71.9" height="1"/></svg><p class="part">Of which VAT credit refunds: 41.5 billion yuan</p>`},
		{"a part in Chinese", read("zh/departments/alpha/index.html"), `<p class="part">其中留抵退税415亿元</p>`},
		{"a declared series is drawn as bars, shares on a scale of 100", read("en/departments/alpha/index.html"),
			`<figcaption>Share of the provincial total</figcaption>`},
		{"a bar on the series' scale", read("en/departments/alpha/index.html"),
			`<li><span>Trade in services</span> <b>55.4%</b><svg class="share" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true"><rect width="100" height="1"/><rect class="fill" width="55.4" height="1"/></svg></li>`},
		{"the report's lead opens it", read("en/articles/report/index.html"), `<p class="lead">`},
		{"the statement is reported speech", read("en/departments/alpha/index.html"), `<h2 id="statement">The statement, as reported</h2>`},
		{"the statement in Chinese", read("zh/departments/alpha/index.html"), `<h2 id="statement">报道中的表态</h2>`},
		{"the intro counts this site's departments", read("en/index.html"), "At the “Department Arena”, 2 city departments showed"},
		{"the intro counts them in Chinese", read("zh/index.html"), `<p class="intro">2个市直部门在`},
	}
	for _, c := range cases {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("%s: output lacks %q", c.name, c.want)
		}
	}
	// 超过 is more than: the pledge is never shown as 不少于, at least.
	for _, page := range []string{"zh/departments/alpha/index.html", "en/departments/alpha/index.html", "zh/index.html", "en/index.html"} {
		if p := read(page); strings.Contains(p, "不少于") || strings.Contains(p, "at least") {
			t.Errorf("%s calls a strict target “at least”", page)
		}
	}
	for _, page := range []string{"zh/index.html", "en/index.html"} {
		svgs := svgRE.FindAllString(read(page), -1)
		if len(svgs) == 0 {
			t.Errorf("%s: no chart", page)
		}
		for _, svg := range svgs {
			checkSVG(t, page, svg)
		}
	}
	// The figures of a department's record are HTML; their bars hold no text
	// and are hidden from screen readers, which read the figures themselves.
	for _, page := range []string{"zh/departments/alpha/index.html", "en/departments/alpha/index.html"} {
		svgs := svgRE.FindAllString(read(page), -1)
		if len(svgs) != 3 {
			t.Errorf("%s: %d bars, want one for the part and two for the series", page, len(svgs))
		}
		for _, svg := range svgs {
			if !strings.Contains(svg, `aria-hidden="true"`) || strings.Contains(svg, "<text") || strings.Contains(svg, "style=") {
				t.Errorf("%s: a bar that is not a bare, hidden drawing: %s", page, svg)
			}
		}
	}
	// A change of status is a feed entry that leads to the pledge on its page.
	var feed struct {
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(read("en/atom.xml")), &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) == 0 || feed.Entries[0].Title != "Alpha Bureau, pledge 1: In progress" ||
		feed.Entries[0].Link.Href != "https://example.org/pledges/en/departments/alpha/#pledge-1" ||
		feed.Entries[0].Updated != "2022-12-15T00:00:00Z" {
		t.Errorf("first feed entry = %+v", feed.Entries[0])
	}
	if !strings.Contains(read("en/departments/alpha/index.html"), `<li id="pledge-1">`) {
		t.Error("the feed entry's anchor is not on the page")
	}
	if strings.Contains(alpha, "<script>") {
		t.Error("raw <script> reached the page")
	}
	broken, err := linkcheck.Check(out, "https://example.org/pledges/")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Errorf("broken link: %s", b)
	}
}
