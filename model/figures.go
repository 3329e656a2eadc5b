package model

import (
	"slices"
	"time"
)

// PupilFigures is one pupil's figures over a range of dates at a clock: the
// figures that every screen, export and letter shows of him. FiguresAt makes
// them, and nothing else in appel counts: a screen or a file formats these
// figures, or sums them (Add), never counts marks itself.
type PupilFigures struct {
	Pupil    Pupil
	From, To Date
	// At is the clock: a séance that had not begun by At counts for nothing.
	At time.Time
	// Explanation lists the half-days of [From, To] in which something is
	// recorded in a séance begun by At, each with all its séances (those to
	// come included, marked Upcoming) and what they count for. Its Totals are
	// the pupil's figures over the range.
	Explanation Explanation
	// Months are the figures per calendar month, in order, within the range:
	// pass whole months (MonthSpan) for the monthly report threshold, which
	// counts the whole month. Months without anything recorded are left out.
	Months []MonthCount
	// Unplaced are the pupil's marks dated in the range that match none of
	// his séances (a timetable changed after the roll call): they count for nothing.
	Unplaced []Mark
}

// FiguresAt counts pupils (each once, in their order) from from to to (both
// included) at the clock at, from the marks and announced absences stored
// (they may hold more than the pupils and the range: the rest is ignored).
// It is the one computation of every figure of appel (DOMAIN.md "Counting",
// and the package documentation's "Time": a séance counts only once it has
// begun; an announced absence becomes an absence séance by séance).
func FiguresAt(dir *Directory, pupils []Pupil, from, to Date, at time.Time, marks []Mark, notices []Notice) []PupilFigures {
	atts, unplaced := CollectAttendance(dir, pupils, from, to, at, marks, notices)
	settings := dir.School.Settings
	out := make([]PupilFigures, 0, len(pupils))
	seen := make(map[PupilID]bool, len(pupils))
	for _, p := range pupils {
		if seen[p.ID] {
			continue
		}
		seen[p.ID] = true
		e := Explain(p.ID, atts[p.ID], settings)
		out = append(out, PupilFigures{Pupil: p, From: from, To: to, At: at, Explanation: e, Months: e.Months()})
	}
	if len(unplaced) > 0 {
		index := make(map[PupilID]int, len(out))
		for i, f := range out {
			index[f.Pupil.ID] = i
		}
		for _, m := range unplaced {
			f := &out[index[m.Pupil]]
			f.Unplaced = append(f.Unplaced, m)
		}
	}
	return out
}

// MonthSpan returns the first day of from's month and the last day of to's:
// the range whose months FiguresAt counts whole.
func MonthSpan(from, to Date) (Date, Date) {
	return NewDate(from.Year, from.Month, 1), NewDate(to.Year, to.Month+1, 0)
}

// Figures returns the pupil's figures over the whole range.
func (f PupilFigures) Figures() Figures { return f.Explanation.Totals }

// Within returns the pupil's figures over the part of the range from from to
// to (both included): the sum of its half-days there.
func (f PupilFigures) Within(from, to Date) Figures {
	var out Figures
	for _, h := range f.Explanation.HalfDays {
		if h.Date.Within(from, to) {
			out = out.Add(h.Figures)
		}
	}
	return out
}

// Month returns the figures of a calendar month (2026-11); zero if none.
func (f PupilFigures) Month(month string) MonthCount {
	return PupilCount{Months: f.Months}.Month(month)
}

// Count returns the figures as the statistics' tables hold them.
func (f PupilFigures) Count() PupilCount {
	return PupilCount{Pupil: f.Pupil.ID, Division: f.Pupil.Division, Total: f.Figures(), Months: f.Months}
}

// Part returns the pupil's count for his days in one division (a stint of
// Pupil.Stints): the half-days within it, per month; Total is theirs.
func (f PupilFigures) Part(s Stint) PupilCount {
	e := Explanation{Pupil: f.Pupil.ID, Settings: f.Explanation.Settings}
	var total Figures
	for _, h := range f.Explanation.HalfDays {
		if s.Contains(h.Date) {
			e.HalfDays = append(e.HalfDays, h)
			total = total.Add(h.Figures)
		}
	}
	return PupilCount{Pupil: f.Pupil.ID, Division: s.Division, Stint: s, Total: total, Months: e.Months()}
}

// Redacted returns the figures for a reader who may not see motives (see
// Explanation.Redacted): the counts stay, the motives go.
func (f PupilFigures) Redacted() PupilFigures {
	f.Explanation = f.Explanation.Redacted()
	return f
}

// AbsenceState is what a half-day of absence is for the family and the law.
type AbsenceState uint8

// The states of a half-day in which the pupil missed séances.
const (
	// AbsenceValid: every missed séance has a valid motive (valable).
	AbsenceValid AbsenceState = iota
	// AbsenceInvalidMotive: a missed séance has a motive that is not valid.
	AbsenceInvalidMotive
	// AbsenceNoMotive: the missed séances that are not valable have no motive.
	AbsenceNoMotive
)

// Label returns "valable", "motif non valable" or "sans motif".
func (s AbsenceState) Label() string {
	switch s {
	case AbsenceValid:
		return "valable"
	case AbsenceInvalidMotive:
		return "motif non valable"
	}
	return "sans motif"
}

// AbsenceLine is a half-day in which the pupil missed séances: what a
// family letter lists (date, séances, state).
type AbsenceLine struct {
	Date Date
	Half HalfDay
	// Seances are the missed séances (absences, and latenesses counted as
	// absences), begun by the clock, in time order.
	Seances []Attendance
	// Counted: the half-day is a half-day of absence (under method toutes a
	// half-day in which the pupil attended a séance is not).
	Counted bool
	State   AbsenceState
	// Minutes is the missed time the half-day adds.
	Minutes int
}

// Unjustified counts the line's missed séances without a motive.
func (l AbsenceLine) Unjustified() int {
	n := 0
	for _, a := range l.Seances {
		if !a.Justified() {
			n++
		}
	}
	return n
}

// Absences returns the half-days of the range in which the pupil missed
// séances begun by the clock, in time order.
func (f PupilFigures) Absences() []AbsenceLine {
	var out []AbsenceLine
	for _, h := range f.Explanation.HalfDays {
		missed := h.Missed()
		if len(missed) == 0 {
			continue
		}
		l := AbsenceLine{Date: h.Date, Half: h.Half, Counted: h.Absent, Minutes: h.Figures.MissedMinutes,
			State: stateOf(missed)}
		for _, a := range missed {
			l.Seances = append(l.Seances, *a)
		}
		out = append(out, l)
	}
	return out
}

func stateOf(missed []*Attendance) AbsenceState {
	if !slices.ContainsFunc(missed, func(a *Attendance) bool { return !a.Valid() }) {
		return AbsenceValid
	}
	if slices.ContainsFunc(missed, func(a *Attendance) bool { return a.Justified() && !a.Valid() }) {
		return AbsenceInvalidMotive
	}
	return AbsenceNoMotive
}

// Unjustified counts the missed séances of the range without a motive.
func (f PupilFigures) Unjustified() int {
	n := 0
	for _, h := range f.Explanation.HalfDays {
		for _, l := range h.Seances {
			if l.Effect.Missed() && !l.Attendance.Justified() {
				n++
			}
		}
	}
	return n
}

// Records returns the range's attendances begun by the clock with something
// other than plain presence (marks and announced absences), in time order:
// the register's lines for the pupil.
func (f PupilFigures) Records() []Attendance {
	var out []Attendance
	for _, h := range f.Explanation.HalfDays {
		for _, l := range h.Seances {
			if a := l.Attendance; a.Marked() && !a.Upcoming {
				out = append(out, *a)
			}
		}
	}
	return out
}

// Recorded is what the store holds that counts: the marks and the announced
// absences that FiguresAt reads.
type Recorded struct {
	Marks   []Mark
	Notices []Notice
}

// readRecorded reads what FiguresAt needs to count pupils from from to to:
// one pupil's own records, or those of the whole school.
func readRecorded(tx ReadTx, dir *Directory, pupils []Pupil, from, to Date) (Recorded, error) {
	var in Recorded
	var err error
	if len(pupils) == 1 {
		if in.Marks, err = tx.MarksOfPupil(pupils[0].ID, from, to); err != nil {
			return in, err
		}
		in.Notices, err = tx.NoticesOfPupil(pupils[0].ID)
		return in, err
	}
	if in.Marks, err = tx.MarksBetween(from, to); err != nil {
		return in, err
	}
	loc := dir.Location()
	in.Notices, err = tx.NoticesOverlapping(from.Time(0, loc), to.AddDays(1).Time(0, loc))
	return in, err
}

// PupilFigures returns a pupil's figures from from to to (both included) at
// the service's clock, from one read of the store: FiguresAt for one pupil,
// for every reader who may read his file (motives hidden from those who may
// not see them). Family letters and notices count with it.
func (s *Service) PupilFigures(id PupilID, from, to Date) (PupilFigures, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return PupilFigures{}, err
	}
	p, ok := dir.Pupil(id)
	if !ok {
		return PupilFigures{}, NotFound("élève %s introuvable", id)
	}
	if !pol.CanReadPupil(dir, p) {
		return PupilFigures{}, Forbidden("cet élève n'est pas dans vos classes")
	}
	if to.Before(from) {
		return PupilFigures{}, invalid("période invalide : le %s précède le %s", to.French(), from.French())
	}
	var f PupilFigures
	err = s.store.View(func(tx ReadTx) error {
		var err error
		f, err = pupilFiguresIn(tx, dir, p, from, to, s.now())
		return err
	})
	if err == nil && !pol.Allows(PermSeeMotives) {
		f = f.Redacted()
	}
	return f, err
}

// pupilFiguresIn counts one pupil inside a read transaction.
func pupilFiguresIn(tx ReadTx, dir *Directory, p Pupil, from, to Date, at time.Time) (PupilFigures, error) {
	in, err := readRecorded(tx, dir, []Pupil{p}, from, to)
	if err != nil {
		return PupilFigures{}, err
	}
	return FiguresAt(dir, []Pupil{p}, from, to, at, in.Marks, in.Notices)[0], nil
}

// SchoolFigures returns the figures of every pupil enrolled on from, from
// from to to (both included) at the service's clock, from one read of the
// store: FiguresAt for the whole school, divisions in the directory's order,
// pupils in registre order within each — what letters for many families
// read. It is for the statistics' readers.
func (s *Service) SchoolFigures(from, to Date) ([]PupilFigures, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermStats); err != nil {
		return nil, err
	}
	if to.Before(from) {
		return nil, invalid("période invalide : le %s précède le %s", to.French(), from.French())
	}
	var in Recorded
	err = s.store.View(func(tx ReadTx) error {
		var err error
		in, err = readRecorded(tx, dir, nil, from, to)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := FiguresAt(dir, statsPupils(dir, from, to), from, to, s.now(), in.Marks, in.Notices)
	if !pol.Allows(PermSeeMotives) {
		for i := range out {
			out[i] = out[i].Redacted()
		}
	}
	return out, nil
}
