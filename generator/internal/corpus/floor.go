package corpus

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"gopkg.in/yaml.v3"
)

// The floor is what no generator can avoid for a site's output: rendering
// every Markdown text of the content, and writing the bytes of every output
// file to a new folder. A generator's time is reported as a multiple of it.
// Both parts run on all cores; what goes into them (the texts, the output's
// bytes) is read into memory first and not timed.

// FloorText is one Markdown text of a site: a department's statement or an
// article's body, in one language.
type FloorText struct {
	Lang   string
	Source []byte
}

// FloorTexts reads every Markdown text of the Leitai content in contentDir:
// the statement of each department (content/departments/*.yaml) in each
// language it has, and the body of each article (content/articles/*.<lang>.md).
func FloorTexts(contentDir string) ([]FloorText, error) {
	var texts []FloorText
	depts, err := filepath.Glob(filepath.Join(contentDir, "departments", "*.yaml"))
	if err != nil {
		return nil, err
	}
	for _, f := range depts {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var d struct {
			Statement map[string]string `yaml:"statement"`
		}
		if err := yaml.Unmarshal(b, &d); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		langs := make([]string, 0, len(d.Statement))
		for l := range d.Statement {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, l := range langs {
			texts = append(texts, FloorText{Lang: l, Source: []byte(d.Statement[l])})
		}
	}
	articles, err := filepath.Glob(filepath.Join(contentDir, "articles", "*.md"))
	if err != nil {
		return nil, err
	}
	for _, f := range articles {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		lang := filepath.Ext(strings.TrimSuffix(f, ".md"))
		texts = append(texts, FloorText{Lang: strings.TrimPrefix(lang, "."), Source: articleBody(b)})
	}
	return texts, nil
}

// articleBody is what follows an article's front matter (a first line "---"
// and the next line "---").
func articleBody(b []byte) []byte {
	rest, ok := bytes.CutPrefix(b, []byte("---\n"))
	if !ok {
		return b
	}
	if _, body, ok := bytes.Cut(rest, []byte("\n---\n")); ok {
		return body
	}
	return b
}

// floorMarkdown is goldmark configured as Leitai's markdown package configures
// it, as far as goldmark's own extensions go: GFM tables, strikethrough and
// footnotes, heading IDs, and for Chinese, Japanese and Korean text soft line
// breaks dropped next to CJK characters. (Leitai's CJK-friendly emphasis and
// its link checks are its own code, so they are not part of the floor.)
func floorMarkdown(lang string) goldmark.Markdown {
	exts := []goldmark.Extender{extension.Table, extension.Strikethrough, extension.Footnote}
	switch lang {
	case "zh", "ja", "ko":
		exts = append(exts, extension.NewCJK(extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft)))
	}
	return goldmark.New(goldmark.WithExtensions(exts...), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
}

// RenderFloorTexts renders every text to HTML on all cores and returns the time
// it took and the bytes of HTML written.
func RenderFloorTexts(texts []FloorText) (time.Duration, int64, error) {
	md := map[string]goldmark.Markdown{}
	for _, t := range texts {
		if md[t.Lang] == nil {
			md[t.Lang] = floorMarkdown(t.Lang)
		}
	}
	var out atomic.Int64
	var errs firstError
	// Output buffers are reused, as a generator would reuse them.
	bufs := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	start := time.Now()
	parallel(len(texts), func(i int) {
		buf := bufs.Get().(*bytes.Buffer)
		buf.Reset()
		errs.keep(md[texts[i].Lang].Convert(texts[i].Source, buf))
		out.Add(int64(buf.Len()))
		bufs.Put(buf)
	})
	return time.Since(start), out.Load(), errs.get()
}

// FloorTree is a built site held in memory: its folders, parents first, and
// its files with their bytes.
type FloorTree struct {
	Dirs  []string
	Files []FloorFile
	Bytes int64
}

// FloorFile is one file of a FloorTree, by its path relative to the tree.
type FloorFile struct {
	Path string
	Data []byte
}

// ReadFloorTree reads every folder and file under dir.
func ReadFloorTree(dir string) (*FloorTree, error) {
	t := &FloorTree{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || rel == "." {
			return err
		}
		if d.IsDir() {
			t.Dirs = append(t.Dirs, rel)
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		t.Files = append(t.Files, FloorFile{Path: rel, Data: b})
		t.Bytes += int64(len(b))
		return nil
	})
	return t, err
}

// WriteTo writes the tree into dst, which must not exist yet, on all cores:
// its folders, a level at a time, then its files. It returns the time taken.
func (t *FloorTree) WriteTo(dst string) (time.Duration, error) {
	var errs firstError
	levels := map[int][]string{}
	deepest := 0
	for _, d := range t.Dirs {
		n := strings.Count(d, string(filepath.Separator))
		levels[n] = append(levels[n], d)
		deepest = max(deepest, n)
	}
	start := time.Now()
	if err := os.Mkdir(dst, 0o755); err != nil {
		return 0, err
	}
	for n := 0; n <= deepest; n++ {
		dirs := levels[n]
		parallel(len(dirs), func(i int) {
			errs.keep(os.Mkdir(filepath.Join(dst, dirs[i]), 0o755))
		})
	}
	parallel(len(t.Files), func(i int) {
		errs.keep(os.WriteFile(filepath.Join(dst, t.Files[i].Path), t.Files[i].Data, 0o644))
	})
	return time.Since(start), errs.get()
}

// Floor times the floor of the site whose content is in contentDir and whose
// build is in builtDir, writing the copy into dst, and reports it on w.
func Floor(w io.Writer, contentDir, builtDir, dst string) error {
	texts, err := FloorTexts(contentDir)
	if err != nil {
		return err
	}
	tree, err := ReadFloorTree(builtDir)
	if err != nil {
		return err
	}
	mdTime, html, err := RenderFloorTexts(texts)
	if err != nil {
		return err
	}
	writeTime, err := tree.WriteTo(dst)
	if err != nil {
		return err
	}
	var src int64
	for _, t := range texts {
		src += int64(len(t.Source))
	}
	fmt.Fprintf(w, "floor %.3f s: markdown %.3f s (%d texts, %d bytes of Markdown, %d of HTML), write %.3f s (%d files, %d folders, %d bytes)\n",
		(mdTime + writeTime).Seconds(), mdTime.Seconds(), len(texts), src, html, writeTime.Seconds(), len(tree.Files), len(tree.Dirs), tree.Bytes)
	return nil
}
