package model

import (
	"slices"
	"strings"
)

// ClosurePreview checks a closure as AddClosure would and returns how many
// séances it would cancel, writing nothing.
func (s *Service) ClosurePreview(h Holiday) (int, error) {
	dir, err := s.requireSetup()
	if err != nil {
		return 0, err
	}
	if _, err := s.withClosure(dir.School, h); err != nil {
		return 0, err
	}
	n := 0
	for _, se := range dir.SeancesBetween(h.From, h.To) {
		if !se.Cancelled {
			n++
		}
	}
	return n, nil
}

// AddClosure adds a local closure to the school's calendar (administrator),
// audited with the school (« fermeture »): no séance takes place from From
// to To, both included. It must begin after today, so that no past séance,
// mark or count changes, and lie inside the school year.
func (s *Service) AddClosure(h Holiday) error {
	if _, err := s.requireSetup(); err != nil {
		return err
	}
	_, err := s.updateSchool("fermeture", func(school School) (School, error) { return s.withClosure(school, h) })
	return err
}

// withClosure checks h against the school and returns the school with it.
func (s *Service) withClosure(school School, h Holiday) (School, error) {
	h.Name = strings.TrimSpace(h.Name)
	if err := CheckField("nom de la fermeture", h.Name, Plain); err != nil {
		return school, err
	}
	today := s.todayIn(school.Location())
	switch {
	case h.Name == "":
		return school, invalid("fermeture sans nom")
	case h.To.Before(h.From):
		return school, invalid("fermeture %s : fin le %s avant le début le %s", h.Name, h.To.French(), h.From.French())
	case !today.Before(h.From):
		return school, invalid("fermeture %s : elle doit commencer après aujourd'hui (%s), le passé ne change pas", h.Name, today.French())
	case h.From.Before(school.YearStart) || school.YearEnd.Before(h.To):
		return school, invalid("fermeture %s hors de l'année scolaire (%s → %s)", h.Name, school.YearStart.French(), school.YearEnd.French())
	case slices.ContainsFunc(school.Holidays, func(x Holiday) bool { return strings.EqualFold(x.Name, h.Name) }):
		return school, invalid("une période sans cours s'appelle déjà %s", h.Name)
	}
	school.Holidays = append(slices.Clone(school.Holidays), h)
	slices.SortStableFunc(school.Holidays, func(a, b Holiday) int { return a.From.Compare(b.From) })
	return school, nil
}

// RemoveClosure takes a period without courses off the calendar by its name
// (administrator, audited « fermeture retirée »); only one that begins after
// today, so that the past never changes.
func (s *Service) RemoveClosure(name string) error {
	if _, err := s.requireSetup(); err != nil {
		return err
	}
	_, err := s.updateSchool("fermeture retirée", func(school School) (School, error) {
		i := slices.IndexFunc(school.Holidays, func(x Holiday) bool { return strings.EqualFold(x.Name, strings.TrimSpace(name)) })
		if i < 0 {
			return school, NotFound("aucune période sans cours ne s'appelle %q", Visible(name))
		}
		today := s.todayIn(school.Location())
		if !today.Before(school.Holidays[i].From) {
			return school, invalid("%s a commencé le %s : le passé ne change pas", school.Holidays[i].Name, school.Holidays[i].From.French())
		}
		school.Holidays = slices.Delete(slices.Clone(school.Holidays), i, i+1)
		return school, nil
	})
	return err
}
