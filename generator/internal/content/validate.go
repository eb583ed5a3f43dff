package content

import (
	"fmt"
	"strings"

	"leitai/generator/internal/diag"
)

// ValidateOptions says what the site requires of its content.
type ValidateOptions struct {
	Langs []string
	// PendingTranslations lets a text lack a language: a warning instead of an
	// error, and the page says the translation is pending.
	PendingTranslations bool
}

// Validate checks what no single file can: that orders and ids are unique, that
// every department's group exists, and that every text has every language.
func Validate(s *Site, o ValidateOptions) diag.List {
	var problems diag.List
	groupAt := map[string]diag.Pos{}
	for _, g := range s.Groups {
		if g.ID == "" {
			continue
		}
		if first, dup := groupAt[g.ID]; dup {
			problems.Errorf(g.Pos, "give each group its own id", "group id %q is already used at line %d", g.ID, first.Line)
			continue
		}
		groupAt[g.ID] = g.Pos
		checkText(&problems, g.Title, o)
	}
	ids := make([]string, 0, len(s.Groups))
	for _, g := range s.Groups {
		ids = append(ids, g.ID)
	}

	orderOf := map[int]*Department{}
	for _, d := range s.Departments {
		if d.Order > 0 {
			if other, dup := orderOf[d.Order]; dup {
				problems.Errorf(d.OrderPos, fmt.Sprintf("each department needs its own order; the next free one is %d", nextFree(orderOf)),
					"order %d is already used by %s", d.Order, other.File)
			} else {
				orderOf[d.Order] = d
			}
		}
		if d.Group != "" {
			if _, ok := groupAt[d.Group]; !ok {
				problems.Errorf(d.GroupPos, "use an id from content/groups.yaml: "+strings.Join(ids, ", "), "group %q does not exist", d.Group)
			}
		}
		for _, t := range d.texts() {
			checkText(&problems, t, o)
		}
	}

	for _, slug := range s.ArticleSlugs {
		versions := s.Articles[slug]
		var any *Article
		for _, a := range versions {
			any = a
			break
		}
		for _, l := range o.Langs {
			if versions[l] != nil {
				continue
			}
			if o.PendingTranslations {
				problems.Warnf(diag.Pos{File: any.File}, fmt.Sprintf("add %s.%s.md", slug, l), "article %q has no %s version yet", slug, l)
			} else {
				problems.Errorf(diag.Pos{File: any.File}, fmt.Sprintf("add articles/%s.%s.md with the translation", slug, l), "article %q has no %s version", slug, l)
			}
		}
	}
	return problems
}

// texts lists every reader-facing text of a department, in file order.
func (d *Department) texts() []Text {
	ts := []Text{d.Name, d.Leader.Name, d.Leader.Title}
	ts = append(ts, d.Record...)
	for _, p := range d.Pledges {
		ts = append(ts, p.Text)
	}
	return append(ts, d.Statement)
}

func checkText(problems *diag.List, t Text, o ValidateOptions) {
	if !t.Decoded {
		return // not decoded; its problem is already reported
	}
	var have []string
	for _, l := range o.Langs {
		if _, ok := t.Lookup(l); ok {
			have = append(have, l)
		}
	}
	for _, l := range o.Langs {
		if _, ok := t.Lookup(l); ok {
			continue
		}
		// An empty map is reported once, not once per language.
		if len(have) == 0 {
			problems.Errorf(t.Pos, fmt.Sprintf("add %s: lines", strings.Join(o.Langs, ": and ")), "%s has no text", t.Field)
			return
		}
		hint := fmt.Sprintf("add “%s: …” beside “%s:”", l, have[0])
		if o.PendingTranslations {
			problems.Warnf(t.Pos, hint, "%s has no %s translation yet", t.Field, l)
		} else {
			problems.Errorf(t.Pos, hint+" (or set translations: {pending: true} in config.yaml to publish with a notice)", "%s has no %s translation", t.Field, l)
		}
	}
}

func nextFree(used map[int]*Department) int {
	for i := 1; ; i++ {
		if _, ok := used[i]; !ok {
			return i
		}
	}
}
