package model

import "sort"

// CheckPeriods reports the first inconsistency of the school's periods
// (trimestres, semestres): a period without name or outside the year, one
// that ends before it starts, two that overlap or share a name.
func CheckPeriods(s School, periods []Period) error {
	if len(periods) == 0 {
		return invalid("aucune période : au moins une (l'année entière)")
	}
	sorted := append([]Period(nil), periods...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].From.Before(sorted[j].From) })
	names := map[string]bool{}
	for i, p := range sorted {
		if err := CheckField("nom de la période", p.Name, Plain); err != nil {
			return err
		}
		key := FoldAccents(p.Name)
		switch {
		case p.Name == "":
			return invalid("période sans nom (du %s au %s)", p.From.French(), p.To.French())
		case names[key]:
			return invalid("période « %s » donnée deux fois", p.Name)
		case p.To.Before(p.From):
			return invalid("période « %s » : le %s précède le %s", p.Name, p.To.French(), p.From.French())
		case p.From.Before(s.YearStart) || s.YearEnd.Before(p.To):
			return invalid("période « %s » hors de l'année scolaire (%s → %s)", p.Name, s.YearStart.French(), s.YearEnd.French())
		case i > 0 && !sorted[i-1].To.Before(p.From):
			return invalid("périodes « %s » et « %s » se chevauchent", sorted[i-1].Name, p.Name)
		}
		names[key] = true
	}
	return nil
}

// SetPeriods replaces the school's periods (trimestres or semestres and
// their dates), audited with the school. Figures do not depend on them:
// only how reports group the year does.
func (s *Service) SetPeriods(periods []Period) error {
	if err := s.Require(PermSetup); err != nil {
		return err
	}
	dir, err := s.store.Directory()
	if err != nil {
		return err
	}
	if err := CheckPeriods(dir.School, periods); err != nil {
		return err
	}
	sorted := append([]Period(nil), periods...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].From.Before(sorted[j].From) })
	_, err = s.update("périodes de l'année", func(tx Tx) error {
		school := dir.School
		school.Periods = sorted
		return tx.PutSchool(school)
	})
	return err
}
