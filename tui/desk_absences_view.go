package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"appel/model"
)

// absencesChrome is the number of lines the pane draws around its rows, the
// motive lines apart: column header, summary, preview.
const absencesChrome = 3

// deskRow is a line's text, computed when the data arrives.
type deskRow struct {
	name, division, seances, state string
	unjustified                    int
}

func deskRows(lines []model.DeskLine) []deskRow {
	rows := make([]deskRow, len(lines))
	for i, l := range lines {
		chips := make([]string, len(l.Entries))
		for k, a := range l.Entries {
			chips[k] = entryChip(a)
		}
		rows[i] = deskRow{
			name: l.Pupil.FullName(), division: l.Pupil.Division,
			seances: strings.Join(chips, " · "), state: familyMark(l) + lineState(l), unjustified: l.Unjustified(),
		}
	}
	return rows
}

// familyMark is « ! » when a notice to the family failed or finds nobody,
// « ✉ » when the family was told (its answer shows as the motive beside).
func familyMark(l model.DeskLine) string {
	switch {
	case l.FamilyFailed:
		return "! "
	case l.FamilyTold:
		return "✉ "
	}
	return ""
}

// entryChip is "08:00 abs", "10:05 ret 7 min ✓", "14:00 abs à venir": ✓ a
// valid motive, ✗ a motive that is not valid, nothing when there is none yet;
// an announced absence to come counts for nothing yet.
func entryChip(a model.Attendance) string {
	kind := map[model.MarkKind]string{
		model.KindAbsent: "abs", model.KindInfirmary: "inf", model.KindExcluded: "exclu",
		model.KindExempt: "disp", model.KindOuting: "sortie",
	}[a.Kind]
	if a.Kind == model.KindLate {
		kind = fmt.Sprintf("ret %d min", a.Minutes)
	}
	chip := a.Seance.Start.String() + " " + kind
	switch {
	case a.Upcoming:
		chip += " à venir"
	case !model.Missed(a) || a.Justification == nil:
	case a.Valid():
		chip += " ✓"
	default:
		chip += " ✗"
	}
	return chip
}

// lineState says what remains to do for the pupil, or which motive he has.
func lineState(l model.DeskLine) string {
	if n := l.Unjustified(); n > 0 {
		return fmt.Sprintf("à justifier (%d)", n)
	}
	labels := map[string]bool{}
	var first string
	for _, a := range l.Entries {
		if j := a.Justification; j != nil && model.Missed(a) && !a.Upcoming {
			if first == "" {
				first = shortLabel(j.Label)
			}
			labels[j.Label] = true
		}
	}
	if len(labels) > 1 {
		return fmt.Sprintf("%d motifs", len(labels))
	}
	if first == "" && l.Announced() > 0 {
		return "annoncée, à venir"
	}
	return first
}

func (p *absencesPane) rowsHeight() int {
	return max(p.height-absencesChrome-2, 1)
}

func (p *absencesPane) view(width, height int) string {
	st := p.env.styles
	if !p.loaded {
		return "Chargement…"
	}
	motives := p.bar.motiveLines(st, width)
	rowsHeight := max(height-absencesChrome-len(motives), 1)
	if p.picker != nil {
		return p.picker.view(st, width, height)
	}
	nameW, divW, stateW := deskColumns(width)
	header := "      " + padRight("Élève", nameW) + " " + padRight("Div.", divW) + " " +
		padRight("Séances", max(width-nameW-divW-stateW-9, 0)) + " État"
	lines := []string{st.Header.Render(padRight(header, width))}
	from, to := p.list.window(rowsHeight)
	for pos := from; pos < to; pos++ {
		lines = append(lines, p.rowLine(p.list.items[pos], pos == p.list.cursor, width))
	}
	if len(p.list.items) == 0 {
		lines = append(lines, st.Muted.Render("  "+p.emptyText()))
	}
	lines = append(lines, make([]string, max(rowsHeight-max(to-from, 1), 0))...)
	lines = append(lines, p.summaryLine(width), p.bar.previewLine(st, width))
	return strings.Join(append(lines, motives...), "\n")
}

func (p *absencesPane) emptyText() string {
	if len(p.lines) == 0 {
		return "Aucune absence ni retard ce jour-là."
	}
	return "Aucun élève ne correspond au filtre (esc pour l'effacer)."
}

func deskColumns(width int) (nameW, divW, stateW int) {
	return min(max(width/4, 16), 30), 6, min(max(width/5, 16), 24)
}

func (p *absencesPane) rowLine(i int, cursor bool, width int) string {
	st := p.env.styles
	r, l := p.rows[i], p.lines[i]
	nameW, divW, stateW := deskColumns(width)
	seancesW := max(width-nameW-divW-stateW-9, 0)
	marker := "  "
	if cursor {
		marker = "› "
	}
	name := padRight(r.name, nameW)
	if cursor {
		name = st.Cursor.Render(name)
	}
	state := st.Justified.Render(truncate(r.state, stateW))
	if r.unjustified > 0 {
		state = st.Absent.Render(truncate(r.state, stateW))
	}
	line := marker + p.checkbox(l) + " " + name + " " + padRight(r.division, divW) + " " +
		padRight(r.seances, seancesW) + " " + state
	return truncate(line, width)
}

// checkbox is [x] when the line's marks are all selected, [~] when some are.
func (p *absencesPane) checkbox(l model.DeskLine) string {
	shown := l.Targets(false)
	switch n := p.bar.sel.count(shown); {
	case n == 0:
		return "[ ]"
	case n == len(shown):
		return p.env.styles.Selected.Render("[x]")
	}
	return p.env.styles.Selected.Render("[~]")
}

func (p *absencesPane) summaryLine(width int) string {
	st := p.env.styles
	pupils, announced, absences, unjustified := 0, 0, 0, 0
	for _, i := range p.list.items {
		l := p.lines[i]
		if len(l.Targets(false)) > 0 {
			pupils++
		} else {
			announced++
		}
		absences += l.Absences()
		unjustified += p.rows[i].unjustified
	}
	text := fmt.Sprintf("%s · %s · %d à justifier", plural(pupils, "élève", "élèves"),
		plural(absences, "absence", "absences"), unjustified)
	if announced > 0 {
		text += fmt.Sprintf(" · %s plus tard", plural(announced, "élève annoncé absent", "élèves annoncés absents"))
	}
	if p.bar.sel.len() > 0 {
		sel := p.bar.sel.list()
		text += " · sélection : " + selectionText(model.SelectionOf(sel)) + justifiedNote(sel)
	}
	if p.anchor >= 0 {
		text += " (plage : V pour finir)"
	}
	if f := p.filterText(); f != "" {
		text += " · filtre : " + f
	}
	return st.Muted.Render(truncate(text, width))
}

func (p *absencesPane) filterText() string {
	var parts []string
	if p.filter.Audience != "" {
		parts = append(parts, p.filter.Audience)
	}
	if p.filter.Unjustified {
		parts = append(parts, "non justifiées")
	}
	if f := p.name.field(); f != "" {
		parts = append(parts, "« "+f+" »")
	}
	return strings.Join(parts, ", ")
}

func (p *absencesPane) shortHelp() []key.Binding {
	k := p.keys
	return []key.Binding{p.bar.keys.Motive, k.Toggle, k.All, p.bar.keys.Undo}
}

func (p *absencesPane) fullHelp() []HelpSection {
	k, n := p.keys, p.env.nav
	return []HelpSection{
		p.bar.help(),
		{Title: "Sélection (ce que le motif touchera s'affiche avant la touche)", Keys: []key.Binding{k.Toggle, k.Range, k.All, k.Week}},
		{Title: "Filtres", Keys: []key.Binding{n.Filter, k.Audience, k.Unjustified}},
		{Title: "Élève sous le curseur", Keys: []key.Binding{k.Open, k.Announce, k.Correct, k.Trip}},
		{Title: "Légende", Keys: []key.Binding{
			newKey("✓ / ✗", "motif valable / non valable"),
			newKey("[x] [~]", "élève sélectionné / en partie"),
		}},
		{Title: "Se déplacer", Keys: n.bindings()},
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
