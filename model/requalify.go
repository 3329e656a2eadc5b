package model

// Requalify changes the absences among keys into marks of another kind (the
// absences of a school trip become outings: present outside the school), in
// one transaction and one undoable action. Other marks are left alone; a
// motive already given stays on the mark.
func (s *Service) Requalify(keys []MarkKey, kind MarkKind) (Outcome, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Outcome{}, err
	}
	if err := pol.Require(PermEditMarks); err != nil {
		return Outcome{}, err
	}
	switch kind {
	case KindOuting, KindExempt, KindInfirmary, KindExcluded:
	default:
		return Outcome{}, Invalid("une absence ne peut devenir « %s » d'un coup", kind.Label())
	}
	now, login := s.now().In(dir.Location()), s.actor.Login
	action, err := s.editMarks(dir, "requalifié : "+kind.Label(), keys, func(a Attendance) (*Mark, bool) {
		if a.Kind != KindAbsent {
			return nil, false
		}
		m := Mark{Seance: a.Seance.ID, Pupil: a.Pupil, Kind: kind, By: login, At: now}
		if a.Mark != nil {
			m.Justification = a.Mark.Justification
		}
		return &m, true
	})
	return Outcome{Action: action, Touched: action.Size(), Skipped: len(keys) - action.Size()}, err
}
