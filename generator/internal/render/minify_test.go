package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMinifyCSS(t *testing.T) {
	in := `/* theme */
:root {
  --ink: #1f1f1f;   /* text */
}
.a :hover, .b > .c {
  font-family: "PingFang SC", sans-serif;
  margin: 0 auto;
}
@media (min-width: 40rem) {
  h1 { font-size: 2rem; }
}
.credits dt::after { content: "："; }
`
	want := `:root{--ink:#1f1f1f}.a :hover,.b>.c{font-family:"PingFang SC",sans-serif;margin:0 auto}@media (min-width: 40rem){h1{font-size:2rem}}.credits dt::after{content:"："}` + "\n"
	if got := string(minifyCSS([]byte(in))); got != want {
		t.Errorf("minifyCSS:\n got %s\nwant %s", got, want)
	}
}

// The theme's stylesheet keeps every rule: the same selectors, in order.
func TestMinifyKeepsThemeRules(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "themes", "default", "static", "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(cssComment.ReplaceAll(src, nil)), "/*") {
		t.Fatal("the theme has /* outside a comment; minifyCSS would misread it")
	}
	min := minifyCSS(src)
	if len(min) >= len(src)*9/10 {
		t.Errorf("minified %d of %d bytes: less than 10%% saved", len(min), len(src))
	}
	if strings.Count(string(min), "{") != strings.Count(string(cssComment.ReplaceAll(src, nil)), "{") {
		t.Error("a rule was lost")
	}
}
