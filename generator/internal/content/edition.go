package content

import (
	"fmt"
	"strconv"
	"time"

	"gopkg.in/yaml.v3"

	"leitai/generator/internal/diag"
	"leitai/generator/internal/yamldoc"
)

// Edition is one session of the arena (第四期 of the 作风能力提升年 "部门擂台"):
// the departments that stood on its stage, the reports of it, and, when its
// file names it, its number, date, title and series.
//
// A site whose content/ holds departments/ itself is one edition, named by
// content/edition.yaml when that exists; a site with content/editions/ holds one
// edition per folder there, each named by its edition.yaml. Either way the
// editions are read by the same code: the one-edition layout is the case of a
// single folder, content/ itself.
type Edition struct {
	// ID names the edition in addresses and links: its folder under
	// content/editions/, or, for a site in the one-edition layout, its
	// number ("4"), which is also the folder it moves to when a second
	// edition comes. "" for an edition no file names.
	ID string
	// File is the edition's file as in messages; "" when the site names no
	// edition (a site in the one-edition layout without content/edition.yaml).
	File string

	Number    int
	NumberPos diag.Pos
	Date      time.Time
	DatePos   diag.Pos
	Title     Text // the edition's own title: 冲刺姿态决胜全年目标
	Series    Text // what it is an edition of: 作风能力提升年“部门擂台”
}

// Named reports whether a file names the edition: only then do pages, data and
// feeds say which edition they show.
func (e *Edition) Named() bool { return e.File != "" }

// EditionFile is the name of an edition's file, in its folder.
const EditionFile = "edition.yaml"

var editionKeys = []string{"number", "date", "title", "series"}

// DecodeEdition reads an edition file's bytes. id is the edition's folder name,
// or "" for a site in the one-edition layout, whose edition is known by its
// number.
func DecodeEdition(file, id string, data []byte, langs []string, problems *diag.List) *Edition {
	e := &Edition{ID: id, File: file}
	doc, root := yamldoc.Parse(file, data, problems)
	if root == nil {
		return e
	}
	m, ok := doc.Fields(root, "", editionKeys, editionKeys)
	if !ok {
		return e
	}
	if n := m.Get("number"); n != nil {
		e.Number, _ = doc.Int(n, "number")
		e.NumberPos = doc.Pos(n)
		if e.Number < 1 && n.Tag == "!!int" {
			doc.Errorf(n, "number editions 1, 2, 3… as the series does: 第四期 is 4", "number must be 1 or more")
		}
	}
	if n := m.Get("date"); n != nil {
		e.DatePos = doc.Pos(n)
		if yamldoc.IsPlaceholder(n.Value) {
			doc.Errorf(n, "write the day the arena was held, as YYYY-MM-DD, e.g. 2022-11-24", "date is not filled in yet")
		} else {
			e.Date, _ = doc.Date(n, "date")
		}
	}
	if n := m.Get("title"); n != nil {
		e.Title = decodeText(doc, n, "title", langs)
	}
	if n := m.Get("series"); n != nil {
		e.Series = decodeText(doc, n, "series", langs)
	}
	if e.ID == "" && e.Number > 0 {
		e.ID = strconv.Itoa(e.Number)
	}
	return e
}

// EditionSkeleton is a new edition file: number is the next in the series,
// series what the newest edition said (nil for none), langs the site's
// languages.
func EditionSkeleton(number int, series *Text, langs []string) []byte {
	var b []byte
	b = fmt.Appendf(b, "# yaml-language-server: $schema=../../../schema/edition.schema.json\n")
	b = fmt.Appendf(b, "# An edition of the arena: its departments go in departments/ beside this file,\n")
	b = fmt.Appendf(b, "# its reports in articles/. Replace every %s and the note after it, in every\n", yamldoc.Placeholder)
	b = fmt.Appendf(b, "# language, then run `go run ./generator check`. Every field: docs/content-format.md\n")
	b = fmt.Appendf(b, "number: %d                 # the edition's place in the series: 第四期 is 4\n", number)
	b = fmt.Appendf(b, "date: %s %s\n", yamldoc.Placeholder, "# the day the arena was held, YYYY-MM-DD")
	b = append(b, "title:                    # the edition's own title\n"...)
	for _, l := range langs {
		b = fmt.Appendf(b, "  %s: %s %s\n", l, yamldoc.Placeholder, note("e-title", l))
	}
	b = append(b, "series:                   # what it is an edition of\n"...)
	for _, l := range langs {
		if series != nil && series.In(l) != "" {
			b = fmt.Appendf(b, "  %s: %s\n", l, yamldoc.Scalar(series.In(l)))
			continue
		}
		b = fmt.Appendf(b, "  %s: %s %s\n", l, yamldoc.Placeholder, note("e-series", l))
	}
	return b
}

// PledgeLink ties a pledge to one of an earlier edition: the same commitment
// made again, or a follow-up of it. It names the edition, the department (its
// own when the file leaves it out) and the pledge, by id or number.
type PledgeLink struct {
	// Again is true for the same commitment made again (again:), false for a
	// follow-up (follows:).
	Again         bool
	Edition       string
	EditionPos    diag.Pos
	Department    string // "" for the pledge's own department
	DepartmentPos diag.Pos
	// Pledge is the earlier pledge's id; when the link gives a number
	// instead, Number is it and Pledge is "".
	Pledge    string
	Number    int
	PledgePos diag.Pos
	Pos       diag.Pos
}

var linkKeys = []string{"edition", "department", "pledge"}

// decodeLink reads again: or follows: {edition: 2, department: finance,
// pledge: new-bonds}. Whether the pledge it names exists is Validate's
// business, which sees every edition.
func decodeLink(doc *yamldoc.Doc, m yamldoc.Map, path string) *PledgeLink {
	again, follows := m.Get("again"), m.Get("follows")
	n, key := again, "again"
	switch {
	case again == nil && follows == nil:
		return nil
	case again != nil && follows != nil:
		doc.Errorf(follows, "keep again: when the pledge is the same commitment made again, follows: when it follows up on it",
			"%s both renews and follows an earlier pledge", path)
	case again == nil:
		n, key = follows, "follows"
	}
	path += "." + key
	l := &PledgeLink{Again: key == "again", Pos: doc.Pos(n)}
	lm, ok := doc.Fields(n, path, linkKeys, []string{"edition", "pledge"})
	if !ok {
		return nil
	}
	// Each part is an id, or a number: what the file can say wrong on its own.
	id := func(v *yaml.Node, key, example string) string {
		s, ok := doc.String(v, path+"."+key)
		if ok && !SlugPattern.MatchString(s) {
			doc.Errorf(v, "lower-case letters, digits and single hyphens, e.g. "+example, "%s.%s %q is not an id", path, key, s)
			return ""
		}
		return s
	}
	if v := lm.Get("edition"); v != nil {
		l.Edition, l.EditionPos = id(v, "edition", "4"), doc.Pos(v)
	}
	if v := lm.Get("department"); v != nil {
		l.Department, l.DepartmentPos = id(v, "department", "finance"), doc.Pos(v)
	}
	if v := lm.Get("pledge"); v != nil {
		l.PledgePos = doc.Pos(v)
		if v.Tag == "!!int" {
			if l.Number, _ = doc.Int(v, path+".pledge"); l.Number < 1 {
				doc.Errorf(v, "pledges are numbered from 1, as they stand in their department's file", "%s.pledge must be 1 or more", path)
			}
		} else {
			l.Pledge = id(v, "pledge", "new-bonds, or the pledge's number")
		}
	}
	return l
}
