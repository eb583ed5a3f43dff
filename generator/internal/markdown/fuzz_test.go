package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"
)

// FuzzRender renders any text as the site does, safe and unsafe, in Chinese and
// English. The seed corpus is the real articles, the golden inputs and the
// slow and hostile shapes of limits_test.go, small; `go test` runs it, and
// `go test -run - -fuzz FuzzRender -parallel 1 ./generator/internal/markdown`
// searches further.
//
// Whatever the text: no panic; a refusal or HTML, never both; problems placed
// inside the text; and in safe mode no raw HTML tag the text did not get from
// goldmark's own markup, and no link or image a browser would run as script.
func FuzzRender(f *testing.F) {
	// The real texts in pieces of a few paragraphs: the fuzzer mutates and
	// minimises small inputs many times faster than a 25 KB report.
	for _, dir := range []string{filepath.Join("..", "..", "..", "content", "articles"), "testdata"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			for _, piece := range pieces(b, 2<<10) {
				f.Add(piece)
			}
		}
	}
	for _, c := range slowInputs(2 << 10) {
		f.Add([]byte(c.src))
	}
	for _, s := range []string{
		"<javascript:alert(1)> [a](JaVaScRiPt:x) ![i](vbscript:x) [d](data:text/html,x) <data:image/png;base64,AA>",
		"[a](&#106;avascript:alert(1)) [b](\x00javascript:x) [c][r]\n\n[r]: javascript:x",
		"<script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:x\">y</a>",
		"# 标题\n\n## 标题\n\n[链接](/departments/finance/) [坏](/departments/gone/)\n\n[^1]\n\n[^1]: 注 [坏](/gone/)",
		"|a|b|\n|-|-|\n|[x](/gone/)|*y*|\n",
		"> - 1. [a](/x)\n>   > b\n\n***粗*斜**中文**强调**",
	} {
		f.Add([]byte(s))
	}
	safe := map[string]*Renderer{}
	unsafe := map[string]*Renderer{}
	for _, lang := range []string{"zh", "en"} {
		safe[lang] = New(Options{Lang: lang, ResolveLink: siteLinks})
		unsafe[lang] = New(Options{Lang: lang, Unsafe: true, ResolveLink: siteLinks})
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, lang := range []string{"zh", "en"} {
			for mode, r := range map[string]*Renderer{"safe": safe[lang], "unsafe": unsafe[lang]} {
				res, err := r.Render(src)
				if err != nil {
					t.Fatalf("%s %s: %v", lang, mode, err)
				}
				if len(res.Refused) > 0 && (res.HTML != "" || res.BrokenLinks != nil) {
					t.Fatalf("%s %s: refused and rendered", lang, mode)
				}
				for _, x := range res.Refused {
					if x.Line < 1 || x.Line > lines || x.Col < 1 || x.Msg == "" || x.Hint == "" {
						t.Fatalf("%s %s: refusal out of place: %+v (%d lines)", lang, mode, x, lines)
					}
				}
				for _, b := range res.BrokenLinks {
					if b.Line < 0 || b.Line > lines || b.Col < 0 || !strings.HasPrefix(b.Dest, "/") {
						t.Fatalf("%s %s: broken link out of place: %+v (%d lines)", lang, mode, b, lines)
					}
				}
				if utf8.Valid(src) && !utf8.ValidString(res.HTML) {
					t.Fatalf("%s %s: UTF-8 in, not UTF-8 out", lang, mode)
				}
				for _, h := range res.Headings {
					if h.ID == "" || strings.ContainsAny(h.ID, " \"<>") {
						t.Fatalf("%s %s: heading ID %q", lang, mode, h.ID)
					}
				}
				if mode == "safe" {
					checkSafe(t, res.HTML)
				}
			}
		}
	})
}

// pieces cuts a text at blank lines into pieces of about size bytes.
func pieces(b []byte, size int) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		cut := len(b)
		if cut > size {
			if i := bytes.LastIndex(b[:size], []byte("\n\n")); i > 0 {
				cut = i + 2
			} else if i := bytes.Index(b[size:], []byte("\n\n")); i >= 0 {
				cut = size + i + 2
			}
		}
		out = append(out, b[:cut])
		b = b[cut:]
	}
	return out
}

// checkSafe fails when HTML rendered in safe mode holds an element or an
// attribute that could run script, or a link or image to a script address,
// as an HTML parser reads it.
func checkSafe(t *testing.T, out string) {
	t.Helper()
	z := nethtml.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			return
		}
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "iframe", "object", "embed", "style", "svg", "math", "form", "input", "base", "meta", "link":
			t.Fatalf("safe HTML holds <%s>:\n%s", tok.Data, out)
		}
		for _, a := range tok.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Fatalf("safe HTML holds an event handler %s:\n%s", a.Key, out)
			}
			if a.Key != "href" && a.Key != "src" {
				continue
			}
			u := strings.ToLower(strings.TrimLeftFunc(a.Val, func(r rune) bool { return r <= ' ' }))
			for _, scheme := range []string{"javascript:", "vbscript:", "data:text", "data:application"} {
				if strings.HasPrefix(u, scheme) {
					t.Fatalf("safe HTML links to %s:\n%s", a.Val, out)
				}
			}
		}
	}
}
