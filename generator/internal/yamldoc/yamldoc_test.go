package yamldoc

import (
	"strings"
	"testing"

	"leitai/generator/internal/diag"
)

func TestIsPlaceholder(t *testing.T) {
	for s, want := range map[string]bool{
		"TODO":               true,
		"TODO 部门全称":          true,
		"  TODO: name":       true,
		"TODO\n":             true,
		"TODO。":              true,
		"TODOS":              false,
		"TODO_list":          false,
		"todo":               false,
		"Finish the TODO":    false,
		"":                   false,
		"To do before March": false,
	} {
		if got := IsPlaceholder(s); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestClosestKey(t *testing.T) {
	known := []string{"order", "group", "name", "leader", "achievements", "pledges", "statement"}
	for key, want := range map[string]string{
		"pledge":      "pledges",
		"nmae":        "name",
		"Name":        "name",
		"achievement": "achievements",
		"statment":    "statement",
		"leaders":     "leader",
		"photo":       "",
		"deadline":    "",
	} {
		if got := closest(key, known); got != want {
			t.Errorf("closest(%q) = %q, want %q", key, got, want)
		}
	}
}

// A 10,000-level file within yaml.v3's own limit parses, and the tree is refused
// at this package's depth, at the first node too deep.
func TestDepthLimits(t *testing.T) {
	var problems diag.List
	_, root := Parse("x.yaml", []byte(strings.Repeat("- ", 10000)+"x"), &problems)
	if root != nil || len(problems) != 1 || problems[0].Col != 2*maxDepth+1 {
		t.Errorf("root %v, problems %v", root, problems)
	}
}

// Fields reports unknown, repeated and missing keys; the Map it returns gives
// the first value of each known key, in the file's order, and nothing else.
func TestFieldsMap(t *testing.T) {
	src := "zh: 一\nnote: x\nen: one\nzh: 二\n"
	var problems diag.List
	d, root := Parse("t.yaml", []byte(src), &problems)
	if root == nil {
		t.Fatalf("parse: %v", problems)
	}
	m, ok := d.Fields(root, "name", []string{"zh", "en", "fr"}, []string{"zh", "fr"})
	if !ok {
		t.Fatal("a mapping was refused")
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Msg)
	}
	want := []string{`unknown key "note" in name`, "name.zh is given twice", `name is missing required key "fr"`}
	if strings.Join(msgs, "|") != strings.Join(want, "|") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if v := m.Get("zh"); v == nil || v.Value != "一" {
		t.Errorf("Get(zh) = %v, want the first value", v)
	}
	if v := m.Get("note"); v != nil {
		t.Errorf("Get of an unknown key = %q, want nil", v.Value)
	}
	if v := m.Get("fr"); v != nil {
		t.Errorf("Get of a missing key = %q, want nil", v.Value)
	}
	var got []string
	for k, v := range m.All() {
		got = append(got, k+"="+v.Value)
	}
	if strings.Join(got, " ") != "zh=一 en=one" {
		t.Errorf("All = %v, want [zh=一 en=one]", got)
	}

	var p2 diag.List
	d2, scalar := Parse("s.yaml", []byte("just text\n"), &p2)
	m2, ok := d2.Fields(scalar, "name", []string{"zh"}, nil)
	if ok || m2.Get("zh") != nil || len(p2) != 1 {
		t.Errorf("a scalar: ok %v, Get %v, problems %v", ok, m2.Get("zh"), p2)
	}
	for range m2.All() {
		t.Error("All of a scalar yielded a key")
	}
}
