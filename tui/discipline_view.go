package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

func (s *disciplineScreen) View(width, height int) string {
	if !s.loaded {
		return "Chargement…"
	}
	switch {
	case s.add != nil:
		return s.add.form.view(width)
	case s.roll != nil:
		return s.rollView(width, height)
	}
	st := s.env.styles
	tabs := []string{st.Title.Render("Vie de l'élève")}
	for _, i := range s.tabs {
		t := disciplineTabs[i]
		if i == s.tab {
			tabs = append(tabs, st.TabActive.Render("["+t+"]"))
		} else {
			tabs = append(tabs, st.Tab.Render(" "+t+" "))
		}
	}
	lines := []string{truncate(strings.Join(tabs, " "), width), st.Muted.Render(truncate(s.filterText(), width))}
	from, to := s.list.window(s.rowsHeight())
	for pos := from; pos < to; pos++ {
		lines = append(lines, s.rowLine(s.rows[s.list.items[pos]], pos == s.list.cursor, width))
	}
	if len(s.rows) == 0 {
		lines = append(lines, st.Muted.Render("  Rien à montrer avec ces filtres. n : ajouter."))
	}
	return strings.Join(lines, "\n")
}

// rowWidths are the widths of a tab's cells (the last one takes the rest).
var rowWidths = map[int][]int{
	tabIncidents:   {12, 20, 10, 30, 30},
	tabPunishments: {10, 26, 22, 10, 30},
	tabDetentions:  {24, 12, 22, 14},
	tabSanctions:   {10, 24, 26, 30, 20},
	tabStats:       {14, 8, 10, 40},
}

func (s *disciplineScreen) rowLine(r discRow, cursor bool, width int) string {
	st := s.env.styles
	var b strings.Builder
	for i, c := range r.cells {
		if ws := rowWidths[s.tab]; i < len(ws) {
			b.WriteString(padRight(truncate(c, ws[i]), ws[i]) + " ")
		} else {
			b.WriteString(c + " ")
		}
	}
	text := strings.TrimRight(b.String(), " ")
	switch {
	case cursor:
		return truncate("› "+st.Cursor.Render(text), width)
	case r.warn:
		return truncate("  "+st.Warn.Render(text), width)
	}
	return truncate("  "+text, width)
}

func (s *disciplineScreen) ShortHelp() []key.Binding {
	switch {
	case s.add != nil:
		return s.add.form.bindings()
	case s.roll != nil:
		return s.roll.bindings()
	}
	k := s.keys
	out := []key.Binding{k.New, k.Tab, k.Division, k.Kind, k.Period}
	switch s.tab {
	case tabIncidents:
		out = append(out, k.Punish)
	case tabPunishments:
		out = append(out, k.Done, k.NotDone, k.Place, k.Tell)
	case tabSanctions:
		out = append(out, k.Tell)
		if s.canSanction {
			out = append(out, k.Withdraw)
		}
	case tabDetentions:
		out = append(out, k.Open)
	}
	return out
}

func (s *disciplineScreen) FullHelp() []HelpSection {
	k := s.keys
	switch {
	case s.add != nil:
		return []HelpSection{{Title: s.add.form.title, Keys: s.add.form.bindings()}}
	case s.roll != nil:
		return []HelpSection{
			{Title: "Appel de la retenue (les touches d'une séance)", Keys: s.roll.bindings()},
			{Title: "Se déplacer", Keys: s.env.nav.bindings()},
		}
	}
	return []HelpSection{
		{Title: "Vie de l'élève", Keys: []key.Binding{k.New, k.Tab, k.PrevTab, k.Division, k.Kind, k.Period}},
		{Title: "Incidents, punitions, retenues, sanctions", Keys: []key.Binding{k.Punish, k.Done, k.NotDone, k.Place, k.Open, k.Tell, k.Withdraw}},
		{Title: "Se déplacer", Keys: s.env.nav.bindings()},
	}
}
