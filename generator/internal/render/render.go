package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/diag"
	"leitai/generator/internal/i18n"
	"leitai/generator/internal/markdown"
	"leitai/generator/internal/site"
	"leitai/generator/internal/sitefs"
)

// Theme is what a site's look is made of: parsed templates, interface strings and
// static files. It is loaded once and shared by every Renderer until a theme file
// changes.
type Theme struct {
	templates *pageTemplates
	strings   i18n.Catalog
	assets    []Asset
	assetURLs map[string]string // source name → output path
}

// LoadTheme parses the templates and reads the interface strings and assets.
// Problems in the theme's files (a missing string, a template that does not
// parse) are returned as problems, so `check` reports them with the content's.
func LoadTheme(cfg *config.Config) (*Theme, diag.List) {
	var problems diag.List
	rel := func(p string) string {
		if r, err := filepath.Rel(cfg.Root, p); err == nil {
			return filepath.ToSlash(r)
		}
		return p
	}
	th := &Theme{}
	// Nothing is read through a link out of the site's folder, or a link to a
	// folder (sitefs): every file of the theme and the site's own layouts/ and
	// static/ is looked at first.
	root := sitefs.New(cfg.Root)
	for _, dir := range []string{cfg.ThemeDir(), cfg.Dir("layouts"), cfg.Dir("static")} {
		problems.Append(checkLinks(root, dir, rel))
	}
	if problems.HasErrors() {
		return th, problems
	}
	var more diag.List
	th.strings, more = i18n.Load(filepath.Join(cfg.ThemeDir(), "i18n"), cfg.Codes(), rel)
	problems.Append(more)

	assets, urls, err := collectAssets([]string{filepath.Join(cfg.ThemeDir(), "static"), cfg.Dir("static")})
	if err != nil {
		problems.Errorf(diag.Pos{File: rel(cfg.ThemeDir())}, "", "reading static files: %v", err)
	}
	th.assets, th.assetURLs = assets, urls

	dirs := layoutDirs{cfg.Dir("layouts"), filepath.Join(cfg.ThemeDir(), "layouts")}
	th.templates, err = parseTemplates(dirs, template.FuncMap{"asset": th.asset(cfg.BasePath())})
	if err != nil {
		problems.Errorf(diag.Pos{File: rel(cfg.ThemeDir())}, "fix the template; the message names the file and line", "%v", err)
	}
	return th, problems
}

// asset is the templates' asset function: the address of a static file by its
// source name, "style.css" becoming "/pledges/style.3f2a….css".
func (th *Theme) asset(basePath string) func(name string) (string, error) {
	return func(name string) (string, error) {
		out, ok := th.assetURLs[name]
		if !ok {
			return "", fmt.Errorf("no static file %q in the theme", name)
		}
		return basePath + out, nil
	}
}

// checkLinks reports the symbolic links under dir (and dir itself) that lead
// out of the site's folder or to a folder.
func checkLinks(root sitefs.Root, dir string, rel func(string) string) diag.List {
	var problems diag.List
	report := func(p string, err error) { problems.Add(sitefs.Problem(rel(p), err)) }
	if err := root.Check(dir); err != nil {
		report(dir, err)
		return problems
	}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a folder that does not exist (no layouts/) is fine
		}
		if err := root.CheckEntry(p, d); err != nil {
			report(p, err)
		}
		return nil
	})
	return problems
}

// Assets lists the static files to copy.
func (th *Theme) Assets() []Asset { return th.assets }

// Renderer renders the pages of one plan with one theme.
type Renderer struct {
	*Theme
	cfg      *config.Config
	plan     *site.Plan
	content  *content.Site
	markdown map[string]*markdown.Renderer // by language
	locales  map[string]*locale            // by language

	tallyOnce sync.Once
	tallied   map[string][]int // each edition's pledges by status, in the order of content.Statuses

	// bodies are the department bodies two pages share, until both have
	// had theirs.
	bodies sharedBodies

	datesOnce sync.Once
	dates     map[string]time.Time // each edition's newest report's date
}

// sharedBodies holds what two pages render once: a department's body, which
// its page in its newest edition and its page across editions both show. The
// first page to ask makes it, the second takes it and it is dropped, so the
// bodies held are those of pages rendered in between (few: the build renders
// the two pages one after the other).
type sharedBodies struct {
	mu sync.Mutex
	m  map[bodyKey]*sharedBody
}

type bodyKey struct {
	d    *content.Department
	lang string
}

type sharedBody struct {
	once     sync.Once
	html     template.HTML
	problems diag.List
	err      error
	uses     int // under sharedBodies.mu
}

// get returns the body of d in lang, made by make the first time.
func (s *sharedBodies) get(d *content.Department, lang string, make func() (template.HTML, diag.List, error)) (template.HTML, diag.List, error) {
	k := bodyKey{d, lang}
	s.mu.Lock()
	if s.m == nil {
		s.m = map[bodyKey]*sharedBody{}
	}
	b := s.m[k]
	if b == nil {
		b = &sharedBody{}
		s.m[k] = b
	}
	if b.uses++; b.uses == 2 {
		delete(s.m, k)
	}
	s.mu.Unlock()
	b.once.Do(func() { b.html, b.problems, b.err = make() })
	return b.html, b.problems, b.err
}

// New prepares to render plan's pages. It is cheap: the theme is already loaded,
// and what every page of a language shows is worked out once, here.
func New(th *Theme, cfg *config.Config, s *content.Site, plan *site.Plan) *Renderer {
	r := &Renderer{Theme: th, cfg: cfg, plan: plan, content: s,
		markdown: map[string]*markdown.Renderer{}, locales: map[string]*locale{}}
	var choose []LanguageLink
	for _, l := range cfg.Languages {
		if pg := plan.Lookup(l.Code, ""); pg != nil {
			choose = append(choose, LanguageLink{URL: pg.URL, Lang: l.Lang, Name: l.Name})
		}
	}
	for _, l := range cfg.Languages {
		code := l.Code
		r.markdown[code] = markdown.New(markdown.Options{
			Lang:   code,
			Unsafe: cfg.UnsafeHTML,
			ResolveLink: func(dest string) (string, bool) {
				return plan.Resolve(code, dest)
			},
			// An image is a file of static/, at the same path under the base URL.
			ResolveImage: func(src string) string {
				return plan.FileURL(strings.TrimPrefix(src, "/"))
			},
		})
		lc := newLocale(cfg, th.strings, s.Units, l, th.badge)
		lc.site = r.siteView(lc, choose)
		if lc.err == nil {
			lc.editions, lc.err = r.editionViews(lc)
		}
		r.locales[code] = lc
	}
	return r
}

// siteView is what every page of lc's language shows. The description and the
// intro fall back to the theme's wording; if that is missing too, every page
// of the language reports it (lc.err).
func (r *Renderer) siteView(lc *locale, choose []LanguageLink) *SiteView {
	code := lc.lang.Code
	sv := &SiteView{Lang: lc.lang.Lang, Title: r.cfg.Title[code], Description: r.cfg.Description[code],
		Intro: r.cfg.Intro[code], BasePath: r.cfg.BasePath(), Feed: r.plan.FileURL(r.plan.FeedPath(code)),
		Languages: choose}
	data := r.plan.DataLinks(code, "")
	sv.DataJSON, sv.DataSchema, sv.DataCSV = data.JSON, data.Schema, data.CSV
	if sv.Description == "" {
		sv.Description, lc.err = lc.t("summary_description")
	}
	if sv.Intro == "" && lc.err == nil {
		sv.Intro, lc.err = lc.t("summary_intro")
	}
	if f := r.cfg.Filing; f.ICP != "" {
		sv.Filing = &FilingView{ICP: f.ICP, ICPURL: f.ICPURL(), Police: f.Police}
		if f.Police != "" {
			sv.Filing.PoliceURL = f.PoliceURL()
		}
	}
	if pg := r.plan.Lookup(code, ""); pg != nil {
		sv.Home = pg.URL
	}
	if pg := r.plan.Lookup(code, site.SearchKey); pg != nil {
		sv.Search = pg.URL
	}
	return sv
}

// Page renders one page. Problems in the content it shows (a link to a page that
// does not exist) come back as problems; err is for the theme's mistakes.
func (r *Renderer) Page(pg *site.Page) ([]byte, diag.List, error) {
	var buf bytes.Buffer
	problems, err := r.PageTo(&buf, pg)
	if err != nil {
		return nil, problems, err
	}
	return buf.Bytes(), problems, nil
}

// PageTo renders one page into buf, as Page does. A build renders thousands
// of pages and writes each at once: one buffer per worker, reused, spares
// allocating (and collecting) every page.
func (r *Renderer) PageTo(buf *bytes.Buffer, pg *site.Page) (diag.List, error) {
	var problems diag.List
	v, err := r.view(pg, &problems)
	if err == nil {
		err = r.templates.execute(buf, pg.Kind, pageTemplate, v)
	}
	if err != nil {
		return problems, fmt.Errorf("rendering %s: %w", pg.Path, err)
	}
	return problems, nil
}

// editionTally counts an edition's pledges by status; every edition's are
// counted once, the first time one is asked for.
func (r *Renderer) editionTally(id string) []int {
	r.tallyOnce.Do(func() {
		r.tallied = make(map[string][]int, len(r.content.Editions))
		x := r.content.Index()
		for _, e := range r.content.Editions {
			r.tallied[e.ID] = countStatuses(x.Departments(e.ID))
		}
	})
	if n, ok := r.tallied[id]; ok {
		return n
	}
	return make([]int, len(content.Statuses))
}

// renderMarkdown renders src in lang; broken links are reported at their place in
// file, counted from start, where src's first character is. A zero start.Col
// means the column is unknown.
func (r *Renderer) renderMarkdown(lang string, src string, file string, start diag.Pos, problems *diag.List) (template.HTML, error) {
	res, err := r.markdown[lang].Render([]byte(src))
	if err != nil {
		return "", err
	}
	// src's line l, column c is the file's line start.Line+l-1, and on its
	// first line column start.Col+c-1.
	at := func(line, col int) diag.Pos {
		pos := diag.Pos{File: file, Line: start.Line + line - 1}
		if start.Col > 0 && col > 0 {
			pos.Col = start.Col + col - 1
		}
		return pos
	}
	for _, x := range res.Refused {
		problems.Errorf(at(x.Line, x.Col), x.Hint, "%s", x.Msg)
	}
	for _, b := range res.BrokenLinks {
		problems.Errorf(at(b.Line, b.Col), "link to /departments/<slug>/ or /articles/<slug>/ without the language; the slug is the file name",
			"link to %q points to no page", b.Dest)
	}
	// The renderer has escaped or dropped raw HTML unless the site allows it.
	return template.HTML(res.HTML), nil
}

// CheckLinks renders every Markdown text (statements, article bodies) in every
// language, without the templates, and reports internal links that point to no
// page. The build uses it when the content has other errors and no page is
// rendered, so broken links are reported in the same run as everything else.
func (r *Renderer) CheckLinks() diag.List {
	var problems diag.List
	for _, d := range r.content.Departments {
		for _, l := range r.cfg.Languages {
			if lt, ok := d.Statement.Lookup(l.Code); ok && lt.Value != "" {
				_, _ = r.renderMarkdown(l.Code, lt.Value, d.File, lt.Pos, &problems)
			}
		}
	}
	for _, slug := range r.content.ArticleSlugs {
		for _, l := range r.cfg.Languages {
			if a := r.content.Articles[slug][l.Code]; a != nil && a.Body != nil {
				_, _ = r.renderMarkdown(l.Code, string(a.Body), a.File, diag.Pos{Line: a.BodyLine, Col: 1}, &problems)
			}
		}
	}
	return problems
}
