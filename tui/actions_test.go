package tui

import (
	"context"
	"slices"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestActionsRunInTheOrderAsked: actions run one after the other in the
// order they were asked for, whatever the order their commands start in.
func TestActionsRunInTheOrderAsked(t *testing.T) {
	e := &env{ctx: context.Background()}
	ran := make(chan int, 3)
	var cmds []tea.Cmd
	for i := range 3 {
		cmds = append(cmds, e.act(func() tea.Msg { ran <- i; return i }))
	}
	done := make(chan tea.Msg, 3)
	for _, i := range []int{2, 1, 0} {
		go func() { done <- cmds[i]() }()
	}
	var order []int
	for range 3 {
		order = append(order, <-ran)
		<-done
	}
	if !slices.Equal(order, []int{0, 1, 2}) {
		t.Errorf("ran in the order %v", order)
	}
}

// TestActionsEndWithTheSession: an action waiting for another returns
// nothing once the session has ended.
func TestActionsEndWithTheSession(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	e := &env{ctx: ctx}
	_ = e.act(func() tea.Msg { return 1 }) // never run: the next one waits
	next := e.act(func() tea.Msg { return 2 })
	cancel()
	if msg := next(); msg != nil {
		t.Errorf("got %v after the session's end", msg)
	}
}
