package main

import (
	"encoding/json"
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"gopkg.in/yaml.v3"
)

// The real site, built as an editor builds it, must be easy to find and share:
// every page's head, the sitemap, robots.txt and the feeds are parsed here, and
// every URL they name must be a file in the output.

const realBase = "https://example.org/"

// fileFor maps an absolute URL of the site to its file in out, or "" when the URL
// is not under base.
func fileFor(out, base, u string) string {
	rel, ok := strings.CutPrefix(u, base)
	if !ok {
		return ""
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	return filepath.Join(out, filepath.FromSlash(rel))
}

func exists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// pageURL is the permalink of a page file: zh/departments/finance/index.html →
// https://example.org/zh/departments/finance/.
func pageURL(base, rel string) string {
	return base + strings.TrimSuffix(filepath.ToSlash(rel), "index.html")
}

// htmlPages lists the built HTML files, relative to out.
func htmlPages(t *testing.T, out string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(out, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(pages)
	return pages
}

// indexable are the pages search engines should list: not the root redirect, not 404.
func indexable(rel string) bool {
	return rel != "index.html" && rel != "404.html"
}

// isSearch reports the search pages: the one kind of page that runs a script
// (search needs one).
func isSearch(rel string) bool { return strings.HasSuffix(rel, "/search/index.html") }

// head is what a page's <head> says, read with a real HTML parser.
type head struct {
	lang        string
	titles      []string
	meta        map[string][]string // name or property → content
	links       []map[string]string // every <link>'s attributes
	scripts     []map[string]string // attributes, plus "text"
	styleAttrs  int                 // style="" attributes anywhere
	styleElems  int
	h1          int
	inlineEvent int // onclick= and the like
}

func parseHead(t *testing.T, path string) head {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	h := head{meta: map[string][]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
				if a.Key == "style" {
					h.styleAttrs++
				}
				if strings.HasPrefix(a.Key, "on") {
					h.inlineEvent++
				}
			}
			switch n.Data {
			case "html":
				h.lang = attrs["lang"]
			case "title":
				if n.Parent == nil || n.Parent.Data != "head" {
					break // an SVG chart's title names the chart, not the page
				}
				if n.FirstChild != nil {
					h.titles = append(h.titles, n.FirstChild.Data)
				} else {
					h.titles = append(h.titles, "")
				}
			case "meta":
				key := attrs["name"]
				if key == "" {
					key = attrs["property"]
				}
				if key != "" {
					h.meta[key] = append(h.meta[key], attrs["content"])
				}
			case "link":
				h.links = append(h.links, attrs)
			case "script":
				if n.FirstChild != nil {
					attrs["text"] = n.FirstChild.Data
				}
				h.scripts = append(h.scripts, attrs)
			case "style":
				h.styleElems++
			case "h1":
				h.h1++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return h
}

// one returns the single value of a meta tag, failing when there is not exactly one.
func (h head) one(t *testing.T, page, key string) string {
	t.Helper()
	if len(h.meta[key]) != 1 || strings.TrimSpace(h.meta[key][0]) == "" {
		t.Errorf("%s: want one non-empty %s, got %q", page, key, h.meta[key])
		return ""
	}
	return h.meta[key][0]
}

func (h head) linksWith(rel string) []map[string]string {
	var out []map[string]string
	for _, l := range h.links {
		if slices.Contains(strings.Fields(l["rel"]), rel) {
			out = append(out, l)
		}
	}
	return out
}

func TestRealContentHeadTags(t *testing.T) {
	out := buildReal(t)
	fingerprinted := regexp.MustCompile(`^/style\.[0-9a-f]{10}\.css$`)
	for _, rel := range htmlPages(t, out) {
		h := parseHead(t, filepath.Join(out, rel))
		self := pageURL(realBase, rel)
		lang := strings.SplitN(rel, "/", 2)[0]
		if !indexable(rel) {
			lang = "zh"
		}
		if h.lang != langAttr[lang] {
			t.Errorf("%s: <html lang=%q>, want %q", rel, h.lang, langAttr[lang])
		}
		if len(h.titles) != 1 || strings.TrimSpace(h.titles[0]) == "" {
			t.Errorf("%s: titles %q", rel, h.titles)
		}
		if h.h1 != 1 {
			t.Errorf("%s: %d h1 elements, want 1", rel, h.h1)
		}
		h.one(t, rel, "description")
		h.one(t, rel, "og:title")
		h.one(t, rel, "og:description")
		h.one(t, rel, "og:site_name")
		h.one(t, rel, "og:locale")
		if card := h.one(t, rel, "twitter:card"); card != "summary" {
			t.Errorf("%s: twitter:card %q", rel, card)
		}

		// A strict Content-Security-Policy holds: no inline styles, no script
		// that executes; JSON-LD is a data block.
		if h.styleAttrs+h.styleElems+h.inlineEvent > 0 {
			t.Errorf("%s: %d style attributes, %d style elements, %d inline event handlers", rel, h.styleAttrs, h.styleElems, h.inlineEvent)
		}
		for _, s := range h.scripts {
			if isSearch(rel) && s["type"] == "" && regexp.MustCompile(`^/search\.[0-9a-f]{10}\.js$`).MatchString(s["src"]) {
				continue // the search page's own fingerprinted script
			}
			if s["type"] != "application/ld+json" || s["src"] != "" {
				t.Errorf("%s: a script that would execute: %v", rel, s)
			}
		}
		sheets := h.linksWith("stylesheet")
		if len(sheets) != 1 || !fingerprinted.MatchString(sheets[0]["href"]) || !exists(fileFor(out, realBase, realBase+strings.TrimPrefix(sheets[0]["href"], "/"))) {
			t.Errorf("%s: want one fingerprinted stylesheet that exists, got %v", rel, sheets)
		}
		icons := h.linksWith("icon")
		if len(icons) != 1 || icons[0]["type"] != "image/svg+xml" || !exists(filepath.Join(out, strings.TrimPrefix(icons[0]["href"], "/"))) {
			t.Errorf("%s: want one SVG favicon that exists, got %v", rel, icons)
		}
		feeds := 0
		for _, l := range h.linksWith("alternate") {
			if l["type"] == "application/atom+xml" {
				feeds++
				if l["href"] != "/"+lang+"/atom.xml" || !exists(filepath.Join(out, lang, "atom.xml")) {
					t.Errorf("%s: feed link %v is not the %s feed", rel, l, lang)
				}
			}
		}
		if feeds != 1 {
			t.Errorf("%s: %d feed links, want 1", rel, feeds)
		}

		canon := h.linksWith("canonical")
		if rel == "404.html" {
			if len(canon) != 0 {
				t.Errorf("404.html names a canonical URL: %v", canon)
			}
			continue
		}
		if len(canon) != 1 {
			t.Errorf("%s: %d canonical links", rel, len(canon))
			continue
		}
		want := self
		if rel == "index.html" {
			want = realBase + "zh/" // the root page only leads to the summary
		}
		if canon[0]["href"] != want {
			t.Errorf("%s: canonical %q, want %q", rel, canon[0]["href"], want)
		}
		if got := h.one(t, rel, "og:url"); got != want {
			t.Errorf("%s: og:url %q, want %q", rel, got, want)
		}
		if !indexable(rel) {
			continue
		}

		// hreflang: both languages and x-default (the Chinese page), all existing.
		hreflang := map[string]string{}
		for _, l := range h.linksWith("alternate") {
			if l["hreflang"] != "" {
				hreflang[l["hreflang"]] = l["href"]
				if !exists(fileFor(out, realBase, l["href"])) {
					t.Errorf("%s: hreflang %s → %s: no such page", rel, l["hreflang"], l["href"])
				}
			}
		}
		zhURL := strings.Replace(self, realBase+lang+"/", realBase+"zh/", 1)
		enURL := strings.Replace(self, realBase+lang+"/", realBase+"en/", 1)
		if len(hreflang) != 3 || hreflang["zh-Hans"] != zhURL || hreflang["en"] != enURL || hreflang["x-default"] != zhURL {
			t.Errorf("%s: hreflang alternates %v", rel, hreflang)
		}
		otherLocale := map[string]string{"zh": "en_GB", "en": "zh_CN"}[lang]
		if !slices.Equal(h.meta["og:locale:alternate"], []string{otherLocale}) {
			t.Errorf("%s: og:locale:alternate %v", rel, h.meta["og:locale:alternate"])
		}
		checkJSONLD(t, rel, self, lang, h)
	}
}

// checkJSONLD reads the page's structured data and compares it with the content
// files, decoded here independently of the generator.
func checkJSONLD(t *testing.T, rel, self, lang string, h head) {
	t.Helper()
	var data []map[string]any
	for _, s := range h.scripts {
		if s["type"] != "application/ld+json" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(s["text"]), &m); err != nil {
			t.Errorf("%s: JSON-LD does not parse: %v", rel, err)
			continue
		}
		data = append(data, m)
	}
	parts := strings.Split(strings.TrimSuffix(rel, "/index.html"), "/")
	kind := ""
	if len(parts) == 3 {
		kind = parts[1]
	}
	switch kind {
	case "departments":
		var d deptFile
		if err := yaml.Unmarshal([]byte(read(t, filepath.Join("..", "content", "departments", parts[2]+".yaml"))), &d); err != nil {
			t.Fatal(err)
		}
		if len(data) != 1 || data[0]["@type"] != "GovernmentOrganization" || data[0]["@context"] != "https://schema.org" ||
			data[0]["url"] != self || data[0]["name"] != d.Name[lang] {
			t.Errorf("%s: JSON-LD %v, want a GovernmentOrganization named %q at %s", rel, data, d.Name[lang], self)
			return
		}
		if emp, _ := data[0]["employee"].(map[string]any); emp["name"] != d.Leader.Name[lang] {
			t.Errorf("%s: JSON-LD employee %v, want %q", rel, emp, d.Leader.Name[lang])
		}
	case "articles":
		src := read(t, filepath.Join("..", "content", "articles", parts[2]+"."+lang+".md"))
		var front struct {
			Title string
			Date  string
		}
		if err := yaml.Unmarshal([]byte(strings.Split(src, "\n---\n")[0]), &front); err != nil {
			t.Fatal(err)
		}
		if len(data) != 1 || data[0]["@type"] != "NewsArticle" || data[0]["headline"] != front.Title ||
			data[0]["datePublished"] != front.Date || data[0]["inLanguage"] != langAttr[lang] || data[0]["mainEntityOfPage"] != self {
			t.Errorf("%s: JSON-LD %v, want a NewsArticle %q of %s", rel, data, front.Title, front.Date)
		}
	default:
		if len(data) != 0 {
			t.Errorf("%s: unexpected JSON-LD %v", rel, data)
		}
	}
}

type sitemapDoc struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"url"`
}

func TestRealContentSitemapAndRobots(t *testing.T) {
	out := buildReal(t)
	var sm sitemapDoc
	if err := xml.Unmarshal([]byte(read(t, filepath.Join(out, "sitemap.xml"))), &sm); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, u := range sm.URLs {
		listed[u.Loc] = true
		if !exists(fileFor(out, realBase, u.Loc)) {
			t.Errorf("sitemap lists %s: no such page", u.Loc)
		}
		if u.LastMod != "2022-11-25" {
			t.Errorf("%s: lastmod %q, want the report's date", u.Loc, u.LastMod)
		}
		langs := map[string]bool{}
		for _, l := range u.Links {
			langs[l.Hreflang] = true
			if l.Rel != "alternate" || !exists(fileFor(out, realBase, l.Href)) {
				t.Errorf("%s: alternate %+v leads nowhere", u.Loc, l)
			}
		}
		if len(langs) != 3 || !langs["zh-Hans"] || !langs["en"] || !langs["x-default"] {
			t.Errorf("%s: alternates for %v, want zh-Hans, en and x-default", u.Loc, langs)
		}
	}
	// Every indexable page is listed, and nothing else.
	for _, rel := range htmlPages(t, out) {
		if indexable(rel) != listed[pageURL(realBase, rel)] {
			t.Errorf("%s: in sitemap = %v, indexable = %v", rel, listed[pageURL(realBase, rel)], indexable(rel))
		}
	}
	// Per language: the summary, the departments, the report's two parts and search.
	if want := 2 * (1 + len(departments) + 2 + 1); len(sm.URLs) != want {
		t.Errorf("sitemap lists %d URLs, want %d", len(sm.URLs), want)
	}

	robots := read(t, filepath.Join(out, "robots.txt"))
	m := regexp.MustCompile(`(?m)^Sitemap: (\S+)$`).FindStringSubmatch(robots)
	if m == nil || m[1] != realBase+"sitemap.xml" || !strings.Contains(robots, "User-agent: *") {
		t.Errorf("robots.txt does not name the sitemap:\n%s", robots)
	}
}

type atomDoc struct {
	Lang    string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Title   string `xml:"title"`
	ID      string `xml:"id"`
	Updated string `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Author struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Entries []struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func TestRealContentAtomFeeds(t *testing.T) {
	out := buildReal(t)
	for _, lang := range []string{"zh", "en"} {
		var f atomDoc
		if err := xml.Unmarshal([]byte(read(t, filepath.Join(out, lang, "atom.xml"))), &f); err != nil {
			t.Fatalf("%s feed: %v", lang, err)
		}
		if f.Lang != langAttr[lang] || f.Title == "" || f.Author.Name == "" || f.ID != realBase+lang+"/" {
			t.Errorf("%s feed: lang %q, title %q, author %q, id %q", lang, f.Lang, f.Title, f.Author.Name, f.ID)
		}
		// The date comes from the content, never from the clock.
		if f.Updated != "2022-11-25T00:00:00Z" {
			t.Errorf("%s feed: updated %q", lang, f.Updated)
		}
		for _, l := range f.Links {
			if !exists(fileFor(out, realBase, l.Href)) {
				t.Errorf("%s feed: link %s %s leads nowhere", lang, l.Rel, l.Href)
			}
		}
		var seen []string
		editions := 0
		for _, e := range f.Entries {
			// The edition the content is (content/edition.yaml) is announced
			// on its day, with a link to the summary that shows it.
			if strings.HasSuffix(e.ID, "#edition-4") {
				editions++
				if e.Link.Href != realBase+lang+"/" || e.ID != e.Link.Href+"#edition-4" || e.Updated != "2022-11-24T00:00:00Z" ||
					!strings.Contains(e.Title, map[string]string{"zh": "第四期", "en": "Session 4"}[lang]) || e.Summary == "" {
					t.Errorf("%s feed: the edition's entry %+v", lang, e)
				}
				continue
			}
			if e.Title == "" || e.Summary == "" || e.ID != e.Link.Href || e.Updated != "2022-11-25T00:00:00Z" {
				t.Errorf("%s feed: entry %+v", lang, e)
			}
			if !exists(fileFor(out, realBase, e.Link.Href)) {
				t.Errorf("%s feed: entry %s leads nowhere", lang, e.Link.Href)
			}
			seen = append(seen, strings.TrimPrefix(e.Link.Href, realBase+lang+"/"))
		}
		want := []string{"articles/department-arena-2022/"}
		for _, slug := range departments {
			want = append(want, "departments/"+slug+"/")
		}
		if !slices.Equal(seen, want) {
			t.Errorf("%s feed lists %v, want %v", lang, seen, want)
		}
		if editions != 1 {
			t.Errorf("%s feed: %d entries announce the edition, want 1", lang, editions)
		}
	}
}
