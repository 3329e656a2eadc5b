package model

import "time"

// Outcome is what a program's mass action did (Justify).
type Outcome struct {
	Action Action
	// Touched counts the records changed; Skipped the selected ones left as they
	// were (present, to come, or already so).
	Touched, Skipped int
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

// motiveChange is what ApplyMotive does to one record shown.
func motiveChange(req MotiveRequest, motive *Motive, login string, now time.Time) func(Shown, Attendance) (*Mark, bulkVerdict) {
	return func(x Shown, a Attendance) (*Mark, bulkVerdict) {
		if x.Replaces(req.Code) && !req.Replace {
			return nil, verdictKept
		}
		m, _ := justified(a, motive, login, now)
		return m, verdictDone
	}
}
