package site

import (
	"leitai/generator/internal/content"
)

// Rebind returns the plan for s when s differs from the plan's site only in what
// its departments say: the same departments, in the same order and groups. The
// pages are the same; those that show a changed department get its new value.
// Planning ten thousand departments anew costs far more than the one edit that
// usually calls for it. ok is false when s differs in any other way; plan it
// with New.
//
// p itself is not changed: renderers still reading it see the old site whole.
func (p *Plan) Rebind(old, s *content.Site) (*Plan, bool) {
	if len(old.Departments) != len(s.Departments) {
		return nil, false
	}
	changed := map[*content.Department]*content.Department{}
	for i, d := range s.Departments {
		o := old.Departments[i]
		if o.Slug != d.Slug || o.Order != d.Order || o.Group != d.Group {
			return nil, false
		}
		if o != d {
			changed[o] = d
		}
	}
	q := *p
	q.Pages = make([]*Page, len(p.Pages))
	q.byKey = make(map[string]map[string]*Page, len(p.byKey))
	for k, m := range p.byKey {
		q.byKey[k] = m
	}
	q.GroupDepartments = make(map[string][]*content.Department, len(p.GroupDepartments))
	for g, ds := range p.GroupDepartments {
		q.GroupDepartments[g] = rebindList(ds, changed)
	}
	swap := func(d *content.Department) *content.Department {
		if n, ok := changed[d]; ok {
			return n
		}
		return d
	}
	for i, pg := range p.Pages {
		if !pageShows(pg, changed) {
			q.Pages[i] = pg
			continue
		}
		n := *pg
		n.Department, n.Prev, n.Next = swap(pg.Department), swap(pg.Prev), swap(pg.Next)
		n.Departments = rebindList(pg.Departments, changed)
		q.Pages[i] = &n
		m := make(map[string]*Page, len(q.byKey[n.Key]))
		for l, x := range q.byKey[n.Key] {
			m[l] = x
		}
		m[n.Lang.Code] = &n
		q.byKey[n.Key] = m
	}
	return &q, true
}

// pageShows reports whether a page shows one of the changed departments.
func pageShows(pg *Page, changed map[*content.Department]*content.Department) bool {
	for _, d := range []*content.Department{pg.Department, pg.Prev, pg.Next} {
		if _, ok := changed[d]; ok && d != nil {
			return true
		}
	}
	for _, d := range pg.Departments {
		if _, ok := changed[d]; ok {
			return true
		}
	}
	return false
}

func rebindList(ds []*content.Department, changed map[*content.Department]*content.Department) []*content.Department {
	hit := false
	for _, d := range ds {
		if _, ok := changed[d]; ok {
			hit = true
			break
		}
	}
	if !hit {
		return ds
	}
	out := make([]*content.Department, len(ds))
	for i, d := range ds {
		if n, ok := changed[d]; ok {
			d = n
		}
		out[i] = d
	}
	return out
}
