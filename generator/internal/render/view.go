package render

import (
	"html/template"

	"leitai/generator/internal/content"
)

// The types in this file are what templates see. They hold values, worked out
// in Go before a template runs (pages.go builds them, one function per kind of
// page), and have no methods: html/template calls a method by reflection on
// every use, and looks for a method of a field's name before it reads the
// field, so a view of plain fields is what a template reads fastest. A
// template that needs something new gets a new field, filled in pages.go.
//
// Text from content is escaped in Go where it may carry the notice of a
// pending translation: those fields are template.HTML. Plain strings are
// escaped by the template, for the context they are used in.

// View is what a page's template sees as ".".
type View struct {
	// Site is what every page in the language shows; L the interface strings:
	// {{ .L.pledge }}. A key missing from the language's strings stops the
	// build (the templates run with missingkey=error).
	Site *SiteView
	L    map[string]string

	URL       string // the page's address from the host's root
	Canonical string // the address search engines should list; "" for none
	Hreflang  []Hreflang
	// OtherLanguages is the page in the languages other than its own, for the
	// language switch; empty when it exists in one language only.
	OtherLanguages []LanguageLink
	OGType         string   // "article" for a report, "website" otherwise
	OGLocales      []string // the Open Graph locales of the page's other languages
	JSONLD         template.JS

	// What the page shows, by kind: one of these is set.
	Department *DepartmentView
	Group      *GroupView   // a page of a group's cards
	Summary    *SummaryView // the summary; its reports are in Articles
	Article    *ArticleView // a report, or a part of one
	// Articles are the reports a summary or a page of the list of reports
	// shows, newest first.
	Articles []Teaser
	// Archive is the archive's editions, newest first.
	Archive []EditionView
	// Redirect is where a page that moved is now.
	Redirect *RedirectView
	// Pager places a listing page or a part of a report among its pages; nil
	// when there is only one.
	Pager *PagerView
}

// EditionView is an edition as pages name it: "第四期", its date and title,
// and, in the archive, what it held.
type EditionView struct {
	Number    string // "第四期", "Session 4"
	TitleText string
	Title     template.HTML
	Series    template.HTML
	Date      DateView
	URL       string // its summary
	// In the archive: how many departments and pledges ("Departments: 10.
	// Pledges: 42."), and the pledges by status, those with none left out.
	Counts string
	Tally  []StatusCount
}

// RedirectView is where a Redirect page leads.
type RedirectView struct {
	URL string
}

// SiteView is what every page of a language shows, made once per build.
type SiteView struct {
	Lang        string // <html lang>: "zh-Hans"
	Title       string
	Description string // config.yaml's, or the theme's general wording
	Intro       string // the paragraph under the summary's heading, as written: {departments} stands for a number (see SummaryView.Intro)
	Home        string // the summary's address
	Search      string // the search page's address
	Feed        string // the Atom feed's address
	BasePath    string // the base URL's path: "/" or "/pledges/"
	// Data are the open-data files' addresses.
	DataJSON, DataSchema, DataCSV string
	// Languages are the site's languages, each with its summary, for the
	// pages that let a reader choose (the root page, the not-found page).
	Languages []LanguageLink
	// Filing is the site's filing numbers, which the footer shows when the
	// site is hosted in mainland China; nil otherwise.
	Filing *FilingView
}

// FilingView is a site's ICP filing number and, where it has one, its
// public-security filing number, each with the address where a reader can
// look it up.
type FilingView struct {
	ICP, ICPURL       string
	Police, PoliceURL string // "" when the site has none
}

// LanguageLink is a page in one language.
type LanguageLink struct {
	URL  string
	Lang string // "zh-Hans"
	Name string // "中文"
}

// Hreflang is one <link rel="alternate" hreflang> of an indexable page.
type Hreflang struct {
	Hreflang  string
	Permalink string
}

// DateView is a date for <time>: .ISO for the datetime attribute, .Display the
// way the page's language writes it.
type DateView struct {
	ISO, Display string
}

// DepartmentView is a department's page.
type DepartmentView struct {
	NameText    string // the name as plain text, for the title
	Description string // one sentence, for the meta description
	Group       *GroupTitle
	Name        template.HTML
	Leader      template.HTML
	LeaderTitle template.HTML
	// Body is the record, figures, pledges, statement and corrections, drawn
	// by partials/department-body.html from a BodyView.
	Body       template.HTML
	Prev, Next *Neighbour

	// Back leads to the summary the page belongs to: the home's, or its
	// edition's on a site of several editions.
	BackURL, BackLabel string
	// Edition is the edition the record and pledges are from, on a site of
	// several editions; nil otherwise.
	Edition *EditionView
	// Cross leads from a department's page in one edition to its page across
	// editions; "" on that page and on a site of one edition.
	CrossURL, CrossLabel string
	// Earlier are the department's earlier editions, newest first, on its
	// page across editions.
	Earlier []EarlierView
	// Indexed puts the page in the search index. The page across editions
	// repeats its editions' pages, which are indexed instead.
	Indexed bool
	// SearchTitle is the title a search result shows, naming the edition
	// ("市财政局 · 第四期"); SearchEdition the edition to filter by. "" when
	// the site names no edition.
	SearchTitle, SearchEdition string
}

// CorrectionsView is what partials/corrections.html shows, on a department's
// page and a report's: the changes made to the source's text, one sentence
// each, and the interface strings.
type CorrectionsView struct {
	Items []template.HTML
	L     map[string]string
}

// DepartmentBody is what partials/department-body.html sees: the body's
// fields and the interface strings.
type DepartmentBody struct {
	D *BodyView
	L map[string]string
}

// BodyView is what a department's page shows of one edition's department,
// drawn once into DepartmentView.Body and shared by its page in that edition
// and, for its newest edition, its page across editions.
type BodyView struct {
	Record []template.HTML // the achievements' texts
	// Figures are the record's headline figures, each a tile of its own;
	// Series the sets the editors declare comparable, each drawn as bars on
	// one scale.
	Figures   []FigureTile
	Series    []SeriesView
	Pledges   []PledgeView
	Statement template.HTML // Markdown, rendered
	// Corrections are the changes made to the source's text, one sentence
	// each; no Items when none.
	Corrections CorrectionsView
}

// EarlierView is a department in an earlier edition, on its page across
// editions: who led it, what it pledged and what became of it.
type EarlierView struct {
	ID          string // the heading's anchor: "edition-2"
	Edition     EditionView
	Leader      template.HTML
	LeaderTitle template.HTML
	Pledges     []PledgeView // anchors "edition-2-pledge-1"…, each its status, text and links only
	URL         string       // its page in that edition
	More        string       // the link's text
}

// GroupTitle is a group's title, where a page names the group.
type GroupTitle struct {
	Title template.HTML
}

// Neighbour is the previous or next department, for the pager under a
// department's page.
type Neighbour struct {
	URL  string
	Name template.HTML
}

// FigureTile is a headline figure: its number set apart from the words
// around it (.Before, .Number, .Gap, .Words: "", "57.7", " ", "billion
// yuan"; Chinese has no .Gap: "577", "亿元"), what it is (.Label), and the
// parts the source gives of it (其中).
type FigureTile struct {
	Before, Number, Gap, Words string
	Label                      string
	Parts                      []FigurePart
}

// FigurePart is a part of a figure: .Text says it ("Of which VAT credit
// refunds: 41.5 billion yuan") and .Bar draws it inside its whole.
type FigurePart struct {
	Text string
	Bar  template.HTML
}

// SeriesView is a set of comparable figures, one bar each, on one scale.
type SeriesView struct {
	Title string
	Bars  []BarView
}

// BarView is a figure of a series: .Label, the figure as the language writes
// it (.Display) and its .Bar.
type BarView struct {
	Label, Display string
	Bar            template.HTML
}

// PledgeView is a pledge as a page shows it:
//
//	.ID      "pledge-1", "pledge-2"…: the anchor the feed's status entries link to
//	.Class   the status badge's CSS class ("badge s-met")
//	.Label   the status as readers see it ("已完成", "met")
//	.Text    the pledge in the page's language
//	.Target  the target ("超过2500亿元", "at least 1,500 projects"), "" when none
//	.Scope   the size of the work ("91 major projects"), "" when none
//	.Due     the due date and what it rests on, nil when none
//	.Updates the updates, newest first
//
// A card shows fewer: its pledges have no ID, Updates or Due.Basis.
type PledgeView struct {
	ID, Class, Label string
	// Badge is the status's badge as partials/badge.html drew it, once per
	// status and language.
	Badge         template.HTML
	Text          template.HTML
	Target, Scope string
	Due           *DueView
	Updates       []UpdateView
	// L is the interface strings, for partials/pledge.html.
	L map[string]string
	// Links are the pledge's ties to other editions' pledges, one sentence
	// each with a link to the other end ("Follows Session 2, pledge 3
	// (Achieved)"); nil when none.
	Links []template.HTML
}

// DueView is a pledge's due date: .ISO and .Display as for any date, and
// .Basis, what it rests on (" (inferred from 全年)"), "" on a card.
type DueView struct {
	DateView
	Basis template.HTML
}

// UpdateView is an update of a pledge; .Class and .Label are "" when the
// update sets no status.
type UpdateView struct {
	Date         DateView
	Class, Label string
	Badge        template.HTML // as PledgeView's; "" when the update sets no status
	Text         template.HTML
	Source       string
}

// Card is a department's card on a listing page, for partials/card.html.
type Card struct {
	L           map[string]string
	URL         string
	Name        template.HTML
	Leader      template.HTML
	LeaderTitle template.HTML
	Pledges     []PledgeView
	More        string // the link to the department's page: "…: record, pledge and statement"
}

// GroupView is one page of a group's cards.
type GroupView struct {
	// Back leads to the summary the group is part of.
	BackURL, BackLabel string
	TitleText          string
	Title              template.HTML
	Cards              []Card
}

// SummaryView is the summary. When it is Paged, each group has its own pages
// and the summary lists them (Groups' URL and Count); otherwise it shows every
// card (Groups' Cards) and the scoreboard.
type SummaryView struct {
	// Edition is the edition the summary shows, when the site names it.
	Edition *EditionView
	// Heading and PageTitle replace the site's title as the page's <h1> and
	// <title> on an edition's own summary; "" on the home summary. Series
	// names what the edition is of, there too: the home page, every byte of
	// which a phone downloads first, names only the edition and its date.
	Heading, PageTitle string
	Series             template.HTML
	// Intro is the site's intro with {departments} the number of departments
	// in the summary's edition, not in the whole publication.
	Intro string
	// Description replaces the site's description on an edition's own summary.
	Description string
	// ArchiveURL is the list of every edition; "" on a site of one.
	ArchiveURL string
	// Data are the open-data files of what the summary shows.
	DataJSON, DataSchema, DataCSV string
	Paged                         bool
	Groups                        []SummaryGroup
	ArticlesURL                   string // the list of all reports; "" when the summary shows them all
	TallyHeading                  string
	Tally                         []StatusCount
	Scoreboard                    template.HTML // the chart
	Scores                        []Score       // the chart as a table
}

// SummaryGroup is a group on the summary.
type SummaryGroup struct {
	ID    string
	Title template.HTML
	URL   string // its first page of cards, when the summary is paged
	Count string // "12 departments", when the summary is paged
	Cards []Card // when it is not
}

// StatusCount is how many pledges have one status.
type StatusCount struct {
	Class string // the badge's CSS class
	Label string
	Count int
}

// Score is a department's row in the scoreboard's table: its pledges by
// status, in the order of the tally.
type Score struct {
	URL    string
	Name   template.HTML
	Counts []int
	// Cells are the counts as the row's cells, <td>3</td><td>0</td>…,
	// made once: an edition's summary of fifty departments has 350 of them,
	// and a template action for each was about a tenth of the page's rendering.
	Cells template.HTML
}

// ArticleView is a report, or a part of one.
type ArticleView struct {
	Title, Subtitle, Lead, Source string
	Part                          string // "part 2" from the second part on, else ""
	Date                          DateView
	Reporters                     string // joined with the language's separator
	Body                          template.HTML
	// The lead opens the report, on its first part; the credits close it,
	// on its last.
	FirstPart, LastPart bool
	Credits             content.Credits
	// Corrections are the changes made to the source's text, in every
	// language's file of the report, one sentence each; every part lists
	// them. No Items when none.
	Corrections CorrectionsView
	// SearchTitle is the title a search result shows, naming the edition;
	// SearchEdition the edition to filter by. "" when the site names none.
	SearchTitle, SearchEdition string
}

// Teaser is a report in a list of reports.
type Teaser struct {
	URL                   string
	Title, Subtitle, Lead string
	Date                  DateView
}

// PagerView is a page's place among the pages of its list.
type PagerView struct {
	Label      string // "Page 2 of 5"
	Prev, Next string // the neighbouring pages' addresses; "" at either end
}
