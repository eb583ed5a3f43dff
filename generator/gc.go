package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

// loadingGCPercent is the collector's pace while the content loads.
const loadingGCPercent = 400

// paceCollector sets how a one-shot command's garbage collector runs, in three
// stages, and returns the function to call once the content is loaded
// (build.Options.Loaded).
//
//   - Until the heap reaches limit bytes, nothing is collected. The runtime
//     starts collecting at a 4 MB heap; a build of a city's ten departments
//     allocates about 8 MB and is over in 20 ms, and its two collections (write
//     barriers, assists, background marking) took about a sixth of its CPU.
//   - While the rest of the content loads, collections run at
//     GOGC=loadingGCPercent. Nearly everything loading allocates is the site,
//     which lives to the end of the build, so the usual pace marked the growing
//     site again and again to free little: at 10,000 departments, nine
//     collections during loading, which marked 600 MB between them; now two.
//   - Once the content is loaded, the usual pace (GOGC=100): what rendering
//     allocates is garbage by the next page.
//
// A site that loads within limit skips the middle stage. A reader who sets
// GOGC or GOMEMLIMIT is obeyed instead, and loaded does nothing.
func paceCollector(limit int64) (loaded func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	p := &pace{}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(limit)
	// An unreachable object's finalizer runs after the collection that found it
	// unreachable: here, the first one, which the limit caused. (It holds a
	// pointer so that it is not batched with other tiny objects, whose
	// finalizers may never run.)
	type sentinel struct{ _ *byte }
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.collected = true
		p.set()
		debug.SetMemoryLimit(math.MaxInt64)
	})
	return func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.loaded = true
		p.set()
	}
}

// pace is the stage paceCollector's collector is in. The first collection's
// finalizer and the build's goroutine both move it on.
type pace struct {
	mu        sync.Mutex
	collected bool // the first collection has run
	loaded    bool // the content is loaded
}

// set gives the collector the pace of the stage p is in.
func (p *pace) set() {
	switch {
	case !p.collected:
		// The memory limit still holds the first collection back.
	case p.loaded:
		debug.SetGCPercent(100)
	default:
		debug.SetGCPercent(loadingGCPercent)
	}
}
