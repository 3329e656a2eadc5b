package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// cursorList is a cursor over a list of item indexes, with the scroll offset
// that keeps the cursor visible.
type cursorList struct {
	items  []int
	cursor int
	offset int
}

func (l *cursorList) setItems(items []int) {
	keep := -1
	if l.cursor < len(l.items) {
		keep = l.items[l.cursor]
	}
	l.items = items
	l.cursor = 0
	for i, it := range items {
		if it == keep {
			l.cursor = i
		}
	}
}

// selected returns the item under the cursor.
func (l cursorList) selected() (int, bool) {
	if l.cursor < 0 || l.cursor >= len(l.items) {
		return 0, false
	}
	return l.items[l.cursor], true
}

func (l *cursorList) moveTo(i int) { l.cursor = max(0, min(i, len(l.items)-1)) }

// selectItem moves the cursor onto item; it reports whether the item is listed.
func (l *cursorList) selectItem(item int) bool {
	for i, it := range l.items {
		if it == item {
			l.cursor = i
			return true
		}
	}
	return false
}

// navigate applies a movement key for a page of height rows.
func (l *cursorList) navigate(msg tea.KeyMsg, nav NavKeys, height int) bool {
	page := max(height-1, 1)
	switch {
	case key.Matches(msg, nav.Up):
		l.moveTo(l.cursor - 1)
	case key.Matches(msg, nav.Down):
		l.moveTo(l.cursor + 1)
	case key.Matches(msg, nav.PageUp):
		l.moveTo(l.cursor - page)
	case key.Matches(msg, nav.PageDown):
		l.moveTo(l.cursor + page)
	case key.Matches(msg, nav.Home):
		l.moveTo(0)
	case key.Matches(msg, nav.End):
		l.moveTo(len(l.items) - 1)
	default:
		return false
	}
	return true
}

// window returns the visible slice bounds for height rows, scrolling as needed.
func (l *cursorList) window(height int) (from, to int) {
	height = max(height, 1)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+height {
		l.offset = l.cursor - height + 1
	}
	l.offset = max(0, min(l.offset, len(l.items)-height))
	return l.offset, min(l.offset+height, len(l.items))
}
