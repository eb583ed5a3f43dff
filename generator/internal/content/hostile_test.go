package content

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"leitai/generator/internal/diag"
)

var langs = []string{"zh", "en"}

// bounded runs f and fails if it does not return: the deadline is generous, so it
// catches a hang, not a slow machine. It also returns the bytes f allocated, for
// loose memory bounds.
func bounded(t *testing.T, f func()) uint64 {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("did not finish within 10 s: a hang")
	}
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// billionLaughs is the classic alias bomb: nine levels of nine references each
// expand to 9⁹ (387 million) strings from a few hundred bytes.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, c := range "bcdefghi" {
		refs := strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ",")
		fmt.Fprintf(&b, "%c: &%c [%s]\n", c, c, refs)
		prev = string(c)
	}
	return b.String()
}

func TestHostileDepartment(t *testing.T) {
	cases := []struct {
		name    string
		data    string
		want    string // the one problem, as file:line:col: message
		maxHeap uint64 // a loose bound on what decoding may allocate
	}{
		{
			name:    "billion laughs",
			data:    billionLaughs(),
			want:    "x.yaml:1:4: YAML anchors and aliases (& and *) are not supported in content",
			maxHeap: 1 << 20,
		},
		{
			name:    "alias bomb inside a real key",
			data:    "order: 1\nname: &n {zh: 甲, en: A}\nstatement: *n\n",
			want:    "x.yaml:2:7: YAML anchors and aliases (& and *) are not supported in content",
			maxHeap: 1 << 20,
		},
		{
			name:    "50 MB file",
			data:    "order: 1\nstatement: " + strings.Repeat("x", 50<<20),
			want:    "x.yaml: file is 50.0 MB; a content file may hold at most 1.0 MB",
			maxHeap: 1 << 20, // refused before parsing: no copy of the 50 MB
		},
		{
			name:    "10,000 levels of block lists",
			data:    strings.Repeat("- ", 10000) + "x\n",
			want:    "x.yaml:1:129: lists or keys are nested more than 64 levels deep",
			maxHeap: 64 << 20,
		},
		{
			name:    "10,000 levels of flow lists",
			data:    strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
			want:    "x.yaml:1:65: lists or keys are nested more than 64 levels deep",
			maxHeap: 64 << 20,
		},
		{
			name:    "10,000 levels of flow maps",
			data:    strings.Repeat("{a: ", 10000) + "1" + strings.Repeat("}", 10000),
			want:    "x.yaml:1:254: lists or keys are nested more than 64 levels deep",
			maxHeap: 64 << 20,
		},
		{
			name:    "beyond the parser's own limit",
			data:    strings.Repeat("[", 20000) + strings.Repeat("]", 20000),
			want:    "x.yaml:1:65: lists or keys are nested more than 64 levels deep",
			maxHeap: 64 << 20,
		},
		{
			name:    "flow maps beyond the parser's own limit",
			data:    strings.Repeat("{a: ", 20000) + "1" + strings.Repeat("}", 20000),
			want:    "x.yaml:1:254: lists or keys are nested more than 64 levels deep",
			maxHeap: 64 << 20,
		},
		{
			name:    "block lists beyond the parser's own limit",
			data:    "order: 1\nachievements:\n  " + strings.Repeat("- ", 20000) + "x\n",
			want:    "x.yaml:3:129: lists or keys are nested more than 64 levels deep",
			maxHeap: 64 << 20,
		},
		{
			name:    "flow lists in a key beyond the parser's own limit",
			data:    "order: 1\nstatement:\n  zh: " + strings.Repeat("[", 20000) + "\n",
			want:    "x.yaml:3:69: lists or keys are nested more than 64 levels deep",
			maxHeap: 64 << 20,
		},
		{
			name:    "10,000 unclosed brackets",
			data:    strings.Repeat("[", 10000),
			want:    "x.yaml:1:1: YAML syntax: did not find expected node content",
			maxHeap: 64 << 20,
		},
		{
			name:    "invalid UTF-8",
			data:    "order: 1\nname: {zh: \xc7\xe0\xb5\xba, en: Qingdao}\n",
			want:    "x.yaml:2:12: file is not valid UTF-8 (it may have been saved as GBK or another legacy encoding)",
			maxHeap: 1 << 20,
		},
		{
			name:    "NUL bytes",
			data:    "order: 1\x00\x00\n",
			want:    "x.yaml:1:9: a control character (NUL, U+0000) no reader can see; 1 more follows in the file",
			maxHeap: 1 << 20,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := []byte(c.data)
			var problems diag.List
			alloc := bounded(t, func() { DecodeDepartment("x.yaml", data, langs, &problems) })
			if len(problems) == 0 {
				t.Fatal("no problem reported")
			}
			if got := problems[0].Pos.String() + ": " + problems[0].Msg; got != c.want {
				t.Errorf("first problem\n got %s\nwant %s", got, c.want)
			}
			if len(problems) > 1 {
				t.Errorf("%d problems, want one: %v", len(problems), problems)
			}
			if problems[0].Hint == "" {
				t.Error("no hint")
			}
			if alloc > c.maxHeap {
				t.Errorf("allocated %d MB, want at most %d MB", alloc>>20, c.maxHeap>>20)
			}
		})
	}
}

func TestHostileArticle(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"billion laughs in front matter", "---\n" + billionLaughs() + "---\nbody\n", "x.zh.md:2:4: YAML anchors and aliases (& and *) are not supported in content"},
		{"50 MB body", "---\ntitle: t\ndate: 2022-11-25\nlead: l\n---\n" + strings.Repeat("正文", 10<<20), "x.zh.md: file is 60.0 MB; a content file may hold at most 1.0 MB"},
		{"flow nesting in front matter", "---\ntitle: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n---\n", "x.zh.md:2:71: lists or keys are nested more than 64 levels deep"},
		{"invalid UTF-8 in the body", "---\ntitle: t\ndate: 2022-11-25\nlead: l\n---\n\n正文\xff\n", "x.zh.md:7:3: file is not valid UTF-8 (it may have been saved as GBK or another legacy encoding)"},
		{"ESC in the body", "---\ntitle: t\ndate: 2022-11-25\nlead: l\n---\n\n正文\x1b]0;owned\x07\n", "x.zh.md:7:3: a control character (ESC, U+001B) no reader can see; 1 more follows in the file"},
		{"BEL in the body", "---\ntitle: t\ndate: 2022-11-25\nlead: l\n---\n\nding\a\n", "x.zh.md:7:5: a control character (BEL, U+0007) no reader can see"},
		{"vertical tab in the body", "---\ntitle: t\ndate: 2022-11-25\nlead: l\n---\n\na\vb\n", "x.zh.md:7:2: a control character (vertical tab, U+000B) no reader can see"},
		{"form feed in the body", "---\ntitle: t\ndate: 2022-11-25\nlead: l\n---\n\n\f\n", "x.zh.md:7:1: a control character (form feed, U+000C) no reader can see"},
		{"DEL in the body", "---\ntitle: t\ndate: 2022-11-25\nlead: l\n---\n\n# 标题\x7f\n", "x.zh.md:7:5: a control character (DEL, U+007F) no reader can see"},
		{"U+009B in the body", "---\ntitle: t\ndate: 2022-11-25\nlead: l\n---\n\n正文\u009b31m红\n", "x.zh.md:7:3: a control character (U+009B) no reader can see"},
		{"NUL in the body", "---\ntitle: t\ndate: 2022-11-25\nlead: l\n---\n\n正\x00文\n", "x.zh.md:7:2: a control character (NUL, U+0000) no reader can see"},
		{"front matter never closed", "---\ntitle: t\n" + strings.Repeat("x\n", 100000), "x.zh.md:1:1: article has no front matter"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var problems diag.List
			bounded(t, func() { DecodeArticle("x.zh.md", []byte(c.data), langs, &problems) })
			if len(problems) == 0 {
				t.Fatal("no problem reported")
			}
			if got := problems[0].Pos.String() + ": " + problems[0].Msg; got != c.want {
				t.Errorf("first problem\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

// Load refuses a huge file by its size, before reading it.
func TestLoadRefusesHugeFileUnread(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.MkdirAll(filepath.Join(content, "departments"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "groups.yaml"), []byte("- {id: a, title: {zh: 甲, en: A}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A sparse 50 MB file: cheap to make, and reading it would show in the heap.
	f, err := os.Create(filepath.Join(content, "departments", "huge.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var problems diag.List
	alloc := bounded(t, func() { _, problems = Load(content, langs) })
	want := "content/departments/huge.yaml: file is 50.0 MB; a content file may hold at most 1.0 MB"
	if len(problems) != 1 || problems[0].Error() != want {
		t.Errorf("problems %v, want %s", problems, want)
	}
	if alloc > 4<<20 {
		t.Errorf("allocated %d MB to refuse the file", alloc>>20)
	}
}
