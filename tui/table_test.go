package tui

import (
	"slices"
	"strconv"
	"testing"
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

func TestReloaderCoalesces(t *testing.T) {
	var r reloader
	if r.changed(statsTickMsg{}) == nil {
		t.Fatal("a first change starts a timer")
	}
	if r.changed(statsTickMsg{}) != nil {
		t.Error("a second change while waiting starts nothing")
	}
	if !r.fire() || r.fire() {
		t.Error("the timer starts one load")
	}
	if r.changed(statsTickMsg{}) != nil {
		t.Error("a change during the load waits for its end")
	}
	if r.done(statsTickMsg{}) == nil {
		t.Error("the load's end starts the timer the change called for")
	}
	r.start()
	if r.fire() {
		t.Error("a load the user asked for covers the pending change")
	}
	if r.done(statsTickMsg{}) != nil {
		t.Error("no change, no reload")
	}
}
