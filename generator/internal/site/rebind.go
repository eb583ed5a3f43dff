package site

import (
	"leitai/generator/internal/content"
)

// Rebind returns the plan for s when s differs from the plan's site only in what
// its departments say: the same editions, the same departments in each, in the
// same order and groups. The
// pages are the same; those that show a changed department get its new value.
// Planning ten thousand departments anew costs far more than the one edit that
// usually calls for it. ok is false when s differs in any other way; plan it
// with New.
//
// p itself is not changed: renderers still reading it see the old site whole.
func (p *Plan) Rebind(old, s *content.Site) (*Plan, bool) {
	if len(old.Departments) != len(s.Departments) || len(old.Editions) != len(s.Editions) {
		return nil, false
	}
	for i, e := range s.Editions {
		if old.Editions[i] != e {
			return nil, false
		}
	}
	changed := map[*content.Department]*content.Department{}
	for i, d := range s.Departments {
		o := old.Departments[i]
		if o.Slug != d.Slug || o.Order != d.Order || o.Group != d.Group || o.EditionID != d.EditionID {
			return nil, false
		}
		if o != d {
			changed[o] = d
		}
	}
	swap := func(d *content.Department) *content.Department {
		if n, ok := changed[d]; ok {
			return n
		}
		return d
	}
	q := *p
	q.Pages = append([]*Page(nil), p.Pages...)
	// The replaced pages go in a layer over byKey, which stays shared; after many
	// edits in one session the layer is folded into a new byKey.
	q.rebound = make(map[string]map[string]*Page, len(p.rebound)+4*len(changed))
	for k, m := range p.rebound {
		q.rebound[k] = m
	}
	q.groupDepartments = make(map[string]map[string][]*content.Department, len(p.groupDepartments))
	for e, m := range p.groupDepartments {
		q.groupDepartments[e] = m
	}
	copied := map[string]bool{} // the editions whose map is q's own
	done := map[int]bool{}
	for o, d := range changed {
		if !copied[d.EditionID] {
			m := make(map[string][]*content.Department, len(q.groupDepartments[d.EditionID]))
			for g, ds := range q.groupDepartments[d.EditionID] {
				m[g] = ds
			}
			q.groupDepartments[d.EditionID], copied[d.EditionID] = m, true
		}
		q.groupDepartments[d.EditionID][d.Group] = rebindList(q.groupDepartments[d.EditionID][d.Group], o, d)
		for _, i := range p.shows[appearance{d.EditionID, d.Slug}] {
			pg := q.Pages[i]
			if !done[i] {
				// A page showing two changed departments is copied once.
				n := *pg
				pg, done[i] = &n, true
				q.Pages[i] = pg
				m := make(map[string]*Page, len(p.cfg.Languages))
				for l, x := range q.translations(pg.Key) {
					m[l] = x
				}
				m[pg.Lang.Code] = pg
				q.rebound[pg.Key] = m
			}
			pg.Department, pg.Prev, pg.Next = swap(pg.Department), swap(pg.Prev), swap(pg.Next)
			pg.Departments = rebindList(pg.Departments, o, d)
			pg.Appearances = rebindList(pg.Appearances, o, d)
		}
	}
	if len(q.rebound) > len(q.byKey)/8 {
		q.byKey = make(map[string]map[string]*Page, len(p.byKey))
		for k, m := range p.byKey {
			q.byKey[k] = m
		}
		for k, m := range q.rebound {
			q.byKey[k] = m
		}
		q.rebound = nil
	}
	return &q, true
}

// rebindList returns ds with o replaced by d, copied when o is in it.
func rebindList(ds []*content.Department, o, d *content.Department) []*content.Department {
	for i, x := range ds {
		if x == o {
			out := append([]*content.Department(nil), ds...)
			out[i] = d
			return out
		}
	}
	return ds
}
