package tui

import (
	"context"
	"io"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

// gridEnv is the env of login's session over the grid's week, for tests that
// hand messages to one screen and run none of its commands.
func gridEnv(t *testing.T, login string) *env {
	t.Helper()
	db := storagetest.NewWith(t, modeltest.WithGridWeek(modeltest.GridSchool(8)))
	svc := model.NewService(db, model.Actor{Login: login}, modeltest.Clock(modeltest.GridNow))
	return &env{ctx: context.Background(), svc: service{svc}, styles: NewStyles(lipgloss.NewRenderer(io.Discard)),
		nav: DefaultNavKeys(), login: login}
}

// pressAll hands s every key a file or a list reads, drawing it after each.
func pressAll(s Screen, keys ...tea.KeyMsg) {
	for _, k := range keys {
		s, _ = s.Update(k)
		_ = s.View(80, 20)
	}
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// TestPupilFileKeysWhileLoading: a file opened and not loaded yet ignores
// the keys that act on it (found by FuzzApp: ] dereferenced the missing
// file).
func TestPupilFileKeysWhileLoading(t *testing.T) {
	s := newPupilsScreen(gridEnv(t, "cpe"))
	s, _ = s.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	s, _ = s.Update(openPupilMsg{id: "E001"})
	pressAll(s, runes("]"), runes("["), runes("c"), runes("p"), tea.KeyMsg{Type: tea.KeyTab},
		tea.KeyMsg{Type: tea.KeyShiftTab}, tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyPgDown})
	if v := s.View(80, 20); v != "Chargement…" {
		t.Errorf("the file still loads:\n%s", v)
	}
}

// TestAccountWritePending: an account's write counts as pending until it is
// acknowledged, so that quitting waits for it (found by FuzzApp: q right
// after a new account quit before it was stored).
func TestAccountWritePending(t *testing.T) {
	s := newAccountsScreen(gridEnv(t, "admin"))
	s, _ = s.Update(s.Init()())
	s, _ = s.Update(runes("j"))
	s, _ = s.Update(runes("d"))
	if s.Pending() != 0 {
		t.Fatalf("pending %d before the answer to d's question", s.Pending())
	}
	s, cmd := s.Update(runes("o"))
	if s.Pending() != 1 || cmd == nil {
		t.Fatalf("pending %d after d and o", s.Pending())
	}
	msg := cmd()
	if _, ok := msg.(accountSavedMsg); !ok {
		t.Fatalf("d's command returned %#v", msg)
	}
	if s, _ = s.Update(msg); s.Pending() != 0 {
		t.Errorf("pending %d once acknowledged", s.Pending())
	}
}

// messages runs cmd and the commands of its batches, and returns their messages.
func messages(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, messages(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// TestClassGridAfterPupilLeft: esc on a pupil grid not loaded yet brings
// back the class grid, which has no day to focus (found by FuzzApp: the
// pupil's day was looked up in the class grid's rows, index -1).
func TestClassGridAfterPupilLeft(t *testing.T) {
	s := Screen(newPlanScreen(gridEnv(t, "cpe")))
	s, _ = s.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	s, cmd := s.Update(s.Init()())
	s, _ = s.Update(cmd())
	s, _ = s.Update(openPupilGridMsg{id: "E001"})
	s, cmd = s.Update(tea.KeyMsg{Type: tea.KeyEsc})
	for _, msg := range messages(cmd) {
		s, _ = s.Update(msg)
	}
	if v := s.View(80, 20); !strings.Contains(v, "4A · semaine du") {
		t.Errorf("the class grid is back:\n%s", v)
	}
}
