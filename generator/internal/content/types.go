package content

import (
	"strings"
	"sync"
	"time"

	"leitai/generator/internal/diag"
	"leitai/generator/internal/units"
)

// Text is one piece of reader-facing text in every language, e.g. {zh: 市财政局,
// en: Qingdao Municipal Finance Bureau}.
//
// A site holds hundreds of thousands of texts at national scale, so a text keeps
// its languages in a short slice, in the site's language order, rather than in
// maps: two maps a text were most of a loaded site's memory.
type Text struct {
	Langs []LangText // the languages the file gives
	Pos   diag.Pos
	Field string // where it is in its file, for messages: "pledges[2]"
	// Decoded is false for a text that was never read (its field is missing).
	Decoded bool
}

// LangText is a text in one language, and where its value starts in the file.
type LangText struct {
	Lang  string
	Value string
	Pos   diag.Pos
}

// Lookup returns the text in lang, and whether the file gives it.
func (t Text) Lookup(lang string) (LangText, bool) {
	for _, l := range t.Langs {
		if l.Lang == lang {
			return l, true
		}
	}
	return LangText{}, false
}

// In returns the text in lang, or "" when it has none.
func (t Text) In(lang string) string {
	l, _ := t.Lookup(lang)
	return l.Value
}

// Has reports whether the text exists in lang.
func (t Text) Has(lang string) bool { return t.In(lang) != "" }

// Group is a heading under which the article reports departments.
type Group struct {
	ID    string
	Title Text
	Pos   diag.Pos
}

// Department is one department's file.
type Department struct {
	Slug string
	File string

	Order     int
	OrderPos  diag.Pos
	Group     string
	GroupPos  diag.Pos
	Name      Text
	Leader    Leader
	Record    []Achievement // achievements: this year's claims
	Pledges   []Pledge
	Statement Text // Markdown

	counts     sync.Once
	countsMemo []int
}

// StatusCounts counts the department's pledges by status, in the order of
// Statuses; a status not in Statuses is not counted. Every summary adds up all
// departments' counts, so each department counts its own once: a rebuild after
// one edit at ten thousand departments then adds numbers, not pledges.
func (d *Department) StatusCounts() []int {
	d.counts.Do(func() {
		d.countsMemo = make([]int, len(Statuses))
		for _, p := range d.Pledges {
			for i, s := range Statuses {
				if p.Status == s {
					d.countsMemo[i]++
					break
				}
			}
		}
	})
	return d.countsMemo
}

// Leader is the department's head, who signs the pledge.
type Leader struct {
	Name  Text
	Title Text
}

// Statuses a pledge can have, in the order a tally lists them. They judge outcomes,
// not intentions.
var Statuses = []string{"not-rated", "in-progress", "stalled", "achieved", "partly-achieved", "missed"}

// Achievement is one claim of this year's record, with the figures it states.
type Achievement struct {
	Text    Text
	Metrics []Metric
}

// Metric is a figure stated in a claim: 2541 with unit 亿元.
type Metric struct {
	Value   float64
	Unit    string
	UnitPos diag.Pos
	// Label names the figure for charts; optional.
	Label Text
}

// Pledge is one commitment of the 军令状.
type Pledge struct {
	Text      Text
	Target    *Target
	Due       time.Time // zero when not given
	DuePos    diag.Pos
	Status    string
	StatusPos diag.Pos
	// Updates are what has happened since, newest first.
	Updates []Update
}

// Update is a dated note on a pledge's progress. No verdict without a source: an
// update always links to where the news comes from.
type Update struct {
	Date    time.Time
	DatePos diag.Pos
	Text    Text
	Source  string
	// Status, when set, is the status the pledge moved to on Date.
	Status    string
	StatusPos diag.Pos
}

// Target is a pledge's measurable goal.
type Target struct {
	Value   float64
	Unit    string
	UnitPos diag.Pos
	Compare string // at-least, at-most, exactly
}

// Compares are the ways a target can be met.
var Compares = []string{"at-least", "at-most", "exactly"}

// Credits are the newspaper's editorial roles for an article.
type Credits struct {
	Editor      string // 主编
	Designer    string // 美编
	Proofreader string // 审读
	Layout      string // 排版
}

// Article is one language's version of a narrative report.
type Article struct {
	Slug string
	Lang string
	File string

	Title     string
	Subtitle  string
	Date      time.Time
	Lead      string
	Reporters []string
	Credits   Credits
	Source    string

	Body []byte // Markdown
	// BodyLine is the file line the body starts on, so Markdown problems can be
	// reported against the file.
	BodyLine int
	// Covers lists the departments the body links to, by slug, in order of first
	// link: the report covered them. Pages of those departments cite it.
	Covers []string

	// sections caches Sections, worked out when the file is read.
	sections []int
}

// Site is all the content, in the order readers see it.
type Site struct {
	Groups      []Group
	Units       *units.Table
	Departments []*Department // by Order
	// Articles maps an article's slug to its versions by language.
	Articles map[string]map[string]*Article
	// ArticleSlugs lists the articles newest first, then by slug.
	ArticleSlugs []string
}

// Department returns the department with slug, or nil.
func (s *Site) Department(slug string) *Department {
	for _, d := range s.Departments {
		if d.Slug == slug {
			return d
		}
	}
	return nil
}

// GroupOf returns the group with id, or nil.
func (s *Site) GroupOf(id string) *Group {
	for i := range s.Groups {
		if s.Groups[i].ID == id {
			return &s.Groups[i]
		}
	}
	return nil
}

// Sections are the byte offsets in Body where the report's sections start: 0 for
// the text before the first "##" heading, then each "##" heading's line. Headings
// inside fenced code do not count.
func (a *Article) Sections() []int {
	if a.sections != nil {
		return a.sections
	}
	return findSections(a.Body)
}

func findSections(body []byte) []int {
	out := []int{0}
	fence := ""
	off := 0
	for _, line := range strings.SplitAfter(string(body), "\n") {
		t := strings.TrimLeft(line, " ")
		switch {
		case fence == "" && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			fence = t[:3]
		case fence != "" && strings.HasPrefix(t, fence):
			fence = ""
		case fence == "" && strings.HasPrefix(line, "## ") && off > 0:
			out = append(out, off)
		}
		off += len(line)
	}
	return out
}

// SectionSizes is each section's length in bytes.
func (a *Article) SectionSizes() []int {
	secs := a.Sections()
	out := make([]int, len(secs))
	for i, start := range secs {
		end := len(a.Body)
		if i+1 < len(secs) {
			end = secs[i+1]
		}
		out[i] = end - start
	}
	return out
}

// Part is sections [lo, hi) of the body, and the file line it starts on.
func (a *Article) Part(lo, hi int) (body []byte, line int) {
	secs := a.Sections()
	if lo >= len(secs) {
		return nil, a.BodyLine
	}
	start, end := secs[lo], len(a.Body)
	if hi < len(secs) {
		end = secs[hi]
	}
	return a.Body[start:end], a.BodyLine + strings.Count(string(a.Body[:start]), "\n")
}
