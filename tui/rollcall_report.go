package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// exclusionReport is the short written report that an exclusion from the
// lesson requires: e records the mark, then asks for it; esc leaves it for
// later (the vie scolaire's desk lists it as missing until it is written).
type exclusionReport struct {
	punishment model.Punishment
	name       string
	form       *form
}

// reportSavedMsg is the commit (or refusal) of a report.
type reportSavedMsg struct {
	report *exclusionReport
	err    error
}

func (s *rollScreen) newExclusionReport(p model.Punishment) *exclusionReport {
	name := string(p.Pupil)
	if s.sheet != nil {
		for _, r := range s.sheet.Rows {
			if r.Pupil.ID == p.Pupil {
				name = r.Pupil.FullName()
			}
		}
	}
	return &exclusionReport{punishment: p, name: name, form: newForm(s.env.styles,
		"Exclusion de cours de "+name+" : rapport écrit au CPE et au chef d'établissement",
		formField{label: "Rapport", hint: "quelques mots ; esc : plus tard (il reste à écrire)"})}
}

func (s *rollScreen) reportKey(msg tea.KeyMsg) tea.Cmd {
	r := s.report
	if r.form.saving {
		return nil
	}
	switch r.form.handle(msg) {
	case formCancel:
		s.report = nil
		s.frame.invalidate()
		return statusCmd("Rapport d'exclusion de %s à écrire plus tard (bureau de la vie scolaire, volet Exclusions).", r.name)
	case formSave:
		text := r.form.value(0)
		if text == "" {
			r.form.fail("Écrivez le rapport, ou esc pour l'écrire plus tard.")
			return nil
		}
		r.form.startSaving()
		svc, id := s.env.svc, r.punishment.ID
		return func() tea.Msg {
			_, err := svc.WriteExclusionReport(id, text)
			return reportSavedMsg{report: r, err: err}
		}
	}
	s.frame.invalidate()
	return nil
}

func (s *rollScreen) onReportSaved(msg reportSavedMsg) tea.Cmd {
	s.frame.invalidate()
	if s.report != msg.report {
		return errCmd(msg.err)
	}
	if msg.err != nil {
		s.report.form.fail(model.UserMessage(msg.err))
		return nil
	}
	s.report = nil
	return statusCmd("✓ Rapport d'exclusion de %s enregistré.", msg.report.name)
}
