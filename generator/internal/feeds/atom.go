package feeds

import (
	"encoding/xml"
	"time"
)

// Feed is one language's Atom feed (RFC 4287).
type Feed struct {
	Lang     string // xml:lang, e.g. "zh-Hans"
	Title    string
	Subtitle string
	ID       string // a permanent absolute URL: the language's summary
	Self     string // the feed's own absolute URL
	Link     string // the page the feed stands for
	Author   string
	Entries  []Entry
}

// Entry is one page in a feed.
type Entry struct {
	Title string
	URL   string // absolute; also the entry's id, since pages never move, unless ID is set
	// ID is a permanent id for an entry that is not a whole page (a pledge's change
	// of status); empty means URL.
	ID      string
	Summary string
	// Published and Updated come from the content, never from the clock, so an
	// unchanged site gives a byte-identical feed and readers see no false news.
	Published time.Time
	Updated   time.Time
}

type xmlFeed struct {
	XMLName  xml.Name   `xml:"feed"`
	NS       string     `xml:"xmlns,attr"`
	Lang     string     `xml:"xml:lang,attr,omitempty"`
	Title    string     `xml:"title"`
	Subtitle string     `xml:"subtitle,omitempty"`
	ID       string     `xml:"id"`
	Links    []xmlAtomL `xml:"link"`
	Updated  string     `xml:"updated"`
	Author   *xmlAuthor `xml:"author,omitempty"`
	Entries  []xmlEntry `xml:"entry"`
}

type xmlAtomL struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type xmlAuthor struct {
	Name string `xml:"name"`
}

type xmlEntry struct {
	Title     string      `xml:"title"`
	ID        string      `xml:"id"`
	Link      xmlAtomL    `xml:"link"`
	Published string      `xml:"published,omitempty"`
	Updated   string      `xml:"updated"`
	Summary   *xmlSummary `xml:"summary,omitempty"`
}

type xmlSummary struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// Atom renders the feed. Its updated date is the newest entry's, so it changes
// only when the content does.
func Atom(f Feed) ([]byte, error) {
	x := xmlFeed{
		NS: "http://www.w3.org/2005/Atom", Lang: f.Lang, Title: f.Title, Subtitle: f.Subtitle, ID: f.ID,
		Links: []xmlAtomL{{Rel: "self", Type: "application/atom+xml", Href: f.Self}, {Rel: "alternate", Type: "text/html", Href: f.Link}},
	}
	if f.Author != "" {
		x.Author = &xmlAuthor{Name: f.Author}
	}
	var newest time.Time
	for _, e := range f.Entries {
		if e.Updated.After(newest) {
			newest = e.Updated
		}
		id := e.ID
		if id == "" {
			id = e.URL
		}
		xe := xmlEntry{Title: e.Title, ID: id, Link: xmlAtomL{Rel: "alternate", Type: "text/html", Href: e.URL}, Updated: atomTime(e.Updated)}
		if !e.Published.IsZero() {
			xe.Published = atomTime(e.Published)
		}
		if e.Summary != "" {
			xe.Summary = &xmlSummary{Type: "text", Text: e.Summary}
		}
		x.Entries = append(x.Entries, xe)
	}
	x.Updated = atomTime(newest)
	return marshal(x)
}

// atomTime is an RFC 3339 date-time; content dates are days, read as midnight UTC.
func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
