package markdown

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// slowInputs are texts goldmark takes the square of their length over, each of
// about size bytes, with where Render refuses them. They are built from what was
// measured (BENCHMARKS.md, “Markdown that would be slow”).
func slowInputs(size int) []struct {
	name, src string
	line, col int
	msg       string
} {
	lead := "# 标题\n\n正文。\n\n"
	lines := func(line string) string { return strings.Repeat(line, size/len(line)) }
	var indented strings.Builder
	for i := 0; i < 40; i++ {
		indented.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	return []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"a line of >", lead + strings.Repeat(">", size), 5, 33, "block quotes, lists and footnotes are nested more than 32 deep here"},
		{"a line of > and spaces", lead + strings.Repeat("> ", size/2), 5, 65, "block quotes, lists and footnotes are nested more than 32 deep here"},
		{"a line of list markers", lead + strings.Repeat("* ", size/2) + "x", 5, 65, "block quotes, lists and footnotes are nested more than 32 deep here"},
		{"a line of numbered markers", lead + strings.Repeat("1. ", size/3) + "x", 5, 97, "block quotes, lists and footnotes are nested more than 32 deep here"},
		{"a line of footnote definitions", lead + strings.Repeat("[^a]: ", size/6), 5, 193, "block quotes, lists and footnotes are nested more than 32 deep here"},
		{"lists nested by indentation", lead + indented.String(), 37, 65, "block quotes, lists and footnotes are nested more than 32 deep here"},
		{"a quote in a list in a quote", lead + strings.Repeat("> - ", size/4) + "x", 5, 65, "block quotes, lists and footnotes are nested more than 32 deep here"},
		{"link addresses that never end", lead + strings.Repeat("[a](", size/4), 5, 3, "the link address after this “](” runs on for"},
		{"angle addresses that never end", lead + strings.Repeat("[a](<", size/5), 5, 3, "the link address after this “](” runs on for"},
		{"image addresses that never end", lead + strings.Repeat("![a](", size/5), 5, 4, "the link address after this “](” runs on for"},
		{"a paragraph of reference definitions", lead + lines("[k]: /x\n"), 5, 1, "a paragraph of more than 1000 lines starts here"},
		{"a paragraph of link starts", lead + lines("[a](\n"), 5, 1, "a paragraph of more than 1000 lines starts here"},
		{"a quoted paragraph of links", lead + lines("> [a](/x)\n"), 5, 1, "a paragraph of more than 1000 lines starts here"},
		{"link texts that close far away", lead + strings.Repeat("[", 900) + strings.Repeat("x", 200000) + strings.Repeat("]", 900), 5, 200921, "this “]” closes a “[” 200041 characters back"},
		{"a text of brackets", lead + strings.Repeat("[", size), 5, 20001, "a text of more than 20000 “[” (links, images, footnotes): this is the 20001th"},
		{"a text of links", lead + strings.Repeat("见[市财政局](/departments/finance/)。\n\n", 20001), 40005, 2, "a text of more than 20000 “[” (links, images, footnotes): this is the 20001th"},
		// Tables of 498 rows (1,500 “|” each): the 20,001st “|” is the third of
		// the 165th row of the 14th.
		{"a text of table cells", lead + strings.Repeat("|a|b|\n|-|-|\n"+strings.Repeat("|x|y|\n", 498)+"\n", 20), 4 + 13*501 + 2 + 165, 5, "a text of more than 20000 table cells (“|”): this is the 20001th"},
		{"a text of headings", lead + lines("# 标题\n"), 10004, 1, "a text of more than 10000 headings: this is heading 10001"},
		{"a text of setext headings", lead + lines("a\n=\n"), 20004, 1, "a text of more than 10000 headings: this is heading 10001"},
		{"emphasis marks that never match", lead + strings.Repeat("*a **b", size/6), 5, 1, "a paragraph with more than 1000 runs of emphasis marks (* _ ~) starts here"},
		{"emphasis marks in a heading", lead + "## " + strings.Repeat("_a __b", size/6), 5, 1, "a paragraph with more than 1000 runs of emphasis marks (* _ ~) starts here"},
	}
}

// Render refuses each construct goldmark is slow over, at the place it starts,
// without rendering anything.
func TestRefusesSlowConstructs(t *testing.T) {
	r := New(Options{Lang: "zh", Unsafe: true, ResolveLink: siteLinks})
	for _, c := range slowInputs(100 << 10) {
		t.Run(c.name, func(t *testing.T) {
			res, err := r.Render([]byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Refused) == 0 {
				t.Fatalf("rendered %d bytes of HTML; want it refused", len(res.HTML))
			}
			got := res.Refused[0]
			if got.Line != c.line || got.Col != c.col || !strings.HasPrefix(got.Msg, c.msg) || got.Hint == "" {
				t.Errorf("refused at %d:%d: %s (hint %q)\nwant %d:%d: %s…", got.Line, got.Col, got.Msg, got.Hint, c.line, c.col, c.msg)
			}
			if res.HTML != "" || len(res.Refused) > maxRefusals {
				t.Errorf("HTML %d bytes, %d refusals", len(res.HTML), len(res.Refused))
			}
		})
	}
}

// What articles hold, and the most of each construct the limits allow, is
// rendered.
func TestAcceptsWhatArticlesHold(t *testing.T) {
	var lists strings.Builder
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&lists, "段落 %d。\n\n- 一\n  - 二\n    > 三\n\n", i)
	}
	var nested strings.Builder
	for i := 0; i < 32; i++ {
		nested.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	cases := map[string]string{
		"32 levels of quotes":              strings.Repeat(">", 32) + " 深\n",
		"32 levels of list markers":        strings.Repeat("- ", 32) + "x\n",
		"32 levels by indentation":         nested.String(),
		"lists after lists":                lists.String(),
		"a thematic break of 40 dashes":    strings.Repeat("- ", 40) + "\n",
		"quotes in a code fence":           "```\n" + strings.Repeat(">", 100) + "\n```\n",
		"quotes in an indented code":       "text\n\n    " + strings.Repeat("> ", 100) + "\n",
		"a paragraph of 1000 lines":        strings.Repeat("很长的一段话，[链接](/departments/finance/)。\n", 1000),
		"a 3000-character address":         "[a](https://example.org/" + strings.Repeat("x", 3000) + ")\n",
		"addresses with brackets":          strings.Repeat("[a](https://zh.wikipedia.org/wiki/X_(Y)) ", 1000) + "\n",
		"escaped brackets in an address":   strings.Repeat(`[a](/x\(y) `, 1000) + "\n",
		"many headings of one name":        strings.Repeat("## 小结\n\n", 10000),
		"1000 emphasis marks a paragraph":  strings.Repeat(strings.Repeat("*重点* ", 500)+"\n\n", 20),
		"snake_case in link addresses":     strings.Repeat("[a](/x_y_z) ", 1000) + "\n",
		"many setext headings of one name": strings.Repeat("a\n=\n", 5000) + strings.Repeat("b\n---\n", 5000),
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "content", "articles", "*.md"))
	golden, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	for _, f := range append(files, golden...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases[f] = string(b)
	}
	if len(files) == 0 {
		t.Fatal("no articles in content/articles")
	}
	r := New(Options{Lang: "zh", ResolveLink: siteLinks})
	for name, src := range cases {
		res, err := r.Render([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Refused) > 0 {
			t.Errorf("%s: refused: %+v", name, res.Refused[0])
		}
	}
}

// The scan measures a line's addresses by reading each one, and a line past
// the limit again in one pass each way; both must find the same ends, or a
// refusal would name another address than the one goldmark reads furthest.
func TestAddressEndsAgree(t *testing.T) {
	const alphabet = "](](<>() \\\t\rax"
	rng := rand.New(rand.NewPCG(14, 17))
	for range 20000 {
		l := make([]byte, rng.IntN(40))
		for i := range l {
			l[i] = alphabet[rng.IntN(len(alphabet))]
		}
		ends := addressEnds(l)
		for start := range l {
			if start >= 2 && l[start-2] == ']' && l[start-1] == '(' || start >= 1 && l[start-1] == ' ' {
				if got, want := addressEnd(l, start), ends.end(l, start); got != want {
					t.Fatalf("%q from %d: read to %d, one pass each way says %d", l, start, got, want)
				}
			}
		}
	}
}
