package build

import (
	"errors"
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
// A Builder is used from one goroutine at a time; its Output may be read from any.
type Builder struct {
	opts Options
	out  *Memory

	cfg   *config.Config
	theme *render.Theme
	site  *content.Site
	plan  *site.Plan

	// Problems are kept per source, so fixing one file clears exactly its own.
	configProblems diag.List
	themeProblems  diag.List
	fileProblems   map[string]diag.List // content file (as in messages) → problems
	pageProblems   map[string]diag.List // output path → problems found rendering it
	siteProblems   diag.List            // Validate's

	extras []string // paths of the files that are not pages

	// deptProblems caches each department's own checks (content.ValidateDepartment).
	deptProblems map[*content.Department]diag.List
}

// Update says what a build or rebuild did.
type Update struct {
	Problems diag.List // every problem the site has now, sorted
	Written  []string  // output paths rendered, sorted
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

// Full loads and renders everything, as Run does, into memory.
func (b *Builder) Full() *Update {
	start := time.Now()
	u := &Update{Full: true}
	defer func() { u.Duration = time.Since(start) }()

	b.fileProblems = map[string]diag.List{}
	b.pageProblems = map[string]diag.List{}
	b.deptProblems = nil
	b.themeProblems, b.siteProblems = nil, nil
	cfg, problems := config.Load(b.opts.Config, b.opts.Overrides)
	b.configProblems = problems
	if cfg == nil {
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
	b.validate()
	if b.hasErrors() {
		u.Problems = b.problems()
		return u
	}
	b.plan = site.New(cfg, s)
	staged := NewMemory()
	if err := copyAssets(b.theme, staged); err != nil {
		b.themeProblems.Errorf(diag.Pos{File: "static"}, "", "%v", err)
	}
	u.Written = b.render(b.plan.Pages, staged)
	b.writeExtras(staged)
	if !b.hasErrors() {
		b.out.replace(staged)
	}
	u.Problems = b.problems()
	return u
}

// Apply rebuilds after the files at paths (absolute) changed, were created or
// were removed. It falls back to Full when a change touches everything.
func (b *Builder) Apply(paths []string) *Update {
	if b.cfg == nil || b.site == nil || b.theme == nil {
		return b.Full()
	}
	start := time.Now()
	u := &Update{}
	defer func() { u.Duration = time.Since(start) }()

	var themeChanged, allPages bool
	kinds := map[site.Kind]bool{}
	changedDepts := map[string]bool{}
	changedArticles := map[string]bool{}
	groupsChanged := false
	s := b.site.Clone()
	cfgFile, _ := filepath.Abs(b.opts.Config)
	rel := func(p string) string {
		r, _ := filepath.Rel(b.cfg.Root, p)
		return filepath.ToSlash(r)
	}
	for _, p := range paths {
		switch {
		case p == cfgFile:
			return b.Full()
		case within(p, b.cfg.Dir("themes")), within(p, b.cfg.Dir("layouts")), within(p, b.cfg.Dir("static")):
			themeChanged = true
			if k, ok := pageKindOf(p, b.cfg); ok {
				kinds[k] = true
			} else {
				allPages = true
			}
		case within(p, b.cfg.ContentDir()):
			r := rel(p)
			dir, name := filepath.Dir(p), filepath.Base(p)
			switch {
			case r == "content/groups.yaml":
				if !b.reloadGroups(s, p, r) {
					return b.Full()
				}
				groupsChanged = true
				b.deptProblems = nil // a department's group may have come or gone
			case dir == filepath.Join(b.cfg.ContentDir(), "departments") && strings.HasSuffix(name, ".yaml"):
				changedDepts[strings.TrimSuffix(name, ".yaml")] = true
				b.reloadDepartment(s, p, r)
			case dir == filepath.Join(b.cfg.ContentDir(), "articles") && strings.HasSuffix(name, ".md"):
				slug := b.reloadArticle(s, p, r, changedDepts)
				if slug == "" {
					return b.Full()
				}
				changedArticles[slug] = true
			default:
				// A new folder or a file that does not belong: a full load reports it.
				return b.Full()
			}
		}
	}

	var remove []string
	if themeChanged {
		old := b.theme.Assets()
		b.theme, b.themeProblems = render.LoadTheme(b.cfg)
		remove = removedAssets(old, b.theme.Assets())
		if len(kinds) == 0 {
			allPages = true
		}
	}
	s.Sort()
	oldPlan, oldSite := b.plan, b.site
	b.site = s
	b.validate()
	if b.hasErrors() {
		u.Problems = b.problems()
		return u
	}
	// An edit inside department files keeps every page where it was: the plan
	// only needs the new departments. Anything else is planned anew.
	structure := true
	if len(changedArticles) == 0 && !groupsChanged {
		if p, ok := oldPlan.Rebind(oldSite, s); ok {
			b.plan, structure = p, false
		}
	}
	if structure {
		b.plan = site.New(b.cfg, s)
		structure = !samePages(oldPlan, b.plan) || groupsChanged
	}

	// Which pages to render again. After an edit inside department files, the
	// plan knows which pages show each department; otherwise every page is
	// looked at.
	var pages []*site.Page
	if !structure && !themeChanged && len(changedArticles) == 0 && !groupsChanged {
		pages = b.showing(changedDepts)
	} else {
		pages = b.affected(allPages, structure, kinds, changedDepts, changedArticles, groupsChanged)
	}
	staged := NewMemory()
	if themeChanged {
		if err := copyAssets(b.theme, staged); err != nil {
			b.themeProblems.Errorf(diag.Pos{File: "static"}, "", "%v", err)
		}
	}
	u.Written = b.render(pages, staged)
	// The feeds, sitemap, open data and _headers list the whole site, so any
	// change may touch them. A theme change is checked now; after a content
	// change they are written when first asked for, which keeps a save at ten
	// thousand departments as quick as at ten.
	if themeChanged {
		b.writeExtras(staged)
	}
	if !b.hasErrors() {
		if structure {
			remove = append(remove, removedPaths(oldPlan, b.plan)...)
		}
		b.out.merge(staged, remove)
		if !themeChanged {
			b.deferExtras()
		}
	}
	u.Problems = b.problems()
	return u
}

// affected lists the pages a change may have changed, looking at every page.
func (b *Builder) affected(allPages, structure bool, kinds map[site.Kind]bool, changedDepts, changedArticles map[string]bool, groupsChanged bool) []*site.Page {
	var pages []*site.Page
	for _, pg := range b.plan.Pages {
		switch {
		case allPages, structure && pg.Kind == site.Department, kinds[pg.Kind]:
		case pg.Kind == site.Summary && (len(changedDepts) > 0 || len(changedArticles) > 0 || groupsChanged):
		case pg.Kind == site.Department && touchesDepartment(pg, changedDepts):
		case pg.Kind == site.Article && (changedArticles[pg.Article.Slug] || structure):
		case pg.Kind == site.Group && (structure || listsDepartment(pg, changedDepts)):
		case pg.Kind == site.Articles && (structure || len(changedArticles) > 0):
		default:
			continue
		}
		pages = append(pages, pg)
	}
	return pages
}

// showing lists the pages that show the departments: their own, their
// neighbours', their group's listing page, and the summaries, which count every
// pledge.
func (b *Builder) showing(slugs map[string]bool) []*site.Page {
	seen := map[*site.Page]bool{}
	var out []*site.Page
	add := func(pg *site.Page) {
		if pg != nil && !seen[pg] {
			seen[pg] = true
			out = append(out, pg)
		}
	}
	for _, l := range b.cfg.Codes() {
		add(b.plan.Lookup(l, ""))
	}
	for slug := range slugs {
		for _, pg := range b.plan.Showing(slug) {
			add(pg)
		}
	}
	return out
}

// render renders pages into staged and records their problems.
func (b *Builder) render(pages []*site.Page, staged *Memory) []string {
	r := render.New(b.theme, b.cfg, b.site, b.plan)
	written := make([]string, 0, len(pages))
	for _, pg := range pages {
		delete(b.pageProblems, pg.Path)
		written = append(written, pg.Path)
	}
	perPage, err := renderPages(r, pages, staged)
	if err != nil {
		b.themeProblems.Errorf(diag.Pos{File: "templates"}, "fix the template; the message names the file", "%v", err)
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
func (b *Builder) writeExtras(staged *Memory) {
	r := render.New(b.theme, b.cfg, b.site, b.plan)
	rec := &recordingSink{Sink: staged}
	if _, err := writeExtras(r, b.plan, b.site, b.theme, rec); err != nil {
		b.themeProblems.Errorf(diag.Pos{File: "build"}, "", "writing data files: %v", err)
	}
	b.extras = rec.paths
}

// deferExtras leaves the files that are not pages to be written when first
// asked for, from the site as it is now. Only content changed, which validation
// has checked, so they are written by the same code from valid input.
func (b *Builder) deferExtras() {
	r := render.New(b.theme, b.cfg, b.site, b.plan)
	plan, s, th := b.plan, b.site, b.theme
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

func (b *Builder) reloadDepartment(s *content.Site, path, rel string) {
	slug := strings.TrimSuffix(filepath.Base(path), ".yaml")
	delete(b.fileProblems, rel)
	if old := s.Department(slug); old != nil {
		delete(b.deptProblems, old)
	}
	data, err := b.read(path)
	if errors.Is(err, os.ErrNotExist) {
		s.RemoveDepartment(slug)
		return
	}
	var problems diag.List
	var outside *sitefs.Outside
	if errors.As(err, &outside) {
		s.RemoveDepartment(slug)
		problems.Add(sitefs.Problem(rel, err))
	} else if err != nil {
		s.RemoveDepartment(slug)
		problems.Errorf(diag.Pos{File: rel}, "", "cannot read: %v", err)
	} else if d := content.DecodeDepartment(rel, data, b.cfg.Codes(), &problems); d != nil {
		s.PutDepartment(d)
	} else {
		s.RemoveDepartment(slug)
	}
	if len(problems) > 0 {
		b.fileProblems[rel] = problems
	}
}

// reloadArticle returns the article's slug, or "" when the file name says none.
//
// The departments the article covers, before and after, go into covers: their
// pages cite it.
func (b *Builder) reloadArticle(s *content.Site, path, rel string, covers map[string]bool) string {
	base := strings.TrimSuffix(filepath.Base(path), ".md")
	dot := strings.LastIndexByte(base, '.')
	if dot < 0 {
		return ""
	}
	slug, lang := base[:dot], base[dot+1:]
	delete(b.fileProblems, rel)
	for _, a := range s.Articles[slug] {
		for _, d := range a.Covers {
			covers[d] = true
		}
	}
	defer func() {
		for _, a := range s.Articles[slug] {
			for _, d := range a.Covers {
				covers[d] = true
			}
		}
	}()
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

// pageKindOf says which kind of page a layout file renders, when it renders one
// kind only: department.html affects department pages; baseof.html, partials,
// strings and assets affect all.
func pageKindOf(p string, cfg *config.Config) (site.Kind, bool) {
	dir := filepath.Dir(p)
	if dir != cfg.Dir("layouts") && dir != filepath.Join(cfg.ThemeDir(), "layouts") {
		return "", false
	}
	k := site.Kind(strings.TrimSuffix(filepath.Base(p), ".html"))
	for _, known := range []site.Kind{site.Home, site.Summary, site.Department, site.Article, site.NotFound, site.Search} {
		if k == known {
			return k, true
		}
	}
	return "", false
}

// touchesDepartment reports whether a department page shows one of the changed
// departments: its own, or as its previous or next.
func touchesDepartment(pg *site.Page, changed map[string]bool) bool {
	if changed[pg.Department.Slug] {
		return true
	}
	return (pg.Prev != nil && changed[pg.Prev.Slug]) || (pg.Next != nil && changed[pg.Next.Slug])
}

// listsDepartment reports whether a group's listing page shows a card of one of
// the changed departments.
func listsDepartment(pg *site.Page, changed map[string]bool) bool {
	for _, d := range pg.Departments {
		if changed[d.Slug] {
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
