package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
)

// actionQueue orders a session's undoable actions, its undos and its redos:
// each runs once the one asked for before it has ended. The session's undo
// history is one stack, so without it a u typed before an action's
// confirmation arrived could undo the action before, and an action typed
// just after a u could be the one undone.
type actionQueue struct {
	// last is closed when the last action queued has ended.
	last chan struct{}
}

// act returns the command that runs fn once every action queued before it
// has ended, or returns nothing when the session ends first. It is called
// from Update (the screens' goroutine); the command must be returned to
// Bubble Tea, which runs it, or the actions after it would wait for the
// session's end.
func (e *env) act(fn func() tea.Msg) tea.Cmd {
	prev, done, ctx := e.actions.last, make(chan struct{}), e.ctx
	e.actions.last = done
	return func() tea.Msg {
		defer close(done)
		if prev != nil {
			select {
			case <-prev:
			case <-ctx.Done():
				return nil
			}
		}
		return fn()
	}
}

// replay undoes (or redoes) the session's last action, in its turn; done
// makes the screen's message of the status text.
func (e *env) replay(redo bool, done func(text string, err error) tea.Msg) tea.Cmd {
	svc := e.svc
	return e.act(func() tea.Msg {
		run, word := svc.Undo, "Annulé"
		if redo {
			run, word = svc.Redo, "Rétabli"
		}
		r, err := run()
		text := fmt.Sprintf("✓ %s : %s (%s).", word, r.Verb, plural(r.Applied, "modification", "modifications"))
		if r.Conflicts > 0 {
			text += " " + plural(r.Conflicts, "élément changé depuis par quelqu'un d'autre, laissé tel quel.",
				"éléments changés depuis par quelqu'un d'autre, laissés tels quels.")
		}
		return done(text, err)
	})
}
