package main

import (
	"testing"

	"leitai/generator/internal/testsite"
)

// TestCheckEditions breaks the publication of three editions one way at a
// time and asserts exactly what `check` reports, with the hint that lists what
// exists: links to a pledge, a department or an edition that is not there, or
// to a later edition; files outside an edition; an edition without its file,
// or numbered or dated out of turn; an edition's date that a pledge falls due
// before.
func TestCheckEditions(t *testing.T) {
	const (
		alpha4 = "content/editions/4/departments/alpha.yaml"
		beta3  = "content/editions/3/departments/beta.yaml"
		ed3    = "content/editions/3/edition.yaml"
	)
	cases := []checkCase{
		{name: "the publication is fine"},
		{
			name:  "a link to a pledge that is not there",
			edits: []edit{{alpha4, "pledge: loans}", "pledge: bonds}"}},
			want:  []string{alpha4 + `:12:52: error: pledges[1].again.pledge "bonds" is not a pledge of alpha in edition 2`},
			hint:  "alpha in edition 2 has pledges 1 to 2; by id: loans",
		},
		{
			name:  "a link to a pledge number that is not there",
			edits: []edit{{beta3, "department: beta, pledge: 1}", "department: beta, pledge: 3}"}},
			want:  []string{beta3 + `:12:53: error: pledges[1].follows.pledge 3 is not a pledge of beta in edition 2`},
			hint:  "beta in edition 2 has pledges 1 to 1",
		},
		{
			name:  "a link to a department not in that edition",
			edits: []edit{{beta3, "department: beta, pledge: 1}", "department: gamma, pledge: 1}"}},
			want:  []string{beta3 + `:12:39: error: pledges[1].follows: gamma is not in edition 2`},
			hint:  "departments of edition 2: alpha, beta",
		},
		{
			name:  "a link to an edition that does not exist",
			edits: []edit{{beta3, "follows: {edition: 2,", "follows: {edition: 1,"}},
			want:  []string{beta3 + `:12:24: error: pledges[1].follows.edition "1" does not exist`},
			hint:  "the editions before this one: 2",
		},
		{
			name:  "a link to a later edition",
			edits: []edit{{beta3, "follows: {edition: 2, department: beta, pledge: 1}", "follows: {edition: 4, department: alpha, pledge: 1}"}},
			want:  []string{beta3 + `:12:24: error: pledges[1].follows.edition "4" is not before this pledge's edition (3)`},
			hint:  "the editions before this one: 2",
		},
		{
			name:  "a link to its own edition",
			edits: []edit{{beta3, "follows: {edition: 2, department: beta, pledge: 1}", "follows: {edition: 3, department: gamma, pledge: 1}"}},
			want:  []string{beta3 + `:12:24: error: pledges[1].follows.edition "3" is not before this pledge's edition (3)`},
		},
		{
			name:  "both again and follows",
			edits: []edit{{beta3, "    follows: {", "    again: {edition: 2, pledge: 1}\n    follows: {"}},
			want:  []string{beta3 + `:13:14: error: pledges[1] both renews and follows an earlier pledge`},
			hint:  "keep again:",
		},
		{
			name:  "a link without its pledge",
			edits: []edit{{beta3, ", department: beta, pledge: 1}", ", department: beta}"}},
			want:  []string{beta3 + `:12:14: error: pledges[1].follows is missing required key "pledge"`},
		},
		{
			name:  "a department file outside the editions",
			edits: []edit{{"content/departments/zeta.yaml", "", "order: 1\n"}},
			want:  []string{"content/departments/zeta.yaml:0:0: error: department file outside an edition on a site with editions"},
			hint:  "move it into content/editions/<id>/departments/, where <id> is its edition: 2, 3, 4",
		},
		{
			name:  "a report outside the editions",
			edits: []edit{{"content/articles/extra.zh.md", "", "---\ntitle: x\n---\n"}},
			want:  []string{"content/articles/extra.zh.md:0:0: error: article file outside an edition on a site with editions"},
		},
		{
			name:  "an edition file outside the editions",
			edits: []edit{{"content/edition.yaml", "", "number: 5\n"}},
			want:  []string{"content/edition.yaml:0:0: error: edition.yaml is outside an edition on a site with editions"},
		},
		{
			name:  "an edition without its file",
			edits: []edit{{ed3, "", "-"}},
			want:  []string{"content/editions/3:0:0: error: edition 3 has no edition.yaml"},
			hint:  "go run ./generator new edition 3",
		},
		{
			name:  "two editions with one number",
			edits: []edit{{ed3, "number: 3", "number: 2"}},
			want:  []string{ed3 + `:1:9: error: number 2 is already the number of content/editions/2/edition.yaml`},
		},
		{
			name:  "an edition dated before the one it follows",
			edits: []edit{{ed3, "date: 2021-11-20", "date: 2021-01-20"}},
			want:  []string{ed3 + `:2:7: error: edition 3 is dated 2021-01-20, before edition 2`},
		},
		{
			name:  "a pledge due before its edition",
			edits: []edit{{beta3, "due: {date: 2022-05-31", "due: {date: 2021-05-31"}},
			want:  []string{beta3 + `:13:10: error: pledges[1].due 2021-05-31 is before the event (2021-11-20)`},
		},
		{
			name:  "an edition's title not filled in",
			edits: []edit{{ed3, "title: {zh: 攻坚克难,", "title: {zh: TODO 本期标题,"}},
			want:  []string{ed3 + `:3:13: error: title.zh is not filled in yet`},
		},
		{
			name:  "one report's slug in two editions",
			edits: []edit{{"content/editions/3/articles/arena-2.zh.md", "", "---\ntitle: 第三期\ndate: 2021-11-21\nlead: 导语。\n---\n\n正文。\n"}},
			want: []string{
				`content/editions/3/articles/arena-2.zh.md:0:0: error: article slug "arena-2" is already used by content/editions/2/articles/arena-2.en.md`,
			},
		},
		{
			name:  "one order twice in an edition",
			edits: []edit{{"content/editions/4/departments/delta.yaml", "order: 2", "order: 1"}},
			want:  []string{"content/editions/4/departments/delta.yaml:1:8: error: order 1 is already used by content/editions/4/departments/alpha.yaml"},
		},
	}
	runCheckCases(t, testsite.Editions(), cases)
}
