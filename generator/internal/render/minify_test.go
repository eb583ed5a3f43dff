package render

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The minifier's rules as regular expressions: the reference minifyCSS is
// checked against, clearer to read than fast to run.
var (
	cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
	cssSpace   = regexp.MustCompile(`\s+`)
	cssPunct   = regexp.MustCompile(`\s*([{};,>])\s*`)
	cssDecls   = regexp.MustCompile(`\{[^{}]*\}`)
	cssColon   = regexp.MustCompile(`:\s+`)
)

func minifyCSSRegexp(b []byte) []byte {
	b = cssComment.ReplaceAll(b, nil)
	b = cssSpace.ReplaceAll(b, []byte(" "))
	b = cssPunct.ReplaceAll(b, []byte("$1"))
	b = cssDecls.ReplaceAllFunc(b, func(block []byte) []byte { return cssColon.ReplaceAll(block, []byte(":")) })
	b = bytes.ReplaceAll(b, []byte(";}"), []byte("}"))
	return append(bytes.TrimSpace(b), '\n')
}

// minifyCSS gives the reference's bytes on the theme's stylesheet, on awkward
// inputs, and on random ones built from CSS's punctuation, white space and
// comment marks.
func TestMinifyCSSMatchesReference(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "themes", "default", "static", "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{string(src), "", " ", "/*", "/* a", "/**/", "/*/ a */b", "a/**/b", "a /* x */ b",
		"{}", "{ }", "a{b: c;}", "a{b:\tc ;  }", "@m (x: 1){a{b : c}}", "{{}}", "}{", "a :hover{}",
		"a{b:c}/* unclosed", "a ,\n b > c{d:  e}", "\f a \r", ": ", "{: }", "a{b:;}", "{;}", "x;}"}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", " ", "  ", "\t", "\n", "\r\n", "\f", "{", "}", ";", ",", ">", ":", "/*", "*/", "/", "*", "\"", "é", "\v"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.IntN(40); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	for _, in := range inputs {
		if got, want := minifyCSS([]byte(in)), minifyCSSRegexp([]byte(in)); !bytes.Equal(got, want) {
			t.Fatalf("minifyCSS(%q):\n got %q\nwant %q", in, got, want)
		}
	}
}

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
