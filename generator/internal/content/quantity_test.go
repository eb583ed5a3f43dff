package content

import (
	"math"
	"strings"
	"testing"

	"leitai/generator/internal/diag"
)

// A target's value is a finite number a pledge can have, held exactly; a
// value that would print as +Inf, or lose its last digits, is refused where it
// is written.
func TestTargetValues(t *testing.T) {
	const dept = "order: 1\ngroup: g\nname: {zh: 甲, en: A}\nleader:\n  name: {zh: 张, en: Zhang}\n  title: {zh: 局长, en: Director}\n" +
		"achievements:\n  - zh: 完成\n    en: Done\n    metrics:\n      - {value: METRIC, unit: 亿元}\n" +
		"pledges:\n  - zh: 完成\n    en: Do\n    target: {value: VALUE, unit: 亿元}\n" +
		"statement: {zh: 干, en: Do}\n"
	cases := []struct {
		value, want string // want "" means accepted
	}{
		{"2541", ""},
		{"-12.85", ""},
		{"1e15", ""},
		{"123456789012345", ""},
		{"0.000000000000000000001", ""},
		{"1e308", "x.yaml:15:21: pledges[1].target.value 1e308 is beyond ±10¹⁵, the largest a target or figure may be"},
		{"-1.5e16", "x.yaml:15:21: pledges[1].target.value -1.5e16 is beyond ±10¹⁵, the largest a target or figure may be"},
		{"1e400", `x.yaml:15:21: pledges[1].target.value must be a number, not the text "1e400"`},
		{".inf", "x.yaml:15:21: pledges[1].target.value must be a finite number, not .inf"},
		{"-.Inf", "x.yaml:15:21: pledges[1].target.value must be a finite number, not -.Inf"},
		{".nan", "x.yaml:15:21: pledges[1].target.value must be a finite number, not .nan"},
		{"123456789012345.67", "x.yaml:15:21: pledges[1].target.value 123456789012345.67 has more digits than can be kept exactly"},
		{"0.1234567890123456", "x.yaml:15:21: pledges[1].target.value 0.1234567890123456 has more digits than can be kept exactly"},
	}
	for _, c := range cases {
		for _, where := range []string{"target", "metric"} {
			src := strings.Replace(strings.Replace(dept, "VALUE", c.value, 1), "METRIC", "1", 1)
			want := c.want
			if where == "metric" {
				src = strings.Replace(strings.Replace(dept, "METRIC", c.value, 1), "VALUE", "1", 1)
				want = strings.Replace(strings.Replace(want, "15:21", "11:17", 1), "pledges[1].target", "achievements[1].metrics[1]", 1)
			}
			var problems diag.List
			d := DecodeDepartment("x.yaml", []byte(src), langs, &problems)
			var got string
			if len(problems) > 0 {
				got = problems[0].Pos.String() + ": " + problems[0].Msg
			}
			if got != want || len(problems) > 1 {
				t.Errorf("%s %s: got %v\nwant %s", where, c.value, problems, want)
				continue
			}
			if want == "" {
				v := d.Pledges[0].Target.Value
				if where == "metric" {
					v = d.Record[0].Metrics[0].Value
				}
				if math.IsInf(v, 0) || math.IsNaN(v) || math.Abs(v) > MaxQuantity {
					t.Errorf("%s %s: accepted as %v", where, c.value, v)
				}
			}
		}
	}
}
