package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const checkSite = "testdata/check/site"

// TestCheckBrokenContent breaks the base site of testdata/check/site one way at a
// time and asserts exactly what `check` reports: every problem's file, line,
// column and message, and where it matters the hint. The base site itself must
// be fine, or every case would be testing the wrong thing.
func TestCheckBrokenContent(t *testing.T) {
	const (
		alpha    = "content/departments/alpha.yaml"
		beta     = "content/departments/beta.yaml"
		reportZH = "content/articles/report.zh.md"
		reportEN = "content/articles/report.en.md"
	)
	statement := "statement:\n  zh: |\n    要抓落实，见[乙局](/departments/beta/)。\n  en: |\n    We will deliver; see [Beta](/departments/beta/).\n"
	cases := []checkCase{
		{name: "base site is fine", code: 0},
		{
			name:  "misspelt key suggests the right one",
			edits: []edit{{alpha, "pledges:", "pledge:"}},
			want:  []string{alpha + `:13:1: error: unknown key "pledge" in the file`},
			hint:  `did you mean "pledges"?`,
		},
		{
			name:  "swapped letters in a key",
			edits: []edit{{alpha, "name:\n  zh: 甲局", "nmae:\n  zh: 甲局"}},
			want:  []string{alpha + `:4:1: error: unknown key "nmae" in the file`},
			hint:  `did you mean "name"?`,
		},
		{
			name:  "misspelt nested key",
			edits: []edit{{alpha, "    status: not-rated", "    statsu: not-rated"}},
			want:  []string{alpha + `:18:5: error: unknown key "statsu" in pledges[1]`},
			hint:  `did you mean "status"?`,
		},
		{
			name:  "YAML syntax: unquoted colon",
			edits: []edit{{alpha, "en: Completed 254.1", "en: Completed: 254.1"}},
			want:  []string{alpha + `:12:18: error: YAML syntax: mapping values are not allowed in this context`},
			hint:  "must be quoted",
		},
		{
			name:  "YAML syntax: tab indentation",
			edits: []edit{{alpha, "  en: Alpha Bureau", "\ten: Alpha Bureau"}},
			want:  []string{alpha + `:6:1: error: YAML syntax: a tab in the indentation`},
			hint:  "not tabs",
		},
		{
			name:  "YAML syntax: value starting with @",
			edits: []edit{{alpha, "  en: Alpha Bureau", "  en: @AlphaBureau"}},
			want:  []string{alpha + `:6:7: error: YAML syntax: found character that cannot start any token`},
			hint:  "quote values that start with @",
		},
		{
			name:  "a list where text belongs",
			edits: []edit{{alpha, "group: demand", "group: [demand]"}},
			want:  []string{alpha + `:3:8: error: group must be text, not a list`},
		},
		{
			name:  "a number where a date belongs",
			edits: []edit{{alpha, "date: 2022-12-31", "date: 20221231"}},
			want:  []string{alpha + `:17:17: error: pledges[1].due.date must be a date, not a number (20221231)`},
			hint:  "YYYY-MM-DD",
		},
		{
			name:  "a date that does not exist",
			edits: []edit{{alpha, "date: 2022-12-31", "date: 2022-02-30"}},
			want:  []string{alpha + `:17:17: error: pledges[1].due.date: "2022-02-30" is not a valid date`},
		},
		{
			name:  "text where a number belongs",
			edits: []edit{{alpha, "order: 1", "order: first"}},
			want:  []string{alpha + `:2:8: error: order must be a whole number, not the text "first"`},
		},
		{
			name:  "missing required field",
			edits: []edit{{alpha, statement, ""}},
			want:  []string{alpha + `:2:1: error: the file is missing required key "statement"`},
			hint:  "add “statement:”",
		},
		{
			name:  "empty text",
			edits: []edit{{alpha, "  zh: 甲局", `  zh: ""`}},
			want:  []string{alpha + `:5:7: error: name.zh is empty`},
		},
		{
			name:  "no value at all",
			edits: []edit{{alpha, "  zh: 甲局", "  zh:"}},
			want:  []string{alpha + `:5:6: error: name.zh must be text, not empty`},
		},
		{
			name:  "missing translation",
			edits: []edit{{alpha, "  en: Alpha Bureau\n", ""}},
			want:  []string{alpha + `:5:3: error: name has no en translation`},
			hint:  "add “en: …” beside “zh:”",
		},
		{
			name:  "missing Chinese in a pledge",
			edits: []edit{{alpha, "  - zh: 全年新增贷款超过2500亿元\n    en:", "  - en:"}},
			want:  []string{alpha + `:14:5: error: pledges[1] has no zh translation`},
		},
		{
			name:  "text given as one string, not per language",
			edits: []edit{{alpha, "  name: {zh: 张三, en: Zhang San}", "  name: 张三"}},
			want:  []string{alpha + `:8:9: error: leader.name must have a text per language (zh, en), not a single text`},
		},
		{
			name:  "placeholder not filled in",
			edits: []edit{{alpha, "  en: Alpha Bureau", "  en: TODO the department's name"}},
			want:  []string{alpha + `:6:7: error: name.en is not filled in yet`},
		},
		{
			name: "bars declared over different units",
			edits: []edit{{alpha, "    en: Completed 254.1 billion yuan of investment\n", "    en: Completed 254.1 billion yuan of investment\n" +
				"    metrics:\n" +
				"      - {value: 2541, unit: 亿元, series: s, label: {zh: 投资, en: Investment}}\n" +
				"      - {value: 60, unit: \"%\", series: s, label: {zh: 占比, en: Share}}\n" +
				"series:\n  - {id: s, title: {zh: 甲, en: A}}\n"}},
			want: []string{alpha + `:15:27: error: achievements[1].metrics[2] is in %, but series "s" is in 亿元 (achievements[1].metrics[1])`},
			hint: "bars compare figures in one unit",
		},
		{
			name: "a bar of a series that is not defined",
			edits: []edit{{alpha, "    en: Completed 254.1 billion yuan of investment\n", "    en: Completed 254.1 billion yuan of investment\n" +
				"    metrics: [{value: 2541, unit: 亿元, series: s, label: {zh: 投资, en: Investment}}]\n"}},
			want: []string{alpha + `:13:47: error: achievements[1].metrics[1].series "s" is not defined`},
			hint: "define it under series:",
		},
		{
			name: "a series of one figure",
			edits: []edit{{alpha, "    en: Completed 254.1 billion yuan of investment\n", "    en: Completed 254.1 billion yuan of investment\n" +
				"    metrics: [{value: 2541, unit: 亿元, series: s, label: {zh: 投资, en: Investment}}]\n" +
				"series:\n  - {id: s, title: {zh: 甲, en: A}}\n"}},
			want: []string{alpha + `:15:10: error: series "s" has one figure, achievements[1].metrics[1]; bars compare two or more`},
			hint: "a figure of its own is shown as a tile",
		},
		{
			name: "a part more than its whole, and a part in another unit",
			edits: []edit{{alpha, "    en: Completed 254.1 billion yuan of investment\n", "    en: Completed 254.1 billion yuan of investment\n" +
				"    metrics:\n" +
				"      - value: 577\n        unit: 亿元\n        label: {zh: 退减缓降税费, en: Tax relief}\n        parts:\n" +
				"          - {value: 600, unit: 亿元, label: {zh: 留抵退税, en: VAT credit refunds}}\n" +
				"          - {value: 5, unit: \"%\", label: {zh: 丙, en: C}}\n"}},
			want: []string{
				alpha + `:18:13: error: achievements[1].metrics[1].parts[1] (600亿元) is more than its whole (577亿元)`,
				alpha + `:19:30: error: achievements[1].metrics[1].parts[2] is in %, its whole in 亿元: a part is drawn inside its whole`,
			},
			hint: "a part (其中) is no more than its whole",
		},
		{
			name: "parts that add up to more than their whole",
			edits: []edit{{alpha, "    en: Completed 254.1 billion yuan of investment\n", "    en: Completed 254.1 billion yuan of investment\n" +
				"    metrics:\n" +
				"      - value: 577\n        unit: 亿元\n        label: {zh: 退减缓降税费, en: Tax relief}\n        parts:\n" +
				"          - {value: 415, unit: 亿元, label: {zh: 留抵退税, en: VAT credit refunds}}\n" +
				"          - {value: 200, unit: 亿元, label: {zh: 丙, en: C}}\n"}},
			want: []string{alpha + `:14:9: error: the parts of achievements[1].metrics[1] add up to 615亿元, more than the whole (577亿元)`},
		},
		{
			name:  "unknown status",
			edits: []edit{{alpha, "status: not-rated", "status: done"}},
			want:  []string{alpha + `:18:13: error: pledges[1].status "done" is not a known status`},
			hint:  "not-rated, in-progress",
		},
		{
			name:  "verdict without a source",
			edits: []edit{{alpha, "status: not-rated", "status: achieved"}},
			want:  []string{alpha + `:18:13: error: pledges[1] is rated "achieved" without an update: no verdict without a source`},
			hint:  "add an update with the date, what happened and a source link",
		},
		{
			name:  "update without a source",
			edits: []edit{{alpha, "    status: not-rated\n", "    status: in-progress\n    updates:\n      - {date: 2022-12-20, zh: 已发放, en: Granted}\n"}},
			want:  []string{alpha + `:20:9: error: pledges[1].updates[1] has no source`},
			hint:  "no verdict without a source",
		},
		{
			name:  "status disagrees with the newest update",
			edits: []edit{{alpha, "    status: not-rated\n", "    status: achieved\n    updates:\n      - {date: 2022-12-20, zh: 推进中, en: Under way, source: \"https://example.org/n\", status: in-progress}\n"}},
			want:  []string{alpha + `:18:13: error: pledges[1] has status "achieved" but its newest update says "in-progress"`},
			hint:  "set status: in-progress",
		},
		{
			name:  "a link to an earlier edition on a site of one",
			edits: []edit{{alpha, "    status: not-rated\n", "    status: not-rated\n    again: {edition: 3, pledge: 1}\n"}},
			want:  []string{alpha + `:19:22: error: pledges[1].again.edition "3" does not exist`},
			hint:  "none: this is the first edition",
		},
		{
			name:  "due before the event",
			edits: []edit{{alpha, "date: 2022-12-31", "date: 2021-12-31"}},
			want:  []string{alpha + `:17:10: error: pledges[1].due 2021-12-31 is before the event (2022-11-24)`},
			hint:  "check the year",
		},
		{
			name:  "old form: a due date without what it rests on",
			edits: []edit{{alpha, "due: {date: 2022-12-31, inferred: 全年}", "due: 2022-12-31"}},
			want:  []string{alpha + `:17:10: error: pledges[1].due gives a date but not the words it rests on`},
			hint:  "due: {date: 2022-12-31, stated: 年底前}",
		},
		{
			name:  "a due date resting on words the pledge does not have",
			edits: []edit{{alpha, "inferred: 全年", "stated: 年底前"}},
			want:  []string{alpha + `:17:37: error: pledges[1].due.stated "年底前" is not in the pledge's text`},
			hint:  "quote the pledge's own words",
		},
		{
			name:  "a due date both stated and inferred",
			edits: []edit{{alpha, "inferred: 全年}", "inferred: 全年, stated: 全年}"}},
			want:  []string{alpha + `:17:39: error: pledges[1].due is both stated and inferred`},
		},
		{
			name:  "unknown comparison",
			edits: []edit{{alpha, "compare: more-than", "compare: more"}},
			want:  []string{alpha + `:16:46: error: pledges[1].target.compare "more" is not a known comparison`},
			hint:  "超过 is more-than",
		},
		{
			name:  "old form: a count in a bare measure word without its noun",
			edits: []edit{{beta, "  - {zh: 年底前完成, en: Finish by the end of the year}\n", "  - zh: 完成减排项目400个\n    en: Complete 400 emission-cutting projects\n    target: {value: 400, unit: 个}\n"}},
			want:  []string{beta + `:13:32: error: pledges[1].target: 个 is a bare measure word, and the figure does not say what it counts`},
			hint:  "noun: {zh: 项目, en: {one: project, other: projects}}",
		},
		{
			name:  "a count's English noun missing",
			edits: []edit{{beta, "  - {zh: 年底前完成, en: Finish by the end of the year}\n", "  - zh: 完成减排项目400个\n    en: Complete 400 emission-cutting projects\n    target: {value: 400, unit: 个, noun: {zh: 项目}}\n"}},
			want:  []string{beta + `:13:41: error: pledges[1].target.noun has no en noun`},
			hint:  "add “en: …” to noun:",
		},
		{
			name:  "a count's English noun without its plural",
			edits: []edit{{beta, "  - {zh: 年底前完成, en: Finish by the end of the year}\n", "  - zh: 完成减排项目400个\n    en: Complete 400 emission-cutting projects\n    target: {value: 400, unit: 个, noun: {zh: 项目, en: projects}}\n"}},
			want:  []string{beta + `:13:54: error: pledges[1].target.noun.en is one word, but en writes the noun after the number, where 1 and other numbers differ`},
			hint:  "en: {one: projects, other: …}",
		},
		{
			name:  "a noun for a unit that is not a measure word",
			edits: []edit{{alpha, "unit: 亿元,", "unit: 亿元, noun: {zh: 贷款, en: {one: loan, other: loans}},"}},
			want:  []string{alpha + `:16:43: error: pledges[1].target.noun: 亿元 is not a measure word; the unit already says what is counted`},
			hint:  "remove noun:",
		},
		{
			name:  "a scope in a measure word needs its noun too",
			edits: []edit{{beta, "  - {zh: 年底前完成, en: Finish by the end of the year}\n", "  - zh: 调度91个重大项目\n    en: Coordinate 91 major projects\n    scope: {value: 91, unit: 个}\n"}},
			want:  []string{beta + `:13:30: error: pledges[1].scope: 个 is a bare measure word, and the figure does not say what it counts`},
		},
		{
			name:  "two pledges with one id",
			edits: []edit{{alpha, "    status: not-rated\n", "    status: not-rated\n    id: loans\n  - {zh: 年底前完成, en: Finish by the end of the year, id: loans}\n"}},
			want:  []string{alpha + `:20:56: error: pledges[2].id "loans" is already the id of pledges[1]`},
			hint:  "an id of its own",
		},
		{
			name:  "a correction with no source reading",
			edits: []edit{{beta, "statement:", "corrections:\n  - {corrected: 新建学校, note: {zh: 原文有误。, en: The source is wrong.}}\nstatement:"}},
			want:  []string{beta + `:13:5: error: corrections[1] has no printed reading`},
			hint:  "printed:",
		},
		{
			name:  "a correction whose corrected reading is not in the text",
			edits: []edit{{beta, "statement:", "corrections:\n  - {printed: 新建学枚, corrected: 新建学院, note: {zh: 原文有误。, en: The source is wrong.}}\nstatement:"}},
			want:  []string{beta + `:13:32: error: the corrected reading "新建学院" is not in the text`},
			hint:  "correct the text too",
		},
		{
			name:  "a correction whose printed reading is still in the text",
			edits: []edit{{beta, "新建学校10所, en", "新建学校10所，新建学枚, en"}, {beta, "statement:", "corrections:\n  - {printed: 新建学枚, corrected: 新建学校, note: {zh: 原文有误。, en: The source is wrong.}}\nstatement:"}},
			want:  []string{beta + `:9:18: error: the text still has the printed reading "新建学枚"`},
			hint:  "replace it with 新建学校",
		},
		{
			name:  "an article's correction: printed reading still in the body, corrected one nowhere",
			edits: []edit{{reportZH, "reporters: [刘兰星, 杨光]\n", "reporters: [刘兰星, 杨光]\ncorrections:\n  - printed: 抓落实\n    corrected: 抓实干\n    note: {zh: 原文有误。, en: The source is wrong.}\n"}},
			want: []string{
				reportZH + `:8:16: error: the corrected reading "抓实干" is not in the text`,
				reportZH + `:12:30: error: the text still has the printed reading "抓落实"`,
			},
			hint: "correct the text too",
		},
		{
			name:  "a correction's note needs every language",
			edits: []edit{{reportZH, "reporters: [刘兰星, 杨光]\n", "reporters: [刘兰星, 杨光]\ncorrections:\n  - printed: 抓落实了\n    corrected: 抓落实\n    note: {zh: 原文有误。}\n"}},
			want:  []string{reportZH + `:9:11: error: corrections[1].note has no en translation`},
		},
		{
			name:  "unknown unit",
			edits: []edit{{alpha, "unit: 亿元", "unit: 亿"}},
			want:  []string{alpha + `:16:33: error: unknown unit "亿"`},
			hint:  "content/units.yaml",
		},
		{
			name:  "empty list",
			edits: []edit{{alpha, "achievements:\n  - zh: 完成投资2541亿元\n    en: Completed 254.1 billion yuan of investment\n", "achievements: []\n"}},
			want:  []string{alpha + `:10:15: error: achievements is empty`},
		},
		{
			name:  "key given twice",
			edits: []edit{{alpha, "group: demand\n", "group: demand\ngroup: wellbeing\n"}},
			want:  []string{alpha + `:4:1: error: group is given twice`},
		},
		{
			name:  "anchors refused",
			edits: []edit{{beta, "name: {zh: 乙局", "name: &n {zh: 乙局"}},
			want:  []string{beta + `:4:7: error: YAML anchors and aliases (& and *) are not supported in content`},
		},
		{
			name:  "a second document",
			edits: []edit{{beta, "  en: We will serve the people.\n", "  en: We will serve the people.\n---\norder: 3\n"}},
			want:  []string{beta + `:15:1: error: a second YAML document starts here; a content file holds one`},
		},
		{
			name:  "order used twice",
			edits: []edit{{beta, "order: 2", "order: 1"}},
			want:  []string{beta + `:2:8: error: order 1 is already used by content/departments/alpha.yaml`},
			hint:  "the next free one is 2",
		},
		{
			name:  "unknown group",
			edits: []edit{{beta, "group: wellbeing", "group: welfare"}},
			want:  []string{beta + `:3:8: error: group "welfare" does not exist`},
			hint:  "demand, wellbeing",
		},
		{
			name:  "invalid group id",
			edits: []edit{{"content/groups.yaml", "- id: demand", "- id: Demand"}, {alpha, "group: demand", "group: Demand"}},
			want:  []string{`content/groups.yaml:1:7: error: group id "Demand" is not a valid id`},
		},
		{
			name:  "file name is not a slug",
			edits: []edit{{"content/departments/Gamma_Bureau.yaml", "", strings.Replace(readFile(t, filepath.Join(checkSite, beta)), "order: 2", "order: 3", 1)}},
			want:  []string{`content/departments/Gamma_Bureau.yaml:0:0: error: file name "Gamma_Bureau" is not a valid slug (it becomes the page's address)`},
		},
		{
			name:  "file that does not belong",
			edits: []edit{{"content/departments/gamma.yml", "", "order: 3\n"}},
			want:  []string{`content/departments/gamma.yml:0:0: error: unexpected file in content/departments`},
			hint:  "end in .yaml",
		},
		{
			name:  "not UTF-8",
			edits: []edit{{beta, "name: {zh: 乙局", "name: {zh: \xd2\xd2\xbe\xd6"}},
			want:  []string{beta + `:4:12: error: file is not valid UTF-8 (it may have been saved as GBK or another legacy encoding)`},
		},
		{
			name:  "a line separator pasted from a web page",
			edits: []edit{{alpha, "完成投资2541亿元", "完成投资\u20282541亿元"}},
			want:  []string{alpha + `:11:13: error: a line separator (U+2028) breaks the line here, invisibly`},
		},
		{
			name:  "old Mac line endings",
			edits: []edit{{beta, "order: 2\n", "order: 2\r"}},
			want:  []string{beta + `:2:9: error: a carriage return (CR) without a line feed breaks the line here, invisibly`},
		},
		{
			name:  "empty file",
			edits: []edit{{beta, "", "# nothing yet\n"}},
			want:  []string{beta + `:1:1: error: file is empty`},
		},
		{
			name:  "byte-order mark and CRLF line endings are accepted",
			edits: []edit{{alpha, "", "\ufeff" + strings.ReplaceAll(readFile(t, filepath.Join(checkSite, alpha)), "\n", "\r\n")}},
			code:  0,
		},
		{
			name:  "link in a statement to a department that does not exist",
			edits: []edit{{alpha, "(/departments/beta/)。", "(/departments/gamma/)。"}},
			want:  []string{alpha + `:21:11: error: link to "/departments/gamma/" points to no page`},
		},
		{
			name:  "link in an article to a department that does not exist",
			edits: []edit{{reportEN, "(/departments/alpha/)", "(/departments/alfa/)"}},
			want:  []string{reportEN + `:8:1: error: link to "/departments/alfa/" points to no page`},
		},
		{
			name:  "link in an article to an article that does not exist",
			edits: []edit{{reportEN, "(/articles/report/)", "(/articles/reprot/)"}},
			want:  []string{reportEN + `:12:5: error: link to "/articles/reprot/" points to no page`},
		},
		{
			name:  "link in a statement to an article that does not exist",
			edits: []edit{{alpha, "(/departments/beta/)。", "(/articles/annual-review/)。"}},
			want:  []string{alpha + `:21:11: error: link to "/articles/annual-review/" points to no page`},
		},
		{
			name:  "broken link and a typo elsewhere, in one run",
			edits: []edit{{reportEN, "(/departments/alpha/)", "(/departments/alfa/)"}, {beta, "pledges:", "pledge:"}},
			want: []string{
				reportEN + `:8:1: error: link to "/departments/alfa/" points to no page`,
				beta + `:10:1: error: unknown key "pledge" in the file`,
			},
		},
		{
			name:  "a department that does not load is still a link target",
			edits: []edit{{beta, "order: 2", "order: 2: 3"}},
			want:  []string{beta + `:2:9: error: YAML syntax: mapping values are not allowed in this context`},
		},
		{
			name:  "front matter: misspelt key",
			edits: []edit{{reportZH, "reporters:", "reporter:"}},
			want:  []string{reportZH + `:5:1: error: unknown key "reporter" in front matter`},
			hint:  `did you mean "reporters"?`,
		},
		{
			name:  "front matter: invalid date",
			edits: []edit{{reportZH, "date: 2022-11-25", "date: 2022-11-31"}},
			want:  []string{reportZH + `:3:7: error: date: "2022-11-31" is not a valid date`},
		},
		{
			name:  "front matter: missing title",
			edits: []edit{{reportZH, "title: 上“擂台”话“实干”\n", ""}},
			want:  []string{reportZH + `:2:1: error: front matter is missing required key "title"`},
		},
		{
			name:  "article without front matter",
			edits: []edit{{reportZH, "", "正文。\n"}},
			want:  []string{reportZH + `:1:1: error: article has no front matter`},
		},
		{
			name:  "article without its translation",
			edits: []edit{{reportEN, "", "-"}},
			want:  []string{reportZH + `:0:0: error: article "report" has no en version`},
		},
		{
			name:  "article text not filled in",
			edits: []edit{{reportEN, "## Second part", "TODO the second part"}},
			want:  []string{reportEN + `:10:1: error: the article's text is not filled in yet`},
		},
		{
			name: "problems in several files, sorted by file and line",
			edits: []edit{
				{beta, "order: 2", "order: 1"},
				{alpha, "  en: Alpha Bureau\n", ""},
				{alpha, "group: demand", "group: [demand]"},
			},
			want: []string{
				alpha + `:3:8: error: group must be text, not a list`,
				alpha + `:5:3: error: name has no en translation`,
				beta + `:2:8: error: order 1 is already used by content/departments/alpha.yaml`,
			},
		},
	}
	runCheckCases(t, checkSite, cases)
}

// checkCase is a way to break a site and what `check` must say of it.
type checkCase struct {
	name  string
	edits []edit
	want  []string // file:line:col: severity: message, in the order printed
	hint  string   // a part of the first problem's hint
	code  int      // exit status; 1 unless said
}

// runCheckCases applies each case's edits to a copy of the site in src and
// checks what `check` reports: exactly want, the hint, an exit status, and a
// hint for every problem.
func runCheckCases(t *testing.T, src string, cases []checkCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := copySite(t, src)
			applyEdits(t, filepath.Dir(cfg), c.edits)
			code, problems := checkJSON(t, cfg)
			var got []string
			for _, p := range problems {
				got = append(got, p.String())
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("problems:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
			}
			wantCode := c.code
			if len(c.want) > 0 {
				wantCode = 1
			}
			if code != wantCode {
				t.Errorf("exit status %d, want %d", code, wantCode)
			}
			if c.hint != "" && (len(problems) == 0 || !strings.Contains(problems[0].Hint, c.hint)) {
				t.Errorf("hint does not contain %q: %+v", c.hint, problems)
			}
			for _, p := range problems {
				if p.Hint == "" {
					t.Errorf("%s: no hint", p)
				}
			}
		})
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// With translations: {pending: true}, a missing translation is a warning: check
// and build succeed, and the page shows the other language, marked.
func TestPendingTranslation(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	applyEdits(t, root, []edit{
		{"config.yaml", "languages:", "translations: {pending: true}\nlanguages:"},
		{"content/departments/alpha.yaml", "  en: Alpha Bureau\n", ""},
	})
	code, problems := checkJSON(t, cfg)
	want := []string{"content/departments/alpha.yaml:5:3: warning: name has no en translation yet"}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	if code != 0 || !slices.Equal(got, want) {
		t.Errorf("exit %d, problems %v; want 0 and %v", code, got, want)
	}
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCmd("build", "--config", cfg, "--destination", out)
	if code != 0 || !strings.Contains(stderr, "warning: name has no en translation yet") {
		t.Fatalf("build exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	page := readFile(t, filepath.Join(out, "en", "departments", "alpha", "index.html"))
	if !strings.Contains(page, `<span lang="zh-Hans">甲局</span> <span class="pending">(translation pending)</span>`) {
		t.Error("the English page does not show the Chinese name marked as pending")
	}
}

// A site says what it is in config.yaml (description, intro), per language;
// without them the summary and the feed use the theme's general wording, which
// names no city and no number of departments.
func TestSiteDescriptionAndIntro(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	build := func() string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "public")
		if code, stdout, stderr := runCmd("build", "--config", cfg, "--destination", out); code != 0 {
			t.Fatalf("build exit %d:\n%s%s", code, stdout, stderr)
		}
		return out
	}
	out := build()
	zh := readFile(t, filepath.Join(out, "zh", "index.html"))
	for _, want := range []string{`<p class="intro">各部门走上擂台，亮绩赛绩、查摆差距，立下年终“军令状”。</p>`, `<meta name="description" content="各部门的成绩与年终“军令状”。">`} {
		if !strings.Contains(zh, want) {
			t.Errorf("without description and intro, the Chinese summary lacks the theme's %s", want)
		}
	}

	applyEdits(t, root, []edit{{"config.yaml", "languages:", "description: {zh: 甲市的承诺, en: \"Alpha City's pledges\"}\nintro: {zh: 三个部门立下军令状。, en: Three departments made pledges.}\nlanguages:"}})
	out = build()
	en := readFile(t, filepath.Join(out, "en", "index.html"))
	for _, want := range []string{`<p class="intro">Three departments made pledges.</p>`, `<meta name="description" content="Alpha City&#39;s pledges">`} {
		if !strings.Contains(en, want) {
			t.Errorf("the English summary lacks config.yaml's %s", want)
		}
	}
	if feed := readFile(t, filepath.Join(out, "en", "atom.xml")); !strings.Contains(feed, "<subtitle>Alpha City&#39;s pledges</subtitle>") {
		t.Error("the English feed's subtitle is not config.yaml's description")
	}

	// The intro may count the site's departments; a placeholder it does not
	// fill in is an error at its line, not a page that prints it.
	applyEdits(t, root, []edit{{"config.yaml", "intro: {zh: 三个部门立下军令状。, en: Three departments made pledges.}", "intro: {zh: \"{departments}个部门立下军令状。\", en: \"{departments} departments made pledges.\"}"}})
	out = build()
	if en := readFile(t, filepath.Join(out, "en", "index.html")); !strings.Contains(en, `<p class="intro">2 departments made pledges.</p>`) {
		t.Error("the English intro does not count the site's two departments")
	}
	applyEdits(t, root, []edit{{"config.yaml", "{departments} departments made", "{departmets} departments made"}})
	code, problems := checkJSON(t, cfg)
	if code != 1 || len(problems) != 1 || problems[0].Message != "intro.en: {departmets} is not filled in" || !strings.Contains(problems[0].Hint, "{departments}") {
		t.Errorf("a misspelt placeholder: exit %d, problems %v; want one error naming intro.en and {departmets}", code, problems)
	}
	applyEdits(t, root, []edit{{"config.yaml", "{departmets} departments made", "{departments} departments made"}})

	applyEdits(t, root, []edit{{"config.yaml", `, en: "Alpha City's pledges"`, ""}})
	code, problems = checkJSON(t, cfg)
	if code != 1 || len(problems) != 1 || !strings.HasSuffix(problems[0].File, "config.yaml") || !strings.Contains(problems[0].Message, `"en"`) || !strings.Contains(problems[0].Message, "description") {
		t.Errorf("description without en: exit %d, problems %v; want one error in config.yaml naming description and en", code, problems)
	}
}

// check reads and renders everything a build would and writes nothing: not the
// output folder, not a temporary one beside it, not a byte of the site. Fine
// content, broken content, an earlier build in public/ and --destination are
// all met.
func TestCheckWritesNothing(t *testing.T) {
	cfg := copySite(t, checkSite)
	root := filepath.Dir(cfg)
	parent := filepath.Dir(root)
	elsewhere := filepath.Join(parent, "elsewhere")
	run := func(t *testing.T, wantCode int, args ...string) {
		t.Helper()
		before := snapshot(t, parent) // the site and what lies beside it
		code, stdout, stderr := runCmd(append([]string{"check", "--config", cfg}, args...)...)
		if code != wantCode {
			t.Fatalf("check %v: exit %d, want %d\n%s%s", args, code, wantCode, stdout, stderr)
		}
		sameSnapshot(t, before, snapshot(t, parent))
		if _, err := os.Stat(elsewhere); !os.IsNotExist(err) {
			t.Errorf("check made %s", elsewhere)
		}
	}
	t.Run("fine content", func(t *testing.T) { run(t, 0) })
	t.Run("fine content, --destination", func(t *testing.T) { run(t, 0, "--destination", elsewhere) })
	t.Run("fine content, JSON", func(t *testing.T) { run(t, 0, "--format", "json") })
	if code, stdout, stderr := runCmd("build", "--config", cfg); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(root, "public", "index.html")); err != nil {
		t.Fatal(err)
	}
	t.Run("over an earlier build", func(t *testing.T) { run(t, 0) })
	applyEdits(t, root, []edit{{"content/departments/alpha.yaml", "pledges:", "pledge:"}})
	t.Run("broken content", func(t *testing.T) { run(t, 1) })
	t.Run("broken content, --destination", func(t *testing.T) { run(t, 1, "--destination", elsewhere) })
}
