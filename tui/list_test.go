package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestScrollWindow(t *testing.T) {
	cases := []struct {
		offset, cursor, n, height int
		from, to                  int
	}{
		{0, 0, 0, 5, 0, 0},
		{0, 3, 10, 5, 0, 5},
		{0, 7, 10, 5, 3, 8},
		{4, 2, 10, 5, 2, 7},
		{9, 9, 10, 5, 5, 10},
		{3, 1, 4, 10, 0, 4},
		{0, 0, 3, 0, 0, 1},
	}
	for _, c := range cases {
		if from, to := scrollWindow(c.offset, c.cursor, c.n, c.height); from != c.from || to != c.to {
			t.Errorf("scrollWindow(%d, %d, %d, %d) = %d, %d; want %d, %d", c.offset, c.cursor, c.n, c.height, from, to, c.from, c.to)
		}
	}
}

func TestNavMove(t *testing.T) {
	nav := DefaultNavKeys()
	cases := []struct {
		key    tea.KeyMsg
		pos, n int
		want   int
		moved  bool
	}{
		{tea.KeyMsg{Type: tea.KeyDown}, 2, 10, 3, true},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("k")}, 0, 10, 0, true},
		{tea.KeyMsg{Type: tea.KeyPgDown}, 2, 10, 6, true},
		{tea.KeyMsg{Type: tea.KeyPgUp}, 2, 10, 0, true},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("G")}, 2, 10, 9, true},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("g")}, 7, 10, 0, true},
		{tea.KeyMsg{Type: tea.KeyDown}, 0, 0, 0, true},
		{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("a")}, 4, 10, 4, false},
	}
	for _, c := range cases {
		if got, moved := navMove(c.key, nav, c.pos, c.n, 4); got != c.want || moved != c.moved {
			t.Errorf("%s from %d of %d: %d, %v; want %d, %v", c.key, c.pos, c.n, got, moved, c.want, c.moved)
		}
	}
}
