package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// reloadDelay is how long a screen that counts the whole school waits after
// a change before it reloads: the changes that arrive meanwhile (a morning's
// roll calls) make one reload, not one each.
const reloadDelay = 500 * time.Millisecond

// reloader coalesces the reloads of a screen: at most one load in flight, at
// most one reload waiting; a change during a load makes one more afterwards.
type reloader struct {
	waiting, loading, dirty bool
}

// changed notes a relevant change and returns the timer to start, if none is
// pending; tick is the screen's own message for it.
func (r *reloader) changed(tick tea.Msg) tea.Cmd {
	switch {
	case r.waiting:
		return nil
	case r.loading:
		r.dirty = true
		return nil
	}
	r.waiting = true
	return tea.Tick(reloadDelay, func(time.Time) tea.Msg { return tick })
}

// start notes that a load begins (the timer fired, or the user asked).
func (r *reloader) start() { r.waiting, r.loading = false, true }

// done notes that the load ended and returns the timer of the reload that
// changes during it call for.
func (r *reloader) done(tick tea.Msg) tea.Cmd {
	r.loading = false
	if !r.dirty {
		return nil
	}
	r.dirty = false
	return r.changed(tick)
}

// fire reports whether a timer that fired still calls for a load (a load
// the user asked for meanwhile already covers the change), and starts it.
func (r *reloader) fire() bool {
	if !r.waiting {
		return false
	}
	r.start()
	return true
}
