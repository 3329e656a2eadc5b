package model

// RecordReport records that the pupil was reported to the DASEN for a month
// (2026-11), with an optional note; the store audits it. The law also asks for
// a report without the threshold (a family that gives no motive despite being
// asked), so any month may be recorded, once.
func (s *Service) RecordReport(pupil PupilID, month, note string) (Report, error) {
	dir, err := s.requireReport(pupil, month)
	if err != nil {
		return Report{}, err
	}
	if err := CheckField("note", note, Note); err != nil {
		return Report{}, err
	}
	r := Report{Pupil: pupil, Month: month, By: s.actor.Login, At: s.now().In(dir.Location()), Note: note}
	_, err = s.update("signalement DASEN", func(tx Tx) error {
		if old, ok, err := findReport(tx, pupil, month); err != nil || ok {
			return firstErr(err, Conflict("signalement de %s déjà enregistré pour %s, le %s par %s",
				pupil, month, DateOf(old.At.In(dir.Location())).French(), old.By))
		}
		return tx.PutReport(r)
	})
	if err != nil {
		return Report{}, err
	}
	return r, nil
}

// CancelReport withdraws a report recorded by mistake; the audit log keeps it.
func (s *Service) CancelReport(pupil PupilID, month string) error {
	if _, err := s.requireReport(pupil, month); err != nil {
		return err
	}
	_, err := s.update("signalement DASEN retiré", func(tx Tx) error {
		if _, ok, err := findReport(tx, pupil, month); err != nil || !ok {
			return firstErr(err, NotFound("aucun signalement de %s pour %s", pupil, month))
		}
		return tx.DeleteReport(pupil, month)
	})
	return err
}

// requireReport checks that the actor may record reports, and the pupil and month.
func (s *Service) requireReport(pupil PupilID, month string) (*Directory, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermReport); err != nil {
		return nil, err
	}
	if _, ok := dir.Pupil(pupil); !ok {
		return nil, NotFound("élève %s introuvable", pupil)
	}
	if d, err := ParseDate(month + "-01"); err != nil || d.MonthKey() != month {
		return nil, invalid("mois invalide %q (attendu AAAA-MM)", month)
	}
	return dir, nil
}

func findReport(tx ReadTx, pupil PupilID, month string) (Report, bool, error) {
	reports, err := tx.Reports()
	if err != nil {
		return Report{}, false, err
	}
	for _, r := range reports {
		if r.Pupil == pupil && r.Month == month {
			return r, true, nil
		}
	}
	return Report{}, false, nil
}
