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
	for _, c := range []struct{ name, key string }{
		{filepath.Join("partials", "pledge.html"), "$L.target"},
		{filepath.Join("partials", "card.html"), "$.L.target"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, "themes", "default", "layouts", c.name)
			missing := strings.Replace(c.key, "target", "no_such_string", 1)
			testsite.Edit(t, p, c.key, missing)
			defer testsite.Edit(t, p, missing, c.key)
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
