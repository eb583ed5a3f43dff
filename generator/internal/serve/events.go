package serve

import (
	"sync"
)

// event is what open pages are told: reload, or here are the problems.
type event struct {
	name    string // "reload" or "problems"
	data    string
	version int64
}

// broker fans events out to the connected pages. Each subscriber has a buffer of
// one and only the newest event matters, so a slow tab never holds up a rebuild.
type broker struct {
	mu     sync.Mutex
	subs   map[chan event]bool
	last   event
	closed bool
}

func newBroker() *broker { return &broker{subs: map[chan event]bool{}} }

// subscribe returns a channel that receives the current state at once and every
// event after it, and a function to leave. The channel is closed when the broker is.
func (b *broker) subscribe() (<-chan event, func()) {
	ch := make(chan event, 1)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		close(ch)
		return ch, func() {}
	}
	b.subs[ch] = true
	ch <- b.last
	return ch, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.subs[ch] {
			delete(b.subs, ch)
			close(ch)
		}
	}
}

// publish sends ev to every subscriber, replacing an event it has not read yet.
func (b *broker) publish(ev event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.last = ev
	for ch := range b.subs {
		select {
		case <-ch:
		default:
		}
		ch <- ev
	}
}

// count is the number of connected pages.
func (b *broker) count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

// close ends every subscription; streaming handlers then return.
func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	for ch := range b.subs {
		delete(b.subs, ch)
		close(ch)
	}
}
