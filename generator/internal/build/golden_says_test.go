package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"leitai/generator/internal/headers"
	"leitai/generator/internal/testsite"
)

// goldenSays holds, for every file of the fixture's golden output, what that
// file must say, checked on a fresh build: `-update` copies the build into
// testdata/golden, so a regression it wrote in would pass TestGolden unseen; it
// would not pass these. Keys are paths in the output, or patterns for the
// fingerprinted assets. TestFixtureBehaviour checks more of the pages.
var goldenSays = map[string]func(t *testing.T, f string, out map[string][]byte){
	"index.html": func(t *testing.T, f string, out map[string][]byte) {
		contains(t, f, out[f], `<html lang="zh-Hans">`, `<meta http-equiv="refresh" content="0; url=/pledges/zh/">`,
			`<a href="/pledges/zh/" lang="zh-Hans" hreflang="zh-Hans">中文</a>`, `<a href="/pledges/en/" lang="en" hreflang="en">English</a>`)
	},
	"404.html": func(t *testing.T, f string, out map[string][]byte) {
		contains(t, f, out[f], `<html lang="zh-Hans">`, "<h1>找不到这个页面</h1>", `<a href="/pledges/en/" lang="en" hreflang="en">English</a>`, "(site override)")
	},
	"zh/index.html": func(t *testing.T, f string, out map[string][]byte) {
		page(t, f, out[f], "zh-Hans", "测试擂台")
		contains(t, f, out[f], `<a href="/pledges/zh/departments/alpha/">甲局</a>`, `<a href="/pledges/zh/departments/beta/">乙局</a>`,
			`<a href="/pledges/zh/articles/report/">`, `<a href="/pledges/zh/search/">`, `href="/pledges/zh/data/pledges.csv"`)
	},
	"en/index.html": func(t *testing.T, f string, out map[string][]byte) {
		page(t, f, out[f], "en", "Test Arena")
		contains(t, f, out[f], `<a href="/pledges/en/departments/alpha/">Alpha Bureau</a>`, `<a href="/pledges/en/articles/report/">`, `href="/pledges/en/data/pledges.json"`)
	},
	"zh/departments/alpha/index.html": func(t *testing.T, f string, out map[string][]byte) {
		page(t, f, out[f], "zh-Hans", "甲局")
		contains(t, f, out[f], `<li id="pledge-1">`, "新增贷款超过2500亿元", `<a href="/pledges/en/departments/alpha/" hreflang="en"`)
	},
	"en/departments/alpha/index.html": func(t *testing.T, f string, out map[string][]byte) {
		page(t, f, out[f], "en", "Alpha Bureau")
		contains(t, f, out[f], `<li id="pledge-1">`, `<a href="/pledges/zh/departments/alpha/" hreflang="zh-Hans"`)
	},
	"zh/departments/beta/index.html": func(t *testing.T, f string, out map[string][]byte) {
		page(t, f, out[f], "zh-Hans", "乙局")
		contains(t, f, out[f], "<h1>乙局</h1>", "减排项目400个", "优良天285天", `rel="prev" href="/pledges/zh/departments/alpha/"`, "<p>要持续攻坚。</p>")
	},
	"en/departments/beta/index.html": func(t *testing.T, f string, out map[string][]byte) {
		page(t, f, out[f], "en", "Beta")
		contains(t, f, out[f], `rel="prev" href="/pledges/en/departments/alpha/"`, `<a href="/pledges/zh/departments/beta/" hreflang="zh-Hans"`)
	},
	"zh/articles/report/index.html": func(t *testing.T, f string, out map[string][]byte) {
		page(t, f, out[f], "zh-Hans", "上“擂台”话“实干”")
		contains(t, f, out[f], `<a href="/pledges/zh/departments/alpha/">甲局</a>`, `<table tabindex="0">`, `<li id="fn:1">`,
			`<h2 id="干字为先-勇当龙头">`, "原文作“千字为先”，现改为“干字为先”。")
	},
	"en/articles/report/index.html": func(t *testing.T, f string, out map[string][]byte) {
		page(t, f, out[f], "en", "Into the arena")
		contains(t, f, out[f], `<a href="/pledges/en/departments/alpha/">Alpha</a>`, `<h2 id="action-first">Action first</h2>`, "Real work overcomes\ndifficulty.")
	},
	"zh/search/index.html": func(t *testing.T, f string, out map[string][]byte) {
		search(t, f, out, "zh", `data-results="找到 {n} 个页面"`)
	},
	"en/search/index.html": func(t *testing.T, f string, out map[string][]byte) {
		search(t, f, out, "en", `data-results="Pages found: {n}"`)
	},
	"zh/atom.xml": func(t *testing.T, f string, out map[string][]byte) {
		feed(t, f, out[f], "zh", "甲局第1项承诺：推进中")
	},
	"en/atom.xml": func(t *testing.T, f string, out map[string][]byte) {
		feed(t, f, out[f], "en", "Alpha Bureau, pledge 1: In progress")
	},
	"sitemap.xml": func(t *testing.T, f string, out map[string][]byte) {
		var sm struct {
			URLs []struct {
				Loc   string `xml:"loc"`
				Links []struct {
					Hreflang string `xml:"hreflang,attr"`
					Href     string `xml:"href,attr"`
				} `xml:"link"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal(out[f], &sm); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var locs []string
		for _, u := range sm.URLs {
			locs = append(locs, u.Loc)
			if len(u.Links) != 3 {
				t.Errorf("%s: %s has %d alternates, want zh-Hans, en and x-default", f, u.Loc, len(u.Links))
			}
		}
		// Every page a search engine should list, and nothing else.
		var want []string
		for name := range out {
			if strings.HasSuffix(name, "index.html") && name != "index.html" {
				want = append(want, "https://example.org/pledges/"+strings.TrimSuffix(name, "index.html"))
			}
		}
		slices.Sort(want)
		slices.Sort(locs)
		if !slices.Equal(locs, want) {
			t.Errorf("%s lists %v, want %v", f, locs, want)
		}
	},
	"robots.txt": func(t *testing.T, f string, out map[string][]byte) {
		contains(t, f, out[f], "User-agent: *\n", "Sitemap: https://example.org/pledges/sitemap.xml\n")
	},
	"_headers": func(t *testing.T, f string, out map[string][]byte) {
		contains(t, f, out[f], "/pledges/*\n  Content-Security-Policy: "+headers.CSP+"\n")
		for name := range out {
			if regexp.MustCompile(`^(style|search)\.[0-9a-f]{10}\.(css|js)$`).MatchString(name) {
				contains(t, f, out[f], "/pledges/"+name+"\n  Cache-Control: "+headers.Immutable+"\n")
			}
		}
	},
	"zh/data/pledges.json": func(t *testing.T, f string, out map[string][]byte) { dataset(t, f, out[f], "zh", "甲局") },
	"en/data/pledges.json": func(t *testing.T, f string, out map[string][]byte) { dataset(t, f, out[f], "en", "Alpha Bureau") },
	"zh/data/pledges.csv": func(t *testing.T, f string, out map[string][]byte) {
		pledgesCSV(t, f, out[f], "zh", "全年新增贷款超过2500亿元")
	},
	"en/data/pledges.csv": func(t *testing.T, f string, out map[string][]byte) { pledgesCSV(t, f, out[f], "en", "") },
	"zh/data/pledges.schema.json": func(t *testing.T, f string, out map[string][]byte) {
		sameAsSource(t, f, out, "generator/internal/opendata/pledges.schema.json")
	},
	"en/data/pledges.schema.json": func(t *testing.T, f string, out map[string][]byte) {
		sameAsSource(t, f, out, "generator/internal/opendata/pledges.schema.json")
	},
	"favicon.svg": func(t *testing.T, f string, out map[string][]byte) {
		sameAsSource(t, f, out, "themes/default/static/favicon.svg")
	},
	"search.*.js": func(t *testing.T, f string, out map[string][]byte) {
		sameAsSource(t, f, out, "themes/default/static/search.js")
	},
	"style.*.css": func(t *testing.T, f string, out map[string][]byte) {
		css := out[f]
		contains(t, f, css, ".align-left{text-align:left}", ".align-right{text-align:right}", "@media print{")
		if bytes.Contains(css, []byte("/*")) || bytes.Contains(css, []byte("\n  ")) {
			t.Errorf("%s is not minified", f)
		}
	},
}

// says finds the assertions for an output file.
func says(name string) func(t *testing.T, f string, out map[string][]byte) {
	if s, ok := goldenSays[name]; ok {
		return s
	}
	for pattern, s := range goldenSays {
		if ok, _ := path.Match(pattern, name); ok {
			return s
		}
	}
	return nil
}

func contains(t *testing.T, f string, b []byte, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !bytes.Contains(b, []byte(w)) {
			t.Errorf("%s lacks %q", f, w)
		}
	}
}

// page checks what every page of the fixture says: its language and title,
// the stylesheet, and the site's footer.
func page(t *testing.T, f string, b []byte, lang, title string) {
	t.Helper()
	contains(t, f, b, `<html lang="`+lang+`">`, "<title>"+title, `<link rel="stylesheet" href="/pledges/style.`, "(site override)</p></footer>")
}

func search(t *testing.T, f string, out map[string][]byte, lang, results string) {
	t.Helper()
	contains(t, f, out[f], `<form class="search" role="search" action="/pledges/`+lang+`/search/" method="get"`, results,
		`data-index="/pledges/pagefind/"`, `<p class="search-status" id="search-status" role="status"><span>`, `<a href="/pledges/`+lang+`/">`)
	m := regexp.MustCompile(`<script src="/pledges/(search\.[0-9a-f]{10}\.js)" defer></script>`).FindSubmatch(out[f])
	if m == nil || out[string(m[1])] == nil {
		t.Errorf("%s does not load the built search.js", f)
	}
}

func feed(t *testing.T, f string, b []byte, lang, first string) {
	t.Helper()
	var atom struct {
		Lang    string `xml:"lang,attr"`
		Entries []struct {
			Title string `xml:"title"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &atom); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	if len(atom.Entries) != 4 || atom.Entries[0].Title != first {
		t.Errorf("%s: %d entries, the first %+v; want 4, the first %q", f, len(atom.Entries), atom.Entries[:min(1, len(atom.Entries))], first)
	}
	contains(t, f, b, "https://example.org/pledges/"+lang+"/")
}

func dataset(t *testing.T, f string, b []byte, lang, first string) {
	t.Helper()
	var ds struct {
		Language    string `json:"language"`
		Departments []struct {
			Slug    string `json:"slug"`
			Name    string `json:"name"`
			Pledges []struct {
				Number int `json:"number"`
			} `json:"pledges"`
		} `json:"departments"`
	}
	if err := json.Unmarshal(b, &ds); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	if ds.Language != lang || len(ds.Departments) != 2 || ds.Departments[0].Slug != "alpha" || ds.Departments[0].Name != first ||
		len(ds.Departments[0].Pledges) != 2 || ds.Departments[1].Slug != "beta" || len(ds.Departments[1].Pledges) != 2 {
		t.Errorf("%s: %+v", f, ds)
	}
}

func pledgesCSV(t *testing.T, f string, b []byte, lang, firstPledge string) {
	t.Helper()
	body, ok := bytes.CutPrefix(b, []byte("\ufeff"))
	if !ok {
		t.Errorf("%s has no byte-order mark", f)
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	if len(rows) != 5 || rows[0][0] != "department_slug" || rows[1][0] != "alpha" || rows[3][0] != "beta" {
		t.Errorf("%s: %q", f, rows)
		return
	}
	if firstPledge != "" && rows[1][8] != firstPledge {
		t.Errorf("%s: first pledge %q, want %q", f, rows[1][8], firstPledge)
	}
	url := slices.Index(rows[0], "url")
	if url < 0 || !strings.HasPrefix(rows[1][url], "https://example.org/pledges/"+lang+"/departments/alpha/") {
		t.Errorf("%s: first row's url column %d of %q", f, url, rows[1])
	}
}

// sameAsSource: a file the build copies as it is.
func sameAsSource(t *testing.T, f string, out map[string][]byte, src string) {
	t.Helper()
	want, err := os.ReadFile(filepath.Join(testsite.Root(), filepath.FromSlash(src)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out[f], want) {
		t.Errorf("%s is not %s as it is", f, src)
	}
}
