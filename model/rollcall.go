package model

import (
	"time"
)

// SeanceStatus is a séance with the state of its roll call.
type SeanceStatus struct {
	Seance Seance
	Done   *RollCall
	// Absent and Late count the pupils so marked (announced absences
	// included), once the séance has begun: before, they are 0.
	Absent, Late int
}

// RollRow is one pupil's line of a roll call.
type RollRow struct {
	Number     int
	Pupil      Pupil
	Attendance Attendance
	// AbsentEarlier is the earlier séance of the same day in which the pupil was absent.
	AbsentEarlier *Seance
}

// RollSheet is everything the roll-call screen shows of one séance.
type RollSheet struct {
	Seance Seance
	Rows   []RollRow
	Done   *RollCall
	// CanMark is false when the reader may only look (direction, a cancelled séance).
	CanMark bool
}

// MySeances returns the séances that the actor teaches or replaces on day, with
// the state of each roll call.
func (s *Service) MySeances(day Date) ([]SeanceStatus, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermRollCall); err != nil {
		return nil, err
	}
	seances := dir.TeacherSeances(s.actor.Login, day)
	out := make([]SeanceStatus, len(seances))
	err = s.store.View(func(tx ReadTx) error {
		marks, notices, calls, err := seancesData(tx, dir, day, seances)
		if err != nil {
			return err
		}
		for i, se := range seances {
			out[i] = seanceStatus(dir, se, marks, notices, calls, s.now())
		}
		return nil
	})
	return out, err
}

func dayData(tx ReadTx, dir *Directory, day Date) (map[MarkKey]*Mark, []Notice, map[SeanceID]RollCall, error) {
	ms, err := tx.MarksBetween(day, day)
	if err != nil {
		return nil, nil, nil, err
	}
	loc := dir.Location()
	notices, err := tx.NoticesOverlapping(day.Time(0, loc), day.AddDays(1).Time(0, loc))
	if err != nil {
		return nil, nil, nil, err
	}
	rcs, err := tx.RollCallsBetween(day, day)
	if err != nil {
		return nil, nil, nil, err
	}
	marks := make(map[MarkKey]*Mark, len(ms))
	for i := range ms {
		marks[ms[i].Key()] = &ms[i]
	}
	calls := make(map[SeanceID]RollCall, len(rcs))
	for _, r := range rcs {
		calls[r.Seance] = r
	}
	return marks, notices, calls, nil
}

// seancesData reads what the roll calls of some séances of one day need:
// their own marks and roll calls only (a teacher's screen must not decode the
// whole school's day at every key), and the notices of the day.
func seancesData(tx ReadTx, dir *Directory, day Date, seances []Seance) (map[MarkKey]*Mark, []Notice, map[SeanceID]RollCall, error) {
	marks := map[MarkKey]*Mark{}
	calls := map[SeanceID]RollCall{}
	for _, se := range seances {
		ms, err := tx.MarksOfSeance(se.ID)
		if err != nil {
			return nil, nil, nil, err
		}
		for i := range ms {
			marks[ms[i].Key()] = &ms[i]
		}
		rc, ok, err := tx.RollCall(se.ID)
		if err != nil {
			return nil, nil, nil, err
		}
		if ok {
			calls[se.ID] = rc
		}
	}
	loc := dir.Location()
	notices, err := tx.NoticesOverlapping(day.Time(0, loc), day.AddDays(1).Time(0, loc))
	if err != nil {
		return nil, nil, nil, err
	}
	return marks, notices, calls, nil
}

func seanceStatus(dir *Directory, se Seance, marks map[MarkKey]*Mark, notices []Notice, calls map[SeanceID]RollCall, now time.Time) SeanceStatus {
	st := SeanceStatus{Seance: se}
	if rc, ok := calls[se.ID]; ok {
		st.Done = &rc
	}
	if !se.Begun(now, dir.Location()) {
		return st
	}
	for _, p := range dir.Members(se.Target, se.Date) {
		a := Resolve(se, p.ID, marks[MarkKey{se.ID, p.ID}], notices, dir.Location())
		switch a.Kind {
		case KindAbsent:
			st.Absent++
		case KindLate:
			st.Late++
		}
	}
	return st
}

// PickSeance chooses the séance a roll call opens on: the one under way at now,
// else the next one of the day, else the last one.
func PickSeance(seances []SeanceStatus, now time.Time) (SeanceID, bool) {
	if len(seances) == 0 {
		return "", false
	}
	clock := ClockOf(now)
	for _, st := range seances {
		if !st.Seance.Cancelled && clock >= st.Seance.Start && clock < st.Seance.End {
			return st.Seance.ID, true
		}
	}
	for _, st := range seances {
		if !st.Seance.Cancelled && st.Seance.Start >= clock {
			return st.Seance.ID, true
		}
	}
	return seances[len(seances)-1].Seance.ID, true
}

// RollSheet returns the roll call of a séance as the actor may see it.
func (s *Service) RollSheet(id SeanceID) (RollSheet, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return RollSheet{}, err
	}
	se, ok := dir.Seance(id)
	if !ok {
		return RollSheet{}, NotFound("séance %s introuvable", id)
	}
	if !pol.CanReadSeance(se) {
		return RollSheet{}, Forbidden("cette séance n'est pas la vôtre")
	}
	sheet := RollSheet{Seance: se, CanMark: pol.CanMarkSeance(se)}
	pupils := dir.Members(se.Target, se.Date)
	earlier := earlierSeances(dir, se, pupils)
	err = s.store.View(func(tx ReadTx) error {
		marks, notices, calls, err := seancesData(tx, dir, se.Date, append(earlier, se))
		if err != nil {
			return err
		}
		if rc, ok := calls[id]; ok {
			sheet.Done = &rc
		}
		sheet.Rows = rollRows(dir, pol, se, pupils, earlier, marks, notices)
		return nil
	})
	return sheet, err
}

func rollRows(dir *Directory, pol Policy, se Seance, pupils []Pupil, earlier []Seance, marks map[MarkKey]*Mark, notices []Notice) []RollRow {
	loc := dir.Location()
	rows := make([]RollRow, len(pupils))
	for i, p := range pupils {
		a := Resolve(se, p.ID, marks[MarkKey{se.ID, p.ID}], notices, loc)
		rows[i] = RollRow{Number: i + 1, Pupil: p, Attendance: pol.View(a)}
		for j := len(earlier) - 1; j >= 0; j-- {
			prev := earlier[j]
			if dir.Attends(p, prev) && Resolve(prev, p.ID, marks[MarkKey{prev.ID, p.ID}], notices, loc).IsAbsence() {
				rows[i].AbsentEarlier = &earlier[j]
				break
			}
		}
	}
	return rows
}

// earlierSeances returns the séances of the same day, before se, that one
// of the pupils attends.
func earlierSeances(dir *Directory, se Seance, pupils []Pupil) []Seance {
	var out []Seance
	for _, x := range dir.SeancesOn(se.Date) {
		if x.Start < se.Start && !x.Cancelled && attendedByAny(dir, pupils, x) {
			out = append(out, x)
		}
	}
	return out
}

func attendedByAny(dir *Directory, pupils []Pupil, se Seance) bool {
	for _, p := range pupils {
		if dir.Attends(p, se) {
			return true
		}
	}
	return false
}

// SetMark records the mark of a pupil in a séance and returns once it is
// committed. KindPresent clears the mark, or, over an announced absence, records
// that the teacher saw the pupil. A late mark's minutes run from the séance's
// start to now. A mark's justification survives a change of kind.
func (s *Service) SetMark(id SeanceID, pupil PupilID, kind MarkKind) (Attendance, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Attendance{}, err
	}
	se, p, err := s.markable(dir, pol, id, pupil)
	if err != nil {
		return Attendance{}, err
	}
	now := s.now().In(dir.Location())
	minutes := 0
	if kind == KindLate {
		minutes = max(0, int(now.Sub(se.Date.Time(se.Start, dir.Location())).Minutes()))
	}
	var result Attendance
	_, err = s.update("appel", func(tx Tx) error {
		old, had, err := tx.Mark(MarkKey{se.ID, p.ID})
		if err != nil {
			return err
		}
		a, err := writeMark(tx, dir, se, p.ID, kind, minutes, s.actor.Login, now)
		result = a
		if err == nil && had && old.Kind == KindExcluded && kind != KindExcluded {
			err = dropUnreportedExclusion(tx, se.ID, p.ID)
		}
		return err
	})
	return pol.View(result), err
}

// SetLateMinutes corrects the minutes of a pupil's lateness at a séance
// (the roll call's clock counted them from the séance's start when the key
// was pressed); the mark must be a lateness, its justification is kept.
func (s *Service) SetLateMinutes(id SeanceID, pupil PupilID, minutes int) (Attendance, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Attendance{}, err
	}
	se, p, err := s.markable(dir, pol, id, pupil)
	if err != nil {
		return Attendance{}, err
	}
	if minutes < 0 || minutes > maxLateMinutes {
		return Attendance{}, Invalid("retard de %d minutes : entre 0 et %d", minutes, maxLateMinutes)
	}
	now := s.now().In(dir.Location())
	var result Attendance
	_, err = s.update("minutes de retard", func(tx Tx) error {
		m, had, err := tx.Mark(MarkKey{se.ID, p.ID})
		if err != nil {
			return err
		}
		if !had || m.Kind != KindLate {
			return Invalid("%s n'est pas en retard à cette séance", p.FullName())
		}
		result, err = writeMark(tx, dir, se, p.ID, KindLate, minutes, s.actor.Login, now)
		return err
	})
	return pol.View(result), err
}

// maxLateMinutes is the longest lateness a mark may carry (mark validation).
const maxLateMinutes = 600

func (s *Service) markable(dir *Directory, pol Policy, id SeanceID, pupil PupilID) (Seance, Pupil, error) {
	se, ok := dir.Seance(id)
	if !ok {
		return Seance{}, Pupil{}, NotFound("séance %s introuvable", id)
	}
	if !pol.CanMarkSeance(se) {
		if se.Cancelled {
			return Seance{}, Pupil{}, Invalid("séance annulée : pas d'appel")
		}
		return Seance{}, Pupil{}, Forbidden("vous ne pouvez pas faire l'appel de cette séance")
	}
	p, ok := dir.Pupil(pupil)
	if !ok || !dir.Attends(p, se) {
		return Seance{}, Pupil{}, NotFound("élève %s absent de la liste de cette séance", pupil)
	}
	return se, p, nil
}

// writeMark reads the current state inside tx and writes the new mark; it is
// idempotent, as a group commit may run it twice.
func writeMark(tx Tx, dir *Directory, se Seance, pupil PupilID, kind MarkKind, minutes int, by string, now time.Time) (Attendance, error) {
	key := MarkKey{se.ID, pupil}
	old, had, err := tx.Mark(key)
	if err != nil {
		return Attendance{}, err
	}
	notices, err := tx.NoticesOfPupil(pupil)
	if err != nil {
		return Attendance{}, err
	}
	covered := Resolve(se, pupil, nil, notices, dir.Location()).Notice != nil
	if kind == KindPresent && !covered {
		if had {
			if err := tx.DeleteMark(key); err != nil {
				return Attendance{}, err
			}
		}
		return Resolve(se, pupil, nil, notices, dir.Location()), nil
	}
	m := Mark{Seance: se.ID, Pupil: pupil, Kind: kind, Minutes: minutes, By: by, At: now}
	if had && kind != KindPresent {
		m.Justification = old.Justification
	}
	if had && old.Kind == kind && old.Minutes == minutes && identicalJustification(old.Justification, m.Justification) {
		return Resolve(se, pupil, &old, notices, dir.Location()), nil
	}
	if err := tx.PutMark(m); err != nil {
		return Attendance{}, err
	}
	return Resolve(se, pupil, &m, notices, dir.Location()), nil
}

func identicalJustification(a, b *Justification) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// ValidateRollCall records that the actor took the séance's roll call. It may
// be taken up again later: validating anew records the new time.
func (s *Service) ValidateRollCall(id SeanceID) (RollCall, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return RollCall{}, err
	}
	se, ok := dir.Seance(id)
	if !ok {
		return RollCall{}, NotFound("séance %s introuvable", id)
	}
	if !pol.CanMarkSeance(se) {
		return RollCall{}, Forbidden("vous ne pouvez pas faire l'appel de cette séance")
	}
	rc := RollCall{Seance: id, By: s.actor.Login, At: s.now().In(dir.Location())}
	_, err = s.update("appel fait", func(tx Tx) error { return tx.PutRollCall(rc) })
	return rc, err
}

// SeanceLog returns every séance from from to to with the state of its roll
// call (the registre's table of contents).
func (s *Service) SeanceLog(from, to Date) ([]SeanceStatus, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermExport); err != nil {
		return nil, err
	}
	var out []SeanceStatus
	err = s.store.View(func(tx ReadTx) error {
		for day := from; !day.After(to); day = day.AddDays(1) {
			seances := dir.SeancesOn(day)
			if len(seances) == 0 {
				continue
			}
			marks, notices, calls, err := dayData(tx, dir, day)
			if err != nil {
				return err
			}
			for _, se := range seances {
				out = append(out, seanceStatus(dir, se, marks, notices, calls, s.now()))
			}
		}
		return nil
	})
	return out, err
}
