package storage

import (
	"context"
	"sync"

	"appel/model"
)

// watchBuffer is how many changes a watcher may leave unread before it is
// told to resynchronise. Watchers receive only the changes they want, so a
// few suffice; each slot costs every session about 140 bytes.
const watchBuffer = 16

// hub delivers committed changes to the watchers.
type hub struct {
	mu     sync.Mutex
	subs   map[*sub]struct{}
	index  watchIndex
	epoch  uint64
	closed bool
}

// sub is one watcher: its channel, the changes it wants (all when nil), and
// the function that cancels the unsubscription registered on its context.
type sub struct {
	ch   chan model.Change
	want *model.InterestBox
	stop func() bool
	// indexed is the interest the hub's index holds the watcher under.
	indexed *model.Interest
	// seen is the last publication that considered the watcher.
	seen uint64
}

// Watch returns the feed of committed changes, in commit order. A watcher that
// leaves watchBuffer changes unread loses them and receives one Change with
// Resync set (carrying the lost notifications): the writer never waits for a
// watcher. The channel is closed when ctx ends or the base is closed. The
// slices of a Change are shared between watchers: do not modify them.
func (db *DB) Watch(ctx context.Context) <-chan model.Change {
	return db.watch.add(ctx, nil)
}

// WatchInterest is Watch for the changes that box wants at the time they are
// published, and every Resync change. Only those count towards watchBuffer.
func (db *DB) WatchInterest(ctx context.Context, box *model.InterestBox) <-chan model.Change {
	return db.watch.add(ctx, box)
}

func (h *hub) add(ctx context.Context, want *model.InterestBox) <-chan model.Change {
	s := &sub{ch: make(chan model.Change, watchBuffer), want: want}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		close(s.ch)
		return s.ch
	}
	h.subs[s] = struct{}{}
	h.index.put(s, want.Load())
	if want != nil {
		want.OnSet(func() { h.reindex(s) })
	}
	s.stop = context.AfterFunc(ctx, func() { h.remove(s) })
	return s.ch
}

// reindex files s under its box's new interest.
func (h *hub) reindex(s *sub) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[s]; ok {
		h.index.drop(s)
		h.index.put(s, s.want.Load())
	}
}

func (h *hub) remove(s *sub) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[s]; ok {
		h.index.drop(s)
		delete(h.subs, s)
		close(s.ch)
	}
}

// closeAll closes every watcher's channel; later watchers get a closed one.
func (h *hub) closeAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for s := range h.subs {
		s.stop()
		h.index.drop(s)
		delete(h.subs, s)
		close(s.ch)
	}
}

// publish hands c to every watcher that wants it, without blocking.
func (h *hub) publish(c model.Change) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.epoch++
	send := func(s *sub) {
		if !s.want.Matches(c) {
			return
		}
		select {
		case s.ch <- c:
		default:
			s.resync(c)
		}
	}
	if c.Resync {
		for s := range h.subs {
			send(s)
		}
		return
	}
	h.index.candidates(&c, h.epoch, send)
}

// resync replaces what a full channel holds by one Resync change. Only
// publish sends, under the hub's lock, so the final send cannot block.
func (s *sub) resync(c model.Change) {
	var notes []model.Notification
	for drained := false; !drained; {
		select {
		case old := <-s.ch:
			notes = append(notes, old.Notifications...)
		default:
			drained = true
		}
	}
	notes = append(notes, c.Notifications...)
	s.ch <- model.Change{Action: c.Action, By: c.By, Kinds: c.Kinds, Resync: true, Notifications: notes}
}

// watchers returns the number of live watchers.
func (h *hub) watchers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}
