package tui

import (
	"fmt"
	"strings"

	"appel/model"
)

// discRow is one line of a tab: what it is about, and its cells.
type discRow struct {
	// division is the statistics' division (the other rows filter by pupils).
	division string
	id       string
	day      model.Date
	pupils   []model.PupilID
	kind     string
	cells    []string
	warn     bool
}

// periodNames are the periods the filter offers, in turn.
var periodNames = []string{"toute l'année", "ce mois", "cette semaine"}

func (d disciplineData) divisions() []string {
	if d.dir == nil {
		return nil
	}
	out := make([]string, len(d.dir.Divisions))
	for i, x := range d.dir.Divisions {
		out[i] = shown(x.Code)
	}
	return out
}

// kindChoices are the kinds the tab's filter offers.
func (s *disciplineScreen) kindChoices() []model.DisciplineKind {
	switch s.tab {
	case tabIncidents:
		return s.data.incidentKinds
	case tabPunishments:
		return s.data.punishmentKinds
	case tabSanctions:
		out := make([]model.DisciplineKind, len(model.SanctionKinds))
		for i, k := range model.SanctionKinds {
			out[i] = model.DisciplineKind{Code: string(k), Label: k.Label()}
		}
		return out
	}
	return nil
}

// filterText says the filters in force.
func (s *disciplineScreen) filterText() string {
	div, kind := "toutes", "toutes"
	if divs := s.data.divisions(); s.division > 0 && s.division <= len(divs) {
		div = divs[s.division-1]
	}
	if ks := s.kindChoices(); s.kind > 0 && s.kind <= len(ks) {
		kind = ks[s.kind-1].Label
	}
	return fmt.Sprintf("Classe : %s · Nature : %s · Période : %s", div, kind, periodNames[s.period])
}

// periodStart is the first day the period filter keeps (zero: all).
func (s *disciplineScreen) periodStart() model.Date {
	today := s.env.svc.Today()
	switch s.period {
	case 1:
		return model.NewDate(today.Year, today.Month, 1)
	case 2:
		return today.Monday()
	}
	return model.Date{}
}

func (s *disciplineScreen) keep(r discRow) bool {
	if from := s.periodStart(); !from.IsZero() && r.day.Before(from) {
		return false
	}
	if ks := s.kindChoices(); s.kind > 0 && s.kind <= len(ks) && r.kind != ks[s.kind-1].Code {
		return false
	}
	divs := s.data.divisions()
	if s.division == 0 || s.division > len(divs) {
		return true
	}
	if s.tab == tabStats {
		return r.division == divs[s.division-1]
	}
	for _, id := range r.pupils {
		if p, ok := s.data.dir.Pupil(id); ok && shown(p.DivisionOn(r.day)) == divs[s.division-1] {
			return true
		}
	}
	return false
}

// refilter rebuilds the rows of the tab shown.
func (s *disciplineScreen) refilter() {
	var all []discRow
	switch s.tab {
	case tabIncidents:
		all = s.incidentRows()
	case tabPunishments:
		all = s.punishmentRows()
	case tabDetentions:
		all = s.detentionRows()
	case tabSanctions:
		all = s.sanctionRows()
	case tabStats:
		all = s.statRows()
	}
	s.rows = s.rows[:0]
	for _, r := range all {
		if s.keep(r) {
			s.rows = append(s.rows, r)
		}
	}
	s.list.setItems(indexes(len(s.rows)))
}

func (s *disciplineScreen) pupilName(id model.PupilID) string {
	if s.data.dir != nil {
		if p, ok := s.data.dir.Pupil(id); ok {
			return shown(p.FullName() + " (" + p.Division + ")")
		}
	}
	return string(id)
}

func (s *disciplineScreen) incidentRows() []discRow {
	var out []discRow
	for _, i := range s.data.incidents {
		var who []string
		for _, x := range i.Involved {
			name := x.Staff
			if x.Pupil != "" {
				name = s.pupilName(x.Pupil)
			}
			who = append(who, name+" "+x.Role.Label())
		}
		out = append(out, discRow{id: i.ID, day: i.Date, pupils: i.Pupils(), kind: i.Kind, cells: []string{
			shortDate(i.Date) + " " + i.Time.String(), model.KindLabel(s.data.incidentKinds, i.Kind), i.Place,
			strings.Join(who, ", "), i.Description, "par " + i.By}})
	}
	return out
}

func (s *disciplineScreen) punishmentRows() []discRow {
	var out []discRow
	for _, p := range s.data.punishments {
		note := p.Reason
		warn := false
		switch {
		case p.MissingReport():
			note, warn = "rapport manquant", true
		case p.Kind == model.PunishExclusion:
			note = "rapport : " + p.Report
		case p.Kind == model.PunishDetention && p.Detention == "":
			note, warn = "à placer dans une retenue · "+p.Reason, true
		case p.State == model.PunishmentNotDone:
			warn = true
		}
		out = append(out, discRow{id: p.ID, day: p.Date, pupils: []model.PupilID{p.Pupil}, kind: p.Kind, warn: warn, cells: []string{
			shortDate(p.Date), s.pupilName(p.Pupil), model.KindLabel(s.data.punishmentKinds, p.Kind), p.State.Label(), note, "par " + p.By}})
	}
	return out
}

func (s *disciplineScreen) detentionRows() []discRow {
	var out []discRow
	for _, d := range s.data.detentions {
		x := d.Session
		roll := "appel à faire"
		if x.Taken() {
			roll = fmt.Sprintf("appel fait · %d absent(s)", len(x.Absent))
		}
		places := itoa(len(d.Placed))
		if x.Capacity > 0 {
			places += "/" + itoa(x.Capacity)
		}
		placed := make([]model.PupilID, len(d.Placed))
		for i, p := range d.Placed {
			placed[i] = p.Pupil
		}
		out = append(out, discRow{id: x.ID, day: x.Date, pupils: placed, cells: []string{
			shortDate(x.Date) + " " + x.Start.String() + "–" + x.End.String(), x.Room, "surveillant " + x.Supervisor,
			places + " élève(s)", roll}})
	}
	return out
}

func (s *disciplineScreen) sanctionRows() []discRow {
	var out []discRow
	for _, x := range s.data.sanctions {
		erase := "jamais effacée"
		if e, ok := x.Erasure(); ok {
			erase = "effacée le " + e.French()
		}
		out = append(out, discRow{id: x.ID, day: x.Date, pupils: []model.PupilID{x.Pupil}, kind: string(x.Kind), cells: []string{
			shortDate(x.Date), s.pupilName(x.Pupil), x.Kind.Label(), x.Measure(), x.Facts, erase}})
	}
	return out
}

func (s *disciplineScreen) statRows() []discRow {
	var out []discRow
	for _, c := range s.data.stats {
		day, err := model.ParseDate(c.Month + "-01")
		if err != nil {
			continue
		}
		div := c.Division
		if div == "" {
			div = "(sans élève)"
		}
		out = append(out, discRow{division: c.Division, day: day, cells: []string{div, c.Month, c.What, c.Kind, itoa(c.Count)}})
	}
	return out
}
