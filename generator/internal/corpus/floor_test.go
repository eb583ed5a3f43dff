package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"leitai/generator/internal/testsite"
)

// TestFloorTexts: every department's statement in both languages and every
// article's body, without its front matter, are the floor's Markdown texts;
// rendered, they are HTML.
func TestFloorTexts(t *testing.T) {
	dir := t.TempDir()
	s := New(Options{Departments: 25, Seed: 1})
	if err := s.WriteLeitai(dir, theme); err != nil {
		t.Fatal(err)
	}
	texts, err := FloorTexts(filepath.Join(dir, "content"))
	if err != nil {
		t.Fatal(err)
	}
	if want := 2 * (len(s.Departments) + len(s.Articles)); len(texts) != want {
		t.Fatalf("%d texts, want %d", len(texts), want)
	}
	langs := map[string]int{}
	for _, x := range texts {
		langs[x.Lang]++
		if bytes.HasPrefix(x.Source, []byte("---")) || bytes.Contains(x.Source, []byte("\ntitle: ")) {
			t.Errorf("a %s text holds front matter: %.80q", x.Lang, x.Source)
		}
	}
	if langs["zh"] != len(texts)/2 || langs["en"] != len(texts)/2 {
		t.Errorf("texts by language: %v", langs)
	}
	d, html, err := RenderFloorTexts(texts)
	if err != nil || d <= 0 || html < int64(len(texts))*20 {
		t.Errorf("rendered in %s, %d bytes of HTML, error %v", d, html, err)
	}
}

// TestFloorMarkdown: the floor's goldmark has the extensions Leitai's
// markdown package relies on.
func TestFloorMarkdown(t *testing.T) {
	for _, c := range []struct{ lang, src, want string }{
		{"en", "# A title\n", `<h1 id="a-title">A title</h1>`},
		{"en", "| a |\n|---|\n| b |\n", "<table>"},
		{"en", "~~gone~~\n", "<del>gone</del>"},
		{"en", "x[^1]\n\n[^1]: note\n", `class="footnotes"`},
		{"en", "one\ntwo\n", "one\ntwo"},
		{"zh", "第一行\n第二行\n", "第一行第二行"},
	} {
		var b bytes.Buffer
		if err := floorMarkdown(c.lang).Convert([]byte(c.src), &b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("%s %q renders %q, want it to hold %q", c.lang, c.src, b.String(), c.want)
		}
	}
}

// TestFloorTree: a built site read into memory and written to a new folder is
// the same site, file for file and byte for byte; a folder that exists already
// is refused.
func TestFloorTree(t *testing.T) {
	src := testsite.WriteFiles(t, map[string]string{
		"index.html":                  "<p>root</p>",
		"zh/index.html":               "<p>总览</p>",
		"zh/departments/a/index.html": "<h1>A</h1>",
		"zh/data/pledges.csv":         "a,b\r\n",
		"style.0123456789.css":        "a{b:c}",
	})
	tree, err := ReadFloorTree(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.Files) != 5 || len(tree.Dirs) != 4 {
		t.Errorf("%d files and %d folders, want 5 and 4", len(tree.Files), len(tree.Dirs))
	}
	dst := filepath.Join(t.TempDir(), "copy")
	if _, err := tree.WriteTo(dst); err != nil {
		t.Fatal(err)
	}
	want, got := testsite.Files(t, src), testsite.Files(t, dst)
	if len(got) != len(want) {
		t.Errorf("%d files written, want %d", len(got), len(want))
	}
	for name, b := range want {
		if !bytes.Equal(got[name], b) {
			t.Errorf("%s: %q, want %q", name, got[name], b)
		}
	}
	if _, err := tree.WriteTo(dst); !os.IsExist(err) {
		t.Errorf("writing into an existing folder: %v, want an error that it exists", err)
	}
}
