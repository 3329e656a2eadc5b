package model

import (
	"cmp"
	"slices"
	"strings"
)

// Shown is an absence or a lateness as a screen showed it when the user chose
// to act on it. An action applies to it only while the store still holds it
// so: what another user changed in between is never overwritten unknowingly.
type Shown struct {
	Key  MarkKey
	Kind MarkKind
	// Justification is the motive shown (nil: none), as Attendance has it.
	Justification *Justification
	// Upcoming: the séance had not begun when it was shown.
	Upcoming bool
}

// ShownOf returns what a screen shows of an attendance.
func ShownOf(a Attendance) Shown {
	return Shown{Key: MarkKey{a.Seance.ID, a.Pupil}, Kind: a.Kind, Justification: a.Justification, Upcoming: a.Upcoming}
}

// Matches reports whether a is still what was shown: same kind, same motive
// given by the same person at the same time (or still none).
func (s Shown) Matches(a Attendance) bool {
	return s.Kind == a.Kind && sameJustification(s.Justification, a.Justification)
}

func sameJustification(a, b *Justification) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Motive == b.Motive && a.Valid == b.Valid && a.Overruled == b.Overruled && a.By == b.By && a.At.Equal(b.At)
}

// Replaces reports whether giving the motive code ("" removes it) would
// replace a motive already given: one of another motive, or the same motive
// whose validity a CPE overruled. Such changes are asked first.
func (s Shown) Replaces(code string) bool {
	j := s.Justification
	return j != nil && (code == "" || j.Motive != code || j.Overruled)
}

// Selection sums up a selection of absences and latenesses as the screen
// shows it: what a key will act on, in the numbers the screen, the preview
// and the result all use.
type Selection struct {
	// Absences and Lates are the selected absences and latenesses of séances
	// that have begun: what a motive key acts on.
	Absences, Lates int
	// Upcoming counts the selected ones of séances still to come: a motive
	// key leaves them to the announced absence that makes them.
	Upcoming int
}

// SelectionOf counts what was shown.
func SelectionOf(shown []Shown) Selection {
	var s Selection
	for _, x := range shown {
		switch {
		case x.Upcoming:
			s.Upcoming++
		case x.Kind == KindLate:
			s.Lates++
		case x.Kind == KindAbsent:
			s.Absences++
		}
	}
	return s
}

// Total returns the absences and latenesses a key acts on.
func (s Selection) Total() int { return s.Absences + s.Lates }

// Given is a group of selected absences and latenesses that already have the
// same motive from the same person: « 2 absences déjà justifiées par cpe (Maladie) ».
type Given struct {
	By, Label       string
	Absences, Lates int
}

// Replaced returns, among what was shown, the absences and latenesses of
// begun séances whose motive the motive code ("" removes it) would replace,
// grouped by who gave it and which, the largest group first: the question a
// screen asks before replacing them.
func Replaced(shown []Shown, code string) []Given {
	var out []Given
	for _, x := range shown {
		if x.Upcoming || !x.Replaces(code) {
			continue
		}
		out = addGiven(out, x.Kind, x.Justification)
	}
	slices.SortStableFunc(out, func(a, b Given) int {
		return cmp.Or(cmp.Compare(b.Absences+b.Lates, a.Absences+a.Lates), strings.Compare(a.By, b.By))
	})
	return out
}
