package yamldoc

import (
	"testing"

	"gopkg.in/yaml.v3"
)

func TestScalar(t *testing.T) {
	for s, want := range map[string]string{
		"市财政局":           "市财政局",
		"Finance Bureau": "Finance Bureau",
		"":               `""`,
		"- item":         `"- item"`,
		"key: value":     `"key: value"`,
		"text #comment":  `"text #comment"`,
		"ends:":          `"ends:"`,
		" padded":        `" padded"`,
		`"quoted"`:       `"\"quoted\""`,
		"a\\b: c":        `"a\\b: c"`,
		"two\nlines":     `"two\nlines"`,
		"tab\there":      `"tab\there"`,
		"作风能力提升年“部门擂台”": "作风能力提升年“部门擂台”",
	} {
		got := Scalar(s)
		if got != want {
			t.Errorf("Scalar(%q) = %s, want %s", s, got, want)
		}
		// Whatever form it takes, YAML reads it back as the same text.
		var back map[string]string
		if err := yaml.Unmarshal([]byte("v: "+got), &back); err != nil {
			t.Errorf("Scalar(%q) = %s does not parse: %v", s, got, err)
		} else if back["v"] != s {
			t.Errorf("Scalar(%q) = %s reads back as %q", s, got, back["v"])
		}
	}
}
