package content

import (
	"sort"
	"time"
)

// Clone returns a copy of s that can be changed without changing s: the slices and
// maps are new, the departments and articles in them are shared (they are never
// changed, only replaced).
func (s *Site) Clone() *Site {
	c := &Site{
		Groups:       append([]Group(nil), s.Groups...),
		Units:        s.Units,
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

// RemoveDepartment removes the department with slug, if there is one.
func (s *Site) RemoveDepartment(slug string) {
	for i, d := range s.Departments {
		if d.Slug == slug {
			s.Departments = append(s.Departments[:i:i], s.Departments[i+1:]...)
			return
		}
	}
}

// PutDepartment puts d in place of the department with its slug, or adds it.
// In place, an edit keeps the list in order and Sort has nothing to do.
func (s *Site) PutDepartment(d *Department) {
	for i, o := range s.Departments {
		if o.Slug == d.Slug {
			s.Departments[i] = d
			return
		}
	}
	s.Departments = append(s.Departments, d)
}

// Sort puts departments in summary order and articles newest first: the order
// readers see, and the same whatever order the files were read in.
func (s *Site) Sort() {
	before := func(i, j int) bool {
		a, b := s.Departments[i], s.Departments[j]
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
