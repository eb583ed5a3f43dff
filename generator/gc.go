package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// collectLate holds the garbage collector back until the heap reaches limit
// bytes, then lets it run at the usual pace (GOGC=100). The runtime starts
// collecting at a 4 MB heap; a build of a city's ten departments allocates
// about 10 MB and is over in a few tens of milliseconds, and the collections
// it would run (write barriers, assists, background marking) cost it more
// than the memory they free. A large site passes the limit early and builds
// at the usual pace. A reader who sets GOGC or GOMEMLIMIT is obeyed instead.
func collectLate(limit int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(limit)
	// An unreachable object's finalizer runs after the collection that found
	// it unreachable: here, the first one, which the limit caused. (It holds a
	// pointer so that it is not batched with other tiny objects, whose
	// finalizers may never run.)
	type sentinel struct{ _ *byte }
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}
