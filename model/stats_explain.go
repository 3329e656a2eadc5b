package model

// ExplainPupil explains a pupil's figures from from to to (both included) at
// the service's clock, for the statistics' readers: his figures (FiguresAt),
// whose Explanation lists the half-days with something recorded, each with its
// séances and what it counts for — what a CPE shows a family who disputes a count.
func (s *Service) ExplainPupil(id PupilID, from, to Date) (PupilFigures, error) {
	_, pol, err := s.Session()
	if err != nil {
		return PupilFigures{}, err
	}
	if err := pol.Require(PermStats); err != nil {
		return PupilFigures{}, err
	}
	return s.PupilFigures(id, from, to)
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
