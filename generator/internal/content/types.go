package content

import (
	"strings"
	"sync"
	"time"

	"leitai/generator/internal/diag"
	"leitai/generator/internal/units"
)

// Text is one piece of reader-facing text in every language, e.g. {zh: 市财政局,
// en: Qingdao Municipal Bureau of Finance}.
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

// Department is one department's file: the department as it stood in one
// edition. Across editions a department is known by its slug.
type Department struct {
	Slug string
	File string
	// EditionID is the edition the file is in (Edition.ID).
	EditionID string

	Order     int
	OrderPos  diag.Pos
	Group     string
	GroupPos  diag.Pos
	Name      Text
	Leader    Leader
	Record    []Achievement // achievements: this year's claims
	Pledges   []Pledge
	Statement Text // Markdown
	// Corrections are the changes made to the source's text in this file.
	Corrections []Correction
	// Series are the sets of record figures the editors declare comparable,
	// which the page draws as bars; nil when none.
	Series []Series

	counts     sync.Once
	countsMemo []int
	// linked lists the pledges that link to an earlier one, by index: the
	// checks and the index of links visit these, not every pledge of the
	// site.
	linked []int
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

// Figure is a value in a unit, as the source states it: 2541 with unit 亿元,
// 1500 with unit 项.
type Figure struct {
	Value   float64
	Unit    string
	UnitPos diag.Pos
	// Noun is what the figure counts, when its unit is a bare measure word
	// (项, 个, 家): 1500项 are "1,500 projects". Not Decoded when not given.
	Noun Noun
}

// Noun is what a figure in a measure word counts, in every language:
// {zh: 项目, en: {one: project, other: projects}}.
type Noun struct {
	Langs   []NounForms // the languages the file gives, in the site's order
	Pos     diag.Pos
	Field   string // "pledges[3].target.noun"
	Decoded bool
}

// NounForms is a noun in one language: One after 1, Other after other numbers.
type NounForms struct {
	Lang       string
	One, Other string
	// Inflected is true when the file gives both forms ({one: …, other: …});
	// false for one word after every number, as Chinese writes it.
	Inflected bool
	Pos       diag.Pos
}

// Lookup returns the noun in lang, and whether the file gives it.
func (n Noun) Lookup(lang string) (NounForms, bool) {
	for _, f := range n.Langs {
		if f.Lang == lang {
			return f, true
		}
	}
	return NounForms{}, false
}

// In returns the noun's forms in lang; empty when the file gives none.
func (n Noun) In(lang string) units.Noun {
	f, _ := n.Lookup(lang)
	return units.Noun{One: f.One, Other: f.Other}
}

// Metric is a figure stated in a claim: 2541 with unit 亿元. The page shows a
// labelled metric as a tile of its own (number, unit, label), unless the
// editors declare it one of a series of comparable figures, drawn as bars on
// one scale: figures of different kinds never share a scale by default.
type Metric struct {
	Figure
	Pos diag.Pos // where the item starts
	// Label names the figure on the page; a metric without one is not shown.
	Label Text
	// Series is the id of the department's series the figure is a bar of; ""
	// for a tile.
	Series    string
	SeriesPos diag.Pos
	// Parts are figures the source gives as parts of this one (其中): 415亿元
	// of VAT credit refunds within 577亿元 of tax relief. A part is in its
	// whole's unit and has no parts or series of its own; the page draws it
	// inside its whole.
	Parts []Metric
}

// Series is a set of record figures the editors declare comparable: of one
// kind and one unit, such as shares of the provincial total in %. Only the
// figures of a series are drawn as bars on one scale.
type Series struct {
	ID    string
	Pos   diag.Pos
	Title Text
	// Max is what a full bar stands for: 100 for shares in %. 0 when not
	// given: the largest figure of the series fills the bar.
	Max    float64
	MaxPos diag.Pos
}

// Pledge is one commitment of the 军令状.
type Pledge struct {
	// ID names the pledge within its department, for ever: other pages and
	// later editions refer to it as <department>#<id>. Optional; "" when the
	// file gives none, and then the pledge is known by its number.
	ID    string
	IDPos diag.Pos
	Text  Text
	// Target is the outcome pledged; Scope the size of the work (91 major
	// projects to coordinate), which is not an outcome. Either may be nil.
	Target    *Target
	Scope     *Figure
	Due       *Due // nil when the pledge names no date
	Status    string
	StatusPos diag.Pos
	// Updates are what has happened since, newest first.
	Updates []Update
	// Link ties the pledge to one of an earlier edition; nil for none.
	Link *PledgeLink
}

// Due is when a pledge falls due, and what the date rests on: the source's
// own words (年底前, "by the end of the year": stated) or the editors' reading
// of them (全年, "over the year": inferred).
type Due struct {
	Date     time.Time
	Pos      diag.Pos
	Inferred bool
	// Words are the source's words the date rests on, as the pledge's text in
	// Lang has them.
	Words    string
	WordsPos diag.Pos
	Lang     string
}

// Basis is "stated" or "inferred".
func (d *Due) Basis() string {
	if d.Inferred {
		return "inferred"
	}
	return "stated"
}

// Correction is a change made to the source's text, recorded as a newspaper
// prints a correction: what the source printed, what is printed here, and why.
// The source is a scan's text; 千字为先 is 干字为先.
type Correction struct {
	Printed      string // what the source printed
	PrintedPos   diag.Pos
	Corrected    string // what the text here reads
	CorrectedPos diag.Pos
	// Lang is the language of the text that was corrected: the one whose text
	// has Corrected.
	Lang string
	Note Text // why, in every language
	Pos  diag.Pos
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
	Figure
	Compare string // one of Compares
}

// Compares are the ways a target can be met: 不少于 / 以上 (at-least), 不超过
// (at-most), 超过 (more-than), 低于 (less-than), or the figure itself.
var Compares = []string{"at-least", "at-most", "more-than", "less-than", "exactly"}

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
	// EditionID is the edition the report is of (Edition.ID).
	EditionID string

	Title     string
	Subtitle  string
	Date      time.Time
	Lead      string
	Reporters []string
	Credits   Credits
	Source    string

	// Corrections are the changes made to the source's text in this file;
	// every language's page of the article lists those of all its files.
	Corrections []Correction

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
	Groups []Group
	Units  *units.Table
	// Editions are the sessions of the arena, oldest first (by number). A site
	// in the one-edition layout has one, named or not.
	Editions []*Edition
	// Layered is true when the editions are folders of content/editions/.
	Layered bool
	// Departments are every edition's departments, by edition (oldest first),
	// then Order.
	Departments []*Department
	// Articles maps an article's slug to its versions by language. A slug is
	// an address (articles/<slug>/) in every edition: one article has it.
	Articles map[string]map[string]*Article
	// ArticleSlugs lists the articles newest first, then by slug.
	ArticleSlugs []string

	indexOnce sync.Once
	index     *Index
}

// Newest is the newest edition.
func (s *Site) Newest() *Edition {
	if len(s.Editions) == 0 {
		return nil
	}
	return s.Editions[len(s.Editions)-1]
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
