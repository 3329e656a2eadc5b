package model

import "time"

// Arrival is a pupil at the gate and the séance he would be late for now.
type Arrival struct {
	Pupil Pupil
	// Seance is the séance under way for him now; nil when none is.
	Seance *Seance
	// Minutes is how late he is for it.
	Minutes int
}

// GateSearch finds the pupils whose name matches query (best matches first,
// at most limit) with the séance under way for each of them.
func (s *Service) GateSearch(query string, limit int) ([]Arrival, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermJustify); err != nil {
		return nil, err
	}
	now := s.now().In(dir.Location())
	pupils := dir.FindPupils(query, limit)
	out := make([]Arrival, len(pupils))
	for i, p := range pupils {
		out[i] = arrivalOf(dir, p, now)
	}
	return out, nil
}

func arrivalOf(dir *Directory, p Pupil, now time.Time) Arrival {
	a := Arrival{Pupil: p}
	clock := ClockOf(now)
	for _, se := range dir.PupilSeances(p, DateOf(now), DateOf(now)) {
		if !se.Cancelled && se.Start <= clock && clock < se.End {
			a.Seance = &se
			a.Minutes = int(now.Sub(se.Date.Time(se.Start, dir.Location())).Minutes())
			return a
		}
	}
	return a
}

// RecordArrival records that a pupil arrives now, late for the séance under
// way for him (minutes from its start), with the motive that code names ("":
// keep the motive the mark had). It is one undoable action.
func (s *Service) RecordArrival(pupil PupilID, code string) (Arrival, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Arrival{}, err
	}
	if err := pol.Require(PermJustify); err != nil {
		return Arrival{}, err
	}
	p, ok := dir.Pupil(pupil)
	if !ok {
		return Arrival{}, NotFound("élève %s introuvable", pupil)
	}
	motive, _, err := offeredMotive(dir, code)
	if err != nil {
		return Arrival{}, err
	}
	now := s.now().In(dir.Location())
	arr := arrivalOf(dir, p, now)
	if arr.Seance == nil {
		return arr, Invalid("aucune séance en cours pour %s : pas de retard à enregistrer", p.FullName())
	}
	login := s.actor.Login
	key := MarkKey{arr.Seance.ID, p.ID}
	_, err = s.editMarks(dir, "retard au portail", []MarkKey{key}, now, func(a Attendance) (*Mark, bool) {
		m := Mark{Seance: key.Seance, Pupil: key.Pupil, Kind: KindLate, Minutes: min(arr.Minutes, 600), By: login, At: now}
		if a.Mark != nil {
			m.Justification = a.Mark.Justification
		}
		if motive != nil {
			m.Justification = motive.Justify(login, now)
		}
		return &m, true
	})
	return arr, err
}
