package deploy

import (
	"slices"
	"strings"
	"testing"
)

func file(key, md5 string, size int64) File { return File{Key: key, MD5: md5, Size: size} }

func keys(ups []Upload) []string {
	var out []string
	for _, u := range ups {
		out = append(out, u.Key)
	}
	return out
}

func TestPlanUploadsWhatDiffersAndDeletesWhatIsGone(t *testing.T) {
	local := []File{
		file("index.html", "aaaa", 10),
		file("zh/index.html", "bbbb", 20),
		file("style.0123456789.css", "cccc", 30),
		file("zh/data/pledges.csv", "dddd", 40),
		file("favicon.svg", "eeee", 50),
	}
	remote := []Object{
		{Key: "index.html", ETag: `"AAAA"`, Size: 10},                 // the same, as stores quote it
		{Key: "zh/index.html", ETag: `"ffff"`, Size: 20},              // changed
		{Key: "zh/data/pledges.csv", ETag: `"dddd"`, Size: 41},        // same hash claimed, other size
		{Key: "favicon.svg", ETag: `"eeee-2"`, Size: 50},              // uploaded in parts: not an MD5
		{Key: "style.9876543210.css", ETag: `"9999"`, Size: 30},       // the old stylesheet
		{Key: "zh/departments/gone/index.html", ETag: `"1"`, Size: 1}, // a removed department
	}
	p := NewPlan(local, remote, false)
	if got, want := keys(p.Uploads), []string{"favicon.svg", "style.0123456789.css", "zh/data/pledges.csv", "zh/index.html"}; !slices.Equal(got, want) {
		t.Errorf("uploads %v, want %v", got, want)
	}
	if p.Unchanged != 1 {
		t.Errorf("unchanged %d, want 1", p.Unchanged)
	}
	if want := []string{"style.9876543210.css", "zh/departments/gone/index.html"}; !slices.Equal(p.Deletes, want) {
		t.Errorf("deletes %v, want %v", p.Deletes, want)
	}
	if p.UploadBytes != 50+30+40+20 {
		t.Errorf("upload bytes %d", p.UploadBytes)
	}
	for _, u := range p.Uploads {
		if u.New != (u.Key == "style.0123456789.css") {
			t.Errorf("%s: New = %v", u.Key, u.New)
		}
	}
	// Forced, everything goes up, and nothing more is deleted.
	f := NewPlan(local, remote, true)
	if len(f.Uploads) != len(local) || f.Unchanged != 0 || !slices.Equal(f.Deletes, p.Deletes) {
		t.Errorf("forced: %d uploads, %d unchanged, deletes %v", len(f.Uploads), f.Unchanged, f.Deletes)
	}
}

// Whatever order the files come in, they go up assets first, then data,
// then pages, the home page last; and the plan is the same each time.
func TestPlanOrder(t *testing.T) {
	local := []File{
		file("index.html", "1", 1), file("zh/index.html", "2", 1), file("en/departments/finance/index.html", "3", 1),
		file("zh/data/pledges.json", "4", 1), file("zh/atom.xml", "5", 1), file("sitemap.xml", "6", 1),
		file("style.0123456789.css", "7", 1), file("search.0123456789.js", "8", 1), file("favicon.svg", "9", 1),
		file("pagefind/pagefind-entry.json", "a", 1), file("pagefind/index/zh_1.pf_index", "b", 1),
		file("pagefind/pagefind.js", "c", 1), file("404.html", "d", 1), file("_headers", "e", 1),
	}
	want := []string{
		"favicon.svg", "pagefind/index/zh_1.pf_index", "pagefind/pagefind.js", "search.0123456789.js", "style.0123456789.css",
		"_headers", "pagefind/pagefind-entry.json", "sitemap.xml", "zh/atom.xml", "zh/data/pledges.json",
		"404.html", "en/departments/finance/index.html", "zh/index.html",
		"index.html",
	}
	for i := 0; i < 3; i++ {
		shuffled := slices.Clone(local)
		slices.Reverse(shuffled[i:])
		if got := keys(NewPlan(shuffled, nil, false).Uploads); !slices.Equal(got, want) {
			t.Errorf("order:\n got %v\nwant %v", got, want)
		}
	}
}

func TestNormalETag(t *testing.T) {
	for in, want := range map[string]string{`"9E107D9D372BB6826BD81D3542A419D6"`: "9e107d9d372bb6826bd81d3542a419d6", `W/"abc"`: "abc", "abc": "abc"} {
		if got := normalETag(in); got != want {
			t.Errorf("normalETag(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCredentialsFromTheEnvironmentOnly(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		name    string
		vars    map[string]string
		from    string
		errWant string
	}{
		{"aws", map[string]string{"AWS_ACCESS_KEY_ID": "id", "AWS_SECRET_ACCESS_KEY": "s"}, "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", ""},
		{"oss", map[string]string{"OSS_ACCESS_KEY_ID": "id", "OSS_ACCESS_KEY_SECRET": "s"}, "OSS_ACCESS_KEY_ID/OSS_ACCESS_KEY_SECRET", ""},
		{"cos", map[string]string{"COS_SECRETID": "id", "COS_SECRETKEY": "s"}, "COS_SECRETID/COS_SECRETKEY", ""},
		{"aws first", map[string]string{"COS_SECRETID": "x", "COS_SECRETKEY": "y", "AWS_ACCESS_KEY_ID": "id", "AWS_SECRET_ACCESS_KEY": "s"}, "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", ""},
		{"half a pair", map[string]string{"AWS_ACCESS_KEY_ID": "id", "OSS_ACCESS_KEY_ID": "id", "OSS_ACCESS_KEY_SECRET": "s"}, "", "AWS_SECRET_ACCESS_KEY is not"},
		{"none", map[string]string{}, "", "no access key in the environment"},
	} {
		got, err := CredentialsFrom(env(c.vars))
		switch {
		case c.errWant != "":
			if err == nil || !strings.Contains(err.Error(), c.errWant) {
				t.Errorf("%s: error %v, want %q", c.name, err, c.errWant)
			}
		case err != nil:
			t.Errorf("%s: %v", c.name, err)
		case got.From != c.from || got.ID != "id" || got.Secret != "s":
			t.Errorf("%s: %+v", c.name, got)
		}
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || len(s) >= len(sub) && (s[:len(sub)] == sub || contains(s[1:], sub))
}
