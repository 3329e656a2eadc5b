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
	closed bool
}

// sub is one watcher: its channel, the changes it wants (all when nil), and
// the function that cancels the unsubscription registered on its context.
type sub struct {
	ch   chan model.Change
	want *model.InterestBox
	stop func() bool
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
	s.stop = context.AfterFunc(ctx, func() { h.remove(s) })
	return s.ch
}

func (h *hub) remove(s *sub) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[s]; ok {
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
		delete(h.subs, s)
		close(s.ch)
	}
}

// publish hands c to every watcher that wants it, without blocking.
func (h *hub) publish(c model.Change) {
	sig := model.SignatureOf(c)
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		if !s.want.MatchesSigned(&c, &sig) {
			continue
		}
		select {
		case s.ch <- c:
		default:
			s.resync(c)
		}
	}
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
