package build

import (
	"path/filepath"
	"strings"
	"testing"

	"leitai/generator/internal/config"
	"leitai/generator/internal/testsite"
)

// TestMissingInterfaceStringInL checks that {{ .L.key }} is as strict as
// {{ .T "key" }}: a key the language's strings lack stops the build with the
// key's name, rather than rendering an empty text (html/template would print
// "<no value>" without missingkey=error).
func TestMissingInterfaceStringInL(t *testing.T) {
	dir := testsite.Copy(t)
	for _, name := range []string{"department.html", filepath.Join("partials", "card.html")} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, "themes", "default", "layouts", name)
			testsite.Edit(t, p, "$.L.target", "$.L.no_such_string")
			defer testsite.Edit(t, p, "$.L.no_such_string", "$.L.target")
			out := filepath.Join(t.TempDir(), "public")
			_, err := Run(Options{Config: filepath.Join(dir, "config.yaml"), Overrides: config.Overrides{Destination: out}})
			if err == nil {
				t.Fatal("the build succeeded with a missing interface string")
			}
			if !strings.Contains(err.Error(), "no_such_string") {
				t.Errorf("the error does not name the key: %v", err)
			}
		})
	}
}
