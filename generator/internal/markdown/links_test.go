package markdown

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// siteLinks is a ResolveLink for tests: a few known pages under /zh/.
func siteLinks(dest string) (string, bool) {
	switch dest {
	case "/departments/finance/", "/articles/x/#sec":
		return "/zh" + dest, true
	case "/search/":
		return "/zh/search/?q=a&lang=zh", true
	}
	return "", false
}

func TestRenderBrokenLinkLines(t *testing.T) {
	src, err := os.ReadFile("testdata/links.md")
	if err != nil {
		t.Fatal(err)
	}
	res, err := New(Options{Lang: "zh", ResolveLink: siteLinks}).Render(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []BrokenLink{
		{"/no-such-page/", 5, 5},
		{"/gone/", 8, 7},      // in a block quote
		{"/gone-too/", 11, 7}, // link text spans lines 11-12
		{"/gone-table/", 16, 7},
		{"/gone-ref/", 18, 4}, // reported where the reference is used
		{"/gone-note/", 22, 11},
	}
	if !reflect.DeepEqual(res.BrokenLinks, want) {
		t.Errorf("BrokenLinks\n got %+v\nwant %+v", res.BrokenLinks, want)
	}
	for _, s := range []string{
		`<a href="/zh/departments/finance/">有效链接</a>`,
		`<a href="/zh/articles/x/#sec">另一个</a>`,
		`<a href="/no-such-page/">失效链接</a>`,
		`<a href="https://example.com/">外部</a>`,
		`<a href="//cdn.example.com/x.js">协议相对</a>`,
		`<a href="/gone-ref/">链接</a>`,
	} {
		if !strings.Contains(res.HTML, s) {
			t.Errorf("HTML lacks %s:\n%s", s, res.HTML)
		}
	}
}

func TestRenderResolveLink(t *testing.T) {
	tests := []struct {
		name       string
		src        string
		wantHTML   string
		wantBroken []BrokenLink
	}{
		{
			name:     "internal link resolved",
			src:      "[财务](/departments/finance/)",
			wantHTML: "<p><a href=\"/zh/departments/finance/\">财务</a></p>\n",
		},
		{
			name:     "fragment passed to resolver",
			src:      "[节](/articles/x/#sec)",
			wantHTML: "<p><a href=\"/zh/articles/x/#sec\">节</a></p>\n",
		},
		{
			name:     "resolved URL emitted as returned",
			src:      "[搜](/search/)",
			wantHTML: "<p><a href=\"/zh/search/?q=a&amp;lang=zh\">搜</a></p>\n",
		},
		{
			name:     "escapes decoded before resolving",
			src:      `[财务](/departments\/finance/)`,
			wantHTML: "<p><a href=\"/zh/departments/finance/\">财务</a></p>\n",
		},
		{
			name:       "missing target kept and reported",
			src:        "第一行\n\n见[旧文](/old/page/)。",
			wantHTML:   "<p>第一行</p>\n<p>见<a href=\"/old/page/\">旧文</a>。</p>\n",
			wantBroken: []BrokenLink{{"/old/page/", 3, 2}},
		},
		{
			name:     "external, relative, fragment and protocol-relative links untouched",
			src:      "[a](https://x.org/) [b](./rel/) [c](#top) [d](//cdn.x.org/) [e](mailto:a@x.org)",
			wantHTML: "<p><a href=\"https://x.org/\">a</a> <a href=\"./rel/\">b</a> <a href=\"#top\">c</a> <a href=\"//cdn.x.org/\">d</a> <a href=\"mailto:a@x.org\">e</a></p>\n",
		},
		{
			name:     "images are not resolved as pages",
			src:      "![图](/img/a.png)",
			wantHTML: "<p><img src=\"/img/a.png\" alt=\"图\"></p>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := render(t, Options{Lang: "zh", ResolveLink: siteLinks}, tt.src)
			if res.HTML != tt.wantHTML {
				t.Errorf("HTML\n got %q\nwant %q", res.HTML, tt.wantHTML)
			}
			if !reflect.DeepEqual(res.BrokenLinks, tt.wantBroken) {
				t.Errorf("BrokenLinks\n got %+v\nwant %+v", res.BrokenLinks, tt.wantBroken)
			}
		})
	}
}

// An image's site-internal source goes through ResolveImage, as written once
// its escapes are decoded; other sources are left alone.
func TestRenderResolveImage(t *testing.T) {
	var asked []string
	opts := Options{Lang: "zh", ResolveLink: siteLinks, ResolveImage: func(src string) string {
		asked = append(asked, src)
		return "/pledges" + src
	}}
	for _, c := range []struct{ src, want string }{
		{"![图](/images/x.svg)", `<img src="/pledges/images/x.svg" alt="图">`},
		{`![图](/images\/a&amp;b.png)`, `<img src="/pledges/images/a&amp;b.png" alt="图">`},
		{"[![图](/images/x.svg)](/departments/finance/)", `<a href="/zh/departments/finance/"><img src="/pledges/images/x.svg" alt="图"></a>`},
		{"![a](https://x.org/a.png) ![b](//cdn.x.org/b.png) ![c](rel/c.png)", `<img src="https://x.org/a.png" alt="a"> <img src="//cdn.x.org/b.png" alt="b"> <img src="rel/c.png" alt="c">`},
	} {
		if res := render(t, opts, c.src); !strings.Contains(res.HTML, c.want) {
			t.Errorf("%s: HTML %q lacks %q", c.src, res.HTML, c.want)
		}
	}
	if want := []string{"/images/x.svg", "/images/a&b.png", "/images/x.svg"}; !reflect.DeepEqual(asked, want) {
		t.Errorf("ResolveImage was asked %q, want %q", asked, want)
	}
}

func TestRenderNilResolveLink(t *testing.T) {
	res := render(t, Options{Lang: "zh"}, "[a](/nowhere/)")
	if want := "<p><a href=\"/nowhere/\">a</a></p>\n"; res.HTML != want {
		t.Errorf("HTML %q, want %q", res.HTML, want)
	}
	if res.BrokenLinks != nil {
		t.Errorf("BrokenLinks = %+v, want none", res.BrokenLinks)
	}
}

func TestLineOfCRLF(t *testing.T) {
	src := "a\r\n\r\nb\r\n[x](/missing/)\r\n"
	res := render(t, Options{Lang: "en", ResolveLink: siteLinks}, src)
	want := []BrokenLink{{"/missing/", 4, 1}}
	if !reflect.DeepEqual(res.BrokenLinks, want) {
		t.Errorf("BrokenLinks %+v, want %+v", res.BrokenLinks, want)
	}
}
