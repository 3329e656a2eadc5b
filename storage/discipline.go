package storage

import "appel/model"

// Incidents returns every incident, by identifier.
func (r reader) Incidents() ([]model.Incident, error) { return all[model.Incident](r, bIncidents) }

// Punishments returns every punishment, by identifier.
func (r reader) Punishments() ([]model.Punishment, error) {
	return all[model.Punishment](r, bPunishments)
}

// Detentions returns every detention session, by identifier.
func (r reader) Detentions() ([]model.DetentionSession, error) {
	return all[model.DetentionSession](r, bDetentions)
}

// Sanctions returns every sanction, by identifier.
func (r reader) Sanctions() ([]model.Sanction, error) { return all[model.Sanction](r, bSanctions) }

// DisciplineList returns the stored list of that name.
func (r reader) DisciplineList(name string) ([]model.DisciplineKind, bool, error) {
	return get[[]model.DisciplineKind](r, bDisciplineLists, []byte(name))
}

// PutIncident stores an incident after checking it.
func (t *tx) PutIncident(i model.Incident) error {
	if err := i.Validate(); err != nil {
		return err
	}
	t.touchPupils(i.Pupils()...)
	return t.putID(eIncident, i.ID, i)
}

// DeleteIncident removes an incident.
func (t *tx) DeleteIncident(id string) error { return t.delID(eIncident, id) }

// PutPunishment stores a punishment after checking it.
func (t *tx) PutPunishment(p model.Punishment) error {
	if err := p.Validate(); err != nil {
		return err
	}
	t.touchPupils(p.Pupil)
	return t.putID(ePunishment, p.ID, p)
}

// DeletePunishment removes a punishment.
func (t *tx) DeletePunishment(id string) error { return t.delID(ePunishment, id) }

// PutDetention stores a detention session after checking it.
func (t *tx) PutDetention(d model.DetentionSession) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return t.putID(eDetention, d.ID, d)
}

// DeleteDetention removes a detention session.
func (t *tx) DeleteDetention(id string) error { return t.delID(eDetention, id) }

// PutSanction stores a sanction after checking it against R511-13.
func (t *tx) PutSanction(s model.Sanction) error {
	if err := s.Validate(); err != nil {
		return err
	}
	t.touchPupils(s.Pupil)
	return t.putID(eSanction, s.ID, s)
}

// DeleteSanction removes a sanction.
func (t *tx) DeleteSanction(id string) error { return t.delID(eSanction, id) }

// PutDisciplineList stores a whole list of kinds after checking it.
func (t *tx) PutDisciplineList(name string, list []model.DisciplineKind) error {
	if name != model.ListIncidentKinds && name != model.ListPunishmentKinds {
		return model.NotFound("liste %q inconnue", name)
	}
	if err := model.ValidateKinds(list); err != nil {
		return err
	}
	return t.putID(eDiscipline, name, list)
}

func (t *tx) touchPupils(ids ...model.PupilID) {
	for _, id := range ids {
		if id != "" {
			t.touchPupil(id)
		}
	}
}
