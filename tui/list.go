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
	pos, ok := navMove(msg, nav, l.cursor, len(l.items), max(height-1, 1))
	if ok {
		l.moveTo(pos)
	}
	return ok
}

// navMove returns where a movement key (a line, a page, an end) takes a
// position among n, and whether msg was one.
func navMove(msg tea.KeyMsg, nav NavKeys, pos, n, page int) (int, bool) {
	switch {
	case key.Matches(msg, nav.Up):
		pos--
	case key.Matches(msg, nav.Down):
		pos++
	case key.Matches(msg, nav.PageUp):
		pos -= page
	case key.Matches(msg, nav.PageDown):
		pos += page
	case key.Matches(msg, nav.Home):
		pos = 0
	case key.Matches(msg, nav.End):
		pos = n - 1
	default:
		return pos, false
	}
	return clamp(pos, 0, max(n-1, 0)), true
}

// window returns the visible slice bounds for height rows, scrolling as needed.
func (l *cursorList) window(height int) (from, to int) {
	from, to = scrollWindow(l.offset, l.cursor, len(l.items), height)
	l.offset = from
	return from, to
}

// scrollWindow returns the rows [from, to) of n that height lines show: from
// is offset moved as little as the cursor needs to be seen.
func scrollWindow(offset, cursor, n, height int) (from, to int) {
	height = max(height, 1)
	from = clamp(offset, cursor-height+1, cursor)
	from = clamp(from, 0, max(n-height, 0))
	return from, min(from+height, n)
}

// indexes returns 0, 1, … n-1: the items of a list that shows every row.
func indexes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
