package content

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// Clone returns a copy of s that can be changed without changing s: the slices and
// maps are new, the departments and articles in them are shared (they are never
// changed, only replaced).
func (s *Site) Clone() *Site {
	c := &Site{
		Groups:       append([]Group(nil), s.Groups...),
		Units:        s.Units,
		Editions:     append([]*Edition(nil), s.Editions...),
		Layered:      s.Layered,
		Departments:  append([]*Department(nil), s.Departments...),
		Articles:     make(map[string]map[string]*Article, len(s.Articles)),
		ArticleSlugs: append([]string(nil), s.ArticleSlugs...),
	}
	for slug, m := range s.Articles {
		cm := make(map[string]*Article, len(m))
		for l, a := range m {
			cm[l] = a
		}
		c.Articles[slug] = cm
	}
	return c
}

// AddArticle adds one language's version of an article.
func (s *Site) AddArticle(a *Article) {
	if s.Articles == nil {
		s.Articles = map[string]map[string]*Article{}
	}
	if s.Articles[a.Slug] == nil {
		s.Articles[a.Slug] = map[string]*Article{}
		s.ArticleSlugs = append(s.ArticleSlugs, a.Slug)
	}
	s.Articles[a.Slug][a.Lang] = a
}

// AnyArticle returns one version of the article slug, the first in language
// order, or nil when there is none. Every version of an article belongs to the
// same edition, so it tells which edition a report is in; taking the first
// rather than whichever a map gives keeps that answer the same on every run.
func (s *Site) AnyArticle(slug string) *Article {
	var first *Article
	for _, a := range s.Articles[slug] {
		if first == nil || a.Lang < first.Lang {
			first = a
		}
	}
	return first
}

// RemoveArticle removes one language's version of an article.
func (s *Site) RemoveArticle(slug, lang string) {
	m := s.Articles[slug]
	if m == nil {
		return
	}
	delete(m, lang)
	if len(m) == 0 {
		delete(s.Articles, slug)
		for i, x := range s.ArticleSlugs {
			if x == slug {
				s.ArticleSlugs = append(s.ArticleSlugs[:i:i], s.ArticleSlugs[i+1:]...)
				break
			}
		}
	}
}

// FindDepartment returns the department with slug in the edition, or nil. It
// looks without the index, which a site being changed does not have yet.
func (s *Site) FindDepartment(edition, slug string) *Department {
	for _, d := range s.Departments {
		if d.Slug == slug && d.EditionID == edition {
			return d
		}
	}
	return nil
}

// RemoveDepartment removes the department with slug from the edition, if it is
// there.
func (s *Site) RemoveDepartment(edition, slug string) {
	for i, d := range s.Departments {
		if d.Slug == slug && d.EditionID == edition {
			s.Departments = append(s.Departments[:i:i], s.Departments[i+1:]...)
			return
		}
	}
}

// PutDepartment puts d in place of the department with its slug in its
// edition, or adds it. In place, an edit keeps the list in order and Sort has
// nothing to do.
func (s *Site) PutDepartment(d *Department) {
	for i, o := range s.Departments {
		if o.Slug == d.Slug && o.EditionID == d.EditionID {
			s.Departments[i] = d
			return
		}
	}
	s.Departments = append(s.Departments, d)
}

// Sort puts editions in the series' order, departments by edition and then in
// summary order, and articles newest first: the order readers see, and the
// same whatever order the files were read in.
func (s *Site) Sort() {
	slices.SortStableFunc(s.Editions, func(a, b *Edition) int {
		if a.Number != b.Number {
			return a.Number - b.Number
		}
		return strings.Compare(a.ID, b.ID)
	})
	rank := make(map[string]int, len(s.Editions))
	for i, e := range s.Editions {
		rank[e.ID] = i
	}
	before := func(i, j int) bool {
		a, b := s.Departments[i], s.Departments[j]
		if a.EditionID != b.EditionID {
			return rank[a.EditionID] < rank[b.EditionID]
		}
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return a.Slug < b.Slug
	}
	// After one edit the list is almost always in order already; looking costs a
	// pass, sorting ten thousand departments several.
	if !sort.SliceIsSorted(s.Departments, before) {
		sort.SliceStable(s.Departments, before)
	}
	newest := func(slug string) (t time.Time) {
		for _, a := range s.Articles[slug] {
			if a.Date.After(t) {
				t = a.Date
			}
		}
		return t
	}
	newer := func(i, j int) bool {
		a, b := newest(s.ArticleSlugs[i]), newest(s.ArticleSlugs[j])
		if !a.Equal(b) {
			return a.After(b)
		}
		return s.ArticleSlugs[i] < s.ArticleSlugs[j]
	}
	if !sort.SliceIsSorted(s.ArticleSlugs, newer) {
		sort.Slice(s.ArticleSlugs, newer)
	}
}
