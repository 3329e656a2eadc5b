package model

import (
	"slices"
	"time"
)

// Outcome is what a program's mass action did (Justify).
type Outcome struct {
	Action Action
	// Touched counts the records changed; Skipped the selected ones left as they
	// were (present, to come, or already so).
	Touched, Skipped int
}

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

// MotiveRequest is a motive key pressed on a selection.
type MotiveRequest struct {
	// Shown are the absences and latenesses as the screen showed them.
	Shown []Shown
	// Code is the motive's code; "" removes the motive.
	Code string
	// Replace replaces the motives already given (Replaced): set it only
	// when the user said so.
	Replace bool
}

// ApplyMotive gives the offered motive with code req.Code ("" removes it) to
// the absences and latenesses shown, in one transaction and one undoable
// action. In the transaction, each one is read again: one that someone
// changed since it was shown is left alone (Changed); one that already has
// another motive is replaced only with req.Replace (else Kept); one whose
// séance has not begun is left to the announced absence (Left.Upcoming).
// Absences that only an announced absence makes get a mark of their own;
// marks keep who entered them, the justification records who gave the motive.
func (s *Service) ApplyMotive(req MotiveRequest) (BulkOutcome, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return BulkOutcome{}, err
	}
	if err := pol.Require(PermJustify); err != nil {
		return BulkOutcome{}, err
	}
	motive, verb, err := offeredMotive(dir, req.Code)
	if err != nil {
		return BulkOutcome{}, err
	}
	now, login := s.now().In(dir.Location()), s.actor.Login
	return s.editShown(dir, verb, req.Shown, motiveChange(req, motive, login, now))
}

// Justify applies the offered motive with that code to every absence and
// lateness among keys whose séance has begun, in one transaction and one
// undoable action; code "" removes the motive. It replaces any motive given
// before: it is for programs that write a history (the demo, tests); screens
// use ApplyMotive, which never replaces unasked.
func (s *Service) Justify(keys []MarkKey, code string) (Outcome, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Outcome{}, err
	}
	if err := pol.Require(PermJustify); err != nil {
		return Outcome{}, err
	}
	motive, verb, err := offeredMotive(dir, code)
	if err != nil {
		return Outcome{}, err
	}
	now, login := s.now().In(dir.Location()), s.actor.Login
	action, err := s.editMarks(dir, verb, keys, now, func(a Attendance) (*Mark, bool) {
		return justified(a, motive, login, now)
	})
	return Outcome{Action: action, Touched: action.Size(), Skipped: len(keys) - action.Size()}, err
}

// offeredMotive returns the motive that code names (nil for "": no motive)
// and the verb that audits its application.
func offeredMotive(dir *Directory, code string) (*Motive, string, error) {
	if code == "" {
		return nil, "motif retiré", nil
	}
	m, ok := dir.MotiveByCode(code)
	if !ok || m.Retired {
		return nil, "", NotFound("motif %q inconnu ou retiré", code)
	}
	return &m, "motif : " + m.Label, nil
}

// justified returns the mark that gives a the motive (nil: removes it), and
// false when there is nothing to write: not an absence or a lateness, a
// séance to come, no motive to remove, or the same motive already.
func justified(a Attendance, motive *Motive, login string, now time.Time) (*Mark, bool) {
	if !Missed(a) || a.Upcoming {
		return nil, false
	}
	if a.Mark == nil && motive == nil {
		return nil, false
	}
	if motive != nil && a.Mark != nil && a.Mark.Justification != nil &&
		a.Mark.Justification.Motive == motive.Code && !a.Mark.Justification.Overruled {
		return nil, false
	}
	m := Mark{Seance: a.Seance.ID, Pupil: a.Pupil, Kind: a.Kind, Minutes: a.Minutes, By: login, At: now}
	if a.Mark != nil {
		m = *a.Mark
	}
	m.Justification = nil
	if motive != nil {
		m.Justification = motive.Justify(login, now)
	}
	return &m, true
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
