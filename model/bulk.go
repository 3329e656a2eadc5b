package model

import (
	"slices"
	"time"
)

// BulkOutcome is what a user's action on a selection did, in the numbers of
// the selection (SelectionOf): Done plus Left plus the kept and changed ones
// are what was selected.
type BulkOutcome struct {
	Action Action
	// Done are the selected absences and latenesses that are now as the
	// action wants them (changed by it, or already so).
	Done Selection
	// Left are those the action does not apply to (a school trip leaves
	// latenesses, a motive key leaves séances to come).
	Left Selection
	// Kept are the motives already given that the action did not replace
	// (the user did not ask to), by who gave them.
	Kept []Given
	// Changed are the ones someone changed since the screen showed them:
	// left as they are stored now, which the user should see before acting again.
	Changed []Attendance
}

// SetValidity decides the validity of the justified absences shown against
// their motives' (a CPE's overrule); the unjustified ones are left.
func (s *Service) SetValidity(shown []Shown, valid bool) (BulkOutcome, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return BulkOutcome{}, err
	}
	if err := pol.Require(PermOverrule); err != nil {
		return BulkOutcome{}, err
	}
	verb := "validité forcée : non valable"
	if valid {
		verb = "validité forcée : valable"
	}
	now, login := s.now().In(dir.Location()), s.actor.Login
	return s.editShown(dir, verb, shown, func(_ Shown, a Attendance) (*Mark, bulkVerdict) {
		if a.Justification == nil {
			return nil, verdictLeft
		}
		if a.Justification.Valid == valid && a.Justification.Overruled {
			return nil, verdictDone
		}
		m := Mark{Seance: a.Seance.ID, Pupil: a.Pupil, Kind: a.Kind, Minutes: a.Minutes, By: login, At: now}
		if a.Mark != nil {
			m = *a.Mark
		}
		j := *a.Justification
		j.Valid, j.Overruled, j.By, j.At = valid, true, login, now
		m.Justification = &j
		return &m, verdictDone
	})
}

// Requalify changes the absences shown into marks of another kind (the
// absences of a school trip become outings: present outside the school), in
// one transaction and one undoable action. Latenesses are left (Left); a
// motive already given stays on the mark.
func (s *Service) Requalify(shown []Shown, kind MarkKind) (BulkOutcome, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return BulkOutcome{}, err
	}
	if err := pol.Require(PermEditMarks); err != nil {
		return BulkOutcome{}, err
	}
	switch kind {
	case KindOuting, KindExempt, KindInfirmary, KindExcluded:
	default:
		return BulkOutcome{}, Invalid("une absence ne peut devenir « %s » d'un coup", kind.Label())
	}
	now, login := s.now().In(dir.Location()), s.actor.Login
	return s.editShown(dir, "requalifié : "+kind.Label(), shown, func(_ Shown, a Attendance) (*Mark, bulkVerdict) {
		if a.Kind != KindAbsent {
			return nil, verdictLeft
		}
		m := Mark{Seance: a.Seance.ID, Pupil: a.Pupil, Kind: kind, By: login, At: now}
		if a.Mark != nil {
			m.Justification = a.Mark.Justification
		}
		return &m, verdictDone
	})
}

// bulkVerdict is what an action makes of one record it was shown.
type bulkVerdict uint8

const (
	// verdictDone: the record is as the action wants it (the mark returned,
	// nil for no change, is written when it differs).
	verdictDone bulkVerdict = iota
	// verdictLeft: the action does not apply to it.
	verdictLeft
	// verdictKept: it has a motive the action would replace unasked.
	verdictKept
)

// editShown is the one way a user's action on a selection changes marks:
// inside one transaction it reads each record shown again, leaves those to
// come and those changed since they were shown, asks change for the others,
// writes what differs, and records the action for undo. change must be a
// pure function of its arguments (the transaction may run twice).
func (s *Service) editShown(dir *Directory, verb string, shown []Shown, change func(Shown, Attendance) (*Mark, bulkVerdict)) (BulkOutcome, error) {
	now := s.now()
	var out BulkOutcome
	action, err := s.act(verb, func(tx Tx, a *Action) error {
		out = BulkOutcome{}
		for _, x := range shown {
			cur, before, err := attendanceIn(tx, dir, x.Key, now)
			if err != nil {
				return err
			}
			if cur.Upcoming || !x.Matches(cur) || !Missed(cur) {
				out.leave(x, cur)
				continue
			}
			after, verdict := change(x, cur)
			if verdict == verdictDone && after != nil && !sameValue(before, after) {
				if err := putMark(tx, x.Key, after); err != nil {
					return err
				}
				a.Marks = append(a.Marks, MarkEdit{Key: x.Key, Before: before, After: after})
			}
			out.count(verdict, cur)
		}
		return nil
	})
	out.Action = action
	return out, err
}

// leave records a record shown that the action does not touch: to come, or
// changed since it was shown.
func (o *BulkOutcome) leave(x Shown, cur Attendance) {
	switch {
	case !x.Matches(cur):
		o.Changed = append(o.Changed, cur)
	case cur.Upcoming:
		o.Left.Upcoming++
	}
}

func (o *BulkOutcome) count(v bulkVerdict, a Attendance) {
	switch v {
	case verdictDone:
		o.Done.Add(a.Kind)
	case verdictLeft:
		o.Left.Add(a.Kind)
	case verdictKept:
		o.Kept = addGiven(o.Kept, a.Kind, a.Justification)
	}
}

// Add counts one more absence, or lateness when kind is KindLate.
func (s *Selection) Add(kind MarkKind) {
	if kind == KindLate {
		s.Lates++
	} else {
		s.Absences++
	}
}

// addGiven adds one absence (or lateness) of kind with motive j to its group.
func addGiven(gs []Given, kind MarkKind, j *Justification) []Given {
	i := slices.IndexFunc(gs, func(g Given) bool { return g.By == j.By && g.Label == j.Label })
	if i < 0 {
		i = len(gs)
		gs = append(gs, Given{By: j.By, Label: j.Label})
	}
	if kind == KindLate {
		gs[i].Lates++
	} else {
		gs[i].Absences++
	}
	return gs
}

// attendanceIn resolves a (séance, pupil) pair as stored now, at the clock
// now: the attendance and the stored mark (nil if none).
func attendanceIn(tx ReadTx, dir *Directory, k MarkKey, now time.Time) (Attendance, *Mark, error) {
	se, ok := dir.Seance(k.Seance)
	if !ok {
		return Attendance{}, nil, NotFound("séance %s introuvable", k.Seance)
	}
	cur, had, err := tx.Mark(k)
	if err != nil {
		return Attendance{}, nil, err
	}
	notices, err := tx.NoticesOfPupil(k.Pupil)
	if err != nil {
		return Attendance{}, nil, err
	}
	before := ptrIf(cur, had)
	loc := dir.Location()
	return Resolve(se, k.Pupil, before, notices, loc).At(now, loc), before, nil
}
