package tui

import (
	"cmp"
	"slices"

	"appel/model"
)

// markSet is a selection of absences and latenesses (pupil × séance) for a
// mass action, each as the screen showed it when it was selected (or last
// redrawn): the action applies to it only while the store still holds it so.
type markSet struct{ m map[model.MarkKey]model.Shown }

func newMarkSet() markSet { return markSet{m: map[model.MarkKey]model.Shown{}} }

func (s markSet) len() int { return len(s.m) }

// count returns how many of xs are selected.
func (s markSet) count(xs []model.Shown) int {
	n := 0
	for _, x := range xs {
		if _, ok := s.m[x.Key]; ok {
			n++
		}
	}
	return n
}

func (s markSet) add(xs ...model.Shown) {
	for _, x := range xs {
		s.m[x.Key] = x
	}
}

func (s markSet) remove(xs ...model.Shown) {
	for _, x := range xs {
		delete(s.m, x.Key)
	}
}

// toggle selects xs unless they are all selected already, then unselects them.
func (s markSet) toggle(xs []model.Shown) {
	if len(xs) > 0 && s.count(xs) == len(xs) {
		s.remove(xs...)
		return
	}
	s.add(xs...)
}

func (s markSet) clear() { clear(s.m) }

// clone returns an independent copy.
func (s markSet) clone() markSet {
	c := newMarkSet()
	for k, x := range s.m {
		c.m[k] = x
	}
	return c
}

// refresh takes what the screen shows now of the selected records it shows:
// now returns a record as shown, and false when the screen does not show it
// (then the selection keeps what it had); a record that is no longer an
// absence or a lateness of a begun séance leaves the selection.
func (s markSet) refresh(now func(model.MarkKey) (model.Shown, bool, bool)) {
	for k := range s.m {
		x, shown, keep := now(k)
		switch {
		case !shown:
		case keep:
			s.m[k] = x
		default:
			delete(s.m, k)
		}
	}
}

// list returns the selected records in séance then pupil order.
func (s markSet) list() []model.Shown {
	out := make([]model.Shown, 0, len(s.m))
	for _, x := range s.m {
		out = append(out, x)
	}
	slices.SortFunc(out, func(a, b model.Shown) int {
		return cmp.Or(cmp.Compare(a.Key.Seance, b.Key.Seance), cmp.Compare(a.Key.Pupil, b.Key.Pupil))
	})
	return out
}
