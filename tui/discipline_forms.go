package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// discForm is the form that n opens on a tab: a new incident, punishment,
// detention session or sanction.
type discForm struct {
	tab  int
	form *form
	// incident is the incident a punishment comes from ("" for none).
	incident string
	// record is the sanction a withdrawal form is about.
	record string
	// kinds are the codes behind the Nature field's choices, in order.
	kinds []model.DisciplineKind
}

const (
	wordNone    = "aucun"
	wordFull    = "total"
	wordPartial = "partiel"
)

func labels(ks []model.DisciplineKind) []string {
	var out []string
	for _, k := range ks {
		if !k.Retired {
			out = append(out, k.Label)
		}
	}
	return out
}

// openForm opens the form that adds a record of tab.
func (s *disciplineScreen) openForm(tab int) tea.Cmd {
	st, today := s.env.styles, s.env.svc.Today()
	pupil := formField{label: "Élève", hint: "nom, prénom ou identifiant"}
	var f *discForm
	switch tab {
	case tabIncidents:
		ks := s.data.incidentKinds
		f = &discForm{tab: tab, kinds: ks, form: newForm(st, "Nouvel incident", pupil,
			formField{label: "Rôle", value: model.InvolvedAuthor.Label(), choices: []string{"auteur", "victime", "témoin"}},
			formField{label: "Nature", value: first(labels(ks)), choices: labels(ks)},
			formField{label: "Lieu"},
			formField{label: "Description"},
			formField{label: "Heure", value: model.ClockOf(s.env.svc.Now()).String()},
			formField{label: "Autres", hint: "nom:rôle, … (auteur, victime, temoin) ; un nom sans élève : un personnel"},
		)}
	case tabPunishments:
		ks := s.data.punishmentKinds
		f = &discForm{tab: tab, kinds: ks, form: newForm(st, "Nouvelle punition", pupil,
			formField{label: "Nature", value: first(labels(ks)), choices: labels(ks)},
			formField{label: "Motif"},
		)}
	case tabDetentions:
		f = &discForm{tab: tab, form: newForm(st, "Nouvelle séance de retenue",
			formField{label: "Jour", value: today.French()},
			formField{label: "Début", value: "13:00"}, formField{label: "Fin", value: "15:00"},
			formField{label: "Salle"}, formField{label: "Surveillant", value: s.env.login, hint: "identifiant du compte"},
			formField{label: "Places", value: "0", hint: "0 : sans limite"},
		)}
	case tabSanctions:
		if !s.canSanction {
			return statusCmd("Seule la direction prononce une sanction.")
		}
		ks := s.kindChoices()
		f = &discForm{tab: tab, kinds: ks, form: newForm(st, "Prononcer une sanction (R511-13)", pupil,
			formField{label: "Sanction", value: ks[0].Label, choices: labels(ks)},
			formField{label: "Faits"},
			formField{label: "Premier jour", value: today.AddDays(1).French(), hint: "exclusion"},
			formField{label: "Jours", value: "0", hint: "exclusion : 1 à 8"},
			formField{label: "Heures", value: "0", hint: "responsabilisation : 1 à 20"},
			formField{label: "Sursis", value: wordNone, choices: []string{wordNone, wordFull, wordPartial}},
			formField{label: "Sursis partiel", value: "0", hint: "jours ou heures suspendus"},
			formField{label: "Conseil", value: wordNo, choices: []string{wordNo, wordYes}, hint: "conseil de discipline"},
		)}
	}
	s.add = f
	return nil
}

// punishFrom opens the punishment form for the author of an incident (the
// first pupil involved when no author is named), tied to the incident.
func (s *disciplineScreen) punishFrom(id string) tea.Cmd {
	for _, i := range s.data.incidents {
		if i.ID != id {
			continue
		}
		var pupil model.PupilID
		for _, x := range i.Involved {
			if x.Pupil != "" && (pupil == "" || x.Role == model.InvolvedAuthor) {
				pupil = x.Pupil
				if x.Role == model.InvolvedAuthor {
					break
				}
			}
		}
		if pupil == "" {
			return statusCmd("Aucun élève dans cet incident.")
		}
		s.openForm(tabPunishments)
		s.add.incident = id
		s.add.form.title = "Punition à la suite de l'incident " + id
		s.add.form.setValue(0, string(pupil))
		s.add.form.setValue(2, i.Description)
		return nil
	}
	return nil
}

func first(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}

func (s *disciplineScreen) formKey(msg tea.KeyMsg) tea.Cmd {
	f := s.add
	switch f.form.handle(msg) {
	case formCancel:
		s.add = nil
	case formSave:
		f.form.startSaving()
		s.busy++
		svc, today, values := s.env.svc, s.env.svc.Today(), f.form.values()
		return func() tea.Msg {
			text, err := f.save(svc, today, values)
			return discSavedMsg{form: f, text: text, err: err}
		}
	}
	return nil
}

// kindOf returns the code behind a label of the form's list.
func (f *discForm) kindOf(label string) string {
	for _, k := range f.kinds {
		if k.Label == label {
			return k.Code
		}
	}
	return label
}

// save writes the values the form held (read before, on the screen's
// goroutine); it runs off the screen's goroutine and reads only f.kinds.
func (f *discForm) save(svc service, today model.Date, v []string) (string, error) {
	if f.record != "" {
		if err := svc.CancelSanction(f.record, v[0]); err != nil {
			return "", err
		}
		return "✓ Sanction " + f.record + " retirée.", nil
	}
	switch f.tab {
	case tabIncidents:
		return saveIncident(svc, f, v, today)
	case tabPunishments:
		p, err := findOne(svc, v[0])
		if err != nil {
			return "", err
		}
		x, err := svc.Punish(model.Punishment{Pupil: p.ID, Kind: f.kindOf(v[1]), Reason: v[2], Date: today, Incident: f.incident})
		if err != nil {
			return "", err
		}
		if x.Detention != "" {
			return fmt.Sprintf("✓ Punition de %s enregistrée (retenue %s).", shown(p.FullName()), x.Detention), nil
		}
		return fmt.Sprintf("✓ Punition de %s enregistrée.", shown(p.FullName())), nil
	case tabDetentions:
		return saveDetention(svc, v)
	}
	return saveSanction(svc, f, v)
}

func saveIncident(svc service, f *discForm, v []string, today model.Date) (string, error) {
	p, err := findOne(svc, v[0])
	if err != nil {
		return "", err
	}
	role, err := model.ParseInvolvedRole(v[1])
	if err != nil {
		return "", err
	}
	at, err := model.ParseClock(v[5])
	if err != nil {
		return "", err
	}
	others, err := othersInvolved(svc, v[6])
	if err != nil {
		return "", err
	}
	i, err := svc.ReportIncident(model.Incident{Date: today, Time: at, Kind: f.kindOf(v[2]), Place: v[3], Description: v[4],
		Involved: append([]model.Involved{{Pupil: p.ID, Role: role}}, others...)})
	if err != nil {
		return "", err
	}
	return "✓ Incident " + i.ID + " enregistré.", nil
}

func saveDetention(svc service, v []string) (string, error) {
	day, err := model.ParseDate(v[0])
	if err != nil {
		return "", err
	}
	start, err := model.ParseClock(v[1])
	if err != nil {
		return "", err
	}
	end, err := model.ParseClock(v[2])
	if err != nil {
		return "", err
	}
	places, err := number("places", v[5])
	if err != nil {
		return "", err
	}
	d, err := svc.PlanDetention(model.DetentionSession{Date: day, Start: start, End: end, Room: v[3], Supervisor: v[4], Capacity: places})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("✓ Retenue du %s à %s planifiée.", d.Date.French(), d.Start), nil
}

func saveSanction(svc service, f *discForm, v []string) (string, error) {
	p, err := findOne(svc, v[0])
	if err != nil {
		return "", err
	}
	kind, err := model.ParseSanctionKind(f.kindOf(v[1]))
	if err != nil {
		return "", err
	}
	x := model.Sanction{Pupil: p.ID, Kind: kind, Facts: v[2], Authority: model.AuthorityHead}
	if v[8] == wordYes {
		x.Authority = model.AuthorityCouncil
	}
	nums := make([]int, 3)
	for i, field := range []int{4, 5, 7} {
		if nums[i], err = number("nombre", v[field]); err != nil {
			return "", err
		}
	}
	x.Days, x.Hours, x.SursisDays = nums[0], nums[1], nums[2]
	if x.Days > 0 {
		if x.From, err = model.ParseDate(v[3]); err != nil {
			return "", err
		}
	}
	if v[6] != wordNone {
		x.Sursis = model.Sursis(v[6])
	}
	if x, err = svc.Pronounce(x); err != nil {
		return "", err
	}
	return fmt.Sprintf("✓ %s prononcé(e) pour %s.", x.Kind.Label(), shown(p.FullName())), nil
}

func number(what, s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0, model.Invalid("%s : un nombre entier, pas « %s »", what, model.Visible(s))
	}
	return n, nil
}

// findOne returns the one pupil a query names (his identifier, or a name
// only he matches).
func findOne(svc service, query string) (model.Pupil, error) {
	query = strings.TrimSpace(query)
	if query == "" {
		return model.Pupil{}, model.Invalid("élève : tapez son nom ou son identifiant")
	}
	if dir, err := svc.Directory(); err == nil {
		if p, ok := dir.Pupil(model.PupilID(query)); ok {
			return shown(p), nil
		}
	}
	found, err := svc.FindPupils(query, 4)
	if err != nil {
		return model.Pupil{}, err
	}
	switch len(found) {
	case 0:
		return model.Pupil{}, model.NotFound("aucun élève ne correspond à « %s »", model.Visible(query))
	case 1:
		return found[0], nil
	}
	names := make([]string, len(found))
	for i, p := range found {
		names[i] = p.FullName()
	}
	return model.Pupil{}, model.Invalid("plusieurs élèves correspondent : %s… précisez", strings.Join(names, ", "))
}

// othersInvolved reads « Bénard:victime, M. Petit:temoin »: each name that
// finds one pupil is that pupil, a name that finds none is a member of
// staff; a name that several pupils match is refused.
func othersInvolved(svc service, text string) ([]model.Involved, error) {
	var out []model.Involved
	for part := range strings.SplitSeq(text, ",") {
		name, roleText, found := strings.Cut(strings.TrimSpace(part), ":")
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		role := model.InvolvedWitness
		if found {
			r, err := model.ParseInvolvedRole(roleText)
			if err != nil {
				return nil, err
			}
			role = r
		}
		p, err := findOne(svc, name)
		switch {
		case err == nil:
			out = append(out, model.Involved{Pupil: p.ID, Role: role})
		case errors.Is(err, model.ErrNotFound):
			out = append(out, model.Involved{Staff: name, Role: role})
		default:
			return nil, err
		}
	}
	return out, nil
}
