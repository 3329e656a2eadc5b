package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// The « Établissement » panel's editing keys: each opens a form filled with
// what stands; ↵ shows what the change does, « o » applies it.
var (
	schoolGridKey    = newKey("c", "grille horaire (créneaux), à partir d'une date", "c")
	schoolWeekKey    = newKey("s", "semaine de cours (jours, demi-journées), à partir d'une date", "s")
	schoolPeriodsKey = newKey("p", "périodes de l'année (trimestres, semestres)", "p")
	schoolDayKey     = newKey("A", "ajouter un jour de cours (rattrapage d'un pont…)", "A")
	schoolClosureKey = newKey("F", "ajouter une fermeture de l'établissement", "F")
	schoolRemoveKey  = newKey("R", "retirer une fermeture ou un jour ajouté à venir", "R")
	schoolZoneKey    = newKey("z", "académie : zone de vacances et fuseau horaire", "z")
)

// schoolEdit is a form of the panel and how its values become a change.
type schoolEdit struct {
	form *form
	// plan reads the form's values (off the event loop: previews read the
	// store) and returns what the change does and how to apply it.
	plan func(values []string) (schoolChange, error)
}

// schoolChange is a checked change of the school, shown before it is applied.
type schoolChange struct {
	lines    []string
	question string
	// apply writes the change and returns the note that says it is done.
	apply func() (string, error)
}

type schoolChangeMsg struct {
	gen    int
	change schoolChange
	err    error
}

// schoolEditFor returns the form that key opens, nil for another key.
func schoolEditFor(k tea.KeyMsg, st *Styles, svc service, sc model.School, today model.Date) *schoolEdit {
	switch {
	case key.Matches(k, schoolGridKey):
		return gridEdit(st, svc, sc, today)
	case key.Matches(k, schoolWeekKey):
		return weekEdit(st, svc, sc, today)
	case key.Matches(k, schoolPeriodsKey):
		return periodsEdit(st, svc, sc)
	case key.Matches(k, schoolDayKey):
		return dayEdit(st, svc, sc)
	case key.Matches(k, schoolClosureKey):
		return closureEdit(st, svc)
	case key.Matches(k, schoolRemoveKey):
		return removeEdit(st, svc, sc)
	case key.Matches(k, schoolZoneKey):
		return zoneEdit(st, svc, sc)
	}
	return nil
}

// editKeyPressed hands a key to the open form; on ↵ it returns the command
// that checks the change.
func (p *schoolPanel) editKeyPressed(msg tea.KeyMsg) tea.Cmd {
	e := p.edit
	switch e.form.handle(msg) {
	case formCancel:
		p.edit = nil
	case formSave:
		e.form.startSaving()
		values, gen := e.form.values(), p.changes.next()
		return func() tea.Msg {
			ch, err := e.plan(values)
			return schoolChangeMsg{gen: gen, change: ch, err: err}
		}
	}
	return nil
}

// onChange shows a checked change and asks before applying it, or shows
// why it is refused: under its form, or under the panel for the rules.
func (p *schoolPanel) onChange(msg schoolChangeMsg, svc service) {
	if !p.changes.take(msg.gen) {
		return
	}
	switch {
	case msg.err != nil && p.edit != nil:
		p.edit.form.fail(model.UserMessage(msg.err))
		return
	case msg.err != nil:
		p.err = model.UserMessage(msg.err)
		return
	}
	p.edit, p.preview = nil, msg.change.lines
	apply := msg.change.apply
	p.confirm = &confirmation{question: msg.change.question, yes: func() tea.Cmd {
		return func() tea.Msg {
			note, err := apply()
			if err != nil {
				note = ""
			}
			return loadSchool(svc, note, err)()
		}
	}}
}

func gridEdit(st *Styles, svc service, sc model.School, today model.Date) *schoolEdit {
	fields := []formField{{label: "À partir du", value: sc.FirstChangeDay(today).French(), hint: "JJ/MM/AAAA"}}
	for i, sl := range schoolSlots(sc) {
		fields = append(fields, formField{label: fmt.Sprintf("Créneau %d", i+1), value: model.SlotLine(sl)})
	}
	for range 2 {
		fields = append(fields, formField{label: "Nouveau", hint: "CODE HH:MM-HH:MM matin|après-midi"})
	}
	f := newForm(st, "Grille horaire : un créneau par ligne (vide : retiré)", fields...)
	return &schoolEdit{form: f, plan: func(v []string) (schoolChange, error) {
		from, err := formDate(v[0])
		if err != nil {
			return schoolChange{}, err
		}
		slots, err := parseLines(v[1:], model.ParseSlotLine)
		if err != nil {
			return schoolChange{}, err
		}
		ch, err := svc.SlotGridPreview(slots, from)
		if err != nil {
			return schoolChange{}, err
		}
		return schoolChange{lines: slotChangeLines(ch), question: "Appliquer cette grille ?", apply: func() (string, error) {
			_, err := svc.SetSlots(slots, from)
			return "Grille horaire enregistrée à partir du " + from.French() + ".", err
		}}, nil
	}}
}

func slotChangeLines(ch model.SlotGridChange) []string {
	lines := []string{"À partir du " + ch.From.French() + " : " + slotsText(ch.Slots)}
	if len(ch.Follow) > 0 {
		lines = append(lines, fmt.Sprintf("%d cours suivent leur créneau à ses nouvelles heures.", len(ch.Follow)))
	}
	if len(ch.Moved) > 0 {
		lines = append(lines, fmt.Sprintf("%d cours changent de demi-journée : %s.", len(ch.Moved), courseNames(ch.Moved)))
	}
	if len(ch.OffGrid) > 0 {
		lines = append(lines, fmt.Sprintf("%d cours ne commencent à aucun créneau (affichés sur ceux qu'ils couvrent) : %s.", len(ch.OffGrid), courseNames(ch.OffGrid)))
	}
	return append(lines, "Avant le "+ch.From.French()+", séances, marques et décomptes ne changent pas.")
}

// courseNames names up to three courses: « lundi 08:10 4B Mathématiques ».
func courseNames(cs []model.Course) string {
	var parts []string
	for i, c := range cs {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("et %d autres", len(cs)-3))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %s %s %s", model.FrenchWeekday(c.Weekday), c.Start, model.Visible(c.Target.Code), model.Visible(c.Subject)))
	}
	return strings.Join(parts, ", ")
}

// weekChoices are the values of a day in the week's form.
var weekChoices = []string{"journée", "matin", "après-midi", "sans cours"}

// formDays are the days the week's form offers.
var formDays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}

func weekEdit(st *Styles, svc service, sc model.School, today model.Date) *schoolEdit {
	fields := []formField{{label: "À partir du", value: sc.FirstChangeDay(today).French(), hint: "JJ/MM/AAAA"}}
	for _, w := range formDays {
		value := "sans cours"
		switch {
		case !sc.HasWeekday(w):
		case slices.Contains(sc.ClosedHalfDays, model.WeekHalfDay{Weekday: w, HalfDay: model.Afternoon}):
			value = "matin"
		case slices.Contains(sc.ClosedHalfDays, model.WeekHalfDay{Weekday: w, HalfDay: model.Morning}):
			value = "après-midi"
		default:
			value = "journée"
		}
		fields = append(fields, formField{label: model.FrenchWeekday(w), value: value, choices: weekChoices})
	}
	f := newForm(st, "Semaine de cours", fields...)
	return &schoolEdit{form: f, plan: func(v []string) (schoolChange, error) {
		from, err := formDate(v[0])
		if err != nil {
			return schoolChange{}, err
		}
		days, closed := weekOf(v[1:])
		ch, err := svc.WeekPreview(days, closed, from)
		if err != nil {
			return schoolChange{}, err
		}
		lines := []string{"À partir du " + from.French() + " : " + model.WeekText(ch.Weekdays, ch.Closed)}
		if len(ch.Dropped) > 0 {
			lines = append(lines, fmt.Sprintf("%d cours n'ont plus lieu : %s.", len(ch.Dropped), courseNames(ch.Dropped)))
		}
		if len(ch.Resumed) > 0 {
			lines = append(lines, fmt.Sprintf("%d cours ont lieu de nouveau : %s.", len(ch.Resumed), courseNames(ch.Resumed)))
		}
		lines = append(lines, "Avant le "+from.French()+", séances, marques et décomptes ne changent pas.")
		return schoolChange{lines: lines, question: "Appliquer cette semaine ?", apply: func() (string, error) {
			_, err := svc.SetWeek(days, closed, from)
			return "Semaine de cours enregistrée à partir du " + from.French() + ".", err
		}}, nil
	}}
}

// weekOf reads the week's choices, one per day of formDays.
func weekOf(values []string) ([]time.Weekday, []model.WeekHalfDay) {
	var days []time.Weekday
	var closed []model.WeekHalfDay
	for i, v := range values {
		w := formDays[i]
		switch v {
		case "sans cours":
			continue
		case "matin":
			closed = append(closed, model.WeekHalfDay{Weekday: w, HalfDay: model.Afternoon})
		case "après-midi":
			closed = append(closed, model.WeekHalfDay{Weekday: w, HalfDay: model.Morning})
		}
		days = append(days, w)
	}
	return days, closed
}

func periodsEdit(st *Styles, svc service, sc model.School) *schoolEdit {
	var fields []formField
	for i, p := range sc.Periods {
		fields = append(fields, formField{label: fmt.Sprintf("Période %d", i+1), value: model.PeriodLine(p)})
	}
	fields = append(fields, formField{label: "Nouvelle", hint: "NOM ; JJ/MM/AAAA ; JJ/MM/AAAA"})
	f := newForm(st, "Périodes de l'année : une par ligne (vide : retirée)", fields...)
	return &schoolEdit{form: f, plan: func(v []string) (schoolChange, error) {
		periods, err := parseLines(v, model.ParsePeriodLine)
		if err != nil {
			return schoolChange{}, err
		}
		if err := model.CheckPeriods(sc, periods); err != nil {
			return schoolChange{}, err
		}
		lines := []string{"Nouvelles périodes : " + periodsText(periods), "Les chiffres ne changent pas : les périodes ne font que regrouper les bilans."}
		return schoolChange{lines: lines, question: "Appliquer ces périodes ?", apply: func() (string, error) {
			return "Périodes enregistrées.", svc.SetPeriods(periods)
		}}, nil
	}}
}

func periodsText(ps []model.Period) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = fmt.Sprintf("%s du %s au %s", model.Visible(p.Name), p.From.French(), p.To.French())
	}
	return strings.Join(parts, " · ")
}

// halfChoices are the half-days an extra day may have.
var halfChoices = []string{"journée", "matin", "après-midi"}

func dayEdit(st *Styles, svc service, sc model.School) *schoolEdit {
	var follows []string
	for _, w := range formDays {
		if sc.HasWeekday(w) {
			follows = append(follows, model.FrenchWeekday(w))
		}
	}
	if len(follows) == 0 {
		follows = []string{model.FrenchWeekday(time.Monday)}
	}
	f := newForm(st, "Ajouter un jour de cours",
		formField{label: "Date", hint: "JJ/MM/AAAA"},
		formField{label: "Nom", hint: "rattrapage du pont de l'Ascension…"},
		formField{label: "Emploi du temps du", value: follows[len(follows)-1], choices: follows},
		formField{label: "Demi-journées", value: halfChoices[0], choices: halfChoices})
	return &schoolEdit{form: f, plan: func(v []string) (schoolChange, error) {
		d, err := formDate(v[0])
		if err != nil {
			return schoolChange{}, err
		}
		w, _ := model.ParseWeekday(v[2])
		x := model.ExtraDay{Date: d, Name: v[1], Follows: w}
		switch v[3] {
		case "matin":
			x.HalfDays = []model.HalfDay{model.Morning}
		case "après-midi":
			x.HalfDays = []model.HalfDay{model.Afternoon}
		}
		seances, err := svc.ExtraDaySeances(x)
		if err != nil {
			return schoolChange{}, err
		}
		lines := []string{fmt.Sprintf("%s %s, %s : emploi du temps du %s (%s), %d séance(s).",
			model.FrenchWeekday(d.Weekday()), d.French(), model.Visible(x.Name), v[2], v[3], len(seances))}
		return schoolChange{lines: lines, question: "Ajouter ce jour de cours ?", apply: func() (string, error) {
			return "Jour de cours du " + d.French() + " ajouté.", svc.AddExtraDay(x)
		}}, nil
	}}
}

func closureEdit(st *Styles, svc service) *schoolEdit {
	f := newForm(st, "Ajouter une fermeture",
		formField{label: "Nom", hint: "fermeture pour travaux…"},
		formField{label: "Du", hint: "JJ/MM/AAAA"},
		formField{label: "Au", hint: "JJ/MM/AAAA, vide : un seul jour"})
	return &schoolEdit{form: f, plan: func(v []string) (schoolChange, error) {
		from, err := formDate(v[1])
		if err != nil {
			return schoolChange{}, err
		}
		to := from
		if v[2] != "" {
			if to, err = formDate(v[2]); err != nil {
				return schoolChange{}, err
			}
		}
		h := model.Holiday{Name: v[0], From: from, To: to}
		n, err := svc.ClosurePreview(h)
		if err != nil {
			return schoolChange{}, err
		}
		lines := []string{fmt.Sprintf("%s : pas de cours du %s au %s ; %d séance(s) n'auront pas lieu.", model.Visible(h.Name), from.French(), to.French(), n)}
		return schoolChange{lines: lines, question: "Ajouter cette fermeture ?", apply: func() (string, error) {
			return "Fermeture " + model.Visible(h.Name) + " enregistrée.", svc.AddClosure(h)
		}}, nil
	}}
}

func removeEdit(st *Styles, svc service, sc model.School) *schoolEdit {
	f := newForm(st, "Retirer une fermeture ou un jour de cours ajouté",
		formField{label: "Nom ou date", hint: "le nom d'une fermeture, la date d'un jour ajouté"})
	return &schoolEdit{form: f, plan: func(v []string) (schoolChange, error) {
		if d, err := model.ParseDate(v[0]); err == nil {
			x, ok := sc.ExtraDayOn(d)
			if !ok {
				return schoolChange{}, model.NotFound("aucun jour de cours ajouté le %s", d.French())
			}
			return schoolChange{lines: []string{fmt.Sprintf("Le %s (%s) redevient un jour sans cours.", d.French(), model.Visible(x.Name))},
				question: "Retirer ce jour de cours ?", apply: func() (string, error) {
					return "Jour de cours du " + d.French() + " retiré.", svc.RemoveExtraDay(d)
				}}, nil
		}
		i := slices.IndexFunc(sc.Holidays, func(h model.Holiday) bool { return strings.EqualFold(h.Name, v[0]) })
		if i < 0 {
			return schoolChange{}, model.NotFound("aucune fermeture ne s'appelle %q", model.Visible(v[0]))
		}
		h := sc.Holidays[i]
		return schoolChange{lines: []string{fmt.Sprintf("%s (du %s au %s) : les cours ont lieu de nouveau.", model.Visible(h.Name), h.From.French(), h.To.French())},
			question: "Retirer cette fermeture ?", apply: func() (string, error) {
				return model.Visible(h.Name) + " retirée du calendrier.", svc.RemoveClosure(h.Name)
			}}, nil
	}}
}

// schoolSlots is the school's latest grid, the default when it has none.
func schoolSlots(sc model.School) []model.Slot {
	if len(sc.Slots) == 0 {
		return model.DefaultSlots()
	}
	return sc.Slots
}

func zoneEdit(st *Styles, svc service, sc model.School) *schoolEdit {
	zones := make([]string, len(model.Academies))
	for i, a := range model.Academies {
		zones[i] = a.Zone
	}
	current := zones[0]
	if a, ok := model.LookupAcademie(sc.Zone); ok {
		current = a.Zone
	}
	f := newForm(st, "Académie", formField{label: "Zone", value: current, choices: zones, hint: "espace : la suivante"})
	return &schoolEdit{form: f, plan: func(v []string) (schoolChange, error) {
		a, ok := model.LookupAcademie(v[0])
		if !ok {
			return schoolChange{}, model.Invalid("académie %q inconnue", v[0])
		}
		lines := []string{"Nouvelle académie : " + a.String() + ".",
			"Les séances gardent leurs dates et heures ; les vacances de la zone viennent du calendrier du ministère (appel import calendrier)."}
		return schoolChange{lines: lines, question: "Changer d'académie ?", apply: func() (string, error) {
			_, err := svc.SetAcademie(a.Zone)
			return "Académie enregistrée : " + a.String() + ".", err
		}}, nil
	}}
}

// formDate reads a date typed in a form (JJ/MM/AAAA, or AAAA-MM-JJ).
func formDate(v string) (model.Date, error) {
	d, err := model.ParseDate(v)
	if err != nil {
		return d, model.Invalid("date %q illisible (JJ/MM/AAAA)", v)
	}
	return d, nil
}

// parseLines reads the non-empty lines of a form with parse, stopping at the
// first it refuses.
func parseLines[T any](lines []string, parse func(string) (T, error)) ([]T, error) {
	var out []T
	for _, line := range lines {
		if line == "" {
			continue
		}
		v, err := parse(line)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
