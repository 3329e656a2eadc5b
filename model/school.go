package model

import (
	"fmt"
	"strings"
	"time"
)

// HalfDay is the morning or the afternoon of a school day.
type HalfDay int

// The two half-days of a day.
const (
	Morning HalfDay = iota
	Afternoon
)

// String returns the French name of the half-day.
func (h HalfDay) String() string {
	if h == Afternoon {
		return "après-midi"
	}
	return "matin"
}

// ParseHalfDay reads a half-day as people write it: « matin » (M) or
// « après-midi » (aprem, A, S, PM), accents, case and spaces aside.
// « AM » is no half-day: après-midi to some, ante meridiem to others, and
// a grid read the wrong way would count every afternoon as a morning.
func ParseHalfDay(s string) (HalfDay, bool) {
	switch strings.ReplaceAll(FoldAccents(strings.TrimSpace(s)), " ", "") {
	case "matin", "m":
		return Morning, true
	case "apres-midi", "apresmidi", "aprem", "a", "s", "pm":
		return Afternoon, true
	}
	return 0, false
}

// Slot is a créneau of the school's daily grid (M1 08:00–08:55, matin).
type Slot struct {
	Code    string  `json:"code"`
	Start   Clock   `json:"start"`
	End     Clock   `json:"end"`
	HalfDay HalfDay `json:"half_day"`
}

// Period is a trimestre or semestre of the school year.
type Period struct {
	Name string `json:"name"`
	From Date   `json:"from"`
	To   Date   `json:"to"`
}

// Holiday is a span of days without courses (vacances, jour férié), both ends included.
type Holiday struct {
	Name string `json:"name"`
	From Date   `json:"from"`
	To   Date   `json:"to"`
}

// CountingMethod says when a half-day with some absences counts as a half-day of absence.
type CountingMethod string

// Counting methods of DOMAIN.md.
const (
	// CountAnySeance (brute, the default): one missed séance makes the half-day.
	CountAnySeance CountingMethod = "brute"
	// CountAllSeances: the pupil missed every séance of the half-day.
	CountAllSeances CountingMethod = "toutes"
)

// Settings are the school's counting choices.
type Settings struct {
	Method CountingMethod `json:"method"`
	// MiddayBoundary places séances that no slot places: before it is morning.
	MiddayBoundary Clock `json:"midday_boundary"`
	// LateAsAbsentAfter, when positive, counts a lateness of more minutes as an absence.
	LateAsAbsentAfter int `json:"late_as_absent_after"`
	// IdleMinutes ends an interface session after this long without a key (0: default 15).
	IdleMinutes int `json:"idle_minutes,omitempty"`
}

// Midday returns the midday boundary in force: MiddayBoundary, 12:00 when
// it was never set.
func (st Settings) Midday() Clock {
	if st.MiddayBoundary == 0 {
		return 12 * 60
	}
	return st.MiddayBoundary
}

// DefaultSettings returns the defaults of DOMAIN.md: brute counting, midday at 12:00,
// lateness never counted as absence.
func DefaultSettings() Settings {
	return Settings{Method: CountAnySeance, MiddayBoundary: 12 * 60}
}

// School is the établissement with its calendar for one school year.
type School struct {
	UAI      string `json:"uai"`
	Name     string `json:"name"`
	Zone     string `json:"zone"`
	TimeZone string `json:"time_zone"`
	// YearStart and YearEnd bound the school year (rentrée, fin des cours), included.
	YearStart Date      `json:"year_start"`
	YearEnd   Date      `json:"year_end"`
	Periods   []Period  `json:"periods"`
	Holidays  []Holiday `json:"holidays"`
	Slots     []Slot    `json:"slots"`
	// Weekdays are the days with courses (Monday to Friday, sometimes Saturday).
	Weekdays []time.Weekday `json:"weekdays"`
	// ClosedHalfDays are the half-days of those days without courses every
	// week (Wednesday afternoon, Saturday afternoon).
	ClosedHalfDays []WeekHalfDay `json:"closed_half_days,omitempty"`
	// ExtraDays are dates with courses outside the usual week.
	ExtraDays []ExtraDay `json:"extra_days,omitempty"`
	// Earlier are the bell grids and weeks in force before a change, by date:
	// Slots, Weekdays and ClosedHalfDays are those in force after the last.
	Earlier []CalendarEra `json:"earlier,omitempty"`
	// WeekTypes maps the Monday of a week to its type ("A", "B", or a named set).
	WeekTypes map[Date]string `json:"week_types"`
	// WeekSets are named sets of weeks (by their Monday) beyond the A/B types,
	// as timetable files define them (CODE_ALTERNANCE).
	WeekSets map[string][]Date `json:"week_sets,omitempty"`
	// Subjects maps subject codes (STS-Web's CODE_MATIERE) to their labels,
	// for timetables that give codes only.
	Subjects map[string]string `json:"subjects,omitempty"`
	Settings Settings          `json:"settings"`
}

// Validate reports the first inconsistency of the school's definition.
func (s School) Validate() error {
	if err := firstErr(CheckField("code UAI", s.UAI, Plain), CheckField("nom de l'établissement", s.Name, Plain)); err != nil {
		return err
	}
	switch {
	case s.UAI == "":
		return invalid("code UAI manquant")
	case s.YearStart.IsZero() || s.YearEnd.IsZero() || s.YearEnd.Before(s.YearStart):
		return invalid("année scolaire invalide (%s → %s)", s.YearStart, s.YearEnd)
	}
	for _, sl := range s.Slots {
		if sl.End <= sl.Start {
			return invalid("créneau %s : fin %s avant le début %s", sl.Code, sl.End, sl.Start)
		}
	}
	if err := s.checkCalendar(); err != nil {
		return err
	}
	if s.Settings.Method != CountAnySeance && s.Settings.Method != CountAllSeances {
		return invalid("méthode de décompte inconnue %q", s.Settings.Method)
	}
	return nil
}

// Location returns the school's time zone (Europe/Paris when unset or unknown).
func (s School) Location() *time.Location {
	name := s.TimeZone
	if name == "" {
		name = "Europe/Paris"
	}
	if loc, err := time.LoadLocation(name); err == nil {
		return loc
	}
	return time.UTC
}

// HolidayOn returns the holiday that covers d, if any.
func (s School) HolidayOn(d Date) (Holiday, bool) {
	for _, h := range s.Holidays {
		if d.Within(h.From, h.To) {
			return h, true
		}
	}
	return Holiday{}, false
}

// IsSchoolDay reports whether courses take place on d: inside the year, on a
// weekday of the school's week then, outside holidays, or an extra day.
func (s School) IsSchoolDay(d Date) bool {
	_, ok := s.TimetableDay(d)
	return ok
}

// HasWeekday reports whether the school has courses on that day of the week.
func (s School) HasWeekday(w time.Weekday) bool {
	for _, x := range s.Weekdays {
		if x == w {
			return true
		}
	}
	return false
}

// WeekType returns the type ("A", "B", …) of d's week, or "" when none is set.
func (s School) WeekType(d Date) string { return s.WeekTypes[d.Monday()] }

// InWeeks reports whether d's week belongs to weeks: "" is every week, else a
// week type (A, B) or a named week set.
func (s School) InWeeks(weeks string, d Date) bool {
	if weeks == "" {
		return true
	}
	monday := d.Monday()
	if s.WeekTypes[monday] == weeks {
		return true
	}
	for _, m := range s.WeekSets[weeks] {
		if m == monday {
			return true
		}
	}
	return false
}

// HalfDayOf places a séance in a half-day: the half-day of the slot that starts
// at start, else the midday boundary decides.
func (s School) HalfDayOf(start Clock) HalfDay {
	for _, sl := range s.Slots {
		if sl.Start == start {
			return sl.HalfDay
		}
	}
	if start < s.Settings.Midday() {
		return Morning
	}
	return Afternoon
}

// SlotAt returns the slot that starts at start, if any.
func (s School) SlotAt(start Clock) (Slot, bool) {
	for _, sl := range s.Slots {
		if sl.Start == start {
			return sl, true
		}
	}
	return Slot{}, false
}

// PeriodOf returns the period that contains d, if any.
func (s School) PeriodOf(d Date) (Period, bool) {
	for _, p := range s.Periods {
		if d.Within(p.From, p.To) {
			return p, true
		}
	}
	return Period{}, false
}

// YearLabel returns the school year as 2026-2027.
func (s School) YearLabel() string {
	return fmt.Sprintf("%d-%d", s.YearStart.Year, s.YearStart.Year+1)
}

// DefaultSlots returns a common collège grid: five morning slots, four afternoon ones.
func DefaultSlots() []Slot {
	at := func(h, m int) Clock { return Clock(h*60 + m) }
	return []Slot{
		{"M1", at(8, 0), at(8, 55), Morning},
		{"M2", at(8, 55), at(9, 50), Morning},
		{"M3", at(10, 5), at(11, 0), Morning},
		{"M4", at(11, 0), at(11, 55), Morning},
		{"M5", at(11, 55), at(12, 50), Morning},
		{"S1", at(13, 30), at(14, 25), Afternoon},
		{"S2", at(14, 25), at(15, 20), Afternoon},
		{"S3", at(15, 25), at(16, 20), Afternoon},
		{"S4", at(16, 20), at(17, 15), Afternoon},
	}
}
