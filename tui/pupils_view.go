package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"appel/model"
)

// pupilsChrome is the number of body lines the file's header takes.
const pupilsChrome = 4

// View draws the search or the file's current pane.
func (s *pupilsScreen) View(width, height int) string {
	if s.searching || s.file == nil {
		if !s.searching && s.fileID != "" {
			return "Chargement…"
		}
		return s.searchView(width, height)
	}
	head := s.fileHeader(width)
	body := s.paneLines(width)
	h := max(height-len(head), 1)
	s.scroll = clamp(s.scroll, 0, max(len(body)-h, 0))
	body = body[s.scroll:min(s.scroll+h, len(body))]
	return strings.Join(append(head, body...), "\n")
}

func (s *pupilsScreen) searchView(width, height int) string {
	st := s.env.styles
	field := "Rechercher un élève : " + s.finder.query.field()
	if !s.finder.query.active {
		field += st.Muted.Render("   (/ pour modifier)")
	}
	lines := []string{st.Title.Render(truncate(field, width)), ""}
	if s.finder.query.String() == "" {
		lines = append(lines, st.Muted.Render("Tapez le début du nom ou du prénom, puis ↵ pour ouvrir la fiche."))
	} else if len(s.finder.found) == 0 {
		lines = append(lines, st.Muted.Render("Aucun élève ne correspond."))
	}
	list := &s.finder.list
	from, to := list.window(max(height-2, 1))
	for i := from; i < to; i++ {
		p := s.finder.found[list.items[i]]
		text := fmt.Sprintf("%-30s %-6s %s", truncate(p.FullName(), 30), p.Division, strings.Join(p.Groups, ", "))
		if left := p.LeftNote(model.DateOf(s.env.svc.Now())); left != "" {
			text += " · " + left
		}
		if i == list.cursor {
			lines = append(lines, truncate("› "+st.Cursor.Render(text), width))
		} else {
			lines = append(lines, truncate("  "+text, width))
		}
	}
	return strings.Join(lines, "\n")
}

func (s *pupilsScreen) fileHeader(width int) []string {
	st, f := s.env.styles, s.file
	p := f.Pupil
	id := []string{st.Title.Render(p.FullName()), f.Division.Code}
	if !p.BirthDate.IsZero() {
		id = append(id, "né(e) le "+p.BirthDate.French())
	}
	if p.INE != "" {
		id = append(id, "INE "+p.INE)
	}
	id = append(id, p.HistoryNotes(model.DateOf(s.env.svc.Now()))...)
	var groups []string
	for _, g := range f.Groups {
		groups = append(groups, g.Code)
	}
	second := "Groupes : " + orNone(strings.Join(groups, ", ")) +
		fmt.Sprintf(" · période : %s (%s → %s)", f.Period.Name, f.Period.From.French(), f.Period.To.French())
	var tabs []string
	for _, pane := range s.panes() {
		if pane == s.pane {
			tabs = append(tabs, st.TabActive.Render("["+pupilPaneTitles[pane]+"]"))
		} else {
			tabs = append(tabs, st.Tab.Render(pupilPaneTitles[pane]))
		}
	}
	return []string{truncate(strings.Join(id, " · "), width), truncate(second, width), strings.Join(tabs, "  "), ""}
}

func orNone(s string) string {
	if s == "" {
		return "aucun"
	}
	return s
}

func (s *pupilsScreen) paneLines(width int) []string {
	switch s.pane {
	case paneTimetable:
		return s.timetableLines(width)
	case paneAbsences:
		return s.historyLines(width, 0)
	case paneFamily:
		return s.familyLines(width)
	case paneDiscipline:
		return s.disciplineLines(width)
	}
	return s.summaryLines(width)
}

func (s *pupilsScreen) summaryLines(width int) []string {
	st, f := s.env.styles, s.file
	fig := f.Figures
	today := s.env.svc.Today()
	half := fmt.Sprintf("  Demi-journées d'absence : %d", fig.HalfDays())
	if f.SeeMotives {
		half += fmt.Sprintf(" · valables : %d · non valables : %d", fig.ValidHalfDays, fig.InvalidHalfDays)
	} else {
		half += " (validité réservée à la vie scolaire)"
	}
	lines := []string{
		st.Header.Render(fmt.Sprintf("Au %s, %s", today.French(), f.Period.Name)),
		half,
		"  Heures manquées : " + hoursText(fig.MissedMinutes),
		fmt.Sprintf("  Retards : %d (%d min) · exclusions de cours : %d", fig.Lates, fig.LateMinutes, fig.Exclusions),
		"",
		st.Header.Render("Dernières absences"),
	}
	lines = append(lines, s.historyLines(width, 6)...)
	if f.Contacts && len(f.Guardians) > 0 {
		lines = append(lines, "", st.Header.Render("Responsables"))
		for _, g := range f.Guardians {
			lines = append(lines, truncate("  "+guardianName(g, f.Pupil.ID)+" · "+phones(g), width))
		}
	}
	return lines
}

// historyLines lists the period's half-days with something recorded, latest
// first (the last ones only when last > 0), each with its marked séances.
func (s *pupilsScreen) historyLines(width, last int) []string {
	st, f := s.env.styles, s.file
	hs := f.History
	if last > 0 && len(hs) > last {
		hs = hs[len(hs)-last:]
	}
	if len(hs) == 0 {
		return []string{st.Muted.Render("  Aucune absence sur la période.")}
	}
	var lines []string
	for i := len(hs) - 1; i >= 0; i-- {
		h := hs[i]
		status := h.Status()
		if !f.SeeMotives && h.Absent {
			status = "comptée"
		}
		lines = append(lines, fmt.Sprintf("  %s %s · %s", shortDate(h.Date), h.Half, status))
		for _, l := range h.Seances {
			a := *l.Attendance
			if !a.Marked() && !a.Discordant() {
				continue
			}
			lines = append(lines, truncate(fmt.Sprintf("      %s %s · %s", a.Seance.TimeRange(), a.Seance.Subject,
				cellText(model.GridCell{Kind: historyKind(a), Attendance: a}, f.Name)), width))
		}
	}
	return lines
}

// historyKind is the grid's kind of a stored attendance, for cellText.
func historyKind(a model.Attendance) model.CellKind {
	switch {
	case a.Seance.Cancelled:
		return model.CellCancelled
	case a.Discordant():
		return model.CellDiscordant
	case a.Kind == model.KindAbsent:
		return model.CellAbsent
	case a.Kind == model.KindLate:
		return model.CellLate
	}
	return model.CellInfirmary
}

func phones(g model.Guardian) string {
	var parts []string
	for _, p := range [][2]string{{"port.", g.Phone}, {"dom.", g.HomePhone}, {"trav.", g.WorkPhone}} {
		if p[1] != "" {
			parts = append(parts, p[0]+" "+p[1])
		}
	}
	if g.Email != "" {
		parts = append(parts, g.Email)
	}
	if len(parts) == 0 {
		return "pas de coordonnées"
	}
	return strings.Join(parts, " · ")
}

func (s *pupilsScreen) familyLines(width int) []string {
	st, f := s.env.styles, s.file
	var lines []string
	if s.form != nil {
		lines = append(append(lines, s.form.lines(width)...), "")
	}
	if s.guardianForm != nil {
		lines = append(append(lines, s.guardianForm.lines(width)...), "")
	}
	head := st.Header.Render("Responsables légaux")
	if f.CanEditFamily && len(f.Guardians) > 0 && s.form == nil && s.guardianForm == nil {
		head += st.Muted.Render(" (m : modifier mél, portable, adresse)")
	}
	lines = append(lines, head)
	if len(f.Guardians) == 0 {
		lines = append(lines, st.Muted.Render("  Aucun responsable importé."))
	}
	for _, g := range f.Guardians {
		lines = append(lines, truncate("  "+guardianName(g, f.Pupil.ID)+" · "+phones(g), width))
		address := "sans adresse postale"
		if len(g.Address) > 0 {
			address = strings.Join(g.Address, ", ")
		}
		lines = append(lines, truncate("      "+address, width))
	}
	lines = append(lines, "", st.Header.Render("Avis aux familles"))
	if len(f.Notices) == 0 {
		lines = append(lines, st.Muted.Render("  Aucun avis."))
	}
	for _, n := range f.Notices {
		lines = append(lines, truncate("  "+noticeText(n), width))
	}
	head = st.Header.Render("Appels à la famille")
	if f.CanCall && s.form == nil {
		head += st.Muted.Render(" (c : noter un appel)")
	}
	lines = append(lines, "", head)
	if len(f.Calls) == 0 {
		lines = append(lines, st.Muted.Render("  Aucun appel noté."))
	}
	for i := len(f.Calls) - 1; i >= 0; i-- {
		lines = append(lines, truncate("  "+callText(f.Calls[i], f.Name), width))
	}
	return lines
}

// callText is "19/11 10:30 · Mme Lemaire → Mme Sophie ABADIE (mère) · Message laissé · note".
func callText(c model.FamilyCall, name func(string) string) string {
	text := c.At.Format("02/01 15:04") + " · " + name(c.By)
	if c.Person != "" {
		text += " → " + c.Person
	}
	text += " · " + c.Outcome
	if c.Note != "" {
		text += " · " + c.Note
	}
	return text
}

func (s *pupilsScreen) ShortHelp() []key.Binding {
	k, nav := s.keys, s.env.nav
	switch {
	case s.form != nil:
		return s.form.bindings()
	case s.guardianForm != nil:
		return s.guardianForm.bindings()
	case s.searching:
		return []key.Binding{k.Open, nav.Up, nav.Down, k.Search, k.Back}
	case s.pane == paneFamily && s.file != nil && s.file.CanEditFamily:
		return []key.Binding{k.Call, k.Edit, k.Pane, k.Search, k.Grid, k.Back}
	case s.pane == paneFamily && s.file != nil && s.file.CanCall:
		return []key.Binding{k.Call, k.Pane, k.Search, k.Grid, k.Back}
	}
	return []key.Binding{k.Pane, k.Prev, k.Next, k.Search, k.Grid, k.Back}
}

func (s *pupilsScreen) FullHelp() []HelpSection {
	k := s.keys
	switch {
	case s.form != nil:
		return []HelpSection{{Title: s.form.title, Keys: s.form.bindings()}}
	case s.guardianForm != nil:
		return []HelpSection{{Title: "Coordonnées d'un responsable", Keys: s.guardianForm.bindings()}}
	}
	return []HelpSection{
		{Title: "Chercher", Keys: []key.Binding{k.Search, k.Open, s.env.nav.Up, s.env.nav.Down, k.Back}},
		{Title: "Fiche", Keys: []key.Binding{k.Pane, k.PanePrev, k.Prev, k.Next, k.Grid, k.Call}},
	}
}
