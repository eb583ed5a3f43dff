package build

import (
	"bytes"
	"io"
	"sort"
	"sync"
)

// Memory holds a built site in memory, for the preview server: no disk writes, and
// a rebuild replaces pages under a lock, so a reader never sees half of one.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte

	// Files that list the whole site (feeds, sitemap, open data) cost far more to
	// write than the pages one edit touches, and a preview rarely asks for them: a
	// rebuild may leave them to be written when first asked for.
	lazyMu sync.Mutex
	lazy   *lazyFiles
}

// lazyFiles are files written on first request.
type lazyFiles struct {
	paths map[string]bool
	write func(*Memory) error
	err   error
}

// NewMemory returns an empty site.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile stores a copy of data at rel. Safe for concurrent use.
func (m *Memory) WriteFile(rel string, data []byte) error {
	data = bytes.Clone(data)
	m.mu.Lock()
	m.files[rel] = data
	m.mu.Unlock()
	return nil
}

// Stream stores what write writes at rel.
func (m *Memory) Stream(rel string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	m.mu.Lock()
	m.files[rel] = buf.Bytes()
	m.mu.Unlock()
	return nil
}

// File returns the file at rel, writing the lazy files first when rel is one.
func (m *Memory) File(rel string) ([]byte, bool) {
	if err := m.settle(rel); err != nil {
		return []byte(err.Error()), false
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.files[rel]
	return b, ok
}

// deferWrite replaces paths' contents with what write will produce when one of
// them is first asked for. A later deferWrite or merge supersedes it.
func (m *Memory) deferWrite(paths []string, write func(*Memory) error) {
	l := &lazyFiles{paths: map[string]bool{}, write: write}
	for _, p := range paths {
		l.paths[p] = true
	}
	m.lazyMu.Lock()
	m.lazy = l
	m.lazyMu.Unlock()
}

// settle writes the lazy files if rel is one of them ("" settles them all).
func (m *Memory) settle(rel string) error {
	m.lazyMu.Lock()
	defer m.lazyMu.Unlock()
	l := m.lazy
	if l == nil || (rel != "" && !l.paths[rel]) {
		return nil
	}
	m.lazy = nil
	l.err = l.write(m)
	return l.err
}

// Paths lists the files, sorted.
func (m *Memory) Paths() []string {
	_ = m.settle("")
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]string, 0, len(m.files))
	for p := range m.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// merge copies staged files in and removes the ones listed, in one step. Lazy
// files still unwritten describe an older site and are dropped.
func (m *Memory) merge(staged *Memory, remove []string) {
	m.dropLazy()
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, p := range remove {
		delete(m.files, p)
	}
	for p, b := range staged.files {
		m.files[p] = b
	}
}

// replace makes m hold exactly what staged holds.
func (m *Memory) replace(staged *Memory) {
	m.dropLazy()
	m.mu.Lock()
	m.files = staged.files
	m.mu.Unlock()
}

func (m *Memory) dropLazy() {
	m.lazyMu.Lock()
	m.lazy = nil
	m.lazyMu.Unlock()
}
