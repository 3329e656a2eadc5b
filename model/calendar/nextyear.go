package calendar

import (
	"fmt"
	"slices"
	"time"

	"appel/model"
)

// NextYear returns the school of the year after cur's: the same
// établissement, zone and time zone (or zone's, when given), bell grid, usual
// week (the one in force at the end of cur), subjects and counting settings,
// with the next year's calendar. When that calendar is not known
// (KnownYears), it is provisional: rentrée on the first weekday of September,
// end of classes before the first Saturday from 3 July, the jours fériés
// only; known is false and the vacances come from `appel import calendrier`.
func NextYear(cur model.School, zone string) (next model.School, known bool, err error) {
	keepTimeZone := zone == ""
	if keepTimeZone {
		zone = cur.Zone
	}
	next, known, err = SchoolYearOf(cur.YearStart.Year+1, zone)
	if err != nil {
		return model.School{}, false, err
	}
	next.UAI, next.Name = cur.UAI, cur.Name
	if keepTimeZone {
		next.TimeZone = cur.TimeZone
	}
	if len(cur.Slots) > 0 {
		next.Slots = cur.Slots
	}
	if len(cur.Weekdays) > 0 {
		next.Weekdays, next.ClosedHalfDays = cur.Weekdays, cur.ClosedHalfDays
	}
	next.Subjects, next.Settings = cur.Subjects, cur.Settings
	next.WeekTypes = WeekTypes(next)
	return next, known, nil
}

// SchoolYearOf returns the calendar of the year that begins in startYear
// for a zone or académie (A, B, C, Corse, an overseas académie, with its
// time zone): the built-in one when appel knows it (known), else a
// provisional one whose vacances come from the ministry's file.
func SchoolYearOf(startYear int, zone string) (school model.School, known bool, err error) {
	z, err := ParseZone(zone)
	if err != nil {
		a, ok := model.LookupAcademie(zone)
		if !ok {
			return model.School{}, false, model.Invalid("zone ou académie %q inconnue (%s)", model.Visible(zone), model.AcademieNames())
		}
		s := provisional(startYear, a.Zone)
		s.TimeZone = a.TimeZone
		return s, false, nil
	}
	if s, err := SchoolYear(startYear, z); err == nil {
		return s, true, nil
	}
	return provisional(startYear, z), false, nil
}

// provisional is a year whose vacances are not known yet.
func provisional(startYear int, zone string) model.School {
	first := model.NewDate(startYear, time.September, 1)
	for first.Weekday() == time.Saturday || first.Weekday() == time.Sunday {
		first = first.AddDays(1)
	}
	summer := model.NewDate(startYear+1, time.July, 3)
	for summer.Weekday() != time.Saturday {
		summer = summer.AddDays(1)
	}
	s := model.School{
		Zone: zone, TimeZone: "Europe/Paris", YearStart: first, YearEnd: summer.AddDays(-1),
		Slots:    model.DefaultSlots(),
		Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		Settings: model.DefaultSettings(),
	}
	s.Holidays = WithVacations(s, nil)
	s.Periods = Trimestres(s)
	return s
}

// WithVacations returns vacations and the jours fériés that fall within the
// school's year, in date order.
func WithVacations(s model.School, vacations []model.Holiday) []model.Holiday {
	out := append([]model.Holiday(nil), vacations...)
	for y := s.YearStart.Year; y <= s.YearEnd.Year; y++ {
		for _, h := range PublicHolidays(y) {
			if h.From.Within(s.YearStart, s.YearEnd) {
				out = append(out, h)
			}
		}
	}
	sortHolidays(out)
	return out
}

// PeriodsAfterHolidays returns s's periods once its holidays changed:
// appel's trimestres (or none) are drawn again from the new Christmas
// holidays; a school's own periods (appel year periods set: semestres, its
// own dates) stay as they are.
func PeriodsAfterHolidays(s model.School) []model.Period {
	for i, p := range s.Periods {
		if p.Name != fmt.Sprintf("Trimestre %d", i+1) {
			return s.Periods
		}
	}
	return Trimestres(s)
}

// Trimestres splits the school's year in three: the first trimestre ends
// with the Christmas holidays (31 December when they are not known), the
// second with March.
func Trimestres(s model.School) []model.Period {
	end1 := model.NewDate(s.YearStart.Year, time.December, 31)
	for _, h := range s.Holidays {
		if h.Name == "Vacances de Noël" {
			end1 = h.To
		}
	}
	return trimestres(s.YearStart, s.YearEnd, span{to: end1})
}

func sortHolidays(hs []model.Holiday) {
	slices.SortStableFunc(hs, func(a, b model.Holiday) int { return a.From.Compare(b.From) })
}
