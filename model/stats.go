package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// PupilStats is one pupil's line of the statistics.
type PupilStats struct {
	Pupil Pupil
	// Count.Total covers the period asked; Count.Months the calendar months
	// that meet it, each counted over the whole month (the threshold is
	// monthly), so that ReportMonths never depends on where the period cuts.
	Count PupilCount
}

// ThresholdLine is a pupil over the threshold in a month (Crossing), and the
// report to the DASEN recorded for that month, if any.
type ThresholdLine struct {
	Crossing Crossing
	Pupil    Pupil
	Report   *Report
}

// MonthStats is one calendar month of the statistics, counted over the whole
// month: the ministry's table and the half-day figures of each of its rows.
type MonthStats struct {
	Table MinistryTable
	// Figures holds the month's figures by row label: division code, level, SchoolLabel.
	Figures map[string]Figures
}

// Statistics are the counts of DOMAIN.md for the whole school over a period,
// as one read of the store gives them.
type Statistics struct {
	From, To Date
	Settings Settings
	// Pupils lists every pupil enrolled on From, divisions in the directory's
	// order, pupils in registre order within each.
	Pupils []PupilStats
	// Divisions sums Pupils per division (see ByDivision); School sums them all.
	Divisions []DivisionCount
	School    DivisionCount
	// Months are the calendar months that meet the period, in order.
	Months []MonthStats
	// Thresholds lists the pupils over the threshold in those months.
	Thresholds []ThresholdLine
	// Unplaced counts the marks of the period that match no séance of their
	// pupil: they count for nothing.
	Unplaced int
}

// PupilsOf returns the lines of a division's pupils, in registre order.
func (st Statistics) PupilsOf(division string) []PupilStats {
	var out []PupilStats
	for _, p := range st.Pupils {
		if p.Pupil.Division == division {
			out = append(out, p)
		}
	}
	return out
}

// DivisionCodes returns the divisions that have pupils in the statistics, in order.
func (st Statistics) DivisionCodes() []string {
	var out []string
	for _, p := range st.Pupils {
		if len(out) == 0 || out[len(out)-1] != p.Pupil.Division {
			out = append(out, p.Pupil.Division)
		}
	}
	return out
}

// Month returns the statistics of a calendar month (2026-11), if it meets the period.
func (st Statistics) Month(month string) (MonthStats, bool) {
	for _, m := range st.Months {
		if m.Table.Month == month {
			return m, true
		}
	}
	return MonthStats{}, false
}

// Statistics counts the whole school from from to to (both included) at the
// service's clock: one read of the store (the marks and announced absences of
// the calendar months that meet the period, and the reports), then FiguresAt.
func (s *Service) Statistics(from, to Date) (Statistics, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Statistics{}, err
	}
	if err := pol.Require(PermStats); err != nil {
		return Statistics{}, err
	}
	if to.Before(from) {
		return Statistics{}, invalid("période invalide : le %s précède le %s", to.French(), from.French())
	}
	first, last := MonthSpan(from, to)
	var in statsInput
	err = s.store.View(func(tx ReadTx) error {
		var err error
		in, err = readStatsInput(tx, dir, first, last)
		return err
	})
	if err != nil {
		return Statistics{}, err
	}
	return computeStatistics(dir, in, from, to, s.now())
}

// statsInput is what one read of the store gives the statistics.
type statsInput struct {
	Recorded
	reports []Report
}

func readStatsInput(tx ReadTx, dir *Directory, first, last Date) (statsInput, error) {
	var in statsInput
	var err error
	if in.Recorded, err = readRecorded(tx, dir, nil, first, last); err != nil {
		return in, err
	}
	in.reports, err = tx.Reports()
	return in, err
}

func computeStatistics(dir *Directory, in statsInput, from, to Date, at time.Time) (Statistics, error) {
	first, last := MonthSpan(from, to)
	pupils := statsPupils(dir, first)
	figures := FiguresAt(dir, pupils, first, last, at, in.Marks, in.Notices)
	counts := make([]PupilCount, len(figures))
	st := Statistics{From: from, To: to, Settings: dir.School.Settings}
	for i, f := range figures {
		counts[i] = f.Count()
		counts[i].Total = f.Within(from, to)
		st.Unplaced += countWithin(f.Unplaced, from, to)
		if f.Pupil.EnrolledOn(from) {
			st.Pupils = append(st.Pupils, PupilStats{Pupil: f.Pupil, Count: counts[i]})
		}
	}
	shown := make([]PupilCount, len(st.Pupils))
	for i, p := range st.Pupils {
		shown[i] = p.Count
	}
	st.Divisions = ByDivision(shown)
	st.School = schoolCount(shown)
	var err error
	if st.Months, err = monthStats(dir, counts, first, last); err != nil {
		return Statistics{}, err
	}
	st.Thresholds = thresholdLines(dir, counts, in.reports)
	return st, nil
}

// statsPupils returns the pupils enrolled on day, divisions in the
// directory's order (then pupils without a known division), registre order within.
func statsPupils(dir *Directory, day Date) []Pupil {
	rank := make(map[string]int, len(dir.Divisions))
	for i, d := range dir.Divisions {
		rank[d.Code] = i
	}
	rankOf := func(code string) int {
		if r, ok := rank[code]; ok {
			return r
		}
		return len(rank)
	}
	var out []Pupil
	for _, p := range dir.Pupils {
		if p.EnrolledOn(day) {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Pupil) int {
		return cmp.Or(cmp.Compare(rankOf(a.Division), rankOf(b.Division)), strings.Compare(a.Division, b.Division))
	})
	return out
}

func schoolCount(counts []PupilCount) DivisionCount {
	school := DivisionCount{Division: SchoolLabel, Pupils: len(counts), Figures: TotalOf(counts)}
	for _, c := range counts {
		if len(c.ReportMonths()) > 0 {
			school.OverThreshold++
		}
	}
	return school
}

func countWithin(marks []Mark, from, to Date) int {
	n := 0
	for _, m := range marks {
		if d, err := m.Seance.Date(); err == nil && d.Within(from, to) {
			n++
		}
	}
	return n
}

// monthStats builds the table and figures of every month from first to last.
func monthStats(dir *Directory, counts []PupilCount, first, last Date) ([]MonthStats, error) {
	var out []MonthStats
	for day := first; !day.After(last); day = NewDate(day.Year, day.Month+1, 1) {
		month := day.MonthKey()
		table, err := NewMinistryTable(dir, counts, month)
		if err != nil {
			return nil, err
		}
		out = append(out, MonthStats{Table: table, Figures: monthFigures(dir, counts, month)})
	}
	return out, nil
}

// monthFigures sums the pupils' figures of a month by division, level and for the school.
func monthFigures(dir *Directory, counts []PupilCount, month string) map[string]Figures {
	out := map[string]Figures{}
	for _, c := range counts {
		f := c.Month(month).Figures
		out[SchoolLabel] = out[SchoolLabel].Add(f)
		if c.Division == "" {
			continue
		}
		out[c.Division] = out[c.Division].Add(f)
		if d, ok := dir.Division(c.Division); ok && d.Level != "" {
			out[d.Level] = out[d.Level].Add(f)
		}
	}
	return out
}

func thresholdLines(dir *Directory, counts []PupilCount, reports []Report) []ThresholdLine {
	byKey := make(map[string]*Report, len(reports))
	for i := range reports {
		byKey[string(reports[i].Pupil)+"/"+reports[i].Month] = &reports[i]
	}
	crossings := Thresholds(counts)
	out := make([]ThresholdLine, len(crossings))
	for i, c := range crossings {
		p, _ := dir.Pupil(c.Pupil)
		out[i] = ThresholdLine{Crossing: c, Pupil: p, Report: byKey[string(c.Pupil)+"/"+c.Month]}
	}
	return out
}
