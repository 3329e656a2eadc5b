package model

import (
	"slices"
	"strings"
	"time"
)

// WeekHalfDay is one half-day of the usual week: « mercredi après-midi ».
type WeekHalfDay struct {
	Weekday time.Weekday `json:"weekday"`
	HalfDay HalfDay      `json:"half_day"`
}

// String writes « mercredi après-midi ».
func (w WeekHalfDay) String() string { return FrenchWeekday(w.Weekday) + " " + w.HalfDay.String() }

// ExtraDay is a date with courses outside the usual week (a Saturday that
// makes up a bridge, a day taught during a holiday): the timetable of the
// weekday it follows runs that date, on the half-days it names (none: every
// half-day that weekday has).
type ExtraDay struct {
	Date     Date         `json:"date"`
	Name     string       `json:"name"`
	Follows  time.Weekday `json:"follows"`
	HalfDays []HalfDay    `json:"half_days,omitempty"`
}

// HalfDaysText names the half-days the extra day has: « matin »,
// « après-midi », or « journée » when it has both.
func (x ExtraDay) HalfDaysText() string {
	if len(x.HalfDays) == 0 {
		return "journée"
	}
	parts := make([]string, len(x.HalfDays))
	for i, h := range x.HalfDays {
		parts[i] = h.String()
	}
	return strings.Join(parts, " ")
}

// CalendarEra is the bell grid and the usual week that were in force up to
// and including Until: kept when either changes, so that every past date
// keeps the séances it had.
type CalendarEra struct {
	Until          Date           `json:"until"`
	Slots          []Slot         `json:"slots"`
	Weekdays       []time.Weekday `json:"weekdays"`
	ClosedHalfDays []WeekHalfDay  `json:"closed_half_days,omitempty"`
}

// On returns the school as it stood on d: its bell grid and usual week those
// of the era that covers d, else the current ones.
func (s School) On(d Date) School {
	for _, e := range s.Earlier {
		if !d.After(e.Until) {
			s.Slots, s.Weekdays, s.ClosedHalfDays = e.Slots, e.Weekdays, e.ClosedHalfDays
			return s
		}
	}
	return s
}

// ExtraDayOn returns the extra school day set on d, if any.
func (s School) ExtraDayOn(d Date) (ExtraDay, bool) {
	for _, x := range s.ExtraDays {
		if x.Date == d {
			return x, true
		}
	}
	return ExtraDay{}, false
}

// TimetableDay returns the weekday whose timetable runs on d: d's own on a
// usual school day, the followed one on an extra day; false when no course
// takes place that day.
func (s School) TimetableDay(d Date) (time.Weekday, bool) {
	if !d.Within(s.YearStart, s.YearEnd) {
		return 0, false
	}
	if x, ok := s.ExtraDayOn(d); ok {
		return x.Follows, true
	}
	if _, off := s.HolidayOn(d); off {
		return 0, false
	}
	return d.Weekday(), s.On(d).HasWeekday(d.Weekday())
}

// HasRow reports whether grids and timetables show d: a day of the week
// in force then (holidays included, marked), or an extra day.
func (s School) HasRow(d Date) bool {
	_, extra := s.ExtraDayOn(d)
	return extra || s.On(d).HasWeekday(d.Weekday())
}

// HalfDayOpen reports whether courses take place on the half-day h of d: a
// school day (or an extra day), outside the closed half-days of the week in
// force then (and, on an extra day, among the half-days it names).
func (s School) HalfDayOpen(d Date, h HalfDay) bool {
	plan, ok := s.dayPlan(d)
	return ok && plan.open[h]
}

// CourseRunsOn reports whether course c has a séance on d: its weekday's
// timetable runs that day, on an open half-day, in its weeks and dates.
func (s School) CourseRunsOn(c Course, d Date) bool {
	plan, ok := s.dayPlan(d)
	return ok && plan.runs(c, d)
}

// dayPlan is what one date's séances depend on: the weekday whose
// timetable runs, the grid and week in force, and which half-days are open.
type dayPlan struct {
	weekday time.Weekday
	then    School
	open    [2]bool
}

func (s School) dayPlan(d Date) (dayPlan, bool) {
	w, ok := s.TimetableDay(d)
	if !ok {
		return dayPlan{}, false
	}
	plan := dayPlan{weekday: w, then: s.On(d)}
	x, extra := s.ExtraDayOn(d)
	for _, h := range []HalfDay{Morning, Afternoon} {
		named := !extra || len(x.HalfDays) == 0 || slices.Contains(x.HalfDays, h)
		plan.open[h] = named && !slices.Contains(plan.then.ClosedHalfDays, WeekHalfDay{w, h})
	}
	return plan, true
}

func (p dayPlan) runs(c Course, d Date) bool {
	if c.Weekday != p.weekday || !c.From.IsZero() && d.Before(c.From) || !c.To.IsZero() && d.After(c.To) {
		return false
	}
	h := p.then.HalfDayOf(c.Start)
	return p.then.InWeeks(c.Weeks, d) && (h == Morning || h == Afternoon) && p.open[h]
}

// RanBefore reports whether course c had a séance before day.
func (s School) RanBefore(c Course, day Date) bool {
	first := s.YearStart
	if !c.From.IsZero() && c.From.After(first) {
		first = c.From
	}
	for d := first; d.Before(day); d = d.AddDays(1) {
		if s.CourseRunsOn(c, d) {
			return true
		}
	}
	return false
}

// dayBefore returns the school as it stood the day before from: what a
// change applied from that date changes (the current school when from
// opens the year).
func (s School) dayBefore(from Date) School {
	if from.After(s.YearStart) {
		return s.On(from.AddDays(-1))
	}
	return s
}

// WithGrid returns the school with the bell grid slots from the date from
// on, every earlier date keeping the grid it had.
func (s School) WithGrid(slots []Slot, from Date) School {
	s = s.withEra(from)
	s.Slots = slots
	return s
}

// withEra returns the school with its current grid and week kept as an era
// that ends the day before from, so that a change applied from that date
// leaves every earlier date as it was. Eras that would end on or after that
// day are cut there.
func (s School) withEra(from Date) School {
	until := from.AddDays(-1)
	if until.Before(s.YearStart) {
		s.Earlier = nil
		return s
	}
	before := s.On(until)
	var kept []CalendarEra
	for _, e := range s.Earlier {
		if e.Until.Before(until) {
			kept = append(kept, e)
		}
	}
	s.Earlier = append(kept, CalendarEra{Until: until, Slots: before.Slots, Weekdays: before.Weekdays, ClosedHalfDays: before.ClosedHalfDays})
	return s
}

// FirstChangeDay returns the first date from which a change of the grid or
// the week may apply, seen on today: tomorrow, the rentrée before the year
// begins, and never before a change already planned.
func (s School) FirstChangeDay(today Date) Date {
	day := today.AddDays(1)
	if today.Before(s.YearStart) {
		day = s.YearStart
	}
	for _, e := range s.Earlier {
		if !day.After(e.Until) {
			day = e.Until.AddDays(1)
		}
	}
	return day
}

// checkCalendar reports the first inconsistency of the school's week, added
// days and earlier eras: what a file written by hand could hold.
func (s School) checkCalendar() error {
	valid := func(h HalfDay) bool { return h == Morning || h == Afternoon }
	for _, sl := range s.Slots {
		if !valid(sl.HalfDay) {
			return invalid("créneau %s : demi-journée inconnue", sl.Code)
		}
	}
	for _, h := range s.ClosedHalfDays {
		if !valid(h.HalfDay) || h.Weekday < time.Sunday || h.Weekday > time.Saturday {
			return invalid("demi-journée sans cours invalide")
		}
	}
	for _, x := range s.ExtraDays {
		if x.Follows < time.Sunday || x.Follows > time.Saturday || slices.ContainsFunc(x.HalfDays, func(h HalfDay) bool { return !valid(h) }) {
			return invalid("jour de cours ajouté du %s invalide", x.Date.French())
		}
	}
	for i, e := range s.Earlier {
		if i > 0 && !s.Earlier[i-1].Until.Before(e.Until) {
			return invalid("grilles et semaines successives dans le désordre (%s)", e.Until.French())
		}
		if err := (School{Slots: e.Slots, ClosedHalfDays: e.ClosedHalfDays}).checkCalendar(); err != nil {
			return err
		}
	}
	return nil
}
