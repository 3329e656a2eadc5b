package model

import (
	"cmp"
	"slices"
	"strings"
)

// PupilDiscipline is what a pupil's file shows of the discipline, as its
// reader may see it: his incidents, his punishments and, for the vie
// scolaire and the direction, his sanctions not yet erased.
type PupilDiscipline struct {
	Incidents   []Incident
	Punishments []Punishment
	// Sanctions is nil for a reader who may not see them (SeeSanctions false).
	Sanctions    []Sanction
	SeeSanctions bool
	// IncidentKinds and PunishmentKinds name the codes.
	IncidentKinds   []DisciplineKind
	PunishmentKinds []DisciplineKind
}

// PupilDiscipline returns the discipline pane of a pupil's file.
func (s *Service) PupilDiscipline(id PupilID) (PupilDiscipline, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return PupilDiscipline{}, err
	}
	if _, ok := dir.Pupil(id); !ok {
		return PupilDiscipline{}, NotFound("élève %s introuvable", id)
	}
	var out PupilDiscipline
	q := DisciplineQuery{Pupil: id}
	if out.Incidents, err = s.Incidents(q); err != nil {
		return out, err
	}
	if out.Punishments, err = s.Punishments(q); err != nil {
		return out, err
	}
	if pol.Allows(PermSeeSanctions) {
		out.SeeSanctions = true
		if out.Sanctions, err = s.Sanctions(q, false); err != nil {
			return out, err
		}
	}
	if out.IncidentKinds, err = s.DisciplineKinds(ListIncidentKinds); err != nil {
		return out, err
	}
	out.PunishmentKinds, err = s.DisciplineKinds(ListPunishmentKinds)
	return out, err
}

// DisciplineCount is one cell of the discipline's statistics: how many
// records of a kind in a division and a month.
type DisciplineCount struct {
	Division string
	Month    string
	// What is "incident", "punition" or "sanction"; Kind its kind's label.
	What  string
	Kind  string
	Count int
}

// DisciplineStats counts the incidents (per pupil involved as author, once
// per division), punishments and sanctions from from to to, per division (on
// each day's enrolment), month and kind, for the readers of statistics.
func (s *Service) DisciplineStats(from, to Date) ([]DisciplineCount, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermStats); err != nil {
		return nil, err
	}
	q := DisciplineQuery{From: from, To: to}
	incs, err := s.Incidents(q)
	if err != nil {
		return nil, err
	}
	puns, err := s.Punishments(q)
	if err != nil {
		return nil, err
	}
	sans, err := s.Sanctions(q, true)
	if err != nil {
		return nil, err
	}
	ik, _ := s.DisciplineKinds(ListIncidentKinds)
	pk, _ := s.DisciplineKinds(ListPunishmentKinds)
	counts := map[DisciplineCount]int{}
	divOf := func(p PupilID, d Date) string {
		if pupil, ok := dir.Pupil(p); ok {
			return pupil.DivisionOn(d)
		}
		return ""
	}
	for _, i := range incs {
		divs := map[string]bool{}
		for _, p := range i.Pupils() {
			divs[divOf(p, i.Date)] = true
		}
		if len(divs) == 0 {
			divs[""] = true
		}
		for d := range divs {
			counts[DisciplineCount{Division: d, Month: i.Date.MonthKey(), What: "incident", Kind: KindLabel(ik, i.Kind)}]++
		}
	}
	for _, p := range puns {
		counts[DisciplineCount{Division: divOf(p.Pupil, p.Date), Month: p.Date.MonthKey(), What: "punition", Kind: KindLabel(pk, p.Kind)}]++
	}
	for _, x := range sans {
		counts[DisciplineCount{Division: divOf(x.Pupil, x.Date), Month: x.Date.MonthKey(), What: "sanction", Kind: x.Kind.Label()}]++
	}
	out := make([]DisciplineCount, 0, len(counts))
	for k, n := range counts {
		k.Count = n
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b DisciplineCount) int {
		return cmp.Or(strings.Compare(a.Division, b.Division), strings.Compare(a.Month, b.Month),
			strings.Compare(a.What, b.What), strings.Compare(a.Kind, b.Kind))
	})
	return out, nil
}
