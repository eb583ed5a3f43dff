package feeds

import (
	"bytes"
	"encoding/xml"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAtomUpdatedIsTheNewestEntry(t *testing.T) {
	b, err := Atom(Feed{
		Lang: "zh-Hans", Title: "擂台 & <测试>", ID: "https://e.org/zh/", Self: "https://e.org/zh/atom.xml", Link: "https://e.org/zh/", Author: "编辑部",
		Entries: []Entry{
			{Title: "甲", URL: "https://e.org/zh/a/", Updated: day("2022-11-25"), Published: day("2022-11-25")},
			{Title: "乙 </title>", URL: "https://e.org/zh/b/", Summary: "x < y", Updated: day("2023-01-02")},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Lang    string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Entries []struct {
			Title     string `xml:"title"`
			ID        string `xml:"id"`
			Published string `xml:"published"`
			Summary   string `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if f.Lang != "zh-Hans" || f.Title != "擂台 & <测试>" || f.Updated != "2023-01-02T00:00:00Z" {
		t.Errorf("feed lang %q title %q updated %q", f.Lang, f.Title, f.Updated)
	}
	if len(f.Entries) != 2 || f.Entries[1].Title != "乙 </title>" || f.Entries[1].Summary != "x < y" || f.Entries[0].ID != "https://e.org/zh/a/" {
		t.Errorf("entries %+v", f.Entries)
	}
	if f.Entries[1].Published != "" {
		t.Error("an entry without a publication date got one")
	}
	if !strings.HasPrefix(string(b), `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Error("no XML declaration")
	}
}

func TestSitemapAlternates(t *testing.T) {
	b, err := sitemap([]URL{{
		Loc: "https://e.org/zh/?a=1&b=2", LastMod: day("2022-11-25"),
		Alternates: []Alternate{{"zh-Hans", "https://e.org/zh/"}, {"en", "https://e.org/en/"}, {"x-default", "https://e.org/zh/"}},
	}, {Loc: "https://e.org/en/"}})
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
			Links   []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
	}
	if err := xml.Unmarshal(b, &s); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if len(s.URLs) != 2 || s.URLs[0].Loc != "https://e.org/zh/?a=1&b=2" || s.URLs[0].LastMod != "2022-11-25" || s.URLs[1].LastMod != "" {
		t.Fatalf("urls %+v", s.URLs)
	}
	if l := s.URLs[0].Links; len(l) != 3 || l[1].Hreflang != "en" || l[1].Href != "https://e.org/en/" {
		t.Errorf("alternates %+v", l)
	}
}

func TestRobotsNamesTheSitemap(t *testing.T) {
	r := string(Robots("https://e.org/pledges/sitemap.xml"))
	if !strings.Contains(r, "User-agent: *\n") || !strings.Contains(r, "\nSitemap: https://e.org/pledges/sitemap.xml\n") {
		t.Errorf("robots.txt:\n%s", r)
	}
}

// sitemap is WriteSitemap into memory.
func sitemap(urls []URL) ([]byte, error) {
	var b bytes.Buffer
	err := WriteSitemap(&b, slices.Values(urls))
	return b.Bytes(), err
}

// The sitemap as encoding/xml writes it, which WriteSitemap matches byte for
// byte: the reference the hand-written writer is held to.
type xmlURLSet struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	XHTML   string   `xml:"xmlns:xhtml,attr"`
	URLs    []xmlURL `xml:"url"`
}

type xmlURL struct {
	Loc     string    `xml:"loc"`
	LastMod string    `xml:"lastmod,omitempty"`
	Links   []xmlLink `xml:"xhtml:link"`
}

type xmlLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

func encodingXMLSitemap(urls []URL) ([]byte, error) {
	set := xmlURLSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, u := range urls {
		x := xmlURL{Loc: u.Loc}
		if !u.LastMod.IsZero() {
			x.LastMod = u.LastMod.UTC().Format("2006-01-02")
		}
		for _, a := range u.Alternates {
			x.Links = append(x.Links, xmlLink{Rel: "alternate", Hreflang: a.Hreflang, Href: a.Href})
		}
		set.URLs = append(set.URLs, x)
	}
	return marshal(set)
}

// WriteSitemap writes what encoding/xml writes, for no URL, for plain ones, and
// for random ones whose strings hold every character XML escapes or refuses.
func TestWriteSitemapIsEncodingXML(t *testing.T) {
	check := func(urls []URL) {
		t.Helper()
		want, err := encodingXMLSitemap(urls)
		if err != nil {
			t.Fatal(err)
		}
		got, err := sitemap(urls)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("for %+v\ngot:\n%s\nwant:\n%s", urls, got, want)
		}
	}
	check(nil)
	check([]URL{{Loc: "https://e.org/zh/", LastMod: day("2022-11-25"),
		Alternates: []Alternate{{"zh-Hans", "https://e.org/zh/"}, {"en", "https://e.org/en/"}, {"x-default", "https://e.org/zh/"}}},
		{Loc: "https://e.org/en/"}})

	pieces := []string{"https://e.org/", "a", "部门", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\x00", "\x1f", "\x7f",
		"\uFFFD", "\uFFFE", "\xff", "\xe4\xb8", "?q=1&r=2", " ", "é", "😀"}
	rnd := rand.New(rand.NewPCG(1, 2))
	str := func() string {
		var b strings.Builder
		for range rnd.IntN(6) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 2000 {
		urls := make([]URL, rnd.IntN(3))
		for i := range urls {
			urls[i].Loc = str()
			if rnd.IntN(2) == 0 {
				urls[i].LastMod = time.Date(2000+rnd.IntN(30), time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), rnd.IntN(24), 0, 0, 0, time.FixedZone("", 3600*(rnd.IntN(25)-12)))
			}
			for range rnd.IntN(3) {
				urls[i].Alternates = append(urls[i].Alternates, Alternate{Hreflang: str(), Href: str()})
			}
		}
		check(urls)
	}
}
