package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// WeekChange is what changing the usual week (its days and the half-days
// without courses) from a date does to the timetable.
type WeekChange struct {
	From     Date
	Weekdays []time.Weekday
	Closed   []WeekHalfDay
	// Dropped are the courses that stop running from From, Resumed those
	// that run again.
	Dropped, Resumed []Course
}

// CheckWeek reports the first inconsistency of a usual week: no day, a day
// given twice, a closed half-day of a day without courses, or a day with
// both half-days closed (leave the day out instead).
func CheckWeek(weekdays []time.Weekday, closed []WeekHalfDay) error {
	if len(weekdays) == 0 {
		return invalid("semaine sans jour de cours")
	}
	seen := map[time.Weekday]int{}
	for _, w := range weekdays {
		if seen[w]++; seen[w] > 1 {
			return invalid("%s donné deux fois", FrenchWeekday(w))
		}
	}
	shut := map[time.Weekday]int{}
	for _, h := range closed {
		if _, ok := seen[h.Weekday]; !ok {
			return invalid("%s sans cours : ce n'est pas un jour de cours", h)
		}
		if shut[h.Weekday]++; shut[h.Weekday] > 1 {
			return invalid("%s sans aucun cours : retirez ce jour de la semaine", FrenchWeekday(h.Weekday))
		}
	}
	return nil
}

// WeekPreview tells what the usual week weekdays with the half-days closed
// would change from the date from, without writing anything.
func (s *Service) WeekPreview(weekdays []time.Weekday, closed []WeekHalfDay, from Date) (WeekChange, error) {
	dir, err := s.requireSetup()
	if err != nil {
		return WeekChange{}, err
	}
	if err := firstErr(CheckWeek(weekdays, closed), s.checkChangeDate(dir.School, from)); err != nil {
		return WeekChange{}, err
	}
	return weekChange(dir.School, dir.Courses, weekdays, closed, from), nil
}

// SetWeek changes the usual week from the date from: every earlier date
// keeps its séances. Audited with the school.
func (s *Service) SetWeek(weekdays []time.Weekday, closed []WeekHalfDay, from Date) (WeekChange, error) {
	if _, err := s.requireSetup(); err != nil {
		return WeekChange{}, err
	}
	if err := CheckWeek(weekdays, closed); err != nil {
		return WeekChange{}, err
	}
	var ch WeekChange
	_, err := s.update("semaine de cours", func(tx Tx) error {
		dir, old, err := s.schoolToChange(tx, from)
		if err != nil {
			return err
		}
		ch = weekChange(old, dir.Courses, weekdays, closed, from)
		school := old.withEra(from)
		school.Weekdays, school.ClosedHalfDays = ch.Weekdays, ch.Closed
		return tx.PutSchool(school)
	})
	return ch, err
}

func weekChange(old School, courses []Course, weekdays []time.Weekday, closed []WeekHalfDay, from Date) WeekChange {
	ch := WeekChange{From: from, Weekdays: slices.Clone(weekdays), Closed: slices.Clone(closed)}
	sortWeekdays(ch.Weekdays)
	slices.SortFunc(ch.Closed, func(a, b WeekHalfDay) int {
		return cmp.Or(cmp.Compare(weekOrder(a.Weekday), weekOrder(b.Weekday)), cmp.Compare(a.HalfDay, b.HalfDay))
	})
	before := old.dayBefore(from)
	next := old
	next.Weekdays, next.ClosedHalfDays = ch.Weekdays, ch.Closed
	for _, c := range courses {
		if !c.To.IsZero() && c.To.Before(from) {
			continue
		}
		was, is := weekRuns(before, c), weekRuns(next, c)
		switch {
		case was && !is:
			ch.Dropped = append(ch.Dropped, c)
		case is && !was:
			ch.Resumed = append(ch.Resumed, c)
		}
	}
	return ch
}

// weekRuns reports whether the usual week of s has c's half-day open.
func weekRuns(s School, c Course) bool {
	return s.HasWeekday(c.Weekday) && !slices.Contains(s.ClosedHalfDays, WeekHalfDay{c.Weekday, s.HalfDayOf(c.Start)})
}

// WeekText writes a usual week as ParseWeek reads it:
// « lundi mardi mercredi-matin jeudi vendredi ».
func WeekText(weekdays []time.Weekday, closed []WeekHalfDay) string {
	sorted := slices.Clone(weekdays)
	sortWeekdays(sorted)
	parts := make([]string, 0, len(sorted))
	for _, w := range sorted {
		part := FrenchWeekday(w)
		switch {
		case slices.Contains(closed, WeekHalfDay{w, Afternoon}):
			part += "-matin"
		case slices.Contains(closed, WeekHalfDay{w, Morning}):
			part += "-après-midi"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, " ")
}

// ParseWeek reads a usual week: days separated by spaces or commas, each
// a French day name (« mercredi », « mer ») alone or followed by « -matin »
// or « -après-midi » for a day with courses on that half-day only.
func ParseWeek(spec string) ([]time.Weekday, []WeekHalfDay, error) {
	var days []time.Weekday
	var closed []WeekHalfDay
	for _, tok := range strings.FieldsFunc(spec, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
		name, half, _ := strings.Cut(FoldAccents(strings.ToLower(tok)), "-")
		w, ok := ParseWeekday(name)
		if !ok {
			return nil, nil, invalid("jour %q inconnu (lundi … samedi, ou lun … sam)", Visible(tok))
		}
		days = append(days, w)
		if half == "" {
			continue
		}
		h, ok := ParseHalfDay(half)
		if !ok {
			return nil, nil, invalid("%q : « -matin » ou « -après-midi » attendu après le jour", Visible(tok))
		}
		shut := Afternoon // courses on h only: the other half-day is closed
		if h == Afternoon {
			shut = Morning
		}
		closed = append(closed, WeekHalfDay{w, shut})
	}
	if err := CheckWeek(days, closed); err != nil {
		return nil, nil, err
	}
	return days, closed, nil
}

// ParseWeekday reads a French day name, whole or its first three letters,
// accents and case ignored.
func ParseWeekday(s string) (time.Weekday, bool) {
	s = FoldAccents(strings.ToLower(strings.TrimSpace(s)))
	for i, name := range frenchWeekdays {
		if s == name || len(s) >= 3 && strings.HasPrefix(name, s) {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// weekOrder places Monday first and Sunday last, as a French week goes.
func weekOrder(w time.Weekday) int { return (int(w) + 6) % 7 }

func sortWeekdays(days []time.Weekday) {
	slices.SortFunc(days, func(a, b time.Weekday) int { return cmp.Compare(weekOrder(a), weekOrder(b)) })
}
