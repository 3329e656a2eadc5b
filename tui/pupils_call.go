package tui

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// The fields of the call form, in tab order.
const (
	cfOutcome = iota
	cfPerson
	cfTime
	cfNote
)

// callForm logs a call to the family in a few keys: c, an outcome digit,
// enter (the first guardian, now, no note, by default).
type callForm struct {
	*form
	pupil   model.PupilID
	persons []string
	now     time.Time
}

// someoneElse is the person of a call to no guardian of the file.
const someoneElse = "autre personne"

func newCallForm(st *Styles, f *model.PupilFile, now time.Time) *callForm {
	c := &callForm{pupil: f.Pupil.ID, now: now}
	for _, g := range f.Guardians {
		c.persons = append(c.persons, guardianName(g, f.Pupil.ID))
	}
	c.persons = append(c.persons, someoneElse)
	c.form = newForm(st, "Nouvel appel à la famille",
		formField{label: "Issue", value: model.CallOutcomes[0], choices: model.CallOutcomes, hint: fmt.Sprintf("(1-%d)", len(model.CallOutcomes))},
		formField{label: "Personne", value: c.persons[0], choices: c.persons},
		formField{label: "Heure", value: now.Format("15:04"), limit: 5, hint: "(aujourd'hui)"},
		formField{label: "Note"})
	return c
}

// guardianName is "Mme Sophie ABADIE (mère)".
func guardianName(g model.Guardian, pupil model.PupilID) string {
	name := strings.TrimSpace(fmt.Sprintf("%s %s %s", g.Civility, g.FirstName, strings.ToUpper(g.LastName)))
	for _, l := range g.Links {
		if l.Pupil == pupil && l.Relation != "" {
			name += " (" + l.Relation + ")"
		}
	}
	return name
}

type callSavedMsg struct {
	call model.FamilyCall
	err  error
}

func (s *pupilsScreen) formKey(msg tea.KeyMsg) tea.Cmd {
	switch s.form.handle(msg) {
	case formCancel:
		s.form = nil
	case formSave:
		return s.saveCall()
	}
	return nil
}

// call builds the call the form describes.
func (f *callForm) call() (model.FamilyCall, error) {
	c, err := model.ParseClock(f.value(cfTime))
	if err != nil {
		return model.FamilyCall{}, err
	}
	call := model.FamilyCall{Pupil: f.pupil, Outcome: f.value(cfOutcome), Note: f.value(cfNote),
		At: model.DateOf(f.now).Time(c, f.now.Location())}
	if person := f.value(cfPerson); person != someoneElse {
		call.Person = person
	}
	return call, nil
}

func (s *pupilsScreen) saveCall() tea.Cmd {
	c, err := s.form.call()
	if err != nil {
		s.form.fail(model.UserMessage(err))
		return nil
	}
	s.form.startSaving()
	svc := s.env.svc
	return func() tea.Msg {
		saved, err := svc.AddCall(c)
		return callSavedMsg{call: saved, err: err}
	}
}

func (s *pupilsScreen) onCallSaved(msg callSavedMsg) tea.Cmd {
	if s.form == nil {
		return nil
	}
	if msg.err != nil {
		s.form.fail(model.UserMessage(msg.err))
		return nil
	}
	s.form = nil
	return statusCmd("✓ Appel noté : %s, %s.", msg.call.Outcome, msg.call.At.Format("15:04"))
}
