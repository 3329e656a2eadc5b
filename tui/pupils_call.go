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
	fieldOutcome = iota
	fieldPerson
	fieldTime
	fieldNote
	callFieldCount
)

var fieldNames = [callFieldCount]string{"Issue", "Personne", "Heure", "Note"}

// callForm logs a call to the family in a few keys: c, an outcome digit,
// enter (the first guardian, now, no note, by default).
type callForm struct {
	pupil   model.PupilID
	persons []string
	person  int
	outcome int
	clock   lineEdit
	note    lineEdit
	field   int
	now     time.Time
	saving  bool
	err     string
}

func newCallForm(f *model.PupilFile, now time.Time) *callForm {
	form := &callForm{pupil: f.Pupil.ID, now: now}
	for _, g := range f.Guardians {
		form.persons = append(form.persons, guardianName(g, f.Pupil.ID))
	}
	form.persons = append(form.persons, "autre personne")
	form.clock.value = []rune(now.Format("15:04"))
	return form
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
	f := s.form
	if f.saving {
		return nil
	}
	switch msg.Type {
	case tea.KeyEsc:
		s.form = nil
	case tea.KeyEnter:
		return s.saveCall()
	case tea.KeyTab:
		f.field = (f.field + 1) % callFieldCount
	case tea.KeyShiftTab:
		f.field = (f.field + callFieldCount - 1) % callFieldCount
	case tea.KeyUp:
		f.person = (f.person + len(f.persons) - 1) % len(f.persons)
	case tea.KeyDown:
		f.person = (f.person + 1) % len(f.persons)
	default:
		f.edit(msg)
	}
	return nil
}

// edit applies a key to the focused field: a digit or ←/→ picks the outcome
// or the person; the time and the note are typed.
func (f *callForm) edit(msg tea.KeyMsg) {
	step := map[tea.KeyType]int{tea.KeyLeft: -1, tea.KeyRight: 1}[msg.Type]
	switch f.field {
	case fieldOutcome:
		n := len(model.CallOutcomes)
		if msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && msg.Runes[0] >= '1' && int(msg.Runes[0]-'0') <= n {
			f.outcome = int(msg.Runes[0] - '1')
		}
		f.outcome = (f.outcome + step + n) % n
	case fieldPerson:
		f.person = (f.person + step + len(f.persons)) % len(f.persons)
	case fieldTime:
		f.clock.handle(msg)
	case fieldNote:
		f.note.handle(msg)
	}
}

// call builds the call the form describes.
func (f *callForm) call() (model.FamilyCall, error) {
	c, err := model.ParseClock(f.clock.String())
	if err != nil {
		return model.FamilyCall{}, err
	}
	c0 := model.FamilyCall{Pupil: f.pupil, Outcome: model.CallOutcomes[f.outcome], Note: f.note.String(),
		At: model.DateOf(f.now).Time(c, f.now.Location())}
	if f.person < len(f.persons)-1 {
		c0.Person = f.persons[f.person]
	}
	return c0, nil
}

func (s *pupilsScreen) saveCall() tea.Cmd {
	c, err := s.form.call()
	if err != nil {
		s.form.err = model.UserMessage(err)
		return nil
	}
	s.form.saving, s.form.err = true, ""
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
	s.form.saving = false
	if msg.err != nil {
		s.form.err = model.UserMessage(msg.err)
		return nil
	}
	s.form = nil
	return statusCmd("✓ Appel noté : %s, %s.", msg.call.Outcome, msg.call.At.Format("15:04"))
}

// lines draws the form.
func (f *callForm) lines(st *Styles, width int) []string {
	values := [callFieldCount]string{
		fmt.Sprintf("‹ %d %s › (1-%d, ←/→)", f.outcome+1, model.CallOutcomes[f.outcome], len(model.CallOutcomes)),
		fmt.Sprintf("‹ %s › (↑/↓)", f.persons[f.person]),
		f.clock.String() + " (aujourd'hui)",
		f.note.String(),
	}
	out := []string{st.Title.Render("Nouvel appel à la famille") + st.Muted.Render(" · ↵ enregistrer · tab champ suivant · esc annuler")}
	for i, v := range values {
		marker, text := "  ", padRight(fieldNames[i], 9)+": "+v
		if i == f.field {
			marker, text = "› ", text+"▏"
		}
		out = append(out, truncate(marker+text, width))
	}
	switch {
	case f.saving:
		out = append(out, st.Pending.Render("  enregistrement…"))
	case f.err != "":
		out = append(out, st.Error.Render(truncate("  ✗ "+f.err, width)))
	}
	return out
}
