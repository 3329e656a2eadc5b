package tui

import (
	"cmp"
	"slices"

	"appel/model"
)

// markSet is a selection of marks (pupil × séance) for a mass action.
type markSet struct{ m map[model.MarkKey]bool }

func newMarkSet() markSet { return markSet{m: map[model.MarkKey]bool{}} }

func (s markSet) len() int { return len(s.m) }

// count returns how many of keys are selected.
func (s markSet) count(keys []model.MarkKey) int {
	n := 0
	for _, k := range keys {
		if s.m[k] {
			n++
		}
	}
	return n
}

func (s markSet) add(keys ...model.MarkKey) {
	for _, k := range keys {
		s.m[k] = true
	}
}

func (s markSet) remove(keys ...model.MarkKey) {
	for _, k := range keys {
		delete(s.m, k)
	}
}

// toggle selects keys unless they are all selected already, then unselects them.
func (s markSet) toggle(keys []model.MarkKey) {
	if len(keys) > 0 && s.count(keys) == len(keys) {
		s.remove(keys...)
		return
	}
	s.add(keys...)
}

func (s markSet) clear() { clear(s.m) }

// clone returns an independent copy.
func (s markSet) clone() markSet {
	c := newMarkSet()
	for k := range s.m {
		c.m[k] = true
	}
	return c
}

// list returns the selected marks in séance then pupil order.
func (s markSet) list() []model.MarkKey {
	out := make([]model.MarkKey, 0, len(s.m))
	for k := range s.m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b model.MarkKey) int {
		return cmp.Or(cmp.Compare(a.Seance, b.Seance), cmp.Compare(a.Pupil, b.Pupil))
	})
	return out
}
