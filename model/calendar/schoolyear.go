package calendar

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"appel/model"
)

// Zones are the three holiday zones of metropolitan France.
var Zones = []string{"A", "B", "C"}

// span is a run of days off, both ends included: From is the first day
// without class (a Saturday), To the last one (the Sunday before the reprise).
type span struct{ from, to model.Date }

// yearTable is the national calendar of one school year.
type yearTable struct {
	rentree   model.Date // first day of class of the pupils
	summer    model.Date // first day of the summer holidays
	toussa    span
	noel      span
	ascension span // the Ascension bridge (Friday and Saturday after Ascension)
	winter    map[string]span
	spring    map[string]span
}

func d(y int, m time.Month, day int) model.Date { return model.NewDate(y, m, day) }

// years holds the calendars that appel knows, by the year of the rentrée.
//
// Sources and confidence (the arrêtés were not at hand when this was written):
//   - 2025-2026: the rentrée, Toussaint, Noël, winter of the three zones,
//     spring of zones A and B, the Ascension bridge (15–16 May 2026) and the
//     summer (4 July 2026) agree across several published copies of the
//     official calendar. Spring of zone C (18 April → reprise 4 May 2026) is
//     inferred from the usual one-week staggering: NOT VERIFIED.
//   - 2026-2027: the rentrée (Tuesday 1 September 2026), Toussaint (17 October
//     → reprise 2 November), Noël (19 December → reprise 4 January 2027) and
//     the summer (from Saturday 3 July 2027) agree across several copies.
//     Zone C leaves first in winter (6 February) and spring (3 April) and zone
//     B comes back last (8 March, 3 May) per two copies (a third one, less
//     credible, puts zone A first). The other bounds follow the usual
//     one-week staggering (C, then A, then B): zone A's winter (13 February →
//     1 March) and spring (10 → 26 April), zone C's reprises (22 February,
//     19 April) and zone B's departures (20 February, 17 April) are NOT
//     VERIFIED, nor is the Ascension bridge (Friday 7 May 2027), which follows
//     the rule of the previous years.
var years = map[int]yearTable{
	2025: {
		rentree: d(2025, time.September, 1), summer: d(2026, time.July, 4),
		toussa:    span{d(2025, time.October, 18), d(2025, time.November, 2)},
		noel:      span{d(2025, time.December, 20), d(2026, time.January, 4)},
		ascension: span{d(2026, time.May, 15), d(2026, time.May, 16)},
		winter: map[string]span{
			"A": {d(2026, time.February, 7), d(2026, time.February, 22)},
			"B": {d(2026, time.February, 14), d(2026, time.March, 1)},
			"C": {d(2026, time.February, 21), d(2026, time.March, 8)},
		},
		spring: map[string]span{
			"A": {d(2026, time.April, 4), d(2026, time.April, 19)},
			"B": {d(2026, time.April, 11), d(2026, time.April, 26)},
			"C": {d(2026, time.April, 18), d(2026, time.May, 3)},
		},
	},
	2026: {
		rentree: d(2026, time.September, 1), summer: d(2027, time.July, 3),
		toussa:    span{d(2026, time.October, 17), d(2026, time.November, 1)},
		noel:      span{d(2026, time.December, 19), d(2027, time.January, 3)},
		ascension: span{d(2027, time.May, 7), d(2027, time.May, 8)},
		winter: map[string]span{
			"C": {d(2027, time.February, 6), d(2027, time.February, 21)},
			"A": {d(2027, time.February, 13), d(2027, time.February, 28)},
			"B": {d(2027, time.February, 20), d(2027, time.March, 7)},
		},
		spring: map[string]span{
			"C": {d(2027, time.April, 3), d(2027, time.April, 18)},
			"A": {d(2027, time.April, 10), d(2027, time.April, 25)},
			"B": {d(2027, time.April, 17), d(2027, time.May, 2)},
		},
	},
}

// KnownYears returns the years of rentrée whose calendar is known, in order.
func KnownYears() []int {
	out := make([]int, 0, len(years))
	for y := range years {
		out = append(out, y)
	}
	slices.Sort(out)
	return out
}

// StartYearOf returns the year of the rentrée of the school year that d
// belongs to: from August on, the year that begins; before, the previous one.
func StartYearOf(day model.Date) int {
	if day.Month >= time.August {
		return day.Year
	}
	return day.Year - 1
}

// ParseZone reads a zone ("C", "c", "zone C") and returns it in upper case.
func ParseZone(s string) (string, error) {
	z := strings.ToUpper(strings.TrimSpace(s))
	z = strings.TrimSpace(strings.TrimPrefix(z, "ZONE"))
	if !slices.Contains(Zones, z) {
		return "", model.Invalid("zone %q inconnue (attendu : A, B ou C)", s)
	}
	return z, nil
}

// SchoolYear returns the calendar of the school year that begins in startYear
// for zone: rentrée and end of classes, vacances and the jours fériés that
// fall within the year, three trimestres, classes Monday to Friday, the
// default slots and settings, and the A/B week types. UAI and Name are left
// to the caller. An unknown year or zone gives an ErrInvalid with a French
// message.
func SchoolYear(startYear int, zone string) (model.School, error) {
	z, err := ParseZone(zone)
	if err != nil {
		return model.School{}, err
	}
	t, ok := years[startYear]
	if !ok {
		return model.School{}, model.Invalid("calendrier scolaire %d-%d inconnu (années connues : %s)",
			startYear, startYear+1, knownLabels())
	}
	s := model.School{
		Zone:      z,
		TimeZone:  "Europe/Paris",
		YearStart: t.rentree,
		YearEnd:   t.summer.AddDays(-1),
		Slots:     model.DefaultSlots(),
		Weekdays:  []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		Settings:  model.DefaultSettings(),
	}
	s.Holidays = t.holidays(z, s.YearStart, s.YearEnd)
	s.Periods = trimestres(s.YearStart, s.YearEnd, t.noel)
	s.WeekTypes = WeekTypes(s)
	return s, nil
}

func knownLabels() string {
	var parts []string
	for _, y := range KnownYears() {
		parts = append(parts, fmt.Sprintf("%d-%d", y, y+1))
	}
	return strings.Join(parts, ", ")
}

// holidays lists the vacances of zone and the jours fériés between from and
// to, in date order.
func (t yearTable) holidays(zone string, from, to model.Date) []model.Holiday {
	out := []model.Holiday{
		{Name: "Vacances de la Toussaint", From: t.toussa.from, To: t.toussa.to},
		{Name: "Vacances de Noël", From: t.noel.from, To: t.noel.to},
		{Name: "Vacances d'hiver", From: t.winter[zone].from, To: t.winter[zone].to},
		{Name: "Vacances de printemps", From: t.spring[zone].from, To: t.spring[zone].to},
		{Name: "Pont de l'Ascension", From: t.ascension.from, To: t.ascension.to},
	}
	for _, y := range slices.Compact([]int{from.Year, to.Year}) {
		for _, h := range PublicHolidays(y) {
			if h.From.Within(from, to) {
				out = append(out, h)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b model.Holiday) int { return a.From.Compare(b.From) })
	return out
}

// trimestres splits the year: the first trimestre ends with the Christmas
// holidays, the second with March.
func trimestres(start, end model.Date, noel span) []model.Period {
	secondEnd := model.NewDate(end.Year, time.March, 31)
	return []model.Period{
		{Name: "Trimestre 1", From: start, To: noel.to},
		{Name: "Trimestre 2", From: noel.to.AddDays(1), To: secondEnd},
		{Name: "Trimestre 3", From: secondEnd.AddDays(1), To: end},
	}
}
