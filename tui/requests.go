package tui

// requests numbers the loads of one kind that a screen sends, so that only
// the answer to the newest one is taken, whatever order the answers come
// back in: a screen or pane holds one per kind of load, and each load's
// message carries the number next gave it. Every staleness check of the
// interface goes through it.
type requests struct {
	sent, taken int
}

// next numbers a new request, which makes every older one stale.
func (r *requests) next() int {
	r.sent++
	return r.sent
}

// take reports whether n answers the newest request, and records it as
// answered if so.
func (r *requests) take(n int) bool {
	if n != r.sent {
		return false
	}
	r.taken = n
	return true
}

// waiting reports whether the newest request has no answer taken yet.
func (r *requests) waiting() bool { return r.taken != r.sent }
