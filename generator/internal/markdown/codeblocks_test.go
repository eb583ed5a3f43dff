package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

// A code block takes the keyboard focus, so a wide one can be scrolled
// without a pointer.
func TestCodeBlocksFocusable(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"fenced, with its language", "```go\nif a < b && c {\n```", "<pre tabindex=\"0\"><code class=\"language-go\">if a &lt; b &amp;&amp; c {\n</code></pre>\n"},
		{"fenced, without a language", "```\nx\n```", "<pre tabindex=\"0\"><code>x\n</code></pre>\n"},
		{"indented", "    <b>\n", "<pre tabindex=\"0\"><code>&lt;b&gt;\n</code></pre>\n"},
	} {
		if got := render(t, Options{Lang: "zh"}, c.src).HTML; got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
	// Raw HTML is the editor's own: a <pre> written so is left as written.
	if got, want := render(t, Options{Lang: "en", Unsafe: true}, "<pre>x</pre>").HTML, "<pre>x</pre>"; got != want {
		t.Errorf("raw <pre>: got %q, want %q", got, want)
	}
}

// Apart from the attribute, a code block is written as goldmark writes it:
// the same escaping, language, lines, tabs and blank lines, wherever the
// block stands.
func TestCodeBlocksAsGoldmarkWritesThem(t *testing.T) {
	plain := goldmark.New()
	for _, src := range []string{
		"```go\nfunc main() {\n\n\tprintln(\"<&>\")\n}\n```",
		"```c&#43;&#43; {.x}\nx\n```",
		"~~~ py\\{thon\nx\n~~~",
		"```\n```",
		"```\nunterminated",
		"\tindented with a tab\n\n\tafter a blank line\n",
		"- item\n\n      code in a list\n",
		"> ```\n> quoted\n> ```",
		"text\r\n\r\n    crlf\r\n",
	} {
		var want bytes.Buffer
		if err := plain.Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		w := strings.ReplaceAll(want.String(), "<pre>", `<pre tabindex="0">`)
		if got := render(t, Options{Lang: "en"}, src).HTML; got != w {
			t.Errorf("%q:\n got %q\nwant %q", src, got, w)
		}
	}
}
