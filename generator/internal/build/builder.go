package build

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
	"leitai/generator/internal/diag"
	"leitai/generator/internal/opendata"
	"leitai/generator/internal/render"
	"leitai/generator/internal/site"
	"leitai/generator/internal/sitefs"
)

// Builder keeps a site loaded between builds, so the preview server can rebuild
// only what a change affects: one department's pages and the pages that list it,
// not the whole site. It runs the same load → validate → plan → render steps as
// Run, on the files that changed. Output goes to memory; the last good output
// stays in place while the content has errors.
//
// The output is always a build of some state of the files: the last that had
// no errors (good). Changes made since then are kept (pending) until the
// content is fine again, and then rendered together, against the good state,
// so a fix made in several saves, or a file broken and put back, leaves no
// page of an earlier state behind.
//
// A Builder is used from one goroutine at a time; its Output may be read from any.
type Builder struct {
	opts Options
	out  *Memory

	// The files as they are now, loaded; nil until a config is read.
	cfg   *config.Config
	theme *render.Theme
	site  *content.Site

	// good is what out was built from; nil when out holds no build of the
	// current config (none yet, or the config changed since).
	good    *built
	pending change // what changed since good

	// Problems are kept per source, so fixing one file clears exactly its own.
	configProblems diag.List
	themeProblems  diag.List
	fileProblems   map[string]diag.List // content file (as in messages) → problems
	siteProblems   diag.List            // Validate's
	// pageProblems are those found rendering the pages (output path → problems):
	// good's for the pages not rendered since, the new ones for the others.
	pageProblems map[string]diag.List
	// linkProblems are Renderer.CheckLinks', found when the content has errors
	// and no page is rendered, as Run finds them.
	linkProblems diag.List
	// renderProblems are the theme's failures found rendering (a template's
	// error, a static file that cannot be read): of the last rendering only.
	renderProblems diag.List

	extras []string // paths of the files that are not pages

	// deptProblems caches each department's own checks (content.ValidateDepartment).
	deptProblems map[*content.Department]diag.List
}

// built is a state of the files that out holds a build of.
type built struct {
	plan         *site.Plan
	site         *content.Site
	theme        *render.Theme
	pageProblems map[string]diag.List
}

// change is what a batch of edits (or all batches since the last good build)
// touched.
type change struct {
	depts    map[deptKey]bool // departments, in their editions
	articles map[string]bool  // slugs
	groups   bool
	theme    bool
	kinds    map[site.Kind]bool // page kinds whose layout changed
	allPages bool               // a layout every page uses changed
}

// deptKey names a department in an edition.
type deptKey struct{ edition, slug string }

func newChange() change {
	return change{depts: map[deptKey]bool{}, articles: map[string]bool{}, kinds: map[site.Kind]bool{}}
}

// add makes c what c and o changed together.
func (c *change) add(o change) {
	if c.depts == nil {
		*c = newChange()
	}
	for k := range o.depts {
		c.depts[k] = true
	}
	for k := range o.articles {
		c.articles[k] = true
	}
	for k := range o.kinds {
		c.kinds[k] = true
	}
	c.groups = c.groups || o.groups
	c.theme = c.theme || o.theme
	c.allPages = c.allPages || o.allPages
}

// Update says what a build or rebuild did.
type Update struct {
	Problems diag.List // every problem the site has now, sorted
	Written  []string  // output paths rendered, sorted
	Changed  []string  // the files (absolute) Apply was given; nil for a first build
	Full     bool
	Duration time.Duration
}

// OK reports whether the output is current: the content has no errors.
func (u *Update) OK() bool { return !u.Problems.HasErrors() }

// NewBuilder prepares a builder; call Full before anything else.
func NewBuilder(o Options) *Builder {
	return &Builder{opts: o, out: NewMemory()}
}

// Output is the last good build.
func (b *Builder) Output() *Memory { return b.out }

// Config is the configuration of the last successful load, or nil.
func (b *Builder) Config() *config.Config { return b.cfg }

// WatchRoots lists what a watcher should watch: the config file and the folders
// whose files feed the build.
func (b *Builder) WatchRoots() (file string, dirs []string) {
	cfgFile, _ := filepath.Abs(b.opts.Config)
	if b.cfg == nil {
		return cfgFile, []string{filepath.Dir(cfgFile)}
	}
	return cfgFile, []string{b.cfg.ContentDir(), b.cfg.Dir("themes"), b.cfg.Dir("layouts"), b.cfg.Dir("static")}
}

// Full loads and renders everything, as Run does, into memory. The last good
// output stays until a build without errors replaces it.
func (b *Builder) Full() *Update {
	start := time.Now()
	u := &Update{Full: true}
	defer func() { u.Duration = time.Since(start) }()

	b.cfg, b.theme, b.site, b.good, b.pending = nil, nil, nil, nil, change{}
	b.fileProblems = map[string]diag.List{}
	b.pageProblems = map[string]diag.List{}
	b.deptProblems = nil
	b.themeProblems, b.siteProblems = nil, nil
	cfg, problems := config.Load(b.opts.Config, b.opts.Overrides)
	b.configProblems = problems
	if cfg == nil {
		// Until config.yaml is fixed, every change is a Full again.
		u.Problems = b.problems()
		return u
	}
	b.cfg = cfg
	b.theme, b.themeProblems = render.LoadTheme(cfg)
	s, problems := content.Load(cfg.ContentDir(), cfg.Codes())
	for _, p := range problems {
		b.fileProblems[p.File] = append(b.fileProblems[p.File], p)
	}
	b.site = s
	return b.rebuild(u, change{})
}

// Apply rebuilds after the files at paths (absolute) changed, were created or
// were removed. It falls back to Full when a change touches everything.
func (b *Builder) Apply(paths []string) *Update {
	full := func() *Update {
		u := b.Full()
		u.Changed = paths
		return u
	}
	if b.cfg == nil || b.site == nil || b.theme == nil {
		return full()
	}
	start := time.Now()
	u := &Update{Changed: paths}
	defer func() { u.Duration = time.Since(start) }()

	ch := newChange()
	s := b.site.Clone()
	cfgFile, _ := filepath.Abs(b.opts.Config)
	rel := func(p string) string {
		r, _ := filepath.Rel(b.cfg.Root, p)
		return filepath.ToSlash(r)
	}
	for _, p := range paths {
		switch {
		case p == cfgFile:
			return full()
		case within(p, b.cfg.Dir("themes")), within(p, b.cfg.Dir("layouts")), within(p, b.cfg.Dir("static")):
			ch.theme = true
			if ks, ok := pageKindsOf(p, b.cfg); ok {
				for _, k := range ks {
					ch.kinds[k] = true
				}
			} else {
				ch.allPages = true
			}
		case within(p, b.cfg.ContentDir()):
			r := rel(p)
			dir, name := filepath.Dir(p), filepath.Base(p)
			edition, kind, ok := b.editionOf(dir)
			switch {
			case r == "content/groups.yaml":
				if !b.reloadGroups(s, p, r) {
					return full()
				}
				ch.groups = true
				b.deptProblems = nil // a department's group may have come or gone
			case ok && kind == "departments" && strings.HasSuffix(name, ".yaml"):
				ch.depts[deptKey{edition, strings.TrimSuffix(name, ".yaml")}] = true
				b.reloadDepartment(s, p, r, edition)
			case ok && kind == "articles" && strings.HasSuffix(name, ".md"):
				slug := b.reloadArticle(s, p, r, edition, ch.depts)
				if slug == "" {
					return full()
				}
				ch.articles[slug] = true
			default:
				// An edition's file (its number may be every page's), a new
				// folder or a file that does not belong: a full load reports it.
				return full()
			}
		}
	}
	if ch.theme {
		b.theme, b.themeProblems = render.LoadTheme(b.cfg)
	}
	s.Sort()
	b.site = s
	return b.rebuild(u, ch)
}

// rebuild validates the files as loaded now and, when they have no errors,
// renders what changed since the last good build (everything, when there is
// none) and puts it in place.
func (b *Builder) rebuild(u *Update, ch change) *Update {
	b.pending.add(ch)
	// What the last rendering found is of files as they were: whether there
	// are errors now is for validation to say first.
	b.pageProblems, b.linkProblems, b.renderProblems = nil, nil, nil
	b.validate()
	if b.hasErrors() {
		// As Run does: no page is rendered from content with errors, but the
		// Markdown's links are checked on their own.
		b.linkProblems = render.New(b.theme, b.cfg, b.site, site.New(b.cfg, b.site)).CheckLinks()
		u.Problems = b.problems()
		return u
	}
	if b.good == nil {
		return b.renderAll(u)
	}
	return b.renderChanged(u)
}

// renderAll renders every page and replaces the output with them.
func (b *Builder) renderAll(u *Update) *Update {
	plan := site.New(b.cfg, b.site)
	b.pageProblems = map[string]diag.List{}
	staged := NewMemory()
	if err := copyAssets(b.theme, staged); err != nil {
		b.renderProblems.Errorf(diag.Pos{File: "static"}, "", "%v", err)
	}
	u.Written = b.render(plan, plan.Pages, staged)
	b.writeExtras(plan, staged)
	if !b.hasErrors() {
		b.out.replace(staged)
		b.settle(plan)
	}
	u.Problems = b.problems()
	return u
}

// renderChanged renders the pages that what changed since the last good build
// may have changed, and merges them into the output.
func (b *Builder) renderChanged(u *Update) *Update {
	ch, good := b.pending, b.good
	b.pageProblems = make(map[string]diag.List, len(good.pageProblems))
	for p, l := range good.pageProblems {
		b.pageProblems[p] = l
	}
	// An edit inside department files keeps every page where it was: the plan
	// only needs the new departments. Anything else is planned anew.
	var plan *site.Plan
	structure := true
	if len(ch.articles) == 0 && !ch.groups {
		if p, ok := good.plan.Rebind(good.site, b.site); ok {
			plan, structure = p, false
		}
	}
	if structure {
		plan = site.New(b.cfg, b.site)
		structure = !samePages(good.plan, plan) || ch.groups
	}

	// Which pages to render again. After an edit inside department files, the
	// plan knows which pages show each department; otherwise every page is
	// looked at.
	var pages []*site.Page
	if !structure && !ch.theme && len(ch.articles) == 0 && !ch.groups {
		pages = showing(plan, b.cfg.Codes(), ch.depts)
	} else {
		allPages := ch.allPages || ch.theme && len(ch.kinds) == 0
		pages = affected(plan, allPages, structure, ch)
	}
	// The pages at the other end of the changed departments' links, as the
	// output has them (good) and as they are now.
	pages = append(pages, linkedPages(plan, b.cfg.Codes(), ch.depts, good.site, b.site, pages)...)
	var remove []string
	if ch.theme {
		remove = removedAssets(good.theme.Assets(), b.theme.Assets())
	}
	if structure {
		remove = append(remove, removedPaths(good.plan, plan)...)
		for _, p := range remove {
			delete(b.pageProblems, p)
		}
	}
	staged := NewMemory()
	if ch.theme {
		if err := copyAssets(b.theme, staged); err != nil {
			b.renderProblems.Errorf(diag.Pos{File: "static"}, "", "%v", err)
		}
	}
	u.Written = b.render(plan, pages, staged)
	// The feeds, sitemap, open data and _headers list the whole site, so any
	// change may touch them. A theme change is checked now; after a content
	// change they are written when first asked for, which keeps a save at ten
	// thousand departments as quick as at ten.
	if ch.theme {
		b.writeExtras(plan, staged)
	}
	if !b.hasErrors() {
		b.out.merge(staged, remove)
		if !ch.theme {
			b.deferExtras(plan)
		}
		b.settle(plan)
	}
	u.Problems = b.problems()
	return u
}

// settle records that the output is now a build of the files as loaded.
func (b *Builder) settle(plan *site.Plan) {
	b.good = &built{plan: plan, site: b.site, theme: b.theme, pageProblems: b.pageProblems}
	b.pending = change{}
}

// editionOf says which edition's folder dir (on disk) is part of, and which of
// its folders it is ("departments", "articles"). ok is false for a folder no
// edition of the loaded site has.
func (b *Builder) editionOf(dir string) (edition, kind string, ok bool) {
	root := b.cfg.ContentDir()
	kind = filepath.Base(dir)
	parent := filepath.Dir(dir)
	for _, e := range b.site.Editions {
		if b.site.Layered && parent == filepath.Join(root, "editions", e.ID) ||
			!b.site.Layered && parent == root {
			return e.ID, kind, true
		}
	}
	return "", "", false
}

// affected lists the pages a change may have changed, looking at every page.
func affected(plan *site.Plan, allPages, structure bool, ch change) []*site.Page {
	var pages []*site.Page
	dept := func(k site.Kind) bool { return k == site.Department || k == site.Appearance }
	for _, pg := range plan.Pages {
		switch {
		case allPages, structure && (dept(pg.Kind) || pg.Kind == site.Redirect), ch.kinds[pg.Kind]:
		case (pg.Kind == site.Summary || pg.Kind == site.Archive) && (len(ch.depts) > 0 || len(ch.articles) > 0 || ch.groups):
		case dept(pg.Kind) && touchesDepartment(pg, ch.depts):
		case pg.Kind == site.Article && (ch.articles[pg.Article.Slug] || structure):
		case pg.Kind == site.Group && (structure || listsDepartment(pg, ch.depts)):
		case pg.Kind == site.Articles && (structure || len(ch.articles) > 0):
		default:
			continue
		}
		pages = append(pages, pg)
	}
	return pages
}

// showing lists the pages that show the departments: their own, their
// neighbours', their group's listing page, the page across editions, and the
// summaries and the archive page of their edition, which count its pledges.
func showing(plan *site.Plan, langs []string, depts map[deptKey]bool) []*site.Page {
	seen := map[*site.Page]bool{}
	var out []*site.Page
	add := func(pg *site.Page) {
		if pg != nil && !seen[pg] {
			seen[pg] = true
			out = append(out, pg)
		}
	}
	for _, l := range langs {
		add(plan.Lookup(l, ""))
	}
	for k := range depts {
		for _, pg := range plan.Showing(k.edition, k.slug) {
			add(pg)
		}
	}
	return out
}

// linkedPages lists the pages, not among have, of the departments at the other
// end of a changed department's links whose sentences about it changed: a link
// made, dropped or moved, or the name or status they show. old is the site the
// output was made from, now the site as it is.
func linkedPages(plan *site.Plan, langs []string, depts map[deptKey]bool, old, now *content.Site, have []*site.Page) []*site.Page {
	ox, nx := old.Index(), now.Index()
	if !ox.HasLinks() && !nx.HasLinks() {
		return nil
	}
	seen := make(map[*site.Page]bool, len(have))
	for _, pg := range have {
		seen[pg] = true
	}
	var out []*site.Page
	for k := range depts {
		o, n := ox.Appearance(k.edition, k.slug), nx.Appearance(k.edition, k.slug)
		others := map[deptKey]bool{}
		for _, side := range []struct {
			x *content.Index
			d *content.Department
		}{{ox, o}, {nx, n}} {
			if side.d == nil {
				continue
			}
			for _, x := range side.x.Linked(side.d) {
				others[deptKey{x.EditionID, x.Slug}] = true
			}
		}
		for ok := range others {
			if linkSignature(ox, o, ok) == linkSignature(nx, n, ok) {
				continue // what its pages say of the department is what they said
			}
			x := nx.Appearance(ok.edition, ok.slug)
			if x == nil {
				continue // gone: a structural change renders what it must
			}
			for _, l := range langs {
				for _, pg := range []*site.Page{plan.DepartmentPage(l, x), plan.CrossPage(l, x.Slug)} {
					if pg != nil && !seen[pg] {
						seen[pg] = true
						out = append(out, pg)
					}
				}
			}
		}
	}
	return out
}

// linkSignature is what the pages of the department other say of d's links
// with it: which pledges are linked, how, and d's name and those pledges' ids
// (their anchors, which the links lead to) and statuses. Equal signatures before and after an edit of d mean other's pages
// need not be rendered again.
func linkSignature(x *content.Index, d *content.Department, other deptKey) string {
	if d == nil {
		return ""
	}
	var b strings.Builder
	for i := range d.Pledges {
		mark := func(kind string, r content.PledgeRef, again bool) {
			if r.Department.EditionID == other.edition && r.Department.Slug == other.slug {
				fmt.Fprintf(&b, "%s%d:%s:%d:%t:%s;", kind, i, d.Pledges[i].ID, r.Index, again, d.Pledges[i].Status)
			}
		}
		if r, ok := x.Earlier(d, i); ok {
			mark("e", r, d.Pledges[i].Link.Again)
		}
		for _, r := range x.Later(d, i) {
			mark("l", r, r.Pledge().Link.Again)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	for _, l := range d.Name.Langs {
		b.WriteString(l.Lang + "=" + l.Value + ";")
	}
	return b.String()
}

// render renders pages of plan into staged and records their problems.
func (b *Builder) render(plan *site.Plan, pages []*site.Page, staged *Memory) []string {
	r := render.New(b.theme, b.cfg, b.site, plan)
	written := make([]string, 0, len(pages))
	for _, pg := range pages {
		delete(b.pageProblems, pg.Path)
		written = append(written, pg.Path)
	}
	perPage, err := renderPages(r, pages, staged)
	if err != nil {
		b.renderProblems.Errorf(diag.Pos{File: "templates"}, "fix the template; the message names the file", "%v", err)
	}
	for i, l := range perPage {
		if len(l) > 0 {
			b.pageProblems[pages[i].Path] = l
		}
	}
	sort.Strings(written)
	return written
}

// writeExtras writes the files that are not pages into staged, and remembers
// their paths.
func (b *Builder) writeExtras(plan *site.Plan, staged *Memory) {
	r := render.New(b.theme, b.cfg, b.site, plan)
	rec := &recordingSink{Sink: staged}
	if _, err := writeExtras(r, plan, b.site, b.theme, rec); err != nil {
		b.renderProblems.Errorf(diag.Pos{File: "build"}, "", "writing data files: %v", err)
	}
	b.extras = rec.paths
}

// deferExtras leaves the files that are not pages to be written when first
// asked for, from the site as it is now. Only content changed, which validation
// has checked, so they are written by the same code from valid input.
func (b *Builder) deferExtras(plan *site.Plan) {
	r := render.New(b.theme, b.cfg, b.site, plan)
	s, th := b.site, b.theme
	b.out.deferWrite(b.extras, func(m *Memory) error {
		_, err := writeExtras(r, plan, s, th, m)
		return err
	})
}

// recordingSink notes the paths written through it.
type recordingSink struct {
	Sink
	paths []string
}

func (r *recordingSink) WriteFile(rel string, data []byte) error {
	r.paths = append(r.paths, rel)
	return r.Sink.WriteFile(rel, data)
}

func (r *recordingSink) Stream(rel string, write func(io.Writer) error) error {
	r.paths = append(r.paths, rel)
	return r.Sink.Stream(rel, write)
}

// validate checks the site. A department's own checks are kept from the last
// run while its file (the same *Department) is unchanged: at ten thousand
// departments, checking them all again would cost more than the rest of a
// rebuild. The checks that span files run every time; they are cheap.
func (b *Builder) validate() {
	o := content.ValidateOptions{Langs: b.cfg.Codes(), PendingTranslations: b.cfg.PendingTranslations, EventDate: b.cfg.EventDate}
	b.siteProblems = content.ValidateSite(b.site, o)
	b.siteProblems.Append(opendata.CheckGroups(b.site.Groups))
	if b.deptProblems == nil {
		b.deptProblems = make(map[*content.Department]diag.List, len(b.site.Departments))
	}
	for _, d := range b.site.Departments {
		l, ok := b.deptProblems[d]
		if !ok {
			l = content.ValidateDepartment(b.site, d, o)
			l.Append(opendata.CheckDepartment(d))
			b.deptProblems[d] = l
		}
		b.siteProblems.Append(l)
	}
	// Departments replaced or removed leave their entries behind, unless
	// reloadDepartment dropped them; the map never holds more than the site.
	if len(b.deptProblems) > len(b.site.Departments) {
		kept := make(map[*content.Department]diag.List, len(b.site.Departments))
		for _, d := range b.site.Departments {
			kept[d] = b.deptProblems[d]
		}
		b.deptProblems = kept
	}
}

func (b *Builder) problems() diag.List {
	var all diag.List
	all.Append(b.configProblems)
	all.Append(b.themeProblems)
	all.Append(b.siteProblems)
	all.Append(b.linkProblems)
	all.Append(b.renderProblems)
	for _, l := range b.fileProblems {
		all.Append(l)
	}
	for _, l := range b.pageProblems {
		all.Append(l)
	}
	all.Sort()
	return all
}

func (b *Builder) hasErrors() bool { return b.problems().HasErrors() }

func (b *Builder) reloadDepartment(s *content.Site, path, rel, edition string) {
	slug := strings.TrimSuffix(filepath.Base(path), ".yaml")
	delete(b.fileProblems, rel)
	if old := s.FindDepartment(edition, slug); old != nil {
		delete(b.deptProblems, old)
	}
	data, err := b.read(path)
	if errors.Is(err, os.ErrNotExist) {
		s.RemoveDepartment(edition, slug)
		return
	}
	var problems diag.List
	var outside *sitefs.Outside
	if errors.As(err, &outside) {
		s.RemoveDepartment(edition, slug)
		problems.Add(sitefs.Problem(rel, err))
	} else if err != nil {
		s.RemoveDepartment(edition, slug)
		problems.Errorf(diag.Pos{File: rel}, "", "cannot read: %v", err)
	} else if d := content.DecodeDepartment(rel, data, b.cfg.Codes(), &problems); d != nil {
		d.EditionID = edition
		s.PutDepartment(d)
	} else {
		s.RemoveDepartment(edition, slug)
	}
	if len(problems) > 0 {
		b.fileProblems[rel] = problems
	}
}

// reloadArticle returns the article's slug, or "" when the file name says none.
//
// The departments the article covers, before and after, go into covers: their
// pages cite it. An article whose slug another edition's article has is left
// to a full load, which reports it.
func (b *Builder) reloadArticle(s *content.Site, path, rel, edition string, covers map[deptKey]bool) string {
	base := strings.TrimSuffix(filepath.Base(path), ".md")
	dot := strings.LastIndexByte(base, '.')
	if dot < 0 {
		return ""
	}
	slug, lang := base[:dot], base[dot+1:]
	for _, a := range s.Articles[slug] {
		if a.EditionID != edition {
			return ""
		}
	}
	delete(b.fileProblems, rel)
	cover := func() {
		for _, a := range s.Articles[slug] {
			for _, d := range a.Covers {
				// The pages of the department in every edition cite the reports.
				for _, o := range s.Departments {
					if o.Slug == d {
						covers[deptKey{o.EditionID, d}] = true
					}
				}
			}
		}
	}
	cover()
	defer cover()
	s.RemoveArticle(slug, lang)
	data, err := b.read(path)
	if errors.Is(err, os.ErrNotExist) {
		return slug
	}
	var problems diag.List
	var outside *sitefs.Outside
	if errors.As(err, &outside) {
		problems.Add(sitefs.Problem(rel, err))
	} else if err != nil {
		problems.Errorf(diag.Pos{File: rel}, "", "cannot read: %v", err)
	} else if a := content.DecodeArticle(rel, data, b.cfg.Codes(), &problems); a != nil {
		a.EditionID = edition
		s.AddArticle(a)
	}
	if len(problems) > 0 {
		b.fileProblems[rel] = problems
	}
	return slug
}

// reloadGroups reports false when the file is gone, which a full load explains.
func (b *Builder) reloadGroups(s *content.Site, path, rel string) bool {
	data, err := b.read(path)
	if err != nil {
		return false // a full load reports why
	}
	var problems diag.List
	s.Groups = content.DecodeGroups(rel, data, b.cfg.Codes(), &problems)
	delete(b.fileProblems, rel)
	if len(problems) > 0 {
		b.fileProblems[rel] = problems
	}
	return true
}

// read reads a content file as content.Load would: never through a link out
// of the site's folder (a *sitefs.Outside error).
func (b *Builder) read(path string) ([]byte, error) {
	if err := sitefs.New(b.cfg.Root).Check(path); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// pageKindsOf says which kinds of page a layout file renders, when it renders
// those only: department.html affects the pages of departments, in an edition
// and across editions; baseof.html, partials, strings and assets affect all.
func pageKindsOf(p string, cfg *config.Config) ([]site.Kind, bool) {
	dir := filepath.Dir(p)
	if dir != cfg.Dir("layouts") && dir != filepath.Join(cfg.ThemeDir(), "layouts") {
		return nil, false
	}
	k := site.Kind(strings.TrimSuffix(filepath.Base(p), ".html"))
	switch k {
	case site.Department:
		return []site.Kind{site.Department, site.Appearance}, true
	case site.Home, site.Summary, site.Article, site.NotFound, site.Search, site.Archive, site.Redirect:
		return []site.Kind{k}, true
	}
	return nil, false
}

// touchesDepartment reports whether a department page shows one of the changed
// departments: its own, as its previous or next, or, across editions, in
// another edition.
func touchesDepartment(pg *site.Page, changed map[deptKey]bool) bool {
	has := func(d *content.Department) bool { return d != nil && changed[deptKey{d.EditionID, d.Slug}] }
	if has(pg.Department) || has(pg.Prev) || has(pg.Next) {
		return true
	}
	for _, d := range pg.Appearances {
		if has(d) {
			return true
		}
	}
	return false
}

// listsDepartment reports whether a group's listing page shows a card of one of
// the changed departments.
func listsDepartment(pg *site.Page, changed map[deptKey]bool) bool {
	for _, d := range pg.Departments {
		if changed[deptKey{d.EditionID, d.Slug}] {
			return true
		}
	}
	return false
}

// samePages reports whether two plans have the same pages in the same order.
func samePages(a, b *site.Plan) bool {
	if len(a.Pages) != len(b.Pages) {
		return false
	}
	for i := range a.Pages {
		if a.Pages[i].Path != b.Pages[i].Path {
			return false
		}
	}
	return true
}

// removedPaths lists the pages of old that new no longer has.
func removedPaths(old, new *site.Plan) []string {
	keep := map[string]bool{}
	for _, pg := range new.Pages {
		keep[pg.Path] = true
	}
	var out []string
	for _, pg := range old.Pages {
		if !keep[pg.Path] {
			out = append(out, pg.Path)
		}
	}
	return out
}

// removedAssets lists the asset paths of old that new no longer has: a changed
// stylesheet has a new fingerprint, and the old name must go.
func removedAssets(old, new []render.Asset) []string {
	keep := map[string]bool{}
	for _, a := range new {
		keep[a.Path] = true
	}
	var out []string
	for _, a := range old {
		if !keep[a.Path] {
			out = append(out, a.Path)
		}
	}
	return out
}

func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}
