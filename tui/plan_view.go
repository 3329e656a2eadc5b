package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"appel/model"
)

// planChrome is the number of body lines the grid uses around its rows:
// a title, two header lines, two legend lines and two detail lines.
const planChrome = 7

// pupilLabelW is the width of a pupil grid's row label ("lun. 16/11 A").
const pupilLabelW = 12

// View draws the grid, or the division picker.
func (s *planScreen) View(width, height int) string {
	st := s.env.styles
	switch {
	case !s.loaded:
		return "Chargement…"
	case s.picker.open:
		return s.picker.view(st, width, height)
	case s.grid == nil:
		return st.Muted.Render("Aucune grille à afficher : d pour choisir une classe ou un groupe.")
	case s.grid.IsPupilGrid():
		return s.pupilView(width, height)
	}
	return s.classView(width, height)
}

func (s *planScreen) classView(width, height int) string {
	v := &s.view
	labelW, gap := v.layout(width, 0)
	count := plural(len(s.grid.Rows), "élève", "élèves")
	lines := []string{s.classTitle(width), v.dayHeader(labelW, gap, "  "+count), v.slotHeader(labelW, gap)}
	foot := s.footLines(width)
	rowsH := max(height-3-len(foot), 1)
	from, to := v.window(rowsH)
	for r := from; r < to; r++ {
		lines = append(lines, v.rowLine(r, s.grid.Rows[r].Pupil.FullName(), labelW, gap, ""))
	}
	if len(s.grid.Rows) == 0 {
		lines = append(lines, s.env.styles.Muted.Render("  Aucun élève inscrit cette semaine."))
	}
	lines = append(lines, make([]string, max(rowsH+3-len(lines), 0))...)
	return strings.Join(append(lines, foot...), "\n")
}

func (s *planScreen) classTitle(width int) string {
	st := s.env.styles
	g := s.grid
	text := g.Target.Code
	if g.Target.Kind == model.TargetGroup {
		text += " (groupe)"
	}
	text += " · semaine du " + g.From.French()
	if len(g.Days) > 0 && g.Days[0].WeekType != "" {
		text += " · semaine " + g.Days[0].WeekType
	}
	return truncate(st.Title.Render(text)+s.holidayText(), width)
}

// holidayText names the holidays of the days shown, with the days they
// cover: " · ~ Armistice (mer. 11/11)", " · ~ Toussaint (lun. 19/10 → ven. 23/10)".
func (s *planScreen) holidayText() string {
	var names []string
	spans := map[string][2]model.Date{}
	for _, d := range s.grid.Days {
		if d.Holiday == "" {
			continue
		}
		sp, seen := spans[d.Holiday]
		if !seen {
			names = append(names, d.Holiday)
			sp[0] = d.Date
		}
		sp[1] = d.Date
		spans[d.Holiday] = sp
	}
	var parts []string
	for _, n := range names {
		sp := spans[n]
		if sp[0] == sp[1] {
			parts = append(parts, fmt.Sprintf("%s (%s)", n, shortDate(sp[0])))
		} else {
			parts = append(parts, fmt.Sprintf("%s (%s → %s)", n, shortDate(sp[0]), shortDate(sp[1])))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " · ~ " + strings.Join(parts, ", ")
}

func (s *planScreen) pupilView(width, height int) string {
	st, v, g := s.env.styles, &s.view, s.grid
	gap := v.afternoon > 0
	title := fmt.Sprintf("%s · %s · %s", g.Pupil.FullName(), g.Pupil.Division, s.span.name)
	lines := []string{
		st.Title.Render(truncate(title, width)),
		truncate("  Sur la période : "+figuresText(g.Totals, g.SeeMotives), width),
		v.slotHeader(pupilLabelW, gap),
	}
	foot := s.footLines(width)
	rowsH := max(height-3-len(foot), 1)
	from, to := v.window(rowsH)
	for r := from; r < to; r++ {
		row := g.Rows[r]
		day := g.Days[row.Day]
		label := shortDate(day.Date) + " " + day.WeekType
		lines = append(lines, truncate(v.rowLine(r, label, pupilLabelW, gap, "  "+s.dayNote(row, day)), width))
	}
	lines = append(lines, make([]string, max(rowsH-(to-from), 0))...)
	return strings.Join(append(lines, foot...), "\n")
}

// dayNote is what a pupil grid writes after a day: its holiday or its count.
func (s *planScreen) dayNote(row model.GridRow, day model.GridDay) string {
	st := s.env.styles
	f := row.Figures
	switch {
	case day.Holiday != "":
		return st.Muted.Render(day.Holiday)
	}
	return dayFigures(f, s.grid.SeeMotives)
}

// dayFigures is a day's count in short: "1 dj non valable · 1 retard".
func dayFigures(f model.Figures, seeValidity bool) string {
	var parts []string
	switch {
	case f.HalfDays() == 0:
	case !seeValidity:
		parts = append(parts, fmt.Sprintf("%d dj", f.HalfDays()))
	case f.ValidHalfDays == 0:
		parts = append(parts, fmt.Sprintf("%d dj non valable", f.InvalidHalfDays))
	case f.InvalidHalfDays == 0:
		parts = append(parts, fmt.Sprintf("%d dj valable", f.ValidHalfDays))
	default:
		parts = append(parts, fmt.Sprintf("%d dj (%d valable, %d non valable)", f.HalfDays(), f.ValidHalfDays, f.InvalidHalfDays))
	}
	if f.Lates > 0 {
		parts = append(parts, plural(f.Lates, "retard", "retards"))
	}
	return strings.Join(parts, " · ")
}

// footLines are the legend and the detail of the cell under the cursor; while
// selecting, the bar's motive keys, the selection's count and the bar's
// preview of what a motive would change.
func (s *planScreen) footLines(width int) []string {
	st := s.env.styles
	if s.view.selecting() {
		lines := s.bar.motiveLines(st, width)
		count := st.Warn.Render(truncate(s.selectionText()+" : "+s.marked.text(), width))
		return append(lines, count, s.bar.previewLine(st, width))
	}
	legend := legendLines(s.view.glyphs, s.grid.SeeMotives, s.shown, width, 2)
	for len(legend) < 2 {
		legend = append(legend, "")
	}
	return append(legend, s.detailLines(width)...)
}

func (s *planScreen) selectionText() string {
	r0, r1, c0, c1 := s.view.rect()
	rows, cols := r1-r0+1, c1-c0+1
	if s.grid.IsPupilGrid() {
		return fmt.Sprintf("%s × %s", plural(rows, "jour", "jours"), plural(cols, "créneau", "créneaux"))
	}
	days := c1/s.view.slots - c0/s.view.slots + 1
	from, to := s.view.day(r0, c0).Date, s.view.day(r1, c1).Date
	return fmt.Sprintf("%s × %s (%02d/%02d → %02d/%02d)", plural(rows, "élève", "élèves"), plural(days, "jour", "jours"),
		from.Day, int(from.Month), to.Day, int(to.Month))
}

// detailLines describe the cell under the cursor: where and what.
func (s *planScreen) detailLines(width int) []string {
	row, cell, ok := s.view.current()
	if !ok {
		return []string{"", ""}
	}
	st, g := s.env.styles, s.grid
	day := s.view.day(s.view.row, s.view.col)
	slot := g.Slots[s.view.col%len(g.Slots)]
	where := row.Pupil.FullName() + " · " + shortDate(day.Date)
	if !cell.HasSeance() {
		what := "pas de cours"
		if day.Holiday != "" {
			what = day.Holiday + " : pas de cours"
		}
		return []string{truncate(fmt.Sprintf("%s · %s %s–%s", where, slot.Code, slot.Start, slot.End), width), st.Muted.Render(what)}
	}
	se := cell.Attendance.Seance
	var teachers []string
	for _, t := range se.Teachers {
		teachers = append(teachers, g.Name(t))
	}
	if se.Substitute != "" {
		teachers = []string{g.Name(se.Substitute) + " (remplaçant)"}
	}
	first := fmt.Sprintf("%s %s · %s · %s · %s%s", where, se.TimeRange(), se.Target.Code, se.Subject, strings.Join(teachers, ", "), roomText(se.Room))
	return []string{truncate(first, width), truncate(cellText(cell, g.Name), width)}
}

// cellText says what a cell holds: the mark, the motive (as the reader may
// see it), the announced absence and who entered them.
func cellText(c model.GridCell, name func(string) string) string {
	a := c.Attendance
	parts := []string{cellState(c)}
	switch {
	case c.Kind.IsAbsence() || c.Kind == model.CellLate:
		if j := justificationText(a); j != "" {
			parts = append(parts, j)
		} else if c.Kind.IsAbsence() {
			parts = append(parts, "non justifiée")
		}
	}
	if n := a.Notice; n != nil {
		parts = append(parts, fmt.Sprintf("absence annoncée par %s le %s", name(n.By), n.At.Format("02/01 à 15:04")))
	}
	if m := a.Mark; m != nil {
		parts = append(parts, fmt.Sprintf("saisi par %s le %s", name(m.By), m.At.Format("02/01 à 15:04")))
	}
	if j := a.Justification; j != nil && j.By != "" && (a.Notice == nil || a.Notice.Justification != j) {
		parts = append(parts, "motif donné par "+name(j.By))
	}
	return strings.Join(parts, " · ")
}

func cellState(c model.GridCell) string {
	switch c.Kind {
	case model.CellCancelled:
		return "séance annulée"
	case model.CellUpcoming:
		return "séance à venir"
	case model.CellUnknown:
		return "appel non fait"
	case model.CellPresent:
		return "présent"
	case model.CellDiscordant:
		return "vu présent alors qu'une absence est annoncée"
	}
	return markText(c.Attendance)
}

// figuresText writes counts: "3 demi-journées (2 valables, 1 non valable) ·
// 2,75 h · 1 retard (12 min)"; the split only for those who see validity.
func figuresText(f model.Figures, seeValidity bool) string {
	parts := []string{plural(f.HalfDays(), "demi-journée", "demi-journées")}
	if seeValidity && f.HalfDays() > 0 {
		parts[0] += fmt.Sprintf(" (%s, %s)", plural(f.ValidHalfDays, "valable", "valables"),
			plural(f.InvalidHalfDays, "non valable", "non valables"))
	}
	if f.MissedMinutes > 0 {
		parts = append(parts, hoursText(f.MissedMinutes))
	}
	if f.Lates > 0 {
		parts = append(parts, fmt.Sprintf("%s (%d min)", plural(f.Lates, "retard", "retards"), f.LateMinutes))
	}
	return strings.Join(parts, " · ")
}

// hoursText writes a time missed as "2,75 h" (model.HoursText).
func hoursText(minutes int) string { return model.HoursText(minutes) + " h" }

func (s *planScreen) ShortHelp() []key.Binding {
	k := s.keys
	switch {
	case s.picker.open:
		return []key.Binding{s.env.nav.Up, s.env.nav.Down}
	case s.view.selecting():
		return []key.Binding{s.bar.keys.Motive, s.bar.keys.Clear, k.Select, s.bar.keys.Undo}
	case s.pupil != "":
		prev, next := k.WeekPrev, k.WeekNext
		prev.SetHelp("[", "préc.")
		next.SetHelp("]", "suiv.")
		return []key.Binding{prev, next, k.Span, k.Select, k.Open, k.Back, s.bar.keys.Undo}
	}
	return []key.Binding{k.WeekPrev, k.WeekNext, k.Pick, k.Select, k.Open, k.PupilGrid, s.bar.keys.Undo, k.DayNext}
}

func (s *planScreen) FullHelp() []HelpSection {
	k, nav := s.keys, s.env.nav
	return []HelpSection{
		{Title: "Se déplacer", Keys: []key.Binding{nav.Up, nav.Down, k.Left, k.Right, k.DayPrev, k.DayNext, nav.PageUp, nav.PageDown}},
		{Title: "Semaine, classe, élève", Keys: []key.Binding{k.WeekPrev, k.WeekNext, k.Pick, k.Open, k.PupilGrid, k.Span, k.Back}},
		{Title: "Justifier un rectangle", Keys: append([]key.Binding{k.Select}, s.bar.help().Keys...)},
		legendHelp(s.grid == nil || s.grid.SeeMotives),
	}
}
