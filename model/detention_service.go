package model

import (
	"cmp"
	"slices"
	"strings"
)

// nextFreeDetention returns the first session from day on (by date, then
// start) with room for one more pupil and whose roll call is not taken.
func nextFreeDetention(tx ReadTx, punishments []Punishment, day Date) (DetentionSession, bool, error) {
	sessions, err := tx.Detentions()
	if err != nil {
		return DetentionSession{}, false, err
	}
	sortDetentions(sessions)
	for _, d := range sessions {
		if d.Date.Before(day) || d.Taken() {
			continue
		}
		if d.Capacity == 0 || len(placedIn(punishments, d.ID)) < d.Capacity {
			return d, true, nil
		}
	}
	return DetentionSession{}, false, nil
}

func sortDetentions(list []DetentionSession) {
	slices.SortFunc(list, func(a, b DetentionSession) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Start, b.Start), strings.Compare(a.ID, b.ID))
	})
}

// placedIn returns the retenues placed in session id.
func placedIn(punishments []Punishment, id string) []Punishment {
	var out []Punishment
	for _, p := range punishments {
		if p.Kind == PunishDetention && p.Detention == id {
			out = append(out, p)
		}
	}
	return out
}

// PlanDetention plans a detention session (the vie scolaire): its
// identifier is set here.
func (s *Service) PlanDetention(d DetentionSession) (DetentionSession, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return d, err
	}
	if err := pol.Require(PermDiscipline); err != nil {
		return d, err
	}
	d.Room = strings.TrimSpace(d.Room)
	if err := CheckField("salle", d.Room, Plain); err != nil {
		return d, err
	}
	if _, ok := dir.Account(d.Supervisor); !ok && !s.system {
		return d, NotFound("surveillant %q : compte inconnu", Visible(d.Supervisor))
	}
	d.Absent, d.TakenBy = nil, ""
	_, err = s.update("retenue planifiée", func(tx Tx) error {
		all, err := tx.Detentions()
		if err != nil {
			return err
		}
		d.ID = nextID("ret", d.Date, idTaken(all, func(x DetentionSession) string { return x.ID }))
		if err := d.Validate(); err != nil {
			return err
		}
		return tx.PutDetention(d)
	})
	return d, err
}

// DetentionSheet is a detention session with the pupils placed in it.
type DetentionSheet struct {
	Session DetentionSession
	// Placed are the retenues placed in the session, with their pupils.
	Placed []Punishment
	Pupils []Pupil
}

// Absent reports whether the roll call marks pupil absent.
func (d DetentionSheet) Absent(p PupilID) bool { return slices.Contains(d.Session.Absent, p) }

// Detentions returns the sessions from day on (every one with a zero day)
// that the actor may see: all with PermDiscipline, else those it supervises.
func (s *Service) Detentions(from Date) ([]DetentionSheet, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermIncident); err != nil {
		return nil, err
	}
	var sessions []DetentionSession
	var puns []Punishment
	err = s.store.View(func(tx ReadTx) error {
		if sessions, err = tx.Detentions(); err != nil {
			return err
		}
		puns, err = tx.Punishments()
		return err
	})
	if err != nil {
		return nil, err
	}
	sortDetentions(sessions)
	var out []DetentionSheet
	for _, d := range sessions {
		if (from.IsZero() || !d.Date.Before(from)) && (pol.Allows(PermDiscipline) || d.Supervisor == s.actor.Login) {
			out = append(out, detentionSheet(dir, d, puns))
		}
	}
	return out, nil
}

func detentionSheet(dir *Directory, d DetentionSession, puns []Punishment) DetentionSheet {
	sh := DetentionSheet{Session: d, Placed: placedIn(puns, d.ID)}
	for _, p := range sh.Placed {
		if pupil, ok := dir.Pupil(p.Pupil); ok {
			sh.Pupils = append(sh.Pupils, pupil)
		} else {
			sh.Pupils = append(sh.Pupils, Pupil{ID: p.Pupil, LastName: string(p.Pupil)})
		}
	}
	return sh
}

// Detention returns one session's sheet.
func (s *Service) Detention(id string) (DetentionSheet, error) {
	list, err := s.Detentions(Date{})
	if err != nil {
		return DetentionSheet{}, err
	}
	for _, d := range list {
		if d.Session.ID == id {
			return d, nil
		}
	}
	return DetentionSheet{}, NotFound("retenue %s introuvable", Visible(id))
}

// PlaceInDetention places a retenue in a session ("" for the next one with
// room from the punishment's day on).
func (s *Service) PlaceInDetention(punishment, session string) (Punishment, error) {
	_, pol, err := s.Session()
	if err != nil {
		return Punishment{}, err
	}
	if err := pol.Require(PermDiscipline); err != nil {
		return Punishment{}, err
	}
	var out Punishment
	_, err = s.update("retenue placée", func(tx Tx) error {
		puns, err := tx.Punishments()
		if err != nil {
			return err
		}
		i := slices.IndexFunc(puns, func(x Punishment) bool { return x.ID == punishment })
		if i < 0 {
			return NotFound("punition %s introuvable", Visible(punishment))
		}
		out = puns[i]
		if out.Kind != PunishDetention {
			return invalid("seule une retenue se place dans une séance de retenue")
		}
		d, err := pickDetention(tx, puns, out, session)
		if err != nil {
			return err
		}
		out.Detention = d.ID
		return tx.PutPunishment(out)
	})
	return out, err
}

func pickDetention(tx ReadTx, puns []Punishment, p Punishment, session string) (DetentionSession, error) {
	if session == "" {
		d, ok, err := nextFreeDetention(tx, puns, p.Date)
		if err == nil && !ok {
			err = NotFound("aucune séance de retenue libre à partir du %s", p.Date.French())
		}
		return d, err
	}
	all, err := tx.Detentions()
	if err != nil {
		return DetentionSession{}, err
	}
	i := slices.IndexFunc(all, func(x DetentionSession) bool { return x.ID == session })
	if i < 0 {
		return DetentionSession{}, NotFound("retenue %s introuvable", Visible(session))
	}
	return all[i], nil
}

// SetDetentionMark marks a pupil placed in the session absent (KindAbsent)
// or present (KindPresent): the supervisor's roll call, with a séance's keys.
func (s *Service) SetDetentionMark(id string, pupil PupilID, kind MarkKind) (DetentionSheet, error) {
	return s.editDetention(id, "appel de retenue", func(d *DetentionSession, placed []Punishment) error {
		if !slices.ContainsFunc(placed, func(p Punishment) bool { return p.Pupil == pupil }) {
			return NotFound("élève %s absent de la liste de cette retenue", pupil)
		}
		d.Absent = slices.DeleteFunc(d.Absent, func(p PupilID) bool { return p == pupil })
		switch kind {
		case KindPresent:
		case KindAbsent:
			d.Absent = append(d.Absent, pupil)
			slices.Sort(d.Absent)
		default:
			return invalid("en retenue, l'élève est présent ou absent")
		}
		return nil
	}, nil)
}

// TakeDetentionRoll records that the session's roll call was taken: the
// retenues of the pupils present are done, those of the absent are not done
// (to follow up). It may be taken again.
func (s *Service) TakeDetentionRoll(id string) (DetentionSheet, error) {
	return s.editDetention(id, "appel de retenue fait", func(d *DetentionSession, _ []Punishment) error {
		d.TakenBy, d.TakenAt = s.actor.Login, s.Now()
		return nil
	}, func(tx Tx, d DetentionSession, placed []Punishment) error {
		for _, p := range placed {
			p.State = PunishmentDone
			if slices.Contains(d.Absent, p.Pupil) {
				p.State = PunishmentNotDone
			}
			if err := tx.PutPunishment(p); err != nil {
				return err
			}
		}
		return nil
	})
}

// editDetention changes a session as its supervisor or the vie scolaire,
// then runs after (may be nil) in the same transaction.
func (s *Service) editDetention(id, verb string, fn func(*DetentionSession, []Punishment) error,
	after func(Tx, DetentionSession, []Punishment) error) (DetentionSheet, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return DetentionSheet{}, err
	}
	var sheet DetentionSheet
	_, err = s.update(verb, func(tx Tx) error {
		all, err := tx.Detentions()
		if err != nil {
			return err
		}
		i := slices.IndexFunc(all, func(x DetentionSession) bool { return x.ID == id })
		if i < 0 {
			return NotFound("retenue %s introuvable", Visible(id))
		}
		d := all[i]
		if d.Supervisor != s.actor.Login && !pol.Allows(PermDiscipline) {
			return Forbidden("seul le surveillant de la retenue en fait l'appel")
		}
		puns, err := tx.Punishments()
		if err != nil {
			return err
		}
		placed := placedIn(puns, d.ID)
		if err := fn(&d, placed); err != nil {
			return err
		}
		if err := tx.PutDetention(d); err != nil {
			return err
		}
		if after != nil {
			if err := after(tx, d, placed); err != nil {
				return err
			}
		}
		sheet = detentionSheet(dir, d, puns)
		return nil
	})
	return sheet, err
}

// DetentionFollowUps returns the retenues the pupil missed (roll call taken,
// pupil absent), to follow up, for the vie scolaire.
func (s *Service) DetentionFollowUps() ([]Punishment, error) {
	list, err := s.Punishments(DisciplineQuery{Kind: PunishDetention})
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(list, func(p Punishment) bool { return p.State != PunishmentNotDone }), nil
}
