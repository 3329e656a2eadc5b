package model

import (
	"fmt"
	"time"
)

// DaySeances returns every séance of day with the state of its roll call, in
// time order.
func (s *Service) DaySeances(day Date) ([]SeanceStatus, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermReadAttendance); err != nil {
		return nil, err
	}
	seances := dir.SeancesOn(day)
	out := make([]SeanceStatus, len(seances))
	err = s.store.View(func(tx ReadTx) error {
		marks, notices, calls, err := dayData(tx, dir, day)
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

// Missing reports whether the séance's roll call is due at now and not done:
// the séance took place (not cancelled) and has started.
func (st SeanceStatus) Missing(now time.Time) bool {
	se := st.Seance
	return !se.Cancelled && st.Done == nil && !se.Date.Time(se.Start, now.Location()).After(now)
}

// MissingRollCalls returns the séances of day, under way or past at the
// clock's time, whose roll call is not done.
func (s *Service) MissingRollCalls(day Date) ([]SeanceStatus, error) {
	all, err := s.DaySeances(day)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	var out []SeanceStatus
	for _, st := range all {
		if st.Missing(now) {
			out = append(out, st)
		}
	}
	return out, nil
}

// CallTakers returns who takes the séance's roll call: the substitute when
// there is one, else its teachers.
func (se Seance) CallTakers() []string {
	if se.Substitute != "" {
		return []string{se.Substitute}
	}
	return se.Teachers
}

// Remind sends the teachers of a séance a reminder to take its roll call; it
// appears in their open sessions, and is kept until they read it (at their
// next login if none is open). It returns who was reminded.
func (s *Service) Remind(id SeanceID) ([]string, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermRemind); err != nil {
		return nil, err
	}
	se, ok := dir.Seance(id)
	if !ok {
		return nil, NotFound("séance %s introuvable", id)
	}
	to := se.CallTakers()
	if len(to) == 0 {
		return nil, Invalid("séance sans enseignant : personne à relancer")
	}
	text := fmt.Sprintf("appel non fait : %s, %s. Merci de le faire.", se.Label(), se.Date.French())
	now := s.now().In(dir.Location())
	_, err = s.update("rappel d'appel", func(tx Tx) error {
		for _, login := range to {
			if err := tx.Notify(Notification{To: login, From: s.actor.Login, Text: text, Seance: id, At: now}); err != nil {
				return err
			}
		}
		return nil
	})
	return to, err
}
