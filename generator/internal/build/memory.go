package build

import (
	"sort"
	"sync"
)

// Memory holds a built site in memory, for the preview server: no disk writes, and
// a rebuild replaces pages under a lock, so a reader never sees half of one.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewMemory returns an empty site.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile stores data at rel. Safe for concurrent use.
func (m *Memory) WriteFile(rel string, data []byte) error {
	m.mu.Lock()
	m.files[rel] = data
	m.mu.Unlock()
	return nil
}

// File returns the file at rel.
func (m *Memory) File(rel string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.files[rel]
	return b, ok
}

// Paths lists the files, sorted.
func (m *Memory) Paths() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]string, 0, len(m.files))
	for p := range m.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// merge copies staged files in and removes the ones listed, in one step.
func (m *Memory) merge(staged *Memory, remove []string) {
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
	m.mu.Lock()
	m.files = staged.files
	m.mu.Unlock()
}
