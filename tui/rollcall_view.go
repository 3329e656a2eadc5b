package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"appel/model"
)

func (s *rollScreen) bodyHeight() int { return max(s.size.Height-appChrome, 1) }

// View draws the day's séances or the roll call of the current séance. A
// change that concerns the screen only starts a load: the frame drawn
// before it is given again.
func (s *rollScreen) View(width, height int) string {
	return s.frame.get(width, height, s.draw)
}

func (s *rollScreen) draw(width, height int) string {
	switch {
	case s.report != nil:
		return s.report.form.view(width)
	case !s.loaded || (!s.dayPane && s.sheet == nil && s.current != ""):
		return "Chargement…"
	case s.dayPane || s.sheet == nil:
		return s.dayView(width, height)
	}
	return s.sheetView(width, height)
}

func (s *rollScreen) sheetView(width, height int) string {
	st := s.env.styles
	nameW, markW := rollColumns(width)
	columns := "   n° " + padRight("Élève", nameW) + " " + padRight("Marque", markW) + " À savoir"
	lines := []string{s.headerLine(width), st.Header.Render(padRight(columns, width))}
	rowsHeight := max(height-rollChrome, 1)
	from, to := s.list.window(rowsHeight)
	for i := from; i < to; i++ {
		lines = append(lines, s.rowLine(s.list.items[i], i == s.list.cursor, nameW, markW, width))
	}
	if len(s.list.items) == 0 {
		lines = append(lines, st.Muted.Render("  "+s.emptyText()))
	}
	lines = append(lines, make([]string, max(rowsHeight-(to-from), 0))...)
	return strings.Join(append(lines, s.summaryLine(width)), "\n")
}

func rollColumns(width int) (nameW, markW int) {
	markW = 15
	nameW = min(max(width/3, 20), 34)
	return nameW, markW
}

func (s *rollScreen) headerLine(width int) string {
	st := s.env.styles
	se := s.sheet.Seance
	left := fmt.Sprintf("%s · %s · %s %s", se.Target.Code, se.Subject, shortDate(se.Date), se.TimeRange())
	left += roomText(se.Room)
	var right string
	switch {
	case se.Cancelled:
		right = st.Warn.Render("séance annulée")
	case s.sheet.Done != nil:
		right = st.Ok.Render("✓ appel fait " + s.sheet.Done.At.Format("15:04"))
	default:
		right = st.Warn.Render("appel non fait")
	}
	return spread(st.Title.Render(truncate(left, width-18)), right, width)
}

// roomText is " · salle 104", or " · Labo" for a room named otherwise.
func roomText(room string) string {
	switch {
	case room == "":
		return ""
	case strings.HasPrefix(model.FoldAccents(room), "salle"), !strings.ContainsAny(room[:1], "0123456789"):
		return " · " + room
	}
	return " · salle " + room
}

func (s *rollScreen) rowLine(i int, cursor bool, nameW, markW, width int) string {
	st := s.env.styles
	row := s.sheet.Rows[i]
	mark, style := markText(row.Attendance), s.markStyle(row.Attendance)
	k := model.MarkKey{Seance: s.sheet.Seance.ID, Pupil: row.Pupil.ID}
	if kind, pending := s.writes.pendingKind(k); pending {
		mark, style = kind.Label()+" …", st.Pending
	}
	marker := "  "
	if cursor {
		marker = "› "
	}
	name := padRight(row.Pupil.FullName(), nameW)
	if cursor {
		name = st.Cursor.Render(name)
	}
	line := fmt.Sprintf("%s%3d %s %s %s", marker, row.Number, name,
		style.Render(padRight(mark, markW)), st.Muted.Render(s.hints(row)))
	return truncate(line, width)
}

func (s *rollScreen) markStyle(a model.Attendance) Style {
	st := s.env.styles
	switch a.Kind {
	case model.KindAbsent:
		return st.Absent
	case model.KindLate:
		return st.Late
	case model.KindPresent:
		if a.Discordant() {
			return st.Warn
		}
		return st.Muted
	}
	return st.Other
}

// hints is what the teacher should know beside the mark.
func (s *rollScreen) hints(row model.RollRow) string {
	var parts []string
	a := row.Attendance
	if a.Notice != nil {
		parts = append(parts, "absence annoncée")
	}
	if j := justificationText(a); j != "" && a.Kind != model.KindPresent {
		parts = append(parts, j)
	}
	if row.AbsentEarlier != nil {
		parts = append(parts, "absent à "+row.AbsentEarlier.Start.String())
	}
	return strings.Join(parts, " · ")
}

func (s *rollScreen) summaryLine(width int) string {
	st := s.env.styles
	counts := map[model.MarkKind]int{}
	for _, r := range s.sheet.Rows {
		counts[r.Attendance.Kind]++
	}
	text := countsText(len(s.sheet.Rows), counts)
	switch {
	case s.filter.field() != "":
		text += " · filtre : " + s.filter.field()
	case s.numbering:
		text += " · n° " + s.digits + "▏ (esc)"
	case !s.sheet.CanMark:
		text += " · consultation seule"
	}
	return st.Muted.Render(truncate(text, width))
}

// countsText is the roll call's counts line: every kind of mark that some
// pupil has, so that the parts add up to the pupils, with French plurals.
// Absences, lateness and the present are always shown.
func countsText(pupils int, counts map[model.MarkKind]int) string {
	parts := []string{
		plural(pupils, "élève", "élèves"),
		plural(counts[model.KindAbsent], "absent", "absents"),
		plural(counts[model.KindLate], "retard", "retards"),
	}
	optional := []struct {
		kind      model.MarkKind
		one, many string
	}{
		{model.KindInfirmary, "à l'infirmerie", "à l'infirmerie"},
		{model.KindExcluded, "exclu", "exclus"},
		{model.KindExempt, "dispensé", "dispensés"},
		{model.KindOuting, "sorti", "sortis"},
	}
	for _, o := range optional {
		if n := counts[o.kind]; n > 0 {
			parts = append(parts, plural(n, o.one, o.many))
		}
	}
	parts = append(parts, plural(counts[model.KindPresent], "présent", "présents"))
	return strings.Join(parts, " · ")
}

func (s *rollScreen) dayView(width, height int) string {
	st := s.env.styles
	lines := []string{st.Title.Render("Mes séances — " + longDate(s.day)), ""}
	if len(s.seances) == 0 {
		lines = append(lines, st.Muted.Render("Aucune séance ce jour-là. ←/→ pour changer de jour."))
	}
	for i, ss := range s.seances {
		lines = append(lines, s.seanceLine(ss, i == s.dayCur, width))
	}
	return strings.Join(columnize(lines, height, width), "\n")
}

func (s *rollScreen) seanceLine(ss model.SeanceStatus, cursor bool, width int) string {
	st := s.env.styles
	se := ss.Seance
	state := st.Warn.Render("appel non fait")
	switch {
	case se.Cancelled:
		state = st.Muted.Render("annulée")
	case ss.Done != nil:
		state = st.Ok.Render(fmt.Sprintf("✓ appel fait · %d abs. · %d ret.", ss.Absent, ss.Late))
	}
	marker := "  "
	if cursor {
		marker = "› "
	}
	text := fmt.Sprintf("%s  %-10s %-18s %-8s", se.TimeRange(), truncate(se.Target.Code, 10),
		truncate(se.Subject, 18), truncate(se.Room, 8))
	if cursor {
		text = st.Cursor.Render(text)
	}
	return truncate(marker+text+" "+state, width)
}

func (s *rollScreen) ShortHelp() []key.Binding {
	if s.report != nil {
		return s.report.form.bindings()
	}
	if s.dayPane {
		return []key.Binding{s.keys.Open, s.env.nav.Up, s.env.nav.Down, s.keys.Prev, s.keys.Next}
	}
	k := s.keys
	return []key.Binding{k.Validate, k.Absent, k.Late, k.Present, k.Infirmary, k.Excluded, k.Exempt, k.Outing, k.Number, k.Day}
}

func (s *rollScreen) FullHelp() []HelpSection {
	k := s.keys
	return []HelpSection{
		{Title: "Marquer (le curseur passe à l'élève suivant ; e demande le rapport d'exclusion)", Keys: []key.Binding{k.Absent, k.Late, k.Present, k.Infirmary, k.Excluded, k.Exempt, k.Outing}},
		{Title: "Retard sous le curseur", Keys: []key.Binding{k.Later, k.Sooner}},
		{Title: "Appel", Keys: []key.Binding{k.Validate, k.Number, k.Prev, k.Next, k.Day}},
		{Title: "Se déplacer", Keys: s.env.nav.bindings()},
	}
}

// emptyText says why the roll call shows no pupil: none in the class or
// group yet (the pupils come from SIECLE), or none that the filter matches.
func (s *rollScreen) emptyText() string {
	if len(s.sheet.Rows) > 0 {
		return "Aucun élève ne correspond au filtre."
	}
	if s.sheet.Seance.Target.Kind == model.TargetGroup {
		return "Aucun élève dans ce groupe : importez SIECLE (appel import siecle)."
	}
	return "Aucun élève dans cette division : importez SIECLE (appel import siecle)."
}
