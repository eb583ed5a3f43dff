package linkcheck

import (
	"slices"
	"testing"

	"leitai/generator/internal/testsite"
)

const base = "https://example.org/pledges/"

// Every link the site's tests trust the checker with: the good ones pass, and
// each kind of broken link is found, on its page, with its reason.
func TestCheckFindsWhatLeadsNowhere(t *testing.T) {
	dir := testsite.WriteFiles(t, map[string]string{
		"index.html": `<meta http-equiv="refresh" content="0; url=/pledges/zh/">` +
			`<a href="/pledges/zh/">ok</a><a href="zh/departments/a/">ok, relative</a>` +
			`<a href="https://example.org/pledges/zh/departments/a/#pledge-1">ok, absolute with a fragment</a>` +
			`<a href="https://elsewhere.example/x/">another host</a><a href="mailto:desk@example.org">mail</a>` +
			`<link rel="stylesheet" href="/pledges/style.css"><img src="/pledges/favicon.svg" alt="">`,
		"zh/index.html": `<a href="departments/b/">a page that does not exist</a>` +
			`<a href="/pledges/zh/departments/a/#pledge-9">a fragment that does not exist</a>` +
			`<a href="/zh/departments/a/">outside the base path</a>` +
			`<a href="https://example.org/elsewhere/">outside the base path, absolute</a>` +
			`<a href="departments/">a folder without a page</a>` +
			`<a href="departments">a folder, without the slash</a>` +
			`<img src="/pledges/zh/chart.svg" alt="a missing file">` +
			`<a href="">empty</a>`,
		"zh/departments/a/index.html": `<h1 id="top">A</h1><ol><li id="pledge-1">x</li></ol><a href="../../">up</a><a href="#top">top</a>`,
		"zh/departments/c/index.html": `<a href="../a/#pledge-1">ok</a>`,
		"404.html":                    `<meta http-equiv="refresh" content="5; URL=/pledges/gone/">`,
		"style.css":                   `a{}`,
		"favicon.svg":                 `<svg/>`,
	})
	broken, err := Check(dir, base)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range broken {
		got = append(got, b.String())
	}
	want := []string{
		`404.html: content="/pledges/gone/": no such file /gone/index.html`,
		`zh/index.html: href="": empty link`,
		`zh/index.html: href="/pledges/zh/departments/a/#pledge-9": no element with id pledge-9`,
		`zh/index.html: href="/zh/departments/a/": outside the site's base path /pledges/`,
		`zh/index.html: href="departments": a folder without index.html`,
		`zh/index.html: href="departments/": no such file /zh/departments/index.html`,
		`zh/index.html: href="departments/b/": no such file /zh/departments/b/index.html`,
		`zh/index.html: href="https://example.org/elsewhere/": outside the site's base path /pledges/`,
		`zh/index.html: src="/pledges/zh/chart.svg": no such file /zh/chart.svg`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("broken links:\n got %q\nwant %q", got, want)
	}
}

// A site whose links all resolve, under a base path and at a domain's root.
func TestCheckPassesAWholeSite(t *testing.T) {
	for _, b := range []string{base, "https://example.org/"} {
		prefix := "/pledges/"
		if b == "https://example.org/" {
			prefix = "/"
		}
		dir := testsite.WriteFiles(t, map[string]string{
			"index.html":                  `<a href="` + prefix + `zh/">zh</a>`,
			"zh/index.html":               `<a href="departments/a/#p">a</a><a href="` + b + `zh/">self</a>`,
			"zh/departments/a/index.html": `<p id="p">x</p>`,
		})
		broken, err := Check(dir, b)
		if err != nil {
			t.Fatal(err)
		}
		if len(broken) > 0 {
			t.Errorf("base %s: %v", b, broken)
		}
	}
}

func TestLinksReadsRefreshTargetsOnly(t *testing.T) {
	got := Links("p.html", []byte(`<meta name="description" content="a, b"><meta http-equiv="refresh" content="0; url=/x/"><a href="/a?b=1&amp;c=2">`))
	want := []Link{{"p.html", "content", "/x/"}, {"p.html", "href", "/a?b=1&c=2"}}
	if !slices.Equal(got, want) {
		t.Errorf("Links = %+v, want %+v", got, want)
	}
}
