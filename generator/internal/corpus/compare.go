package corpus

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Comparison is how the output of the Leitai build and of the Hugo build of the
// same corpus differ: the benchmark's first rule is that both do the same work,
// so they must write the same files with the same contents.
type Comparison struct {
	// OnlyLeitai and OnlyHugo are the files one build wrote and the other did
	// not, by their compared names (see CompareName).
	OnlyLeitai, OnlyHugo []string
	// Kinds sums up the files both wrote, by kind of file.
	Kinds []KindSummary
	// Differ lists the files both wrote whose compared contents differ.
	Differ []string
}

// KindSummary is one kind of file ("department page", "atom.xml") in both builds.
type KindSummary struct {
	Kind                   string
	Files, Differ          int
	LeitaiBytes, HugoBytes int64 // all files of the kind, also those only one build wrote
}

// hashed is an asset name with Leitai's fingerprint: style.e02b82a30a.css.
var hashed = regexp.MustCompile(`\b(style|search)\.[0-9a-f]{10}\.(css|js)\b`)

// CompareName is the name a file is compared under: the not-found page is
// 404.html at the root in Leitai and under the default language in Hugo, and
// fingerprinted assets differ by their hash (Hugo's CSS minifier writes other
// bytes than Leitai's).
func CompareName(rel string, hugo bool) string {
	rel = filepath.ToSlash(rel)
	if hugo && rel == "zh/404.html" {
		rel = "404.html"
	}
	return hashed.ReplaceAllString(rel, "$1.#.$2")
}

// space is a run of white space; between two tags it goes, elsewhere it is one
// space. The two template engines indent differently; the markup is the same.
var (
	space      = regexp.MustCompile(`\s+`)
	spaceInTag = regexp.MustCompile(`>\s+<`)
)

// normalizePage is a page's markup with white space and asset hashes evened out.
func normalizePage(b []byte) []byte {
	b = hashed.ReplaceAll(b, []byte("$1.#.$2"))
	b = space.ReplaceAll(b, []byte(" "))
	return bytes.TrimSpace(spaceInTag.ReplaceAll(b, []byte("><")))
}

// kindOf names the kind of file a compared name is, for the summary.
func kindOf(name string) string {
	if strings.Contains(name, ".#.") || name == "favicon.svg" {
		return "assets"
	}
	if !strings.HasSuffix(name, ".html") {
		return langless(name)
	}
	parts := strings.Split(langless(name), "/")
	kind := "page: summary"
	switch {
	case name == "index.html":
		kind = "page: root"
	case name == "404.html":
		kind = "page: 404"
	case parts[0] == "articles" && (len(parts) == 2 || parts[1] == "page"):
		kind = "page: articles list"
	case parts[0] == "articles":
		kind = "page: article"
	case parts[0] == "departments":
		kind = "page: department"
	case parts[0] == "groups":
		kind = "page: group"
	case parts[0] == "search":
		kind = "page: search"
	}
	if strings.Contains(name, "/page/") {
		kind += " (later pages)"
	}
	return kind
}

// langless is a file's name without its language folder: en/atom.xml is atom.xml.
func langless(name string) string {
	if i := strings.IndexByte(name, '/'); i >= 0 && (name[:i] == "zh" || name[:i] == "en") {
		return name[i+1:]
	}
	return name
}

// Compare compares the Leitai build in leitaiDir with the Hugo build in hugoDir.
// Pages are compared after normalizePage; fingerprinted assets are not
// compared (their bytes differ by minifier); every other file byte for byte,
// but for the assets' hashes it names.
func Compare(leitaiDir, hugoDir string) (*Comparison, error) {
	l, err := listFiles(leitaiDir, false)
	if err != nil {
		return nil, err
	}
	h, err := listFiles(hugoDir, true)
	if err != nil {
		return nil, err
	}
	c := &Comparison{}
	kinds := map[string]*KindSummary{}
	kind := func(name string) *KindSummary {
		k := kindOf(name)
		if kinds[k] == nil {
			kinds[k] = &KindSummary{Kind: k}
		}
		return kinds[k]
	}
	for name, lf := range l {
		hf, ok := h[name]
		if !ok {
			c.OnlyLeitai = append(c.OnlyLeitai, name)
			kind(name).LeitaiBytes += lf.size
			continue
		}
		k := kind(name)
		k.Files++
		k.LeitaiBytes += lf.size
		k.HugoBytes += hf.size
		if strings.Contains(name, ".#.") {
			continue
		}
		same, err := sameContent(lf.path, hf.path, strings.HasSuffix(name, ".html"))
		if err != nil {
			return nil, err
		}
		if !same {
			k.Differ++
			c.Differ = append(c.Differ, name)
		}
	}
	for name, hf := range h {
		if _, ok := l[name]; !ok {
			c.OnlyHugo = append(c.OnlyHugo, name)
			kind(name).HugoBytes += hf.size
		}
	}
	sort.Strings(c.OnlyLeitai)
	sort.Strings(c.OnlyHugo)
	sort.Strings(c.Differ)
	for _, k := range kinds {
		c.Kinds = append(c.Kinds, *k)
	}
	sort.Slice(c.Kinds, func(i, j int) bool { return c.Kinds[i].Kind < c.Kinds[j].Kind })
	return c, nil
}

type file struct {
	path string
	size int64
}

func listFiles(root string, hugo bool) (map[string]file, error) {
	out := map[string]file{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		out[CompareName(rel, hugo)] = file{path: p, size: info.Size()}
		return nil
	})
	return out, err
}

func sameContent(a, b string, page bool) (bool, error) {
	x, err := os.ReadFile(a)
	if err != nil {
		return false, err
	}
	y, err := os.ReadFile(b)
	if err != nil {
		return false, err
	}
	if page {
		x, y = normalizePage(x), normalizePage(y)
	} else {
		x, y = hashed.ReplaceAll(x, []byte("$1.#.$2")), hashed.ReplaceAll(y, []byte("$1.#.$2"))
	}
	return bytes.Equal(x, y), nil
}

// Report writes the comparison as a table, then the files that differ (at most
// max of each list).
func (c *Comparison) Report(w io.Writer, max int) {
	fmt.Fprintf(w, "%-32s %7s %7s %13s %13s\n", "kind", "files", "differ", "Leitai bytes", "Hugo bytes")
	for _, k := range c.Kinds {
		fmt.Fprintf(w, "%-32s %7d %7d %13d %13d\n", k.Kind, k.Files, k.Differ, k.LeitaiBytes, k.HugoBytes)
	}
	list := func(title string, names []string) {
		if len(names) == 0 {
			return
		}
		fmt.Fprintf(w, "%s (%d):\n", title, len(names))
		for i, n := range names {
			if i == max {
				fmt.Fprintf(w, "  …\n")
				break
			}
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
	list("only in Leitai's output", c.OnlyLeitai)
	list("only in Hugo's output", c.OnlyHugo)
	list("contents differ", c.Differ)
}
