package tui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// idleWarning is how long before closing an idle session it is warned.
const idleWarning = time.Minute

// idleClock decides idleness from the user's keys only (the server's own
// output never counts as activity). At most one timer is pending per session:
// it fires at the next deadline, which is recomputed from the last key.
type idleClock struct {
	ctx     context.Context
	limit   time.Duration
	now     func() time.Time
	lastKey time.Time
	warned  bool
	err     error
}

type idleMsg struct{}

func newIdleClock(ctx context.Context, limit time.Duration, wall func() time.Time) idleClock {
	if limit <= 0 {
		limit = DefaultIdle
	}
	if wall == nil {
		wall = time.Now
	}
	return idleClock{ctx: ctx, limit: limit, now: wall, lastKey: wall()}
}

func (c *idleClock) touch() {
	c.lastKey = c.now()
	c.warned = false
}

// schedule returns a timer for the next deadline: the warning, then the end.
func (c *idleClock) schedule() tea.Cmd {
	deadline := c.lastKey.Add(c.limit - c.warning())
	if c.warned {
		deadline = c.lastKey.Add(c.limit)
	}
	wait := max(deadline.Sub(c.now()), time.Second)
	return sleep(c.ctx, wait, idleMsg{})
}

// sleep returns msg after d, or nothing when ctx ends first: unlike tea.Tick,
// it leaves no goroutine behind a closed session.
func sleep(ctx context.Context, d time.Duration, msg tea.Msg) tea.Cmd {
	return func() tea.Msg {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			return msg
		case <-ctx.Done():
			return nil
		}
	}
}

func (c *idleClock) warning() time.Duration {
	return min(idleWarning, c.limit/2)
}

func (a *App) handleIdle(idleMsg) tea.Cmd {
	c := &a.idle
	quiet := c.now().Sub(c.lastKey)
	switch {
	case quiet >= c.limit:
		c.err = ErrIdle
		a.banner = "Session fermée après inactivité."
		return a.tryQuit()
	case quiet >= c.limit-c.warning():
		if !c.warned {
			c.warned = true
			a.banner = "Session inactive : elle sera fermée dans une minute. Appuyez sur une touche pour la garder."
		}
	default:
		c.warned = false
	}
	return c.schedule()
}
