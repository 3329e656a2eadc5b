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

// SlotGridChange is what replacing the bell grid from a date does to the
// timetable. Every date before From keeps the grid it had.
type SlotGridChange struct {
	Slots []Slot
	From  Date
	// Follow are the courses that keep their slot (same code) at its new times.
	Follow []CourseMove
	// Moved are courses that the new grid places in the other half-day.
	Moved []Course
	// OffGrid are courses that start at no slot of the new grid.
	OffGrid []Course
}

// CourseMove is a course before and after a change of the bell grid.
type CourseMove struct{ Before, After Course }

// SlotGridPreview tells what replacing the grid by slots from the date from
// would change, without writing anything.
func (s *Service) SlotGridPreview(slots []Slot, from Date) (SlotGridChange, error) {
	dir, err := s.requireSetup()
	if err != nil {
		return SlotGridChange{}, err
	}
	if err := CheckSlots(slots); err != nil {
		return SlotGridChange{}, err
	}
	if err := s.checkChangeDate(dir.School, from); err != nil {
		return SlotGridChange{}, err
	}
	return slotGridChange(dir.School, dir.Courses, SortedSlots(slots), from), nil
}

// SetSlots replaces the school's bell grid from the date from: every earlier
// date keeps the grid it had, so no past séance, mark or count changes. The
// courses that start at a slot follow its code to the new times from that
// date. The change is audited with the school.
func (s *Service) SetSlots(slots []Slot, from Date) (SlotGridChange, error) {
	if _, err := s.requireSetup(); err != nil {
		return SlotGridChange{}, err
	}
	if err := CheckSlots(slots); err != nil {
		return SlotGridChange{}, err
	}
	sorted := SortedSlots(slots)
	var ch SlotGridChange
	_, err := s.update("grille horaire", func(tx Tx) error {
		dir, old, err := s.schoolToChange(tx, from)
		if err != nil {
			return err
		}
		ch = slotGridChange(old, dir.Courses, sorted, from)
		school := old.withEra(from)
		school.Slots = sorted
		if err := tx.PutSchool(school); err != nil {
			return err
		}
		if err := putMoves(tx, ch.Follow, from); err != nil {
			return err
		}
		return CarryAhead(tx, dir, ch.Follow, from, old.YearEnd)
	})
	return ch, err
}

// CarryAhead carries what is already recorded on the séances dated from
// from to to of the courses moves replace — an exclusion's marks, a
// cancellation, a substitute — to the same dates' séances of the courses
// that replace them: their identifiers change with their start and course.
// A bell grid change (courses that follow their slot) and a timetable
// import (a course that leaves the file for one at other hours) use it.
func CarryAhead(tx Tx, dir *Directory, moves []CourseMove, from, to Date) error {
	if len(moves) == 0 {
		return nil
	}
	byCourse := make(map[string]CourseMove, len(moves))
	for _, m := range moves {
		byCourse[m.Before.ID] = m
	}
	renamed := func(id SeanceID) (SeanceID, bool) {
		day, err := id.Date()
		m, ok := byCourse[id.Course()]
		if err != nil || !ok || day.Before(from) || id != NewSeanceID(day, m.Before.Start, m.Before.ID) {
			return "", false
		}
		return NewSeanceID(day, m.After.Start, m.After.ID), true
	}
	marks, err := tx.MarksBetween(from, to)
	if err != nil {
		return err
	}
	for _, mk := range marks {
		if id, ok := renamed(mk.Seance); ok {
			if err := tx.DeleteMark(mk.Key()); err != nil {
				return err
			}
			mk.Seance = id
			if err := tx.PutMark(mk); err != nil {
				return err
			}
		}
	}
	for _, c := range dir.Changes {
		if id, ok := renamed(c.Seance); ok {
			if err := tx.DeleteSeanceChange(c.Seance); err != nil {
				return err
			}
			c.Seance = id
			if err := tx.PutSeanceChange(c); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkChangeDate refuses a change of the grid or the week that would reach
// a day already begun, or come before a change already planned.
func (s *Service) checkChangeDate(school School, from Date) error {
	today := s.todayIn(school.Location())
	if !from.After(today) && !today.Before(school.YearStart) {
		return invalid("le changement doit s'appliquer après aujourd'hui (%s) : le passé ne change pas", today.French())
	}
	if from.After(school.YearEnd) {
		return invalid("le %s est après la fin de l'année (%s)", from.French(), school.YearEnd.French())
	}
	for _, e := range school.Earlier {
		if !from.After(e.Until) {
			return invalid("un changement s'applique déjà à partir du %s : choisissez une date à partir de celle-là", e.Until.AddDays(1).French())
		}
	}
	return nil
}

// schoolToChange reads, in tx, the structure that a change of the grid or
// the week from the date from starts with, checks the date against its
// school, and returns both.
func (s *Service) schoolToChange(tx Tx, from Date) (*Directory, School, error) {
	dir, err := tx.Directory()
	if err != nil {
		return nil, School{}, err
	}
	if err := s.checkChangeDate(dir.School, from); err != nil {
		return nil, School{}, err
	}
	return dir, dir.School, nil
}

// putMoves writes the courses that follow their slot: a course that ran
// before from ends the day before and continues as a new course; one that
// never ran takes its new times.
func putMoves(tx Tx, moves []CourseMove, from Date) error {
	for _, m := range moves {
		if err := tx.PutCourse(m.After); err != nil {
			return err
		}
		if m.After.ID == m.Before.ID {
			continue
		}
		ended := m.Before
		ended.To = from.AddDays(-1)
		if err := tx.PutCourse(ended); err != nil {
			return err
		}
	}
	return nil
}

func slotGridChange(old School, courses []Course, slots []Slot, from Date) SlotGridChange {
	before := old.dayBefore(from)
	next := old
	next.Slots = slots
	ch := SlotGridChange{Slots: slots, From: from}
	for _, c := range courses {
		if !c.To.IsZero() && c.To.Before(from) {
			continue
		}
		after, follows := followSlot(before, slots, c)
		if follows {
			if old.RanBefore(c, from) {
				after.ID, after.From = c.ID+"."+from.Compact(), from
			}
			ch.Follow = append(ch.Follow, CourseMove{Before: c, After: after})
		}
		if before.HalfDayOf(c.Start) != next.HalfDayOf(after.Start) {
			ch.Moved = append(ch.Moved, after)
		}
		if _, ok := next.SlotAt(after.Start); !ok {
			ch.OffGrid = append(ch.OffGrid, after)
		}
	}
	return ch
}

// followSlot returns c at the times that the new grid gives its slot (the
// slot of the same code): its start that slot's, its end the end of the
// slot of the same code as the one it ended with, else shifted as much.
func followSlot(before School, slots []Slot, c Course) (Course, bool) {
	first, ok := before.SlotAt(c.Start)
	if !ok {
		return c, false
	}
	now, ok := slotByCode(slots, first.Code)
	if !ok || now.Start == first.Start {
		return c, false
	}
	moved := c
	moved.Start, moved.End = now.Start, c.End+(now.Start-first.Start)
	for _, sl := range before.Slots {
		if sl.End == c.End {
			if last, ok := slotByCode(slots, sl.Code); ok && last.End > moved.Start {
				moved.End = last.End
			}
		}
	}
	return moved, true
}

func slotByCode(slots []Slot, code string) (Slot, bool) {
	for _, sl := range slots {
		if strings.EqualFold(sl.Code, code) {
			return sl, true
		}
	}
	return Slot{}, false
}

// ImpliedSlots returns the grid that a timetable's courses imply: one slot
// per distinct start, ending at the earliest end of the courses that start
// then (never after the next start), morning before the school's midday
// boundary, coded M1, M2 … and S1, S2 ….
func ImpliedSlots(courses []Course, st Settings) []Slot {
	boundary := st.Midday()
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

// FrenchWeekday returns the French name of a day of the week (« lundi »);
// a value that is no day is written as Go writes it.
func FrenchWeekday(w time.Weekday) string {
	if w < time.Sunday || w > time.Saturday {
		return w.String()
	}
	return frenchWeekdays[w]
}

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

// SlotLine writes a slot as ParseSlotLine reads it: « M1 08:00-08:55 matin ».
func SlotLine(sl Slot) string {
	return fmt.Sprintf("%s %s-%s %s", sl.Code, sl.Start, sl.End, sl.HalfDay)
}

// ParseSlotLine reads « CODE HH:MM-HH:MM matin|après-midi » (the half-day
// may be left out: before 12:00 is morning).
func ParseSlotLine(line string) (Slot, error) {
	f := strings.Fields(line)
	if len(f) < 2 || len(f) > 3 {
		return Slot{}, invalid("créneau %q : attendu « CODE HH:MM-HH:MM matin|après-midi »", Visible(line))
	}
	start, end, ok := strings.Cut(strings.ReplaceAll(f[1], "–", "-"), "-")
	a, err1 := ParseClock(start)
	b, err2 := ParseClock(end)
	if !ok || err1 != nil || err2 != nil {
		return Slot{}, invalid("créneau %s : horaires %q illisibles (attendu HH:MM-HH:MM)", Visible(f[0]), Visible(f[1]))
	}
	sl := Slot{Code: f[0], Start: a, End: b, HalfDay: Morning}
	if a >= (Settings{}).Midday() {
		sl.HalfDay = Afternoon
	}
	if len(f) == 3 {
		h, ok := ParseHalfDay(f[2])
		if !ok {
			return Slot{}, invalid("créneau %s : demi-journée %q (matin ou après-midi)", Visible(f[0]), Visible(f[2]))
		}
		sl.HalfDay = h
	}
	return sl, nil
}
