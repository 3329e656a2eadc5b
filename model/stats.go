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
	// Count is his line in one division: Count.Division and Count.Stint say
	// which and when (a pupil who changed division during the period has one
	// line per division). Count.Total covers the days of the period he spent
	// there; Count.Months the calendar months that meet it, his days there.
	Count PupilCount
	// Whole is his own count, every day of the period (Total) and of the
	// calendar months that meet it, each counted over the whole month (the
	// threshold is monthly), so that ReportMonths never depends on where the
	// period cuts.
	Whole PupilCount
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
		if p.Count.Division == division {
			out = append(out, p)
		}
	}
	return out
}

// DivisionCodes returns the divisions that have pupils in the statistics, in order.
func (st Statistics) DivisionCodes() []string {
	var out []string
	for _, p := range st.Pupils {
		if len(out) == 0 || out[len(out)-1] != p.Count.Division {
			out = append(out, p.Count.Division)
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
	figures := FiguresAt(dir, statsPupils(dir, first, last), first, last, at, in.Marks, in.Notices)
	// whole: one count per pupil over every day (thresholds, the ministry's
	// table); parts: one per division he was in (what divisions sum).
	whole := make([]PupilCount, len(figures))
	var parts []PupilCount
	st := Statistics{From: from, To: to, Settings: dir.School.Settings}
	var shownWhole []PupilCount
	for i, f := range figures {
		whole[i] = f.Count()
		whole[i].Total = f.Within(from, to)
		st.Unplaced += countWithin(f.Unplaced, from, to)
		shown := false
		for _, stint := range f.Pupil.Stints(first, last) {
			part := f.Part(stint)
			parts = append(parts, part)
			if stint.From.After(to) || stint.To.Before(from) {
				continue
			}
			part.Total = f.Within(latest(from, stint.From), earliest(to, stint.To))
			st.Pupils = append(st.Pupils, PupilStats{Pupil: f.Pupil, Count: part, Whole: whole[i]})
			shown = true
		}
		if shown {
			shownWhole = append(shownWhole, whole[i])
		}
	}
	sortByDivision(dir, st.Pupils)
	shown := make([]PupilCount, len(st.Pupils))
	for i, p := range st.Pupils {
		shown[i] = p.Count
	}
	st.Divisions = ByDivision(shown)
	st.School = schoolCount(shownWhole)
	var err error
	if st.Months, err = monthStats(dir, whole, parts, first, last); err != nil {
		return Statistics{}, err
	}
	st.Thresholds = thresholdLines(dir, whole, in.reports)
	return st, nil
}

func earliest(a, b Date) Date {
	if a.Before(b) {
		return a
	}
	return b
}

// statsPupils returns the pupils enrolled on at least one day from from to
// to, divisions (their current one) in the directory's order (then pupils
// without a known division), registre order within.
func statsPupils(dir *Directory, from, to Date) []Pupil {
	var out []Pupil
	for _, p := range dir.Pupils {
		if len(p.Stints(from, to)) > 0 {
			out = append(out, p)
		}
	}
	rankOf := divisionRank(dir)
	slices.SortStableFunc(out, func(a, b Pupil) int {
		return cmp.Or(cmp.Compare(rankOf(a.Division), rankOf(b.Division)), strings.Compare(a.Division, b.Division))
	})
	return out
}

// sortByDivision orders statistics lines by the division of their stint, in
// the directory's order, keeping the registre order within.
func sortByDivision(dir *Directory, lines []PupilStats) {
	rankOf := divisionRank(dir)
	slices.SortStableFunc(lines, func(a, b PupilStats) int {
		x, y := a.Count.Division, b.Count.Division
		return cmp.Or(cmp.Compare(rankOf(x), rankOf(y)), strings.Compare(x, y))
	})
}

func divisionRank(dir *Directory) func(string) int {
	rank := make(map[string]int, len(dir.Divisions))
	for i, d := range dir.Divisions {
		rank[d.Code] = i
	}
	return func(code string) int {
		if r, ok := rank[code]; ok {
			return r
		}
		return len(rank)
	}
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
// The table counts whole pupils; the figures sum the parts, each pupil's
// days in each division.
func monthStats(dir *Directory, counts, parts []PupilCount, first, last Date) ([]MonthStats, error) {
	var out []MonthStats
	for day := first; !day.After(last); day = NewDate(day.Year, day.Month+1, 1) {
		month := day.MonthKey()
		table, err := NewMinistryTable(dir, counts, month)
		if err != nil {
			return nil, err
		}
		out = append(out, MonthStats{Table: table, Figures: monthFigures(dir, parts, month)})
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
