package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Without CJK characters next to the delimiters, the CJK-friendly parsers
// must agree with goldmark's own. The inputs are mostly examples from the
// emphasis section of the CommonMark spec and the GFM strikethrough spec.
// (The whole CommonMark 0.31 suite in goldmark's _test/spec.json was also
// checked to render identically, heading IDs aside, when the parser was
// written.)
func TestEmphasisMatchesGoldmarkWithoutCJK(t *testing.T) {
	inputs := []string{
		"*foo bar*", "a * foo bar*", `a*"foo"*`, "* a *", "foo*bar*", "5*6*78",
		"_foo bar_", "_ foo bar_", `a_"foo"_`, "foo_bar_", "5_6_78",
		"пристаням_стремятся_", `aa_"bb"_cc`, "foo-_(bar)_", "_foo*",
		"*foo bar *", "*(*foo)", "*(*foo*)*", "*foo*bar", "_foo bar _", "_(_foo)",
		"_(_foo_)_", "_foo_bar", "_пристаням_стремятся", "_foo_bar_baz_", "_(bar)_.",
		"**foo bar**", "** foo bar**", `a**"foo"**`, "foo**bar**", "__foo bar__",
		"__ foo bar__", "__\nfoo bar__", `a__"foo"__`, "foo__bar__", "5__6__78",
		"пристаням__стремятся__", "__foo, __bar__, baz__", "foo-__(bar)__",
		"*foo [bar](/url)*", "*foo\nbar*", "_foo __bar__ baz_", "*foo *bar**",
		"foo***bar***baz", "foo******bar*********baz", "*foo**bar*", "***foo** bar*",
		`**foo "*bar*" foo**`, "*a `*`*", "_a `_`_", "**a<http://foo.bar/?q=**>",
		"*foo _bar* baz_", "**foo**bar", "a * b * c", `foo**"bar"**baz`,
		"«*foo*»", "¿**qué**?", "**“quoted”**text", "*$*alpha.", "*£*bravo.",
		"~~Hi~~ Hello, ~there~ world!", "This ~~has a\n\nnew paragraph~~.",
		"This will ~~~not~~~ strike.", "a~~\"b\"~~c",
	}
	mine := New(Options{Lang: "en"})
	stock := goldmark.New(goldmark.WithExtensions(extension.Strikethrough))
	for _, in := range inputs {
		got, err := mine.Render([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := stock.Convert([]byte(in), &want); err != nil {
			t.Fatal(err)
		}
		if got.HTML != want.String() {
			t.Errorf("Render(%q)\n got %q\nwant %q (goldmark)", in, got.HTML, want.String())
		}
	}
}

// Where CommonMark refuses emphasis next to CJK text, the amendment accepts
// it; these inputs all render differently from stock goldmark.
func TestEmphasisDiffersFromGoldmarkNextToCJK(t *testing.T) {
	inputs := []string{"**“军令状”**是", "**真，**她", "他立下**“军令状”**。", "注意**（重要）**事项"}
	mine := New(Options{Lang: "zh"})
	stock := goldmark.New()
	for _, in := range inputs {
		got, err := mine.Render([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := stock.Convert([]byte(in), &want); err != nil {
			t.Fatal(err)
		}
		if got.HTML == want.String() {
			t.Errorf("Render(%q) = %q, same as goldmark; want <strong>", in, got.HTML)
		}
	}
}

func TestIsCJK(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{'a', false}, {'“', false}, {'”', false}, {'—', false}, {'…', false}, {'·', false},
		{'中', true}, {'，', true}, {'。', true}, {'、', true}, {'「', true}, {'（', true},
		{'あ', true}, {'カ', true}, {'한', true}, {'ㄱ', true}, {'𠮟', true}, {'〽', true},
		{'😀', false}, {'\U0001F202', true}, {0xfe0e, false}, {0xe0100, false},
	}
	for _, tt := range tests {
		if got := isCJK(tt.r); got != tt.want {
			t.Errorf("isCJK(%U %c) = %v, want %v", tt.r, tt.r, got, tt.want)
		}
	}
}
