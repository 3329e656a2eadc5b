package model

// PupilExplanation is how one pupil's figures over a period are made: what a
// CPE shows a family who disputes a count.
type PupilExplanation struct {
	Pupil    Pupil
	From, To Date
	// Explanation lists the half-days with something recorded, each with its
	// séances (marks, announced absences, motives, who entered them) and what
	// it counts for; its Totals are the pupil's figures of the statistics.
	Explanation Explanation
	// Months are the figures per calendar month within the period.
	Months []MonthCount
	// Unplaced are the pupil's marks of the period that match none of his
	// séances (the timetable changed after the roll call): they count for nothing.
	Unplaced []Mark
}

// ExplainPupil explains a pupil's figures from from to to (both included),
// from one read of his marks and announced absences.
func (s *Service) ExplainPupil(id PupilID, from, to Date) (PupilExplanation, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return PupilExplanation{}, err
	}
	if err := pol.Require(PermStats); err != nil {
		return PupilExplanation{}, err
	}
	p, ok := dir.Pupil(id)
	if !ok {
		return PupilExplanation{}, NotFound("élève %s introuvable", id)
	}
	if to.Before(from) {
		return PupilExplanation{}, invalid("période invalide : le %s précède le %s", to.French(), from.French())
	}
	var marks []Mark
	var notices []Notice
	err = s.store.View(func(tx ReadTx) error {
		var err error
		if marks, err = tx.MarksOfPupil(id, from, to); err != nil {
			return err
		}
		notices, err = tx.NoticesOfPupil(id)
		return err
	})
	if err != nil {
		return PupilExplanation{}, err
	}
	atts, unplaced := CollectAttendance(dir, []Pupil{p}, from, to, marks, notices)
	e := Explain(id, atts[id], dir.School.Settings)
	if !pol.Allows(PermSeeMotives) {
		e = e.Redacted()
	}
	return PupilExplanation{Pupil: p, From: from, To: to, Explanation: e, Months: e.Months(), Unplaced: unplaced}, nil
}

// FindPupil returns the pupil whose identifier (ELEVE_ID) or INE is ref.
func (d *Directory) FindPupil(ref string) (Pupil, bool) {
	if p, ok := d.Pupil(PupilID(ref)); ok {
		return p, true
	}
	for _, p := range d.Pupils {
		if p.INE != "" && p.INE == ref {
			return p, true
		}
	}
	return Pupil{}, false
}
