package model

// SchoolLabel is the label of the school's row in the ministry's table.
const SchoolLabel = "Établissement"

// ministryHighBand is where the table's second band of half-days begins.
const ministryHighBand = 11

// MinistryRow is one line of the ministry's monthly absenteeism table: for a
// division, a level or the school, the enrolled pupils and the pupils with 4 to
// 10, and 11 or more, non valable half-days in the month, split by motive.
type MinistryRow struct {
	// Label is a division code, a level, or SchoolLabel.
	Label    string
	Enrolled int
	// NoMotive… count the pupils whose non valable half-days of the month lack
	// a motive, every one; InvalidMotive… those with at least one non valable
	// motive among them.
	NoMotive4To10       int
	NoMotive11Plus      int
	InvalidMotive4To10  int
	InvalidMotive11Plus int
}

// Absentees returns the number of pupils with ReportThreshold or more non valable half-days.
func (r MinistryRow) Absentees() int {
	return r.NoMotive4To10 + r.NoMotive11Plus + r.InvalidMotive4To10 + r.InvalidMotive11Plus
}

// Rate returns the absenteeism rate: the share of enrolled pupils with
// ReportThreshold or more non valable half-days in the month (0 when no pupil
// is enrolled).
func (r MinistryRow) Rate() float64 {
	if r.Enrolled == 0 {
		return 0
	}
	return float64(r.Absentees()) / float64(r.Enrolled)
}

func (r *MinistryRow) add(m MonthCount) {
	r.Enrolled++
	n := m.Figures.InvalidHalfDays
	switch {
	case n < ReportThreshold:
	case m.InvalidMotive && n >= ministryHighBand:
		r.InvalidMotive11Plus++
	case m.InvalidMotive:
		r.InvalidMotive4To10++
	case n >= ministryHighBand:
		r.NoMotive11Plus++
	default:
		r.NoMotive4To10++
	}
}

// MinistryTable is the ministry's monthly absenteeism table for one month.
type MinistryTable struct {
	Month     string
	Divisions []MinistryRow
	Levels    []MinistryRow
	School    MinistryRow
}

// NewMinistryTable builds the table of month (2026-11) from the counts of every
// pupil of the school over a period that covers the whole month; a pupil of the
// directory without a count has no non valable half-day.
//
// The survey's definition: « une 'absence non justifiée' est une absence sans
// motif ou une absence avec un motif non valable (qu'elle ait été justifiée ou
// non par les parents) »; its table counts, per level and for the school, the
// pupils with 4 to 10 and with 11 or more such half-days in the month, split
// between aucun motif and motif non valable (DOMAIN.md, "Counting"). Such half-days are
// the non valable half-days. The rule for the split, which the survey does not
// spell out: a pupil is classed under motif non valable when at least one of
// his non valable half-days of the month has a missed séance with a motive that
// is not valid, and under aucun motif when none has (every absence that makes
// them non valable has no motive at all). Each pupil is thus in one column only.
//
// Enrolled pupils are those of the directory enrolled on the month's first day
// (Pupil.EnrolledOn). Rows: the divisions in the directory's order, then
// divisions known only from pupils; the levels in the order of their first
// division; the school, pupils without a division included.
func NewMinistryTable(dir *Directory, counts []PupilCount, month string) (MinistryTable, error) {
	first, err := ParseDate(month + "-01")
	if err != nil || first.MonthKey() != month {
		return MinistryTable{}, invalid("mois invalide %q (attendu AAAA-MM)", month)
	}
	byPupil := make(map[PupilID]MonthCount, len(counts))
	for _, c := range counts {
		byPupil[c.Pupil] = c.Month(month)
	}
	t := MinistryTable{Month: month, School: MinistryRow{Label: SchoolLabel}}
	divisions, levels := ministryRows(dir)
	for _, p := range dir.Pupils {
		if !p.EnrolledOn(first) {
			continue
		}
		m := byPupil[p.ID]
		t.School.add(m)
		division := p.DivisionOn(first)
		if division == "" {
			continue
		}
		divisions.row(division).add(m)
		if d, ok := dir.Division(division); ok && d.Level != "" {
			levels.row(d.Level).add(m)
		}
	}
	t.Divisions, t.Levels = divisions.rows, levels.rows
	return t, nil
}

// rowSet keeps rows in their order of creation, found by label.
type rowSet struct {
	rows  []MinistryRow
	index map[string]int
}

func (s *rowSet) row(label string) *MinistryRow {
	i, ok := s.index[label]
	if !ok {
		i = len(s.rows)
		s.index[label] = i
		s.rows = append(s.rows, MinistryRow{Label: label})
	}
	return &s.rows[i]
}

func ministryRows(dir *Directory) (divisions, levels *rowSet) {
	divisions = &rowSet{index: map[string]int{}}
	levels = &rowSet{index: map[string]int{}}
	for _, d := range dir.Divisions {
		divisions.row(d.Code)
		if d.Level != "" {
			levels.row(d.Level)
		}
	}
	return divisions, levels
}
