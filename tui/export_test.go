package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// ChangeOf returns the committed change that msg hands the interface, when
// msg comes from the change feed.
func ChangeOf(msg tea.Msg) (model.Change, bool) {
	c, ok := msg.(changeMsg)
	return model.Change(c), ok
}

// InterestAllocs is how many allocations the App makes, on average, to keep
// its interest in the feed when no screen's part changed.
func InterestAllocs(m tea.Model) float64 {
	a := m.(*App)
	return testing.AllocsPerRun(100, a.syncInterest)
}
