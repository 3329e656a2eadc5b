package model

import (
	"slices"
	"strings"
)

// AddClosure adds a local closure to the school's calendar (administrator),
// audited with the school (« fermeture »): no séance takes place from From
// to To, both included. It must begin after today, so that no past séance,
// mark or count changes, and lie inside the school year.
func (s *Service) AddClosure(h Holiday) error {
	dir, err := s.requireSetup()
	if err != nil {
		return err
	}
	h.Name = strings.TrimSpace(h.Name)
	if err := CheckField("nom de la fermeture", h.Name, Plain); err != nil {
		return err
	}
	school := dir.School
	today := DateOf(s.now().In(school.Location()))
	switch {
	case h.Name == "":
		return invalid("fermeture sans nom")
	case h.To.Before(h.From):
		return invalid("fermeture %s : fin le %s avant le début le %s", h.Name, h.To.French(), h.From.French())
	case !today.Before(h.From):
		return invalid("fermeture %s : elle doit commencer après aujourd'hui (%s), le passé ne change pas", h.Name, today.French())
	case h.From.Before(school.YearStart) || school.YearEnd.Before(h.To):
		return invalid("fermeture %s hors de l'année scolaire (%s → %s)", h.Name, school.YearStart.French(), school.YearEnd.French())
	case slices.ContainsFunc(school.Holidays, func(x Holiday) bool { return strings.EqualFold(x.Name, h.Name) }):
		return invalid("une période sans cours s'appelle déjà %s", h.Name)
	}
	school.Holidays = append(slices.Clone(school.Holidays), h)
	slices.SortStableFunc(school.Holidays, func(a, b Holiday) int { return a.From.Compare(b.From) })
	_, err = s.update("fermeture", func(tx Tx) error { return tx.PutSchool(school) })
	return err
}

// RemoveClosure takes a period without courses off the calendar by its name
// (administrator, audited « fermeture retirée »); only one that begins after
// today, so that the past never changes.
func (s *Service) RemoveClosure(name string) error {
	dir, err := s.requireSetup()
	if err != nil {
		return err
	}
	school := dir.School
	i := slices.IndexFunc(school.Holidays, func(x Holiday) bool { return strings.EqualFold(x.Name, strings.TrimSpace(name)) })
	if i < 0 {
		return NotFound("aucune période sans cours ne s'appelle %q", Visible(name))
	}
	today := DateOf(s.now().In(school.Location()))
	if !today.Before(school.Holidays[i].From) {
		return invalid("%s a commencé le %s : le passé ne change pas", school.Holidays[i].Name, school.Holidays[i].From.French())
	}
	school.Holidays = slices.Delete(slices.Clone(school.Holidays), i, i+1)
	_, err = s.update("fermeture retirée", func(tx Tx) error { return tx.PutSchool(school) })
	return err
}
