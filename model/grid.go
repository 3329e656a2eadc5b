package model

import (
	"slices"
	"strings"
	"time"
)

// CellKind is what one cell of the planning grid (vue planning) says of a
// pupil at one slot of one day.
type CellKind uint8

// The kinds of cell, from "nothing to see" to the marks.
const (
	// CellNoCourse: the pupil has no séance at that slot.
	CellNoCourse CellKind = iota
	// CellHoliday: a day without courses (vacances, jour férié).
	CellHoliday
	// CellCancelled: the séance did not take place.
	CellCancelled
	// CellUpcoming: a séance that has not started yet, with nothing recorded.
	CellUpcoming
	// CellUnknown: a séance that started, nothing recorded, roll call not done.
	CellUnknown
	// CellPresent: nothing recorded and the roll call is done.
	CellPresent
	// CellDiscordant: the teacher saw the pupil during an announced absence.
	CellDiscordant
	// CellAbsent: an absence without a motive (non justifiée).
	CellAbsent
	// CellAbsentJustified: a justified absence whose validity the reader may
	// not see (a teacher).
	CellAbsentJustified
	// CellAbsentValid: an absence with a valid motive (valable).
	CellAbsentValid
	// CellAbsentInvalid: an absence with a motive that is not valid.
	CellAbsentInvalid
	// CellLate: a lateness.
	CellLate
	// CellInfirmary: at the infirmary.
	CellInfirmary
	// CellExcluded: excluded from the course.
	CellExcluded
	// CellExempt: exempt (dispensé).
	CellExempt
	// CellOuting: on a school outing.
	CellOuting
)

// CellKinds lists every kind in the order a legend shows them.
var CellKinds = []CellKind{
	CellAbsent, CellAbsentValid, CellAbsentInvalid, CellAbsentJustified, CellLate, CellInfirmary,
	CellExcluded, CellExempt, CellOuting, CellPresent, CellDiscordant, CellUnknown, CellUpcoming,
	CellCancelled, CellNoCourse, CellHoliday,
}

// IsAbsence reports whether the cell is an absence (justified or not).
func (k CellKind) IsAbsence() bool { return k >= CellAbsent && k <= CellAbsentInvalid }

// Justifiable reports whether a motive may be applied to the cell (an
// absence or a lateness).
func (k CellKind) Justifiable() bool { return k.IsAbsence() || k == CellLate }

// GridCell is one pupil at one slot of one day.
type GridCell struct {
	Kind CellKind
	// Attendance is the pupil's in the séance at that slot, as the reader may
	// see it; its Seance is zero when there is none.
	Attendance Attendance
}

// HasSeance reports whether a séance takes place at the cell.
func (c GridCell) HasSeance() bool { return c.Attendance.Seance.ID != "" }

// Key returns the (séance, pupil) pair of the cell.
func (c GridCell) Key() MarkKey { return MarkKey{c.Attendance.Seance.ID, c.Attendance.Pupil} }

// GridDay is a day of a grid.
type GridDay struct {
	Date Date
	// WeekType is the type of the day's week (A, B), "" when the school has none.
	WeekType string
	// Holiday names the holiday that covers the day; "" on a school day.
	Holiday string
}

// GridRow is a row of a grid: a pupil over a week (class grid), or one day of
// one pupil (pupil grid).
type GridRow struct {
	Pupil Pupil
	// Day indexes Grid.Days on a pupil grid's rows; -1 on a class grid.
	Day int
	// Cells are day-major on a class grid (len(Days)*len(Slots)), one per slot
	// on a pupil grid.
	Cells []GridCell
	// Figures counts the row's half-days of absence: the pupil's week, or the day.
	Figures Figures
}

// Grid is a planning grid, resolved once from one read of the store.
type Grid struct {
	// Target is the class grid's division or group; zero on a pupil grid.
	Target Target
	// Pupil is the pupil grid's pupil.
	Pupil    Pupil
	From, To Date
	Days     []GridDay
	Slots    []Slot
	Rows     []GridRow
	// Totals are the pupil grid's figures over the whole range.
	Totals Figures
	// Periods are the school's periods and the whole year, for choosing a range.
	Periods []Period
	// Names maps the logins that the cells mention to people's names.
	Names map[string]string
	// Motives are the motives the reader may apply; empty when he may not justify.
	Motives []Motive
	// SeeMotives: the reader may see motives and validity.
	SeeMotives bool
	// Now is the clock when the grid was read.
	Now time.Time
}

// IsPupilGrid reports whether the grid is one pupil's (rows are days).
func (g *Grid) IsPupilGrid() bool { return g.Target.Code == "" }

// Name returns the name of login, or the login when unknown.
func (g *Grid) Name(login string) string {
	if n, ok := g.Names[login]; ok && n != "" {
		return n
	}
	return login
}

// GridTargets returns the divisions and groups whose grid the actor may open
// (divisions first, each sorted by code), and the one to open first: the
// audience of the actor's séance under way or next today, else the first.
func (s *Service) GridTargets() ([]Target, Target, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, Target{}, err
	}
	var out []Target
	for _, d := range sortedCodes(dir.Divisions, func(d Division) string { return d.Code }) {
		if t := (Target{TargetDivision, d}); pol.CanReadTarget(dir, t) {
			out = append(out, t)
		}
	}
	for _, g := range sortedCodes(dir.Groups, func(g Group) string { return g.Code }) {
		if t := (Target{TargetGroup, g}); pol.CanReadTarget(dir, t) {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nil, Target{}, Forbidden("aucune classe ni aucun groupe ne vous est ouvert")
	}
	return out, s.defaultTarget(dir, out), nil
}

func sortedCodes[T any](xs []T, code func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = code(x)
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(FoldAccents(a), FoldAccents(b)) })
	return out
}

func (s *Service) defaultTarget(dir *Directory, allowed []Target) Target {
	now := s.now().In(dir.Location())
	mine := dir.TeacherSeances(s.actor.Login, DateOf(now))
	statuses := make([]SeanceStatus, len(mine))
	for i, se := range mine {
		statuses[i] = SeanceStatus{Seance: se}
	}
	if id, ok := PickSeance(statuses, now); ok {
		se, _ := dir.Seance(id)
		if slices.Contains(allowed, se.Target) {
			return se.Target
		}
	}
	return allowed[0]
}

// ClassGrid returns the grid of a division or group over the week of day:
// every member (enrolled that week) × every school weekday × every slot.
func (s *Service) ClassGrid(t Target, day Date) (Grid, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Grid{}, err
	}
	if _, ok := targetExists(dir, t); !ok {
		return Grid{}, NotFound("classe ou groupe %q introuvable", t.Code)
	}
	if !pol.CanReadTarget(dir, t) {
		return Grid{}, Forbidden("vous n'enseignez pas à %s", t.Code)
	}
	from := day.Monday()
	to := from.AddDays(6)
	pupils := dir.MembersBetween(t, from, to)
	b := newGridBuilder(dir, pol, s.now().In(dir.Location()), pupils, weekDays(dir.School, from))
	if err := s.store.View(b.read); err != nil {
		return Grid{}, err
	}
	g := b.classGrid()
	g.Target, g.From, g.To = t, from, to
	return g, nil
}

func targetExists(dir *Directory, t Target) (string, bool) {
	if t.Kind == TargetGroup {
		g, ok := dir.Group(t.Code)
		return g.Label, ok
	}
	d, ok := dir.Division(t.Code)
	return d.Label, ok
}

// weekDays returns the school weekdays of the week that starts on monday.
func weekDays(s School, monday Date) []Date {
	var out []Date
	for i := 0; i < 7; i++ {
		if d := monday.AddDays(i); s.HasRow(d) {
			out = append(out, d)
		}
	}
	return out
}

// PupilGrid returns one pupil's grid from from to to: one row per school
// weekday (holidays included and marked), one cell per slot.
func (s *Service) PupilGrid(id PupilID, from, to Date) (Grid, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Grid{}, err
	}
	p, ok := dir.Pupil(id)
	if !ok {
		return Grid{}, NotFound("élève %s introuvable", id)
	}
	if !pol.CanReadPupil(dir, p) {
		return Grid{}, Forbidden("cet élève n'est pas dans vos classes")
	}
	if to.Before(from) || from.DaysUntil(to) > 400 {
		return Grid{}, Invalid("période invalide (%s → %s)", from, to)
	}
	var days []Date
	for d := from; !d.After(to); d = d.AddDays(1) {
		if dir.School.HasRow(d) {
			days = append(days, d)
		}
	}
	b := newGridBuilder(dir, pol, s.now().In(dir.Location()), []Pupil{p}, days)
	if err := s.store.View(b.read); err != nil {
		return Grid{}, err
	}
	g := b.pupilGrid()
	g.Pupil, g.From, g.To = p, from, to
	return g, nil
}

// Justifiable reports whether a motive key applies to the cell: an absence
// or a lateness of a séance that has begun.
func (c GridCell) Justifiable() bool { return c.Kind.Justifiable() && !c.Attendance.Upcoming }
