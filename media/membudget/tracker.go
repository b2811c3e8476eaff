package membudget

import (
	"os"
	"runtime/debug"
	"sync"
)

// Tracker keeps the Go runtime's soft memory limit at the bytes its budgets hold at the moment plus a
// headroom for the rest of the heap. With the collector's target high (GOGC) the heap would otherwise
// grow to several times its live size between collections, file-sized buffers included, and the process
// never gives that back; a limit of what is held on purpose makes the collector run as soon as the
// garbage passes the headroom, and follows the budgets down when they are given back. Budgets' ceilings
// would not do: at ordinary load they are never reached, so such a limit never binds.
//
// The limit is process-wide: a tracker counts from its creation but sets the limit only once Start
// has been called, which only serve does.
type Tracker struct {
	mu       sync.Mutex
	headroom int64
	held     int64
	started  bool
}

// NewTracker returns a tracker that will allow headroom bytes beyond what its budgets hold.
func NewTracker(headroom int64) *Tracker { return &Tracker{headroom: headroom} }

// Start makes the tracker set the soft memory limit from now on, and sets it. An explicit GOMEMLIMIT
// wins: then nothing is set, and set is false; limit is the limit in force either way.
func (t *Tracker) Start() (limit int64, set bool) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1), false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.started = true
	limit = t.headroom + t.held
	debug.SetMemoryLimit(limit)
	return limit, true
}

// add counts n more bytes held (fewer when negative). Setting the limit takes the runtime's heap lock
// for under a microsecond (BenchmarkTrackedAcquireRelease), against the milliseconds of reading the file the bytes are taken for; under
// the tracker's lock, the last limit set is always the one of the last count.
func (t *Tracker) add(n int64) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.held += n
	if t.started {
		debug.SetMemoryLimit(t.headroom + t.held)
	}
}
