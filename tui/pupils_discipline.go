package tui

import (
	"fmt"

	"appel/model"
)

// disciplineLines draws the Vie de l'élève pane of a pupil's file: his
// incidents, punishments and, for the vie scolaire and the direction, his
// sanctions not yet erased.
func (s *pupilsScreen) disciplineLines(width int) []string {
	st, d := s.env.styles, s.discipline
	if d == nil {
		return nil
	}
	lines := []string{st.Header.Render(fmt.Sprintf("Incidents (%d)", len(d.Incidents)))}
	for _, i := range d.Incidents {
		role := ""
		for _, x := range i.Involved {
			if x.Pupil == s.fileID {
				role = " · " + x.Role.Label()
			}
		}
		lines = append(lines, truncate(fmt.Sprintf("  %s %s  %s%s · %s", shortDate(i.Date), i.Time,
			model.KindLabel(d.IncidentKinds, i.Kind), role, i.Description), width))
	}
	lines = append(lines, "", st.Header.Render(fmt.Sprintf("Punitions (%d)", len(d.Punishments))))
	for _, p := range d.Punishments {
		note := p.Reason
		if p.Kind == model.PunishExclusion {
			note = "rapport : " + orNone(p.Report)
		}
		lines = append(lines, truncate(fmt.Sprintf("  %s  %s · %s · %s (par %s)", shortDate(p.Date),
			model.KindLabel(d.PunishmentKinds, p.Kind), p.State.Label(), note, p.By), width))
	}
	lines = append(lines, "")
	if !d.SeeSanctions {
		return append(lines, st.Muted.Render("Sanctions : réservées à la vie scolaire et à la direction."))
	}
	lines = append(lines, st.Header.Render(fmt.Sprintf("Sanctions non effacées (%d)", len(d.Sanctions))))
	for _, x := range d.Sanctions {
		erase := "jamais effacée"
		if e, ok := x.Erasure(); ok {
			erase = "effacée le " + e.French()
		}
		lines = append(lines, truncate(fmt.Sprintf("  %s  %s %s · %s · %s", x.Date.French(), x.Kind.Label(), x.Measure(), x.Facts, erase), width))
	}
	return lines
}
