package opendata

import (
	"strings"

	"leitai/generator/internal/content"
	"leitai/generator/internal/diag"
)

// pledges.csv is opened by citizens in Excel, WPS or LibreOffice, which read a
// cell starting with one of these as a formula: =HYPERLINK(…) in a pledge
// would be a link a reader clicks, =WEBSERVICE(…) a request the spreadsheet
// makes. They are OWASP's list (CSV Injection).
const formulaStarts = "=+-@\t\r"

// guard returns a text cell as pledges.csv writes it: one that a spreadsheet
// would read as a formula gets an apostrophe before it, which spreadsheets take
// as “this is text” (OWASP's guidance). Numbers are not text cells and are
// never guarded; the JSON keeps every text as written.
func guard(cell string) string {
	if cell != "" && strings.IndexByte(formulaStarts, cell[0]) >= 0 {
		return "'" + cell
	}
	return cell
}

// CheckDepartment warns, at its place, of each text of d that becomes a text
// cell of pledges.csv and that the file guards: the editor learns the cell
// will read '=… in a spreadsheet, and why.
func CheckDepartment(d *content.Department) diag.List {
	var problems diag.List
	for _, t := range []content.Text{d.Name, d.Leader.Name, d.Leader.Title} {
		checkText(&problems, t)
	}
	for _, p := range d.Pledges {
		checkText(&problems, p.Text)
		if p.Target != nil && guard(p.Target.Unit) != p.Target.Unit {
			warn(&problems, p.Target.UnitPos, p.Text.Field+".target.unit", p.Target.Unit)
		}
	}
	return problems
}

// CheckGroups is CheckDepartment for the groups' titles, which are cells too.
func CheckGroups(groups []content.Group) diag.List {
	var problems diag.List
	for _, g := range groups {
		checkText(&problems, g.Title)
	}
	return problems
}

// Check is CheckGroups and CheckDepartment for every department of s.
func Check(s *content.Site) diag.List {
	problems := CheckGroups(s.Groups)
	for _, d := range s.Departments {
		problems.Append(CheckDepartment(d))
	}
	return problems
}

func checkText(problems *diag.List, t content.Text) {
	for _, l := range t.Langs {
		if guard(l.Value) != l.Value {
			warn(problems, l.Pos, t.Field+"."+l.Lang, l.Value)
		}
	}
}

func warn(problems *diag.List, pos diag.Pos, field, value string) {
	problems.Warnf(pos, "pledges.csv writes it with a ' before it, as text; start it another way if the mark should not show",
		"%s starts with %q, which a spreadsheet opening pledges.csv would run as a formula", field, value[:1])
}
