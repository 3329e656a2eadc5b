package model

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// CheckSlots reports the first inconsistency of a bell grid: a slot without
// code, a code used twice, a slot that ends before it starts, two slots that
// overlap, or an afternoon slot before a morning one.
func CheckSlots(slots []Slot) error {
	if len(slots) == 0 {
		return invalid("grille horaire vide : au moins un créneau")
	}
	seen := map[string]bool{}
	for _, sl := range slots {
		if err := CheckField("code du créneau", sl.Code, Plain); err != nil {
			return err
		}
		key := strings.ToUpper(strings.TrimSpace(sl.Code))
		switch {
		case key == "":
			return invalid("créneau sans code (%s–%s)", sl.Start, sl.End)
		case seen[key]:
			return invalid("créneau %s donné deux fois", sl.Code)
		case sl.End <= sl.Start:
			return invalid("créneau %s : fin %s avant le début %s", sl.Code, sl.End, sl.Start)
		}
		seen[key] = true
	}
	sorted := SortedSlots(slots)
	for i := 1; i < len(sorted); i++ {
		a, b := sorted[i-1], sorted[i]
		if b.Start < a.End {
			return invalid("créneaux %s (%s–%s) et %s (%s–%s) se chevauchent", a.Code, a.Start, a.End, b.Code, b.Start, b.End)
		}
		if a.HalfDay == Afternoon && b.HalfDay == Morning {
			return invalid("créneau %s du matin après le créneau %s de l'après-midi", b.Code, a.Code)
		}
	}
	return nil
}

// SortedSlots returns a copy of slots by start time.
func SortedSlots(slots []Slot) []Slot {
	out := append([]Slot(nil), slots...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// SlotGridChange is what replacing the bell grid does to the timetable: the
// courses that the new grid places in another half-day (refused: their past
// séances would count otherwise) and those whose start is no slot of it (kept,
// shown over the slots they cover).
type SlotGridChange struct {
	Slots []Slot
	// Moved are courses whose half-day the new grid changes.
	Moved []Course
	// OffGrid are courses that start at no slot of the new grid.
	OffGrid []Course
}

// SlotGridPreview tells what replacing the grid by slots would change,
// without writing anything.
func (s *Service) SlotGridPreview(slots []Slot) (SlotGridChange, error) {
	if err := s.Require(PermSetup); err != nil {
		return SlotGridChange{}, err
	}
	if err := CheckSlots(slots); err != nil {
		return SlotGridChange{}, err
	}
	dir, err := s.store.Directory()
	if err != nil {
		return SlotGridChange{}, err
	}
	return slotGridChange(dir.School, dir.Courses, SortedSlots(slots)), nil
}

func slotGridChange(old School, courses []Course, slots []Slot) SlotGridChange {
	next := old
	next.Slots = slots
	ch := SlotGridChange{Slots: slots, Moved: MovedCourses(old, courses, slots)}
	for _, c := range courses {
		if _, ok := next.SlotAt(c.Start); !ok {
			ch.OffGrid = append(ch.OffGrid, c)
		}
	}
	return ch
}

// MovedCourses returns the courses that the grid slots would place in the
// other half-day than the school's grid does: a grid that moves any would
// change past counts.
func MovedCourses(school School, courses []Course, slots []Slot) []Course {
	next := school
	next.Slots = slots
	var moved []Course
	for _, c := range courses {
		if school.HalfDayOf(c.Start) != next.HalfDayOf(c.Start) {
			moved = append(moved, c)
		}
	}
	return moved
}

// ImpliedSlots returns the grid that a timetable's courses imply: one slot
// per distinct start, ending at the earliest end of the courses that start
// then (never after the next start), morning before boundary (12:00 when
// zero), coded M1, M2 … and S1, S2 ….
func ImpliedSlots(courses []Course, boundary Clock) []Slot {
	if boundary == 0 {
		boundary = 12 * 60
	}
	ends := map[Clock]Clock{}
	for _, c := range courses {
		if e, ok := ends[c.Start]; !ok || c.End < e {
			ends[c.Start] = c.End
		}
	}
	starts := make([]Clock, 0, len(ends))
	for st := range ends {
		starts = append(starts, st)
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i] < starts[j] })
	var out []Slot
	morning, afternoon := 0, 0
	for i, st := range starts {
		end := ends[st]
		if i+1 < len(starts) && end > starts[i+1] {
			end = starts[i+1]
		}
		sl := Slot{Start: st, End: end, HalfDay: Morning}
		if st < boundary {
			morning++
			sl.Code = fmt.Sprintf("M%d", morning)
		} else {
			afternoon++
			sl.Code, sl.HalfDay = fmt.Sprintf("S%d", afternoon), Afternoon
		}
		out = append(out, sl)
	}
	return out
}

// SetSlots replaces the school's bell grid. It refuses a grid that would move
// a course to the other half-day: past séances, marks and counts never change
// with the grid. The change is audited with the school.
func (s *Service) SetSlots(slots []Slot) (SlotGridChange, error) {
	if err := s.Require(PermSetup); err != nil {
		return SlotGridChange{}, err
	}
	if err := CheckSlots(slots); err != nil {
		return SlotGridChange{}, err
	}
	sorted := SortedSlots(slots)
	var ch SlotGridChange
	_, err := s.update("grille horaire", func(tx Tx) error {
		dir, err := s.store.Directory()
		if err != nil {
			return err
		}
		ch = slotGridChange(dir.School, dir.Courses, sorted)
		if len(ch.Moved) > 0 {
			return invalid("la nouvelle grille change la demi-journée de %d cours (%s) : leurs absences passées compteraient autrement ; gardez leur créneau dans la même demi-journée", len(ch.Moved), courseList(ch.Moved))
		}
		school := dir.School
		school.Slots = sorted
		return tx.PutSchool(school)
	})
	return ch, err
}

// courseList names a few courses for a message: « lundi 08:10 6A ».
func courseList(cs []Course) string {
	var parts []string
	for i, c := range cs {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("et %d autres", len(cs)-3))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %s %s", FrenchWeekday(c.Weekday), c.Start, c.Target.Code))
	}
	return strings.Join(parts, ", ")
}

// FrenchWeekday returns the French name of a day of the week (« lundi »).
func FrenchWeekday(w time.Weekday) string { return frenchWeekdays[int(w)%7] }

// CoveredSlots returns the codes of the slots where the planning grid shows
// a séance from start to end.
func CoveredSlots(slots []Slot, start, end Clock) []string {
	var out []string
	for _, sl := range slots {
		if covers(start, end, sl) {
			out = append(out, sl.Code)
		}
	}
	return out
}
