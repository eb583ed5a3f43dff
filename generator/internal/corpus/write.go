package corpus

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// writer writes many files from many goroutines and keeps the first error.
type writer struct {
	root  string
	mu    sync.Mutex
	dirs  map[string]bool
	first error
}

func newWriter(root string) *writer { return &writer{root: root, dirs: map[string]bool{}} }

func (w *writer) file(rel, data string) {
	p := filepath.Join(w.root, filepath.FromSlash(rel))
	dir := filepath.Dir(p)
	w.mu.Lock()
	made := w.dirs[dir]
	w.mu.Unlock()
	if !made {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			w.fail(err)
			return
		}
		w.mu.Lock()
		w.dirs[dir] = true
		w.mu.Unlock()
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		w.fail(err)
	}
}

func (w *writer) fail(err error) {
	w.mu.Lock()
	if w.first == nil {
		w.first = err
	}
	w.mu.Unlock()
}

func (w *writer) err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.first
}

// parallel runs f(0..n-1) on all cores; each call touches only its own item.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for k := 0; k < runtime.GOMAXPROCS(0); k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
