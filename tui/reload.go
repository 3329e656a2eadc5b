package tui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// reloadDelay is how long a screen that counts the whole school waits after
// a change before it reloads: the changes that arrive meanwhile (a morning's
// roll calls) make one reload, not one each.
const reloadDelay = 500 * time.Millisecond

// loadGate coalesces the loads of a screen or pane: at most one load in
// flight, and the changes that arrive meanwhile make one more load after it.
// A load the user asks for (another day, another period) starts at once and
// makes the older one's result stale. A change reloads at once (load), or,
// on the screens that count the whole school, after reloadDelay (later).
type loadGate struct {
	reqs     requests
	inflight bool
	// again: a change arrived while a load was in flight.
	again bool
	// waiting: the timer of a delayed reload runs.
	waiting bool
}

// load returns the command of a load that run makes (gen is its
// generation), or nil when one is in flight and will be followed by another;
// force starts one anyway. run must not read the screen.
func (g *loadGate) load(force bool, run func(gen int) tea.Msg) tea.Cmd {
	if g.inflight && !force {
		g.again = true
		return nil
	}
	gen := g.reqs.next()
	g.inflight, g.again, g.waiting = true, false, false
	return func() tea.Msg { return run(gen) }
}

// arrived settles the result of load gen: it reports whether the result is
// the latest, and returns reload() when a change arrived during the load.
func (g *loadGate) arrived(gen int, reload func() tea.Cmd) (latest bool, next tea.Cmd) {
	if !g.reqs.take(gen) {
		return false, nil
	}
	g.inflight = false
	if g.again {
		next = reload()
	}
	return true, next
}

// later notes a change for a reload after reloadDelay and returns the timer to
// start, if none runs; during a load, the load's end calls for it (again).
// tick is the screen's own message for the timer, which ends with ctx.
func (g *loadGate) later(ctx context.Context, tick tea.Msg) tea.Cmd {
	switch {
	case g.waiting:
		return nil
	case g.inflight:
		g.again = true
		return nil
	}
	g.waiting = true
	return sleep(ctx, reloadDelay, tick)
}

// fire reports whether a timer that fired still calls for a load: a load
// started meanwhile already covers the change.
func (g *loadGate) fire() bool {
	if !g.waiting {
		return false
	}
	g.waiting = false
	return true
}
