package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// exclusionsPane lists the exclusions from a lesson of the day and every
// earlier one whose written report is still missing; it follows the roll
// calls live. r writes (or completes) the report.
type exclusionsPane struct {
	env    *env
	keys   exclusionKeys
	day    model.Date
	lines  []exclusionLine
	list   cursorList
	loader loadGate
	loaded bool
	height int
	busy   int
	report *exclusionEdit
}

type exclusionKeys struct{ Report key.Binding }

// exclusionLine is one exclusion with what the pane shows of it.
type exclusionLine struct {
	p      model.Punishment
	pupil  string
	seance string
}

// exclusionEdit is the report being written from the desk.
type exclusionEdit struct {
	id   string
	form *form
}

type exclusionsLoadedMsg struct {
	gen   int
	lines []exclusionLine
	err   error
}

type exclusionReportMsg struct {
	edit *exclusionEdit
	err  error
}

func newExclusionsPane(e *env) *exclusionsPane {
	return &exclusionsPane{env: e, keys: exclusionKeys{Report: newKey("r", "écrire le rapport", "r")}}
}

func (p *exclusionsPane) missing() int {
	n := 0
	for _, l := range p.lines {
		if l.p.MissingReport() {
			n++
		}
	}
	return n
}

func (p *exclusionsPane) title() string {
	if !p.loaded {
		return "Exclusions"
	}
	if m := p.missing(); m > 0 {
		return fmt.Sprintf("Exclusions %d (%d sans rapport)", len(p.lines), m)
	}
	return "Exclusions " + itoa(len(p.lines))
}

func (p *exclusionsPane) load(day model.Date) tea.Cmd {
	force := day != p.day
	p.day = day
	svc := p.env.svc
	return p.loader.load(force, func(gen int) tea.Msg {
		lines, err := loadExclusions(svc, day)
		return exclusionsLoadedMsg{gen: gen, lines: lines, err: err}
	})
}

func loadExclusions(svc service, day model.Date) ([]exclusionLine, error) {
	all, err := svc.Punishments(model.DisciplineQuery{Kind: model.PunishExclusion})
	if err != nil {
		return nil, err
	}
	dir, err := svc.Directory()
	if err != nil {
		return nil, err
	}
	var out []exclusionLine
	for _, x := range all {
		if x.Date != day && !x.MissingReport() {
			continue
		}
		l := exclusionLine{p: x, pupil: string(x.Pupil)}
		if pupil, ok := dir.Pupil(x.Pupil); ok {
			l.pupil = shown(pupil.FullName() + " (" + pupil.Division + ")")
		}
		if se, ok := dir.Seance(x.Seance); ok {
			l.seance = shown(shortDate(se.Date) + " " + se.Start.String() + " " + se.Subject)
		}
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b exclusionLine) int { return strings.Compare(string(a.p.Seance), string(b.p.Seance)) })
	return out, nil
}

// stale: any change of the discipline (an exclusion, a report).
func (p *exclusionsPane) stale(c model.Change) bool { return c.Touches(model.ChangedDiscipline) }

func (p *exclusionsPane) capturing() bool { return p.report != nil }

func (p *exclusionsPane) pending() int { return p.busy }

func (p *exclusionsPane) resize(_, height int) { p.height = height }

func (p *exclusionsPane) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case exclusionsLoadedMsg:
		latest, next := p.loader.arrived(msg.gen, func() tea.Cmd { return p.load(p.day) })
		if latest && msg.err == nil {
			p.lines, p.loaded = msg.lines, true
			p.list.setItems(indexes(len(p.lines)))
		}
		return tea.Batch(next, errCmd(msg.err))
	case exclusionReportMsg:
		p.busy = max(p.busy-1, 0)
		if msg.edit != p.report {
			return errCmd(msg.err)
		}
		if msg.err != nil {
			p.report.form.fail(model.UserMessage(msg.err))
			return nil
		}
		p.report = nil
		return tea.Batch(statusCmd("✓ Rapport d'exclusion enregistré."), p.load(p.day))
	}
	return nil
}

func (p *exclusionsPane) key(msg tea.KeyMsg) tea.Cmd {
	if p.report != nil {
		return p.reportKey(msg)
	}
	if p.list.navigate(msg, p.env.nav, max(p.height-2, 1)) {
		return nil
	}
	i, ok := p.list.selected()
	if ok && key.Matches(msg, p.keys.Report) {
		l := p.lines[i]
		p.report = &exclusionEdit{id: l.p.ID, form: newForm(p.env.styles, "Rapport d'exclusion : "+l.pupil+", "+l.seance,
			formField{label: "Rapport", value: l.p.Report})}
	}
	return nil
}

func (p *exclusionsPane) reportKey(msg tea.KeyMsg) tea.Cmd {
	e := p.report
	if e.form.saving {
		return nil
	}
	switch e.form.handle(msg) {
	case formCancel:
		p.report = nil
	case formSave:
		e.form.startSaving()
		p.busy++
		svc, text := p.env.svc, e.form.value(0)
		return func() tea.Msg {
			_, err := svc.WriteExclusionReport(e.id, text)
			return exclusionReportMsg{edit: e, err: err}
		}
	}
	return nil
}

func (p *exclusionsPane) view(width, height int) string {
	st := p.env.styles
	if !p.loaded {
		return "Chargement…"
	}
	if p.report != nil {
		return p.report.form.view(width)
	}
	lines := []string{st.Header.Render(padRight("  Séance                      Élève                          Par        Rapport", width))}
	from, to := p.list.window(max(height-2, 1))
	for pos := from; pos < to; pos++ {
		lines = append(lines, p.line(p.lines[p.list.items[pos]], pos == p.list.cursor, width))
	}
	if len(p.lines) == 0 {
		lines = append(lines, st.Ok.Render("  ✓ Aucune exclusion de cours, aucun rapport en attente."))
	}
	return strings.Join(lines, "\n")
}

func (p *exclusionsPane) line(l exclusionLine, cursor bool, width int) string {
	st := p.env.styles
	report := st.Warn.Render("rapport manquant")
	if !l.p.MissingReport() {
		report = l.p.Report
	}
	text := fmt.Sprintf("%-27s %-30s %-10s", truncate(l.seance, 27), truncate(l.pupil, 30), truncate(l.p.By, 10))
	if cursor {
		return truncate("› "+st.Cursor.Render(text)+" "+report, width)
	}
	return truncate("  "+text+" "+report, width)
}

func (p *exclusionsPane) shortHelp() []key.Binding {
	if p.report != nil {
		return p.report.form.bindings()
	}
	return []key.Binding{p.keys.Report}
}

func (p *exclusionsPane) fullHelp() []HelpSection {
	return []HelpSection{
		{Title: "Exclusions de cours", Keys: []key.Binding{p.keys.Report}},
		{Title: "Se déplacer", Keys: p.env.nav.bindings()},
	}
}
