package model

import "time"

// Outcome is what a mass action did.
type Outcome struct {
	Action Action
	// Touched counts the records changed; Skipped the selected ones left as they
	// were (present, or already so).
	Touched, Skipped int
}

// Justify applies the offered motive with that code to every absence and
// lateness among keys, in one transaction and one undoable action; code ""
// removes the motive. Absences that only an announced absence makes get a mark
// of their own. Marks keep who entered them; the justification records who
// gave the motive.
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
	action, err := s.editMarks(dir, verb, keys, func(a Attendance) (*Mark, bool) {
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

func justified(a Attendance, motive *Motive, login string, now time.Time) (*Mark, bool) {
	if a.Kind != KindAbsent && a.Kind != KindLate {
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

// SetValidity decides the validity of absences against their motives' (a
// CPE's overrule). Only justified absences can be overruled.
func (s *Service) SetValidity(keys []MarkKey, valid bool) (Outcome, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Outcome{}, err
	}
	if err := pol.Require(PermOverrule); err != nil {
		return Outcome{}, err
	}
	verb := "validité forcée : non valable"
	if valid {
		verb = "validité forcée : valable"
	}
	now, login := s.now().In(dir.Location()), s.actor.Login
	action, err := s.editMarks(dir, verb, keys, func(a Attendance) (*Mark, bool) {
		if a.Justification == nil || a.Justification.Valid == valid && a.Justification.Overruled {
			return nil, false
		}
		m := Mark{Seance: a.Seance.ID, Pupil: a.Pupil, Kind: a.Kind, Minutes: a.Minutes, By: login, At: now}
		if a.Mark != nil {
			m = *a.Mark
		}
		j := *a.Justification
		j.Valid, j.Overruled, j.By, j.At = valid, true, login, now
		m.Justification = &j
		return &m, true
	})
	return Outcome{Action: action, Touched: action.Size(), Skipped: len(keys) - action.Size()}, err
}
