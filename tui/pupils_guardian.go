package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// The fields of the guardian form, in tab order.
const (
	gfEmail = iota
	gfPhone
	gfAddress
	guardianFieldCount
)

var guardianFieldNames = [guardianFieldCount]string{"Mél", "Portable", "Adresse"}

// guardianForm changes the contacts of one of the pupil's guardians: ↑/↓
// picks him, tab moves between the e-mail, the mobile and the address
// (lines separated by /), enter saves (checked and audited by the model).
type guardianForm struct {
	guardians []model.Guardian
	pupil     model.PupilID
	pick      int
	fields    [guardianFieldCount]lineEdit
	field     int
	saving    bool
	err       string
}

func newGuardianForm(f *model.PupilFile) *guardianForm {
	form := &guardianForm{guardians: f.Guardians, pupil: f.Pupil.ID}
	form.load()
	return form
}

// load fills the fields with the picked guardian's contacts.
func (f *guardianForm) load() {
	g := f.guardians[f.pick]
	f.fields[gfEmail].value = []rune(g.Email)
	f.fields[gfPhone].value = []rune(g.Phone)
	f.fields[gfAddress].value = []rune(strings.Join(g.Address, " / "))
	f.err = ""
}

func (f *guardianForm) contacts() model.GuardianContacts {
	var lines []string
	for _, l := range strings.Split(f.fields[gfAddress].String(), "/") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return model.GuardianContacts{Email: f.fields[gfEmail].String(), Phone: f.fields[gfPhone].String(), Address: lines}
}

type guardianSavedMsg struct {
	guardian model.Guardian
	err      error
}

func (s *pupilsScreen) guardianKey(msg tea.KeyMsg) tea.Cmd {
	f := s.guardianForm
	if f.saving {
		return nil
	}
	switch msg.Type {
	case tea.KeyEsc:
		s.guardianForm = nil
	case tea.KeyEnter:
		f.saving, f.err = true, ""
		svc, id, c := s.env.svc, f.guardians[f.pick].ID, f.contacts()
		return func() tea.Msg {
			g, err := svc.EditGuardian(id, c)
			return guardianSavedMsg{guardian: g, err: err}
		}
	case tea.KeyTab:
		f.field = (f.field + 1) % guardianFieldCount
	case tea.KeyShiftTab:
		f.field = (f.field + guardianFieldCount - 1) % guardianFieldCount
	case tea.KeyUp, tea.KeyDown:
		step := map[tea.KeyType]int{tea.KeyUp: -1, tea.KeyDown: 1}[msg.Type]
		f.pick = (f.pick + step + len(f.guardians)) % len(f.guardians)
		f.load()
	default:
		f.fields[f.field].handle(msg)
	}
	return nil
}

func (s *pupilsScreen) onGuardianSaved(msg guardianSavedMsg) tea.Cmd {
	if s.guardianForm == nil {
		return nil
	}
	s.guardianForm.saving = false
	if msg.err != nil {
		s.guardianForm.err = model.UserMessage(msg.err)
		return nil
	}
	s.guardianForm = nil
	return tea.Batch(s.load(), statusCmd("✓ Responsable modifié : %s.", msg.guardian.DisplayName()))
}

// lines draws the form.
func (f *guardianForm) lines(st *Styles, width int) []string {
	out := []string{st.Title.Render("Coordonnées d'un responsable") +
		st.Muted.Render(" · ↑/↓ responsable · tab champ suivant · ↵ enregistrer · esc annuler"),
		truncate(fmt.Sprintf("  Responsable : ‹ %s › (%d/%d)", guardianName(f.guardians[f.pick], f.pupil), f.pick+1, len(f.guardians)), width)}
	for i := range f.fields {
		marker, text := "  ", padRight(guardianFieldNames[i], 9)+": "+f.fields[i].String()
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

// noticeText is « 23/11 matin · avis d'absence · mél · envoyé 08:21 · Mme X ».
func noticeText(n model.FamilyNotice) string {
	text := n.Label() + " · " + n.Channel + " · " + n.Status
	if n.Status == model.StatusSent {
		text += " " + n.SentAt.Format("02/01 15:04")
	}
	if n.Reply != "" && n.Status != model.StatusSent {
		text += " (" + n.Reply + ")"
	}
	return text + " · " + n.Names
}
