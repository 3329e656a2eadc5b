package model

import (
	"cmp"
	"slices"
	"strings"
)

// ReportThreshold is the number of non valable half-days in a calendar month
// from which the principal must report the pupil to the DASEN: « au moins
// quatre demi-journées dans le mois » (L131-8).
const ReportThreshold = 4

// MonthCount is a pupil's figures in one calendar month.
type MonthCount struct {
	// Month is the calendar month of the half-days, as 2026-11.
	Month   string
	Figures Figures
	// ReachedOn and ReachedHalf are the half-day on which the pupil reached his
	// ReportThreshold-th non valable half-day of the month; ReachedOn is zero
	// when he did not reach it.
	ReachedOn   Date
	ReachedHalf HalfDay
	// InvalidMotive: one of the month's non valable half-days has a missed
	// séance with a motive that is not valid (see MinistryTable).
	InvalidMotive bool
}

// OverThreshold reports whether the pupil must be reported for the month.
func (m MonthCount) OverThreshold() bool { return m.Figures.InvalidHalfDays >= ReportThreshold }

// Months returns the explanation's figures per calendar month (of the
// half-day's date), in order; months without any recorded half-day are left out.
func (e Explanation) Months() []MonthCount {
	var out []MonthCount
	for i, h := range e.HalfDays {
		if i == 0 || !sameMonth(e.HalfDays[i-1].Date, h.Date) {
			out = append(out, MonthCount{Month: h.Month()})
		}
		m := &out[len(out)-1]
		m.Figures = m.Figures.Add(h.Figures)
		if h.Figures.InvalidHalfDays == 0 {
			continue
		}
		m.InvalidMotive = m.InvalidMotive || h.InvalidMotive
		if m.Figures.InvalidHalfDays == ReportThreshold {
			m.ReachedOn, m.ReachedHalf = h.Date, h.Half
		}
	}
	return out
}

func sameMonth(a, b Date) bool { return a.Year == b.Year && a.Month == b.Month }

// PupilCount is one pupil's figures over a period, in all and per month.
type PupilCount struct {
	Pupil PupilID
	// Division is the division counted: his current one for his own count,
	// the stint's for a part (PupilFigures.Part).
	Division string
	// Stint is the span of days in Division that a part counts; zero for
	// his own count.
	Stint  Stint
	Total  Figures
	Months []MonthCount
}

// Month returns the pupil's figures for a month (2026-11); zero if none.
func (c PupilCount) Month(month string) MonthCount {
	for _, m := range c.Months {
		if m.Month == month {
			return m
		}
	}
	return MonthCount{Month: month}
}

// ReportMonths returns the months in which the pupil reached the threshold.
func (c PupilCount) ReportMonths() []string {
	var out []string
	for _, m := range c.Months {
		if m.OverThreshold() {
			out = append(out, m.Month)
		}
	}
	return out
}

// TotalOf returns the sum of the pupils' figures.
func TotalOf(counts []PupilCount) Figures {
	var f Figures
	for _, c := range counts {
		f = f.Add(c.Total)
	}
	return f
}

// DivisionCount is the sum of the figures of a division's pupils.
type DivisionCount struct {
	Division string
	// Pupils is the number of pupils counted; OverThreshold the number of
	// pupils who reached the threshold in at least one month.
	Pupils        int
	OverThreshold int
	Figures       Figures
}

// ByDivision sums the pupils' figures per division, by division code.
func ByDivision(counts []PupilCount) []DivisionCount {
	index := map[string]int{}
	var out []DivisionCount
	for _, c := range counts {
		i, ok := index[c.Division]
		if !ok {
			i = len(out)
			index[c.Division] = i
			out = append(out, DivisionCount{Division: c.Division})
		}
		out[i].Pupils++
		out[i].Figures = out[i].Figures.Add(c.Total)
		if len(c.ReportMonths()) > 0 {
			out[i].OverThreshold++
		}
	}
	slices.SortFunc(out, func(a, b DivisionCount) int { return strings.Compare(a.Division, b.Division) })
	return out
}

// MonthTotal is the sum of the pupils' figures in one calendar month.
type MonthTotal struct {
	Month   string
	Figures Figures
	// OverThreshold is the number of pupils who reached the threshold that month.
	OverThreshold int
}

// ByMonth sums the pupils' figures per calendar month, in order.
func ByMonth(counts []PupilCount) []MonthTotal {
	index := map[string]int{}
	var out []MonthTotal
	for _, c := range counts {
		for _, m := range c.Months {
			i, ok := index[m.Month]
			if !ok {
				i = len(out)
				index[m.Month] = i
				out = append(out, MonthTotal{Month: m.Month})
			}
			out[i].Figures = out[i].Figures.Add(m.Figures)
			if m.OverThreshold() {
				out[i].OverThreshold++
			}
		}
	}
	slices.SortFunc(out, func(a, b MonthTotal) int { return strings.Compare(a.Month, b.Month) })
	return out
}

// Crossing is a pupil who reached ReportThreshold non valable half-days in a
// month, and the half-day on which he reached it.
type Crossing struct {
	Pupil    PupilID
	Division string
	Month    string
	// InvalidHalfDays is the month's count, ReportThreshold or more.
	InvalidHalfDays int
	ReachedOn       Date
	ReachedHalf     HalfDay
	InvalidMotive   bool
}

// Thresholds lists every (pupil, month) over the threshold, by month, then by
// the date the threshold was reached, then in the counts' order.
func Thresholds(counts []PupilCount) []Crossing {
	var out []Crossing
	for _, c := range counts {
		for _, m := range c.Months {
			if !m.OverThreshold() {
				continue
			}
			out = append(out, Crossing{
				Pupil: c.Pupil, Division: c.Division, Month: m.Month,
				InvalidHalfDays: m.Figures.InvalidHalfDays, ReachedOn: m.ReachedOn,
				ReachedHalf: m.ReachedHalf, InvalidMotive: m.InvalidMotive,
			})
		}
	}
	slices.SortStableFunc(out, func(a, b Crossing) int {
		return cmp.Or(strings.Compare(a.Month, b.Month), a.ReachedOn.Compare(b.ReachedOn),
			cmp.Compare(a.ReachedHalf, b.ReachedHalf))
	})
	return out
}
