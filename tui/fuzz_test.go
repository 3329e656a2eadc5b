package tui_test

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
	"appel/model/modeltest"
	"appel/tui/tuitest"
)

// FuzzApp types random keys and resizes the window at random on every
// screen of a random account: no View may panic, the session must quit when
// asked, and the store must stay consistent (checkStore).
//
// The input is decoded by decodeSession: an account, a clock, the initial
// window size, then up to maxFuzzOps operations (fuzzOp).
func FuzzApp(f *testing.F) {
	for _, seed := range fuzzSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang is a failure too: the worker crashes and the input is kept.
		watchdog := time.AfterFunc(hangLimit, func() { panic(fmt.Sprintf("session hung: %q", data)) })
		defer watchdog.Stop()
		runSession(t, decodeSession(data))
	})
}

// hangLimit is how long a session may run before it counts as hung.
const hangLimit = 20 * time.Second

// maxFuzzOps bounds a session, so that one input runs well under a second.
const maxFuzzOps = 200

// fuzzLogins are the accounts a session may open: every role of modeltest,
// and a teacher of the grid's week.
var fuzzLogins = []string{"prof", "prof2", "cpe", "cpe2", "aed", "direction", "admin", "dupont"}

// fuzzClocks are the instants a session may run at: during a lesson, after
// the morning's roll calls, on a bank holiday, a Saturday, in the holidays,
// on the first day of the year and after its end.
var fuzzClocks = []time.Time{
	modeltest.GridNow,
	modeltest.At(modeltest.WeekA, 8, 10),
	modeltest.At(modeltest.Armistice, 9, 0),
	modeltest.At(modeltest.WeekA.AddDays(5), 11, 0),
	modeltest.At(model.NewDate(2026, 10, 20), 9, 0),
	modeltest.At(model.NewDate(2026, 9, 1), 8, 5),
	modeltest.At(model.NewDate(2027, 7, 12), 8, 5),
}

// fuzzSizes are the window sizes an operation may name directly: empty,
// tiny, just under and at the minimum, usual and huge.
var fuzzSizes = [][2]int{{0, 0}, {1, 1}, {10, 3}, {59, 13}, {60, 14}, {80, 24}, {200, 60}, {1000, 400}}

// fuzzKeys are the keys an operation may press: every key some screen reads
// except ctrl+c (q quits too, and typed text reaches the forms).
var fuzzKeys = func() []string {
	keys := []string{
		"enter", "esc", "tab", "shift+tab", "up", "down", "left", "right", "shift+left", "shift+right",
		"home", "end", "pgup", "pgdown", "space", "backspace", "delete", "ctrl+r", "ctrl+u", "ctrl+w",
		"ctrl+b", "ctrl+f", " ", "?", "/", "[", "]", "*", "+", "-", "<", ">", ".", ",", ":", "é", "'",
	}
	for r := 'a'; r <= 'z'; r++ {
		keys = append(keys, string(r), string(r-'a'+'A'))
	}
	for r := '0'; r <= '9'; r++ {
		keys = append(keys, string(r))
	}
	return keys
}()

// fuzzRunes are the runes of typed or pasted text: letters, accents,
// digits, punctuation, wide and combining runes.
var fuzzRunes = []rune("abcdefghijklmnopqrstuvwxyzABCDELMVZÉéèàçœ -'/.:,;0123456789日本🙂\u0301")

// Operation bytes above the keys: a resize, a burst of typed runes, a
// paste, a pause until the loads and writes under way are done.
const (
	opResize = 0xF0 + iota
	opType
	opPaste
	opSettle
)

// settleMsg is the operation opSettle.
type settleMsg struct{}

// settleQuiet is how long a pause waits for no message to arrive.
const settleQuiet = 5 * time.Millisecond

// fuzzSession is a decoded input.
type fuzzSession struct {
	login         string
	now           time.Time
	width, height int
	ops           []tea.Msg
}

// decodeSession reads data: byte 0 the account, byte 1 the clock, bytes 2
// and 3 the initial size (sizeOf), then the operations (decodeOp).
func decodeSession(data []byte) fuzzSession {
	r := byteReader{data: data}
	s := fuzzSession{
		login: fuzzLogins[int(r.next())%len(fuzzLogins)],
		now:   fuzzClocks[int(r.next())%len(fuzzClocks)],
	}
	s.width, s.height = sizeOf(r.next(), r.next())
	for len(s.ops) < maxFuzzOps && !r.done() {
		s.ops = append(s.ops, decodeOp(&r))
	}
	return s
}

// decodeOp reads one operation: a key of fuzzKeys, or after opResize two
// size bytes, or after opType and opPaste a length and that many runes, or
// opSettle.
func decodeOp(r *byteReader) tea.Msg {
	switch b := r.next(); b {
	case opSettle:
		return settleMsg{}
	case opResize:
		w, h := sizeOf(r.next(), r.next())
		return tea.WindowSizeMsg{Width: w, Height: h}
	case opType, opPaste:
		n := 1 + int(r.next())%12
		runes := make([]rune, n)
		for i := range runes {
			runes[i] = fuzzRunes[int(r.next())%len(fuzzRunes)]
		}
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: runes, Paste: b == opPaste}
	default:
		return tuitest.Key(fuzzKeys[int(b)%len(fuzzKeys)])
	}
}

// sizeOf reads a window size: a of 0xF8 and above names one of fuzzSizes,
// otherwise the size is a columns by b%100 lines.
func sizeOf(a, b byte) (int, int) {
	if a >= 0xF8 {
		s := fuzzSizes[int(a-0xF8)%len(fuzzSizes)]
		return s[0], s[1]
	}
	return int(a), int(b) % 100
}

// byteReader reads an input byte by byte; past its end it reads zeros.
type byteReader struct {
	data []byte
	pos  int
}

func (r *byteReader) done() bool { return r.pos >= len(r.data) }

func (r *byteReader) next() byte {
	if r.done() {
		return 0
	}
	r.pos++
	return r.data[r.pos-1]
}

// runSession plays a session on a fresh store holding the grid's week, with
// injected texts (poisoned), quits it and checks the store. No frame may
// hold a raw control or invisible character.
func runSession(t *testing.T, s fuzzSession) {
	db := poisoned(t)
	svc := model.NewService(db, model.Actor{Login: s.login, Session: "fuzz"}, modeltest.Clock(s.now))
	d := tuitest.Start(t, svc, s.width, s.height)
	checkFrame(t, d.View())
	for _, op := range s.ops {
		if d.Quit {
			break
		}
		if _, ok := op.(settleMsg); ok {
			d.Settle(settleQuiet)
		} else {
			d.Send(op)
		}
		checkFrame(t, d.View())
	}
	d.Press("ctrl+c", "ctrl+c")
	d.WaitQuit()
	checkStore(t, db, s.login)
}

// checkFrame fails on a frame holding a raw control or invisible character
// (with no colour, a frame holds no escape at all).
func checkFrame(t *testing.T, frame string) {
	t.Helper()
	if r, bad := rawControl(frame); bad {
		t.Fatalf("raw %U on screen:\n%s", r, frame)
	}
}
