package tui_test

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model/modeltest"
)

// benchApp opens prof's roll call of a 35-pupil class, loaded.
func benchApp(b *testing.B) *driver {
	f := newFixture(b, 35, modeltest.At(modeltest.Monday, 8, 5))
	d := f.start(b, "prof", 100, 40)
	d.WaitFor("appel non fait")
	return d
}

// BenchmarkRollCallMoveAndView is the cost of one cursor move: Update + View
// of the roll call of a class of 35.
func BenchmarkRollCallMoveAndView(b *testing.B) {
	d := benchApp(b)
	keys := []tea.KeyMsg{keyMsg("j"), keyMsg("k")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next, _ := d.App.Update(keys[i%2])
		d.App = next
		_ = d.App.View()
	}
}

// BenchmarkRollCallKeyToCommit is a mark from its key to the frame that shows
// it saved: Update(key), the command (the commit, fsync on), Update(result), View.
func BenchmarkRollCallKeyToCommit(b *testing.B) {
	d := benchApp(b)
	kinds := []tea.KeyMsg{keyMsg("a"), keyMsg("p")}
	up := keyMsg("k")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next, cmd := d.App.Update(kinds[i%2])
		d.App = next
		next, _ = d.App.Update(runBatch(cmd))
		d.App = next
		_ = d.App.View()
		next, _ = d.App.Update(up)
		d.App = next
	}
}

// runBatch runs a command and returns the message of its write (the first
// non-nil message of a batch).
func runBatch(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			if m := runBatch(c); m != nil {
				return m
			}
		}
		return nil
	}
	return msg
}
