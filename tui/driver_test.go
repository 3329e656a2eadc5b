package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
	"appel/tui"
)

// driver runs a tui.App the way Bubble Tea does (commands in goroutines, their
// messages fed back to Update) while the test types keys and reads View.
type driver struct {
	t     testing.TB
	app   tea.Model
	msgs  chan tea.Msg
	keys  int
	quit  bool
	width int
}

// fixture is a store holding a modeltest school.
type fixture struct {
	db  *storage.DB
	now time.Time
}

func newFixture(t testing.TB, size int, now time.Time) fixture {
	t.Helper()
	db := storagetest.New(t)
	data := modeltest.School(size)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	return fixture{db: db, now: now}
}

func (f fixture) service(login string) *model.Service {
	return model.NewService(f.db, model.Actor{Login: login, Session: "test"}, modeltest.Clock(f.now))
}

// start opens the interface of login at width×height, with no colour.
func (f fixture) start(t testing.TB, login string, width, height int) *driver {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	r := lipgloss.NewRenderer(&strings.Builder{})
	r.SetColorProfile(termenv.Ascii)
	app, err := tui.New(tui.Config{Ctx: ctx, Service: f.service(login), Renderer: r, Width: width, Height: height})
	if err != nil {
		t.Fatal(err)
	}
	d := &driver{t: t, app: app, msgs: make(chan tea.Msg, 256), width: width}
	d.process(tea.WindowSizeMsg{Width: width, Height: height})
	d.run(app.Init())
	return d
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		if msg := cmd(); msg != nil {
			d.msgs <- msg
		}
	}()
}

func (d *driver) process(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
		return
	case tea.QuitMsg:
		d.quit = true
		return
	}
	next, cmd := d.app.Update(msg)
	d.app = next
	d.run(cmd)
}

// press sends keys one by one, counting them; tea key names ("enter", "esc",
// "tab", "up", "space") or single runes.
func (d *driver) press(keys ...string) {
	for _, k := range keys {
		d.keys++
		d.process(keyMsg(k))
		d.drain()
	}
}

func keyMsg(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "up": tea.KeyUp, "down": tea.KeyDown,
		"left": tea.KeyLeft, "right": tea.KeyRight, "space": tea.KeySpace, "backspace": tea.KeyBackspace,
		"ctrl+c": tea.KeyCtrlC, "ctrl+r": tea.KeyCtrlR, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
	}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// drain processes the messages already waiting, without blocking.
func (d *driver) drain() {
	for {
		select {
		case msg := <-d.msgs:
			d.process(msg)
		default:
			return
		}
	}
}

// view returns what the screen shows now.
func (d *driver) view() string { return d.app.View() }

// waitFor processes messages until the screen shows every text.
func (d *driver) waitFor(texts ...string) string {
	d.t.Helper()
	return d.waitUntil(func(v string) bool {
		for _, x := range texts {
			if !strings.Contains(v, x) {
				return false
			}
		}
		return true
	}, strings.Join(texts, " + "))
}

func (d *driver) waitUntil(ok func(string) bool, what string) string {
	d.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		d.drain()
		if v := d.view(); ok(v) {
			return v
		}
		select {
		case msg := <-d.msgs:
			d.process(msg)
		case <-deadline:
			d.t.Fatalf("the screen never showed %s:\n%s", what, d.view())
		}
	}
}

// waitQuit processes messages until the program asked to quit.
func (d *driver) waitQuit() {
	d.t.Helper()
	deadline := time.After(10 * time.Second)
	for !d.quit {
		select {
		case msg := <-d.msgs:
			d.process(msg)
		case <-deadline:
			d.t.Fatalf("the program did not quit:\n%s", d.view())
		}
	}
}

// line returns the screen line that contains text.
func line(view, text string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

func teaSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
