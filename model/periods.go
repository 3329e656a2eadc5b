package model

import (
	"sort"
	"strings"
)

// CheckPeriods reports the first inconsistency of the school's periods
// (trimestres, semestres): a period without name or outside the year, one
// that ends before it starts, two that overlap or share a name.
func CheckPeriods(s School, periods []Period) error {
	if len(periods) == 0 {
		return invalid("aucune période : au moins une (l'année entière)")
	}
	sorted := sortedPeriods(periods)
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

// sortedPeriods returns a copy of periods by start.
func sortedPeriods(periods []Period) []Period {
	out := append([]Period(nil), periods...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].From.Before(out[j].From) })
	return out
}

// SetPeriods replaces the school's periods (trimestres or semestres and
// their dates), audited with the school. Figures do not depend on them:
// only how reports group the year does.
func (s *Service) SetPeriods(periods []Period) error {
	if err := s.Require(PermSetup); err != nil {
		return err
	}
	_, err := s.updateSchool("périodes de l'année", func(school School) (School, error) {
		if err := CheckPeriods(school, periods); err != nil {
			return school, err
		}
		school.Periods = sortedPeriods(periods)
		return school, nil
	})
	return err
}

// PeriodLine writes a period as ParsePeriodLine reads it:
// « Trimestre 1 ; 01/09/2026 ; 04/12/2026 ».
func PeriodLine(p Period) string { return p.Name + " ; " + p.From.French() + " ; " + p.To.French() }

// ParsePeriodLine reads « NOM ; DÉBUT ; FIN », dates as JJ/MM/AAAA or
// AAAA-MM-JJ.
func ParsePeriodLine(line string) (Period, error) {
	parts := strings.Split(line, ";")
	if len(parts) != 3 {
		return Period{}, invalid("période %q : attendu « NOM ; JJ/MM/AAAA ; JJ/MM/AAAA »", Visible(line))
	}
	from, err1 := ParseDate(parts[1])
	to, err2 := ParseDate(parts[2])
	if err1 != nil || err2 != nil {
		return Period{}, invalid("période %q : dates illisibles (JJ/MM/AAAA)", Visible(line))
	}
	return Period{Name: strings.TrimSpace(parts[0]), From: from, To: to}, nil
}
