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
