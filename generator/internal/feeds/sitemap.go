package feeds

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"iter"
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

// WriteSitemap writes a sitemaps.org urlset of urls, in order, as they come:
// at ten thousand departments the sitemap is 12 MB, and made with encoding/xml
// it was held three times over (the URLs, the XML structs, the encoded
// document). The bytes are those encoding/xml writes for the same set,
// indented by two spaces; TestWriteSitemapIsEncodingXML holds them to it.
func WriteSitemap(w io.Writer, urls iter.Seq[URL]) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(xml.Header)
	bw.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`)
	some := false
	var date []byte
	for u := range urls {
		some = true
		bw.WriteString("\n  <url>\n    <loc>")
		escape(bw, u.Loc)
		bw.WriteString("</loc>")
		if !u.LastMod.IsZero() {
			bw.WriteString("\n    <lastmod>")
			date = u.LastMod.UTC().AppendFormat(date[:0], "2006-01-02")
			bw.Write(date)
			bw.WriteString("</lastmod>")
		}
		for _, a := range u.Alternates {
			bw.WriteString("\n    <xhtml:link rel=\"alternate\" hreflang=\"")
			escape(bw, a.Hreflang)
			bw.WriteString("\" href=\"")
			escape(bw, a.Href)
			bw.WriteString("\"></xhtml:link>")
		}
		bw.WriteString("\n  </url>")
	}
	if some {
		bw.WriteString("\n") // encoding/xml puts an element's end tag on a line of its own only after children
	}
	bw.WriteString("</urlset>\n")
	return bw.Flush()
}

// escape writes s as encoding/xml escapes text and attribute values. Addresses
// and language tags seldom need it, so they are checked first and written
// without a copy.
func escape(w *bufio.Writer, s string) {
	if plainXML(s) {
		w.WriteString(s)
		return
	}
	_ = xml.EscapeText(w, []byte(s)) // a bufio.Writer's error comes back from Flush
}

// plainXML reports whether s is printable ASCII without a character that XML
// escapes: anything else goes through xml.EscapeText.
func plainXML(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c >= 0x7f, c == '"', c == '\'', c == '&', c == '<', c == '>':
			return false
		}
	}
	return true
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
