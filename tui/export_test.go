package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// ChangeOf returns the committed change that msg hands the interface, when
// msg comes from the change feed.
func ChangeOf(msg tea.Msg) (model.Change, bool) {
	c, ok := msg.(changeMsg)
	return model.Change(c), ok
}
