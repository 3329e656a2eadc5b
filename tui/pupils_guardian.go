package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// The fields of the guardian form, in tab order.
const (
	gfEmail = iota
	gfPhone
	gfAddress
)

// guardianForm changes the contacts of one of the pupil's guardians: pgup/
// pgdn picks him, the fields are his e-mail, his mobile and his address
// (lines separated by /), enter saves (checked and audited by the model).
type guardianForm struct {
	*form
	guardians []model.Guardian
	pupil     model.PupilID
	pick      int
	// Prev and Next pick the guardian edited.
	Prev, Next key.Binding
}

func newGuardianForm(st *Styles, f *model.PupilFile) *guardianForm {
	g := &guardianForm{guardians: f.Guardians, pupil: f.Pupil.ID,
		Prev: newKey("pgup", "responsable précédent", "pgup"),
		Next: newKey("pgdn", "responsable suivant", "pgdown"),
	}
	g.form = newForm(st, "", formField{label: "Mél"}, formField{label: "Portable"}, formField{label: "Adresse", hint: "(lignes séparées par /)"})
	g.form.withKeys(g.Prev, g.Next)
	g.load()
	return g
}

// load fills the fields with the picked guardian's contacts.
func (f *guardianForm) load() {
	g := f.guardians[f.pick]
	f.title = fmt.Sprintf("Coordonnées d'un responsable : %s (%d/%d)", guardianName(g, f.pupil), f.pick+1, len(f.guardians))
	f.setValue(gfEmail, g.Email)
	f.setValue(gfPhone, g.Phone)
	f.setValue(gfAddress, strings.Join(g.Address, " / "))
}

func (f *guardianForm) contacts() model.GuardianContacts {
	var lines []string
	for _, l := range strings.Split(f.value(gfAddress), "/") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return model.GuardianContacts{Email: f.value(gfEmail), Phone: f.value(gfPhone), Address: lines}
}

type guardianSavedMsg struct {
	guardian model.Guardian
	err      error
}

func (s *pupilsScreen) guardianKey(msg tea.KeyMsg) tea.Cmd {
	f := s.guardianForm
	switch step := 0; {
	case f.saving:
	case key.Matches(msg, f.Prev, f.Next):
		if key.Matches(msg, f.Next) {
			step = 1
		} else {
			step = -1
		}
		f.pick = (f.pick + step + len(f.guardians)) % len(f.guardians)
		f.load()
	default:
		switch f.handle(msg) {
		case formCancel:
			s.guardianForm = nil
		case formSave:
			f.startSaving()
			svc, id, c := s.env.svc, f.guardians[f.pick].ID, f.contacts()
			return func() tea.Msg {
				g, err := svc.EditGuardian(id, c)
				return guardianSavedMsg{guardian: g, err: err}
			}
		}
	}
	return nil
}

func (s *pupilsScreen) onGuardianSaved(msg guardianSavedMsg) tea.Cmd {
	if s.guardianForm == nil {
		return nil
	}
	if msg.err != nil {
		s.guardianForm.fail(model.UserMessage(msg.err))
		return nil
	}
	s.guardianForm = nil
	return tea.Batch(s.load(), statusCmd("✓ Responsable modifié : %s.", msg.guardian.DisplayName()))
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
