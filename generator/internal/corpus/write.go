package corpus

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// writer writes many files from many goroutines and keeps the first error.
type writer struct {
	root string
	mu   sync.Mutex
	dirs map[string]bool
	errs firstError
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
			w.errs.keep(err)
			return
		}
		w.mu.Lock()
		w.dirs[dir] = true
		w.mu.Unlock()
	}
	w.errs.keep(os.WriteFile(p, []byte(data), 0o644))
}

func (w *writer) err() error { return w.errs.get() }

// firstError keeps the first error of many goroutines.
type firstError struct {
	mu  sync.Mutex
	err error
}

func (f *firstError) keep(err error) {
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
}

func (f *firstError) get() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
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
