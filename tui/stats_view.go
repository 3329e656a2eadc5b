package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"appel/model"
)

// statsChrome is the number of body lines the statistics draw around a table.
const statsChrome = 4

func (s *statsScreen) bodyHeight() int { return max(s.size.Height-appChrome, 1) }

func (s *statsScreen) rowsHeight() int { return max(s.bodyHeight()-statsChrome, 1) }

// View draws the explanation, or the title, the views' tabs, the table and
// its summary.
func (s *statsScreen) View(width, height int) string {
	if s.explain != nil {
		return s.explain.view(width, height)
	}
	if s.confirm != nil {
		return s.confirm.view(s.env.styles, width)
	}
	if s.st == nil {
		return "Chargement…"
	}
	st := s.env.styles
	t := &s.tables[s.pane]
	lines := []string{s.titleLine(width), s.tabsLine(width), st.Header.Render(truncate(padRight(t.header(), width), width))}
	rows := max(height-statsChrome, 1)
	from, to := t.list.window(rows)
	for i := from; i < to; i++ {
		row := t.list.items[i]
		text := t.line(row, i == t.list.cursor)
		if i == t.list.cursor {
			text = "› " + st.Cursor.Render(strings.TrimPrefix(text, "› "))
		}
		lines = append(lines, truncate(text, width))
	}
	if len(t.list.items) == 0 {
		lines = append(lines, st.Muted.Render("  "+s.emptyText()))
	}
	lines = append(lines, make([]string, max(rows-max(to-from, 1), 0))...)
	return strings.Join(append(lines, st.Muted.Render(truncate(s.summary(), width))), "\n")
}

func (s *statsScreen) titleLine(width int) string {
	p := s.periods[s.shown]
	left := fmt.Sprintf("Statistiques · %s (%s → %s)", p.label, s.st.From.French(), s.st.To.French())
	if s.period != s.shown {
		left += " · chargement de « " + s.periods[s.period].label + " »…"
	}
	return spread(s.env.styles.Title.Render(truncate(left, width-14)), s.env.styles.Muted.Render("p/P période"), width)
}

// tabsLine names the views, the current one marked, and what ←/→ choose.
func (s *statsScreen) tabsLine(width int) string {
	st := s.env.styles
	var parts []string
	for p := range paneCount {
		title := statsPaneTitles[p]
		if p == paneThresholds {
			title += fmt.Sprintf(" (%d)", len(s.st.Thresholds))
		}
		if p == s.pane {
			parts = append(parts, st.TabActive.Render("["+title+"]"))
		} else {
			parts = append(parts, st.Tab.Render(" "+title+" "))
		}
	}
	var context string
	switch s.pane {
	case panePupils:
		context = fmt.Sprintf("‹ %s ›", s.currentDivision())
	case paneMonths:
		if len(s.st.Months) > 0 {
			context = fmt.Sprintf("‹ %s ›", monthLabel(s.st.Months[s.month].Table.Month))
		}
	}
	return spread(strings.Join(parts, " "), st.Selected.Render(context), width)
}

func (s *statsScreen) emptyText() string {
	switch {
	case s.filter.String() != "":
		return "Aucune ligne ne correspond au filtre."
	case s.pane == paneThresholds:
		return "Aucun élève n'a atteint 4 demi-journées non valables dans un mois de la période."
	}
	return "Aucune donnée."
}

// summary is the line under the table: the totals shown, or the filter being typed.
func (s *statsScreen) summary() string {
	if f := s.filter.field(); f != "" {
		return "filtre : " + f
	}
	switch s.pane {
	case panePupils:
		return s.divisionSummary()
	case paneDivisions:
		return fmt.Sprintf("Établissement (%d élèves) : %s", s.st.School.Pupils, figuresShort(s.st.School.Figures))
	case paneMonths:
		return s.rateText()
	}
	reported := 0
	for _, l := range s.st.Thresholds {
		if l.Report != nil {
			reported++
		}
	}
	return fmt.Sprintf("%d élève(s)-mois au seuil · %d signalé(s) · %d à signaler", len(s.st.Thresholds),
		reported, len(s.st.Thresholds)-reported)
}

func (s *statsScreen) divisionSummary() string {
	code := s.currentDivision()
	for _, d := range s.st.Divisions {
		if d.Division == code {
			return fmt.Sprintf("%s (%d élèves) : %s", code, d.Pupils, figuresShort(d.Figures))
		}
	}
	return code
}

// rateText is the school's absenteeism rate of the month shown, as the ministry states it.
func (s *statsScreen) rateText() string {
	if len(s.st.Months) == 0 {
		return ""
	}
	m := s.st.Months[s.month].Table
	return fmt.Sprintf("Taux d'absentéisme %s : %s (%d élèves sur %d avec 4 demi-journées non valables ou plus) · SM aucun motif, MNV motif non valable",
		monthLabel(m.Month), percent(m.School.Rate()), m.School.Absentees(), m.School.Enrolled)
}

func (s *statsScreen) ShortHelp() []key.Binding {
	k := s.keys
	if s.explain != nil {
		return []key.Binding{s.env.nav.Up, s.env.nav.Down, k.Back}
	}
	keys := []key.Binding{k.Pane}
	switch s.pane {
	case panePupils:
		keys = append(keys, k.Explain, k.Step)
	case paneDivisions:
		keys = append(keys, k.Open)
	case paneMonths:
		step := k.Step
		step.SetHelp("←/→", "mois")
		keys = append(keys, step)
	case paneThresholds:
		keys = append(keys, k.Explain, k.Report)
	}
	return append(keys, k.SortBoth, s.env.nav.Filter)
}

func (s *statsScreen) FullHelp() []HelpSection {
	k := s.keys
	return []HelpSection{
		{Title: "Statistiques", Keys: []key.Binding{k.Pane, k.PanePrev, k.Prev, k.Next, k.Period, k.PeriodPrev}},
		{Title: "Tableau", Keys: []key.Binding{k.Sort, k.Reverse, k.Explain, k.Report, k.Back}},
		{Title: "Se déplacer", Keys: s.env.nav.bindings()},
	}
}

// statsAllowed: the statistics are for those who may read them (cpe, direction, admin).
func statsAllowed(p model.Policy, _ model.Account) bool { return p.Allows(model.PermStats) }
