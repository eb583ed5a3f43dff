package build

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/opendata"
	"leitai/generator/internal/site"
	"leitai/generator/internal/testsite"
)

// The synthetic publication of three editions (testsite.Editions): edition 2
// (Alpha, Beta), 3 (Beta, Gamma) and 4 (Alpha, Delta). Alpha's first pledge of
// edition 4 makes its pledge "loans" of edition 2 again; Beta's of edition 3
// follows up its pledge of edition 2; Alpha's second of edition 4 follows up
// Gamma's first of edition 3.

func buildEditions(t *testing.T) map[string][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Config: testsite.EditionsSite(t), Overrides: config.Overrides{Destination: out}})
	if err != nil {
		for _, p := range res.Problems {
			t.Log(p.Format())
		}
		t.Fatal(err)
	}
	return testsite.Files(t, out)
}

// node finds the first element under n for which match is true.
func node(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := node(c, match); f != nil {
			return f
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func byID(id string) func(*html.Node) bool {
	return func(n *html.Node) bool { return attr(n, "id") == id }
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func parse(t *testing.T, files map[string][]byte, name string) *html.Node {
	t.Helper()
	b, ok := files[name]
	if !ok {
		t.Fatalf("%s was not built", name)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// links lists the href of every <a> inside n that the pledge's link sentences
// hold (span.terms), with the sentence's text.
func linkNotes(n *html.Node) map[string]string {
	out := map[string]string{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "span" && attr(n, "class") == "terms" {
			if a := node(n, func(x *html.Node) bool { return x.Data == "a" }); a != nil {
				out[attr(a, "href")] = text(n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// A department in editions 2 and 4 has one page across them: the newest
// edition's record and pledges first, then edition 2's pledges, each with its
// status; the page of each edition is there too.
func TestEditionsDepartmentAcrossEditions(t *testing.T) {
	files := buildEditions(t)
	for _, c := range []struct{ lang, newest, earlier, ed2, ed4 string }{
		{"zh", "全年新增贷款超过2500亿元", "全年新增贷款超过2000亿元", "第二期", "第四期"},
		{"en", "More than 250 billion yuan of new loans over the year", "More than 200 billion yuan of new loans over the year", "Session 2", "Session 4"},
	} {
		name := c.lang + "/departments/alpha/index.html"
		doc := parse(t, files, name)
		page := text(doc)
		i4, i2 := strings.Index(page, c.newest), strings.Index(page, c.earlier)
		if i4 < 0 || i2 < 0 || i4 > i2 {
			t.Errorf("%s: edition 4's pledge at %d, edition 2's at %d: want both, the newest first", name, i4, i2)
		}
		if p := node(doc, byID("pledge-1")); p == nil || !strings.Contains(text(p), c.newest) {
			t.Errorf("%s: #pledge-1 is not edition 4's first pledge", name)
		}
		e2 := node(doc, byID("edition-2-pledge-loans"))
		if e2 == nil || !strings.Contains(text(e2), c.earlier) {
			t.Fatalf("%s: no #edition-2-pledge-loans with edition 2's pledge", name)
		}
		if b := node(e2, func(n *html.Node) bool { return strings.HasPrefix(attr(n, "class"), "badge s-achieved") }); b == nil {
			t.Errorf("%s: edition 2's pledge does not show its status, achieved", name)
		}
		if h := node(doc, byID("edition-2")); h == nil || !strings.HasPrefix(text(h), c.ed2) {
			t.Errorf("%s: no heading for edition 2", name)
		}
		if strings.Contains(page, "edition-3") || node(doc, byID("edition-3")) != nil {
			t.Errorf("%s: Alpha was not in edition 3, but its page has a section for it", name)
		}
		if k := node(doc, func(n *html.Node) bool { return attr(n, "class") == "kicker" }); k == nil || !strings.HasPrefix(text(k), c.ed4) {
			t.Errorf("%s: the record's edition is not named (edition 4)", name)
		}
		// Who leads it now: edition 4's leader, not edition 2's.
		if l := node(doc, func(n *html.Node) bool { return attr(n, "class") == "leader" }); l == nil || !strings.Contains(text(l), map[string]string{"zh": "赵六", "en": "Zhao Liu"}[c.lang]) {
			t.Errorf("%s: the first leader named is not edition 4's", name)
		}
		// The page across editions is not in the search index: its editions'
		// pages are, each naming its edition.
		if bytes.Contains(files[name], []byte("data-pagefind-body")) {
			t.Errorf("%s: the page across editions is in the search index; its editions' pages are", name)
		}
		for _, ed := range []struct{ id, label string }{{"2", c.ed2}, {"4", c.ed4}} {
			p := c.lang + "/editions/" + ed.id + "/departments/alpha/index.html"
			if !bytes.Contains(files[p], []byte(`data-pagefind-body data-pagefind-meta="title:`)) ||
				!bytes.Contains(files[p], []byte(`data-pagefind-filter="edition:`+ed.label+`"`)) {
				t.Errorf("%s: not indexed with its edition %s", p, ed.label)
			}
			if !bytes.Contains(files[p], []byte(`href="/pledges/`+c.lang+`/departments/alpha/"`)) {
				t.Errorf("%s: no link to the department's page across editions", p)
			}
		}
	}
	if _, ok := files["zh/editions/3/departments/alpha/index.html"]; ok {
		t.Error("a page of Alpha in edition 3, where it did not stand")
	}
}

// A linked pledge shows the link at both ends, with the other end's status.
func TestEditionsPledgeLinksBothEnds(t *testing.T) {
	files := buildEditions(t)
	base := "/pledges/zh/"
	for _, c := range []struct {
		page, pledge, href, says string
	}{
		// again: the later end, then the earlier end.
		{"editions/4/departments/alpha/", "pledge-1", base + "editions/2/departments/alpha/#pledge-loans", "重申第二期第1项承诺（已兑现）"},
		{"editions/2/departments/alpha/", "pledge-loans", base + "editions/4/departments/alpha/#pledge-1", "第四期第1项承诺再次承诺（推进中）"},
		// follows, within a department and across two.
		{"editions/3/departments/beta/", "pledge-1", base + "editions/2/departments/beta/#pledge-1", "承接第二期第1项承诺（未兑现）"},
		{"editions/2/departments/beta/", "pledge-1", base + "editions/3/departments/beta/#pledge-1", "第三期第1项承诺有后续承诺（推进中）"},
		{"editions/4/departments/alpha/", "pledge-2", base + "editions/3/departments/gamma/#pledge-1", "承接第三期丙局第1项承诺（未评估）"},
		{"editions/3/departments/gamma/", "pledge-1", base + "editions/4/departments/alpha/#pledge-2", "第四期甲局第2项承诺有后续承诺（未评估）"},
		// On the page across editions, the newest edition's pledges are
		// those of its page in that edition, links and all; an earlier
		// edition's link to the same department's pledge stays on the page.
		{"departments/alpha/", "pledge-1", base + "editions/2/departments/alpha/#pledge-loans", "重申第二期第1项承诺（已兑现）"},
		{"departments/alpha/", "edition-2-pledge-loans", "#pledge-1", "第四期第1项承诺再次承诺（推进中）"},
		{"departments/beta/", "pledge-1", base + "editions/2/departments/beta/#pledge-1", "承接第二期第1项承诺（未兑现）"},
	} {
		name := "zh/" + c.page + "index.html"
		doc := parse(t, files, name)
		li := node(doc, byID(c.pledge))
		if li == nil {
			t.Errorf("%s: no #%s", name, c.pledge)
			continue
		}
		notes := linkNotes(li)
		got, ok := notes[c.href]
		if !ok {
			t.Errorf("%s #%s: no link to %s; its links: %v", name, c.pledge, c.href, notes)
			continue
		}
		if got != c.says {
			t.Errorf("%s #%s: %q, want %q", name, c.pledge, got, c.says)
		}
		// Every anchor a link names exists where it points.
		target, frag, _ := strings.Cut(c.href, "#")
		tname := name
		if target != "" {
			tname = strings.TrimPrefix(target, "/pledges/") + "index.html"
		}
		if node(parse(t, files, tname), byID(frag)) == nil {
			t.Errorf("%s #%s links to %s, which has no #%s", name, c.pledge, tname, frag)
		}
	}
	// A pledge without links has no link sentence.
	if notes := linkNotes(node(parse(t, files, "zh/editions/4/departments/delta/index.html"), byID("pledge-1"))); len(notes) > 0 {
		t.Errorf("delta's pledge 1 links to nothing, but shows %v", notes)
	}
	en := parse(t, files, "en/editions/2/departments/alpha/index.html")
	if got := linkNotes(node(en, byID("pledge-loans")))["/pledges/en/editions/4/departments/alpha/#pledge-1"]; got != "Pledged again: Session 4, pledge 1 (In progress)" {
		t.Errorf("en: the earlier end says %q", got)
	}
}

var archiveEntry = regexp.MustCompile(`(?s)<article class="lead-story">.*?</article>`)

// The archive lists the three editions, newest first, each with its date,
// title, departments and its pledges by status.
func TestEditionsArchive(t *testing.T) {
	files := buildEditions(t)
	want := []string{
		"第四期 · 冲刺全年 测试年“部门擂台” · 2022年11月24日 2个部门，4项承诺 未评估 3 推进中 1",
		"第三期 · 攻坚克难 测试年“部门擂台” · 2021年11月20日 2个部门，3项承诺 未评估 2 推进中 1",
		"第二期 · 比学赶超 测试年“部门擂台” · 2021年6月10日 2个部门，3项承诺 未评估 1 已兑现 1 未兑现 1",
	}
	page := files["zh/editions/index.html"]
	var got []string
	for _, m := range archiveEntry.FindAll(page, -1) {
		doc, err := html.Parse(bytes.NewReader(m))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, text(doc))
	}
	if !slices.Equal(got, want) {
		t.Errorf("the archive lists:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, id := range []string{"4", "3", "2"} {
		if !bytes.Contains(page, []byte(`<a href="/pledges/zh/editions/`+id+`/">`)) {
			t.Errorf("the archive does not link to edition %s's summary", id)
		}
	}
	if en := files["en/editions/index.html"]; !bytes.Contains(en, []byte("Session 2 · Learning from each other")) ||
		!bytes.Contains(en, []byte("Departments: 2. Pledges: 3.")) {
		t.Error("the English archive does not name edition 2 and what it held")
	}
}

// The home page leads with the newest edition: its name and date, its
// departments' cards and pledges only, and the archive a tap away; each
// edition has a summary of its own.
func TestEditionsNewestLeadsTheHomePage(t *testing.T) {
	files := buildEditions(t)
	home := parse(t, files, "zh/index.html")
	page := text(home)
	if k := node(home, func(n *html.Node) bool { return attr(n, "class") == "kicker" }); k == nil || text(k) != "第四期 · 2022年11月24日" {
		t.Errorf("the home page does not open with the newest edition")
	}
	for _, s := range []string{"甲局", "丁局", "全年新增贷款超过2500亿元", "4项承诺的兑现情况", "第四期擂台：冲刺全年"} {
		if !strings.Contains(page, s) {
			t.Errorf("the home page lacks %q, of the newest edition", s)
		}
	}
	for _, s := range []string{"乙局", "丙局", "全年新增贷款超过2000亿元", "第二期擂台"} {
		if strings.Contains(page, s) {
			t.Errorf("the home page shows %q, of an earlier edition", s)
		}
	}
	if a := node(home, func(n *html.Node) bool { return n.Data == "a" && attr(n, "href") == "/pledges/zh/editions/" }); a == nil || text(a) != "历次擂台" {
		t.Error("the home page has no link to the archive")
	}
	// The home page's cards lead to the departments' pages across editions.
	if !bytes.Contains(files["zh/index.html"], []byte(`<h3><a href="/pledges/zh/departments/alpha/">甲局</a></h3>`)) {
		t.Error("the home page's card of Alpha does not lead to its page across editions")
	}
	// Edition 2's own summary: its departments, its report, its data.
	ed2 := files["zh/editions/2/index.html"]
	for _, s := range []string{"<h1>第二期：比学赶超</h1>", `<p class="kicker">测试年“部门擂台” · 第二期 · <time datetime="2021-06-10">2021年6月10日</time></p>`, `<h3><a href="/pledges/zh/editions/2/departments/beta/">乙局</a></h3>`,
		"第二期擂台：比学赶超", `href="/pledges/zh/editions/2/data/pledges.json"`, "3项承诺的兑现情况"} {
		if !bytes.Contains(ed2, []byte(s)) {
			t.Errorf("edition 2's summary lacks %s", s)
		}
	}
	if bytes.Contains(ed2, []byte("丁局")) || bytes.Contains(ed2, []byte("第四期擂台")) {
		t.Error("edition 2's summary shows edition 4's departments or report")
	}
}

// The sitemap lists every page a reader can land on, and the feed announces
// each edition.
func TestEditionsSitemapAndFeed(t *testing.T) {
	files := buildEditions(t)
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, u := range sm.URLs {
		listed[strings.TrimPrefix(u.Loc, "https://example.org/pledges/")+"index.html"] = true
	}
	pages := 0
	for name := range files {
		if !strings.HasSuffix(name, "index.html") || name == "index.html" {
			continue
		}
		pages++
		if !listed[name] {
			t.Errorf("%s is not in the sitemap", name)
		}
	}
	if pages != len(listed) || pages < 34 {
		t.Errorf("the sitemap lists %d pages, the site has %d", len(listed), pages)
	}
	for _, lang := range []string{"zh", "en"} {
		feed := string(files[lang+"/atom.xml"])
		for _, id := range []string{"2", "3", "4"} {
			if !strings.Contains(feed, `href="https://example.org/pledges/`+lang+`/editions/`+id+`/"`) {
				t.Errorf("%s/atom.xml does not announce edition %s", lang, id)
			}
		}
	}
	if !strings.Contains(string(files["zh/atom.xml"]), "<title>测试年“部门擂台”第三期：攻坚克难</title>") {
		t.Error("zh/atom.xml: edition 3's entry is not titled with its series, number and title")
	}
}

// An edition's data files are written from the bytes of the publication's, a
// department encoded once for both: they are what the edition's own dataset
// encodes to, byte for byte, in JSON and CSV.
func TestEditionsDataFilesAreTheEditionsOwn(t *testing.T) {
	t.Run("three editions", func(t *testing.T) { checkEditionsData(t, testsite.EditionsSite(t), 16) })
	// A new edition whose departments are still to come, the newest: its
	// files were missed when they were written only between other editions'.
	t.Run("a new edition of no department yet", func(t *testing.T) {
		cfg := testsite.EditionsSite(t)
		writeFile(t, filepath.Join(filepath.Dir(cfg), "content", "editions", "5", "edition.yaml"),
			"number: 5\ndate: 2023-06-01\ntitle: {zh: 新的一期, en: A new session}\nseries: {zh: 测试年“部门擂台”, en: the test year’s “Department Arena”}\n")
		checkEditionsData(t, cfg, 20)
	})
}

// checkEditionsData builds the publication at cfg and requires each of its
// data files, the publication's and each edition's in each language, to be
// its dataset's encoding; want is how many there are.
func checkEditionsData(t *testing.T, cfgPath string, want int) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, cfgPath, out)
	files := testsite.Files(t, out)
	cfg, problems := config.Load(cfgPath, config.Overrides{})
	if cfg == nil {
		t.Fatal(problems)
	}
	s, _ := content.Load(cfg.ContentDir(), cfg.Codes())
	plan := site.New(cfg, s)
	checked := 0
	for _, lang := range cfg.Languages {
		for _, e := range append([]*content.Edition{nil}, s.Editions...) {
			d := opendata.New(plan, s, lang, e)
			prefix := ""
			if e != nil {
				prefix = plan.DataPrefix(e.ID)
			}
			j, err := d.JSON()
			if err != nil {
				t.Fatal(err)
			}
			c, err := d.CSV()
			if err != nil {
				t.Fatal(err)
			}
			for name, want := range map[string][]byte{opendata.JSONFile: j, opendata.CSVFile: c} {
				path := site.DataPathIn(lang.Code, prefix, name)
				if got, ok := files[path]; !ok {
					t.Errorf("%s was not written", path)
				} else if !bytes.Equal(got, want) {
					t.Errorf("%s differs from its dataset's encoding:\n%s", path, firstDiff(string(want), string(got)))
				}
				checked++
			}
		}
	}
	if checked != want {
		t.Errorf("checked %d files, want %d", checked, want)
	}
}

// The summary's intro counts the departments of its edition, not of the
// publication.
func TestEditionsIntroCountsItsEdition(t *testing.T) {
	cfg := testsite.EditionsSite(t)
	dir := filepath.Dir(cfg)
	testsite.Edit(t, cfg, "zh: 各部门在", "zh: 本期{departments}个部门在")
	// Edition 3 gains a third department; the others keep two.
	src := readString(t, filepath.Join(dir, "content", "editions", "3", "departments", "gamma.yaml"))
	src = strings.ReplaceAll(strings.Replace(src, "order: 2", "order: 3", 1), "丙局", "戊局")
	writeFile(t, filepath.Join(dir, "content", "editions", "3", "departments", "epsilon.yaml"), src)
	out := filepath.Join(t.TempDir(), "public")
	buildInto(t, cfg, out)
	for page, n := range map[string]string{"zh/index.html": "2", "zh/editions/4/index.html": "2", "zh/editions/3/index.html": "3", "zh/editions/2/index.html": "2"} {
		if got := readString(t, filepath.Join(out, filepath.FromSlash(page))); !strings.Contains(got, `<p class="intro">本期`+n+`个部门在`) {
			t.Errorf("%s does not say its edition's %s departments in its intro", page, n)
		}
	}
}

// writeFile writes data to p, making its folder first.
func writeFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
