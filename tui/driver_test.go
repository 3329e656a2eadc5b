package tui_test

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
	"appel/tui/tuitest"
)

// driver runs a session's tui.App while the test types keys and reads View.
type driver = tuitest.Driver

// fixture is a store holding a modeltest school.
type fixture struct {
	db  *storage.DB
	now time.Time
}

func newFixture(t testing.TB, size int, now time.Time) fixture {
	t.Helper()
	return fixture{db: storagetest.NewWith(t, modeltest.School(size)), now: now}
}

// sessions numbers the fixtures' sessions: each has its own, as over SSH.
var sessions atomic.Int64

func (f fixture) service(login string) *model.Service {
	id := fmt.Sprintf("test-%d", sessions.Add(1))
	return model.NewService(f.db, model.Actor{Login: login, Session: id}, modeltest.Clock(f.now))
}

// start opens the interface of login at width×height, with no colour.
func (f fixture) start(t testing.TB, login string, width, height int) *driver {
	t.Helper()
	return tuitest.Start(t, f.service(login), width, height)
}

// keyMsg is the key message of a key name or of runes.
func keyMsg(k string) tea.KeyMsg { return tuitest.Key(k) }

// line returns the screen line that contains text.
func line(view, text string) string { return tuitest.Line(view, text) }

func teaSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
