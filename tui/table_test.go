package tui

import (
	"context"
	"slices"
	"strconv"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestSortedTable(t *testing.T) {
	names := []string{"Émile", "abel", "Zoé", "Total"}
	counts := []int{2, 7, 2, 11}
	cols := []column{
		{title: "Nom", width: 6, text: func(i int) string { return names[i] }},
		{title: "N", width: 3, right: true, text: func(i int) string { return strconv.Itoa(counts[i]) },
			num: func(i int) float64 { return float64(counts[i]) }},
	}
	tab := newSortedTable(cols, len(names), 1)
	steps := []struct {
		do     func()
		want   []int
		header string
	}{
		{func() {}, []int{0, 1, 2, 3}, "  Nom      N"},
		{tab.cycleSort, []int{1, 0, 2, 3}, "  Nom▲     N"},
		{tab.cycleSort, []int{1, 0, 2, 3}, "  Nom     N▼"},
		{tab.reverse, []int{0, 2, 1, 3}, "  Nom     N▲"},
		{func() { tab.setFilter("e") }, []int{0, 3}, "  Nom     N▲"},
		{func() { tab.setFilter(""); tab.cycleSort() }, []int{0, 1, 2, 3}, "  Nom      N"},
	}
	for i, s := range steps {
		s.do()
		if !slices.Equal(tab.list.items, s.want) || tab.header() != s.header {
			t.Errorf("step %d: rows %v, header %q; want %v, %q", i, tab.list.items, tab.header(), s.want, s.header)
		}
	}
	if got := tab.line(1, true); got != "› abel     7" {
		t.Errorf("line %q", got)
	}
}

// TestLoadGateCoalesces: the delayed reloads of the statistics.
func TestLoadGateCoalesces(t *testing.T) {
	var g loadGate
	ctx := context.Background()
	gens := make(chan int, 1)
	run := func(gen int) tea.Msg { gens <- gen; return nil }
	later := func() tea.Cmd { return g.later(ctx, statsTickMsg{}) }
	if later() == nil {
		t.Fatal("a first change starts a timer")
	}
	if later() != nil {
		t.Error("a second change while waiting starts nothing")
	}
	if !g.fire() || g.fire() {
		t.Error("the timer starts one load")
	}
	g.load(false, run)()
	gen := <-gens
	if later() != nil {
		t.Error("a change during the load waits for its end")
	}
	if latest, next := g.arrived(gen, later); !latest || next == nil {
		t.Error("the load's end starts the timer the change called for")
	}
	g.load(true, run)()
	gen = <-gens
	if g.fire() {
		t.Error("a load the user asked for covers the pending change")
	}
	if _, next := g.arrived(gen, later); next != nil {
		t.Error("no change, no reload")
	}
}

// TestLoadGateImmediate: the desk's panes reload at once, one load in
// flight; a forced load makes the older one's result stale.
func TestLoadGateImmediate(t *testing.T) {
	var g loadGate
	gens := make(chan int, 1)
	run := func(gen int) tea.Msg { gens <- gen; return nil }
	reload := func() tea.Cmd { return g.load(false, run) }
	g.load(false, run)()
	first := <-gens
	for range 2 {
		if reload() != nil {
			t.Error("changes during a load start nothing")
		}
	}
	latest, next := g.arrived(first, reload)
	if !latest || next == nil {
		t.Fatal("the load's end starts one more load")
	}
	next()
	second := <-gens
	g.load(true, run)()
	third := <-gens
	if latest, _ := g.arrived(second, reload); latest {
		t.Error("a forced load makes the older result stale")
	}
	if latest, next := g.arrived(third, reload); !latest || next != nil {
		t.Error("the forced load's result is the latest, with nothing after it")
	}
}

// TestReloadTimerEndsWithTheSession: the timer of a delayed reload returns
// at once, with no message, when the session has ended.
func TestReloadTimerEndsWithTheSession(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var g loadGate
	timer := g.later(ctx, statsTickMsg{})
	cancel()
	if msg := timer(); msg != nil {
		t.Errorf("the timer of an ended session sent %T", msg)
	}
}
