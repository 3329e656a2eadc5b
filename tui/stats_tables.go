package tui

import (
	"fmt"
	"strconv"
	"strings"

	"appel/model"
)

// rebuild lays the statistics out in the four tables, keeping each one's
// sort, filter and cursor.
func (s *statsScreen) rebuild() {
	if s.st == nil {
		return
	}
	width := max(s.size.Width, MinWidth)
	pupils := s.st.PupilsOf(s.currentDivision())
	s.tables[panePupils] = s.tables[panePupils].reuse(pupilColumns(pupils, width), len(pupils), 0)
	divs := append(append([]model.DivisionCount{}, s.st.Divisions...), s.st.School)
	s.tables[paneDivisions] = s.tables[paneDivisions].reuse(divisionColumns(divs, width), len(divs), 1)
	rows, fixed := s.monthRows()
	s.tables[paneMonths] = s.tables[paneMonths].reuse(monthColumns(rows, width), len(rows), fixed)
	lines := s.st.Thresholds
	s.tables[paneThresholds] = s.tables[paneThresholds].reuse(thresholdColumns(lines, width), len(lines), 0)
}

// num is a column value for sorting.
func num(n int) float64 { return float64(n) }

// figureColumns are the half-day columns of a table whose rows have figures.
func figureColumns(f func(int) model.Figures) []column {
	return []column{
		{title: "DJ", width: 4, right: true, text: func(i int) string { return strconv.Itoa(f(i).HalfDays()) },
			num: func(i int) float64 { return num(f(i).HalfDays()) }},
		{title: "Val.", width: 4, right: true, text: func(i int) string { return strconv.Itoa(f(i).ValidHalfDays) },
			num: func(i int) float64 { return num(f(i).ValidHalfDays) }},
		{title: "N.val.", width: 6, right: true, text: func(i int) string { return strconv.Itoa(f(i).InvalidHalfDays) },
			num: func(i int) float64 { return num(f(i).InvalidHalfDays) }},
		{title: "Heures", width: 7, right: true, text: func(i int) string { return decimalHours(f(i)) },
			num: func(i int) float64 { return num(f(i).MissedMinutes) }},
		{title: "Ret.", width: 4, right: true, text: func(i int) string { return strconv.Itoa(f(i).Lates) },
			num: func(i int) float64 { return num(f(i).Lates) }},
		{title: "Min.", width: 5, right: true, text: func(i int) string { return strconv.Itoa(f(i).LateMinutes) },
			num: func(i int) float64 { return num(f(i).LateMinutes) }},
	}
}

func pupilColumns(rows []model.PupilStats, width int) []column {
	name := column{title: "Élève", width: 24, text: func(i int) string { return rows[i].Pupil.FullName() }}
	// The last column also says when a pupil came, left or changed division.
	report := column{title: "Seuil atteint", text: func(i int) string {
		text := monthsShort(rows[i].Whole.ReportMonths())
		if note := rows[i].Pupil.StintNote(rows[i].Count.Stint); note != "" {
			text += "  " + note
		}
		return text
	}, num: func(i int) float64 { return num(len(rows[i].Whole.ReportMonths())) }}
	cols := append([]column{name}, figureColumns(func(i int) model.Figures { return rows[i].Count.Total })...)
	return lastWidth(append(cols, report), width)
}

func divisionColumns(rows []model.DivisionCount, width int) []column {
	name := column{title: "Division", width: 14, text: func(i int) string { return rows[i].Division }}
	pupils := column{title: "Élèves", width: 6, right: true, text: func(i int) string { return strconv.Itoa(rows[i].Pupils) },
		num: func(i int) float64 { return num(rows[i].Pupils) }}
	over := column{title: "≥4 NV", right: true, text: func(i int) string { return strconv.Itoa(rows[i].OverThreshold) },
		num: func(i int) float64 { return num(rows[i].OverThreshold) }}
	cols := append([]column{name, pupils}, figureColumns(func(i int) model.Figures { return rows[i].Figures })...)
	cols = lastWidth(append(cols, over), width)
	cols[len(cols)-1].width = min(cols[len(cols)-1].width, 6)
	return cols
}

// monthRow is a row of the ministry's table with the month's figures.
type monthRow struct {
	row     model.MinistryRow
	figures model.Figures
}

// monthRows returns the rows of the month shown: the divisions, then the
// levels and the school, which stay last.
func (s *statsScreen) monthRows() ([]monthRow, int) {
	if len(s.st.Months) == 0 {
		return nil, 0
	}
	m := s.st.Months[s.month]
	var out []monthRow
	for _, r := range m.Table.Divisions {
		out = append(out, monthRow{r, m.Figures[r.Label]})
	}
	for _, r := range append(append([]model.MinistryRow{}, m.Table.Levels...), m.Table.School) {
		out = append(out, monthRow{r, m.Figures[r.Label]})
	}
	return out, len(m.Table.Levels) + 1
}

func monthColumns(rows []monthRow, width int) []column {
	count := func(title string, w int, f func(model.MinistryRow) int) column {
		return column{title: title, width: w, right: true, text: func(i int) string { return strconv.Itoa(f(rows[i].row)) },
			num: func(i int) float64 { return num(f(rows[i].row)) }}
	}
	cols := []column{
		{title: "Ligne", width: 14, text: func(i int) string { return rows[i].row.Label }},
		count("Élèves", 6, func(r model.MinistryRow) int { return r.Enrolled }),
		count("SM 4–10", 7, func(r model.MinistryRow) int { return r.NoMotive4To10 }),
		count("SM 11+", 6, func(r model.MinistryRow) int { return r.NoMotive11Plus }),
		count("MNV 4–10", 8, func(r model.MinistryRow) int { return r.InvalidMotive4To10 }),
		count("MNV 11+", 7, func(r model.MinistryRow) int { return r.InvalidMotive11Plus }),
		{title: "Taux", width: 7, right: true, text: func(i int) string { return percent(rows[i].row.Rate()) },
			num: func(i int) float64 { return rows[i].row.Rate() }},
		{title: "DJ NV", right: true, text: func(i int) string { return strconv.Itoa(rows[i].figures.InvalidHalfDays) },
			num: func(i int) float64 { return num(rows[i].figures.InvalidHalfDays) }},
	}
	cols = lastWidth(cols, width)
	cols[len(cols)-1].width = min(cols[len(cols)-1].width, 6)
	return cols
}

// reportText says whether the report was recorded.
func reportText(r *model.Report) string {
	if r == nil {
		return "à signaler"
	}
	return fmt.Sprintf("✓ %02d/%02d %s", r.At.Day(), int(r.At.Month()), r.By)
}

func thresholdColumns(rows []model.ThresholdLine, width int) []column {
	cols := []column{
		{title: "Élève", width: 22, text: func(i int) string { return rows[i].Pupil.FullName() }},
		{title: "Div.", width: 4, text: func(i int) string { return rows[i].Pupil.Division }},
		{title: "Mois", width: 10, text: func(i int) string { return monthShort(rows[i].Crossing.Month) },
			num: func(i int) float64 { return monthKeyNum(rows[i].Crossing.Month) }},
		{title: "NV", width: 3, right: true, text: func(i int) string { return strconv.Itoa(rows[i].Crossing.InvalidHalfDays) },
			num: func(i int) float64 { return num(rows[i].Crossing.InvalidHalfDays) }},
		{title: "4e le", width: 21, text: func(i int) string { return halfDayText(rows[i].Crossing.ReachedOn, rows[i].Crossing.ReachedHalf) },
			num: func(i int) float64 { return reachedKey(rows[i].Crossing) }},
		{title: "DASEN", text: func(i int) string { return reportText(rows[i].Report) }},
	}
	return lastWidth(cols, width)
}

// monthKeyNum is 202611 for 2026-11.
func monthKeyNum(key string) float64 {
	n, _ := strconv.Atoi(strings.ReplaceAll(key, "-", ""))
	return num(n)
}

func reachedKey(c model.Crossing) float64 {
	n, _ := strconv.Atoi(c.ReachedOn.Compact())
	return float64(n*2 + int(c.ReachedHalf))
}
