package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// collectLate defers a one-shot command's first garbage collection until the
// heap reaches limit bytes, then hands back to the runtime's usual pacing
// (GOGC=100, no limit).
//
// The runtime starts collecting at a 4 MB heap. A build of a city's ten
// departments allocates about 8 MB and is over in 20 ms: two collections, whose
// write barriers, assists and background marking took about a sixth of its CPU.
// A large site passes the limit early in loading and is paced as before after
// that: only its first few small collections go, and its peak memory hardly
// moves (1,000 departments: 78 MiB instead of 68; 10,000: about 600 either way).
//
// A reader who sets GOGC or GOMEMLIMIT is obeyed instead.
func collectLate(limit int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(limit)
	// An unreachable object's finalizer runs after the collection that found it
	// unreachable: here, the first one, which the limit caused. (It holds a
	// pointer so that it is not batched with other tiny objects, whose
	// finalizers may never run.)
	type sentinel struct{ _ *byte }
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}
