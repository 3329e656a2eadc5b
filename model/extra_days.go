package model

import (
	"slices"
	"strings"
)

// ExtraDaySeances returns the séances that an extra day would have, seen
// with the school as it stands, without writing anything: what the
// administrator reads before adding it.
func (s *Service) ExtraDaySeances(x ExtraDay) ([]Seance, error) {
	dir, err := s.requireSetup()
	if err != nil {
		return nil, err
	}
	school, err := s.withExtraDay(dir.School, x)
	if err != nil {
		return nil, err
	}
	return dir.withSchool(school).SeancesOn(x.Date), nil
}

// AddExtraDay adds a date with courses outside the usual week (administrator,
// audited « jour de cours ajouté »): the timetable of the weekday it follows
// runs that date. It must come after today and lie inside the year.
func (s *Service) AddExtraDay(x ExtraDay) error {
	if _, err := s.requireSetup(); err != nil {
		return err
	}
	_, err := s.updateSchool("jour de cours ajouté", func(school School) (School, error) { return s.withExtraDay(school, x) })
	return err
}

// RemoveExtraDay takes an extra day that has not come yet off the calendar
// (audited « jour de cours retiré »).
func (s *Service) RemoveExtraDay(d Date) error {
	if _, err := s.requireSetup(); err != nil {
		return err
	}
	_, err := s.updateSchool("jour de cours retiré", func(school School) (School, error) {
		i := slices.IndexFunc(school.ExtraDays, func(x ExtraDay) bool { return x.Date == d })
		if i < 0 {
			return school, NotFound("aucun jour de cours ajouté le %s", d.French())
		}
		if today := s.todayIn(school.Location()); !today.Before(d) {
			return school, invalid("le %s est passé ou en cours : le passé ne change pas", d.French())
		}
		school.ExtraDays = slices.Delete(slices.Clone(school.ExtraDays), i, i+1)
		return school, nil
	})
	return err
}

// withExtraDay checks x against the school and returns the school with it.
func (s *Service) withExtraDay(school School, x ExtraDay) (School, error) {
	x.Name = strings.TrimSpace(x.Name)
	if err := CheckField("nom du jour de cours", x.Name, Plain); err != nil {
		return school, err
	}
	today := s.todayIn(school.Location())
	_, usual := school.TimetableDay(x.Date)
	switch {
	case x.Name == "":
		return school, invalid("jour de cours sans nom (par exemple « rattrapage du pont de l'Ascension »)")
	case !today.Before(x.Date):
		return school, invalid("le %s doit venir après aujourd'hui (%s) : le passé ne change pas", x.Date.French(), today.French())
	case !x.Date.Within(school.YearStart, school.YearEnd):
		return school, invalid("le %s est hors de l'année scolaire (%s → %s)", x.Date.French(), school.YearStart.French(), school.YearEnd.French())
	case usual:
		return school, invalid("le %s est déjà un jour de cours", x.Date.French())
	case !school.On(x.Date).HasWeekday(x.Follows):
		return school, invalid("le %s n'est pas un jour de cours : l'emploi du temps suivi doit être celui d'un jour de la semaine de cours", FrenchWeekday(x.Follows))
	}
	school.ExtraDays = append(slices.Clone(school.ExtraDays), x)
	slices.SortFunc(school.ExtraDays, func(a, b ExtraDay) int { return a.Date.Compare(b.Date) })
	return school, nil
}
