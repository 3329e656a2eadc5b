package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// lineEdit is a one-line text entry without a blinking cursor (a blink is a
// timer per session): runes, backspace, ctrl+u, ctrl+w.
type lineEdit struct {
	value  []rune
	active bool
}

// handle applies a key; it reports whether the key was consumed.
func (l *lineEdit) handle(msg tea.KeyMsg) bool {
	switch msg.Type {
	case tea.KeyRunes, tea.KeySpace:
		l.value = append(l.value, msg.Runes...)
		if msg.Type == tea.KeySpace && len(msg.Runes) == 0 {
			l.value = append(l.value, ' ')
		}
	case tea.KeyBackspace:
		if len(l.value) > 0 {
			l.value = l.value[:len(l.value)-1]
		}
	case tea.KeyCtrlU:
		l.value = nil
	case tea.KeyCtrlW:
		s := strings.TrimRight(string(l.value), " ")
		if i := strings.LastIndex(s, " "); i >= 0 {
			l.value = []rune(s[:i+1])
		} else {
			l.value = nil
		}
	default:
		return false
	}
	return true
}

func (l lineEdit) String() string { return string(l.value) }

// filterKey applies a key to a filter being typed: enter keeps the filter,
// esc clears it, the others edit it. It returns false, doing nothing, for ↑
// and ↓, which move in the list being filtered.
func (l *lineEdit) filterKey(msg tea.KeyMsg) bool {
	switch msg.Type {
	case tea.KeyEnter:
		l.active = false
	case tea.KeyEsc:
		l.reset()
	case tea.KeyUp, tea.KeyDown:
		return false
	default:
		l.handle(msg)
	}
	return true
}

// field is the text typed, with the ▏ of the cursor while it is typed.
func (l lineEdit) field() string {
	if l.active {
		return string(l.value) + "▏"
	}
	return string(l.value)
}

func (l *lineEdit) reset() { l.value, l.active = nil, false }
