package content

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"leitai/generator/internal/diag"
)

// Index is what spans a site's editions: the editions by id, each edition's
// departments, each department's appearances, and the links between pledges in
// both directions. It is worked out once per site (Site.Index) and read by
// every check and page that needs it, so no page walks the site to find them.
//
// Only what is asked for is made: a rebuild after one edit at ten thousand
// departments asks for an edition's departments and the links, and a site
// without links, or of one edition, pays for no map of departments.
type Index struct {
	site      *Site
	editions  map[string]*Edition
	rank      map[string]int
	byEdition map[string][]*Department

	depts       sync.Once
	appearances map[string][]*Department // by slug, newest edition first
	at          map[appearance]*Department

	links    sync.Once
	earlier  map[PledgeRef]PledgeRef
	later    map[PledgeRef][]PledgeRef
	unlinked map[PledgeRef]*diag.Problem // links to nothing, as check reports them
}

type appearance struct{ edition, slug string }

// PledgeRef is one pledge of one department's appearance: Department.Pledges[Index].
type PledgeRef struct {
	Department *Department
	Index      int
}

// Pledge is the pledge referred to.
func (r PledgeRef) Pledge() *Pledge { return &r.Department.Pledges[r.Index] }

// Index returns the site's index, made the first time it is asked for. A site
// is not changed once validated; the preview changes a clone, whose index is
// made afresh.
func (s *Site) Index() *Index {
	s.indexOnce.Do(func() { s.index = newIndex(s) })
	return s.index
}

func newIndex(s *Site) *Index {
	x := &Index{
		site:      s,
		editions:  make(map[string]*Edition, len(s.Editions)),
		rank:      make(map[string]int, len(s.Editions)),
		byEdition: make(map[string][]*Department, len(s.Editions)),
	}
	for i, e := range s.Editions {
		x.editions[e.ID] = e
		x.rank[e.ID] = i
	}
	// s.Departments is in edition order: each edition's departments are a
	// run of it, and the one edition's all of it.
	for lo := 0; lo < len(s.Departments); {
		id := s.Departments[lo].EditionID
		hi := lo + 1
		for hi < len(s.Departments) && s.Departments[hi].EditionID == id {
			hi++
		}
		x.byEdition[id] = s.Departments[lo:hi:hi]
		lo = hi
	}
	return x
}

// indexDepartments makes the maps of departments by slug, once.
func (x *Index) indexDepartments() {
	x.depts.Do(func() {
		s := x.site
		x.appearances = make(map[string][]*Department, len(s.Departments))
		x.at = make(map[appearance]*Department, len(s.Departments))
		// Walked backwards, each slug's appearances come newest first.
		for i := len(s.Departments) - 1; i >= 0; i-- {
			d := s.Departments[i]
			x.appearances[d.Slug] = append(x.appearances[d.Slug], d)
			x.at[appearance{d.EditionID, d.Slug}] = d
		}
	})
}

// indexLinks resolves every pledge's link, once: the pages read where each
// leads, and Validate reads the problems of those that lead nowhere.
func (x *Index) indexLinks() {
	x.links.Do(func() {
		x.earlier = map[PledgeRef]PledgeRef{}
		x.later = map[PledgeRef][]PledgeRef{}
		x.unlinked = map[PledgeRef]*diag.Problem{}
		for _, d := range x.site.Departments {
			for _, i := range d.linked {
				from := PledgeRef{d, i}
				to, problem := x.resolve(d, i)
				switch {
				case problem != nil:
					x.unlinked[from] = problem
				case to.Department != nil:
					x.earlier[from] = to
					x.later[to] = append(x.later[to], from)
				}
			}
		}
	})
}

// LinkProblem is what is wrong with the link of the i-th pledge of d, or nil.
func (x *Index) LinkProblem(d *Department, i int) *diag.Problem {
	x.indexLinks()
	return x.unlinked[PledgeRef{d, i}]
}

// HasLinks reports whether any pledge links to an earlier one.
func (x *Index) HasLinks() bool {
	x.indexLinks()
	return len(x.earlier) > 0
}

// Edition returns the edition with id, or nil.
func (x *Index) Edition(id string) *Edition { return x.editions[id] }

// Departments lists an edition's departments in summary order.
func (x *Index) Departments(edition string) []*Department { return x.byEdition[edition] }

// Appearances lists the department's appearances, newest edition first.
func (x *Index) Appearances(slug string) []*Department {
	x.indexDepartments()
	return x.appearances[slug]
}

// Appearance returns the department with slug in the edition, or nil.
func (x *Index) Appearance(edition, slug string) *Department {
	x.indexDepartments()
	return x.at[appearance{edition, slug}]
}

// Earlier returns the earlier pledge that the i-th pledge of d links to.
func (x *Index) Earlier(d *Department, i int) (PledgeRef, bool) {
	x.indexLinks()
	r, ok := x.earlier[PledgeRef{d, i}]
	return r, ok
}

// Later lists the pledges of later editions that link to the i-th pledge of d,
// oldest edition first.
func (x *Index) Later(d *Department, i int) []PledgeRef {
	x.indexLinks()
	return x.later[PledgeRef{d, i}]
}

// Linked lists the departments whose pledges link to d's or that d's link to:
// the pages that show a link's other end.
func (x *Index) Linked(d *Department) []*Department {
	var out []*Department
	add := func(o *Department) {
		if o != d && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	for i := range d.Pledges {
		if to, ok := x.Earlier(d, i); ok {
			add(to.Department)
		}
		for _, from := range x.Later(d, i) {
			add(from.Department)
		}
	}
	return out
}

// Before reports whether edition a comes before edition b in the series.
func (x *Index) Before(a, b string) bool { return x.rank[a] < x.rank[b] }

// resolve finds the pledge a link names, or the problem with it: an edition,
// department or pledge that does not exist, or an edition that is not earlier.
// The hint lists what does exist, so an editor can pick.
func (x *Index) resolve(d *Department, i int) (PledgeRef, *diag.Problem) {
	l := d.Pledges[i].Link
	problem := func(pos diag.Pos, hint, format string, args ...any) (PledgeRef, *diag.Problem) {
		return PledgeRef{}, &diag.Problem{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint, Severity: diag.Error}
	}
	key := "follows"
	if l.Again {
		key = "again"
	}
	field := d.Pledges[i].Text.Field + "." + key
	// The editions before d's, for a hint: listed only for a link that needs one.
	earlier := func() string {
		var ids []string
		for id, r := range x.rank {
			if r < x.rank[d.EditionID] {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			return "none: this is the first edition"
		}
		slices.SortFunc(ids, func(a, b string) int { return x.rank[a] - x.rank[b] })
		return strings.Join(ids, ", ")
	}
	e := x.editions[l.Edition]
	switch {
	case l.Edition == "":
		return PledgeRef{}, nil // not given; its problem is reported
	case e == nil:
		return problem(l.EditionPos, "link to an earlier edition; the editions before this one: "+earlier(),
			"%s.edition %q does not exist", field, l.Edition)
	case !x.Before(l.Edition, d.EditionID):
		return problem(l.EditionPos, "a pledge links to one made before it; the editions before this one: "+earlier(),
			"%s.edition %q is not before this pledge's edition (%s)", field, l.Edition, d.EditionID)
	}
	slug := l.Department
	pos := l.DepartmentPos
	if slug == "" {
		slug, pos = d.Slug, l.Pos
	}
	to := x.Appearance(l.Edition, slug)
	if to == nil {
		var slugs []string
		for _, o := range x.byEdition[l.Edition] {
			slugs = append(slugs, o.Slug)
		}
		return problem(pos, fmt.Sprintf("departments of edition %s: %s", l.Edition, abbreviate(slugs, 12)),
			"%s: %s is not in edition %s", field, slug, l.Edition)
	}
	if l.Number == 0 && l.Pledge == "" {
		return PledgeRef{}, nil // not given; its problem is reported
	}
	for i, p := range to.Pledges {
		if (l.Number > 0 && i+1 == l.Number) || (l.Pledge != "" && p.ID == l.Pledge) {
			return PledgeRef{to, i}, nil
		}
	}
	var ids []string
	for _, p := range to.Pledges {
		if p.ID != "" {
			ids = append(ids, p.ID)
		}
	}
	hint := fmt.Sprintf("%s in edition %s has pledges 1 to %d", slug, l.Edition, len(to.Pledges))
	if len(ids) > 0 {
		hint += "; by id: " + abbreviate(ids, 12)
	}
	what := strconv.Itoa(l.Number)
	if l.Pledge != "" {
		what = strconv.Quote(l.Pledge)
	}
	return problem(l.PledgePos, hint, "%s.pledge %s is not a pledge of %s in edition %s", field, what, slug, l.Edition)
}

// abbreviate joins the first n items, and says how many more there are.
func abbreviate(items []string, n int) string {
	if len(items) == 0 {
		return "none"
	}
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(" and %d more", len(items)-n)
}
