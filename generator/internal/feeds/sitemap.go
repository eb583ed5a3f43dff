package feeds

import (
	"bytes"
	"encoding/xml"
	"time"
)

// URL is one page in the sitemap.
type URL struct {
	Loc string // absolute
	// LastMod is when the page's content last changed; zero leaves it out.
	LastMod time.Time
	// Alternates are the page in every language, itself included, and the
	// x-default; search engines want the full set on every URL.
	Alternates []Alternate
}

// Alternate is one language version of a page.
type Alternate struct {
	Hreflang string // "zh-Hans", "en" or "x-default"
	Href     string // absolute
}

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

// Sitemap is a sitemaps.org urlset listing urls in the order given.
func Sitemap(urls []URL) ([]byte, error) {
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

// marshal writes v as an indented XML document with its declaration.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// Robots allows every crawler everywhere and names the sitemap by its absolute
// URL, as the protocol requires.
func Robots(sitemapURL string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + sitemapURL + "\n")
}
