package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// DisciplineQuery filters the discipline's lists; zero fields do not filter.
type DisciplineQuery struct {
	Division string
	Kind     string
	Pupil    PupilID
	From, To Date
}

func (q DisciplineQuery) keepDay(d Date) bool {
	return (q.From.IsZero() || !d.Before(q.From)) && (q.To.IsZero() || !d.After(q.To))
}

func (q DisciplineQuery) keepPupils(dir *Directory, day Date, ids ...PupilID) bool {
	if q.Pupil != "" && !slices.Contains(ids, q.Pupil) {
		return false
	}
	if q.Division == "" {
		return true
	}
	for _, id := range ids {
		if p, ok := dir.Pupil(id); ok && p.DivisionOn(day) == q.Division {
			return true
		}
	}
	return false
}

// DisciplineKinds returns a list (ListIncidentKinds, ListPunishmentKinds),
// retired entries included, for any member of staff.
func (s *Service) DisciplineKinds(name string) ([]DisciplineKind, error) {
	_, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if !pol.Allows(PermIncident) && !pol.Allows(PermSetup) {
		return nil, Forbidden("la discipline n'est pas ouverte à votre rôle")
	}
	var list []DisciplineKind
	err = s.store.View(func(tx ReadTx) error {
		list, err = disciplineList(tx, name)
		return err
	})
	return list, err
}

func disciplineList(tx ReadTx, name string) ([]DisciplineKind, error) {
	list, ok, err := tx.DisciplineList(name)
	if err != nil || ok {
		return list, err
	}
	switch name {
	case ListIncidentKinds:
		return slices.Clone(DefaultIncidentKinds), nil
	case ListPunishmentKinds:
		return slices.Clone(DefaultPunishmentKinds), nil
	}
	return nil, NotFound("liste %q inconnue (%s, %s)", Visible(name), ListIncidentKinds, ListPunishmentKinds)
}

// SaveDisciplineKind adds an entry to a list (an unknown or empty code: the
// code is then made from the label) or changes one's label or retirement.
func (s *Service) SaveDisciplineKind(name string, k DisciplineKind) (DisciplineKind, error) {
	_, pol, err := s.Session()
	if err != nil {
		return k, err
	}
	if err := pol.Require(PermSetup); err != nil {
		return k, err
	}
	k.Label = strings.TrimSpace(k.Label)
	if err := CheckField("libellé", k.Label, Plain); err != nil {
		return k, err
	}
	_, err = s.update("liste de discipline", func(tx Tx) error {
		list, err := disciplineList(tx, name)
		if err != nil {
			return err
		}
		if i := slices.IndexFunc(list, func(x DisciplineKind) bool { return x.Code == k.Code }); i >= 0 && k.Code != "" {
			list[i] = k
		} else {
			k.Code = freeKindCode(list, k)
			list = append(list, k)
		}
		if err := ValidateKinds(list); err != nil {
			return err
		}
		return tx.PutDisciplineList(name, list)
	})
	return k, err
}

func freeKindCode(list []DisciplineKind, k DisciplineKind) string {
	base := k.Code
	if base == "" {
		base = motiveSlug(k.Label)
	}
	code := base
	for n := 2; slices.ContainsFunc(list, func(x DisciplineKind) bool { return x.Code == code }); n++ {
		code = fmt.Sprintf("%s-%d", base, n)
	}
	return code
}

// checkKind refuses a code that the list does not offer (unknown or retired).
func checkKind(tx ReadTx, name, code string) error {
	list, err := disciplineList(tx, name)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(list, func(x DisciplineKind) bool { return x.Code == code })
	if i < 0 || list[i].Retired {
		var codes []string
		for _, k := range list {
			if !k.Retired {
				codes = append(codes, k.Code)
			}
		}
		return invalid("nature %q inconnue (%s)", Visible(code), strings.Join(codes, ", "))
	}
	return nil
}

// nextID returns prefix-YYYYMMDD-N, the first N not among taken.
func nextID(prefix string, day Date, taken func(id string) bool) string {
	for n := 1; ; n++ {
		id := fmt.Sprintf("%s-%s-%d", prefix, day.Compact(), n)
		if !taken(id) {
			return id
		}
	}
}

func idTaken[T any](list []T, id func(T) string) func(string) bool {
	return func(x string) bool { return slices.ContainsFunc(list, func(v T) bool { return id(v) == x }) }
}

// ReportIncident records an incident reported by the actor (any member of
// staff). The identifier, the reporter and the time are set here.
func (s *Service) ReportIncident(i Incident) (Incident, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return i, err
	}
	if err := pol.Require(PermIncident); err != nil {
		return i, err
	}
	if err := cleanIncident(dir, &i); err != nil {
		return i, err
	}
	i.By, i.At = s.actor.Login, s.now().In(dir.Location())
	_, err = s.update("incident", func(tx Tx) error {
		if err := checkKind(tx, ListIncidentKinds, i.Kind); err != nil {
			return err
		}
		all, err := tx.Incidents()
		if err != nil {
			return err
		}
		i.ID = nextID("inc", i.Date, idTaken(all, func(x Incident) string { return x.ID }))
		if err := i.Validate(); err != nil {
			return err
		}
		return tx.PutIncident(i)
	})
	return i, err
}

func cleanIncident(dir *Directory, i *Incident) error {
	i.Place, i.Description = strings.TrimSpace(i.Place), strings.TrimSpace(i.Description)
	if err := CheckField("lieu", i.Place, Plain); err != nil {
		return err
	}
	if err := CheckField("description", i.Description, Note); err != nil {
		return err
	}
	for k, x := range i.Involved {
		if x.Pupil != "" {
			if _, ok := dir.Pupil(x.Pupil); !ok {
				return NotFound("élève %s introuvable", x.Pupil)
			}
		}
		i.Involved[k].Staff = strings.TrimSpace(x.Staff)
		if err := CheckField("personnel impliqué", i.Involved[k].Staff, Plain); err != nil {
			return err
		}
	}
	return nil
}

// Incidents returns the incidents q selects that the actor may see, latest first.
func (s *Service) Incidents(q DisciplineQuery) ([]Incident, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermIncident); err != nil {
		return nil, err
	}
	var all []Incident
	if err := s.store.View(func(tx ReadTx) error { all, err = tx.Incidents(); return err }); err != nil {
		return nil, err
	}
	var out []Incident
	for _, i := range all {
		if pol.CanSeeIncident(dir, i) && q.keepDay(i.Date) && (q.Kind == "" || q.Kind == i.Kind) &&
			(q.Pupil == "" && q.Division == "" || q.keepPupils(dir, i.Date, i.Pupils()...)) {
			out = append(out, i)
		}
	}
	slices.SortFunc(out, func(a, b Incident) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(b.Time, a.Time), strings.Compare(b.ID, a.ID))
	})
	return out, nil
}

// Punish gives a pupil a punishment: a teacher to his pupils, the vie
// scolaire and the direction to any. A retenue with no session is placed in
// the next session with room, if there is one.
func (s *Service) Punish(p Punishment) (Punishment, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return p, err
	}
	pupil, ok := dir.Pupil(p.Pupil)
	if !ok {
		return p, NotFound("élève %s introuvable", p.Pupil)
	}
	if !pol.CanPunish(dir, pupil) {
		return p, Forbidden("vous ne pouvez punir que vos élèves")
	}
	p.Reason, p.Report = strings.TrimSpace(p.Reason), strings.TrimSpace(p.Report)
	if err := CheckField("motif", p.Reason, Note); err != nil {
		return p, err
	}
	if err := CheckField("rapport", p.Report, Note); err != nil {
		return p, err
	}
	if p.Date.IsZero() {
		p.Date = s.Today()
	}
	p.By, p.At, p.State = s.actor.Login, s.now().In(dir.Location()), PunishmentToDo
	_, err = s.update("punition", func(tx Tx) error {
		if err := checkKind(tx, ListPunishmentKinds, p.Kind); err != nil {
			return err
		}
		all, err := tx.Punishments()
		if err != nil {
			return err
		}
		p.ID = nextID("pun", p.Date, idTaken(all, func(x Punishment) string { return x.ID }))
		if p.Kind == PunishDetention && p.Detention == "" {
			if d, ok, err := nextFreeDetention(tx, all, p.Date); err != nil {
				return err
			} else if ok {
				p.Detention = d.ID
			}
		}
		if err := p.Validate(); err != nil {
			return err
		}
		return tx.PutPunishment(p)
	})
	return p, err
}

// Punishments returns the punishments q selects that the actor may see,
// latest first.
func (s *Service) Punishments(q DisciplineQuery) ([]Punishment, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermIncident); err != nil {
		return nil, err
	}
	var all []Punishment
	if err := s.store.View(func(tx ReadTx) error { all, err = tx.Punishments(); return err }); err != nil {
		return nil, err
	}
	var out []Punishment
	for _, p := range all {
		if pol.CanSeePunishment(dir, p) && q.keepDay(p.Date) && (q.Kind == "" || q.Kind == p.Kind) &&
			q.keepPupils(dir, p.Date, p.Pupil) {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b Punishment) int {
		return cmp.Or(b.Date.Compare(a.Date), strings.Compare(b.ID, a.ID))
	})
	return out, nil
}

// editPunishment changes one punishment that the actor gave, or any with
// PermDiscipline.
func (s *Service) editPunishment(id, verb string, fn func(*Punishment) error) (Punishment, error) {
	_, pol, err := s.Session()
	if err != nil {
		return Punishment{}, err
	}
	var out Punishment
	_, err = s.update(verb, func(tx Tx) error {
		all, err := tx.Punishments()
		if err != nil {
			return err
		}
		i := slices.IndexFunc(all, func(x Punishment) bool { return x.ID == id })
		if i < 0 {
			return NotFound("punition %s introuvable", Visible(id))
		}
		out = all[i]
		if out.By != s.actor.Login && !pol.Allows(PermDiscipline) {
			return Forbidden("seule la vie scolaire modifie la punition d'un autre")
		}
		if err := fn(&out); err != nil {
			return err
		}
		if err := out.Validate(); err != nil {
			return err
		}
		return tx.PutPunishment(out)
	})
	return out, err
}

// SetPunishmentState records that a punishment was done, or not.
func (s *Service) SetPunishmentState(id string, state PunishmentState) (Punishment, error) {
	return s.editPunishment(id, "punition faite", func(p *Punishment) error {
		p.State = state
		return nil
	})
}

// WriteExclusionReport records the written report of an exclusion from a
// lesson (its author, or the vie scolaire, may complete it later).
func (s *Service) WriteExclusionReport(id, report string) (Punishment, error) {
	report = strings.TrimSpace(report)
	if err := CheckField("rapport", report, Note); err != nil {
		return Punishment{}, err
	}
	return s.editPunishment(id, "rapport d'exclusion", func(p *Punishment) error {
		if p.Kind != PunishExclusion {
			return invalid("seule une exclusion de cours a un rapport")
		}
		p.Report = report
		return nil
	})
}

// ExcludeFromLesson marks the pupil excluded (e) in the séance and, in the
// same transaction, opens the exclusion ponctuelle de cours whose written
// report is to come; marking again finds the same punishment. It returns the
// punishment and the pupil's attendance as SetMark does.
func (s *Service) ExcludeFromLesson(id SeanceID, pupil PupilID) (Punishment, Attendance, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Punishment{}, Attendance{}, err
	}
	se, p, err := s.markable(dir, pol, id, pupil)
	if err != nil {
		return Punishment{}, Attendance{}, err
	}
	now := s.now().In(dir.Location())
	var out Punishment
	var att Attendance
	_, err = s.update("exclusion de cours", func(tx Tx) error {
		if att, err = writeMark(tx, dir, se, p.ID, KindExcluded, 0, s.actor.Login, now); err != nil {
			return err
		}
		all, err := tx.Punishments()
		if err != nil {
			return err
		}
		if i := slices.IndexFunc(all, lessonExclusion(se.ID, p.ID)); i >= 0 {
			out = all[i]
			return nil
		}
		out = Punishment{Pupil: p.ID, Kind: PunishExclusion, Date: se.Date, Seance: se.ID, By: s.actor.Login, At: now}
		out.ID = nextID("pun", se.Date, idTaken(all, func(x Punishment) string { return x.ID }))
		return tx.PutPunishment(out)
	})
	return out, pol.View(att), err
}

func lessonExclusion(se SeanceID, p PupilID) func(Punishment) bool {
	return func(x Punishment) bool { return x.Kind == PunishExclusion && x.Seance == se && x.Pupil == p }
}

// dropUnreportedExclusion removes the exclusion from a lesson that a mark
// other than e replaced, while no report was written for it (a key pressed
// by mistake); a written report keeps it on record.
func dropUnreportedExclusion(tx Tx, se SeanceID, p PupilID) error {
	all, err := tx.Punishments()
	if err != nil {
		return err
	}
	if i := slices.IndexFunc(all, lessonExclusion(se, p)); i >= 0 && all[i].MissingReport() {
		return tx.DeletePunishment(all[i].ID)
	}
	return nil
}

// MissingReports returns the exclusions from a lesson whose report is still
// to come that the actor may see, oldest first.
func (s *Service) MissingReports() ([]Punishment, error) {
	list, err := s.Punishments(DisciplineQuery{Kind: PunishExclusion})
	if err != nil {
		return nil, err
	}
	list = slices.DeleteFunc(list, func(p Punishment) bool { return !p.MissingReport() })
	slices.Reverse(list)
	return list, nil
}
