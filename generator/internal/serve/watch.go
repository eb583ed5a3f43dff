package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// A watcher reports batches of changed paths: files written, created, renamed or
// removed. A burst of events (an editor's save, a `git checkout`) comes out as one
// batch.
type watcher interface {
	Batches() <-chan []string
	Errors() <-chan error
	Close() error
}

// quiet is how long a burst must pause before it is handed on. Editors finish a
// save within a few milliseconds; a longer wait only delays the preview.
const (
	quiet    = 15 * time.Millisecond
	maxDelay = 200 * time.Millisecond
)

// ignored reports names editors write while saving, which are never content:
// vim's swap, backup and 4913 probe files, JetBrains' temporaries, Emacs' locks.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") ||
		strings.Contains(name, "___jb_") || name == "4913"
}

// scope says which paths a watcher reports: the config file and what lies under
// the watched folders.
type scope struct {
	file string
	dirs []string
}

func (s scope) has(p string) bool {
	if p == s.file {
		return true
	}
	for _, d := range s.dirs {
		if p == d || strings.HasPrefix(p, d+string(filepath.Separator)) {
			return !ignored(filepath.Base(p))
		}
	}
	return false
}

// notifyWatcher uses the operating system's file events (fsnotify).
type notifyWatcher struct {
	w       *fsnotify.Watcher
	scope   scope
	batches chan []string
	errs    chan error
	cancel  context.CancelFunc
	done    chan struct{}
}

func newNotifyWatcher(sc scope) (*notifyWatcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	nw := &notifyWatcher{w: w, scope: sc, batches: make(chan []string), errs: make(chan error, 1), cancel: cancel, done: make(chan struct{})}
	// The config file is watched through its folder: editors replace it by renaming,
	// which a watch on the file itself would lose.
	if err := w.Add(filepath.Dir(sc.file)); err != nil {
		w.Close()
		return nil, err
	}
	for _, d := range sc.dirs {
		nw.addTree(d)
	}
	go nw.loop(ctx)
	return nw, nil
}

// addTree watches dir and every folder under it, returning the files found, so a
// folder created with files already in it is not missed.
func (nw *notifyWatcher) addTree(dir string) []string {
	var files []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a folder that does not exist (no layouts/) is fine
		}
		if d.IsDir() {
			if p != dir && ignored(d.Name()) {
				return filepath.SkipDir
			}
			_ = nw.w.Add(p)
			return nil
		}
		files = append(files, p)
		return nil
	})
	return files
}

func (nw *notifyWatcher) loop(ctx context.Context) {
	defer close(nw.done)
	defer close(nw.batches)
	pending := map[string]bool{}
	var timer, deadline <-chan time.Time
	flush := func() bool {
		batch := make([]string, 0, len(pending))
		for p := range pending {
			batch = append(batch, p)
		}
		sort.Strings(batch)
		clear(pending)
		timer, deadline = nil, nil
		select {
		case nw.batches <- batch:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-nw.w.Events:
			if !ok {
				return
			}
			p := filepath.Clean(ev.Name)
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(p); err == nil && st.IsDir() && nw.scope.has(p) {
					for _, f := range nw.addTree(p) {
						if nw.scope.has(f) {
							pending[f] = true
						}
					}
				}
			}
			if !nw.scope.has(p) || ev.Op == fsnotify.Chmod {
				continue
			}
			pending[p] = true
			timer = time.After(quiet)
			if deadline == nil {
				deadline = time.After(maxDelay)
			}
		case err, ok := <-nw.w.Errors:
			if !ok {
				return
			}
			select {
			case nw.errs <- err:
			default:
			}
		case <-timer:
			if !flush() {
				return
			}
		case <-deadline:
			if !flush() {
				return
			}
		}
	}
}

func (nw *notifyWatcher) Batches() <-chan []string { return nw.batches }
func (nw *notifyWatcher) Errors() <-chan error     { return nw.errs }

func (nw *notifyWatcher) Close() error {
	nw.cancel()
	err := nw.w.Close()
	<-nw.done
	return err
}

// pollWatcher compares the files' sizes and modification times at an interval,
// for network drives and containers where file events do not arrive.
type pollWatcher struct {
	scope    scope
	interval time.Duration
	batches  chan []string
	errs     chan error
	cancel   context.CancelFunc
	done     chan struct{}
}

type stamp struct {
	size int64
	mod  time.Time
}

func newPollWatcher(sc scope, interval time.Duration) *pollWatcher {
	ctx, cancel := context.WithCancel(context.Background())
	pw := &pollWatcher{scope: sc, interval: interval, batches: make(chan []string), errs: make(chan error), cancel: cancel, done: make(chan struct{})}
	// The first look is taken before returning: taken in the loop, a save made
	// just after the watcher started could be in it already, and never reported.
	go pw.loop(ctx, pw.snapshot())
	return pw
}

func (pw *pollWatcher) snapshot() map[string]stamp {
	m := map[string]stamp{}
	add := func(p string) {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			m[p] = stamp{st.Size(), st.ModTime()}
		}
	}
	add(pw.scope.file)
	for _, d := range pw.scope.dirs {
		_ = filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if e.IsDir() && p != d && ignored(e.Name()) {
				return filepath.SkipDir
			}
			if !e.IsDir() && pw.scope.has(p) {
				add(p)
			}
			return nil
		})
	}
	return m
}

func (pw *pollWatcher) loop(ctx context.Context, last map[string]stamp) {
	defer close(pw.done)
	defer close(pw.batches)
	tick := time.NewTicker(pw.interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now := pw.snapshot()
		var batch []string
		for p, s := range now {
			if old, ok := last[p]; !ok || old != s {
				batch = append(batch, p)
			}
		}
		for p := range last {
			if _, ok := now[p]; !ok {
				batch = append(batch, p)
			}
		}
		last = now
		if len(batch) == 0 {
			continue
		}
		sort.Strings(batch)
		select {
		case pw.batches <- batch:
		case <-ctx.Done():
			return
		}
	}
}

func (pw *pollWatcher) Batches() <-chan []string { return pw.batches }
func (pw *pollWatcher) Errors() <-chan error     { return pw.errs }

func (pw *pollWatcher) Close() error {
	pw.cancel()
	<-pw.done
	return nil
}
