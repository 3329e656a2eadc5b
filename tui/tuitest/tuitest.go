// Package tuitest drives the interface in tests the way Bubble Tea runs it
// (commands in goroutines, their messages fed back to Update), with no
// colour, while the test types keys and reads what the screen shows.
package tuitest

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"appel/model"
	"appel/tui"
)

// DefaultTimeout bounds each wait of a Driver.
const DefaultTimeout = 10 * time.Second

// Driver runs one session's tui.App.
type Driver struct {
	// T is the test the driver fails.
	T testing.TB
	// App is the model as Update last returned it.
	App tea.Model
	// Keys counts the keys pressed (Press), for keystroke-count tests.
	Keys int
	// Quit reports that the program asked to quit.
	Quit bool
	// Timeout bounds each wait (DefaultTimeout when 0).
	Timeout time.Duration
	// Observe, when set, sees each message before the interface does.
	Observe func(tea.Msg)
	msgs    chan tea.Msg
}

// Start opens the interface of svc's account at width×height, with no
// colour; the session ends with the test.
func Start(t testing.TB, svc *model.Service, width, height int) *Driver {
	t.Helper()
	return StartWith(t, tui.Config{Service: svc}, width, height)
}

// StartWith is Start with more of the interface's configuration (the
// imports folder); its context, renderer and size are the driver's.
func StartWith(t testing.TB, cfg tui.Config, width, height int) *Driver {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	r := lipgloss.NewRenderer(&strings.Builder{})
	r.SetColorProfile(termenv.Ascii)
	cfg.Ctx, cfg.Renderer, cfg.Width, cfg.Height = ctx, r, width, height
	app, err := tui.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	d := &Driver{T: t, App: app, msgs: make(chan tea.Msg, 256)}
	d.Process(tea.WindowSizeMsg{Width: width, Height: height})
	d.run(app.Init())
	return d
}

func (d *Driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		if msg := cmd(); msg != nil {
			d.msgs <- msg
		}
	}()
}

// Process hands msg to the interface now and starts the commands it returns.
func (d *Driver) Process(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
		return
	case tea.QuitMsg:
		d.Quit = true
		return
	}
	if d.Observe != nil {
		d.Observe(msg)
	}
	next, cmd := d.App.Update(msg)
	d.App = next
	d.run(cmd)
}

// Press sends keys one by one, counting them, and handles the messages
// already waiting after each: Key's names or single runes.
func (d *Driver) Press(keys ...string) {
	for _, k := range keys {
		d.Keys++
		d.Process(Key(k))
		d.drain()
	}
}

// Key is the key message of a name ("enter", "esc", "tab", "up", "ctrl+r"…),
// or of the runes of k.
func Key(k string) tea.KeyMsg {
	if t, ok := namedKeys[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// namedKeys are the key names that Key knows.
var namedKeys = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"shift+left": tea.KeyShiftLeft, "shift+right": tea.KeyShiftRight, "home": tea.KeyHome, "end": tea.KeyEnd,
	"space": tea.KeySpace, "backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
	"ctrl+c": tea.KeyCtrlC, "ctrl+r": tea.KeyCtrlR, "ctrl+u": tea.KeyCtrlU, "ctrl+w": tea.KeyCtrlW,
	"ctrl+b": tea.KeyCtrlB, "ctrl+f": tea.KeyCtrlF, "ctrl+s": tea.KeyCtrlS, "ctrl+t": tea.KeyCtrlT, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
}

// Send hands msgs (keys, window sizes…) to the interface one by one, and
// handles the messages already waiting after each, as Press does; it counts
// no key.
func (d *Driver) Send(msgs ...tea.Msg) {
	for _, msg := range msgs {
		d.Process(msg)
		d.drain()
	}
}

// drain processes the messages already waiting, without blocking.
func (d *Driver) drain() {
	for {
		select {
		case msg := <-d.msgs:
			d.Process(msg)
		default:
			return
		}
	}
}

// View returns what the screen shows now.
func (d *Driver) View() string { return d.App.View() }

// WaitFor processes messages until the screen shows every text, and returns it.
func (d *Driver) WaitFor(texts ...string) string {
	d.T.Helper()
	return d.WaitUntil(func(v string) bool {
		for _, x := range texts {
			if !strings.Contains(v, x) {
				return false
			}
		}
		return true
	}, strings.Join(texts, " + "))
}

// WaitUntil processes messages until ok holds for the screen, and returns it.
func (d *Driver) WaitUntil(ok func(string) bool, what string) string {
	d.T.Helper()
	deadline := time.NewTimer(d.timeout())
	defer deadline.Stop()
	for {
		d.drain()
		if v := d.View(); ok(v) {
			return v
		}
		select {
		case msg := <-d.msgs:
			d.Process(msg)
		case <-deadline.C:
			d.T.Fatalf("the screen never showed %s:\n%s", what, d.View())
		}
	}
}

// WaitQuit processes messages until the program asked to quit.
func (d *Driver) WaitQuit() {
	d.T.Helper()
	deadline := time.NewTimer(d.timeout())
	defer deadline.Stop()
	for !d.Quit {
		select {
		case msg := <-d.msgs:
			d.Process(msg)
		case <-deadline.C:
			d.T.Fatalf("the program did not quit:\n%s", d.View())
		}
	}
}

func (d *Driver) timeout() time.Duration {
	if d.Timeout > 0 {
		return d.Timeout
	}
	return DefaultTimeout
}

// Line returns the screen line that contains text, or "".
func Line(view, text string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// Settle processes messages until none has arrived for quiet, or for at most
// the driver's timeout: the loads and writes started by the keys are then
// done, except the commands that wait on purpose (timers, the change feed).
func (d *Driver) Settle(quiet time.Duration) {
	deadline := time.NewTimer(d.timeout())
	defer deadline.Stop()
	for {
		lull := time.NewTimer(quiet)
		select {
		case msg := <-d.msgs:
			lull.Stop()
			d.Process(msg)
		case <-lull.C:
			return
		case <-deadline.C:
			lull.Stop()
			return
		}
	}
}
